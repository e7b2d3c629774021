import { deadlines, resolveWorkdays, resumeDueAt, slaLevel, workdaysOverdue } from '../../core/cases/deadlines';
import type { CaseStatus } from '../../core/cases/model';
import { isOverdue } from '../../core/cases/timer';
import { formatChina } from '../../core/time';
import { aCase, aResolvedCase, aSignedCase, chinaCalendar as cal, chinaDate, chinaTime } from './builders/cases';

/** A deadline as people are told it, UTC+8 to the minute. */
const shown = (at: Date) => formatChina(at).slice(0, 16).replace('T', ' ');

const due = (routed: string, category: Parameters<typeof deadlines>[2], urgent = false) => {
  const d = deadlines(cal, chinaDate(routed), category, urgent);
  return { signBy: shown(d.signDueAt), resolveBy: shown(d.dueAt) };
};

describe('sign-by and resolve-by', () => {
  test('the worked example: routed 2026-09-30 10:00, across 国庆 and the Saturday make-up day', () => {
    expect(due('2026-09-30 10:00', 'children')).toEqual({ signBy: '2026-10-08 10:00', resolveBy: '2026-10-13 10:00' });
  });

  test('an ordinary week: sign the next working day, resolve on the fifth', () => {
    expect(due('2026-11-23 10:00', 'relief')).toEqual({ signBy: '2026-11-24 10:00', resolveBy: '2026-11-30 10:00' });
    // Routed on a Friday: the weekend does not count.
    expect(due('2026-11-27 16:30', 'relief')).toEqual({ signBy: '2026-11-30 16:30', resolveBy: '2026-12-04 16:30' });
  });

  test.each(['housing', 'placement', 'legal'] as const)('%s matters have 15 working days to resolve', (category) => {
    expect(resolveWorkdays(category)).toBe(15);
    expect(due('2026-11-23 10:00', category)).toEqual({ signBy: '2026-11-24 10:00', resolveBy: '2026-12-14 10:00' });
    expect(due('2026-09-30 10:00', category).resolveBy).toBe('2026-10-27 10:00');
  });

  test.each(['employment', 'pension', 'relief', 'other'] as const)('%s matters have 5', (category) => {
    expect(resolveWorkdays(category)).toBe(5);
  });

  test('urgent: sign within 2 clock hours even on a holiday, resolve within 1 working day whatever the category', () => {
    expect(due('2026-10-02 09:30', 'housing', true)).toEqual({ signBy: '2026-10-02 11:30', resolveBy: '2026-10-08 09:30' });
    expect(due('2026-11-23 23:00', 'relief', true)).toEqual({ signBy: '2026-11-24 01:00', resolveBy: '2026-11-24 23:00' });
  });

  test('routed on a holiday or weekend, the count starts from the next working day at the same clock time', () => {
    expect(due('2026-10-03 15:00', 'relief')).toEqual({ signBy: '2026-10-08 15:00', resolveBy: '2026-10-13 15:00' });
  });

  test('调休 make-up days are working days: a Saturday and a Sunday that are worked count', () => {
    // Friday 10-09 → Saturday 10-10 (worked for 国庆).
    expect(due('2026-10-09 10:00', 'relief').signBy).toBe('2026-10-10 10:00');
    // Saturday 09-19 (a rest day) → Sunday 09-20 (worked for 国庆).
    expect(due('2026-09-19 10:00', 'relief').signBy).toBe('2026-09-20 10:00');
  });

  test('seconds are dropped: a case routed at 10:00:59.999 is due at 10:00:00, to the minute', () => {
    const d = deadlines(cal, new Date('2026-09-30T10:00:59.999+08:00'), 'children', false);
    expect(formatChina(d.signDueAt)).toBe('2026-10-08T10:00:00+08:00');
    expect(formatChina(d.dueAt)).toBe('2026-10-13T10:00:00+08:00');
    const urgent = deadlines(cal, new Date('2026-11-23T10:00:37+08:00'), 'relief', true);
    expect(formatChina(urgent.signDueAt)).toBe('2026-11-23T12:00:00+08:00');
  });
});

describe('waiting for the requester (the resolve clock pauses)', () => {
  const resumed = (dueAt: string, since: string, now: string) =>
    shown(resumeDueAt(cal, chinaDate(dueAt), chinaDate(since), chinaDate(now)));

  test('the deadline moves on by the working time spent waiting', () => {
    // Waited Monday 10:00 → Tuesday 16:00: 30 working hours, from Friday 10:00 to Monday 16:00.
    expect(resumed('2026-11-27 10:00', '2026-11-23 10:00', '2026-11-24 16:00')).toBe('2026-11-30 16:00');
  });

  test('days of rest spent waiting cost nothing', () => {
    expect(resumed('2026-11-30 10:00', '2026-11-28 09:00', '2026-11-29 20:00')).toBe('2026-11-30 10:00');
    expect(resumed('2026-10-13 10:00', '2026-10-02 09:00', '2026-10-06 18:00')).toBe('2026-10-13 10:00');
  });

  test('only the working part of a wait across 国庆 counts: 8 hours on 09-30, 10 on 10-08', () => {
    expect(resumed('2026-10-13 10:00', '2026-09-30 16:00', '2026-10-08 10:00')).toBe('2026-10-14 04:00');
  });

  test('a deadline moved past a holiday lands on the next working day', () => {
    // A day's wait moves 09-30 20:00 over 国庆: 4 hours left on 09-30, the other 20 on 10-08.
    expect(resumed('2026-09-30 20:00', '2026-09-29 10:00', '2026-09-30 10:00')).toBe('2026-10-08 20:00');
  });
});

describe('the colour of a case (slaLevel)', () => {
  // aSignedCase: routed Monday 11-23 10:00, resolve by Monday 11-30 10:00 = 120 working hours; 80% = 96.
  const level = (now: string, status: CaseStatus = 'accepted') => slaLevel(cal, aSignedCase({ status }), chinaDate(now));

  test('ok until 80% of the working time has gone, amber from then', () => {
    expect(level('2026-11-24 10:00')).toBe('ok');
    expect(level('2026-11-27 09:59')).toBe('ok');
    expect(level('2026-11-27 10:00')).toBe('amber');
    expect(level('2026-11-29 12:00', 'in_progress')).toBe('amber');
  });

  test('red once the deadline has passed, as the overdue lists count it', () => {
    expect(level('2026-11-30 09:59')).toBe('amber');
    expect(level('2026-11-30 10:00')).toBe('amber');
    expect(isOverdue(aSignedCase(), chinaDate('2026-11-30 10:00'))).toBe(false);
    expect(level('2026-11-30 10:01')).toBe('red');
    expect(isOverdue(aSignedCase(), chinaDate('2026-11-30 10:01'))).toBe(true);
    expect(level('2026-12-30 10:00', 'in_progress')).toBe('red');
  });

  test('a case not yet signed is measured against its sign-by deadline', () => {
    // Routed Monday 10:00, sign by Tuesday 10:00: 80% of 24 hours is Tuesday 05:12.
    const assigned = aCase();
    expect(slaLevel(cal, assigned, chinaDate('2026-11-24 05:11'))).toBe('ok');
    expect(slaLevel(cal, assigned, chinaDate('2026-11-24 05:12'))).toBe('amber');
    expect(slaLevel(cal, assigned, chinaDate('2026-11-24 10:01'))).toBe('red');
  });

  test('holidays do not count towards 80%: a case routed before 国庆 turns amber only on 10-12', () => {
    const c = aSignedCase({ routedAt: chinaTime('2026-09-30 10:00'), dueAt: chinaTime('2026-10-13 10:00') });
    expect(slaLevel(cal, c, chinaDate('2026-10-07 23:00'))).toBe('ok');
    expect(slaLevel(cal, c, chinaDate('2026-10-12 09:59'))).toBe('ok');
    expect(slaLevel(cal, c, chinaDate('2026-10-12 10:00'))).toBe('amber');
  });

  test('urgent signing on a holiday is measured in clock time: amber after 96 of its 120 minutes', () => {
    const c = aCase({
      urgent: true,
      routedAt: chinaTime('2026-10-02 09:30'),
      signDueAt: chinaTime('2026-10-02 11:30'),
      dueAt: chinaTime('2026-10-08 09:30'),
    });
    expect(slaLevel(cal, c, chinaDate('2026-10-02 11:05'))).toBe('ok');
    expect(slaLevel(cal, c, chinaDate('2026-10-02 11:06'))).toBe('amber');
    expect(slaLevel(cal, c, chinaDate('2026-10-02 11:31'))).toBe('red');
  });

  test('paused while waiting for the requester, however late', () => {
    expect(level('2026-12-30 10:00', 'waiting')).toBe('paused');
  });

  test.each(['resolved', 'closed', 'withdrawn'] as const)('done once %s, however late', (status) => {
    expect(slaLevel(cal, aResolvedCase({ status }), chinaDate('2026-12-30 10:00'))).toBe('done');
  });
});

describe('working days overdue (for 通报)', () => {
  const overdue = (dueAt: string, now: string) => workdaysOverdue(cal, chinaDate(dueAt), chinaDate(now));

  test('none before the deadline, then one per working day past it', () => {
    expect(overdue('2026-11-20 10:00', '2026-11-20 09:00')).toBe(0);
    expect(overdue('2026-11-20 10:00', '2026-11-23 09:59')).toBe(0);
    expect(overdue('2026-11-20 10:00', '2026-11-23 10:00')).toBe(1);
    expect(overdue('2026-11-20 10:00', '2026-11-27 10:00')).toBe(5);
  });

  test('the week of 国庆 counts as nothing, its make-up Saturday as a working day', () => {
    expect(overdue('2026-09-30 10:00', '2026-10-07 23:00')).toBe(0);
    expect(overdue('2026-09-30 10:00', '2026-10-08 10:00')).toBe(1);
    expect(overdue('2026-09-30 10:00', '2026-10-10 10:00')).toBe(3);
  });
});
