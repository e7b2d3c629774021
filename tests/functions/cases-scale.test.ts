import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

/**
 * A department past a thousand cases: the inbox counts and pages all of them, and the timer reaches the
 * longest-waiting overdue case however many are open (the server answers at most 1,000 per read).
 */

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['cases', 'users'], startAt: '2026-09-30T10:00:00+08:00' });
});
afterEach(() => t.close());

const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`);
  return res.data as Data;
};
const HOUR = 3_600_000;

/** Copies of one real case, `n` of them, made by `vary` (ids, dates, status). */
async function manyCases(n: number, vary: (i: number) => Record<string, unknown>) {
  const { caseId } = await ok(t.call('cases', aSubmission(), 'resident-1'));
  const template = t.cloud.database.read('cases', caseId) as Data;
  t.cloud.database.write('cases', caseId, { ...template, ...vary(-1) });
  for (let i = 0; i < n; i++) t.cloud.database.write('cases', `bulk-${i}`, { ...template, trackingNo: `SY250101${i}`, ...vary(i) });
}

test('the inbox counts past a thousand and pages 全部 from the open cases into the finished ones', async () => {
  const base = Date.parse('2026-09-01T00:00:00Z');
  // 1,199 finished cases (the submitted one among them: 600 resolved, 599 withdrawn) and 2 open ones.
  await manyCases(1200, (i) =>
    i >= 1198
      ? { status: 'accepted', updatedAt: new Date(base + i * HOUR).toISOString() }
      : { status: i % 2 ? 'resolved' : 'withdrawn', updatedAt: new Date(base + i * HOUR).toISOString() },
  );
  const inbox = (event: Record<string, unknown>) => ok(t.call('cases', { action: 'inbox', ...event }, 'staff-edu'));
  const first = await inbox({ filter: 'all', page: 1, pageSize: 50 });
  expect(first.counts).toMatchObject({ open: 2, resolved: 600, all: 1201 });
  expect(first.total).toBe(1201);
  // Open first; then the finished ones, last updated first.
  expect(first.items.slice(0, 2).map((c: Data) => c.status)).toEqual(['accepted', 'accepted']);
  expect(first.items[2].caseId).toBe('bulk-1197');
  const last = await inbox({ filter: 'all', page: 25, pageSize: 50 });
  expect(last.items).toHaveLength(1);
  const resolved = await inbox({ filter: 'resolved', page: 12, pageSize: 50 });
  expect(resolved.total).toBe(600);
  expect(resolved.items).toHaveLength(50);
  expect(resolved.items.every((c: Data) => c.status === 'resolved')).toBe(true);
  expect((await inbox({ filter: 'resolved', page: 13, pageSize: 50 })).items).toEqual([]);
});

test('the timer urges the longest-waiting overdue case even with more than a thousand open', async () => {
  const now = Date.parse('2026-09-30T02:00:00Z');
  // 1,100 open cases not yet due, created most recently; the oldest one is overdue.
  await manyCases(1100, (i) => ({
    createdAt: new Date(now - (i === -1 ? 2000 : 1100 - i) * HOUR).toISOString(),
    status: 'accepted',
    dueAt: new Date(i === -1 ? now - HOUR : now + 72 * HOUR).toISOString(),
  }));
  const res = await t.cloud.invoke('cases', { Type: 'Timer', TriggerName: 'hourly-supervision', Time: '' }, null, 'wx_timer');
  expect(res).toEqual({ ok: true, data: { urged: 1, closed: 0, erased: 0 } });
});
