import type * as z from 'zod/mini';
import type { ledgerContract } from '../contracts/ledger';
import { AppError } from '../envelope';
import type { Organization } from '../org/model';
import type { Caller } from '../roles';
import { chinaDay, formatChina } from '../time';
import { board } from './board';
import { calendarOf, daysBetween, milestoneBoard, type StoredLedgerCalendar } from './milestones';
import type { LedgerPort, SavedFile, StandardSheet } from './port';
import { requireSupervisor } from './rules';
import { nextReportAt, type WeeklyReportRecord } from './weekly-report';

/**
 * The 双拥办's calendar for the campaign (its milestones, when the weekly report goes out) and the weekly
 * reports the timer keeps. The board shows the milestones to everyone who reads the ledger; the 双拥办 alone
 * sets them (the router lets only the dispatcher and admins call `saveMilestones`, and the rule says so too).
 */

/** A subscribe message with a unit's own line of the weekly report. */
export interface ReportNotice {
  /** The report's id (its ISO week). */
  week: string;
  title: string;
  text: string;
  /** formatChina of when it was written. */
  at: string;
}

/** What milestones and weekly reports need from storage and the platform (cloudfunctions/ledger/supervision-store.ts). */
export interface SupervisionPort {
  /** `settings/ledgerMilestones`, or null when the 双拥办 never saved it. */
  calendar(): Promise<StoredLedgerCalendar | null>;
  putCalendar(calendar: StoredLedgerCalendar): Promise<void>;
  /** The latest `limit` reports, newest first. */
  reports(limit: number): Promise<WeeklyReportRecord[]>;
  report(id: string): Promise<WeeklyReportRecord | null>;
  /** Takes the week's report for this run; false when another run has written it (or is writing it). */
  claimReport(id: string, at: Date): Promise<boolean>;
  putReport(report: WeeklyReportRecord): Promise<void>;
  /** Writes the report's sheet as .xlsx, kept with the report (not a one-day export). */
  keepReportFile(id: string, fileName: string, sheet: StandardSheet): Promise<{ fileID: string; name: string }>;
  /** A short-lived link to a kept report's file. */
  reportFileLink(file: { fileID: string; name: string }, now: Date): Promise<SavedFile | null>;
  /** Sends a unit's line to one of its staff: whether WeChat took it. */
  notifyReport(openid: string, notice: ReportNotice): Promise<boolean>;
}

export interface SupervisionDeps {
  port: LedgerPort & SupervisionPort;
  now: Date;
  org: Organization;
}

type In<K extends keyof typeof ledgerContract> = z.output<(typeof ledgerContract)[K]>;

const isCalendarDay = (day: string) => {
  const at = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(+at) && at.toISOString().slice(0, 10) === day;
};

/** Reports a list holds: two years of weeks, more than a campaign's cycle looks back on. */
const REPORTS_LISTED = 104;

async function calendarNow(deps: Pick<SupervisionDeps, 'port' | 'now'>) {
  return calendarOf(await deps.port.calendar(), chinaDay(deps.now));
}

/** The board, with the countdown to each milestone and what must close before it. */
export async function viewBoardWithMilestones(deps: SupervisionDeps, _caller: Caller) {
  const { port, now } = deps;
  const [areas, tasks, problems, stored] = await Promise.all([port.areas(), port.tasks(), port.problems({}), port.calendar()]);
  const today = chinaDay(now);
  const { milestones } = calendarOf(stored, today);
  return { ...board(areas, tasks, problems, today, deps.org), milestones: milestoneBoard(milestones, tasks, problems, today) };
}

async function calendarAnswer(deps: Pick<SupervisionDeps, 'port' | 'now'>) {
  const calendar = await calendarNow(deps);
  const today = chinaDay(deps.now);
  return {
    milestones: calendar.milestones.map((m) => ({ ...m, daysLeft: daysBetween(today, m.date), passed: m.date < today })),
    report: calendar.report,
    custom: calendar.custom,
    nextReportAt: formatChina(nextReportAt(deps.now, calendar.report)),
  };
}

/** The milestones with their countdown, and when the next weekly report goes out. */
export const viewMilestones = (deps: Pick<SupervisionDeps, 'port' | 'now'>, _caller: Caller, _input: In<'milestones'>) =>
  calendarAnswer(deps);

/** The 双拥办 sets its milestones (dates and names) and, optionally, the weekly report's day and hour. */
export async function saveMilestones(
  deps: Pick<SupervisionDeps, 'port' | 'now'>,
  caller: Caller & { openid: string },
  { milestones, report }: In<'saveMilestones'>,
) {
  requireSupervisor(caller);
  // The contract checks the form (YYYY-MM-DD); a day the calendar does not have (2月30日) is refused here.
  const unreal = milestones.findIndex((m) => !isCalendarDay(m.date));
  if (unreal >= 0)
    throw new AppError('INVALID_INPUT', '没有这一天', [{ path: ['milestones', unreal, 'date'], message: '请选日历上有的日期' }]);
  const dates = milestones.map((m) => m.date);
  const twice = dates.findIndex((d, i) => dates.indexOf(d) !== i);
  if (twice >= 0)
    throw new AppError('INVALID_INPUT', '两个节点不能是同一天', [{ path: ['milestones', twice, 'date'], message: '和前面的节点同一天' }]);
  const before = await deps.port.calendar();
  await deps.port.putCalendar({
    milestones: [...milestones].sort((a, b) => a.date.localeCompare(b.date)),
    report: report ?? before?.report ?? calendarOf(null, chinaDay(deps.now)).report,
    updatedAt: deps.now.toISOString(),
    updatedBy: caller.openid,
  });
  return calendarAnswer(deps);
}

/** The weekly reports, newest first: what each says in a line, and how many units moved or stalled. */
export async function listReports(deps: Pick<SupervisionDeps, 'port'>, _caller: Caller, _input: In<'reports'>) {
  const items = (await deps.port.reports(REPORTS_LISTED))
    .filter((r) => r.state === 'done')
    .map((r) => ({
      id: r._id,
      day: r.day,
      at: r.at,
      period: r.period,
      expected: r.total.expected,
      points: r.total.points,
      progress: r.total.progress,
      overdueTasks: r.overdueTasks,
      moved: r.comparison.units.filter((u) => u.trend === 'moved').length,
      stalled: r.comparison.units.filter((u) => u.trend === 'stalled' || u.trend === 'slipped').length,
    }));
  return { items, total: items.length };
}

/** One weekly report as it was written, with its workbook and the week-on-week comparison. */
export async function getReport(deps: Pick<SupervisionDeps, 'port' | 'now'>, _caller: Caller, { id }: In<'reportGet'>) {
  const r = await deps.port.report(id);
  if (!r || r.state !== 'done') throw new AppError('NOT_FOUND', '没有这一周的周报');
  const { _id, state: _state, file, ...rest } = r;
  return { id: _id, ...rest, file: file ? await deps.port.reportFileLink(file, deps.now) : null };
}
