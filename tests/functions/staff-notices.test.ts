/**
 * Staff notices that arrive (issue 14, item 3): a new-case message WeChat refuses for lack of consent
 * (43101) is remembered per person and case, answered by `cases.notices`, and forgotten when the person
 * opens the case, when a later message about it reaches them, or when the case no longer needs them.
 */
import type { AddressInfo } from 'node:net';
import { createHostServer } from '../../local/http';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['cases', 'ledger', 'users', 'files'], startAt: '2026-09-30T10:00:00+08:00' });
});
afterEach(() => t.close());

const call = (fn: string, event: Record<string, unknown>, openid: string | null) => t.call<Data>(fn, event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`);
  return res.data as Data;
};
const missed = async (openid: string) => (await ok(call('cases', { action: 'notices' }, openid))).missed as Data[];
/** What the local stand-in for WeChat delivered, to whom. */
const delivered = () => t.cloud.database.all('outbox').map((m) => `${m.touser}:${m.templateId}`);
/** One more one-time consent, as `POST /__local/subscribe` records it. */
const consent = (openid: string, n = 1) => {
  const id = `${openid}:case_new`;
  const grant = t.cloud.database.read('subscriptions', id) as { remaining?: number } | null;
  t.cloud.database.write('subscriptions', id, { openid, templateId: 'case_new', remaining: (grant?.remaining ?? 0) + n });
};

test('a new case for a clerk without consent is remembered for them, and opening it clears it', async () => {
  const { caseId, trackingNo } = await ok(call('cases', aSubmission(), 'resident-1'));
  expect(delivered()).toEqual([]);
  expect(await missed('staff-edu')).toEqual([
    { caseId, number: trackingNo, title: expect.any(String), at: expect.stringMatching(/^2026-09-30 10:00$/) },
  ]);
  // Only the person's own: another department's clerk and the 双拥办 were not sent this one.
  expect(await missed('staff-hrss')).toEqual([]);
  expect(await missed('dispatcher')).toEqual([]);
  // Refused twice about the same case, still one record.
  await ok(call('cases', { action: 'urge', caseId, note: '请尽快签收' }, 'dispatcher'));
  expect(await missed('staff-edu')).toHaveLength(1);
  expect((await missed('staff-edu'))[0]).toMatchObject({ caseId, title: '双拥办督办' });

  await ok(call('cases', { action: 'get', caseId }, 'staff-edu'));
  expect(await missed('staff-edu')).toEqual([]);
  expect(t.cloud.database.all('notice_failures')).toEqual([]);
});

test('with consent the message arrives and nothing is recorded; a later delivery clears an earlier miss', async () => {
  consent('staff-edu');
  const first = await ok(call('cases', aSubmission({ requestId: 'req-first-0001' }), 'resident-1'));
  expect(delivered()).toEqual(['staff-edu:case_new']);
  expect(await missed('staff-edu')).toEqual([]);

  // The one consent is used up: the next case is missed...
  const second = await ok(call('cases', aSubmission({ requestId: 'req-second-001' }), 'resident-2'));
  expect((await missed('staff-edu')).map((m) => m.caseId)).toEqual([second.caseId]);
  // ...until the clerk agrees again, and a message about that same case reaches them.
  consent('staff-edu');
  await ok(call('cases', { action: 'urge', caseId: second.caseId }, 'dispatcher'));
  expect(delivered()).toEqual(['staff-edu:case_new', 'staff-edu:case_new']);
  expect(await missed('staff-edu')).toEqual([]);
  expect(first.caseId).not.toBe(second.caseId);
});

test('a case that leaves the department, or a returned one the 双拥办 missed, is counted where it needs work', async () => {
  const { caseId } = await ok(call('cases', aSubmission(), 'resident-1'));
  expect(await missed('staff-edu')).toHaveLength(1);
  // Returned to the 双拥办: the dispatcher (no consent either) misses that one; 教育局 no longer holds it.
  await ok(call('cases', { action: 'return', caseId, reason: '属于就业问题，请转人社局' }, 'staff-edu'));
  expect((await missed('dispatcher')).map((m) => m.caseId)).toEqual([caseId]);
  expect(await missed('staff-edu')).toEqual([]);
  // The stale record is gone from the collection, not only from the answer.
  expect(
    t.cloud.database
      .all('notice_failures')
      .map((d) => d.openid)
      .sort(),
  ).toEqual(['dispatcher', 'staff-office']);
  // Reassigned to 人社局 by the dispatcher: opening it to assign cleared the dispatcher's.
  await ok(call('cases', { action: 'get', caseId }, 'dispatcher'));
  await ok(call('cases', { action: 'assign', caseId, departmentId: 'hrss', reason: '就业问题' }, 'dispatcher'));
  expect(await missed('dispatcher')).toEqual([]);
  // The 双拥办's clerk no longer holds it either; 人社局's clerk missed it in turn.
  expect(await missed('staff-office')).toEqual([]);
  expect((await missed('staff-hrss')).map((m) => m.caseId)).toEqual([caseId]);
});

test('a ledger 督办 that could not reach its owners is remembered until they open the task', async () => {
  const tasks = (await ok(call('ledger', { action: 'tasks' }, 'dispatcher'))).items as Data[];
  const task = tasks.find((x) => x.code === '2.2') as Data;
  await ok(call('ledger', { action: 'urge', taskId: task.id, note: '本周内补齐台账' }, 'dispatcher'));
  expect(delivered()).toEqual([]);
  expect(await missed('staff-civil')).toEqual([{ taskId: task.id, number: '2.2', title: '创建任务督办 2.2', at: '2026-09-30 10:00' }]);
  await ok(call('ledger', { action: 'task', id: task.id }, 'staff-civil'));
  expect(await missed('staff-civil')).toEqual([]);
});

test('residents cannot ask for staff notices', async () => {
  expect(await call('cases', { action: 'notices' }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await call('cases', { action: 'notices', extra: 1 }, 'staff-edu')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('on the local host: no consent gives the mark, /__local/subscribe records one, the outbox gets the next', async () => {
  const server = createHostServer({ cloud: t.cloud });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (path: string, body: unknown, openid: string) =>
    (
      await fetch(base + path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'x-openid': openid },
      })
    ).json() as Promise<Data>;
  const outbox = async (openid: string) =>
    ((await (await fetch(`${base}/__local/outbox`, { headers: { 'x-openid': openid } })).json()) as Data).data.items as Data[];
  try {
    const first = (await post('/api/cases', aSubmission({ requestId: 'host-req-0001' }), 'resident-1')).data;
    expect((await post('/api/cases', { action: 'notices' }, 'staff-edu')).data.missed.map((m: Data) => m.caseId)).toEqual([first.caseId]);
    expect(await outbox('staff-edu')).toEqual([]);
    // The clerk taps 接收新求助提醒 (the H5 app posts this); the next new case reaches them.
    expect(await post('/__local/subscribe', { templateIds: ['case_new'] }, 'staff-edu')).toMatchObject({ ok: true });
    const second = (await post('/api/cases', aSubmission({ requestId: 'host-req-0002' }), 'resident-2')).data;
    expect(await outbox('staff-edu')).toEqual([
      expect.objectContaining({ touser: 'staff-edu', templateId: 'case_new', page: `subpackages/workbench/case?id=${second.caseId}` }),
    ]);
    // Only the first, which went unsent, is still marked.
    expect((await post('/api/cases', { action: 'notices' }, 'staff-edu')).data.missed.map((m: Data) => m.caseId)).toEqual([first.caseId]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
