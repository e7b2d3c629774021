import * as z from 'zod/mini';
import { unitRef } from './org';
import { CATEGORY_IDS } from '../data/categories';
import { IDENTITY_TYPE_IDS } from '../data/identity-types';
import { count, pageOf } from './answer-parts';

export const POLICY_STATUSES = ['draft', 'published', 'archived'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const QUERY_MAX = 100;
export const PAGE_SIZE_MAX = 50;
export const SEARCH_LIMIT_MAX = 50;

// C0 and C1 control characters (tabs and newlines included): a search box never produces them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const noControl = (s: string) => !CONTROL_CHARS.test(s);

export const POLICY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const policyId = z.string().check(z.trim(), z.regex(POLICY_ID_PATTERN, '政策编号不正确'));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD'));
const text = (label: string, max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `请填写${label}`),
      z.maxLength(max, `${label}最多 ${max} 个字`),
      z.refine(noControl, `${label}里有不能显示的字符`),
    );
const list = (label: string, max: number, itemMax: number, min = 0) =>
  z
    .array(text(label, itemMax))
    .check(min > 0 ? z.minLength(min, `请至少填写一条${label}`) : z.minLength(0), z.maxLength(max, `${label}最多 ${max} 条`));

const paging = {
  page: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(PAGE_SIZE_MAX))),
};

/** What a person types into the search box: trimmed, 1–100 characters, no control characters. */
export const searchQuery = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, '请输入要查的内容'),
    z.maxLength(QUERY_MAX, `最多输入 ${QUERY_MAX} 个字`),
    z.refine(noControl, '输入的内容里有不能识别的字符'),
  );

/** Phone numbers as departments publish them: landlines with area codes, extensions, hotlines. */
export const CONTACT_PHONE_PATTERN = /^[0-9][0-9-]{4,19}$/;

export const policyFields = z.strictObject({
  title: text('标题', 40),
  category: z.enum(CATEGORY_IDS, '请选择类别'),
  summary: text('简介', 200),
  eligibility: z.strictObject({
    identities: z.array(z.enum(IDENTITY_TYPE_IDS)).check(z.maxLength(IDENTITY_TYPE_IDS.length)),
    conditions: list('条件', 10, 200),
  }),
  benefits: list('能享受的待遇', 12, 300, 1),
  materials: list('材料', 15, 200),
  steps: list('办理步骤', 12, 300, 1),
  department: z.strictObject({
    id: unitRef('请选择负责部门'),
    name: text('部门名称', 40),
    phone: z.string().check(z.trim(), z.regex(CONTACT_PHONE_PATTERN, '请填写部门电话（数字和横线）')),
    address: text('办理地址', 100),
    hours: text('办公时间', 60),
  }),
  legalBasis: z
    .array(z.strictObject({ law: text('法规名称', 60), article: z.optional(text('条款', 60)) }))
    .check(z.minLength(1, '请至少写一条政策依据'), z.maxLength(6)),
  effectiveFrom: day,
  effectiveTo: z.optional(z.nullable(day)),
  /** Words people use for this policy that its text does not (search tags). */
  keywords: z.optional(list('关键词', 20, 20)),
});

export const policiesContract = {
  list: z.strictObject({ category: z.optional(z.enum(CATEGORY_IDS)), ...paging }),
  search: z.strictObject({
    q: searchQuery,
    category: z.optional(z.enum(CATEGORY_IDS)),
    limit: z.optional(z.int().check(z.minimum(1), z.maximum(SEARCH_LIMIT_MAX))),
  }),
  get: z.strictObject({ id: policyId }),
  match: z.strictObject({
    identities: z.optional(z.array(z.enum(IDENTITY_TYPE_IDS)).check(z.minLength(1), z.maxLength(IDENTITY_TYPE_IDS.length))),
    /** Optional: without them every matching policy is answered. */
    ...paging,
  }),
  toggleFavorite: z.strictObject({ id: policyId }),
  favorites: z.strictObject({ ...paging }),
  // Admin
  save: z.strictObject({
    /** Absent: a new policy (a draft). Present: an edit of that policy. */
    id: z.optional(policyId),
    /** The version the editor started from; a newer stored version is a CONFLICT. */
    version: z.optional(z.int().check(z.minimum(1))),
    note: z.optional(text('修改说明', 100)),
    policy: policyFields,
  }),
  setStatus: z.strictObject({ id: policyId, status: z.enum(POLICY_STATUSES), note: z.optional(text('说明', 100)) }),
  manage: z.strictObject({ status: z.optional(z.enum(POLICY_STATUSES)), category: z.optional(z.enum(CATEGORY_IDS)), ...paging }),
  history: z.strictObject({ id: policyId }),
};

export type PolicyFields = z.infer<typeof policyFields>;
export type SaveInput = z.input<typeof policiesContract.save>;

// ---- answers ----

const category = z.enum(CATEGORY_IDS);
const status = z.enum(POLICY_STATUSES);

export const policyContact = z.strictObject({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  hours: z.string(),
});

export const legalBasis = z.strictObject({
  law: z.string(),
  /** An article (第三十七条) or, when the article is not cited, a chapter (第五章 就业创业). */
  article: z.optional(z.string()),
});

/** A policy as it is read: its fields as stored, its state, and whether the caller keeps it among their favorites. */
export const policy = z.strictObject({
  id: z.string(),
  title: z.string(),
  category,
  summary: z.string(),
  eligibility: z.strictObject({ identities: z.array(z.enum(IDENTITY_TYPE_IDS)), conditions: z.array(z.string()) }),
  benefits: z.array(z.string()),
  materials: z.array(z.string()),
  steps: z.array(z.string()),
  department: policyContact,
  legalBasis: z.array(legalBasis),
  effectiveFrom: z.string(),
  effectiveTo: z.optional(z.nullable(z.string())),
  keywords: z.optional(z.array(z.string())),
  status,
  version: z.int().check(z.minimum(1)),
  updatedAt: z.string(),
  publishedAt: z.optional(z.string()),
  /** The caller's favorite, when there is a caller. */
  favorited: z.optional(z.boolean()),
});

const policySummaryShape = {
  id: z.string(),
  title: z.string(),
  category,
  summary: z.string(),
  departmentName: z.string(),
  /** Admins' lists only. */
  status: z.optional(status),
};
export const policySummary = z.strictObject(policySummaryShape);
/** A policy in the admin's list: with the version an edit starts from. */
export const managedPolicy = z.strictObject({ ...policySummaryShape, version: z.int(), updatedAt: z.string() });

/** [start, end) offsets into the text they belong to. */
export const span = z.tuple([z.int(), z.int()]);

export const searchItem = z.strictObject({
  id: z.string(),
  title: z.string(),
  category,
  summary: z.string(),
  score: z.number(),
  highlights: z.strictObject({ title: z.array(span), summary: z.array(span) }),
  /** When the match is outside the title and summary: the sentence it is in, with its spans. */
  snippet: z.optional(z.strictObject({ text: z.string(), spans: z.array(span) })),
});

export const searchResult = z.strictObject({
  items: z.array(searchItem),
  total: count,
  /** The official words the query was understood as (孩子 → 子女), for "按…为您查找". */
  understood: z.array(z.string()),
});

export const matchItem = z.strictObject({
  ...policySummaryShape,
  /** Why it applies, in plain words: the identities it matched. */
  reason: z.string(),
  /** What else must be true, from the policy's conditions. */
  conditions: z.array(z.string()),
});

export const matchResult = z.strictObject({
  identities: z.array(z.enum(IDENTITY_TYPE_IDS)),
  /** Where the identities came from: the saved profile, or the call. */
  source: z.enum(['profile', 'given']),
  groups: z.array(z.strictObject({ category, categoryName: z.string(), items: z.array(matchItem) })),
  /** Every matching policy, whether or not this answer is one page of them. */
  total: count,
  /** Present when the call asked for a page: its items are the groups' items. */
  page: z.optional(count),
  pageSize: z.optional(count),
});

export const historyEntry = z.strictObject({
  id: z.string(),
  policyId: z.string(),
  version: z.int(),
  action: z.enum(['create', 'edit', 'publish', 'archive', 'unpublish']),
  at: z.string(),
  by: z.string(),
  note: z.optional(z.string()),
  /** Top-level fields that changed in this edit. */
  changes: z.array(z.string()),
  title: z.string(),
});

export const policiesAnswers = {
  list: pageOf(policySummary),
  search: searchResult,
  get: policy,
  match: matchResult,
  toggleFavorite: z.strictObject({ id: z.string(), favorited: z.boolean() }),
  favorites: pageOf(policySummary),
  save: policy,
  setStatus: policy,
  manage: pageOf(managedPolicy),
  history: z.strictObject({ items: z.array(historyEntry) }),
};

export type PolicyContact = z.output<typeof policyContact>;
export type LegalBasis = z.output<typeof legalBasis>;
export type Policy = z.output<typeof policy>;
export type PolicySummary = z.output<typeof policySummary>;
export type ManagedPolicy = z.output<typeof managedPolicy>;
export type Span = z.output<typeof span>;
export type SearchItem = z.output<typeof searchItem>;
export type SearchResult = z.output<typeof searchResult>;
export type MatchItem = z.output<typeof matchItem>;
export type MatchResult = z.output<typeof matchResult>;
export type HistoryEntry = z.output<typeof historyEntry>;
export type { Page } from './answer-parts';
