import * as z from 'zod/mini';
import { DEPARTMENT_IDS } from '../data/departments';
import { PHONE_PATTERN } from './users';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const text = (label: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const isoTime = z
  .string()
  .check(
    z.refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), '时间格式是 ISO 8601，例如 2026-12-05T09:00:00+08:00'),
  );
const code = z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z2-9]{8}$/, '签到码是 8 位字母和数字'));

export const signupFields = {
  requestId: z.string().check(z.minLength(8, '缺少请求编号'), z.maxLength(64)),
  name: text('姓名', 20),
  phone: z.string().check(z.trim(), z.regex(PHONE_PATTERN, '请填写 11 位手机号')),
  /** Agreed to a reminder the day before (a subscribe message). */
  remind: z.optional(z.boolean()),
};

export const positionSchema = z.strictObject({
  id: z.optional(id),
  title: text('岗位名称', 30),
  count: z.int().check(z.minimum(1), z.maximum(999)),
  salary: z.optional(text('薪资范围', 30)),
  requirements: z.optional(text('岗位要求', 200)),
});

export const fairSchema = z
  .strictObject({
    id: z.optional(id),
    title: text('招聘会名称', 40),
    startAt: isoTime,
    endAt: isoTime,
    signupDeadline: isoTime,
    capacity: z.int().check(z.minimum(1, '名额至少 1 个'), z.maximum(5000)),
    venue: z.strictObject({
      name: text('场地名称', 40),
      address: text('地址', 80),
      lat: z.number().check(z.gte(-90), z.lte(90)),
      lng: z.number().check(z.gte(-180), z.lte(180)),
    }),
    organizerDepartmentId: z.enum(DEPARTMENT_IDS),
    description: z.optional(text('介绍', 500)),
    employers: z
      .array(
        z.strictObject({
          name: text('单位名称', 40),
          intro: z.optional(text('单位介绍', 200)),
          positions: z.array(positionSchema).check(z.maxLength(30)),
        }),
      )
      .check(z.maxLength(100)),
    status: z.optional(z.enum(['draft', 'published', 'cancelled'])),
  })
  .check(
    z.refine((f) => Date.parse(f.endAt) > Date.parse(f.startAt), { message: '结束时间要晚于开始时间', path: ['endAt'] }),
    z.refine((f) => Date.parse(f.signupDeadline) <= Date.parse(f.startAt), {
      message: '报名截止不能晚于开始时间',
      path: ['signupDeadline'],
    }),
  );

export const fairsContract = {
  list: z.strictObject({
    when: z.optional(z.enum(['upcoming', 'past', 'all'])),
    /** Organizers also see drafts and cancelled fairs. */
    manage: z.optional(z.boolean()),
    page: z.optional(z.int().check(z.minimum(1))),
    pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
  }),
  get: z.strictObject({ id }),
  signup: z.strictObject({ fairId: id, ...signupFields, positions: z.optional(z.array(id).check(z.maxLength(10))) }),
  cancel: z.strictObject({ fairId: id }),
  mine: z.strictObject({}),
  // Organizers: staff of 人社局 or 退役军人事务局, and admins.
  roster: z.strictObject({ fairId: id }),
  checkin: z.strictObject({ fairId: id, code }),
  outcome: z.strictObject({
    fairId: id,
    openid: z.string().check(z.minLength(1), z.maxLength(128)),
    outcome: z.enum(['intent', 'hired', 'none']),
  }),
  exportRoster: z.strictObject({ fairId: id }),
  save: fairSchema,
};

export type FairInput = z.output<typeof fairSchema>;
