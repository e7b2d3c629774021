/**
 * The policy catalog's records and the rules that hold whatever stores them: which fields a policy has and
 * which of them an edit changed, the catalog's orders (by category, and "for me"), why a policy applies to
 * someone, and the shape of its history. Pure: no port, no clock.
 */
import type { HistoryEntry, PolicyFields, PolicyStatus } from '../contracts/policies';
import { CATEGORY_IDS, type CategoryId } from '../data/categories';
import { IDENTITY_TYPES, type IdentityTypeId } from '../data/identity-types';
import type { Caller } from '../roles';

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

/** The fields an admin edits, in the order an edit's list of changes names them. */
export const FIELD_NAMES: readonly (keyof PolicyFields)[] = [
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

/** What each change of status is called in the policy's history. */
export const STATUS_ACTIONS: Record<PolicyStatus, HistoryEntry['action']> = {
  published: 'publish',
  archived: 'archive',
  draft: 'unpublish',
};

/** Drafts, archived policies and their history are the admins' business. */
export const isAdmin = (caller: Caller) => caller.role === 'admin';

/** One favorite per person and policy: the id says which, so a second tap cannot add a second row. */
export const favoriteId = (openid: string, policyId: string) => `${openid}:${policyId}`;

/** The category's place in the taxonomy, stored on each policy so lists sort by it in the database. */
export const categoryOrder = (category: CategoryId) => CATEGORY_IDS.indexOf(category);

// ---------- paging ----------

const DEFAULT_PAGE_SIZE = 20;
export type Paging = { page?: number; pageSize?: number };

export const pageOf = (input: Paging) => ({
  page: input.page ?? 1,
  pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
});

// ---------- edits and history ----------

/** A record's editable fields, copied: what an edit compares and a history entry keeps. */
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

/** The fields that differ between two versions; a field left out counts as empty. */
export const changedFields = (before: PolicyFields, after: PolicyFields): string[] =>
  FIELD_NAMES.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));

/** The history entry for a change: who, when, which fields, and the policy as it then stood. */
export function historyOf(
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

/** Newest version first; two entries of one version (never expected) by time. */
export const newestFirst = (a: HistoryRecord, b: HistoryRecord) => b.version - a.version || b.at.localeCompare(a.at);

// ---------- the catalog's orders ----------

/** The list order: the taxonomy's, then by id, as an admin's list sorts in the database. */
export const listOrder = (a: PolicyRecord, b: PolicyRecord) =>
  a.categoryOrder - b.categoryOrder || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** Why a policy applies to someone with these identities, or null when it does not. */
export function matchReason(policyIdentities: readonly string[], identities: readonly IdentityTypeId[]): string | null {
  // In the taxonomy's order, whatever order they were given in.
  const names = IDENTITY_TYPES.filter((t) => identities.includes(t.id) && policyIdentities.includes(t.id)).map((t) => t.name);
  return names.length ? `适用于${names.join('、')}` : null;
}

/** A set of identities as bits (bit i: IDENTITY_TYPES[i]), so "shares an identity" is one `&`. */
export const identityBits = (ids: readonly string[]): number =>
  IDENTITY_TYPES.reduce((bits, t, i) => (ids.includes(t.id) ? bits | (1 << i) : bits), 0);

/** The published catalog in "for me" order, with each policy's identities as a bit set. */
interface MatchView {
  entries: { record: PolicyRecord; identities: number }[];
  /** How many policies each set of identities matches, counted at its first call (at most 2^9 sets). */
  totals: Map<number, number>;
}

export function buildMatchView(published: readonly PolicyRecord[]): MatchView {
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
