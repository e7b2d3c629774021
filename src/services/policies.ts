import type { ActionName, Input } from '../../core/contracts/answers';
import type { PolicyFields, PolicyStatus } from '../../core/contracts/policies';
import type { CategoryId } from '../../core/data/categories';
import type { IdentityTypeId } from '../../core/data/identity-types';
import { callFunction } from './call';

// Types only from the contract: its zod schemas stay out of the main package.
const QUERY_MAX = 100;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** What the search box sends: no control characters, trimmed, at most 100 characters (policies.search's contract). */
export const cleanQuery = (text: string): string => Array.from(text.replace(CONTROL_CHARS, ' ').trim()).slice(0, QUERY_MAX).join('').trim();

const call = <A extends ActionName<'policies'>>(action: A, input: Input<'policies', A>) => callFunction('policies', { action, ...input });

export const listPolicies = (category?: CategoryId, page = 1, pageSize = 20) =>
  call('list', { ...(category ? { category } : {}), page, pageSize });
export const searchPolicies = (q: string, category?: CategoryId, limit = 30) =>
  call('search', { q: cleanQuery(q), ...(category ? { category } : {}), limit });
export const getPolicy = (id: string) => call('get', { id });
export const matchPolicies = (identities?: IdentityTypeId[]) => call('match', identities ? { identities } : {});
export const toggleFavorite = (id: string) => call('toggleFavorite', { id });
export const listFavorites = (page = 1) => call('favorites', { page });

// Admin
export const managePolicies = (filter: { status?: PolicyStatus; category?: CategoryId; page?: number } = {}) =>
  call('manage', { ...filter, pageSize: 50 });
export const savePolicy = (policy: PolicyFields, id?: string, version?: number, note?: string) =>
  call('save', { policy, ...(id ? { id } : {}), ...(version ? { version } : {}), ...(note ? { note } : {}) });
export const setPolicyStatus = (id: string, status: PolicyStatus, note?: string) =>
  call('setStatus', { id, status, ...(note ? { note } : {}) });
export const policyHistory = (id: string) => call('history', { id });
