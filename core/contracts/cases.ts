import * as z from 'zod/mini';
import { regionRef, unitRef } from './org';
import { CASE_STATUSES } from '../cases/model';
import { CATEGORY_IDS } from '../data/categories';
import { ROLES } from '../roles';
import { count, generatedFile, listOf, pageOf, rate, removedId, routingRule } from './answer-parts';
import { PHONE_PATTERN } from './users';

export const DESCRIPTION_MAX = 1000;
export const ATTACHMENTS_MAX = 6;
export const TEXT_MAX = 500;

const caseId = z.string().check(z.minLength(1), z.maxLength(64));
const requestId = z.string().check(z.minLength(8, '缺少请求编号'), z.maxLength(64));
const text = (label: string, max = TEXT_MAX) =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const page = {
  page: z.optional(z.int().check(z.minimum(1))),
  pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
};

export const contactSchema = z.strictObject({
  name: text('联系人姓名', 20),
  phone: z.string().check(z.trim(), z.regex(PHONE_PATTERN, '请填写 11 位手机号')),
});

const requestFields = {
  category: z.enum(CATEGORY_IDS, '请选择事项类别'),
  description: z
    .string()
    .check(
      z.trim(),
      z.minLength(5, '请用几句话说说遇到的困难（至少 5 个字）'),
      z.maxLength(DESCRIPTION_MAX, `情况说明最多 ${DESCRIPTION_MAX} 个字`),
    ),
  region: regionRef('请选择所在乡镇/街道'),
  contact: contactSchema,
  urgent: z.optional(z.boolean()),
  attachments: z.optional(
    z
      .array(z.string().check(z.regex(/^cloud:\/\/\S+$/, '附件上传后才能提交'), z.maxLength(512)))
      .check(z.maxLength(ATTACHMENTS_MAX, `最多 ${ATTACHMENTS_MAX} 个附件`)),
  ),
};

export const submitSchema = z.strictObject({
  requestId,
  ...requestFields,
  consent: z.literal(true, '请先阅读并同意隐私说明'),
});

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD'));
const period = z
  .strictObject({ from: day, to: day })
  .check(z.refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] }));

/** The 双拥办's work lists (core/cases/supervision.ts says what belongs in each). */
export const QUEUES = ['unrouted', 'returned', 'flagged', 'overdue', 'report', 'followup'] as const;
export type Queue = (typeof QUEUES)[number];

export const CASE_FILTERS = ['new', 'overdue', 'due_soon', 'waiting', 'resolved', 'open', 'all'] as const;

export const casesContract = {
  suggest: z.strictObject({ text: z.string().check(z.maxLength(DESCRIPTION_MAX)) }),
  submit: submitSchema,
  mine: z.strictObject({ ...page }),
  get: z.strictObject({ caseId }),
  supplement: z.strictObject({ caseId, text: text('补充的内容'), attachments: requestFields.attachments }),
  withdraw: z.strictObject({ caseId, reason: z.optional(text('撤回原因', 200)) }),
  rate: z.strictObject({
    caseId,
    score: z.int().check(z.minimum(1, '请打 1 到 5 分'), z.maximum(5, '请打 1 到 5 分')),
    solved: z.boolean(),
    comment: z.optional(z.string().check(z.trim(), z.maxLength(TEXT_MAX))),
  }),
  // Staff
  inbox: z.strictObject({ filter: z.optional(z.enum(CASE_FILTERS)), ...page }),
  // The caller's new-case messages WeChat refused for lack of consent, still to be seen.
  notices: z.strictObject({}),
  accept: z.strictObject({ caseId }),
  reply: z.strictObject({ caseId, text: text('答复内容') }),
  requestInfo: z.strictObject({ caseId, text: text('需要补充的材料') }),
  resolve: z.strictObject({ caseId, summary: text('办结情况') }),
  return: z.strictObject({ caseId, reason: text('退回原因', 200) }),
  note: z.strictObject({ caseId, text: text('内部备注') }),
  lookup: z.strictObject({ trackingNo: z.string().check(z.trim(), z.toUpperCase(), z.regex(/^SY\d{9}$/, '受理编号是 SY 加 9 位数字')) }),
  // Dispatcher
  assign: z.strictObject({ caseId, departmentId: unitRef(), reason: text('分派理由', 200) }),
  /** The holding unit names one of its staff as the case's 承办人. */
  setHandler: z.strictObject({ caseId, openid: z.string().check(z.minLength(1, '请选择承办人'), z.maxLength(128)) }),
  /** A township station hands a case it holds to a county unit (上报). */
  escalate: z.strictObject({ caseId, departmentId: unitRef('请选择县级单位'), reason: text('上报理由', 200) }),
  urge: z.strictObject({ caseId, note: z.optional(text('督办意见', 200)) }),
  record: z.strictObject({ requestId, ...requestFields, callerNote: z.optional(text('来电记录', 200)) }),
  followUp: z.strictObject({ caseId, satisfied: z.boolean(), note: z.optional(text('回访记录', 200)) }),
  stats: period,
  exportStats: period,
  queue: z.strictObject({ list: z.enum(QUEUES) }),
  audit: z.strictObject({ caseId }),
  // Answer templates per category: staff read them, admins edit them.
  templates: z.strictObject({ category: z.optional(z.enum(CATEGORY_IDS, '请选择类别')) }),
  saveTemplate: z.strictObject({
    id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    category: z.enum(CATEGORY_IDS, '请选择模板适用的类别'),
    title: text('模板标题', 30),
    text: text('模板内容'),
  }),
  removeTemplate: z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
};

export type SubmitInput = z.output<typeof submitSchema>;
export type CaseFilter = (typeof CASE_FILTERS)[number];

// ---- answers ----

const when = z.string();
const slaLevel = z.enum(['ok', 'amber', 'red', 'paused', 'done']);
const caseStatus = z.enum(CASE_STATUSES);

/** A case in a list (core/cases/present.ts `summarize`): times in UTC+8, "2026-10-13 10:00". */
const caseSummaryShape = {
  caseId: z.string(),
  trackingNo: z.string(),
  category: z.string(),
  categoryName: z.string(),
  status: caseStatus,
  statusText: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  urgent: z.boolean(),
  sla: slaLevel,
  createdAt: when,
  signDueAt: when,
  dueAt: when,
  excerpt: z.string(),
};
export const caseSummary = z.strictObject(caseSummaryShape);

const caseBody = {
  description: z.string(),
  region: z.string(),
  regionName: z.string(),
  attachments: z.array(z.string()),
  resolution: z.optional(z.string()),
  resolvedAt: z.optional(when),
};

/** The requester's view of their case: plain words, the phone masked, nothing internal. */
export const requesterCase = z.strictObject({
  ...caseSummaryShape,
  ...caseBody,
  contact: z.strictObject({ name: z.string(), phone: z.string() }),
  rating: z.optional(z.strictObject({ score: z.optional(z.int()), solved: z.boolean(), comment: z.optional(z.string()) })),
  steps: z.strictObject({ now: z.string(), needFromYou: z.optional(z.string()), next: z.optional(z.string()) }),
  can: z.strictObject({ withdraw: z.boolean(), supplement: z.boolean(), rate: z.boolean() }),
  timeline: z.array(z.strictObject({ at: when, type: z.string(), text: z.string() })),
});

/** Staff and the 双拥办: everything, internal entries included; the contact unmasked for the department handling it. */
export const staffCase = z.strictObject({
  ...caseSummaryShape,
  ...caseBody,
  contact: z.strictObject({ name: z.string(), phone: z.string() }),
  contactUnmasked: z.boolean(),
  flagged: z.boolean(),
  returned: z.boolean(),
  recorded: z.boolean(),
  routing: z.strictObject({ departmentId: z.string(), reason: z.string(), rule: z.nullable(routingRule) }),
  departmentsHeld: z.array(z.string()),
  /** Who in the holding unit handles it (承办人). */
  handler: z.optional(z.strictObject({ openid: z.string(), name: z.string() })),
  signedAt: z.optional(when),
  signedOnTime: z.optional(z.boolean()),
  resolvedOnTime: z.optional(z.boolean()),
  rating: z.optional(
    z.strictObject({
      score: z.optional(z.int()),
      solved: z.boolean(),
      satisfied: z.boolean(),
      comment: z.optional(z.string()),
      at: z.string(),
      byFollowUp: z.optional(z.boolean()),
    }),
  ),
  reopenCount: count,
  urges: z.array(z.strictObject({ at: when, note: z.string(), by: z.string(), automatic: z.boolean() })),
  timeline: z.array(
    z.strictObject({
      at: when,
      type: z.string(),
      text: z.string(),
      internal: z.boolean(),
      actor: z.strictObject({ role: z.enum([...ROLES, 'system']), departmentId: z.optional(z.string()) }),
    }),
  ),
});

/** A department the case has left reads only what it wrote itself while it held the case. */
export const formerHolderCase = z.strictObject({
  caseId: z.string(),
  trackingNo: z.string(),
  formerHolder: z.literal(true),
  notice: z.string(),
  timeline: z.array(z.strictObject({ at: when, type: z.string(), text: z.string(), internal: z.boolean() })),
});

/** Who reads a case decides the view: the requester theirs, staff and the 双拥办 the whole case, a former holder its own lines. */
export const caseView = z.union([requesterCase, staffCase, formerHolderCase]);

/** What a submission (or a phone request the 双拥办 records) answers: the case, who handles it and by when. */
export const submitted = z.strictObject({
  caseId: z.string(),
  trackingNo: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: caseStatus,
  signDueAt: when,
  dueAt: when,
  message: z.string(),
});

/** A category the description reads as, and the department the routing table sends it to. */
export const suggestion = z.strictObject({
  category: z.enum(CATEGORY_IDS),
  departmentId: z.string(),
  /** Share of the evidence, 0..1. */
  score: z.number().check(z.gte(0), z.lte(1)),
  note: z.optional(z.string()),
});

const inboxItem = z.strictObject({
  ...caseSummaryShape,
  urged: z.boolean(),
  lastUrge: z.optional(z.string()),
  /** The 承办人 the unit named, if any. */
  handlerName: z.optional(z.string()),
  returned: z.boolean(),
  flagged: z.boolean(),
});

const queueItem = z.strictObject({
  ...caseSummaryShape,
  returned: z.boolean(),
  flagged: z.boolean(),
  urgeCount: count,
  workdaysOverdue: count,
  requesterPhone: z.string(),
});

const figuresShape = {
  received: count,
  signedOnTime: count,
  resolved: count,
  resolvedOnTime: count,
  solvedNotReopened: count,
  rated: count,
  satisfied: count,
  reopened: count,
  withdrawn: count,
  open: count,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  onTimeRate: rate,
  avgWorkdaysToResolve: z.nullable(z.number()),
};

/** The 三率 over the cases routed in a period, county-wide, per department and per category. */
export const caseStats = z.strictObject({
  from: z.string(),
  to: z.string(),
  total: z.strictObject(figuresShape),
  /** `escalated`: cases a township station handed on to a county unit (上报), apart from its own figures. */
  departments: z.array(z.strictObject({ departmentId: z.string(), name: z.string(), escalated: count, ...figuresShape })),
  categories: z.array(z.strictObject({ category: z.string(), name: z.string(), ...figuresShape })),
});

/** One line of a case's audit trail: who saw or changed it, and when. */
const auditEntry = z.strictObject({
  _id: z.string(),
  caseId: z.string(),
  openid: z.string(),
  role: z.string(),
  departmentId: z.optional(z.string()),
  action: z.string(),
  objectType: z.optional(z.string()),
  objectId: z.optional(z.string()),
  revealed: z.optional(z.boolean()),
  at: z.string(),
});

export const answerTemplate = z.strictObject({
  _id: z.string(),
  category: z.string(),
  title: z.string(),
  text: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const casesAnswers = {
  suggest: z.strictObject({ candidates: z.array(suggestion) }),
  submit: submitted,
  mine: pageOf(caseSummary),
  get: caseView,
  supplement: requesterCase,
  withdraw: z.strictObject({ caseId: z.string(), status: caseStatus }),
  rate: requesterCase,
  // A caller with no department (an admin) has no inbox: an empty page without counts.
  inbox: z.extend(pageOf(inboxItem), { counts: z.optional(z.record(z.enum(CASE_FILTERS), count)) }),
  notices: z.strictObject({
    missed: z.array(
      z.strictObject({ caseId: z.optional(z.string()), taskId: z.optional(z.string()), number: z.string(), title: z.string(), at: when }),
    ),
  }),
  accept: staffCase,
  reply: staffCase,
  requestInfo: staffCase,
  resolve: staffCase,
  return: staffCase,
  note: staffCase,
  lookup: caseView,
  assign: staffCase,
  escalate: staffCase,
  setHandler: staffCase,
  urge: staffCase,
  record: submitted,
  followUp: staffCase,
  stats: caseStats,
  exportStats: generatedFile,
  queue: z.extend(listOf(queueItem), { counts: z.record(z.enum(QUEUES), count) }),
  audit: z.strictObject({ items: z.array(auditEntry) }),
  templates: z.strictObject({ items: z.array(answerTemplate) }),
  saveTemplate: answerTemplate,
  removeTemplate: removedId,
};

export type CaseSummary = z.output<typeof caseSummary>;
export type RequesterCase = z.output<typeof requesterCase>;
export type StaffCase = z.output<typeof staffCase>;
export type FormerHolderCase = z.output<typeof formerHolderCase>;
export type CaseView = z.output<typeof caseView>;
export type Submitted = z.output<typeof submitted>;
export type Suggestion = z.output<typeof suggestion>;
export type CaseStats = z.output<typeof caseStats>;
export type AnswerTemplate = z.output<typeof answerTemplate>;
