import type { ActionName, Answer, Input } from '../../core/contracts/answers';
import type { ProfileInput } from '../../core/contracts/users';
import { callFunction } from './call';

const call = <A extends ActionName<'users'>>(action: A, input: Input<'users', A>) => callFunction('users', { action, ...input });

export const getMe = () => call('me', {});
export const saveProfile = (profile: ProfileInput) => call('saveProfile', profile);
export const deleteMe = () => call('deleteMe', {});
export const bindStaff = (inviteCode: string) => call('bindStaff', { inviteCode });
/** The people of the caller's own unit, to name one as a case's 承办人. */
export const colleagues = () => call('colleagues', {});

export type CreateInviteInput = Input<'users', 'createInvite'>;
export const createInvite = (input: CreateInviteInput) => call('createInvite', { ...input });
export const removeStaff = (openid: string) => call('removeStaff', { openid });
export const listStaff = () => call('listStaff', {});

/** Admins: the audit trail of personal data views, filtered; each read of it is itself recorded. */
export type AuditLogQuery = Omit<Input<'users', 'auditLog'>, 'page' | 'pageSize'>;
export type AuditLogPage = Answer<'users', 'auditLog'>;
export const searchAuditLog = (query: AuditLogQuery & { page: number; pageSize: number }) => call('auditLog', { ...query });
