import { chinaDay, formatChina } from '../time';
import { board } from './board';
import { calendarOf, milestoneBoard, problemsToUrge, tasksToUrge, urgingHours, type LedgerCalendar } from './milestones';
import type { AreaRecord, ProblemRecord, TaskRecord } from './model';
import type { SupervisionDeps } from './supervision';
import { compareLines, reportPeriod, reportSlot, reportTitle, unitLine, unitMessage, type WeeklyReportRecord } from './weekly-report';

/** Who the timer's 督办 are recorded as. */
const SYSTEM = 'system';

/**
 * At most this many 督办 a run, the longest late first: a run stays well inside the function's time limit
 * on the day a milestone passes with much left open, and the rest go out at the next hourly run that day.
 */
export const URGES_PER_RUN = 30;

/** Each unit's staff, read once a run however many tasks and lines name the unit. */
function staffByUnit(deps: SupervisionDeps) {
  const known = new Map<string, Promise<string[]>>();
  const ofUnit = (unit: string) => {
    let staff = known.get(unit);
    if (!staff) known.set(unit, (staff = deps.port.staffOf([unit])));
    return staff;
  };
  return async (units: string[]) => [...new Set((await Promise.all(units.map(ofUnit))).flat())];
}

type StaffOf = ReturnType<typeof staffByUnit>;

/**
 * The ledger function's hourly timer (nobody calls it, hence no caller): from 9:00 it urges what is late —
 * tasks past their deadline or a passed milestone, problems past theirs — at most once a day each, with the
 * same message the 双拥办's 督办 sends; and once a week, at the 双拥办's hour, it writes the weekly report and
 * sends each unit its own line.
 */
export async function runLedgerTimer(
  deps: SupervisionDeps,
  _caller: null,
): Promise<{ urged: number; problemsUrged: number; report: string | null }> {
  const { port, now } = deps;
  const [areas, tasks, problems, stored] = await Promise.all([port.areas(), port.tasks(), port.problems({}), port.calendar()]);
  const calendar = calendarOf(stored, chinaDay(now));
  const staffOf = staffByUnit(deps);
  const { urged, problemsUrged } = urgingHours(now)
    ? await urgeLate(deps, staffOf, calendar, tasks, problems)
    : { urged: 0, problemsUrged: 0 };
  const report = await writeWeeklyReport(deps, staffOf, calendar, areas, tasks, problems);
  return { urged, problemsUrged, report };
}

/**
 * Records each automatic 督办 on its task or problem (`automatic: true`; the task's `updatedAt` stays, as the
 * unit did nothing) and tells the owner units' staff. Updates the lists in place, so the report written in the
 * same run counts them.
 */
async function urgeLate(deps: SupervisionDeps, staffOf: StaffOf, calendar: LedgerCalendar, tasks: TaskRecord[], problems: ProblemRecord[]) {
  const { port, now } = deps;
  const at = now.toISOString();
  const sentAt = formatChina(now);
  // The longest late first, tasks and problems alike, up to the run's share.
  const due = [
    ...tasksToUrge(tasks, calendar.milestones, now).map((u) => ({ ...u, deadline: u.task.deadline })),
    ...problemsToUrge(problems, calendar.milestones, now).map((u) => ({ ...u, deadline: u.problem.deadline })),
  ]
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .slice(0, URGES_PER_RUN);
  const taskUrges = due.flatMap((u) => ('task' in u ? [u] : []));
  const problemUrges = due.flatMap((u) => ('problem' in u ? [u] : []));
  for (const { task, text } of taskUrges) {
    const next: TaskRecord = { ...task, urges: [...task.urges, { at, note: text, by: SYSTEM, automatic: true }] };
    await port.putTask(next);
    tasks[tasks.indexOf(task)] = next;
    const notice = { taskId: task._id, code: task.code, title: `创建任务督办 ${task.code}`, text, at: sentAt };
    for (const openid of await staffOf(task.ownerDepartments)) await port.notify(openid, notice);
  }
  for (const { problem, text } of problemUrges) {
    const next: ProblemRecord = { ...problem, urges: [...(problem.urges ?? []), { at, note: text, by: SYSTEM, automatic: true }] };
    await port.putProblem(next);
    problems[problems.indexOf(problem)] = next;
    // The message opens the problem's task, where the problem is listed.
    const code = tasks.find((t) => t._id === problem.taskId)?.code ?? '';
    const notice = { taskId: problem.taskId, code, title: `检视问题督办 ${code}`.trim(), text, at: sentAt };
    for (const openid of await staffOf([problem.ownerDepartmentId])) await port.notify(openid, notice);
  }
  return { urged: taskUrges.length, problemsUrged: problemUrges.length };
}

/**
 * The week's report, once: written the first time the timer runs at or after the scheduled hour, and never
 * again that week however often it runs (the report's id is the ISO week, claimed before anything is sent).
 * A ledger with no standard yet has nothing to report.
 */
async function writeWeeklyReport(
  deps: SupervisionDeps,
  staffOf: StaffOf,
  calendar: LedgerCalendar,
  areas: AreaRecord[],
  tasks: TaskRecord[],
  problems: ProblemRecord[],
): Promise<string | null> {
  const { port, now, org } = deps;
  const slot = reportSlot(now, calendar.report);
  if (tasks.length === 0 || (await port.report(slot.week))) return null;
  if (!(await port.claimReport(slot.week, now))) return null;

  const today = chinaDay(now);
  const state = board(areas, tasks, problems, today, org);
  const lines = state.departments.map(unitLine);
  const previous = (await port.reports(5)).find((r) => r.state === 'done' && r._id !== slot.week && r.day < slot.day) ?? null;
  const period = reportPeriod(slot.day);
  const changed = tasks.filter((t) => {
    const day = chinaDay(new Date(t.updatedAt));
    return day >= period.from && day <= period.to;
  }).length;
  const title = reportTitle(slot.day);
  const file = await port.keepReportFile(slot.week, `${title}.xlsx`, {
    title: `双拥模范县${title}`,
    note: `${period.from} 至 ${period.to}；预计得分 ${state.total.expected} / ${state.total.points}；本周更新 ${changed} 项；逾期任务 ${state.overdueTasks.length} 项`,
    areas,
    tasks,
    org,
  });
  const record: WeeklyReportRecord = {
    _id: slot.week,
    state: 'done',
    day: slot.day,
    at: now.toISOString(),
    period,
    total: state.total,
    overdueTasks: state.overdueTasks.length,
    overdueProblems: state.overdueProblems.length,
    changed,
    milestones: milestoneBoard(calendar.milestones, tasks, problems, today).map((m) => ({
      date: m.date,
      name: m.name,
      daysLeft: m.daysLeft,
      tasks: m.tasks.length,
      problems: m.problems.length,
    })),
    units: lines,
    comparison: {
      previousId: previous?._id ?? null,
      previousDay: previous?.day ?? null,
      units: compareLines(lines, previous?.units ?? null),
    },
    file,
  };
  // Written before anything is sent: a run cut off while sending does not send the week twice.
  await port.putReport(record);
  let sent = 0;
  let missed = 0;
  const at = formatChina(now);
  for (const line of lines) {
    const message = unitMessage(line, org);
    for (const openid of await staffOf([line.departmentId])) {
      if (await port.notifyReport(openid, { week: slot.week, ...message, at })) sent++;
      else missed++;
    }
  }
  await port.putReport({ ...record, delivery: { units: lines.length, sent, missed } });
  return slot.week;
}
