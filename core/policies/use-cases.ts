/**
 * The policy catalog's use cases: reading (published only, for everyone but admins), "for me",
 * favorites, and the admin's edits with their history. Storage and the search index come through
 * the port (port.ts); the rules they apply are in model.ts and what they answer is shaped in present.ts.
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
import type { CategoryId } from '../data/categories';
import type { IdentityTypeId } from '../data/identity-types';
import { AppError } from '../envelope';
import type { Caller } from '../roles';
import {
  FIELD_NAMES,
  STATUS_ACTIONS,
  buildMatchView,
  categoryOrder,
  changedFields,
  favoriteId,
  fieldsOf,
  historyOf,
  identityBits,
  isAdmin,
  matchReason,
  newestFirst,
  pageOf,
  type Paging,
  type PolicyRecord,
} from './model';
import type { PoliciesPort, PolicyFilter } from './port';
import { buildListView, categoryName, managedSummary, presentHistoryEntry, presentPolicy, summarizePolicy } from './present';

/** What the policy use cases are given (decision 014): the port, the moment of the call, and new policy ids. */
export interface PolicyDeps {
  port: PoliciesPort;
  now: Date;
  newId: () => string;
}

type Authed = Caller & { openid: string };

const notPublished = () => new AppError('NOT_FOUND', '没有找到这条政策，可能已经调整或下线');
const notFound = () => new AppError('NOT_FOUND', '没有找到这条政策');
const staleEdit = () => new AppError('CONFLICT', '这条政策刚被别人改过，请刷新后在最新版本上修改');

// ---------- reading ----------

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
  if (!record || (record.status !== 'published' && !isAdmin(caller))) throw notPublished();
  const favorited = caller.openid ? await port.isFavorite(caller.openid, id) : undefined;
  return presentPolicy(record, favorited);
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
        group = { category: record.category, categoryName: categoryName(record.category), items: [] };
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
  if (!record || record.status !== 'published') throw notPublished();
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

/** A new policy starts as a draft; an edit must be of the version the admin saw, and records what changed. */
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
    const given = FIELD_NAMES.filter((f) => fields[f] !== undefined);
    await port.insertHistory(historyOf(record, 'create', caller.openid, at, given, input.note));
    return presentPolicy(record);
  }
  const existing = await port.findPolicy(input.id);
  if (!existing) throw notFound();
  if (input.version !== undefined && input.version !== existing.version) throw staleEdit();
  const changes = changedFields(fieldsOf(existing), fields);
  if (changes.length === 0) return presentPolicy(existing);
  // The optional fields the edit leaves out are cleared, not kept from the stored version.
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

export async function setPolicyStatus(
  { port, now }: Pick<PolicyDeps, 'port' | 'now'>,
  caller: Authed,
  input: { id: string; status: PolicyStatus; note?: string },
): Promise<Policy> {
  const existing = await port.findPolicy(input.id);
  if (!existing) throw notFound();
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
  return { items: items.map(managedSummary), total, page, pageSize };
}

export async function policyHistory(
  { port }: Pick<PolicyDeps, 'port'>,
  _caller: Caller,
  { id }: { id: string },
): Promise<{ items: HistoryEntry[] }> {
  if (!(await port.findPolicy(id))) throw notFound();
  const entries = await port.listHistory(id);
  return { items: entries.sort(newestFirst).map(presentHistoryEntry) };
}
