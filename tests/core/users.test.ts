import { AppError } from '../../core/envelope';
import * as users from '../../core/users/use-cases';
import type { AuditRecord } from '../../core/audit';
import type { InviteRecord, UserDeps, UserRecord, UsersPort } from '../../core/users/use-cases';
import { demoOrg, withRetired, withUnit } from './builders/org';

/** An in-memory port: the use cases' rules, without a database. */
function memoryPort() {
  const userMap = new Map<string, UserRecord>();
  const invites = new Map<string, InviteRecord>();
  const erased: string[] = [];
  const attempts = new Map<string, number>();
  const trail: AuditRecord[] = [];
  const port: UsersPort = {
    findUser: async (id) => userMap.get(id) ?? null,
    putUser: async (u) => void userMap.set(u._id, structuredClone(u)),
    removeUser: async (id) => void userMap.delete(id),
    listStaff: async () => [...userMap.values()].filter((u) => u.role !== 'resident'),
    staffOfUnit: async (departmentId) => [...userMap.values()].filter((u) => u.role !== 'resident' && u.departmentId === departmentId),
    insertInvite: async (i) => void invites.set(i._id, structuredClone(i)),
    findInvite: async (code) => invites.get(code) ?? null,
    claimInvite: async (code, openid, at) => {
      const i = invites.get(code);
      if (!i || i.usedBy) return false;
      invites.set(code, { ...i, usedBy: openid, usedAt: at });
      return true;
    },
    listOpenInvites: async (now) => [...invites.values()].filter((i) => !i.usedBy && i.expiresAt > now),
    takeBindAttempt: async (openid, window, limit) => {
      const key = `${openid}:${window}`;
      const used = attempts.get(key) ?? 0;
      if (used >= limit) return false;
      attempts.set(key, used + 1);
      return true;
    },
    eraseFootprint: async (openid) => {
      erased.push(openid);
      return openid === 'r'
        ? { favorites: 2, signups: 1, casesWithdrawn: 1, casesAnonymized: 2, subscriptions: 0, files: 3 }
        : { favorites: 0, signups: 0, casesWithdrawn: 0, casesAnonymized: 0, subscriptions: 0, files: 0 };
    },
    // WeChat's check, stood in for: a name with 违禁 in it is risky.
    checkProfileText: async (text) => (text.includes('违禁') ? 'risky' : 'pass'),
    writeAudit: async (entry) => void trail.push(entry),
    searchAudit: async (query, page, pageSize) => {
      const found = trail.filter((e) => (!query.openid || e.openid === query.openid) && (!query.action || e.action === query.action));
      return { items: found.map((e) => ({ ...e, actionText: e.action })), total: found.length, page, pageSize };
    },
  };
  return { port, userMap, invites, erased, trail };
}

const now = new Date('2026-11-28T02:00:00.000Z');
const admin = { openid: 'admin', role: 'admin' as const };
const resident = (openid: string) => ({ openid, role: 'resident' as const });
const sequence = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};
/** The use cases' deps (decision 014): the memory port, a fixed moment, and a scripted random source. */
const deps = (port: UsersPort, at = now, randomInt = sequence([0]), org = demoOrg): UserDeps => ({ port, now: at, randomInt, org });

const rejectsWith = async (p: Promise<unknown>, code: string) => {
  await expect(p).rejects.toBeInstanceOf(AppError);
  await expect(p).rejects.toMatchObject({ code });
};

test('resolveCaller: deploy-time admins, stored roles, new residents, anonymous', () => {
  const staff: UserRecord = { _id: 's', role: 'staff', departmentId: 'edu', createdAt: '', updatedAt: '' };
  expect(users.resolveCaller(null, null, ['admin'])).toEqual({ openid: null, role: 'resident' });
  expect(users.resolveCaller('admin', null, ['admin'])).toEqual({ openid: 'admin', role: 'admin' });
  expect(users.resolveCaller('s', staff, [])).toEqual({ openid: 's', role: 'staff', departmentId: 'edu' });
  expect(users.resolveCaller('new', null, [])).toEqual({ openid: 'new', role: 'resident' });
});

test('saveProfile merges into the existing profile', async () => {
  const { port, userMap } = memoryPort();
  await users.saveProfile(deps(port), resident('r1'), { name: '王建国', regionId: 'hekou' });
  const me = await users.saveProfile(deps(port), resident('r1'), { phone: '13800000001' });
  expect(me.profile).toEqual({ name: '王建国', regionId: 'hekou', phone: '13800000001' });
  expect(userMap.get('r1')?.createdAt).toBe(now.toISOString());
});

test('invite codes avoid characters people misread', () => {
  const code = users.newInviteCode(sequence([0, 1, 2, 3, 4, 5, 6, 7]));
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
});

describe('binding with an invite', () => {
  test('a code binds once, to its department and role', async () => {
    const { port, userMap } = memoryPort();
    const invite = await users.createInvite(deps(port, now, sequence([3])), admin, { departmentId: 'edu' });
    const me = await users.bindStaff(deps(port), resident('new-clerk'), { inviteCode: invite.code });
    expect(me).toMatchObject({ role: 'staff', departmentId: 'edu' });
    expect(userMap.get('new-clerk')).toMatchObject({ role: 'staff', departmentId: 'edu' });
    await rejectsWith(users.bindStaff(deps(port), resident('someone-else'), { inviteCode: invite.code }), 'CONFLICT');
    expect(userMap.has('someone-else')).toBe(false);
  });

  test('an expired code is refused and binds nobody', async () => {
    const { port, userMap } = memoryPort();
    const invite = await users.createInvite(deps(port, now, sequence([5])), admin, { departmentId: 'hrss', validDays: 1 });
    const later = new Date(now.getTime() + 86_400_000 + 1);
    await rejectsWith(users.bindStaff(deps(port, later), resident('late'), { inviteCode: invite.code }), 'CONFLICT');
    expect(userMap.has('late')).toBe(false);
  });

  test('an unknown code is NOT_FOUND; staff cannot bind again', async () => {
    const { port } = memoryPort();
    await rejectsWith(users.bindStaff(deps(port), resident('x'), { inviteCode: 'ABCDEFGH' }), 'NOT_FOUND');
    await rejectsWith(
      users.bindStaff(deps(port), { openid: 's', role: 'staff', departmentId: 'edu' }, { inviteCode: 'ABCDEFGH' }),
      'CONFLICT',
    );
  });

  test('an invite names a unit the county has: a station or a unit it just added, not an unknown or retired one', async () => {
    const { port, invites, userMap } = memoryPort();
    for (const [departmentId, org] of [
      ['finance', demoOrg],
      ['edu', withRetired(demoOrg, 'edu')],
    ] as const) {
      const refused = users.createInvite(deps(port, now, sequence([1]), org), admin, { departmentId });
      await rejectsWith(refused, 'INVALID_INPUT');
      await expect(refused).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['departmentId'] })] });
    }
    expect(invites.size).toBe(0);
    const station = await users.createInvite(deps(port, now, sequence([2])), admin, { departmentId: 'station-hekou' });
    const withFinance = withUnit(demoOrg, { id: 'finance', name: '财政局' });
    const added = await users.createInvite(deps(port, now, sequence([4]), withFinance), admin, { departmentId: 'finance' });
    expect([station.departmentId, added.departmentId]).toEqual(['station-hekou', 'finance']);
    const me = await users.bindStaff(deps(port, now, undefined, withFinance), resident('finance-clerk'), { inviteCode: added.code });
    expect(me).toMatchObject({ role: 'staff', departmentId: 'finance', unit: { name: '财政局', kind: 'county', runsFairs: false } });
    expect(userMap.get('finance-clerk')).toMatchObject({ role: 'staff', departmentId: 'finance' });
  });
});

test('colleagues are the staff of the caller’s own unit, by name; someone of no unit has none', async () => {
  const { port } = memoryPort();
  await port.putUser({ _id: 'a', role: 'staff', departmentId: 'station-hekou', profile: { name: '张三' }, createdAt: '', updatedAt: '' });
  await port.putUser({ _id: 'b', role: 'staff', departmentId: 'station-hekou', createdAt: '', updatedAt: '' });
  await port.putUser({ _id: 'c', role: 'staff', departmentId: 'civil', profile: { name: '李四' }, createdAt: '', updatedAt: '' });
  expect(await users.listColleagues(deps(port), { openid: 'a', role: 'staff', departmentId: 'station-hekou' })).toEqual({
    items: [
      { openid: 'a', name: '张三' },
      { openid: 'b', name: '（未填姓名）' },
    ],
  });
  expect(await users.listColleagues(deps(port), admin)).toEqual({ items: [] });
});

describe('me: the caller’s unit in words', () => {
  test('staff and the dispatcher see their unit’s names, its kind and whether it runs fairs', () => {
    expect(users.describeMe({ openid: 's', role: 'staff', departmentId: 'station-liulin' }, null, demoOrg)).toEqual({
      role: 'staff',
      profile: null,
      departmentId: 'station-liulin',
      unit: { name: '柳林乡退役军人服务站', shortName: '柳林服务站', kind: 'station', runsFairs: false },
    });
    expect(users.describeMe({ openid: 's', role: 'staff', departmentId: 'hrss' }, null, demoOrg).unit).toMatchObject({ runsFairs: true });
    expect(users.describeMe({ openid: 'd', role: 'dispatcher', departmentId: 'office' }, null, demoOrg).unit?.name).toBe('双拥办');
  });

  test('a unit the county no longer has leaves the id and no unit; a resident has neither', () => {
    const gone = users.describeMe({ openid: 's', role: 'staff', departmentId: 'gone' }, null, demoOrg);
    expect(gone.departmentId).toBe('gone');
    expect(gone).not.toHaveProperty('unit');
    expect(users.describeMe({ openid: 'r', role: 'resident' }, null, demoOrg)).toEqual({ role: 'resident', profile: null });
  });
});

test('removeStaff makes them a resident; an admin cannot remove themself', async () => {
  const { port, userMap } = memoryPort();
  await port.putUser({ _id: 's', role: 'staff', departmentId: 'edu', createdAt: '', updatedAt: '' });
  await users.removeStaff(deps(port), admin, { openid: 's' });
  expect(userMap.get('s')).toMatchObject({ role: 'resident' });
  expect(userMap.get('s')?.departmentId).toBeUndefined();
  await rejectsWith(users.removeStaff(deps(port), admin, { openid: 'admin' }), 'CONFLICT');
  await rejectsWith(users.removeStaff(deps(port), admin, { openid: 'nobody' }), 'NOT_FOUND');
});

test('deleteMe removes a resident entirely and keeps a staff role without the profile', async () => {
  const { port, userMap, erased } = memoryPort();
  await users.saveProfile(deps(port), resident('r'), { name: '张三' });
  await port.putUser({ _id: 's', role: 'staff', departmentId: 'edu', profile: { name: '李四' }, createdAt: '', updatedAt: '' });
  const resident_ = await users.deleteMe(deps(port), resident('r'));
  const staff = await users.deleteMe(deps(port), { openid: 's', role: 'staff', departmentId: 'edu' });
  expect(userMap.has('r')).toBe(false);
  // What was done and kept, in the person's words.
  expect(resident_.erased).toEqual({
    profile: true,
    favorites: 2,
    signups: 1,
    casesWithdrawn: 1,
    casesAnonymized: 2,
    subscriptions: 0,
    files: 3,
  });
  expect(resident_.done).toEqual([
    '您保存的姓名、手机号、所在地和身份类别已删除',
    '1 件正在办理的求助已撤回，部门不会再为此联系您',
    '3 件求助里的姓名、手机号和附件已删除，这些求助也不再和您的微信关联',
    '1 条招聘会、志愿活动报名上的姓名和手机号已删除，主办单位的名单里不再有',
    '2 条收藏的政策已删除',
    '3 个您上传后没有用上的文件、为您导出的表格已删除',
  ]);
  expect(resident_.kept.join()).toMatch(/评价分数会保留.*满意率/);
  expect(resident_.kept.join()).toMatch(/候补顺序仍然准确/);
  expect(resident_.kept.join()).not.toMatch(/工作人员身份/);
  expect(staff.kept.join()).toMatch(/工作人员身份会保留/);
  expect(staff.kept.join()).not.toMatch(/候补顺序/);
  expect(userMap.get('s')).toMatchObject({ role: 'staff', departmentId: 'edu' });
  expect(userMap.get('s')?.profile).toBeUndefined();
  expect(erased).toEqual(['r', 's']);
});

test('saveProfile refuses a name the content check calls risky, and stores nothing', async () => {
  const { port, userMap } = memoryPort();
  await rejectsWith(users.saveProfile(deps(port), resident('r2'), { name: '违禁词' }), 'CONTENT_REJECTED');
  expect(userMap.has('r2')).toBe(false);
  // Without a name there is nothing for others to read, so nothing to check.
  await users.saveProfile(deps(port), resident('r2'), { phone: '13800000002' });
  expect(userMap.get('r2')?.profile).toEqual({ phone: '13800000002' });
});

test('saveProfile refuses a 乡镇 the county does not have, and stores nothing', async () => {
  const { port, userMap } = memoryPort();
  const refused = users.saveProfile(deps(port), resident('r3'), { name: '王建国', regionId: 'atlantis' });
  await rejectsWith(refused, 'INVALID_INPUT');
  await expect(refused).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['regionId'] })] });
  expect(userMap.has('r3')).toBe(false);
});

test('searchAuditLog puts the search itself on the trail before answering, with operation read as the action', async () => {
  const { port, trail } = memoryPort();
  const page = await users.searchAuditLog(deps(port), admin, { operation: 'users.auditLog', pageSize: 5 });
  expect(trail).toEqual([
    { openid: 'admin', role: 'admin', action: 'users.auditLog', objectType: 'audit', objectId: '*', at: now.toISOString() },
  ]);
  expect(page).toMatchObject({ total: 1, page: 1, pageSize: 5 });
  expect(page.items[0]).toMatchObject({ openid: 'admin', action: 'users.auditLog' });
  await users.searchAuditLog(deps(port), admin, { openid: 'someone' });
  expect(trail[1]).toMatchObject({ objectId: 'someone' });
});
