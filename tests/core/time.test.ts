import fc from 'fast-check';
import {
  chinaDay,
  chinaInstant,
  dayBefore,
  describeChina,
  formatChina,
  joinChina,
  lastDayOfMonth,
  monthDayText,
  nextDay,
  shiftDay,
  shortDay,
  spanText,
  splitChina,
  timeText,
  dayText,
  weekdayText,
} from '../../core/time';

// 2026-09-30 23:30 in the county is 15:30 UTC: the county's day is already the 30th, UTC's too;
// 2026-09-30 00:30 in the county is still the 29th in UTC.
const lateEvening = '2026-09-30T23:30:00+08:00';
const pastMidnight = '2026-09-30T00:30:00+08:00';

describe('the county day of an instant', () => {
  test('is the UTC+8 day, not the UTC one', () => {
    expect(chinaDay(new Date(pastMidnight))).toBe('2026-09-30');
    expect(new Date(pastMidnight).toISOString().slice(0, 10)).toBe('2026-09-29');
    expect(chinaDay(new Date(lateEvening))).toBe('2026-09-30');
  });

  test('agrees with the offset arithmetic for any instant from 1990 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(chinaDay(ms)).toBe(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
        expect(formatChina(ms)).toBe(`${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`);
        expect(Date.parse(formatChina(ms))).toBe(Math.floor(ms / 1000) * 1000);
      }),
    );
  });

  test('a day and a time of day make the instant back', () => {
    expect(chinaInstant('2026-09-30', 10 * 3_600_000).toISOString()).toBe('2026-09-30T02:00:00.000Z');
    expect(formatChina(chinaInstant('2026-10-13', 10 * 3_600_000))).toBe('2026-10-13T10:00:00+08:00');
  });
});

describe('calendar days', () => {
  test('move across months, years and leap days', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2026-12-07', -6)).toBe('2026-12-01');
  });

  test('know how long each month is', () => {
    expect(lastDayOfMonth(2026, 2)).toBe(28);
    expect(lastDayOfMonth(2028, 2)).toBe(29);
    expect(lastDayOfMonth(2026, 12)).toBe(31);
    expect(lastDayOfMonth(2026, 11)).toBe(30);
  });
});

describe('words people read', () => {
  test('a moment, to the minute, in the county', () => {
    expect(describeChina(new Date('2026-10-13T02:00:00Z'))).toBe('10月13日 10:00');
    expect(timeText(pastMidnight)).toBe('9月30日 00:30');
    expect(timeText(undefined)).toBe('');
    expect(timeText('not a time')).toBe('');
    expect(monthDayText(pastMidnight)).toBe('9月30日');
  });

  test('a deadline with its weekday', () => {
    // 2026-10-13 is a Tuesday.
    expect(weekdayText('2026-10-13T10:00:00+08:00')).toBe('10月13日（周二）');
    // 2026-10-11 00:30 in the county is a Sunday, still Saturday in UTC.
    expect(weekdayText('2026-10-11T00:30:00+08:00')).toBe('10月11日（周日）');
  });

  test('an event on one day, across days, and without an end', () => {
    expect(spanText('2026-12-03T09:00:00+08:00', '2026-12-03T16:00:00+08:00')).toBe('12月3日（周四）09:00–16:00');
    expect(spanText('2026-12-03T09:00:00+08:00', '2026-12-04T12:00:00+08:00')).toBe('12月3日（周四）09:00–12月4日 12:00');
    // Ends past midnight UTC but the same county day.
    expect(spanText('2026-12-03T07:00:00+08:00', '2026-12-03T23:00:00+08:00')).toBe('12月3日（周四）07:00–23:00');
    expect(spanText('2026-12-03T09:00:00+08:00', '')).toBe('12月3日（周四）09:00');
    expect(spanText('', '')).toBe('');
  });

  test('calendar days, with the year when it matters', () => {
    expect(dayText('2027-04-30')).toBe('2027年4月30日');
    expect(shortDay('2027-04-30', '2027')).toBe('4月30日');
    expect(shortDay('2027-04-30', '2026')).toBe('2027年4月30日');
    expect(shortDay('2027-04-30')).toBe('2027年4月30日');
  });
});

describe('pickers', () => {
  test('split an answer time into the county date and time, and join them back', () => {
    expect(splitChina('2026-12-02T18:30:00Z')).toEqual({ date: '2026-12-03', time: '02:30' });
    expect(joinChina('2026-12-03', '02:30')).toBe('2026-12-03T02:30:00+08:00');
    expect(Date.parse(joinChina('2026-12-03', '02:30'))).toBe(Date.parse('2026-12-02T18:30:00Z'));
    expect(splitChina(undefined)).toEqual({ date: '', time: '' });
    expect(joinChina('', '09:00')).toBe('');
  });
});

describe('the day before a picked date', () => {
  test('is the calendar day before, across months and years', () => {
    expect(dayBefore('2026-12-03')).toBe('2026-12-02');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });

  test('is empty when no date is picked', () => {
    expect(dayBefore('')).toBe('');
    expect(dayBefore('12月3日')).toBe('');
  });
});
