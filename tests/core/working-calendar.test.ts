import { deadlines, resumeDueAt, slaLevel, workdaysOverdue } from '../../core/cases/deadlines';
import { WorkingCalendar } from '../../core/server/working-calendar';
import { formatChina } from '../../core/time';

const cal = new WorkingCalendar();
const at = (s: string) => new Date(s);

test('the worked example of docs/domain.md: routed 2026-09-30 10:00 across 国庆 and the Saturday make-up day', () => {
  const routed = at('2026-09-30T10:00:00+08:00');
  const due = deadlines(cal, routed, 'children', false);
  expect(formatChina(due.signDueAt)).toBe('2026-10-08T10:00:00+08:00');
  expect(formatChina(due.dueAt)).toBe('2026-10-13T10:00:00+08:00');
  expect(cal.isWorkday('2026-10-10')).toBe(true); // 调休 Saturday
  expect(cal.isWorkday('2026-10-07')).toBe(false);
});

test.each([
  ['housing', '2026-10-27T10:00:00+08:00'],
  ['placement', '2026-10-27T10:00:00+08:00'],
  ['legal', '2026-10-27T10:00:00+08:00'],
  ['employment', '2026-10-13T10:00:00+08:00'],
] as const)('%s is due %s', (category, expected) => {
  expect(formatChina(deadlines(cal, at('2026-09-30T10:00:00+08:00'), category, false).dueAt)).toBe(expected);
});

test('urgent: sign within 2 clock hours, resolve within 1 working day', () => {
  const due = deadlines(cal, at('2026-10-02T09:30:00+08:00'), 'relief', true);
  expect(formatChina(due.signDueAt)).toBe('2026-10-02T11:30:00+08:00');
  expect(formatChina(due.dueAt)).toBe('2026-10-08T09:30:00+08:00');
});

test('a case routed on a weekend counts from the next working day, same clock time', () => {
  const due = deadlines(cal, at('2026-11-28T15:00:00+08:00'), 'children', false); // Saturday
  expect(formatChina(due.signDueAt)).toBe('2026-11-30T15:00:00+08:00');
  expect(formatChina(due.dueAt)).toBe('2026-12-04T15:00:00+08:00');
});

test('years without official data fall back to weekends, and admin overrides win', () => {
  expect(cal.hasData(2026)).toBe(true);
  expect(cal.hasData(2027)).toBe(false);
  expect(cal.isWorkday('2027-01-01')).toBe(true); // a Friday, no data yet
  const fixed = new WorkingCalendar({ '2027-01-01': 'holiday', '2026-10-07': 'workday' });
  expect(fixed.isWorkday('2027-01-01')).toBe(false);
  expect(fixed.isWorkday('2026-10-07')).toBe(true);
  expect(formatChina(fixed.addWorkdays(at('2026-12-31T10:00:00+08:00'), 1))).toBe('2027-01-04T10:00:00+08:00');
});

test('waiting for the requester pauses the resolve clock by the working time spent waiting', () => {
  const dueAt = at('2026-11-27T10:00:00+08:00'); // Friday
  // Waited Monday 10:00 → Tuesday 16:00: 30 working hours.
  const moved = resumeDueAt(cal, dueAt, at('2026-11-23T10:00:00+08:00'), at('2026-11-24T16:00:00+08:00'));
  expect(formatChina(moved)).toBe('2026-11-30T16:00:00+08:00');
  // Waiting over a weekend costs nothing.
  const weekend = resumeDueAt(cal, dueAt, at('2026-11-28T09:00:00+08:00'), at('2026-11-29T20:00:00+08:00'));
  expect(formatChina(weekend)).toBe('2026-11-27T10:00:00+08:00');
});

test('amber at 80% of the working time, red when overdue, paused while waiting', () => {
  const c = {
    status: 'accepted' as const,
    routedAt: '2026-11-23T02:00:00.000Z',
    signDueAt: '2026-11-24T02:00:00.000Z',
    dueAt: '2026-11-30T02:00:00.000Z',
  };
  expect(slaLevel(cal, c, at('2026-11-24T10:00:00+08:00'))).toBe('ok');
  expect(slaLevel(cal, c, at('2026-11-27T11:00:00+08:00'))).toBe('amber');
  expect(slaLevel(cal, c, at('2026-11-30T10:00:01+08:00'))).toBe('red');
  expect(slaLevel(cal, { ...c, status: 'waiting' }, at('2026-12-30T10:00:00+08:00'))).toBe('paused');
  expect(slaLevel(cal, { ...c, status: 'assigned' }, at('2026-11-24T10:00:01+08:00'))).toBe('red');
});

test('working days overdue, for the 通报 list', () => {
  const dueAt = at('2026-11-20T10:00:00+08:00'); // Friday
  expect(workdaysOverdue(cal, dueAt, at('2026-11-20T09:00:00+08:00'))).toBe(0);
  expect(workdaysOverdue(cal, dueAt, at('2026-11-23T10:00:00+08:00'))).toBe(1);
  expect(workdaysOverdue(cal, dueAt, at('2026-11-27T10:00:00+08:00'))).toBe(5);
});

test('deadlines are to the minute: a case routed at 10:00:37 is due at 10:00', () => {
  const due = deadlines(cal, at('2026-09-30T10:00:37+08:00'), 'children', false);
  expect(formatChina(due.dueAt)).toBe('2026-10-13T10:00:00+08:00');
});
