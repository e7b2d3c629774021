import type { SearchResult } from '../../core/contracts/policies';
import { favoriteId, type FavoriteRecord, type HistoryRecord, type PolicyRecord } from '../../core/policies/model';
import type { PoliciesPort } from '../../core/policies/port';
// The module is light: it requires its dictionaries only when an index is built.
import { buildPolicyIndex, type PolicySearchIndex } from '../../core/server/policy-search';
import { db, firstRow, rows, updatedCount } from '../_lib/cloud';

/** The settings document whose `revision` changes whenever the published catalog does. */
export const CATALOG_REVISION_DOC = 'policyCatalog';
const MAX_GET = 1000;

interface WarmCatalog {
  revision: string;
  policies: readonly PolicyRecord[];
  index?: PolicySearchIndex;
  /** What the use cases derive from the catalog (its list order, its match order), built at first use. */
  views: Map<string, unknown>;
}

// Kept for the warm instance's lifetime and rebuilt when the revision moves. An edit in this instance
// drops it at once; another instance's edit is seen at the next revision check, at most a second later
// (checking on every call would cost a read per search, a third of the latency budget).
const REVALIDATE_MS = 1000;
let warm: WarmCatalog | null = null;
let checkedAt = 0;
let loading: { revision: string; promise: Promise<WarmCatalog> } | null = null;

const newRevision = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** wx-server-sdk adapter for the policy use cases. */
export function policiesStore(): PoliciesPort {
  const d = db();
  const _ = d.command;
  const policies = d.collection('policies');
  const history = d.collection('policy_history');
  const favorites = d.collection('favorites');
  const settings = d.collection('settings');

  async function revision(): Promise<string> {
    const doc = await firstRow<{ revision?: string }>(settings.where({ _id: CATALOG_REVISION_DOC }).limit(1));
    return doc?.revision ?? 'none';
  }

  async function loadPublished(): Promise<PolicyRecord[]> {
    const out: PolicyRecord[] = [];
    for (;;) {
      const page = await rows<PolicyRecord>(policies.where({ status: 'published' }).orderBy('_id', 'asc').skip(out.length).limit(MAX_GET));
      out.push(...page);
      if (page.length < MAX_GET) return out;
    }
  }

  async function catalog(): Promise<WarmCatalog> {
    if (warm && Date.now() - checkedAt < REVALIDATE_MS) return warm;
    const current = await revision();
    checkedAt = Date.now();
    if (warm?.revision === current) return warm;
    if (loading?.revision !== current) {
      const promise = loadPublished().then((list) => (warm = { revision: current, policies: list, views: new Map() }));
      loading = { revision: current, promise };
      promise.catch(() => {
        loading = null;
      });
    }
    return loading.promise;
  }

  return {
    async listPolicies(filter, page, pageSize) {
      const where: Record<string, unknown> = {};
      if (filter.status) where.status = filter.status;
      if (filter.category) where.category = filter.category;
      const [items, counted] = await Promise.all([
        rows<PolicyRecord>(
          policies
            .where(where)
            .orderBy('categoryOrder', 'asc')
            .orderBy('_id', 'asc')
            .skip((page - 1) * pageSize)
            .limit(pageSize),
        ),
        policies.where(where).count() as Promise<{ total: number }>,
      ]);
      return { items, total: counted.total };
    },
    findPolicy: (id) => firstRow<PolicyRecord>(policies.where({ _id: id }).limit(1)),
    async publishedView<T>(name: string, build: (published: readonly PolicyRecord[]) => T): Promise<T> {
      const c = await catalog();
      if (!c.views.has(name)) c.views.set(name, build(c.policies));
      return c.views.get(name) as T;
    },
    async search(q, options): Promise<SearchResult> {
      const c = await catalog();
      c.index ??= buildPolicyIndex(c.policies.map((p) => ({ ...p, id: p._id })));
      return c.index.search(q, options);
    },
    async insertPolicy(record) {
      const { _id, ...rest } = record;
      await policies.add({ data: { _id, ...rest } });
    },
    replacePolicy: async (record, expectedVersion) => {
      const { _id, ...rest } = record;
      // Conditional on the version: of two admins saving at once, the second gets a CONFLICT.
      const data: Record<string, unknown> = { ...rest };
      // Optional fields an edit removed must go from the stored document too.
      for (const key of ['effectiveTo', 'keywords', 'publishedAt'] as const) if (!(key in rest)) data[key] = _.remove();
      return (await updatedCount(policies.where({ _id, version: expectedVersion }).update({ data }))) === 1;
    },
    async insertHistory(entry: HistoryRecord) {
      await history.add({ data: entry });
    },
    listHistory: (policyId) => rows<HistoryRecord & { _id: string }>(history.where({ policyId }).orderBy('version', 'desc').limit(MAX_GET)),
    async catalogChanged(at) {
      await settings.doc(CATALOG_REVISION_DOC).set({ data: { revision: newRevision(), updatedAt: at } });
      warm = null;
    },
    // A favorite's _id is `${openid}:${policyId}` (favoriteId): read and removed by its key, not by a query.
    isFavorite: async (openid, policyId) => (await firstRow(favorites.where({ _id: favoriteId(openid, policyId) }).limit(1))) !== null,
    async addFavorite(favorite: FavoriteRecord) {
      const { _id, ...rest } = favorite;
      await favorites.doc(_id).set({ data: rest });
    },
    removeFavorite: async (openid, policyId) => {
      const res = (await favorites.where({ _id: favoriteId(openid, policyId) }).remove()) as { stats: { removed: number } };
      return res.stats.removed > 0;
    },
    listFavorites: (openid) => rows<FavoriteRecord>(favorites.where({ openid }).orderBy('createdAt', 'desc').limit(MAX_GET)),
  };
}
