import type { Calendar } from '../cases/calendar';
import { chinaDay, chinaInstant, chinaTimeOfDay, nextDay } from '../time';

/** An admin's correction for a day: the State Council publishes next year's holidays each November. */
export type DayOverride = 'workday' | 'holiday';
export type CalendarOverrides = Record<string, DayOverride>;

interface ChineseDays {
  isWorkday(day: string): boolean;
}
interface ChineseDaysData {
  holidays: Record<string, string>;
}

const DAY_MS = 86_400_000;
let library: { days: ChineseDays; years: Set<number> } | null = null;

// Required on first use, not at module scope: the holiday tables are not free on a cold start.
function chineseDays() {
  if (!library) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const days = require('chinese-days') as ChineseDays;
    const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
    /* eslint-enable @typescript-eslint/no-require-imports */
    library = { days, years: new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)))) };
  }
  return library;
}

/** The Chinese working calendar: official holidays and 调休 make-up days, then admin overrides. */
export class WorkingCalendar implements Calendar {
  constructor(private readonly overrides: CalendarOverrides = {}) {}

  hasData(year: number): boolean {
    return chineseDays().years.has(year);
  }

  isWorkday(day: string): boolean {
    const override = this.overrides[day];
    if (override) return override === 'workday';
    const year = Number(day.slice(0, 4));
    if (this.hasData(year)) return chineseDays().days.isWorkday(day);
    // No official data yet: weekdays work, weekends rest, until an admin enters the year's holidays.
    const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  addWorkdays(from: Date, n: number): Date {
    let day = chinaDay(from);
    for (let found = 0; found < n;) {
      day = nextDay(day);
      if (this.isWorkday(day)) found++;
    }
    return chinaInstant(day, chinaTimeOfDay(from));
  }

  workingMsBetween(a: Date, b: Date): number {
    if (+b <= +a) return 0;
    let total = 0;
    let day = chinaDay(a);
    const lastDay = chinaDay(b);
    for (;;) {
      if (this.isWorkday(day)) {
        const start = Math.max(+a, +chinaInstant(day));
        const end = Math.min(+b, +chinaInstant(day) + DAY_MS);
        if (end > start) total += end - start;
      }
      if (day === lastDay) return total;
      day = nextDay(day);
    }
  }

  addWorkingMs(from: Date, ms: number): Date {
    let remaining = ms;
    let at = +from;
    let day = chinaDay(from);
    for (;;) {
      if (this.isWorkday(day)) {
        const end = +chinaInstant(day) + DAY_MS;
        if (at + remaining <= end) return new Date(at + remaining);
        remaining -= end - at;
      }
      day = nextDay(day);
      at = +chinaInstant(day);
    }
  }
}
