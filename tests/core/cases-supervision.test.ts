import type { CaseRecord } from '../../core/cases/model';
import { queueCounts, supervisionQueue } from '../../core/cases/supervision';
import { isOverdue } from '../../core/cases/timer';
import { QUEUES, type Queue } from '../../core/contracts/cases';
import { aCase, aRating, aResolvedCase, aSignedCase, anUrge, chinaCalendar as cal, chinaDate, chinaTime } from './builders/cases';
import { demoOrg } from './builders/org';

/** The 双拥办 opens the console on Monday 2026-12-07 at 10:00. */
const now = chinaDate('2026-12-07 10:00');

/** Routed this morning: nothing about its time is late. */
const fresh = {
  routedAt: chinaTime('2026-12-07 09:00'),
  createdAt: chinaTime('2026-12-07 09:00'),
  signDueAt: chinaTime('2026-12-08 09:00'),
  dueAt: chinaTime('2026-12-14 09:00'),
};
const withTheOffice: Partial<CaseRecord> = { departmentId: 'office', departmentsHeld: ['office'], category: 'other' };

/** One case for each reason a case is on (or kept off) the console's lists. */
const cases: Record<string, CaseRecord> = {
  // No rule claimed it: the 双拥办 holds it and nobody has passed it on yet.
  unrouted: aCase({ _id: 'unrouted', ...withTheOffice, ...fresh }),
  // The 民政局 handed it back (退单).
  returned: aCase({ _id: 'returned', ...withTheOffice, departmentsHeld: ['civil', 'office'], returned: true, ...fresh }),
  flagged: aSignedCase({ _id: 'flagged', flagged: true, ...fresh }),
  // Routed Friday 09:00, not signed by this morning 09:00.
  lateToSign: aCase({
    _id: 'lateToSign',
    routedAt: chinaTime('2026-12-04 09:00'),
    signDueAt: chinaTime('2026-12-07 09:00'),
    dueAt: chinaTime('2026-12-11 09:00'),
  }),
  // Due Thursday 12-03: two working days late.
  lateToResolve: aSignedCase({ _id: 'lateToResolve', dueAt: chinaTime('2026-12-03 10:00'), urges: [anUrge()] }),
  // Due Monday 11-30: five working days late this morning, so it is also for 通报.
  forReport: aSignedCase({ _id: 'forReport', status: 'in_progress', urges: [anUrge(), anUrge({ automatic: true })] }),
  // Just as late, but waiting for the requester: the clock is paused, nobody is late.
  waitingLate: aSignedCase({ _id: 'waitingLate', status: 'waiting' }),
  // Resolved Thursday 12-03 10:00 and unrated two working days later: the 双拥办 calls (回访).
  toCallBack: aResolvedCase({ _id: 'toCallBack', resolvedAt: chinaTime('2026-12-03 10:00') }),
  // Resolved on Friday: the requester still has until Tuesday to rate it.
  tooSoonToCall: aResolvedCase({ _id: 'tooSoonToCall', resolvedAt: chinaTime('2026-12-04 10:00') }),
  ratedAlready: aResolvedCase({ _id: 'ratedAlready', resolvedAt: chinaTime('2026-12-01 10:00'), rating: aRating() }),
  // Finished cases are on no list, whatever they once were.
  closed: aResolvedCase({ _id: 'closed', status: 'closed', flagged: true, returned: true, ...withTheOffice }),
  withdrawn: aCase({ _id: 'withdrawn', status: 'withdrawn', flagged: true, ...withTheOffice }),
};
const all = Object.values(cases);
const ids = (queue: Queue, at = now, list = all) => supervisionQueue(list, queue, cal, at, demoOrg).items.map((i) => i.caseId);

test.each([
  ['unrouted', ['unrouted']],
  ['returned', ['returned']],
  ['flagged', ['flagged']],
  // Nearest resolve-by deadline first.
  ['overdue', ['forReport', 'lateToResolve', 'lateToSign']],
  ['report', ['forReport']],
  ['followup', ['toCallBack']],
] as const)('the %s list holds %j', (queue, expected) => {
  expect(ids(queue)).toEqual(expected);
  expect(supervisionQueue(all, queue, cal, now, demoOrg).total).toBe(expected.length);
});

test('the badges count each list', () => {
  expect(queueCounts(all, cal, now, demoOrg)).toEqual({ unrouted: 1, returned: 1, flagged: 1, overdue: 3, report: 1, followup: 1 });
  expect(Object.keys(queueCounts([], cal, now, demoOrg)).sort()).toEqual([...QUEUES].sort());
  expect(Object.values(queueCounts([], cal, now, demoOrg))).toEqual(QUEUES.map(() => 0));
});

test('an item says how late the case is, how often it was urged, and the phone masked', () => {
  const [report] = supervisionQueue(all, 'report', cal, now, demoOrg).items;
  expect(report).toMatchObject({
    caseId: 'forReport',
    trackingNo: 'SY261123001',
    departmentName: '民政局',
    sla: 'red',
    workdaysOverdue: 5,
    urgeCount: 2,
    requesterPhone: '138****0001',
    returned: false,
    flagged: false,
  });
  expect(JSON.stringify(report)).not.toContain('13800000001');
  const late = supervisionQueue(all, 'overdue', cal, now, demoOrg).items.find((i) => i.caseId === 'lateToSign');
  expect(late).toMatchObject({ workdaysOverdue: 0, sla: 'red', urgeCount: 0 });
});

describe('通报: five working days past the resolve-by deadline', () => {
  test('four are not enough', () => {
    expect(ids('report', chinaDate('2026-12-04 10:00'))).toEqual([]);
    expect(ids('report', chinaDate('2026-12-07 09:59'))).toEqual([]);
  });

  test('a case never signed is reported by its resolve-by deadline too', () => {
    expect(ids('report', now, [aCase({ _id: 'neverSigned' })])).toEqual(['neverSigned']);
  });

  test('国庆 does not count: due 09-28, it is for 通报 on 10-10 (the make-up Saturday), not on 10-08', () => {
    const c = aSignedCase({ _id: 'autumn', routedAt: chinaTime('2026-09-21 10:00'), dueAt: chinaTime('2026-09-28 10:00') });
    expect(ids('report', chinaDate('2026-10-08 10:00'), [c])).toEqual([]);
    expect(ids('report', chinaDate('2026-10-09 10:00'), [c])).toEqual([]);
    expect(ids('report', chinaDate('2026-10-10 10:00'), [c])).toEqual(['autumn']);
  });
});

describe('late (isOverdue, what the timer urges)', () => {
  test('a case not signed is late after its sign-by, a signed one after its resolve-by', () => {
    const assigned = aCase();
    expect(isOverdue(assigned, chinaDate('2026-11-24 10:00'))).toBe(false);
    expect(isOverdue(assigned, chinaDate('2026-11-24 10:01'))).toBe(true);
    expect(isOverdue(aSignedCase(), chinaDate('2026-11-24 10:01'))).toBe(false);
    expect(isOverdue(aSignedCase({ status: 'in_progress' }), chinaDate('2026-11-30 10:01'))).toBe(true);
  });

  test.each(['waiting', 'resolved', 'closed', 'withdrawn'] as const)('a %s case is never late', (status) => {
    expect(isOverdue(aSignedCase({ status }), chinaDate('2027-06-01 10:00'))).toBe(false);
  });
});

test('the 回访 list waits two working days after resolution, holidays not counted', () => {
  // Resolved the day before 国庆: the call is due on 10-09, not on 10-02.
  const c = aResolvedCase({ _id: 'autumn', resolvedAt: chinaTime('2026-09-30 15:00') });
  expect(ids('followup', chinaDate('2026-10-08 15:00'), [c])).toEqual([]);
  expect(ids('followup', chinaDate('2026-10-09 15:00'), [c])).toEqual(['autumn']);
  // Called back and closed, or rated: off the list.
  expect(ids('followup', chinaDate('2026-10-09 15:00'), [{ ...c, rating: aRating({ byFollowUp: true }) }])).toEqual([]);
});
