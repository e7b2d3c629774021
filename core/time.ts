import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

/**
 * The county's time, for the functions and the app alike. The county works in UTC+8 all year (no
 * daylight saving), and every date a person reads is in UTC+8 whatever the phone's own time zone: the
 * offset is fixed through dayjs's utc plugin, never looked up in `Intl`, which some mini-program engines
 * lack.
 */
dayjs.extend(utc);

const CHINA_OFFSET_MINUTES = 8 * 60;
export const CHINA_OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** An instant as UTC+8 wall-clock time. */
const china = (at: Date | number | string): Dayjs => dayjs.utc(at).utcOffset(CHINA_OFFSET_MINUTES);

/** Whether `iso` is a time that can be shown; answers may leave a time out. */
const valid = (iso: string | undefined): iso is string => Boolean(iso) && !Number.isNaN(Date.parse(iso as string));

// ---- days and instants ----

/** The calendar day (YYYY-MM-DD) of an instant, in UTC+8. */
export const chinaDay = (at: Date | number): string => china(+at).format('YYYY-MM-DD');

/** Milliseconds since midnight UTC+8. */
export function chinaTimeOfDay(at: Date | number): number {
  return (((+at + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The instant at `msOfDay` after midnight UTC+8 of `day`. */
export function chinaInstant(day: string, msOfDay = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS + msOfDay);
}

/** The day `days` after `day` (before, when negative). */
export const shiftDay = (day: string, days: number): string => dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');

export const nextDay = (day: string): string => shiftDay(day, 1);

/** The day before a picked date, or '' when none is picked: where a sign-up deadline usually falls. */
export const dayBefore = (day: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? shiftDay(day, -1) : '');

/** The last day of a month (1–12) of a year. */
export const lastDayOfMonth = (year: number, month: number): number => dayjs.utc(Date.UTC(year, month - 1, 1)).daysInMonth();

// ---- how answers carry times ----

/** ISO 8601 with the +08:00 offset, the way answers carry dates: 2026-10-13T10:00:00+08:00. */
export const formatChina = (at: Date | number): string => china(+at).format('YYYY-MM-DDTHH:mm:ss+08:00');

/** The date (YYYY-MM-DD) and time (HH:mm) of an ISO time in UTC+8, for date and time pickers. */
export function splitChina(iso: string | undefined): { date: string; time: string } {
  if (!valid(iso)) return { date: '', time: '' };
  const t = china(iso);
  return { date: t.format('YYYY-MM-DD'), time: t.format('HH:mm') };
}

/** 2026-12-03 + 09:00 → 2026-12-03T09:00:00+08:00; empty when either part is missing. */
export const joinChina = (date: string, time: string): string => (date && time ? `${date}T${time}:00+08:00` : '');

// ---- how people read times ----

const weekday = (t: Dayjs): string => `周${WEEKDAYS[t.day()]}`;

/** 10月13日 10:00 — when something happened, or a deadline to the minute. */
export const describeChina = (at: Date | number | string): string => china(at).format('M月D日 HH:mm');

/** 10月13日 10:00, or '' for a missing time. */
export const timeText = (iso: string | undefined): string => (valid(iso) ? describeChina(iso) : '');

/** 11月25日, or '' for a missing time. */
export const monthDayText = (iso: string | undefined): string => (valid(iso) ? china(iso).format('M月D日') : '');

/** 10月13日（周二） — how a deadline is said over the counter. */
export function weekdayText(iso: string | undefined): string {
  if (!valid(iso)) return '';
  const t = china(iso);
  return `${t.format('M月D日')}（${weekday(t)}）`;
}

/** 12月3日（周三）09:00–16:00, or …–12月4日 12:00 when it ends on another day — when an event runs. */
export function spanText(startAt: string, endAt: string): string {
  if (!valid(startAt)) return '';
  const s = china(startAt);
  const start = `${s.format('M月D日')}（${weekday(s)}）${s.format('HH:mm')}`;
  if (!valid(endAt)) return start;
  const e = china(endAt);
  return `${start}–${e.isSame(s, 'day') ? e.format('HH:mm') : e.format('M月D日 HH:mm')}`;
}

/** 周三 — the weekday of a calendar day (YYYY-MM-DD). */
export const weekdayOfDay = (day: string): string => weekday(dayjs.utc(day));

/** 2027年4月30日 — a calendar day (YYYY-MM-DD). */
export const dayText = (day: string): string => dayjs.utc(day).format('YYYY年M月D日');

/** 4月30日, with the year only when it is not `thisYear`. */
export const shortDay = (day: string, thisYear?: string): string =>
  dayjs.utc(day).format(thisYear && day.startsWith(`${thisYear}-`) ? 'M月D日' : 'YYYY年M月D日');
