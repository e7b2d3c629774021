import { chinaDay } from '../../core/time';

/** A stats period: YYYY-MM-DD days in UTC+8, inclusive (cases.stats). */
export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** From the 1st of this month to today. */
export function thisMonth(now: Date): Period {
  const today = chinaDay(now);
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

export function lastMonth(now: Date): Period {
  const [y, m] = chinaDay(now).split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}` };
}

/** From 1 January to today. */
export function thisYear(now: Date): Period {
  const today = chinaDay(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** 2026年11月1日 */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
