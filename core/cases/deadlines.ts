import { categoryById, type CategoryId } from '../data/categories';
import type { Calendar } from './calendar';
import type { CaseRecord } from './model';

const HOUR_MS = 3_600_000;

/** Urgent cases (risk to life or property): sign within 2 clock hours, resolve within 1 working day. */
export const URGENT_SIGN_HOURS = 2;
export const URGENT_RESOLVE_WORKDAYS = 1;
export const SIGN_WORKDAYS = 1;
export const AMBER_AT = 0.8;
export const REPORT_AFTER_WORKDAYS = 5;
export const AUTO_CLOSE_DAYS = 7;
export const FOLLOW_UP_AFTER_WORKDAYS = 2;

export function resolveWorkdays(category: CategoryId): number {
  return categoryById(category)?.resolveWorkdays ?? 5;
}

/**
 * Deadlines count from the moment the case is routed (docs/domain.md, "Deadlines"), to the minute: people
 * are told "10月13日 10:00", never a time with seconds.
 */
export function deadlines(
  calendar: Calendar,
  routedAtExact: Date,
  category: CategoryId,
  urgent: boolean,
): { signDueAt: Date; dueAt: Date } {
  const routedAt = new Date(Math.floor(+routedAtExact / 60_000) * 60_000);
  if (urgent) {
    return { signDueAt: new Date(+routedAt + URGENT_SIGN_HOURS * HOUR_MS), dueAt: calendar.addWorkdays(routedAt, URGENT_RESOLVE_WORKDAYS) };
  }
  return { signDueAt: calendar.addWorkdays(routedAt, SIGN_WORKDAYS), dueAt: calendar.addWorkdays(routedAt, resolveWorkdays(category)) };
}

/** After waiting for the requester, the resolve-by deadline moves on by the working time spent waiting. */
export function resumeDueAt(calendar: Calendar, dueAt: Date, waitingSince: Date, now: Date): Date {
  return calendar.addWorkingMs(dueAt, calendar.workingMsBetween(waitingSince, now));
}

export type SlaLevel = 'ok' | 'amber' | 'red' | 'paused' | 'done';

/** Amber at 80% of the working time, red when overdue; paused while waiting; done once resolved. */
export function slaLevel(
  calendar: Calendar,
  c: Pick<CaseRecord, 'status' | 'routedAt' | 'dueAt' | 'signDueAt' | 'signedAt'>,
  now: Date,
): SlaLevel {
  if (c.status === 'resolved' || c.status === 'closed' || c.status === 'withdrawn') return 'done';
  if (c.status === 'waiting') return 'paused';
  const routedAt = new Date(c.routedAt);
  const dueAt = new Date(c.status === 'assigned' ? c.signDueAt : c.dueAt);
  // Due at 10:00 is still on time at 10:00: red from the moment after, as the overdue lists count it.
  if (+now > +dueAt) return 'red';
  // Measured in working time; a deadline in clock hours (urgent signing on a holiday) in clock time.
  const workingTotal = calendar.workingMsBetween(routedAt, dueAt);
  const total = workingTotal || +dueAt - +routedAt;
  const spent = workingTotal ? calendar.workingMsBetween(routedAt, now) : +now - +routedAt;
  return total > 0 && spent / total >= AMBER_AT ? 'amber' : 'ok';
}

/** Whole working days since the resolve-by deadline passed (0 when not overdue). */
export function workdaysOverdue(calendar: Calendar, dueAt: Date, now: Date): number {
  if (+now <= +dueAt) return 0;
  let n = 0;
  while (+calendar.addWorkdays(dueAt, n + 1) <= +now) n++;
  return n;
}
