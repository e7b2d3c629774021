import * as z from 'zod/mini';
import { DEPARTMENT_IDS, type DepartmentId } from '../data/departments';
import { IDENTITY_TYPE_IDS, type IdentityTypeId } from '../data/identity-types';
import { REGION_IDS } from '../data/regions';
import type { Role } from '../roles';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const INVITE_CODE_PATTERN = /^[A-Z2-9]{8}$/;

const name = z.string().check(z.trim(), z.minLength(1, '请填写姓名'), z.maxLength(20, '姓名最多 20 个字'));
const phone = z.string().check(z.trim(), z.regex(PHONE_PATTERN, '请填写 11 位手机号'));

export const profileSchema = z.strictObject({
  name: z.optional(name),
  phone: z.optional(phone),
  regionId: z.optional(z.enum(REGION_IDS as [string, ...string[]], '请选择所在乡镇/街道')),
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
    role: z.optional(z.enum(['staff', 'dispatcher'])),
    departmentId: z.enum(DEPARTMENT_IDS),
    validDays: z.optional(z.int().check(z.minimum(1), z.maximum(30))),
  }),
  removeStaff: z.strictObject({ openid: z.string().check(z.minLength(1), z.maxLength(128)) }),
  listStaff: z.strictObject({}),
};

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

export interface Me {
  role: Role;
  departmentId?: DepartmentId;
  profile: {
    name?: string;
    phone?: string;
    regionId?: string;
    identities?: IdentityTypeId[];
  } | null;
}

export interface Invite {
  code: string;
  role: 'staff' | 'dispatcher';
  departmentId: DepartmentId;
  expiresAt: string;
  usedBy?: string;
  usedAt?: string;
}

export interface StaffMember {
  openid: string;
  role: Role;
  departmentId?: DepartmentId;
  name?: string;
  since?: string;
}
