/**
 * The policy catalog's use cases: reading (published only, for everyone but admins), "for me",
 * favorites, and the admin's edits with their history. Storage and the search index come through
 * the port; the cloud function adapts wx-server-sdk (and the warm index) to it.
 */
import type {
  HistoryEntry,
  MatchResult,
  Page,
  Policy,
  PolicyFields,
  PolicyStatus,
  PolicySummary,
  SearchResult,
} from '../contracts/policies';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../data/categories';
import { IDENTITY_TYPES, type IdentityTypeId } from '../data/identity-types';
import { AppError } from '../envelope';
import type { Caller } from '../roles';
import { formatChina } from '../time';

export interface PolicyRecord extends PolicyFields {
  _id: string;
  status: PolicyStatus;
  version: number;
  /** The category's place in the taxonomy: lists sort by it. */
  categoryOrder: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  publishedAt?: string;
}

export interface HistoryRecord {
  policyId: string;
  version: number;
  action: HistoryEntry['action'];
  at: string;
  by: string;
  note?: string;
  changes: string[];
  /** The policy as it stood after this change. */
  snapshot: PolicyFields & { status: PolicyStatus };
}

export interface FavoriteRecord {
  _id: string;
  openid: string;
  policyId: string;
  createdAt: string;
}

export interface PolicyFilter {
  status?: PolicyStatus;
  category?: CategoryId;
}

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

/** What the policy use cases are given (decision 014): the port, the moment of the call, and new policy ids. */
export interface PolicyDeps {
  port: PoliciesPort;
  now: Date;
  newId: () => string;
}

type Authed = Caller & { openid: string };
type Paging = { page?: number; pageSize?: number };

const DEFAULT_PAGE_SIZE = 20;
const CATEGORY_NAMES = new Map<string, string>(CATEGORIES.map((c) => [c.id, c.name]));
const FIELD_NAMES: (keyof PolicyFields)[] = [
  'title',
  'category',
  'summary',
  'eligibility',
  'benefits',
  'materials',
  'steps',
  'department',
  'legalBasis',
  'effectiveFrom',
  'effectiveTo',
  'keywords',
];

const isAdmin = (caller: Caller) => caller.role === 'admin';
export const favoriteId = (openid: string, policyId: string) => `${openid}:${policyId}`;
export const categoryOrder = (category: CategoryId) => CATEGORY_IDS.indexOf(category);

export function fieldsOf(record: PolicyRecord): PolicyFields {
  const fields: PolicyFields = {
    title: record.title,
    category: record.category,
    summary: record.summary,
    eligibility: { identities: [...record.eligibility.identities], conditions: [...record.eligibility.conditions] },
    benefits: [...record.benefits],
    materials: [...record.materials],
    steps: [...record.steps],
    department: { ...record.department },
    legalBasis: record.legalBasis.map((b) => ({ ...b })),
    effectiveFrom: record.effectiveFrom,
  };
  if (record.effectiveTo !== undefined) fields.effectiveTo = record.effectiveTo;
  if (record.keywords) fields.keywords = [...record.keywords];
  return fields;
}

export function presentPolicy(record: PolicyRecord, favorited?: boolean): Policy {
  const policy: Policy = {
    id: record._id,
    ...fieldsOf(record),
    status: record.status,
    version: record.version,
    updatedAt: formatChina(new Date(record.updatedAt)),
  };
  if (record.publishedAt) policy.publishedAt = formatChina(new Date(record.publishedAt));
  if (favorited !== undefined) policy.favorited = favorited;
  return policy;
}

export function summarizePolicy(record: PolicyRecord, withStatus = false): PolicySummary {
  const summary: PolicySummary = {
    id: record._id,
    title: record.title,
    category: record.category,
    summary: record.summary,
    departmentName: record.department.name,
  };
  if (withStatus) summary.status = record.status;
  return summary;
}

const pageOf = (input: Paging) => ({
  page: input.page ?? 1,
  pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
});

// ---------- reading ----------

/** The published catalog in list order (the taxonomy's, then by id, as an admin's list sorts), whole and by category. */
interface ListView {
  all: PolicySummary[];
  byCategory: Map<CategoryId, PolicySummary[]>;
}

function buildListView(published: readonly PolicyRecord[]): ListView {
  const all = [...published]
    .sort((a, b) => a.categoryOrder - b.categoryOrder || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    .map((r) => summarizePolicy(r));
  const byCategory = new Map<CategoryId, PolicySummary[]>();
  for (const summary of all) {
    const list = byCategory.get(summary.category);
    if (list) list.push(summary);
    else byCategory.set(summary.category, [summary]);
  }
  return { all, byCategory };
}

/** A page of the published catalog: a slice of the order the warm instance keeps, not a sort and a count per call. */
export async function listPublished(
  { port }: Pick<PolicyDeps, 'port'>,
  _caller: Caller,
  input: { category?: CategoryId } & Paging,
): Promise<Page<PolicySummary>> {
  const { page, pageSize } = pageOf(input);
  const view = await port.publishedView('list', buildListView);
  const list = input.category ? (view.byCategory.get(input.category) ?? []) : view.all;
  return { items: list.slice((page - 1) * pageSize, page * pageSize).map((s) => ({ ...s })), total: list.length, page, pageSize };
}

export async function searchPolicies(
  { port }: Pick<PolicyDeps, 'port'>,
  _caller: Caller,
  input: { q: string; category?: CategoryId; limit?: number },
): Promise<SearchResult> {
  return port.search(input.q, { category: input.category, limit: input.limit });
}

/** Drafts and archived policies exist only for admins: to anyone else they are NOT_FOUND. */
export async function getPolicy({ port }: Pick<PolicyDeps, 'port'>, caller: Caller, { id }: { id: string }): Promise<Policy> {
  const record = await port.findPolicy(id);
  if (!record || (record.status !== 'published' && !isAdmin(caller)))
    throw new AppError('NOT_FOUND', '没有找到这条政策，可能已经调整或下线');
  const favorited = caller.openid ? await port.isFavorite(caller.openid, id) : undefined;
  return presentPolicy(record, favorited);
}

/** Why a policy applies to someone with these identities, or null when it does not. */
export function matchReason(policyIdentities: readonly string[], identities: readonly IdentityTypeId[]): string | null {
  // In the taxonomy's order, whatever order they were given in.
  const names = IDENTITY_TYPES.filter((t) => identities.includes(t.id) && policyIdentities.includes(t.id)).map((t) => t.name);
  return names.length ? `适用于${names.join('、')}` : null;
}

/** The published catalog in "for me" order, with each policy's identities as a bit set (bit i: IDENTITY_TYPES[i]). */
interface MatchView {
  entries: { record: PolicyRecord; identities: number }[];
  /** How many policies each set of identities matches, counted at its first call (at most 2^9 sets). */
  totals: Map<number, number>;
}

const identityBits = (ids: readonly string[]): number =>
  IDENTITY_TYPES.reduce((bits, t, i) => (ids.includes(t.id) ? bits | (1 << i) : bits), 0);

function buildMatchView(published: readonly PolicyRecord[]): MatchView {
  // Sorted once per catalog revision: categories in the taxonomy's order; within one, the policies meant for
  // fewer kinds of people first (they are most the person's own), then by title as Chinese sorts.
  const collator = new Intl.Collator('zh');
  const categoryIndex = new Map<string, number>(CATEGORY_IDS.map((c, i) => [c, i]));
  const entries = published.map((record, at) => ({
    record,
    identities: identityBits(record.eligibility.identities),
    category: categoryIndex.get(record.category) ?? CATEGORY_IDS.length,
    audience: record.eligibility.identities.length,
    at,
  }));
  entries.sort(
    (a, b) => a.category - b.category || a.audience - b.audience || collator.compare(a.record.title, b.record.title) || a.at - b.at,
  );
  return { entries: entries.map(({ record, identities }) => ({ record, identities })), totals: new Map() };
}

/**
 * The published policies for someone with these identities, grouped by category, with the reason. Identities
 * given with the call answer "what if"; otherwise the ones the person saved in their profile (`saved`). With
 * `page` or `pageSize`, only that page of the list (in the same order) is answered; `total` counts them all.
 */
export async function matchPolicies(
  { port }: Pick<PolicyDeps, 'port'>,
  _caller: Caller,
  input: { identities?: readonly IdentityTypeId[]; saved: readonly IdentityTypeId[] } & Paging,
): Promise<MatchResult> {
  const { identities, saved, ...paging } = input;
  const source: MatchResult['source'] = identities ? 'given' : 'profile';
  const unique = [...new Set(identities ?? saved)];
  const paged = paging.page !== undefined || paging.pageSize !== undefined;
  const { page, pageSize } = pageOf(paging);
  const from = paged ? (page - 1) * pageSize : 0;
  const to = paged ? page * pageSize : Number.POSITIVE_INFINITY;
  const groups: MatchResult['groups'] = [];
  let total = 0;
  const wanted = identityBits(unique);
  if (wanted) {
    const { entries, totals } = await port.publishedView('match', buildMatchView);
    const known = totals.get(wanted);
    // One reason per set of shared identities, not one per policy.
    const reasons = new Map<number, string>();
    for (const { record, identities: bits } of entries) {
      const shared = bits & wanted;
      if (!shared) continue;
      const at = total++;
      if (at >= to) {
        // Past the page only the count remains, and it is known from the first call with these identities.
        if (known !== undefined) break;
        continue;
      }
      if (at < from) continue;
      let reason = reasons.get(shared);
      if (reason === undefined) {
        reason = matchReason(record.eligibility.identities, unique) ?? '';
        reasons.set(shared, reason);
      }
      let group = groups[groups.length - 1];
      if (group?.category !== record.category) {
        group = { category: record.category, categoryName: CATEGORY_NAMES.get(record.category) ?? record.category, items: [] };
        groups.push(group);
      }
      group.items.push({ ...summarizePolicy(record), reason, conditions: [...record.eligibility.conditions] });
    }
    if (known === undefined) totals.set(wanted, total);
    else total = known;
  }
  const result: MatchResult = { identities: unique, source, groups, total };
  if (paged) {
    result.page = page;
    result.pageSize = pageSize;
  }
  return result;
}

// ---------- favorites ----------

export async function toggleFavorite(
  { port, now }: Pick<PolicyDeps, 'port' | 'now'>,
  caller: Authed,
  { id }: { id: string },
): Promise<{ id: string; favorited: boolean }> {
  if (await port.removeFavorite(caller.openid, id)) return { id, favorited: false };
  const record = await port.findPolicy(id);
  if (!record || record.status !== 'published') throw new AppError('NOT_FOUND', '没有找到这条政策，可能已经调整或下线');
  await port.addFavorite({ _id: favoriteId(caller.openid, id), openid: caller.openid, policyId: id, createdAt: now.toISOString() });
  return { id, favorited: true };
}

/** The caller's favorites that are still published, newest first. */
export async function listFavorites({ port }: Pick<PolicyDeps, 'port'>, caller: Authed, input: Paging): Promise<Page<PolicySummary>> {
  const { page, pageSize } = pageOf(input);
  const favorites = await port.listFavorites(caller.openid);
  const published = await port.publishedView('byId', (catalog) => new Map(catalog.map((r) => [r._id, r])));
  const visible = favorites
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((f) => published.get(f.policyId))
    .filter((r): r is PolicyRecord => Boolean(r));
  return {
    items: visible.slice((page - 1) * pageSize, page * pageSize).map((r) => summarizePolicy(r)),
    total: visible.length,
    page,
    pageSize,
  };
}

// ---------- admin ----------

const changedFields = (before: PolicyFields, after: PolicyFields): string[] =>
  FIELD_NAMES.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));

export async function savePolicy(
  { port, now, newId }: PolicyDeps,
  caller: Authed,
  input: { id?: string; version?: number; note?: string; policy: PolicyFields },
): Promise<Policy> {
  const at = now.toISOString();
  const fields = input.policy;
  if (!input.id) {
    const record: PolicyRecord = {
      _id: newId(),
      ...fields,
      status: 'draft',
      version: 1,
      categoryOrder: categoryOrder(fields.category),
      createdAt: at,
      createdBy: caller.openid,
      updatedAt: at,
      updatedBy: caller.openid,
    };
    await port.insertPolicy(record);
    await port.insertHistory(
      historyOf(
        record,
        'create',
        caller.openid,
        at,
        FIELD_NAMES.filter((f) => fields[f] !== undefined),
        input.note,
      ),
    );
    return presentPolicy(record);
  }
  const existing = await port.findPolicy(input.id);
  if (!existing) throw new AppError('NOT_FOUND', '没有找到这条政策');
  if (input.version !== undefined && input.version !== existing.version) throw staleEdit();
  const changes = changedFields(fieldsOf(existing), fields);
  if (changes.length === 0) return presentPolicy(existing);
  const { effectiveTo: _to, keywords: _kw, ...kept } = existing;
  const record: PolicyRecord = {
    ...kept,
    ...fields,
    categoryOrder: categoryOrder(fields.category),
    version: existing.version + 1,
    updatedAt: at,
    updatedBy: caller.openid,
  };
  if (!(await port.replacePolicy(record, existing.version))) throw staleEdit();
  await port.insertHistory(historyOf(record, 'edit', caller.openid, at, changes, input.note));
  if (record.status === 'published') await port.catalogChanged(at);
  return presentPolicy(record);
}

const staleEdit = () => new AppError('CONFLICT', '这条政策刚被别人改过，请刷新后在最新版本上修改');

const STATUS_ACTIONS: Record<PolicyStatus, HistoryEntry['action']> = { published: 'publish', archived: 'archive', draft: 'unpublish' };

export async function setPolicyStatus(
  { port, now }: Pick<PolicyDeps, 'port' | 'now'>,
  caller: Authed,
  input: { id: string; status: PolicyStatus; note?: string },
): Promise<Policy> {
  const existing = await port.findPolicy(input.id);
  if (!existing) throw new AppError('NOT_FOUND', '没有找到这条政策');
  if (existing.status === input.status) return presentPolicy(existing);
  const at = now.toISOString();
  const record: PolicyRecord = {
    ...existing,
    status: input.status,
    version: existing.version + 1,
    updatedAt: at,
    updatedBy: caller.openid,
  };
  if (input.status === 'published') record.publishedAt = at;
  if (!(await port.replacePolicy(record, existing.version))) throw staleEdit();
  await port.insertHistory(historyOf(record, STATUS_ACTIONS[input.status], caller.openid, at, ['status'], input.note));
  await port.catalogChanged(at);
  return presentPolicy(record);
}

function historyOf(
  record: PolicyRecord,
  action: HistoryEntry['action'],
  by: string,
  at: string,
  changes: string[],
  note: string | undefined,
): HistoryRecord {
  const entry: HistoryRecord = {
    policyId: record._id,
    version: record.version,
    action,
    at,
    by,
    changes,
    snapshot: { ...fieldsOf(record), status: record.status },
  };
  if (note) entry.note = note;
  return entry;
}

export async function managePolicies(
  { port }: Pick<PolicyDeps, 'port'>,
  _caller: Caller,
  input: { status?: PolicyStatus; category?: CategoryId } & Paging,
): Promise<Page<PolicySummary & { version: number; updatedAt: string }>> {
  const { page, pageSize } = pageOf(input);
  const filter: PolicyFilter = {};
  if (input.status) filter.status = input.status;
  if (input.category) filter.category = input.category;
  const { items, total } = await port.listPolicies(filter, page, pageSize);
  return {
    items: items.map((r) => ({ ...summarizePolicy(r, true), version: r.version, updatedAt: formatChina(new Date(r.updatedAt)) })),
    total,
    page,
    pageSize,
  };
}

export async function policyHistory(
  { port }: Pick<PolicyDeps, 'port'>,
  _caller: Caller,
  { id }: { id: string },
): Promise<{ items: HistoryEntry[] }> {
  if (!(await port.findPolicy(id))) throw new AppError('NOT_FOUND', '没有找到这条政策');
  const entries = await port.listHistory(id);
  return {
    items: entries
      .sort((a, b) => b.version - a.version || b.at.localeCompare(a.at))
      .map((h) => {
        const entry: HistoryEntry = {
          id: h._id,
          policyId: h.policyId,
          version: h.version,
          action: h.action,
          at: formatChina(new Date(h.at)),
          by: h.by,
          changes: h.changes,
          title: h.snapshot.title,
        };
        if (h.note) entry.note = h.note;
        return entry;
      }),
  };
}
