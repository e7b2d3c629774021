/**
 * Personal data with a lifecycle (issue 13, item 5): deleteMe takes a person's name and phone out of
 * every roster, export, sign-up and case; cancelled sign-ups show no phone; finished cases lose their
 * personal data after the retention period with the statistics unchanged; and every view of personal
 * data is on one searchable audit trail.
 */
import { randomUUID } from 'node:crypto';
import type { Workbook } from 'exceljs';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;

const NAME = '赵卫国';
const PHONE = '13912345678';
const OTHER_PHONE = '13700000002';
const START = '2026-11-28T10:00:00+08:00';

let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['users', 'cases', 'fairs', 'places', 'meta'], startAt: START });
});
afterEach(() => t.close());

async function ok(fn: string, event: Data, openid: string | null): Promise<Data> {
  const res = await t.call<Data>(fn, event, openid);
  if (!res.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${JSON.stringify(res)}`);
  return res.data as Data;
}

const fairSignup = (fairId: string, who: string, phone = PHONE, name = NAME) =>
  ok('fairs', { action: 'signup', fairId, requestId: randomUUID(), name, phone }, who);
const activitySignup = (activityId: string, who: string, phone = PHONE, name = NAME) =>
  ok('places', { action: 'activitySignup', activityId, requestId: randomUUID(), name, phone }, who);
const submit = async (who: string, extra: Data = {}) =>
  (await ok('cases', aSubmission({ contact: { name: NAME, phone: PHONE }, ...extra }), who)).caseId as string;

/** Every cell of the exported roster, as text. */
async function exportedCells(fairId: string, who: string): Promise<string[]> {
  const file = await ok('fairs', { action: 'exportRoster', fairId }, who);
  const content = t.cloud.storage.get(file.fileID);
  if (!content) throw new Error('the export was not stored');
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
  return cells;
}

const stored = (...collections: string[]) => JSON.stringify(collections.map((c) => t.cloud.database.all(c)));
const runTimer = () => t.cloud.invoke('cases', { Type: 'Timer' }, null, 'wx_timer') as Promise<Data>;

describe('deleteMe', () => {
  test('no roster, export, sign-up or case shows the person’s name or phone; seats and counts stay exact', async () => {
    await ok('users', { action: 'saveProfile', name: NAME, phone: PHONE }, 'leaver');
    await fairSignup('fair-winter', 'leaver');
    await fairSignup('fair-winter', 'stayer', OTHER_PHONE, '钱保国');
    await fairSignup('fair-hekou', 'leaver');
    await ok('fairs', { action: 'cancel', fairId: 'fair-hekou' }, 'leaver');
    await activitySignup('act-clean', 'leaver');
    t.cloud.database.write('favorites', 'fav-1', { openid: 'leaver', policyId: 'legal-aid' });

    // An open case that mentions the phone in its words, and one already closed (rated).
    const open = await submit('leaver', { description: `孩子明年上小学，想了解入学优待政策，请打我电话 ${PHONE}，找${NAME}。` });
    await ok('cases', { action: 'accept', caseId: open }, 'staff-edu');
    const closed = await submit('leaver');
    await ok('cases', { action: 'accept', caseId: closed }, 'staff-edu');
    await ok('cases', { action: 'resolve', caseId: closed, summary: `已电话联系${NAME}，材料清单已发送` }, 'staff-edu');
    await ok('cases', { action: 'rate', caseId: closed, score: 5, solved: true, comment: `谢谢，${NAME}很满意` }, 'leaver');

    const rosterBefore = await ok('fairs', { action: 'roster', fairId: 'fair-winter' }, 'admin');
    const seatsBefore = t.cloud.database.read('fairs', 'fair-winter') as Data;
    expect(JSON.stringify(rosterBefore.items)).toContain(PHONE);

    const report = await ok('users', { action: 'deleteMe' }, 'leaver');
    expect(report.erased).toEqual({
      profile: true,
      favorites: 1,
      signups: 3,
      casesWithdrawn: 1,
      casesAnonymized: 1,
      subscriptions: 0,
      files: 0,
    });
    expect(report.done).toContain('1 件正在办理的求助已撤回，部门不会再为此联系您');
    expect(report.kept.join('\n')).toMatch(/评价分数会保留/);
    expect(report.kept.join('\n')).toMatch(/候补顺序仍然准确/);

    // Nothing stored anywhere holds the name or the phone any more.
    const everything = stored('users', 'cases', 'signups', 'favorites', 'subscriptions');
    expect(everything).not.toContain(PHONE);
    expect(everything).not.toContain(NAME);
    expect(stored('cases')).not.toContain('"leaver"');

    // Rosters and the export: the row stays (with its status), the name and phone do not.
    const roster = await ok('fairs', { action: 'roster', fairId: 'fair-winter' }, 'admin');
    expect(JSON.stringify(roster)).not.toContain(PHONE);
    expect(roster.items.find((r: Data) => r.openid === 'leaver')).toMatchObject({ name: '已删除', phone: '', status: 'confirmed' });
    expect(roster.items.find((r: Data) => r.openid === 'stayer')).toMatchObject({ phone: OTHER_PHONE });
    expect(roster.summary).toEqual(rosterBefore.summary);
    expect(t.cloud.database.read('fairs', 'fair-winter')).toMatchObject({
      confirmedCount: seatsBefore.confirmedCount,
      seated: seatsBefore.seated,
      waitQueue: seatsBefore.waitQueue,
    });
    const cells = await exportedCells('fair-winter', 'admin');
    expect(cells).toContain(OTHER_PHONE);
    expect(cells.join('|')).not.toContain(PHONE);
    expect(cells.join('|')).not.toContain(NAME);
    expect(JSON.stringify(await ok('fairs', { action: 'roster', fairId: 'fair-hekou' }, 'admin'))).not.toContain(PHONE);
    const activity = await ok('places', { action: 'activityRoster', activityId: 'act-clean' }, 'admin');
    expect(JSON.stringify(activity)).not.toContain(PHONE);
    expect(activity.items).toEqual([expect.objectContaining({ name: '已删除', phone: '', status: 'confirmed' })]);

    // The open case is withdrawn with a timeline entry, out of the department's open work; both cases
    // show staff no name or phone, and keep what the statistics read.
    const openView = await ok('cases', { action: 'get', caseId: open }, 'staff-edu');
    expect(openView).toMatchObject({ status: 'withdrawn', contact: { name: '已删除', phone: '' }, contactUnmasked: false });
    expect(openView.timeline.map((e: Data) => e.text)).toContain('申请人删除了个人信息，这件求助已撤回');
    expect(openView.description).toContain('请打我电话 ***，找***');
    const inbox = await ok('cases', { action: 'inbox' }, 'staff-edu');
    expect(inbox.items.map((c: Data) => c.caseId)).not.toContain(open);
    const closedView = await ok('cases', { action: 'get', caseId: closed }, 'staff-edu');
    expect(closedView).toMatchObject({ status: 'closed', category: 'children', rating: { score: 5, solved: true, satisfied: true } });
    expect(JSON.stringify([openView, closedView])).not.toContain(PHONE);
    expect((await ok('cases', { action: 'mine' }, 'leaver')).total).toBe(0);
    expect(await ok('users', { action: 'me' }, 'leaver')).toEqual({ role: 'resident', profile: null });
  });

  test('a person with nothing stored is told so; a second deleteMe finds nothing more', async () => {
    const first = await ok('users', { action: 'deleteMe' }, 'nobody-much');
    expect(first.done).toEqual(['我们没有保存您的其他个人信息']);
    await fairSignup('fair-winter', 'twice');
    expect((await ok('users', { action: 'deleteMe' }, 'twice')).erased.signups).toBe(1);
    expect((await ok('users', { action: 'deleteMe' }, 'twice')).erased.signups).toBe(0);
  });
});

test('cancelled sign-ups show no phone to organizers, on screen or exported', async () => {
  await fairSignup('fair-winter', 'canceller');
  await fairSignup('fair-winter', 'stayer', OTHER_PHONE, '钱保国');
  await ok('fairs', { action: 'cancel', fairId: 'fair-winter' }, 'canceller');
  await activitySignup('act-clean', 'canceller');
  await ok('places', { action: 'activityCancel', activityId: 'act-clean' }, 'canceller');

  const roster = await ok('fairs', { action: 'roster', fairId: 'fair-winter' }, 'staff-hrss');
  expect(roster.items.find((r: Data) => r.openid === 'canceller')).toMatchObject({ status: 'cancelled', phone: '' });
  expect(roster.summary).toMatchObject({ cancelled: 1, confirmed: 1 });
  expect(JSON.stringify(roster)).not.toContain(PHONE);
  const cells = await exportedCells('fair-winter', 'staff-hrss');
  expect(cells).toContain('已取消');
  expect(cells).toContain(OTHER_PHONE);
  expect(cells.join('|')).not.toContain(PHONE);
  const activity = await ok('places', { action: 'activityRoster', activityId: 'act-clean' }, 'admin');
  expect(activity.items).toEqual([expect.objectContaining({ status: 'cancelled', phone: '' })]);
});

describe('retention of finished cases', () => {
  /** Three requests in December 2026: A rated and closed (12-09), B withdrawn (12-07), C still open. */
  async function seedCases() {
    t.cloud.clock.set('2026-12-07T09:00:00+08:00');
    const [A, B, C] = [await submit('ra'), await submit('rb'), await submit('rc', { category: 'employment' })];
    await ok('cases', { action: 'accept', caseId: A }, 'staff-edu');
    await ok('cases', { action: 'accept', caseId: C }, 'staff-hrss');
    await ok('cases', { action: 'withdraw', caseId: B }, 'rb');
    t.cloud.clock.set('2026-12-09T10:00:00+08:00');
    await ok('cases', { action: 'resolve', caseId: A, summary: '已办结' }, 'staff-edu');
    await ok('cases', { action: 'rate', caseId: A, score: 4, solved: true, comment: `请回电 ${PHONE}` }, 'ra');
    const stats = await ok('cases', { action: 'stats', from: '2026-12-01', to: '2026-12-31' }, 'dispatcher');
    return { A, B, C, stats };
  }

  test('after 3 years (the default) the timer takes out name and phone; cases.stats answers the same figures', async () => {
    const { A, B, C, stats } = await seedCases();
    t.cloud.clock.set('2029-12-06T10:00:00+08:00');
    expect(await runTimer()).toMatchObject({ ok: true, data: { erased: 0 } });
    expect(JSON.stringify(t.cloud.database.read('cases', A))).toContain(PHONE);

    t.cloud.clock.set('2029-12-10T10:00:00+08:00');
    expect(await runTimer()).toMatchObject({ ok: true, data: { erased: 2 } });
    for (const id of [A, B]) {
      const c = t.cloud.database.read('cases', id) as Data;
      expect(JSON.stringify(c)).not.toContain(PHONE);
      expect(JSON.stringify(c)).not.toContain(NAME);
      expect(c).toMatchObject({ contact: { name: '已删除', phone: '' }, requesterOpenid: '', erasedBecause: 'retention' });
    }
    // The open case is not finished: it keeps the contact its department works with.
    expect((t.cloud.database.read('cases', C) as Data).contact).toEqual({ name: NAME, phone: PHONE });
    expect(await ok('cases', { action: 'stats', from: '2026-12-01', to: '2026-12-31' }, 'dispatcher')).toEqual(stats);
    // A second run finds nothing more to do.
    expect(await runTimer()).toMatchObject({ ok: true, data: { erased: 0 } });
  });

  test('the retention period is the admins’ setting', async () => {
    expect(await ok('meta', { action: 'retention' }, 'admin')).toEqual({ closedCaseYears: 3, defaultYears: 3 });
    for (const closedCaseYears of [0, 31, 2.5, '3'])
      expect(await t.call('meta', { action: 'saveRetention', closedCaseYears }, 'admin')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    expect(await t.call('meta', { action: 'saveRetention', closedCaseYears: 1 }, 'staff-edu')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await ok('meta', { action: 'saveRetention', closedCaseYears: 1 }, 'admin');
    expect(await ok('meta', { action: 'retention' }, 'admin')).toMatchObject({ closedCaseYears: 1 });

    const { A, stats } = await seedCases();
    t.cloud.clock.set('2027-12-10T10:00:00+08:00');
    expect(await runTimer()).toMatchObject({ ok: true, data: { erased: 2 } });
    expect(JSON.stringify(t.cloud.database.read('cases', A))).not.toContain(PHONE);
    expect(await ok('cases', { action: 'stats', from: '2026-12-01', to: '2026-12-31' }, 'dispatcher')).toEqual(stats);
  });
});

describe('the audit of personal data views', () => {
  const auditLog = (query: Data, who = 'admin') => t.call<Data>('users', { action: 'auditLog', ...query }, who);

  test('rosters, exports, revealed phones and audit reads are written, and searchable by person, unit, action and date', async () => {
    await fairSignup('fair-winter', 'resident-1');
    await activitySignup('act-clean', 'resident-1');
    const caseId = await submit('resident-1');

    await ok('fairs', { action: 'roster', fairId: 'fair-winter' }, 'staff-hrss');
    await exportedCells('fair-winter', 'staff-hrss');
    await ok('places', { action: 'activityRoster', activityId: 'act-clean' }, 'admin');
    await ok('cases', { action: 'get', caseId }, 'staff-edu');
    await ok('cases', { action: 'get', caseId }, 'dispatcher');

    const trail = t.cloud.database.all('audit') as Data[];
    const at = new Date(START).toISOString();
    expect(trail).toEqual(
      expect.arrayContaining([
        {
          _id: expect.any(String),
          openid: 'staff-hrss',
          role: 'staff',
          departmentId: 'hrss',
          action: 'fairs.roster',
          objectType: 'fair',
          objectId: 'fair-winter',
          at,
        },
        expect.objectContaining({ openid: 'staff-hrss', action: 'fairs.exportRoster', objectId: 'fair-winter' }),
        expect.objectContaining({
          openid: 'admin',
          role: 'admin',
          action: 'places.activityRoster',
          objectType: 'activity',
          objectId: 'act-clean',
        }),
        expect.objectContaining({ openid: 'staff-edu', action: 'view', objectType: 'case', objectId: caseId, caseId, revealed: true }),
      ]),
    );
    // The dispatcher saw the phone masked: a view, not a revealed phone.
    expect(trail.find((e) => e.openid === 'dispatcher')).not.toHaveProperty('revealed');

    const byUnit = await auditLog({ departmentId: 'hrss' });
    expect(byUnit).toMatchObject({ ok: true, data: { total: 2 } });
    expect(byUnit.ok && byUnit.data.items.map((e: Data) => e.action).sort()).toEqual(['fairs.exportRoster', 'fairs.roster']);
    const byPerson = await auditLog({ openid: 'staff-edu', operation: 'view' });
    expect(byPerson.ok && byPerson.data.items).toEqual([
      expect.objectContaining({ objectId: caseId, revealed: true, actionText: '查看求助' }),
    ]);
    const byObject = await auditLog({ objectType: 'activity', objectId: 'act-clean' });
    expect(byObject.ok && byObject.data.total).toBe(1);
    expect(await auditLog({ from: '2026-11-28', to: '2026-11-28', operation: 'fairs.roster' })).toMatchObject({
      ok: true,
      data: { total: 1 },
    });
    expect(await auditLog({ from: '2026-11-29', operation: 'fairs.roster' })).toMatchObject({ ok: true, data: { total: 0 } });
    expect(await auditLog({ to: '2026-11-27', operation: 'fairs.roster' })).toMatchObject({ ok: true, data: { total: 0 } });

    // Each read of the trail is itself on it; newest first, a page at a time.
    const reads = await auditLog({ operation: 'users.auditLog', pageSize: 2, page: 1 });
    expect(reads).toMatchObject({ ok: true, data: { total: 7, page: 1, pageSize: 2 } });
    expect(reads.ok && reads.data.items).toHaveLength(2);

    // cases.audit {caseId} still answers the case's own trail, and is recorded without joining it.
    const caseTrail = await ok('cases', { action: 'audit', caseId }, 'admin');
    expect(caseTrail.items.map((e: Data) => e.openid)).toEqual(['staff-edu', 'dispatcher']);
    expect(await auditLog({ operation: 'cases.audit', objectId: caseId })).toMatchObject({ ok: true, data: { total: 1 } });
  });

  test('only admins search it; bad searches are refused and write nothing', async () => {
    const before = stored('audit');
    for (const who of ['resident-1', 'staff-edu', 'dispatcher'])
      expect(await auditLog({}, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const query of [
      { from: '2026-11-30', to: '2026-11-01' },
      { from: '2026/11/01' },
      { operation: 'dance' },
      { departmentId: 'Mars!' },
      { pageSize: 500 },
      { openid: '' },
      { extra: true },
    ])
      expect(await auditLog(query)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(stored('audit')).toBe(before);
    // A well-formed unit id the county does not have is a search like any other: the trail outlives the
    // units it names, so a unit since removed can still be looked up. Nobody of 'mars' did anything.
    expect(await auditLog({ departmentId: 'mars' })).toMatchObject({ ok: true, data: { total: 0, items: [] } });
  });
});
