/**
 * The read-only leader (县领导, 督察室, 组织部考评): invited like staff, reads the board, the reports, every
 * unit's 三率 and the supervision lists, never a full phone number, and changes nothing.
 */
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({
    functions: ['meta', 'cases', 'users', 'ledger', 'fairs', 'files', 'policies'],
    startAt: '2026-11-02T09:00:00+08:00',
  });
});
afterEach(() => t.close());

const ok = async <T = Data>(p: Promise<{ ok: boolean; data?: unknown }>): Promise<T> => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as T;
};
const PHONE = '13812345678';

test('a leader is invited without a unit, and staff only with one', async () => {
  const invite = await ok(t.call('users', { action: 'createInvite', role: 'leader' }, 'admin'));
  expect(invite).not.toHaveProperty('departmentId');
  const me = await ok(t.call('users', { action: 'bindStaff', inviteCode: invite.code }, 'duchashi'));
  expect(me).toMatchObject({ role: 'leader' });
  expect(me).not.toHaveProperty('departmentId');
  expect(await t.call('users', { action: 'createInvite', role: 'leader', departmentId: 'civil' }, 'admin')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await t.call('users', { action: 'createInvite', role: 'staff' }, 'admin')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  // Staff of a unit the county added after the release are invited the same way.
  const { departments } = await ok(t.call('meta', { action: 'get' }, null));
  const edu = departments.find((u: Data) => u.id === 'edu');
  await ok(
    t.call(
      'meta',
      { action: 'saveUnit', ...edu, id: 'tuanxianwei', name: '团县委', shortName: '团县委', aliases: [], defaultCategories: [] },
      'admin',
    ),
  );
  const staffInvite = await ok(t.call('users', { action: 'createInvite', departmentId: 'tuanxianwei' }, 'admin'));
  const staff = await ok(t.call('users', { action: 'bindStaff', inviteCode: staffInvite.code }, 'tuan-1'));
  expect(staff).toMatchObject({ role: 'staff', departmentId: 'tuanxianwei', unit: { name: '团县委', kind: 'county' } });
});

test('a leader reads the board, the 三率, the supervision lists and a case, with every phone masked', async () => {
  const photo = await t.upload('resident-1', 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
  const submitted = await ok(
    t.call('cases', aSubmission({ contact: { name: '赵大勇', phone: PHONE }, attachments: [photo] }), 'resident-1'),
  );
  // The handling unit sees the photo; the leader does not.
  expect((await ok(t.call('cases', { action: 'get', caseId: submitted.caseId }, 'staff-edu'))).attachments).toEqual([photo]);
  const reads: [string, Data][] = [
    ['ledger', { action: 'board' }],
    ['ledger', { action: 'tasks' }],
    ['ledger', { action: 'report', from: '2026-11-01', to: '2026-11-30' }],
    ['cases', { action: 'stats', from: '2026-11-01', to: '2026-11-30' }],
    ['cases', { action: 'exportStats', from: '2026-11-01', to: '2026-11-30' }],
    ['cases', { action: 'queue', list: 'unrouted' }],
    ['cases', { action: 'queue', list: 'overdue' }],
    ['cases', { action: 'get', caseId: submitted.caseId }],
    ['users', { action: 'me' }],
  ];
  for (const [fn, event] of reads) {
    const res = await t.call(fn, event, 'leader');
    expect({ fn, event, ok: res.ok }).toEqual({ fn, event, ok: true });
    expect(JSON.stringify(res)).not.toContain(PHONE);
  }
  const view = await ok(t.call('cases', { action: 'get', caseId: submitted.caseId }, 'leader'));
  expect(view).toMatchObject({ contact: { phone: '138****5678' }, contactUnmasked: false, attachments: [] });
  const stats = await ok(t.call('cases', { action: 'stats', from: '2026-11-01', to: '2026-11-30' }, 'leader'));
  // Every unit's row, not only one unit's.
  expect(stats.departments.length).toBeGreaterThan(10);
});

test('a leader changes nothing: every write is FORBIDDEN and nothing is stored', async () => {
  const submitted = await ok(t.call('cases', aSubmission(), 'resident-1'));
  const { items } = await ok(t.call('ledger', { action: 'tasks' }, 'dispatcher'));
  const taskId = items[0].id;
  const { items: fairs } = await ok(t.call('fairs', { action: 'list' }, null));
  const writes: [string, Data][] = [
    ['cases', aSubmission()],
    ['cases', { action: 'accept', caseId: submitted.caseId }],
    ['cases', { action: 'assign', caseId: submitted.caseId, departmentId: 'civil', reason: '改派' }],
    ['cases', { action: 'urge', caseId: submitted.caseId }],
    ['cases', { action: 'note', caseId: submitted.caseId, text: '备注' }],
    ['ledger', { action: 'updateTask', id: taskId, status: 'in_progress' }],
    ['ledger', { action: 'urge', taskId }],
    ['fairs', { action: 'signup', fairId: fairs[0].id, requestId: 'leader-signup-1', name: '领导', phone: PHONE }],
    ['users', { action: 'saveProfile', name: '领导' }],
    [
      'meta',
      {
        action: 'saveUnit',
        id: 'x-unit',
        name: '某单位',
        shortName: '某',
        aliases: [],
        kind: 'county',
        defaultCategories: [],
        contact: {},
        runsFairs: false,
        retired: false,
      },
    ],
    ['policies', { action: 'toggleFavorite', id: 'any' }],
    ['files', { action: 'prepareUpload', name: 'a.jpg', size: 100 }],
  ];
  const before = JSON.stringify(['cases', 'ledger_tasks', 'signups', 'users', 'units'].map((c) => t.cloud.database.all(c)));
  for (const [fn, event] of writes) {
    const res = await t.call(fn, event, 'leader');
    expect({ fn, action: event.action, code: res.ok ? 'ok' : res.error.code }).toEqual({ fn, action: event.action, code: 'FORBIDDEN' });
  }
  expect(JSON.stringify(['cases', 'ledger_tasks', 'signups', 'users', 'units'].map((c) => t.cloud.database.all(c)))).toBe(before);
});

test('a unit names the person who handles a case, and each owner unit its person on a ledger task', async () => {
  const submitted = await ok(t.call('cases', aSubmission(), 'resident-1'));
  // The demo 教育局 has one clerk; a second joins by invite.
  const invite = await ok(t.call('users', { action: 'createInvite', departmentId: 'edu' }, 'admin'));
  await ok(t.call('users', { action: 'bindStaff', inviteCode: invite.code }, 'edu-2'));
  await ok(t.call('users', { action: 'saveProfile', name: '刘老师' }, 'edu-2'));
  const colleagues = await ok(t.call('users', { action: 'colleagues' }, 'staff-edu'));
  expect(colleagues.items).toEqual(expect.arrayContaining([{ openid: 'edu-2', name: '刘老师' }]));
  expect((await ok(t.call('users', { action: 'colleagues' }, 'staff-civil'))).items.map((p: Data) => p.openid)).not.toContain('edu-2');

  const view = await ok(t.call('cases', { action: 'setHandler', caseId: submitted.caseId, openid: 'edu-2' }, 'staff-edu'));
  expect(view.handler).toEqual({ openid: 'edu-2', name: '刘老师' });
  const inbox = await ok(t.call('cases', { action: 'inbox' }, 'staff-edu'));
  expect(inbox.items.find((c: Data) => c.caseId === submitted.caseId).handlerName).toBe('刘老师');
  // Only a person of the holding unit, named by that unit.
  expect(await t.call('cases', { action: 'setHandler', caseId: submitted.caseId, openid: 'staff-civil' }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await t.call('cases', { action: 'setHandler', caseId: submitted.caseId, openid: 'staff-civil' }, 'staff-civil')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  // A reassigned case leaves its handler behind.
  const moved = await ok(
    t.call('cases', { action: 'assign', caseId: submitted.caseId, departmentId: 'civil', reason: '归民政' }, 'dispatcher'),
  );
  expect(moved).not.toHaveProperty('handler');

  // Ledger: an owner unit names its person; the 双拥办 may name any owner's; the board shows them.
  const { items } = await ok(t.call('ledger', { action: 'tasks' }, 'dispatcher'));
  const task = items.find((x: Data) => x.ownerDepartments.includes('edu'));
  const updated = await ok(t.call('ledger', { action: 'updateTask', id: task.id, person: '刘老师' }, 'staff-edu'));
  expect(updated.persons).toEqual([{ departmentId: 'edu', name: '刘老师' }]);
  expect(await t.call('ledger', { action: 'updateTask', id: task.id, person: '某人' }, 'dispatcher')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  const set = await ok(
    t.call('ledger', { action: 'saveTask', id: task.id, persons: [{ departmentId: 'edu', name: '王主任' }] }, 'dispatcher'),
  );
  expect(set.persons).toEqual([{ departmentId: 'edu', name: '王主任' }]);
  // A person of a unit that is not responsible for the task is refused.
  const outsider = ['housing', 'justice', 'medins', 'pafd'].find((d) => !task.ownerDepartments.includes(d));
  expect(
    await t.call('ledger', { action: 'saveTask', id: task.id, persons: [{ departmentId: outsider, name: '外人' }] }, 'dispatcher'),
  ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  const board = await ok(t.call('ledger', { action: 'board' }, 'leader'));
  expect(board.departments.find((d: Data) => d.departmentId === 'vab')).toMatchObject({ leader: '周建军', liaison: '陈晓燕' });
});
