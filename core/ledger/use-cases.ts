import type * as z from 'zod/mini';
import type { ledgerContract } from '../contracts/ledger';
import { AppError } from '../envelope';
import { attachmentError } from '../files';
import { requireKnown, type Organization } from '../org/model';
import { overseesEveryUnit, type Caller } from '../roles';
import { chinaDay, formatChina } from '../time';
import { board } from './board';
import { mayEditTask, type Evidence, type TaskRecord } from './model';
import type { LedgerPort } from './port';
import { taskRecord, taskView } from './present';
import {
  accepted,
  requireEditor,
  requireSupervisor,
  savedProblem,
  sentBack,
  updatedByDepartment,
  urged,
  urgeText,
  withEvidence,
  withSettings,
} from './rules';
import { SAMPLE_TITLE, sampleStandard } from './sample-standard';
import { mergeStandard, sampleRecords } from './standard-import';
import { resolveStandard } from './standard-sheet';
import { calendarOf } from './milestones';
import type { SupervisionPort } from './supervision';

/**
 * The 创建 ledger: the evaluation standard's tasks, each held by the departments responsible for it,
 * worked and evidenced by them and accepted (or sent back) by the 双拥办; the problems inspections find;
 * the board, the exports and the periodic report. Every action is staff-only at the router; who may
 * change what is decided here (rules.ts, model.ts).
 */

export interface LedgerDeps {
  port: LedgerPort;
  now: Date;
  /** A fresh id for a new task or problem. */
  newId: () => string;
  /** The county's units: who tasks and problems may be given to, and their names. */
  org: Organization;
}

type Authed = Caller & { openid: string };
type In<K extends keyof typeof ledgerContract> = z.output<(typeof ledgerContract)[K]>;

async function mustTask(port: LedgerPort, id: string): Promise<TaskRecord> {
  const t = await port.task(id);
  if (!t) throw new AppError('NOT_FOUND', '没有这项考评任务');
  return t;
}

/** Default period for live figures: the year so far (UTC+8). */
export const yearSoFar = (now: Date) => ({ from: `${chinaDay(now).slice(0, 4)}-01-01`, to: chinaDay(now) });

// ---- reading ----

// The board, with its milestones, is core/ledger/supervision.ts's viewBoardWithMilestones.

/** Every task, or one area's; `mine`: only those the caller may edit. */
export async function listTasks(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Caller, { areaId, mine }: In<'tasks'>) {
  const tasks = (await deps.port.tasks()).filter((t) => (!areaId || t.areaId === areaId) && (!mine || mayEditTask(caller, t)));
  const today = chinaDay(deps.now);
  return { items: tasks.map((t) => taskView(t, caller, today)), total: tasks.length };
}

/** One task with its problems and, when it is linked to a figure the system knows, that figure for the period. */
export async function getTask(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Authed, { id, ...period }: In<'task'>) {
  const { port, now } = deps;
  const t = await mustTask(port, id);
  // Seen: a 督办 message about it that could not reach the caller is no longer missed.
  await port.taskSeen(caller.openid, t._id);
  const { from, to } = { ...yearSoFar(now), ...period };
  const problems = await port.problems({ taskId: id });
  return {
    ...taskView(t, caller, chinaDay(now)),
    problems,
    live: t.link ? await port.liveFigures(from, to)(t.link) : null,
  };
}

export async function listProblems(deps: Pick<LedgerDeps, 'port'>, _caller: Caller, { taskId, departmentId }: In<'problems'>) {
  return {
    items: await deps.port.problems({ ...(taskId ? { taskId } : {}), ...(departmentId ? { ownerDepartmentId: departmentId } : {}) }),
  };
}

// ---- a department's work ----

export async function updateTask(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Authed, { id, ...change }: In<'updateTask'>) {
  const t = await mustTask(deps.port, id);
  requireEditor(caller, t);
  const next = updatedByDepartment(t, change, caller, deps.now);
  await deps.port.putTask(next);
  return taskRecord(next);
}

export async function addEvidence(
  deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>,
  caller: Authed,
  { taskId, ...evidence }: In<'addEvidence'>,
) {
  const { port, now } = deps;
  const t = await mustTask(port, taskId);
  requireEditor(caller, t);
  // Only the caller's own upload, not used by anything else yet, can become evidence.
  if (evidence.fileID) {
    const refusal = attachmentError(await port.attachmentIssues(caller.openid, [evidence.fileID], taskId));
    if (refusal) throw refusal;
  }
  const entry: Evidence = {
    ...evidence,
    at: now.toISOString(),
    by: caller.openid,
    ...(caller.departmentId ? { departmentId: caller.departmentId } : {}),
  };
  const next = withEvidence(t, entry, now);
  await port.putTask(next);
  if (evidence.fileID) await port.attachFiles([evidence.fileID], taskId);
  return taskRecord(next);
}

/**
 * A problem found at an inspection, new or edited. An edit is checked against the task the STORED problem
 * belongs to, not the one it is sent with; moving it to another task needs that task's editor too.
 */
export async function saveProblem(deps: LedgerDeps, caller: Authed, { id, state = 'open', ...fields }: In<'saveProblem'>) {
  const { port, now } = deps;
  const before = id ? await port.problem(id) : null;
  if (id && !before) throw new AppError('NOT_FOUND', '没有这条检视问题');
  if (before) {
    const owning = await port.task(before.taskId);
    // A problem whose task is gone is the 双拥办's to tidy up.
    if (owning) requireEditor(caller, owning);
    else requireSupervisor(caller);
  }
  if (!before || before.taskId !== fields.taskId) requireEditor(caller, await mustTask(port, fields.taskId));
  // A unit retired since keeps the problems it owns: only a newly named owner must be in service.
  if (before?.ownerDepartmentId !== fields.ownerDepartmentId) {
    requireKnown(deps.org, { units: [{ path: ['ownerDepartmentId'], id: fields.ownerDepartmentId }] });
  }
  const record = savedProblem(before, id ?? deps.newId(), fields, state, now);
  await port.putProblem(record);
  return record;
}

// ---- the 双拥办 ----

export async function acceptTask(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Authed, { taskId, score }: In<'accept'>) {
  requireSupervisor(caller);
  const next = accepted(await mustTask(deps.port, taskId), score, deps.now);
  await deps.port.putTask(next);
  return taskRecord(next);
}

export async function sendBackTask(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Authed, { taskId, reason }: In<'sendBack'>) {
  requireSupervisor(caller);
  const next = sentBack(await mustTask(deps.port, taskId), reason, caller.openid, deps.now);
  await deps.port.putTask(next);
  return taskRecord(next);
}

/** A 督办 on record, and the same message staff get for overdue cases sent to the task's departments. */
export async function urgeTask(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Authed, { taskId, note }: In<'urge'>) {
  const { port, now } = deps;
  requireSupervisor(caller);
  const t = await mustTask(port, taskId);
  const text = urgeText(t, note);
  const next = urged(t, text, caller.openid, now);
  await port.putTask(next);
  const notice = { taskId: t._id, code: t.code, title: `创建任务督办 ${t.code}`, text, at: formatChina(now) };
  for (const openid of await port.staffOf(t.ownerDepartments)) await port.notify(openid, notice);
  return taskRecord(next);
}

/** Who is responsible, the deadline and the live figure that proves the task. */
export async function setUpTask(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Authed, { id, ...settings }: In<'saveTask'>) {
  requireSupervisor(caller);
  const current = await mustTask(deps.port, id);
  // Units already on the task stay even if retired since; only newly named ones must be in service.
  requireKnown(deps.org, {
    units: [
      ...(settings.ownerDepartments ?? [])
        .map((id, i) => ({ path: ['ownerDepartments', i], id }))
        .filter((r) => !current.ownerDepartments.includes(r.id)),
      ...(settings.link?.departmentId !== current.link?.departmentId
        ? [{ path: ['link', 'departmentId'], id: settings.link?.departmentId }]
        : []),
    ],
  });
  const next = withSettings(current, settings, deps.now);
  await deps.port.putTask(next);
  return taskRecord(next);
}

/** What reading the standard needs besides the ledger: the 双拥办's milestones. */
export type StandardDeps = LedgerDeps & { port: LedgerPort & Pick<SupervisionPort, 'calendar'> };

/**
 * The campaign's last milestone (5月31日 迎查准备 unless the 双拥办 set its own): the day 长期 / 常态化
 * tasks come to, and the end of the twelve months a 完成时限 written without a year (4月底) falls in.
 */
async function campaignEnd(deps: Pick<StandardDeps, 'port' | 'now'>): Promise<string> {
  const { milestones } = calendarOf(await deps.port.calendar(), chinaDay(deps.now));
  return (milestones.at(-1) as { date: string }).date;
}

/**
 * Reads the county's sheet (or an export) and upserts it by task code: a re-import keeps each task's
 * status, scores, evidence, persons and notes. Every row must resolve (its units, its 完成时限) or
 * nothing is written.
 */
export async function importStandard(deps: StandardDeps, caller: Authed, { fileID }: In<'importStandard'>) {
  const { port } = deps;
  requireSupervisor(caller);
  const sheet = resolveStandard(await port.readStandard(caller.openid, fileID), deps.org, { campaignEnd: await campaignEnd(deps) });
  const merged = mergeStandard(await port.tasks(), sheet.areas, deps.now, deps.newId);
  for (const area of merged.areas) {
    await port.putArea(area);
    for (const task of merged.tasks.filter((t) => t.areaId === area._id)) await port.putTask(task);
  }
  await port.removeAreasExcept(merged.areas.map((a) => a._id));
  return { title: sheet.title, areas: merged.areas.length, rows: sheet.rows, created: merged.created, updated: merged.updated };
}

// ---- spreadsheets ----

export async function exportStandard(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Authed) {
  const { port, now } = deps;
  const [areas, tasks] = await Promise.all([port.areas(), port.tasks()]);
  const title = `双拥模范县创建考评台账（导出于 ${chinaDay(now)}）`;
  return port.saveSheet(caller.openid, '创建考评台账.xlsx', { title, note: '状态和得分为导出时的情况', areas, tasks, org: deps.org }, now);
}

/** The sample standard as a blank sheet in the county's layout, to fill in: the format, not an official standard. */
export async function sampleTemplate(deps: Pick<StandardDeps, 'port' | 'now' | 'org'>, caller: Authed) {
  const { areas, tasks } = sampleRecords(sampleStandard(deps.org, await campaignEnd(deps)).areas, deps.now);
  const note =
    '【示例】本表只演示格式，不是正式考评标准。请按本年度、本省下发的正式标准填写后导入：责任单位写多个时第一个为牵头单位，其余为配合单位；“各乡镇（街道）”分解到每个乡镇；佐证材料用顿号分开。';
  return deps.port.saveSheet(
    caller.openid,
    '考评标准-示例模板.xlsx',
    { title: SAMPLE_TITLE, note, areas, tasks, progress: false, layout: 'county', org: deps.org },
    deps.now,
  );
}

/** The periodic report: the board, what changed in the period, the live figures, and the sheet to send on. */
export async function periodReport(deps: Pick<LedgerDeps, 'port' | 'now' | 'org'>, caller: Authed, { from, to }: In<'report'>) {
  const { port, now } = deps;
  // The 双拥办 and the county's leaders: a read, whose only write is the caller's own sheet.
  if (!overseesEveryUnit(caller)) throw new AppError('FORBIDDEN', '只有双拥办和县领导可以生成定期报告');
  const [areas, tasks, problems] = await Promise.all([port.areas(), port.tasks(), port.problems({})]);
  const state = board(areas, tasks, problems, chinaDay(now), deps.org);
  const changed = tasks.filter((t) => t.updatedAt.slice(0, 10) >= from && t.updatedAt.slice(0, 10) <= to);
  // One read of each source for the whole report, shared by every task linked to it.
  const figureOf = port.liveFigures(from, to);
  const live = await Promise.all(
    tasks.flatMap((t) => (t.link ? [figureOf(t.link).then((e) => ({ code: t.code, content: t.content, ...e }))] : [])),
  );
  const file = await port.saveSheet(
    caller.openid,
    `创建工作定期报告-${from}至${to}.xlsx`,
    {
      title: `双拥模范县创建工作定期报告（${from} 至 ${to}）`,
      note: `预计得分 ${state.total.expected} / ${state.total.points}；本期更新 ${changed.length} 项；逾期任务 ${state.overdueTasks.length} 项`,
      areas,
      tasks,
      org: deps.org,
    },
    now,
  );
  return {
    ...state,
    period: { from, to },
    changed: changed.map((t) => ({ id: t._id, code: t.code, content: t.content, status: t.status })),
    live,
    file,
  };
}
