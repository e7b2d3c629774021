import type {
  HistoryEntry,
  MatchResult,
  Page,
  Policy,
  PolicyFields,
  PolicyStatus,
  PolicySummary,
  SearchResult,
} from '../../core/contracts/policies';
import type { CategoryId } from '../../core/data/categories';
import type { IdentityTypeId } from '../../core/data/identity-types';
import { callFunction } from './call';

// Types only from the contract: its zod schemas stay out of the main package.
const QUERY_MAX = 100;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** What the search box sends: no control characters, trimmed, at most 100 characters (policies.search's contract). */
export const cleanQuery = (text: string): string => Array.from(text.replace(CONTROL_CHARS, ' ').trim()).slice(0, QUERY_MAX).join('').trim();

const call = <T>(action: string, payload: Record<string, unknown> = {}) => callFunction<T>('policies', { action, ...payload });

export const listPolicies = (category?: CategoryId, page = 1, pageSize = 20) =>
  call<Page<PolicySummary>>('list', { ...(category ? { category } : {}), page, pageSize });
export const searchPolicies = (q: string, category?: CategoryId, limit = 30) =>
  call<SearchResult>('search', { q: cleanQuery(q), ...(category ? { category } : {}), limit });
export const getPolicy = (id: string) => call<Policy>('get', { id });
export const matchPolicies = (identities?: IdentityTypeId[]) => call<MatchResult>('match', identities ? { identities } : {});
export const toggleFavorite = (id: string) => call<{ id: string; favorited: boolean }>('toggleFavorite', { id });
export const listFavorites = (page = 1) => call<Page<PolicySummary>>('favorites', { page });

// Admin
export type ManagedPolicy = PolicySummary & { version: number; updatedAt: string };
export const managePolicies = (filter: { status?: PolicyStatus; category?: CategoryId; page?: number } = {}) =>
  call<Page<ManagedPolicy>>('manage', { ...filter, pageSize: 50 });
export const savePolicy = (policy: PolicyFields, id?: string, version?: number, note?: string) =>
  call<Policy>('save', { policy, ...(id ? { id } : {}), ...(version ? { version } : {}), ...(note ? { note } : {}) });
export const setPolicyStatus = (id: string, status: PolicyStatus, note?: string) =>
  call<Policy>('setStatus', { id, status, ...(note ? { note } : {}) });
export const policyHistory = (id: string) => call<{ items: HistoryEntry[] }>('history', { id });
