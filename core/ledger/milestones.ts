import { chinaDay, chinaTimeOfDay } from '../time';
import type { ProblemRecord, TaskRecord, UrgeEntry } from './model';

/**
 * The campaign's milestones (节点) and the automatic 督办 they drive. The county works toward dates, not
 * only each task's own 完成时限: by 4月底 every task raised to the standard (整体提标), by 5月底 everything
 * ready for the inspection (迎查准备). What must close before a milestone is every task not yet accepted
 * and every open problem whose deadline falls on or before it; once the day has passed, whatever is left
 * of that list is late, and the hourly timer urges it once a day.
 */

export interface Milestone {
  /** YYYY-MM-DD (UTC+8): the last day of it. */
  date: string;
  name: string;
}

/** When the weekly report goes out: ISO weekday (1 = 周一 … 7 = 周日) and hour (0–23, UTC+8). */
export interface ReportSchedule {
  weekday: number;
  hour: number;
}

/** The 双拥办's setting (`settings/ledgerMilestones`): its milestones and the weekly report's hour. */
export interface LedgerCalendar {
  milestones: Milestone[];
  report: ReportSchedule;
}

export interface StoredLedgerCalendar extends Partial<LedgerCalendar> {
  updatedAt?: string;
  updatedBy?: string;
}

/** Monday 08:00: the report is on the desks when the week's first meeting starts. */
export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = { weekday: 1, hour: 8 };

/** At most this many milestones: a campaign has two or three, the editor stays a short list. */
export const MAX_MILESTONES = 6;

/**
 * The campaign year when the 双拥办 has not set its own dates: the year whose 5月31日 is still ahead (or
 * today), so that from June the defaults already look to next year's inspection.
 */
export const campaignYear = (today: string): number => {
  const year = Number(today.slice(0, 4));
  return today <= `${year}-05-31` ? year : year + 1;
};

/** 4月30日 整体提标 and 5月31日 迎查准备 of the campaign year. */
export const defaultMilestones = (today: string): Milestone[] => {
  const year = campaignYear(today);
  return [
    { date: `${year}-04-30`, name: '整体提标' },
    { date: `${year}-05-31`, name: '迎查准备' },
  ];
};

/** The setting as the functions use it: what the 双拥办 saved, the defaults for what it did not. */
export function calendarOf(stored: StoredLedgerCalendar | null, today: string): LedgerCalendar & { custom: boolean } {
  const milestones = stored?.milestones?.length ? stored.milestones : defaultMilestones(today);
  return {
    milestones: [...milestones].sort((a, b) => a.date.localeCompare(b.date)),
    report: stored?.report ?? DEFAULT_REPORT_SCHEDULE,
    custom: Boolean(stored?.milestones?.length),
  };
}

/** Whole days from `today` to `day` (both YYYY-MM-DD): 0 on the day itself, negative once it has passed. */
export const daysBetween = (today: string, day: string): number => Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);

/** Not accepted yet: the 双拥办 has not signed it off, so it still counts against a deadline. */
const open = (t: Pick<TaskRecord, 'status'>) => t.status !== 'accepted';
const openProblem = (p: Pick<ProblemRecord, 'state'>) => p.state !== 'done';

/** Each milestone with its countdown and what must close before it; `late` items are past their own deadline. */
export function milestoneBoard(milestones: Milestone[], tasks: TaskRecord[], problems: ProblemRecord[], today: string) {
  return milestones.map((m) => {
    const daysLeft = daysBetween(today, m.date);
    return {
      date: m.date,
      name: m.name,
      daysLeft,
      passed: daysLeft < 0,
      tasks: tasks
        .filter((t) => open(t) && t.deadline <= m.date)
        .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.order - b.order)
        .map((t) => ({
          id: t._id,
          code: t.code,
          content: t.content,
          deadline: t.deadline,
          ownerDepartments: t.ownerDepartments,
          status: t.status,
          late: t.deadline < today,
        })),
      problems: problems
        .filter((p) => openProblem(p) && p.deadline <= m.date)
        .map((p) => ({
          id: p._id,
          taskId: p.taskId,
          description: p.description,
          deadline: p.deadline,
          ownerDepartmentId: p.ownerDepartmentId,
          state: p.state,
          late: p.deadline < today,
        })),
    };
  });
}

/**
 * Why a task or problem is late, or null: the first passed milestone it had to close before, else its own
 * deadline once that has passed. A task past a milestone is always past its own deadline too (it was on the
 * milestone's list because its deadline came first); the milestone is named because that is the date the
 * county was working to.
 */
export function lateness(item: { deadline: string }, milestones: Milestone[], today: string): { milestone?: Milestone } | null {
  if (item.deadline >= today) return null;
  const milestone = milestones.find((m) => m.date >= item.deadline && m.date < today);
  return milestone ? { milestone } : {};
}

// ---- automatic 督办 ----

/** The timer urges from 9:00 (UTC+8): a message at midnight helps nobody. */
export const URGE_FROM_HOUR = 9;

/** Whether the timer already urged it today (UTC+8): at most once a day, however often the timer runs. */
export const urgedAutomaticallyOn = (urges: readonly UrgeEntry[] | undefined, today: string): boolean =>
  (urges ?? []).some((u) => u.automatic && chinaDay(new Date(u.at)) === today);

/** Whether the hour of `now` is one the timer urges in. */
export const urgingHours = (now: Date): boolean => chinaTimeOfDay(now) >= URGE_FROM_HOUR * 3_600_000;

/**
 * The tasks the timer urges now: late (past their deadline or a passed milestone), still the units' work
 * (not started or in progress: a task marked 自评达标 waits on the 双拥办, not on the unit), not urged by the
 * timer yet today.
 */
export function tasksToUrge(tasks: TaskRecord[], milestones: Milestone[], now: Date) {
  const today = chinaDay(now);
  return tasks.flatMap((t) => {
    if (t.status !== 'not_started' && t.status !== 'in_progress') return [];
    const late = lateness(t, milestones, today);
    if (!late || urgedAutomaticallyOn(t.urges, today)) return [];
    return [{ task: t, text: lateText(t.deadline, late.milestone) }];
  });
}

/** Open problems past their deadline that the timer has not urged yet today. */
export function problemsToUrge(problems: ProblemRecord[], milestones: Milestone[], now: Date) {
  const today = chinaDay(now);
  return problems.flatMap((p) => {
    if (!openProblem(p)) return [];
    const late = lateness(p, milestones, today);
    if (!late || urgedAutomaticallyOn(p.urges, today)) return [];
    return [{ problem: p, text: `整改已过期限：${p.description}` }];
  });
}

/** The 督办 text of a late item: the milestone it missed, or its own deadline. */
export const lateText = (deadline: string, milestone: Milestone | undefined): string =>
  milestone ? `已过${monthDay(milestone.date)}${milestone.name}节点，请尽快完成` : `已过完成时限${monthDay(deadline)}，请尽快完成`;

const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * 督办 each unit has received: those on the tasks it owns (a task's 督办 goes to every unit on it) and on the
 * problems it owns. By unit id.
 */
export function urgesByUnit(
  tasks: Pick<TaskRecord, 'ownerDepartments' | 'urges'>[],
  problems: Pick<ProblemRecord, 'ownerDepartmentId' | 'urges'>[],
) {
  const counts = new Map<string, number>();
  const add = (unit: string, n: number) => counts.set(unit, (counts.get(unit) ?? 0) + n);
  for (const t of tasks) for (const unit of t.ownerDepartments) add(unit, t.urges.length);
  for (const p of problems) add(p.ownerDepartmentId, p.urges?.length ?? 0);
  return counts;
}
