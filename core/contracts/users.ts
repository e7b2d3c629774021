import * as z from 'zod/mini';
import { regionRef, UNIT_KINDS, unitRef } from './org';
import { AUDIT_ACTIONS, AUDIT_OBJECTS } from '../audit';
import { IDENTITY_TYPE_IDS } from '../data/identity-types';
import { ROLES } from '../roles';
import { count, pageOf } from './answer-parts';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const INVITE_CODE_PATTERN = /^[A-Z2-9]{8}$/;

const name = z.string().check(z.trim(), z.minLength(1, '请填写姓名'), z.maxLength(20, '姓名最多 20 个字'));
const phone = z.string().check(z.trim(), z.regex(PHONE_PATTERN, '请填写 11 位手机号'));

const auditDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD'),
  z.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), '没有这一天'),
);

export const profileSchema = z.strictObject({
  name: z.optional(name),
  phone: z.optional(phone),
  regionId: z.optional(regionRef('请选择所在乡镇/街道')),
  identities: z.optional(z.array(z.enum(IDENTITY_TYPE_IDS)).check(z.maxLength(IDENTITY_TYPE_IDS.length))),
});

export const usersContract = {
  me: z.strictObject({}),
  saveProfile: profileSchema,
  deleteMe: z.strictObject({}),
  bindStaff: z.strictObject({
    inviteCode: z.string().check(z.trim(), z.toUpperCase(), z.regex(INVITE_CODE_PATTERN, '邀请码是 8 位字母和数字')),
  }),
  createInvite: z.strictObject({
    /** A `leader` (县领导, 督察室, 组织部考评) belongs to no unit; staff and the dispatcher to theirs. */
    role: z.optional(z.enum(['staff', 'dispatcher', 'leader'])),
    departmentId: z.optional(unitRef()),
    validDays: z.optional(z.int().check(z.minimum(1), z.maximum(30))),
  }),
  removeStaff: z.strictObject({ openid: z.string().check(z.minLength(1), z.maxLength(128)) }),
  listStaff: z.strictObject({}),
  /** Staff: the people of the caller's own unit, to name one as a case's 承办人. */
  colleagues: z.strictObject({}),
  /** Admins: the audit trail of personal data views, by person, unit, operation, object and date (UTC+8, inclusive). */
  auditLog: z
    .strictObject({
      openid: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(128))),
      departmentId: z.optional(unitRef()),
      // `action` names the call itself: the recorded action is asked for as `operation`.
      operation: z.optional(z.enum(AUDIT_ACTIONS)),
      objectType: z.optional(z.enum(AUDIT_OBJECTS)),
      objectId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
      from: z.optional(auditDay),
      to: z.optional(auditDay),
      page: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
      pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
    })
    .check(z.refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] })),
};

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

// ---- answers ----

const role = z.enum(ROLES);
const departmentId = z.string();

/** Who the caller is to the app: their role, their unit, and the profile they saved (null when none). */
export const me = z.strictObject({
  role,
  departmentId: z.optional(departmentId),
  /** The caller's unit as the county named it, and whether it organizes job fairs. */
  unit: z.optional(z.strictObject({ name: z.string(), shortName: z.string(), kind: z.enum(UNIT_KINDS), runsFairs: z.boolean() })),
  profile: z.nullable(
    z.strictObject({
      name: z.optional(z.string()),
      phone: z.optional(z.string()),
      regionId: z.optional(z.string()),
      identities: z.optional(z.array(z.enum(IDENTITY_TYPE_IDS))),
    }),
  ),
});

export const invite = z.strictObject({
  code: z.string(),
  role: z.enum(['staff', 'dispatcher', 'leader']),
  departmentId: z.optional(departmentId),
  expiresAt: z.string(),
  usedBy: z.optional(z.string()),
  usedAt: z.optional(z.string()),
});

export const staffMember = z.strictObject({
  openid: z.string(),
  role,
  departmentId: z.optional(departmentId),
  name: z.optional(z.string()),
  since: z.optional(z.string()),
});

/** What deleteMe did, and what it kept and why, in plain words for the person. */
export const deleteReport = z.strictObject({
  deleted: z.literal(true),
  erased: z.strictObject({
    profile: z.boolean(),
    favorites: count,
    signups: count,
    casesWithdrawn: count,
    casesAnonymized: count,
    subscriptions: count,
    /** Uploads not yet used and exports made for the person, removed from storage. */
    files: count,
  }),
  /** What was removed, one line each. */
  done: z.array(z.string()),
  /** What was kept, and why. */
  kept: z.array(z.string()),
});

/** One entry of the audit trail, with its action in words. */
export const auditLogEntry = z.strictObject({
  openid: z.string(),
  role: z.string(),
  departmentId: z.optional(z.string()),
  action: z.string(),
  actionText: z.string(),
  objectType: z.enum(AUDIT_OBJECTS),
  objectId: z.string(),
  caseId: z.optional(z.string()),
  revealed: z.optional(z.boolean()),
  at: z.string(),
});

export const usersAnswers = {
  me,
  saveProfile: me,
  deleteMe: deleteReport,
  bindStaff: me,
  createInvite: invite,
  removeStaff: z.strictObject({ openid: z.string(), role }),
  listStaff: z.strictObject({ items: z.array(staffMember), invites: z.array(invite) }),
  colleagues: z.strictObject({ items: z.array(z.strictObject({ openid: z.string(), name: z.string() })) }),
  auditLog: pageOf(auditLogEntry),
};

export type Me = z.output<typeof me>;
export type Invite = z.output<typeof invite>;
export type StaffMember = z.output<typeof staffMember>;
export type DeleteReport = z.output<typeof deleteReport>;
export type AuditLogEntry = z.output<typeof auditLogEntry>;
