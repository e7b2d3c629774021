import type { CaseRecord } from '../../core/cases/model';
import { runCaseTimer } from '../../core/cases/timer';
import { aCase, aResolvedCase, aSignedCase, anUrge, chinaDate, chinaTime, memoryCases } from './builders/cases';
import { demoOrg } from './builders/org';

/** The timer runs on Wednesday 2026-11-25 at 10:00. */
const now = chinaDate('2026-11-25 10:00');
const hoursAgo = (h: number) => new Date(+now - h * 3_600_000).toISOString();
const lateSigned = (_id: string, overrides: Partial<CaseRecord> = {}) =>
  aSignedCase({ _id, dueAt: chinaTime('2026-11-24 10:00'), ...overrides });

function run(cases: CaseRecord[]) {
  const store = memoryCases(cases);
  return { store, result: runCaseTimer({ port: store.port, now, org: demoOrg, caseIdFor: (k) => k }, null) };
}

test('urges what is late, at most once a day automatically, and tells the 双拥办 how many', async () => {
  const { store, result } = run([
    aCase({ _id: 'lateToSign' }), // sign-by Tuesday 10:00
    lateSigned('lateToResolve'),
    lateSigned('urgedByTimerLastNight', { urges: [anUrge({ automatic: true, at: hoursAgo(12) })] }),
    lateSigned('urgedByTimerTwoDaysAgo', { urges: [anUrge({ automatic: true, at: hoursAgo(25) })] }),
    // The dispatcher's own 督办 an hour ago does not stand in for the timer's.
    lateSigned('urgedByHand', { urges: [anUrge({ at: hoursAgo(1) })] }),
    aSignedCase({ _id: 'onTime' }),
    lateSigned('waiting', { status: 'waiting' }),
  ]);
  expect(await result).toEqual({ urged: 4, closed: 0, erased: 0 });
  const urged = (id: string) => store.cases.get(id)?.urges.filter((u) => u.automatic && u.at === now.toISOString()) ?? [];
  for (const id of ['lateToSign', 'lateToResolve', 'urgedByTimerTwoDaysAgo', 'urgedByHand']) {
    expect(urged(id)).toEqual([{ at: now.toISOString(), note: '已超过办理时限，请尽快办理', by: 'system', automatic: true }]);
  }
  for (const id of ['urgedByTimerLastNight', 'onTime', 'waiting']) expect(urged(id)).toEqual([]);
  expect(store.notices.filter((n) => n.title === '双拥办督办')).toHaveLength(4);
  expect(store.notices.at(-1)).toEqual({ to: ['staff-office'], title: '今日自动督办 4 件超期求助' });
});

test('the 督办 goes on the timeline as an internal entry, and a public one says the unit was urged', async () => {
  const { store, result } = run([lateSigned('late')]);
  await result;
  expect(store.cases.get('late')?.timeline.slice(-2)).toEqual([
    { at: now.toISOString(), type: 'urged', actor: { role: 'system' }, text: '双拥办督办：已超过办理时限，请尽快办理', internal: true },
    { at: now.toISOString(), type: 'note', actor: { role: 'system' }, text: '双拥办已督促民政局尽快办理' },
  ]);
});

test('nothing late: no 督办 and nothing said to the 双拥办', async () => {
  const { store, result } = run([aSignedCase({ _id: 'onTime' })]);
  expect(await result).toEqual({ urged: 0, closed: 0, erased: 0 });
  expect(store.notices).toEqual([]);
});

test('a resolved case nobody rated closes after 7 days, not before', async () => {
  const { store, result } = run([
    aResolvedCase({ _id: 'weekOld', resolvedAt: chinaTime('2026-11-18 10:00') }),
    aResolvedCase({ _id: 'sixDaysOld', resolvedAt: chinaTime('2026-11-18 10:01') }),
  ]);
  expect(await result).toEqual({ urged: 0, closed: 1, erased: 0 });
  expect(store.cases.get('weekOld')).toMatchObject({ status: 'closed', closedAt: now.toISOString() });
  expect(store.cases.get('weekOld')?.timeline.at(-1)?.text).toBe('7 天内没有收到评价，这件求助已自动结束');
  expect(store.cases.get('sixDaysOld')?.status).toBe('resolved');
});

test('finished cases past the retention period (3 years) lose the requester’s data', async () => {
  const { store, result } = run([
    aResolvedCase({ _id: 'old', status: 'closed', closedAt: chinaTime('2023-11-25 09:59') }),
    aResolvedCase({ _id: 'kept', status: 'closed', closedAt: chinaTime('2023-11-25 10:01') }),
  ]);
  expect(await result).toEqual({ urged: 0, closed: 0, erased: 1 });
  expect(store.cases.get('old')?.contact.phone).toBe('');
  expect(store.cases.get('kept')?.contact.phone).toBe('13800000001');
});
