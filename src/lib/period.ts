import { lastDayOfMonth, shiftDay } from '../../core/time';

/** A period of whole days, YYYY-MM-DD in UTC+8, inclusive (cases.stats, ledger.report). */
export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthBefore(today: string): Period {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
}

/** The presets a period picker offers, each from `today` (the cloud's day, so a wrong phone clock does not matter). */
export const PERIODS = {
  week: { label: '近7天', of: (today: string): Period => ({ from: shiftDay(today, -6), to: today }) },
  month: { label: '本月', of: (today: string): Period => ({ from: `${today.slice(0, 7)}-01`, to: today }) },
  lastMonth: { label: '上月', of: monthBefore },
  year: { label: '今年', of: (today: string): Period => ({ from: `${today.slice(0, 4)}-01-01`, to: today }) },
} as const;
export type PeriodPreset = keyof typeof PERIODS;
