import { CATEGORIES } from '../data/categories';
import type { Organization } from '../org/model';
import { chinaDay } from '../time';
import type { Calendar } from './calendar';
import type { CaseRecord } from './model';

const DAY_MS = 86_400_000;

export interface Rate {
  numerator: number;
  denominator: number;
  /** null when there is nothing to divide by. */
  value: number | null;
}

export interface Figures {
  received: number;
  signedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  solvedNotReopened: number;
  rated: number;
  satisfied: number;
  reopened: number;
  withdrawn: number;
  open: number;
  /** 响应率 = signed on time / assigned. */
  responseRate: Rate;
  /** 解决率 = resolved and not reopened / resolved. */
  resolutionRate: Rate;
  /** 满意率 = satisfied / rated (a rating of 4 or more, or a 回访 recorded as satisfied). */
  satisfactionRate: Rate;
  /** 按时办结率 = resolved by dueAt / resolved. */
  onTimeRate: Rate;
  /** Mean working days from routing to resolution, one decimal; null when nothing was resolved. */
  avgWorkdaysToResolve: number | null;
}

const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  value: denominator ? Math.round((numerator / denominator) * 1000) / 1000 : null,
});

const isResolved = (c: CaseRecord) => Boolean(c.resolvedAt) && (c.status === 'resolved' || c.status === 'closed');

export function figuresOf(cases: CaseRecord[], calendar: Calendar): Figures {
  const resolved = cases.filter(isResolved);
  const rated = cases.filter((c) => c.rating);
  const signedOnTime = cases.filter((c) => c.signedOnTime).length;
  const resolvedOnTime = resolved.filter((c) => c.resolvedOnTime).length;
  const solvedNotReopened = resolved.filter((c) => c.reopenCount === 0).length;
  const satisfied = rated.filter((c) => c.rating?.satisfied).length;
  const workdays = resolved.map((c) => calendar.workingMsBetween(new Date(c.routedAt), new Date(c.resolvedAt as string)) / DAY_MS);
  return {
    received: cases.length,
    signedOnTime,
    resolved: resolved.length,
    resolvedOnTime,
    solvedNotReopened,
    rated: rated.length,
    satisfied,
    reopened: cases.filter((c) => c.reopenCount > 0).length,
    withdrawn: cases.filter((c) => c.status === 'withdrawn').length,
    open: cases.filter((c) => ['assigned', 'accepted', 'in_progress', 'waiting'].includes(c.status)).length,
    responseRate: rate(signedOnTime, cases.length),
    resolutionRate: rate(solvedNotReopened, resolved.length),
    satisfactionRate: rate(satisfied, rated.length),
    onTimeRate: rate(resolvedOnTime, resolved.length),
    avgWorkdaysToResolve: workdays.length ? Math.round((workdays.reduce((a, b) => a + b, 0) / workdays.length) * 10) / 10 : null,
  };
}

export interface Stats {
  from: string;
  to: string;
  total: Figures;
  departments: ({ departmentId: string; name: string; escalated: number } & Figures)[];
  categories: ({ category: string; name: string } & Figures)[];
}

/**
 * The 三率 ledger for cases routed from `from` to `to` (YYYY-MM-DD, UTC+8, inclusive), by the unit holding
 * each: every unit in service, and a retired one only while the period holds its cases.
 */
export function computeStats(all: CaseRecord[], from: string, to: string, calendar: Calendar, org: Organization): Stats {
  const cases = all.filter((c) => {
    const day = chinaDay(new Date(c.routedAt));
    return day >= from && day <= to;
  });
  return {
    from,
    to,
    total: figuresOf(cases, calendar),
    departments: org.units
      .filter((u) => !u.retired || cases.some((c) => c.departmentId === u.id))
      .map((d) => ({
        departmentId: d.id,
        name: d.name,
        escalated: cases.filter((c) => c.escalations?.some((e) => e.from === d.id)).length,
        ...figuresOf(
          cases.filter((c) => c.departmentId === d.id),
          calendar,
        ),
      })),
    categories: CATEGORIES.map((k) => ({
      category: k.id,
      name: k.name,
      ...figuresOf(
        cases.filter((c) => c.category === k.id),
        calendar,
      ),
    })),
  };
}
