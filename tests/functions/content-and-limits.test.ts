import { randomUUID } from 'node:crypto';
import { DAILY_SUBMISSION_LIMIT } from '../../core/cases/use-cases';
import { BIND_ATTEMPTS_PER_HOUR } from '../../core/users/use-cases';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
type Answer = { ok: boolean; data?: Data; error?: { code: string; message: string } };
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['cases', 'users', 'fairs', 'places'], startAt: '2026-11-25T10:00:00+08:00' });
});
afterEach(() => t.close());

const call = (fn: string, event: Record<string, unknown>, openid: string | null) => t.call<Data>(fn, event, openid) as Promise<Answer>;
const cases = (event: Record<string, unknown>, openid: string | null) => call('cases', event, openid);
const ok = async (p: Promise<Answer>) => {
  const res = await p;
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`);
  return res.data as Data;
};
const written = () =>
  JSON.stringify(['cases', 'counters', 'audit', 'signups', 'fairs', 'activities', 'users'].map((c) => t.cloud.database.all(c)));
const stored = (caseId: string) => t.cloud.database.read('cases', caseId) as Data;
/** Lets the office's staff and the dispatcher receive one message each (their subscribe consent). */
const officeListens = () => {
  for (const who of ['dispatcher', 'staff-office', 'staff-edu'])
    t.cloud.database.write('subscriptions', `${who}:case_new`, { remaining: 5 });
};
const sentTo = () =>
  t.cloud.database
    .all('outbox')
    .map((m) => `${m.touser}:${(m.data as Data).thing1?.value ?? (m.data as Data).thing1}`)
    .sort();

async function resolvedCase(openid = 'resident-1') {
  const { caseId } = await ok(cases(aSubmission(), openid));
  await ok(cases({ action: 'accept', caseId }, 'staff-edu'));
  await ok(cases({ action: 'resolve', caseId, summary: '已安排入学' }, 'staff-edu'));
  return caseId as string;
}

async function waitingCase() {
  const { caseId } = await ok(cases(aSubmission(), 'resident-1'));
  await ok(cases({ action: 'accept', caseId }, 'staff-edu'));
  await ok(cases({ action: 'requestInfo', caseId, text: '请上传户口本' }, 'staff-edu'));
  return caseId as string;
}

describe('risky text another person will read is refused, and nothing is written', () => {
  const RISKY = '加我微信带你去赌博';

  test('a submission’s description or contact name', async () => {
    const before = written();
    for (const submission of [aSubmission({ description: RISKY }), aSubmission({ contact: { name: '色情', phone: '13800000001' } })]) {
      const res = await cases(submission, 'resident-1');
      expect(res).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('请修改后再提交') } });
    }
    expect(written()).toBe(before);
  });

  test('a withdraw reason, a supplement and a rating comment', async () => {
    const waiting = await waitingCase();
    const resolved = await resolvedCase('resident-1');
    const before = written();
    for (const [event, code] of [
      [{ action: 'withdraw', caseId: waiting, reason: RISKY }, 'CONTENT_REJECTED'],
      [{ action: 'supplement', caseId: waiting, text: RISKY }, 'CONTENT_REJECTED'],
      [{ action: 'rate', caseId: resolved, score: 5, solved: true, comment: RISKY }, 'CONTENT_REJECTED'],
    ] as const) {
      expect(await cases(event, 'resident-1')).toMatchObject({ ok: false, error: { code } });
    }
    expect(written()).toBe(before);
    // The same calls with ordinary words go through.
    await ok(cases({ action: 'rate', caseId: resolved, score: 5, solved: true, comment: '谢谢，办得很快' }, 'resident-1'));
    await ok(cases({ action: 'withdraw', caseId: waiting, reason: '已经自己解决了' }, 'resident-1'));
  });

  test('a job-fair and a volunteer-activity sign-up name, and a profile name', async () => {
    const start = Date.parse('2026-12-05T09:00:00+08:00');
    const fair = await ok(
      call(
        'fairs',
        {
          action: 'save',
          title: '退役军人专场招聘会',
          startAt: new Date(start).toISOString(),
          endAt: new Date(start + 7 * 3_600_000).toISOString(),
          signupDeadline: new Date(start - 3_600_000).toISOString(),
          capacity: 10,
          venue: { name: '服务中心', address: '人民路 88 号', lat: 30.51, lng: 114.3 },
          organizerDepartmentId: 'hrss',
          employers: [{ name: '顺达物流', positions: [{ id: 'driver', title: '驾驶员', count: 3 }] }],
          status: 'published',
        },
        'staff-hrss',
      ),
    );
    const activity = await ok(
      call(
        'places',
        {
          action: 'saveActivity',
          title: '慰问',
          startAt: '2026-12-05T09:00:00+08:00',
          endAt: '2026-12-05T12:00:00+08:00',
          signupDeadline: '2026-12-04T18:00:00+08:00',
          capacity: 10,
          place: '服务站',
          regionId: 'hekou',
          description: '走访',
        },
        'admin',
      ),
    );
    const before = written();
    const contact = { name: '代开发票', phone: '13900000000' };
    expect(await call('fairs', { action: 'signup', fairId: fair.id, requestId: randomUUID(), ...contact }, 'resident-1')).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(
      await call('places', { action: 'activitySignup', activityId: activity.id, requestId: randomUUID(), ...contact }, 'resident-1'),
    ).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(await call('users', { action: 'saveProfile', name: '办假证' }, 'resident-1')).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(written()).toBe(before);
    await ok(
      call('fairs', { action: 'signup', fairId: fair.id, requestId: randomUUID(), name: '王建国', phone: '13900000000' }, 'resident-1'),
    );
    await ok(call('users', { action: 'saveProfile', name: '王建国' }, 'resident-1'));
  });
});

describe('self-harm and threat words: kept, flagged and sent to the 双拥办 as urgent', () => {
  test('a submission goes to the 双拥办, urgent and flagged, with a note staff see; the dispatcher is told', async () => {
    officeListens();
    const submitted = await ok(cases(aSubmission({ description: '孩子上学的事拖了半年，我真的不想活了' }), 'resident-1'));
    expect(submitted).toMatchObject({ departmentId: 'office', status: 'assigned', signDueAt: '2026-11-25T12:00:00+08:00' });
    expect(stored(submitted.caseId)).toMatchObject({ flagged: true, urgent: true, departmentId: 'office' });

    const staff = await ok(cases({ action: 'get', caseId: submitted.caseId }, 'dispatcher'));
    const internal = staff.timeline.filter((e: Data) => e.internal).map((e: Data) => e.text);
    expect(internal.join()).toContain('不想活了');
    expect(internal.join()).toContain('请立即电话联系求助人');
    expect(staff.routing.reason).toContain('教育局');
    // The requester is not shown the notes, only where to turn.
    const mine = await ok(cases({ action: 'get', caseId: submitted.caseId }, 'resident-1'));
    expect(JSON.stringify(mine.timeline)).not.toContain('不想活了');
    expect(JSON.stringify(mine.timeline)).toContain('12356');

    expect(sentTo()).toEqual(['dispatcher:紧急：求助人可能有危险，请立即电话联系', 'staff-office:紧急：求助人可能有危险，请立即电话联系']);
    const queue = await ok(cases({ action: 'queue', list: 'flagged' }, 'dispatcher'));
    expect(queue.items.map((c: Data) => c.caseId)).toEqual([submitted.caseId]);
  });

  test('a threat the content check calls risky is kept and routed, not refused', async () => {
    // The local msgSecCheck answers `risky` for this (core/data/distress-cues.ts, local/data/sensitive-words.ts).
    const check = await t.sdk.openapi.security.msgSecCheck({
      content: '再拖下去我就和他们同归于尽',
      version: 2,
      scene: 2,
      openid: 'resident-1',
    });
    expect(check).toMatchObject({ result: { suggest: 'risky' } });
    const submitted = await ok(cases(aSubmission({ description: '再拖下去我就和他们同归于尽' }), 'resident-1'));
    expect(stored(submitted.caseId)).toMatchObject({ departmentId: 'office', urgent: true, flagged: true });
  });

  test('a supplement moves the case from its department to the 双拥办', async () => {
    const caseId = await waitingCase();
    officeListens();
    const view = await ok(cases({ action: 'supplement', caseId, text: '材料找不到了，活着没意思' }, 'resident-1'));
    expect(view.status).toBe('assigned');
    expect(stored(caseId)).toMatchObject({ departmentId: 'office', urgent: true, flagged: true, departmentsHeld: ['edu', 'office'] });
    expect(stored(caseId).waitingSince).toBeUndefined();
    expect(sentTo()).toEqual(['dispatcher:紧急：求助人可能有危险，请立即电话联系', 'staff-office:紧急：求助人可能有危险，请立即电话联系']);
    // The former department may no longer act on it.
    expect(await cases({ action: 'reply', caseId, text: '收到' }, 'staff-edu')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a rating comment flags the case and keeps it open with the 双拥办; the rating stands', async () => {
    const caseId = await resolvedCase();
    officeListens();
    await ok(cases({ action: 'rate', caseId, score: 5, solved: true, comment: '事情办好了，可我还是想一了百了' }, 'resident-1'));
    const c = stored(caseId);
    expect(c).toMatchObject({ flagged: true, urgent: true, departmentId: 'office', status: 'assigned', reopenCount: 0 });
    expect(c.rating).toMatchObject({ score: 5, solved: true, comment: '事情办好了，可我还是想一了百了' });
    expect(
      c.timeline
        .filter((e: Data) => e.internal)
        .map((e: Data) => e.text)
        .join(),
    ).toContain('评价留言含有“一了百了”');
    expect(sentTo()).toHaveLength(2);
  });

  test('a rating “not solved” with a threat is reopened (重办) and goes to the 双拥办', async () => {
    const caseId = await resolvedCase();
    await ok(cases({ action: 'rate', caseId, score: 1, solved: false, comment: '再不管我就去把他们单位炸了' }, 'resident-1'));
    expect(stored(caseId)).toMatchObject({ flagged: true, urgent: true, departmentId: 'office', status: 'assigned', reopenCount: 1 });
  });

  test('a withdraw reason withdraws as asked, flags the case and tells the 双拥办', async () => {
    const caseId = await waitingCase();
    officeListens();
    await ok(cases({ action: 'withdraw', caseId, reason: '不用办了，我准备跳楼' }, 'resident-1'));
    expect(stored(caseId)).toMatchObject({ status: 'withdrawn', flagged: true, departmentId: 'edu' });
    expect(sentTo()).toEqual(['dispatcher:紧急：求助人可能有危险，请立即电话联系', 'staff-office:紧急：求助人可能有危险，请立即电话联系']);
  });

  test('everyday words that look like a cue change nothing', async () => {
    const submitted = await ok(cases(aSubmission({ description: '超市跳楼价卖的校服能不能报销，我都气炸了' }), 'resident-1'));
    expect(stored(submitted.caseId)).toMatchObject({ departmentId: 'edu', urgent: false, flagged: false });
  });
});

describe('the daily submission limit is held by the commit that stores the case', () => {
  test('many concurrent submissions by one person: exactly the limit pass; retries are not duplicated', async () => {
    const payloads = Array.from({ length: 16 }, () => aSubmission());
    const first = await Promise.all(payloads.map((p) => cases(p, 'eager')));
    const passed = first.filter((r) => r.ok);
    expect(passed).toHaveLength(DAILY_SUBMISSION_LIMIT);
    expect(first.filter((r) => !r.ok).map((r) => r.error?.code)).toEqual(Array(16 - DAILY_SUBMISSION_LIMIT).fill('RATE_LIMITED'));
    expect(t.cloud.database.all('cases').filter((c) => c.requesterOpenid === 'eager')).toHaveLength(DAILY_SUBMISSION_LIMIT);

    // Every request retried at once, twice: the stored ones answer their own case, the rest stay refused.
    const retried = await Promise.all([...payloads, ...payloads].map((p) => cases(p, 'eager')));
    const ids = new Set(passed.map((r) => r.data?.caseId));
    for (const [i, r] of retried.entries()) {
      const original = first[i % payloads.length] as Answer;
      if (original.ok) expect(r).toMatchObject({ ok: true, data: { caseId: original.data?.caseId } });
      else expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    }
    expect(t.cloud.database.all('cases').filter((c) => c.requesterOpenid === 'eager')).toHaveLength(DAILY_SUBMISSION_LIMIT);
    expect(new Set(t.cloud.database.all('cases').map((c) => c._id))).toEqual(ids);
    expect(t.cloud.database.read('counters', 'submit:eager:2026-11-25')).toMatchObject({ n: DAILY_SUBMISSION_LIMIT });
    // Someone else is not held back, and the next day starts afresh.
    await ok(cases(aSubmission(), 'resident-2'));
    t.cloud.clock.advance('P1D');
    await ok(cases(aSubmission(), 'eager'));
  });

  test('cases stored before the counter existed still count', async () => {
    for (let i = 0; i < DAILY_SUBMISSION_LIMIT - 1; i++) await ok(cases(aSubmission(), 'early'));
    await t.db.collection('counters').doc('submit:early:2026-11-25').remove();
    const results = await Promise.all(Array.from({ length: 4 }, () => cases(aSubmission(), 'early')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  test('the dispatcher’s phone entries do not count', async () => {
    for (let i = 0; i < DAILY_SUBMISSION_LIMIT + 2; i++) {
      const { consent: _consent, ...phoned } = aSubmission({ action: 'record', callerNote: '来电' });
      await ok(cases(phoned, 'dispatcher'));
    }
  });
});

describe('invite codes: a limited number of tries per person per hour', () => {
  const bind = (inviteCode: string, who: string) => call('users', { action: 'bindStaff', inviteCode }, who);

  test(`${BIND_ATTEMPTS_PER_HOUR} tries an hour, counted in storage, concurrent tries included`, async () => {
    const invite = await ok(call('users', { action: 'createInvite', departmentId: 'edu' }, 'admin'));
    const guesses = Array.from({ length: 12 }, (_, i) => `GUESS${String.fromCharCode(65 + i)}AA`);
    const answers = await Promise.all(guesses.map((g) => bind(g, 'guesser')));
    expect(answers.filter((r) => r.error?.code === 'NOT_FOUND')).toHaveLength(BIND_ATTEMPTS_PER_HOUR);
    expect(answers.filter((r) => r.error?.code === 'RATE_LIMITED')).toHaveLength(12 - BIND_ATTEMPTS_PER_HOUR);
    expect(answers.find((r) => r.error?.code === 'RATE_LIMITED')?.error?.message).toContain('过一小时再试');
    // Even the right code waits: the limit is checked before any code is looked up.
    expect(await bind(invite.code, 'guesser')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(t.cloud.database.read('invites', invite.code)?.usedBy).toBeUndefined();
    expect(t.cloud.database.all('counters').filter((c) => String(c._id).startsWith('bind:guesser:'))).toEqual([
      expect.objectContaining({ n: BIND_ATTEMPTS_PER_HOUR }),
    ]);
    // Someone else is not held back; an hour later the person may try again.
    expect(await bind('WRONGAAA', 'someone-else')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    t.cloud.clock.advance('PT1H');
    expect(await bind(invite.code, 'guesser')).toMatchObject({ ok: true, data: { role: 'staff', departmentId: 'edu' } });
  });
});
