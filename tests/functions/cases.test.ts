import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['cases', 'users', 'files'], startAt: '2026-09-30T10:00:00+08:00' });
});
afterEach(() => t.close());

const cases = (event: Record<string, unknown>, openid: string | null) => t.call<Data>('cases', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data; error?: { message: string } }>) => {
  const res = await p;
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`);
  return res.data as Data;
};
const written = () => JSON.stringify(['cases', 'counters', 'audit'].map((c) => t.cloud.database.all(c)));

test('children goes to edu with deadlines across 国庆 and the make-up Saturday; others cannot read it', async () => {
  const submitted = await ok(cases(aSubmission(), 'resident-1'));
  expect(submitted).toMatchObject({
    departmentId: 'edu',
    status: 'assigned',
    signDueAt: '2026-10-08T10:00:00+08:00',
    dueAt: '2026-10-13T10:00:00+08:00',
    trackingNo: expect.stringMatching(/^SY260930\d{3}$/),
    message: expect.stringContaining('教育局将在10月13日'),
  });
  const mine = await ok(cases({ action: 'get', caseId: submitted.caseId }, 'resident-1'));
  expect(mine.contact.phone).toBe('138****0001');
  expect(mine.timeline.map((e: Data) => e.type)).toEqual(['submitted', 'routed']);
  expect(await cases({ action: 'get', caseId: submitted.caseId }, 'resident-2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await cases({ action: 'get', caseId: submitted.caseId }, 'staff-hrss')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await cases({ action: 'get', caseId: submitted.caseId }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const staff = await ok(cases({ action: 'get', caseId: submitted.caseId }, 'staff-edu'));
  expect(staff.contact).toEqual({ name: '王建国', phone: '13800000001' });
  expect(staff.routing.reason).toContain('教育局');
  const dispatcher = await ok(cases({ action: 'get', caseId: submitted.caseId }, 'dispatcher'));
  expect(dispatcher.contact.phone).toBe('138****0001');
  expect(t.cloud.database.all('audit').map((a) => a.openid)).toEqual(['staff-edu', 'dispatcher']);
});

test('replaying a requestId returns the first case, even when the retries race', async () => {
  const payload = aSubmission();
  const results = await Promise.all(Array.from({ length: 12 }, () => cases(payload, 'resident-1')));
  const ids = new Set(results.map((r) => (r.ok ? r.data!.caseId : r.error!.code)));
  expect(ids.size).toBe(1);
  expect(t.cloud.database.all('cases')).toHaveLength(1);
  const again = await ok(cases(payload, 'resident-1'));
  expect(again.caseId).toBe([...ids][0]);
  // The same requestId from someone else is their own request.
  const other = await ok(cases(payload, 'resident-2'));
  expect(other.caseId).not.toBe(again.caseId);
});

test('concurrent submissions get distinct tracking numbers', async () => {
  const results = await Promise.all(['resident-1', 'resident-2', 'r3', 'r4', 'r5', 'r6'].map((who) => ok(cases(aSubmission(), who))));
  expect(new Set(results.map((r) => r.trackingNo)).size).toBe(6);
});

test.each([
  ['a missing field', { region: undefined }],
  ['a wrong type', { urgent: 'yes' }],
  ['10k characters of text', { description: '帮'.repeat(10_000) }],
  ['an unknown category', { category: 'astronomy' }],
  ['an unknown region', { region: 'atlantis' }],
  ['an extra key', { departmentId: 'edu' }],
  ['no consent', { consent: false }],
  ['a bad phone', { contact: { name: '王', phone: '12' } }],
  ['an attachment not uploaded', { attachments: ['C:/photo.jpg'] }],
])('%s is INVALID_INPUT and creates nothing', async (_what, override) => {
  const before = written();
  const res = await cases(aSubmission(override), 'resident-1');
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: expect.any(Array) } });
  expect(written()).toBe(before);
});

test('an attachment nobody uploaded is FORBIDDEN, as another person’s is, and creates nothing', async () => {
  const before = written();
  const res = await cases(aSubmission({ attachments: ['cloud://local.local/uploads/resident-1/never-uploaded.jpg'] }), 'resident-1');
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', issues: [{ path: ['attachments', 0] }] } });
  expect(written()).toBe(before);
});

test('an uploaded attachment is kept; a supplement naming a file that is not the caller’s changes nothing', async () => {
  const photo = await t.upload('resident-1', 'photo.jpg', 'jpeg');
  const submitted = await ok(cases(aSubmission({ attachments: [photo] }), 'resident-1'));
  expect(t.cloud.database.read('cases', submitted.caseId)?.attachments).toEqual([photo]);
  const before = written();
  const res = await cases(
    {
      action: 'supplement',
      caseId: submitted.caseId,
      text: '补充一张照片',
      attachments: [photo, photo.replace(/[0-9a-f]{32}/, '0'.repeat(32))],
    },
    'resident-1',
  );
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', issues: [{ path: ['attachments', 1] }] } });
  expect(written()).toBe(before);
});

test('risky text is CONTENT_REJECTED and stores nothing; text for review is stored and flagged', async () => {
  const before = written();
  expect(await cases(aSubmission({ description: '有人拉我去赌博，输了很多钱' }), 'resident-1')).toMatchObject({
    ok: false,
    error: { code: 'CONTENT_REJECTED' },
  });
  expect(written()).toBe(before);
  const flagged = await ok(cases(aSubmission({ category: 'relief', description: '家里实在困难，我都想轻生了' }), 'resident-1'));
  expect(t.cloud.database.read('cases', flagged.caseId)?.flagged).toBe(true);
});

test('a person may submit five requests a day', async () => {
  for (let i = 0; i < 5; i++) await ok(cases(aSubmission(), 'busy'));
  expect(await cases(aSubmission(), 'busy')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  t.cloud.clock.advance('P1D');
  await ok(cases(aSubmission(), 'busy'));
});

test('the whole way: sign, ask for information (clock pauses), supplement, resolve, rate', async () => {
  const { caseId } = await ok(cases(aSubmission(), 'resident-1'));
  expect(await cases({ action: 'accept', caseId }, 'staff-hrss')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await cases({ action: 'resolve', caseId, summary: '已办' }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  await ok(cases({ action: 'accept', caseId }, 'staff-edu'));
  expect(await cases({ action: 'accept', caseId }, 'staff-edu')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

  t.cloud.clock.set('2026-10-09T10:00:00+08:00');
  await ok(cases({ action: 'requestInfo', caseId, text: '请上传户口本和入伍证明的照片' }, 'staff-edu'));
  let view = await ok(cases({ action: 'get', caseId }, 'resident-1'));
  expect(view).toMatchObject({
    status: 'waiting',
    sla: 'paused',
    can: { supplement: true },
    steps: { needFromYou: '请上传户口本和入伍证明的照片' },
  });

  // Friday 10:00 → Monday 10:00 spans the 调休 Saturday: two working days of waiting, so 10-13 becomes 10-15.
  t.cloud.clock.set('2026-10-12T10:00:00+08:00');
  view = await ok(cases({ action: 'supplement', caseId, text: '已补充户口本和入伍证明' }, 'resident-1'));
  expect(view).toMatchObject({ status: 'in_progress', dueAt: '2026-10-15T10:00:00+08:00' });

  await ok(cases({ action: 'reply', caseId, text: '材料齐全，已联系学校' }, 'staff-edu'));
  await ok(cases({ action: 'resolve', caseId, summary: '已安排到城关一小就读' }, 'staff-edu'));
  view = await ok(cases({ action: 'rate', caseId, score: 5, solved: true, comment: '谢谢' }, 'resident-1'));
  expect(view.status).toBe('closed');
  expect(view.timeline.map((e: Data) => e.type)).toEqual([
    'submitted',
    'routed',
    'accepted',
    'info_requested',
    'supplemented',
    'note',
    'replied',
    'resolved',
    'rated',
    'closed',
  ]);
  const stored = t.cloud.database.read('cases', caseId)!;
  expect(stored).toMatchObject({ signedOnTime: true, resolvedOnTime: true, rating: { score: 5, satisfied: true } });
  expect(stored.waitingSince).toBeUndefined();
});

test('"not solved" reopens with a new deadline; withdraw ends an open case only', async () => {
  const { caseId } = await ok(cases(aSubmission(), 'resident-1'));
  await ok(cases({ action: 'accept', caseId }, 'staff-edu'));
  await ok(cases({ action: 'resolve', caseId, summary: '已答复政策' }, 'staff-edu'));
  expect(await cases({ action: 'withdraw', caseId }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  t.cloud.clock.set('2026-10-12T09:00:00+08:00');
  const reopened = await ok(cases({ action: 'rate', caseId, score: 2, solved: false }, 'resident-1'));
  expect(reopened).toMatchObject({ status: 'in_progress', dueAt: '2026-10-19T09:00:00+08:00' });
  expect(t.cloud.database.read('cases', caseId)).toMatchObject({ reopenCount: 1 });
  expect(await cases({ action: 'withdraw', caseId }, 'resident-2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await ok(cases({ action: 'withdraw', caseId }, 'resident-1'))).toEqual({ caseId, status: 'withdrawn' });
});

test('a department returns a case; the dispatcher reassigns it with fresh deadlines', async () => {
  const { caseId } = await ok(cases(aSubmission(), 'resident-1'));
  await ok(cases({ action: 'return', caseId, reason: '属于就业问题，请转人社局' }, 'staff-edu'));
  const officeInbox = await ok(cases({ action: 'inbox', filter: 'new' }, 'dispatcher'));
  expect(officeInbox.items.map((i: Data) => [i.caseId, i.returned])).toEqual([[caseId, true]]);
  expect(await cases({ action: 'assign', caseId, departmentId: 'hrss', reason: '就业' }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  t.cloud.clock.set('2026-10-09T15:00:00+08:00');
  const assigned = await ok(cases({ action: 'assign', caseId, departmentId: 'hrss', reason: '属于就业创业' }, 'dispatcher'));
  expect(assigned).toMatchObject({ departmentId: 'hrss', status: 'assigned', signDueAt: '2026-10-10T15:00:00+08:00' });
  // edu held it: it reads back only what it wrote (its return, not the request or the phone), and can no
  // longer act on the case or annotate it.
  const former = await ok(cases({ action: 'get', caseId }, 'staff-edu'));
  expect(former).toEqual({
    caseId,
    trackingNo: expect.any(String),
    formerHolder: true,
    notice: expect.any(String),
    timeline: [expect.objectContaining({ type: 'returned', internal: true, text: expect.stringContaining('属于就业问题') })],
  });
  expect(await ok(cases({ action: 'lookup', trackingNo: former.trackingNo }, 'staff-edu'))).toEqual(former);
  const untouched = JSON.stringify(t.cloud.database.read('cases', caseId));
  for (const event of [
    { action: 'note', caseId, text: '改派后的备注' },
    { action: 'accept', caseId },
    { action: 'reply', caseId, text: '答复' },
    { action: 'return', caseId, reason: '退回' },
  ])
    expect(await cases(event, 'staff-edu')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(JSON.stringify(t.cloud.database.read('cases', caseId))).toBe(untouched);
  await ok(cases({ action: 'accept', caseId }, 'staff-hrss'));
  await ok(cases({ action: 'note', caseId, text: '人社局的备注' }, 'staff-hrss'));
  const requester = await ok(cases({ action: 'get', caseId }, 'resident-1'));
  expect(requester.timeline.some((e: Data) => e.text.includes('属于就业问题'))).toBe(false);
});

test('the timer urges what is overdue (on top of the inbox, the dispatcher told) and closes unrated cases after 7 days', async () => {
  const late = await ok(cases(aSubmission(), 'resident-1'));
  const done = await ok(cases(aSubmission({ category: 'employment' }), 'resident-2'));
  await ok(cases({ action: 'accept', caseId: done.caseId }, 'staff-hrss'));
  await ok(cases({ action: 'resolve', caseId: done.caseId, summary: '已推荐岗位' }, 'staff-hrss'));
  for (const who of ['staff-edu', 'dispatcher']) t.cloud.database.write('subscriptions', `${who}:case_new`, { remaining: 5 });

  t.cloud.clock.set('2026-10-08T10:30:00+08:00');
  expect(await t.cloud.invoke('cases', { Type: 'Timer', TriggerName: 'hourly-supervision', Time: '' }, null, 'wx_timer')).toEqual({
    ok: true,
    data: { urged: 1, closed: 1, erased: 0 },
  });
  const inbox = await ok(cases({ action: 'inbox', filter: 'overdue' }, 'staff-edu'));
  expect(inbox.items[0]).toMatchObject({ caseId: late.caseId, urged: true, sla: 'red' });
  expect(t.cloud.database.read('cases', done.caseId)).toMatchObject({ status: 'closed' });
  expect(
    t.cloud.database
      .all('outbox')
      .map((m) => m.touser)
      .sort(),
  ).toEqual(['dispatcher', 'staff-edu']);
  // Not urged twice the same day.
  expect(await t.cloud.invoke('cases', { Type: 'Timer' }, null, 'wx_timer')).toEqual({
    ok: true,
    data: { urged: 0, closed: 0, erased: 0 },
  });
});

test('lookup by tracking number for phone enquiries, and a request recorded by phone', async () => {
  const { trackingNo, caseId } = await ok(cases(aSubmission(), 'resident-1'));
  expect(await ok(cases({ action: 'lookup', trackingNo: trackingNo.toLowerCase() }, 'dispatcher'))).toMatchObject({ caseId });
  expect(await cases({ action: 'lookup', trackingNo }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await cases({ action: 'lookup', trackingNo: 'SY000000000' }, 'dispatcher')).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  const { consent: _consent, ...phoned } = aSubmission({ category: 'housing', action: 'record', callerNote: '老人电话反映房屋漏雨' });
  const recorded = await ok(cases(phoned, 'dispatcher'));
  expect(recorded).toMatchObject({ departmentId: 'housing', dueAt: '2026-10-27T10:00:00+08:00' });
  expect(t.cloud.database.read('cases', recorded.caseId)).toMatchObject({ recordedBy: 'dispatcher', requesterOpenid: '' });
});

test('suggest: people’s own words, best first, with the department', async () => {
  const res = await ok(cases({ action: 'suggest', text: '孩子明年上小学，听说军人子女有优待' }, 'resident-1'));
  expect(res.candidates[0]).toMatchObject({ category: 'children', departmentId: 'edu', score: expect.any(Number) });
  const wages = await ok(cases({ action: 'suggest', text: '老闆拖欠工資三個月了' }, 'resident-1'));
  expect(wages.candidates.slice(0, 2).map((c: Data) => c.category)).toContain('legal');
  expect(await cases({ action: 'suggest', text: '孩子上学' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('a staff member removed from a department loses access at once', async () => {
  const { caseId } = await ok(cases(aSubmission(), 'resident-1'));
  const invite = await ok(t.call('users', { action: 'createInvite', departmentId: 'edu' }, 'admin') as never);
  await ok(t.call('users', { action: 'bindStaff', inviteCode: invite.code }, 'new-clerk') as never);
  await ok(cases({ action: 'get', caseId }, 'new-clerk'));
  await ok(t.call('users', { action: 'removeStaff', openid: 'new-clerk' }, 'admin') as never);
  expect(await cases({ action: 'get', caseId }, 'new-clerk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await cases({ action: 'inbox' }, 'new-clerk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await cases({ action: 'accept', caseId }, 'new-clerk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('the inbox counts each filter; the 双拥办 sees the full phone only to call back an unrated resolved case', async () => {
  const { caseId } = await ok(cases(aSubmission(), 'resident-1'));
  await ok(cases(aSubmission({ category: 'children' }), 'resident-2'));
  await ok(cases({ action: 'accept', caseId }, 'staff-edu'));
  const inbox = await ok(cases({ action: 'inbox' }, 'staff-edu'));
  expect(inbox.counts).toMatchObject({ new: 1, open: 2, all: 2, resolved: 0 });
  expect((await ok(cases({ action: 'get', caseId }, 'dispatcher'))).contact.phone).toBe('138****0001');
  await ok(cases({ action: 'resolve', caseId, summary: '已答复' }, 'staff-edu'));
  expect((await ok(cases({ action: 'get', caseId }, 'dispatcher'))).contact.phone).toBe('13800000001');
  await ok(cases({ action: 'followUp', caseId, satisfied: true }, 'dispatcher'));
  expect((await ok(cases({ action: 'get', caseId }, 'dispatcher'))).contact.phone).toBe('138****0001');
  expect(t.cloud.database.all('audit').at(-1)).toMatchObject({ openid: 'dispatcher', departmentId: 'office', action: 'view' });
});
