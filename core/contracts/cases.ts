import * as z from 'zod/mini';
import { CATEGORY_IDS } from '../data/categories';
import { DEPARTMENT_IDS } from '../data/departments';
import { REGION_IDS } from '../data/regions';
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
  region: z.enum(REGION_IDS as [string, ...string[]], '请选择所在乡镇/街道'),
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
  assign: z.strictObject({ caseId, departmentId: z.enum(DEPARTMENT_IDS), reason: text('分派理由', 200) }),
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
