import type { PolicyStatus, SearchResult } from '../contracts/policies';
import type { CategoryId } from '../data/categories';
import type { FavoriteRecord, HistoryRecord, PolicyRecord } from './model';

/** Which policies an admin's list reads: all of them, or one status, or one category. */
export interface PolicyFilter {
  status?: PolicyStatus;
  category?: CategoryId;
}

/**
 * What the policy use cases need from storage and the platform: the catalog, its history, the people's
 * favorites, and the search index over the published catalog. cloudfunctions/policies/store.ts adapts
 * wx-server-sdk (and the warm instance's copy of the catalog) to it.
 */
export interface PoliciesPort {
  listPolicies(filter: PolicyFilter, page: number, pageSize: number): Promise<{ items: PolicyRecord[]; total: number }>;
  findPolicy(id: string): Promise<PolicyRecord | null>;
  /**
   * `build(every published policy)`, built once per catalog revision and kept with the catalog under `name`:
   * the orders and lookups a read needs, so that no call sorts or counts the whole catalog.
   */
  publishedView<T>(name: string, build: (published: readonly PolicyRecord[]) => T): Promise<T>;
  /** The search index over the published catalog. */
  search(q: string, options: { category?: CategoryId; limit?: number }): Promise<SearchResult>;
  insertPolicy(record: PolicyRecord): Promise<void>;
  /** Writes `record` only if the stored version is still `expectedVersion`; false when someone else wrote first. */
  replacePolicy(record: PolicyRecord, expectedVersion: number): Promise<boolean>;
  insertHistory(entry: HistoryRecord): Promise<void>;
  listHistory(policyId: string): Promise<(HistoryRecord & { _id: string })[]>;
  /** Tells every warm instance the published catalog changed. */
  catalogChanged(at: string): Promise<void>;
  isFavorite(openid: string, policyId: string): Promise<boolean>;
  addFavorite(favorite: FavoriteRecord): Promise<void>;
  removeFavorite(openid: string, policyId: string): Promise<boolean>;
  listFavorites(openid: string): Promise<FavoriteRecord[]>;
}
