import * as z from 'zod/mini';
import { DEPARTMENT_IDS } from '../data/departments';
import { LIVE_METRICS, PROBLEM_STATES } from '../ledger/model';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD'));
const text = (label: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const period = { from: z.optional(day), to: z.optional(day) };
const score = z.number().check(z.gte(0, '分数不能是负数'), z.lte(100));

export const ledgerContract = {
  board: z.strictObject({}),
  tasks: z.strictObject({ areaId: z.optional(id), mine: z.optional(z.boolean()) }),
  task: z.strictObject({ id, ...period }),
  updateTask: z.strictObject({
    id,
    status: z.optional(z.enum(['in_progress', 'ready'])),
    selfScore: z.optional(score),
    note: z.optional(text('说明', 300)),
  }),
  addEvidence: z.strictObject({
    taskId: id,
    name: text('材料名称', 60),
    description: text('材料说明', 300),
    fileID: z.optional(z.string().check(z.regex(/^cloud:\/\/\S+$/, '请先上传文件'))),
  }),
  accept: z.strictObject({ taskId: id, score }),
  sendBack: z.strictObject({ taskId: id, reason: text('退回原因', 200) }),
  urge: z.strictObject({ taskId: id, note: z.optional(text('督办意见', 200)) }),
  problems: z.strictObject({ taskId: z.optional(id), departmentId: z.optional(z.enum(DEPARTMENT_IDS)) }),
  saveProblem: z.strictObject({
    id: z.optional(id),
    taskId: id,
    description: text('问题', 300),
    measure: text('整改措施', 300),
    ownerDepartmentId: z.enum(DEPARTMENT_IDS),
    ownerPerson: z.optional(text('责任人', 20)),
    deadline: day,
    state: z.optional(z.enum(PROBLEM_STATES)),
  }),
  saveTask: z.strictObject({
    id,
    ownerDepartments: z.optional(z.array(z.enum(DEPARTMENT_IDS)).check(z.minLength(1), z.maxLength(DEPARTMENT_IDS.length))),
    deadline: z.optional(day),
    link: z.optional(z.nullable(z.strictObject({ metric: z.enum(LIVE_METRICS), departmentId: z.optional(z.enum(DEPARTMENT_IDS)) }))),
  }),
  importStandard: z.strictObject({ fileID: z.string().check(z.regex(/^cloud:\/\/\S+$/, '请先上传 .xlsx 文件')) }),
  exportStandard: z.strictObject({}),
  sampleTemplate: z.strictObject({}),
  report: z.strictObject({ from: day, to: day }),
};
