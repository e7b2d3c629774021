import { startTestCloud, type TestCloud } from './harness';

let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['users'], startAt: '2026-11-28T02:00:00.000Z' });
});
afterEach(() => t.close());

const users = (event: Record<string, unknown>, openid: string | null) => t.call<Record<string, unknown>>('users', event, openid);
const snapshot = () => JSON.stringify([t.cloud.database.all('users'), t.cloud.database.all('invites')]);

test('anonymous callers are UNAUTHENTICATED; residents are FORBIDDEN from admin actions', async () => {
  expect(await users({ action: 'me' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await users({ action: 'createInvite', departmentId: 'edu' }, 'resident-1')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await users({ action: 'listStaff' }, 'staff-edu')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('a never-seen caller is a resident with no profile', async () => {
  expect(await users({ action: 'me' }, 'brand-new')).toEqual({ ok: true, data: { role: 'resident', profile: null } });
});

test('bad input is INVALID_INPUT with issues and writes nothing', async () => {
  const before = snapshot();
  const cases: Record<string, unknown>[] = [
    { action: 'saveProfile', phone: '12345' },
    { action: 'saveProfile', name: '王', extra: true },
    { action: 'saveProfile', regionId: 'atlantis' },
    { action: 'saveProfile', identities: ['astronaut'] },
    { action: 'bindStaff', inviteCode: 'short' },
    { action: 'nope' },
    { action: 'me', openid: 'someone-else' },
  ];
  for (const event of cases) {
    const res = await users(event, 'resident-9');
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.issues?.length).toBeGreaterThan(0);
  }
  // A well-formed id the county does not have: refused by the use case against the stored organization.
  expect(await users({ action: 'createInvite', departmentId: 'mars' }, 'admin')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: ['departmentId'], message: expect.stringContaining('mars') }] },
  });
  // An id of the wrong shape: refused by the contract.
  expect(await users({ action: 'createInvite', departmentId: 'Mars!' }, 'admin')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: ['departmentId'] }] },
  });
  expect(snapshot()).toBe(before);
});

test('the WeChat-added userInfo field is not a contract violation', async () => {
  const res = await users({ action: 'me', userInfo: { appId: 'wx', openId: 'resident-1' } }, 'resident-1');
  expect(res).toMatchObject({ ok: true, data: { role: 'resident' } });
});

test('a profile is saved, merged and read back', async () => {
  await users({ action: 'saveProfile', name: ' 赵四 ', phone: '13900000000' }, 'r9');
  const res = await users({ action: 'saveProfile', regionId: 'qingshan', identities: ['disabled_veteran'] }, 'r9');
  expect(res).toEqual({
    ok: true,
    data: { role: 'resident', profile: { name: '赵四', phone: '13900000000', regionId: 'qingshan', identities: ['disabled_veteran'] } },
  });
  expect(await users({ action: 'me' }, 'r9')).toEqual(res);
});

test('invite → bind → staff, once; removal takes effect on the next call', async () => {
  const created = await users({ action: 'createInvite', departmentId: 'civil' }, 'admin');
  if (!created.ok) throw new Error(created.error.message);
  const code = created.data.code as string;
  expect(created.data).toMatchObject({ role: 'staff', departmentId: 'civil', expiresAt: expect.stringMatching(/^2026-12-05T02:00:/) });

  const listed = await users({ action: 'listStaff' }, 'admin');
  expect(listed.ok && (listed.data.invites as { code: string }[]).map((i) => i.code)).toContain(code);

  expect(await users({ action: 'bindStaff', inviteCode: code.toLowerCase() }, 'clerk-7')).toMatchObject({
    ok: true,
    data: { role: 'staff', departmentId: 'civil' },
  });
  expect(await users({ action: 'bindStaff', inviteCode: code }, 'clerk-8')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(await users({ action: 'me' }, 'clerk-8')).toMatchObject({ ok: true, data: { role: 'resident' } });

  expect(await users({ action: 'removeStaff', openid: 'clerk-7' }, 'admin')).toMatchObject({ ok: true });
  expect(await users({ action: 'me' }, 'clerk-7')).toMatchObject({ ok: true, data: { role: 'resident' } });
});

test('two people racing for one invite: exactly one becomes staff', async () => {
  const created = await users({ action: 'createInvite', departmentId: 'edu', role: 'dispatcher' }, 'admin');
  if (!created.ok) throw new Error(created.error.message);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => users({ action: 'bindStaff', inviteCode: created.data.code }, `racer-${i}`)),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(t.cloud.database.all('users').filter((u) => String(u._id).startsWith('racer-'))).toHaveLength(1);
});

test('an invite expires after its days', async () => {
  const created = await users({ action: 'createInvite', departmentId: 'edu', validDays: 2 }, 'admin');
  if (!created.ok) throw new Error(created.error.message);
  t.cloud.clock.advance('P2DT1M');
  expect(await users({ action: 'bindStaff', inviteCode: created.data.code }, 'late')).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
});

test('deleteMe removes the profile and favorites, withdraws open cases and erases contact on every case', async () => {
  t.cloud.database.write('favorites', 'f1', { openid: 'resident-1', policyId: 'p1' });
  t.cloud.database.write('favorites', 'f2', { openid: 'resident-2', policyId: 'p1' });
  const aCase = (status: string) => ({
    requesterOpenid: 'resident-1',
    status,
    category: 'children',
    description: '想了解军人子女入学的优待政策',
    contact: { name: '王建国', phone: '13800000001' },
    attachments: [],
    urges: [],
    timeline: [],
    version: 1,
  });
  t.cloud.database.write('cases', 'c1', aCase('closed'));
  t.cloud.database.write('cases', 'c2', aCase('accepted'));
  expect(await users({ action: 'deleteMe' }, 'resident-1')).toMatchObject({
    ok: true,
    data: { deleted: true, erased: { favorites: 1, casesWithdrawn: 1, casesAnonymized: 1 } },
  });
  expect(await users({ action: 'me' }, 'resident-1')).toEqual({ ok: true, data: { role: 'resident', profile: null } });
  expect(t.cloud.database.all('favorites').map((f) => f._id)).toEqual(['f2']);
  expect(t.cloud.database.read('cases', 'c1')).toMatchObject({
    status: 'closed',
    contact: { name: '已删除', phone: '' },
    requesterOpenid: '',
  });
  expect(t.cloud.database.read('cases', 'c2')).toMatchObject({
    status: 'withdrawn',
    contact: { name: '已删除', phone: '' },
    requesterOpenid: '',
  });
});
