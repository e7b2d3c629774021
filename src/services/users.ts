import type { AuditRecord } from '../../core/audit';
import type { DeleteReport, Invite, Me, ProfileInput, StaffMember } from '../../core/contracts/users';
import type { DepartmentId } from '../../core/data/departments';
import type { Role } from '../../core/roles';
import { callFunction } from './call';

const call = <T>(action: string, payload: Record<string, unknown> = {}) => callFunction<T>('users', { action, ...payload });

export const getMe = () => call<Me>('me');
export const saveProfile = (profile: ProfileInput) => call<Me>('saveProfile', profile);
export const deleteMe = () => call<DeleteReport>('deleteMe');
export const bindStaff = (inviteCode: string) => call<Me>('bindStaff', { inviteCode });

export interface CreateInviteInput {
  departmentId: DepartmentId;
  role?: 'staff' | 'dispatcher';
  validDays?: number;
}
export const createInvite = (input: CreateInviteInput) => call<Invite>('createInvite', { ...input });
export const removeStaff = (openid: string) => call<{ openid: string; role: Role }>('removeStaff', { openid });
export const listStaff = () => call<{ items: StaffMember[]; invites: Invite[] }>('listStaff');

/** Admins: the audit trail of personal data views, filtered; each read of it is itself recorded. */
export interface AuditLogQuery {
  openid?: string;
  departmentId?: DepartmentId;
  operation?: string;
  from?: string;
  to?: string;
}
export interface AuditLogPage {
  items: (AuditRecord & { actionText: string })[];
  total: number;
  page: number;
  pageSize: number;
}
export const searchAuditLog = (query: AuditLogQuery & { page: number; pageSize: number }) => call<AuditLogPage>('auditLog', { ...query });
