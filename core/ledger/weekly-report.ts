import { unitShortName, type Organization } from '../org/model';
import { chinaDay, chinaInstant, shiftDay } from '../time';
import type { board } from './board';
import type { ReportSchedule } from './milestones';

/**
 * The weekly report (周报) the timer writes: the board as it stood, one line per unit, and what moved since
 * the week before. It is kept as a dated record, so a leader reads the same report on Friday that the units
 * were sent on Monday, and next week's report has something to compare with.
 */

type BoardState = ReturnType<typeof board>;
type Department = BoardState['departments'][number];

/** One unit's line: what it owns, what is done and late, its points to expect, its open problems and 督办 received. */
export interface UnitLine {
  departmentId: string;
  name: string;
  leader?: string;
  liaison?: string;
  tasks: number;
  accepted: number;
  ready: number;
  overdue: number;
  expected: number;
  points: number;
  /** Accepted counts whole, ready half (as the board's bars). */
  progress: number;
  openProblems: number;
  urges: number;
}

/** moved: points or tasks done went up; slipped: they went down (a task sent back); stalled: nothing changed with work left; done: every task accepted. */
export type Trend = 'moved' | 'slipped' | 'stalled' | 'done' | 'new';

export interface UnitChange {
  departmentId: string;
  trend: Trend;
  /** Against the previous report's line (0 for a unit that had none). */
  expectedDelta: number;
  acceptedDelta: number;
  readyDelta: number;
  urgesDelta: number;
}

export interface WeeklyReportRecord {
  /** The ISO week of the scheduled day, e.g. 2027-W18: one report a week, whoever runs the timer and how often. */
  _id: string;
  /** `building` while a timer run writes it (a claim, so two runs do not both send it). */
  state: 'building' | 'done';
  /** The scheduled day (YYYY-MM-DD, UTC+8) and when the report was written (ISO). */
  day: string;
  at: string;
  /** The week it covers: the seven days before the scheduled day. */
  period: { from: string; to: string };
  total: BoardState['total'];
  overdueTasks: number;
  overdueProblems: number;
  /** Tasks updated in the period. */
  changed: number;
  milestones: { date: string; name: string; daysLeft: number; tasks: number; problems: number }[];
  units: UnitLine[];
  comparison: { previousId: string | null; previousDay: string | null; units: UnitChange[] };
  file?: { fileID: string; name: string };
  /** Subscribe messages to the units' staff: sent, and refused (no consent left, or WeChat failed). */
  delivery?: { units: number; sent: number; missed: number };
}

// ---- when ----

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => {
  const d = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The ISO week a calendar day belongs to, as 2027-W18 (the week of its Thursday). */
export function isoWeekKey(day: string): string {
  const thursday = shiftDay(day, 4 - isoWeekday(day));
  const year = thursday.slice(0, 4);
  const week = Math.floor((Date.parse(thursday) - Date.parse(`${year}-01-01`)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The most recent scheduled time at or before `now`: the report it is due for. A timer that missed the hour
 * (or a deployment mid-week) still writes that week's report at its next run; one already written is kept.
 */
export function reportSlot(now: Date, schedule: ReportSchedule): { week: string; day: string; at: Date } {
  const today = chinaDay(now);
  let day = shiftDay(today, -((isoWeekday(today) - schedule.weekday + 7) % 7));
  if (+chinaInstant(day, schedule.hour * 3_600_000) > +now) day = shiftDay(day, -7);
  return { week: isoWeekKey(day), day, at: chinaInstant(day, schedule.hour * 3_600_000) };
}

/** The next scheduled time after `now`. */
export const nextReportAt = (now: Date, schedule: ReportSchedule): Date => {
  const { day } = reportSlot(now, schedule);
  return chinaInstant(shiftDay(day, 7), schedule.hour * 3_600_000);
};

/** The seven days before the scheduled day. */
export const reportPeriod = (day: string) => ({ from: shiftDay(day, -7), to: shiftDay(day, -1) });

// ---- what ----

export const unitLine = (d: Department): UnitLine => ({
  departmentId: d.departmentId,
  name: d.name,
  ...(d.leader ? { leader: d.leader } : {}),
  ...(d.liaison ? { liaison: d.liaison } : {}),
  tasks: d.tasks,
  accepted: d.accepted,
  ready: d.ready,
  overdue: d.overdue,
  expected: d.expected,
  points: d.points,
  progress: d.progress,
  openProblems: d.openProblems,
  urges: d.urges,
});

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Each unit's line against its line in the previous report. */
export function compareLines(lines: UnitLine[], previous: UnitLine[] | null): UnitChange[] {
  return lines.map((line) => {
    const before = previous?.find((p) => p.departmentId === line.departmentId);
    const expectedDelta = round1(line.expected - (before?.expected ?? 0));
    const acceptedDelta = line.accepted - (before?.accepted ?? 0);
    const readyDelta = line.ready - (before?.ready ?? 0);
    const progressDelta = line.progress - (before?.progress ?? 0);
    const trend: Trend = !before
      ? 'new'
      : line.tasks > 0 && line.accepted === line.tasks && progressDelta === 0
        ? 'done'
        : expectedDelta > 0 || progressDelta > 0
          ? 'moved'
          : expectedDelta < 0 || progressDelta < 0
            ? 'slipped'
            : 'stalled';
    return {
      departmentId: line.departmentId,
      trend,
      expectedDelta,
      acceptedDelta,
      readyDelta,
      urgesDelta: line.urges - (before?.urges ?? 0),
    };
  });
}

export const TREND_TEXT: Record<Trend, string> = {
  moved: '有进展',
  slipped: '有退步',
  stalled: '停滞',
  done: '已全部验收',
  new: '首次统计',
};

/** The report's name: 2027年5月3日 周报. */
export const reportTitle = (day: string) => `创建工作周报（${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日）`;

/** What a unit's staff read in the message: their own line, short enough for a subscribe message's fields. */
export function unitMessage(line: UnitLine, org: Organization) {
  return {
    title: `创建周报 ${unitShortName(org, line.departmentId)}`,
    text: `验收${line.accepted}/${line.tasks}，逾期${line.overdue}，预计${line.expected}分`,
  };
}
