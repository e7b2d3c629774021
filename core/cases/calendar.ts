/**
 * What the case rules need of the working calendar. The implementation on the Chinese calendar (holidays
 * and 调休 from chinese-days, plus admin overrides) is in core/server/working-calendar.ts.
 */
export interface Calendar {
  isWorkday(day: string): boolean;
  /** Same clock time (UTC+8) on the nth working day after the day of `from`, that day not counted. */
  addWorkdays(from: Date, n: number): Date;
  /** Time between a and b that falls on working days (whole days of 24 hours). */
  workingMsBetween(a: Date, b: Date): number;
  /** `from` moved forward by `ms` of working time. */
  addWorkingMs(from: Date, ms: number): Date;
  /** Whether the calendar has official holiday data for the year (else weekends only, plus overrides). */
  hasData(year: number): boolean;
}
