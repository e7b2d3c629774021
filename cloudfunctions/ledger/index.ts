import { randomBytes } from 'node:crypto';
import { ledgerContract } from '../../core/contracts/ledger';
import { SAMPLE_STANDARD, SAMPLE_TITLE, sampleAreas } from '../../core/ledger/sample-standard';
import { AppError } from '../../core/envelope';
import { board } from '../../core/ledger/board';
import { isSupervisor, mayEditTask, TASK_STATUSES, type AreaRecord, type ProblemRecord, type TaskRecord } from '../../core/ledger/model';
import { chinaDay, formatChina } from '../../core/time';
import { cloud } from '../_lib/cloud';
import { attachFiles, requireAttachable, requireOwnUpload, saveGeneratedFile } from '../_lib/files';
import { clearMissedNotice, sendStaffNotice } from '../_lib/notice-failures';
import { messageTime } from '../_lib/notify';
import { action, createMain, type AuthedContext } from '../_lib/router';
import { liveEvidence, liveSources } from './evidence';
import { ledgerStore } from './store';

const newId = () => randomBytes(8).toString('hex');
const TEMPLATE = process.env.TEMPLATE_CASE_NEW ?? 'case_new';

async function mustTask(id: string): Promise<TaskRecord> {
  const t = await ledgerStore().task(id);
  if (!t) throw new AppError('NOT_FOUND', '没有这项考评任务');
  return t;
}

function requireEditor(ctx: AuthedContext, t: TaskRecord): void {
  if (!mayEditTask(ctx.caller, t)) throw new AppError('FORBIDDEN', '这项任务不归您的部门，只能查看');
}

function requireSupervisor(ctx: AuthedContext): void {
  if (!isSupervisor(ctx.caller)) throw new AppError('FORBIDDEN', '只有双拥办可以这样做');
}

/** Default period for live figures: the year so far (UTC+8). */
const yearSoFar = (now: Date) => ({ from: `${chinaDay(now).slice(0, 4)}-01-01`, to: chinaDay(now) });

/** A generated workbook, for the person who asked for it only. */
const saveFile = (ctx: AuthedContext, name: string, content: Buffer) => saveGeneratedFile(ctx.caller.openid, content, name, ctx.now);

/** Upserts the standard by task code: a re-import keeps each task's status, scores and evidence. */
async function importAreas(
  parsed: {
    name: string;
    points: number;
    tasks: {
      code: string;
      content: string;
      points: number;
      criteria: string;
      evidenceKind: TaskRecord['evidenceKind'];
      ownerDepartments: TaskRecord['ownerDepartments'];
      deadline: string;
      status?: TaskRecord['status'];
      selfScore?: number;
      acceptedScore?: number;
      link?: TaskRecord['link'];
    }[];
  }[],
  now: Date,
) {
  const store = ledgerStore();
  const existing = new Map((await store.tasks()).map((t) => [t.code, t]));
  const areaIds: string[] = [];
  let created = 0;
  let updated = 0;
  for (const [i, a] of parsed.entries()) {
    const areaId = `area-${i + 1}`;
    areaIds.push(areaId);
    await store.putArea({ _id: areaId, order: i + 1, name: a.name, points: a.points });
    for (const [j, t] of a.tasks.entries()) {
      const before = existing.get(t.code);
      const task: TaskRecord = {
        ...(before ?? { _id: newId(), status: 'not_started', evidence: [], urges: [], notes: [] }),
        areaId,
        order: (i + 1) * 100 + j,
        code: t.code,
        content: t.content,
        points: t.points,
        criteria: t.criteria,
        evidenceKind: t.evidenceKind,
        ownerDepartments: t.ownerDepartments,
        deadline: t.deadline,
        updatedAt: now.toISOString(),
      } as TaskRecord;
      // A sheet moves a task forward, never back: an old export or the template cannot undo progress.
      if (t.status && TASK_STATUSES.indexOf(t.status) > TASK_STATUSES.indexOf(task.status)) task.status = t.status;
      if (t.selfScore !== undefined) task.selfScore = t.selfScore;
      if (t.acceptedScore !== undefined) task.acceptedScore = t.acceptedScore;
      if (t.link) task.link = t.link;
      await store.putTask(task);
      if (before) updated++;
      else created++;
    }
  }
  await store.removeAreasExcept(areaIds);
  return { areas: parsed.length, created, updated };
}

export const main = createMain({
  name: 'ledger',
  actions: {
    board: action({
      access: 'staff',
      input: ledgerContract.board,
      run: async ({ now }) => {
        const store = ledgerStore();
        const [areas, tasks, problems] = await Promise.all([store.areas(), store.tasks(), store.problems({})]);
        return board(areas, tasks, problems, chinaDay(now));
      },
    }),
    tasks: action({
      access: 'staff',
      input: ledgerContract.tasks,
      run: async (ctx, { areaId, mine }) => {
        const tasks = (await ledgerStore().tasks()).filter(
          (t) => (!areaId || t.areaId === areaId) && (!mine || mayEditTask(ctx.caller, t)),
        );
        return {
          items: tasks.map((t) => ({
            ...t,
            id: t._id,
            editable: mayEditTask(ctx.caller, t),
            overdue: t.status !== 'accepted' && t.deadline < chinaDay(ctx.now),
          })),
          total: tasks.length,
        };
      },
    }),
    task: action({
      access: 'staff',
      input: ledgerContract.task,
      run: async (ctx, { id, ...period }) => {
        const t = await mustTask(id);
        // Seen: a 督办 message about it that could not reach the caller is no longer missed.
        await clearMissedNotice(ctx.caller.openid, { taskId: t._id });
        const { from, to } = { ...yearSoFar(ctx.now), ...period };
        const problems = await ledgerStore().problems({ taskId: id });
        return {
          ...t,
          id: t._id,
          editable: mayEditTask(ctx.caller, t),
          overdue: t.status !== 'accepted' && t.deadline < chinaDay(ctx.now),
          problems,
          live: t.link ? await liveEvidence(t.link, liveSources(from, to)) : null,
        };
      },
    }),
    updateTask: action({
      access: 'staff',
      input: ledgerContract.updateTask,
      run: async (ctx, { id, status, selfScore, note }) => {
        const t = await mustTask(id);
        requireEditor(ctx, t);
        if (t.status === 'accepted') throw new AppError('CONFLICT', '双拥办已经验收，不能再改；需要调整请联系双拥办');
        if (selfScore !== undefined && selfScore > t.points)
          throw new AppError('INVALID_INPUT', `自评分不能超过这项的分值 ${t.points} 分`, [
            { path: ['selfScore'], message: `最多 ${t.points} 分` },
          ]);
        if (status === 'ready' && t.evidence.length === 0) throw new AppError('CONFLICT', '请先上传至少一份佐证材料，再标记自评达标');
        const next: TaskRecord = { ...t, updatedAt: ctx.now.toISOString() };
        if (status) next.status = status;
        if (selfScore !== undefined) next.selfScore = selfScore;
        if (note) next.notes = [...t.notes, { at: ctx.now.toISOString(), text: note, by: ctx.caller.openid }];
        await ledgerStore().putTask(next);
        return { ...next, id: next._id };
      },
    }),
    addEvidence: action({
      access: 'staff',
      input: ledgerContract.addEvidence,
      run: async (ctx, { taskId, ...evidence }) => {
        const t = await mustTask(taskId);
        requireEditor(ctx, t);
        const target = { kind: 'evidence', id: taskId } as const;
        if (evidence.fileID) await requireAttachable(ctx.caller.openid, [evidence.fileID], target, ['fileID']);
        const entry = {
          ...evidence,
          at: ctx.now.toISOString(),
          by: ctx.caller.openid,
          ...(ctx.caller.departmentId ? { departmentId: ctx.caller.departmentId } : {}),
        };
        const next: TaskRecord = {
          ...t,
          evidence: [...t.evidence, entry],
          status: t.status === 'not_started' ? 'in_progress' : t.status,
          updatedAt: ctx.now.toISOString(),
        };
        await ledgerStore().putTask(next);
        if (evidence.fileID) await attachFiles([evidence.fileID], target);
        return { ...next, id: next._id };
      },
    }),
    accept: action({
      access: 'staff',
      input: ledgerContract.accept,
      run: async (ctx, { taskId, score }) => {
        requireSupervisor(ctx);
        const t = await mustTask(taskId);
        if (t.status !== 'ready') throw new AppError('CONFLICT', '部门自评达标后才能验收');
        if (score > t.points)
          throw new AppError('INVALID_INPUT', `验收得分不能超过 ${t.points} 分`, [{ path: ['score'], message: `最多 ${t.points} 分` }]);
        const next: TaskRecord = { ...t, status: 'accepted', acceptedScore: score, updatedAt: ctx.now.toISOString() };
        await ledgerStore().putTask(next);
        return { ...next, id: next._id };
      },
    }),
    sendBack: action({
      access: 'staff',
      input: ledgerContract.sendBack,
      run: async (ctx, { taskId, reason }) => {
        requireSupervisor(ctx);
        const t = await mustTask(taskId);
        if (t.status !== 'ready' && t.status !== 'accepted') throw new AppError('CONFLICT', '只有自评达标或已验收的任务可以退回');
        const { acceptedScore: _dropped, ...rest } = t;
        const next: TaskRecord = {
          ...rest,
          status: 'in_progress',
          notes: [...t.notes, { at: ctx.now.toISOString(), text: `双拥办退回：${reason}`, by: ctx.caller.openid }],
          updatedAt: ctx.now.toISOString(),
        };
        await ledgerStore().putTask(next);
        return { ...next, id: next._id };
      },
    }),
    urge: action({
      access: 'staff',
      input: ledgerContract.urge,
      run: async (ctx, { taskId, note }) => {
        requireSupervisor(ctx);
        const t = await mustTask(taskId);
        if (t.status === 'accepted') throw new AppError('CONFLICT', '这项任务已经验收了');
        const text = note ?? `请在 ${t.deadline} 前完成`;
        const next: TaskRecord = {
          ...t,
          urges: [...t.urges, { at: ctx.now.toISOString(), note: text, by: ctx.caller.openid }],
          updatedAt: ctx.now.toISOString(),
        };
        await ledgerStore().putTask(next);
        // The same 督办 message staff get for overdue cases.
        for (const touser of await ledgerStore().staffOf(t.ownerDepartments)) {
          const title = `创建任务督办 ${t.code}`;
          const at = messageTime(formatChina(ctx.now));
          const data = { thing1: title, thing2: text, character_string3: t.code, time4: at };
          await sendStaffNotice(touser, TEMPLATE, `subpackages/ledger/task?id=${t._id}`, data, {
            taskId: t._id,
            number: t.code,
            title,
            at,
          });
        }
        return { ...next, id: next._id };
      },
    }),
    problems: action({
      access: 'staff',
      input: ledgerContract.problems,
      run: async (_ctx, { taskId, departmentId }) => ({
        items: await ledgerStore().problems({
          ...(taskId ? { taskId } : {}),
          ...(departmentId ? { ownerDepartmentId: departmentId } : {}),
        }),
      }),
    }),
    saveProblem: action({
      access: 'staff',
      input: ledgerContract.saveProblem,
      run: async (ctx, { id, state = 'open', ...p }) => {
        // An edit is checked against the task the STORED problem belongs to, not the one it is sent with;
        // moving it to another task needs that task's editor too.
        const before = id ? await ledgerStore().problem(id) : null;
        if (id && !before) throw new AppError('NOT_FOUND', '没有这条检视问题');
        if (before) {
          const owning = await ledgerStore().task(before.taskId);
          // A problem whose task is gone is the 双拥办's to tidy up.
          if (owning) requireEditor(ctx, owning);
          else requireSupervisor(ctx);
        }
        if (!before || before.taskId !== p.taskId) requireEditor(ctx, await mustTask(p.taskId));
        const record: ProblemRecord = {
          _id: id ?? newId(),
          ...p,
          state,
          createdAt: before?.createdAt ?? ctx.now.toISOString(),
          updatedAt: ctx.now.toISOString(),
        };
        await ledgerStore().putProblem(record);
        return record;
      },
    }),
    saveTask: action({
      access: 'staff',
      input: ledgerContract.saveTask,
      run: async (ctx, { id, ownerDepartments, deadline, link }) => {
        requireSupervisor(ctx);
        const t = await mustTask(id);
        const next: TaskRecord = { ...t, updatedAt: ctx.now.toISOString() };
        if (ownerDepartments) next.ownerDepartments = ownerDepartments;
        if (deadline) next.deadline = deadline;
        if (link === null) delete next.link;
        else if (link) next.link = link;
        await ledgerStore().putTask(next);
        return { ...next, id: next._id };
      },
    }),
    importStandard: action({
      access: 'staff',
      input: ledgerContract.importStandard,
      run: async (ctx, { fileID }) => {
        requireSupervisor(ctx);
        await requireOwnUpload(ctx.caller.openid, fileID, 'fileID');
        let content: Buffer;
        try {
          content = ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
        } catch {
          throw new AppError('NOT_FOUND', '没有找到上传的文件，请重新上传');
        }
        const { parseStandard } = await import('../../core/server/standard-xlsx');
        const parsed = await parseStandard(content);
        return { title: parsed.title, ...(await importAreas(parsed.areas, ctx.now)) };
      },
    }),
    exportStandard: action({
      access: 'staff',
      input: ledgerContract.exportStandard,
      run: async (ctx) => {
        const store = ledgerStore();
        const { standardWorkbook } = await import('../../core/server/standard-xlsx');
        const content = await standardWorkbook(
          `双拥模范县创建考评台账（导出于 ${chinaDay(ctx.now)}）`,
          '状态和得分为导出时的情况',
          await store.areas(),
          await store.tasks(),
        );
        return saveFile(ctx, '创建考评台账.xlsx', content);
      },
    }),
    sampleTemplate: action({
      access: 'staff',
      input: ledgerContract.sampleTemplate,
      run: async (ctx) => {
        const { standardWorkbook } = await import('../../core/server/standard-xlsx');
        const areas: AreaRecord[] = SAMPLE_STANDARD.map((a, i) => ({ _id: `a${i}`, order: i, name: a.name, points: a.points }));
        const tasks = sampleAreas().flatMap((a, i) =>
          a.tasks.map((t, j): TaskRecord => ({
            ...t,
            _id: `${i}.${j}`,
            areaId: `a${i}`,
            order: j,
            status: 'not_started',
            evidence: [],
            urges: [],
            notes: [],
            updatedAt: ctx.now.toISOString(),
          })),
        );
        const note = '【示例】本表只演示格式，不是正式考评标准。请按本年度、本省下发的正式标准填写后导入。';
        return saveFile(ctx, '考评标准-示例模板.xlsx', await standardWorkbook(SAMPLE_TITLE, note, areas, tasks, { progress: false }));
      },
    }),
    report: action({
      access: 'staff',
      input: ledgerContract.report,
      run: async (ctx, { from, to }) => {
        requireSupervisor(ctx);
        const store = ledgerStore();
        const [areas, tasks, problems] = await Promise.all([store.areas(), store.tasks(), store.problems({})]);
        const state = board(areas, tasks, problems, chinaDay(ctx.now));
        const changed = tasks.filter((t) => t.updatedAt.slice(0, 10) >= from && t.updatedAt.slice(0, 10) <= to);
        // One read of each source for the whole report, shared by every task linked to it.
        const sources = liveSources(from, to);
        const live = await Promise.all(
          tasks.flatMap((t) => (t.link ? [liveEvidence(t.link, sources).then((e) => ({ code: t.code, content: t.content, ...e }))] : [])),
        );
        const { standardWorkbook } = await import('../../core/server/standard-xlsx');
        const file = await saveFile(
          ctx,
          `创建工作定期报告-${from}至${to}.xlsx`,
          await standardWorkbook(
            `双拥模范县创建工作定期报告（${from} 至 ${to}）`,
            `预计得分 ${state.total.expected} / ${state.total.points}；本期更新 ${changed.length} 项；逾期任务 ${state.overdueTasks.length} 项`,
            areas,
            tasks,
          ),
        );
        return {
          ...state,
          period: { from, to },
          changed: changed.map((t) => ({ id: t._id, code: t.code, content: t.content, status: t.status })),
          live,
          file,
        };
      },
    }),
  },
});
