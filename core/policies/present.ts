/** What a reader and an admin see of the catalog's records: the policy, its summary in lists, its history. */
import type { HistoryEntry, Policy, PolicySummary } from '../contracts/policies';
import { CATEGORIES, type CategoryId } from '../data/categories';
import { formatChina } from '../time';
import { fieldsOf, listOrder, type HistoryRecord, type PolicyRecord } from './model';

const CATEGORY_NAMES = new Map<string, string>(CATEGORIES.map((c) => [c.id, c.name]));

/** The category's name as the taxonomy gives it (its id if the taxonomy no longer has it). */
export const categoryName = (category: string): string => CATEGORY_NAMES.get(category) ?? category;

/** The whole policy; `favorited` only when the caller is signed in and so has favorites. */
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

/** One line of a list; the status only in the admins' lists, where drafts and archived ones appear. */
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

/** One line of the admins' list: the summary with its status, version and last edit, for editing in place. */
export const managedSummary = (record: PolicyRecord): PolicySummary & { version: number; updatedAt: string } => ({
  ...summarizePolicy(record, true),
  version: record.version,
  updatedAt: formatChina(new Date(record.updatedAt)),
});

export function presentHistoryEntry(h: HistoryRecord & { _id: string }): HistoryEntry {
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
}

/** The published catalog's summaries in list order, whole and by category. */
interface ListView {
  all: PolicySummary[];
  byCategory: Map<CategoryId, PolicySummary[]>;
}

export function buildListView(published: readonly PolicyRecord[]): ListView {
  const all = [...published].sort(listOrder).map((r) => summarizePolicy(r));
  const byCategory = new Map<CategoryId, PolicySummary[]>();
  for (const summary of all) {
    const list = byCategory.get(summary.category);
    if (list) list.push(summary);
    else byCategory.set(summary.category, [summary]);
  }
  return { all, byCategory };
}
