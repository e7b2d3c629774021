/**
 * The rules of the admins' settings that hold whatever stores them: which years the working calendar must
 * cover, and what a retention answer shows beside the saved period.
 */
import type { DayKind, RetentionSettings } from '../contracts/meta';
import { DEFAULT_RETENTION_YEARS } from '../privacy';
import { chinaDay } from '../time';

/** The admins' corrections to the working calendar, by day (YYYY-MM-DD). */
export type CalendarOverrides = Record<string, DayKind>;

/** Who changed a setting, and when: kept with each one. */
export interface SettingEdit {
  at: Date;
  by: string;
}

/**
 * The years an admin must keep an eye on: this one (in China) and the next. The State Council publishes
 * next year's holidays late in the year, so the next year is the one that may still lack them.
 */
export function calendarYears(now: Date): number[] {
  const year = Number(chinaDay(now).slice(0, 4));
  return [year, year + 1];
}

/** The period a finished case keeps the requester's name and phone, shown with the default it replaces. */
export const retentionSettings = (closedCaseYears: number): RetentionSettings => ({
  closedCaseYears,
  defaultYears: DEFAULT_RETENTION_YEARS,
});
