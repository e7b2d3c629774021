import { auditRecord, type AuditAction, type AuditQuery, type AuditRecord } from '../audit';
import { refuseRisky, type ContentVerdict } from '../content';
import type { DeleteReport, Me, Invite, ProfileInput, StaffMember } from '../contracts/users';
import { AppError } from '../envelope';
import { isActiveUnit, requireKnown, unitById, type Organization } from '../org/model';
import type { Caller, Role } from '../roles';

export interface UserRecord {
  _id: string;
  role: Role;
  departmentId?: string;
  profile?: Me['profile'];
  createdAt: string;
  updatedAt: string;
}

export interface InviteRecord extends Invite {
  _id: string;
  createdBy: string;
  createdAt: string;
}

/** Everything the user use cases need from storage; the cloud function adapts wx-server-sdk to it. */
export interface UsersPort {
  findUser(openid: string): Promise<UserRecord | null>;
  putUser(user: UserRecord): Promise<void>;
  removeUser(openid: string): Promise<void>;
  listStaff(): Promise<UserRecord[]>;
  /** Staff and dispatchers of one unit. */
  staffOfUnit(departmentId: string): Promise<UserRecord[]>;
  insertInvite(invite: InviteRecord): Promise<void>;
  findInvite(code: string): Promise<InviteRecord | null>;
  /** Marks the invite used only if nobody used it yet; false when someone else got there first. */
  claimInvite(code: string, openid: string, at: string): Promise<boolean>;
  listOpenInvites(now: string): Promise<InviteRecord[]>;
  /**
   * Counts one invite-code attempt by `openid` in the window `window` (a UTC hour), durably and atomically;
   * false, counting nothing, when `limit` attempts were already counted in that window.
   */
  takeBindAttempt(openid: string, window: string, limit: number): Promise<boolean>;
  /**
   * Takes the person out of everything beyond their profile: their cases (open ones withdrawn, all of them
   * without name, phone, attachments or OPENID link), the name and phone on their sign-ups (statuses stay,
   * so seats and the line stay exact), their favorites and their message consents. Answers the counts.
   */
  eraseFootprint(openid: string, now: Date): Promise<Omit<DeleteReport['erased'], 'profile'>>;
  /** WeChat's check of text others will read about the person (a profile's name). */
  checkProfileText(text: string, openid: string): Promise<ContentVerdict>;
  /** Adds one entry to the audit trail of personal data views. */
  writeAudit(entry: AuditRecord): Promise<void>;
  /** Entries matching every given field, newest first, a page at a time, with the total. */
  searchAudit(query: AuditQuery, page: number, pageSize: number): Promise<AuditPage>;
}

interface AuditPage {
  items: (AuditRecord & { actionText: string })[];
  total: number;
  page: number;
  pageSize: number;
}

/** What the user use cases are given (decision 014): the port, the moment of the call, and a random source for invite codes. */
export interface UserDeps {
  port: UsersPort;
  now: Date;
  /** A uniformly random integer in [0, maxExclusive). */
  randomInt: (maxExclusive: number) => number;
  /** The county's units and 乡镇/街道: what invites and profiles may name. */
  org: Organization;
}

type Authed = Caller & { openid: string };

/** The first admins come from a deploy-time list; everyone else from their stored record. */
export function resolveCaller(openid: string | null, record: UserRecord | null, adminOpenids: readonly string[]): Caller {
  if (!openid) return { openid: null, role: 'resident' };
  if (adminOpenids.includes(openid)) return { openid, role: 'admin' };
  if (!record) return { openid, role: 'resident' };
  return record.departmentId ? { openid, role: record.role, departmentId: record.departmentId } : { openid, role: record.role };
}

export function describeMe(caller: Caller, record: UserRecord | null, org: Organization): Me {
  const me: Me = { role: caller.role, profile: record?.profile ?? null };
  const unit = unitById(org, caller.departmentId);
  if (caller.departmentId) me.departmentId = caller.departmentId;
  if (unit) me.unit = { name: unit.name, shortName: unit.shortName, kind: unit.kind, runsFairs: unit.runsFairs };
  return me;
}

export async function saveProfile(
  { port, now, org }: Pick<UserDeps, 'port' | 'now' | 'org'>,
  caller: Authed,
  input: ProfileInput,
): Promise<Me> {
  const existing = await port.findUser(caller.openid);
  // A 乡镇 retired since stays on the profile; a newly chosen one must be in service.
  if (input.regionId !== existing?.profile?.regionId) requireKnown(org, { regions: [{ path: ['regionId'], id: input.regionId }] });
  // A name is read by others (admins list staff by name; sign-up forms start from it): checked first.
  if (input.name) refuseRisky(await port.checkProfileText(input.name, caller.openid));
  const at = now.toISOString();
  const profile = { ...(existing?.profile ?? {}), ...input };
  const record: UserRecord = existing
    ? { ...existing, profile, updatedAt: at }
    : { _id: caller.openid, role: 'resident', profile, createdAt: at, updatedAt: at };
  await port.putUser(record);
  return describeMe(caller, record, org);
}

/**
 * Staff and admins keep their role (an admin removes staff); residents leave no record behind. The
 * profile goes last: a call cut off half-way leaves it, and the person can simply delete again.
 */
export async function deleteMe({ port, now }: Pick<UserDeps, 'port' | 'now' | 'org'>, caller: Authed): Promise<DeleteReport> {
  const existing = await port.findUser(caller.openid);
  const footprint = await port.eraseFootprint(caller.openid, now);
  if (existing && existing.role !== 'resident') {
    const { profile: _dropped, ...rest } = existing;
    await port.putUser({ ...rest, updatedAt: now.toISOString() });
  } else if (existing) {
    await port.removeUser(caller.openid);
  }
  const erased = { profile: Boolean(existing?.profile), ...footprint };
  return { deleted: true, erased, ...deletionWords(erased, existing?.role ?? 'resident') };
}

/** What deleteMe tells the person: what is gone, and what stays and why. */
export function deletionWords(erased: DeleteReport['erased'], role: Role): Pick<DeleteReport, 'done' | 'kept'> {
  const done: string[] = [];
  if (erased.profile) done.push('您保存的姓名、手机号、所在地和身份类别已删除');
  if (erased.casesWithdrawn) done.push(`${erased.casesWithdrawn} 件正在办理的求助已撤回，部门不会再为此联系您`);
  const cases = erased.casesWithdrawn + erased.casesAnonymized;
  if (cases) done.push(`${cases} 件求助里的姓名、手机号和附件已删除，这些求助也不再和您的微信关联`);
  if (erased.signups) done.push(`${erased.signups} 条招聘会、志愿活动报名上的姓名和手机号已删除，主办单位的名单里不再有`);
  if (erased.favorites) done.push(`${erased.favorites} 条收藏的政策已删除`);
  if (erased.subscriptions) done.push('您同意接收的消息提醒已取消');
  if (erased.files) done.push(`${erased.files} 个您上传后没有用上的文件、为您导出的表格已删除`);
  if (!done.length) done.push('我们没有保存您的其他个人信息');
  const kept: string[] = [];
  if (cases) kept.push('求助的类别、办理部门、办理时间和评价分数会保留，不含您的姓名和电话：用于统计各部门的响应率、解决率和满意率');
  if (erased.signups) kept.push('报名的状态（已报名、候补、已签到）会保留，不含您的姓名和电话：这样活动的名额和候补顺序仍然准确');
  kept.push('工作人员查看名单和求助的操作记录会保留，其中没有您的姓名和电话：用于监督个人信息的使用');
  if (role !== 'resident') kept.push('您的工作人员身份会保留，如需解除请联系管理员');
  return { done, kept };
}

// No 0/O/1/I: codes are read aloud and typed by hand.
const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newInviteCode(randomInt: (maxExclusive: number) => number): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

export async function createInvite(
  { port, now, randomInt, org }: UserDeps,
  caller: Authed,
  input: { role?: 'staff' | 'dispatcher' | 'leader'; departmentId?: string; validDays?: number },
): Promise<Invite> {
  const role = input.role ?? 'staff';
  // A leader oversees the county and belongs to no unit; staff and the dispatcher work in one.
  if (role === 'leader' && input.departmentId) {
    throw new AppError('INVALID_INPUT', '县领导不属于某个单位，请不要选单位', [{ path: ['departmentId'], message: '县领导不选单位' }]);
  }
  if (role !== 'leader' && !input.departmentId) {
    throw new AppError('INVALID_INPUT', '请选择工作人员所在的单位', [{ path: ['departmentId'], message: '请选择单位' }]);
  }
  requireKnown(org, { units: [{ path: ['departmentId'], id: input.departmentId }] });
  const expiresAt = new Date(now.getTime() + (input.validDays ?? 7) * 86_400_000).toISOString();
  const code = newInviteCode(randomInt);
  const invite: InviteRecord = {
    _id: code,
    code,
    role,
    ...(input.departmentId ? { departmentId: input.departmentId } : {}),
    expiresAt,
    createdBy: caller.openid,
    createdAt: now.toISOString(),
  };
  await port.insertInvite(invite);
  return { code, role, ...(invite.departmentId ? { departmentId: invite.departmentId } : {}), expiresAt };
}

/** Invite codes a person may try in an hour (a code is 8 characters of 32: guessing needs ~10¹² tries). */
export const BIND_ATTEMPTS_PER_HOUR = 5;

export async function bindStaff(
  { port, now, org }: Pick<UserDeps, 'port' | 'now' | 'org'>,
  caller: Authed,
  { inviteCode }: { inviteCode: string },
): Promise<Me> {
  if (caller.role !== 'resident') throw new AppError('CONFLICT', '您已经是工作人员，无需再次绑定');
  // Every try counts before the code is looked up, so concurrent tries cannot pass the limit together; the
  // try that succeeds is a person's last anyway (staff cannot bind again).
  if (!(await port.takeBindAttempt(caller.openid, now.toISOString().slice(0, 13), BIND_ATTEMPTS_PER_HOUR))) {
    throw new AppError('RATE_LIMITED', '邀请码输错的次数太多了，请过一小时再试，或请管理员核对邀请码');
  }
  const invite = await port.findInvite(inviteCode);
  if (!invite) throw new AppError('NOT_FOUND', '邀请码不存在，请核对后再试');
  if (invite.usedBy) throw new AppError('CONFLICT', '这个邀请码已经用过了，请向管理员重新申请');
  if (invite.expiresAt <= now.toISOString()) throw new AppError('CONFLICT', '这个邀请码已过期，请向管理员重新申请');
  if (invite.departmentId && !isActiveUnit(org, invite.departmentId)) {
    throw new AppError('CONFLICT', '这个邀请码的单位已经撤销，请向管理员重新申请');
  }
  const at = now.toISOString();
  if (!(await port.claimInvite(invite.code, caller.openid, at))) {
    throw new AppError('CONFLICT', '这个邀请码已经用过了，请向管理员重新申请');
  }
  const { departmentId: _none, ...existing } = (await port.findUser(caller.openid)) ?? { _id: caller.openid, createdAt: at };
  const record: UserRecord = {
    ...existing,
    role: invite.role,
    ...(invite.departmentId ? { departmentId: invite.departmentId } : {}),
    updatedAt: at,
  };
  await port.putUser(record);
  return describeMe(resolveCaller(caller.openid, record, []), record, org);
}

export async function removeStaff(
  { port, now }: Pick<UserDeps, 'port' | 'now' | 'org'>,
  caller: Authed,
  { openid }: { openid: string },
): Promise<{ openid: string; role: Role }> {
  if (openid === caller.openid) throw new AppError('CONFLICT', '不能移除自己的管理权限');
  const existing = await port.findUser(openid);
  if (!existing || existing.role === 'resident') throw new AppError('NOT_FOUND', '没有这位工作人员');
  const { departmentId: _dept, ...rest } = existing;
  await port.putUser({ ...rest, role: 'resident', updatedAt: now.toISOString() });
  return { openid, role: 'resident' };
}

/** The staff of the caller's unit, by name: who a case can be given to within it. */
export async function listColleagues(
  { port }: Pick<UserDeps, 'port'>,
  caller: Caller,
): Promise<{ items: { openid: string; name: string }[] }> {
  if (!caller.departmentId) return { items: [] };
  const staff = await port.staffOfUnit(caller.departmentId);
  return { items: staff.map((u) => ({ openid: u._id, name: u.profile?.name ?? '（未填姓名）' })) };
}

export async function listStaff(
  { port, now }: Pick<UserDeps, 'port' | 'now' | 'org'>,
  _caller: Caller,
): Promise<{ items: StaffMember[]; invites: Invite[] }> {
  const [staff, invites] = await Promise.all([port.listStaff(), port.listOpenInvites(now.toISOString())]);
  return {
    items: staff.map((u) => {
      const m: StaffMember = { openid: u._id, role: u.role, since: u.updatedAt };
      if (u.departmentId) m.departmentId = u.departmentId;
      if (u.profile?.name) m.name = u.profile.name;
      return m;
    }),
    invites: invites.map(({ code, role, departmentId, expiresAt }) => ({ code, role, departmentId, expiresAt })),
  };
}

/** Admins search the audit trail; reading it is itself on the trail, before anything is shown. */
export async function searchAuditLog(
  { port, now }: Pick<UserDeps, 'port' | 'now' | 'org'>,
  caller: Authed,
  input: Omit<AuditQuery, 'action'> & { operation?: AuditAction; page?: number; pageSize?: number },
): Promise<AuditPage> {
  // `action` names the call itself: the recorded action is asked for as `operation`.
  const { page = 1, pageSize = 20, operation, ...query } = input;
  await port.writeAudit(auditRecord(caller, 'users.auditLog', { type: 'audit', id: query.openid ?? query.objectId ?? '*' }, now));
  return port.searchAudit({ ...query, ...(operation ? { action: operation } : {}) }, page, pageSize);
}
