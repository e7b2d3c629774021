import { CHINA_OFFSET_MS, chinaDay } from '../../../core/time';

/** A period of whole days, YYYY-MM-DD in UTC+8, inclusive. */
export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The presets a period picker offers, each from `today` (the cloud's day, so a wrong phone clock does not matter). */
export const PERIODS = {
  week: { label: '近7天', of: (today: string): Period => ({ from: shift(today, -6), to: today }) },
  month: { label: '本月', of: (today: string): Period => ({ from: `${today.slice(0, 7)}-01`, to: today }) },
  lastMonth: {
    label: '上月',
    of: (today: string): Period => {
      const [y, m] = today.split('-').map(Number) as [number, number];
      const year = m === 1 ? y - 1 : y;
      const month = m === 1 ? 12 : m - 1;
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
    },
  },
  year: { label: '今年', of: (today: string): Period => ({ from: `${today.slice(0, 4)}-01-01`, to: today }) },
} as const;
export type PeriodPreset = keyof typeof PERIODS;

export const todayOf = (now: Date) => chinaDay(now);

/** 2027年4月30日 */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 4月30日, with the year when it is not `thisYear`. */
export function shortDay(day: string, thisYear?: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return thisYear && String(y) === thisYear ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

/** 11月28日 10:05 — when evidence was added, a note written. */
export function momentText(iso: string): string {
  const local = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
