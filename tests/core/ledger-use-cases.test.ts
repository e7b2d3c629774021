import { AppError, type Issue } from '../../core/envelope';
import type { AreaRecord, ProblemRecord, TaskRecord } from '../../core/ledger/model';
import type { LedgerPort, LiveFigure, StandardSheet, TaskNotice } from '../../core/ledger/port';
import { SAMPLE_STANDARD, SAMPLE_TITLE } from '../../core/ledger/sample-standard';
import type { StandardRows } from '../../core/ledger/standard-sheet';
import type { SupervisionPort } from '../../core/ledger/supervision';
import * as ledger from '../../core/ledger/use-cases';
import type { Caller } from '../../core/roles';
import { aProblem, aSheet, aTask, anArea, anEvidence, problemFields } from './builders/ledger';
import { demoOrg, withRetired } from './builders/org';

/** The ledger's storage and platform as plain maps and lists, with what was sent and saved kept for the test to read. */
function memoryPort(seed: { areas?: AreaRecord[]; tasks?: TaskRecord[]; problems?: ProblemRecord[] } = {}) {
  const areas = new Map((seed.areas ?? []).map((a) => [a._id, a]));
  const tasks = new Map((seed.tasks ?? []).map((t) => [t._id, t]));
  const problems = new Map((seed.problems ?? []).map((p) => [p._id, p]));
  const sent: { openid: string; notice: TaskNotice }[] = [];
  const seen: string[] = [];
  const attached: string[] = [];
  const sheets: { openid: string; fileName: string; sheet: StandardSheet }[] = [];
  const periods: string[] = [];
  const staff: Record<string, string[]> = { civil: ['staff-civil'], edu: ['staff-edu'] };
  let standard: StandardRows = { title: '', headings: null, rows: [] };
  let unusable: Issue[] = [];
  // The standard's reading also asks the 双拥办's milestones: none saved, the defaults.
  const port: LedgerPort & Pick<SupervisionPort, 'calendar'> = {
    areas: async () => [...areas.values()].sort((a, b) => a.order - b.order),
    tasks: async () => [...tasks.values()].sort((a, b) => a.order - b.order),
    task: async (id) => tasks.get(id) ?? null,
    problems: async (q) =>
      [...problems.values()].filter(
        (p) => (!q.taskId || p.taskId === q.taskId) && (!q.ownerDepartmentId || p.ownerDepartmentId === q.ownerDepartmentId),
      ),
    problem: async (id) => problems.get(id) ?? null,
    putArea: async (a) => void areas.set(a._id, a),
    putTask: async (t) => void tasks.set(t._id, t),
    putProblem: async (p) => void problems.set(p._id, p),
    removeAreasExcept: async (ids) => [...areas.keys()].filter((id) => !ids.includes(id)).forEach((id) => areas.delete(id)),
    staffOf: async (departments) => departments.flatMap((d) => staff[d] ?? []),
    notify: async (openid, notice) => void sent.push({ openid, notice }),
    taskSeen: async (openid, taskId) => void seen.push(`${openid}:${taskId}`),
    attachmentIssues: async () => unusable,
    attachFiles: async (fileIDs, taskId) => void attached.push(...fileIDs.map((f) => `${taskId}:${f}`)),
    readStandard: async () => standard,
    calendar: async () => null,
    liveFigures: (from, to) => {
      periods.push(`${from}..${to}`);
      return async (link): Promise<LiveFigure> => ({ metric: 'fairs', label: link.metric, from, to, figures: null });
    },
    saveSheet: async (openid, fileName, sheet) => {
      sheets.push({ openid, fileName, sheet });
      return { fileID: `cloud://${fileName}`, url: '', name: fileName, expiresAt: '' };
    },
    // The 迎查 package and the annual assessment have their own test (ledger-oversight.test.ts).
    storedFiles: async (fileIDs) => new Set(fileIDs),
    savePackage: async (_openid, fileName) => ({ fileID: `cloud://${fileName}`, url: '', name: fileName, expiresAt: '' }),
    saveAssessment: async (_openid, fileName) => ({ fileID: `cloud://${fileName}`, url: '', name: fileName, expiresAt: '' }),
  };
  return {
    port,
    areas,
    tasks,
    problems,
    sent,
    seen,
    attached,
    sheets,
    periods,
    setStandard: (s: StandardRows) => (standard = s),
    refuseFiles: (issues: Issue[]) => (unusable = issues),
  };
}

const now = new Date('2026-11-02T01:00:00.000Z'); // 09:00 in UTC+8
const depsOf = (m: ReturnType<typeof memoryPort>) => {
  let n = 0;
  return { port: m.port, now, org: demoOrg, newId: () => `id-${++n}` };
};
type Authed = Caller & { openid: string };
const civil: Authed = { openid: 'staff-civil', role: 'staff', departmentId: 'civil' };
const edu: Authed = { openid: 'staff-edu', role: 'staff', departmentId: 'edu' };
const dispatcher: Authed = { openid: 'dispatcher', role: 'dispatcher', departmentId: 'office' };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'ok';
}

test('a department takes its task from evidence to ready; the 双拥办 accepts it and the stored task follows', async () => {
  const m = memoryPort({ tasks: [aTask({ _id: 't', points: 2 })] });
  const deps = depsOf(m);
  await ledger.addEvidence(deps, civil, { taskId: 't', name: '照片', description: '门牌', fileID: 'cloud://env/uploads/x' });
  expect(m.tasks.get('t')).toMatchObject({ status: 'in_progress', evidence: [{ name: '照片', by: 'staff-civil', departmentId: 'civil' }] });
  expect(m.attached).toEqual(['t:cloud://env/uploads/x']);
  expect(await codeOf(ledger.updateTask(deps, edu, { id: 't', status: 'ready' }))).toBe('FORBIDDEN');
  const ready = await ledger.updateTask(deps, civil, { id: 't', status: 'ready', selfScore: 2 });
  expect(ready).toMatchObject({ id: 't', status: 'ready', selfScore: 2 });
  expect(await codeOf(ledger.acceptTask(deps, civil, { taskId: 't', score: 2 }))).toBe('FORBIDDEN');
  expect(await ledger.acceptTask(deps, dispatcher, { taskId: 't', score: 1.5 })).toMatchObject({ status: 'accepted', acceptedScore: 1.5 });
  expect(m.tasks.get('t')?.status).toBe('accepted');
  expect(await codeOf(ledger.acceptTask(deps, dispatcher, { taskId: 'missing', score: 1 }))).toBe('NOT_FOUND');
});

test('evidence from a file that is not the caller’s own upload is refused and nothing is written', async () => {
  const m = memoryPort({ tasks: [aTask({ _id: 't' })] });
  m.refuseFiles([{ path: ['fileID'], message: '不是您上传的文件', code: 'not_yours' }]);
  expect(
    await codeOf(ledger.addEvidence(depsOf(m), civil, { taskId: 't', name: '照片', description: '门牌', fileID: 'cloud://x' })),
  ).not.toBe('ok');
  expect(m.tasks.get('t')?.evidence).toEqual([]);
  expect(m.attached).toEqual([]);
});

test('a 督办 is recorded and sent to the staff of every department on the task', async () => {
  const m = memoryPort({ tasks: [aTask({ _id: 't', code: '2.3', deadline: '2026-11-30', ownerDepartments: ['civil', 'edu'] })] });
  await ledger.urgeTask(depsOf(m), dispatcher, { taskId: 't' });
  expect(m.tasks.get('t')?.urges).toEqual([{ at: now.toISOString(), note: '请在 2026-11-30 前完成', by: 'dispatcher' }]);
  expect(m.sent.map((s) => s.openid)).toEqual(['staff-civil', 'staff-edu']);
  expect(m.sent[0]?.notice).toEqual({
    taskId: 't',
    code: '2.3',
    title: '创建任务督办 2.3',
    text: '请在 2026-11-30 前完成',
    at: '2026-11-02T09:00:00+08:00',
  });
});

test('the task page marks the task seen and reads live figures for the year so far unless a period is given', async () => {
  const m = memoryPort({
    tasks: [aTask({ _id: 't', link: { metric: 'fairs' }, deadline: '2026-11-01' })],
    problems: [aProblem({ taskId: 't' })],
  });
  const view = await ledger.getTask(depsOf(m), edu, { id: 't' });
  expect(view).toMatchObject({
    id: 't',
    editable: false,
    overdue: true,
    problems: [{ _id: 'problem-1' }],
    live: { from: '2026-01-01', to: '2026-11-02' },
  });
  expect(m.seen).toEqual(['staff-edu:t']);
  await ledger.getTask(depsOf(m), edu, { id: 't', from: '2026-10-01', to: '2026-10-31' });
  expect(m.periods).toEqual(['2026-01-01..2026-11-02', '2026-10-01..2026-10-31']);
});

test('a problem is edited by the editors of the task it is stored on, and moved only to a task they also edit', async () => {
  const m = memoryPort({
    tasks: [aTask({ _id: 'civil-task', ownerDepartments: ['civil'] }), aTask({ _id: 'edu-task', code: '2.1', ownerDepartments: ['edu'] })],
    problems: [aProblem({ _id: 'p', taskId: 'civil-task', createdAt: '2026-10-01T00:00:00.000Z' })],
  });
  const deps = depsOf(m);
  const fields = problemFields({ taskId: 'civil-task' });
  // The edu clerk names their own task, but the problem is stored on the 民政局's.
  expect(await codeOf(ledger.saveProblem(deps, edu, { ...fields, id: 'p', taskId: 'edu-task' }))).toBe('FORBIDDEN');
  expect(await codeOf(ledger.saveProblem(deps, civil, { ...fields, id: 'p', taskId: 'edu-task' }))).toBe('FORBIDDEN');
  expect(await codeOf(ledger.saveProblem(deps, civil, { ...fields, id: 'nope' }))).toBe('NOT_FOUND');
  const edited = await ledger.saveProblem(deps, civil, { ...fields, id: 'p', state: 'done' });
  expect(edited).toMatchObject({ _id: 'p', state: 'done', createdAt: '2026-10-01T00:00:00.000Z', updatedAt: now.toISOString() });
  expect(await ledger.saveProblem(deps, civil, fields)).toMatchObject({ _id: 'id-1', state: 'open', createdAt: now.toISOString() });
  // A problem whose task is gone is the 双拥办's to tidy up.
  m.tasks.delete('civil-task');
  expect(await codeOf(ledger.saveProblem(deps, civil, { ...fields, id: 'p', taskId: 'edu-task' }))).toBe('FORBIDDEN');
  expect(await codeOf(ledger.saveProblem(deps, dispatcher, { ...fields, id: 'p', taskId: 'edu-task' }))).toBe('ok');
});

test('importing the standard writes the merged areas and tasks and removes areas the sheet no longer has', async () => {
  const m = memoryPort({
    areas: [anArea({ _id: 'area-1' }), anArea({ _id: 'area-3', order: 3 })],
    tasks: [aTask({ _id: 'kept', code: '1.1', status: 'ready', evidence: [anEvidence()] })],
  });
  m.setStandard(aSheet([{ code: '1.1' }, { code: '1.2' }], '某省标准'));
  expect(await codeOf(ledger.importStandard(depsOf(m), civil, { fileID: 'cloud://x' }))).toBe('FORBIDDEN');
  expect(await ledger.importStandard(depsOf(m), dispatcher, { fileID: 'cloud://x' })).toEqual({
    title: '某省标准',
    areas: 1,
    rows: 2,
    created: 1,
    updated: 1,
  });
  expect([...m.areas.keys()]).toEqual(['area-1']);
  expect(m.tasks.get('kept')).toMatchObject({ status: 'ready', evidence: [anEvidence()] });
  expect(m.tasks.get('id-1')).toMatchObject({ code: '1.2', status: 'not_started' });
});

test('lists: mine is what the caller may edit; overdue is against the UTC+8 day', async () => {
  const m = memoryPort({
    tasks: [
      aTask({ _id: 'a', ownerDepartments: ['civil'], deadline: '2026-11-01' }),
      aTask({ _id: 'b', order: 101, ownerDepartments: ['edu'], areaId: 'area-2' }),
    ],
  });
  const all = await ledger.listTasks(depsOf(m), civil, {});
  expect(all.items.map((t) => [t.id, t.editable, t.overdue])).toEqual([
    ['a', true, true],
    ['b', false, false],
  ]);
  expect((await ledger.listTasks(depsOf(m), civil, { mine: true })).items.map((t) => t.id)).toEqual(['a']);
  expect((await ledger.listTasks(depsOf(m), dispatcher, { areaId: 'area-2' })).total).toBe(1);
});

test('the report is the 双拥办’s: the board, the tasks changed in the period, live figures and the sheet', async () => {
  const m = memoryPort({
    areas: [anArea()],
    tasks: [
      aTask({ _id: 'a', updatedAt: '2026-10-15T02:00:00.000Z', link: { metric: 'fairs' } }),
      aTask({ _id: 'b', code: '1.2', order: 101, updatedAt: '2026-09-30T02:00:00.000Z' }),
    ],
  });
  expect(await codeOf(ledger.periodReport(depsOf(m), civil, { from: '2026-10-01', to: '2026-10-31' }))).toBe('FORBIDDEN');
  const report = await ledger.periodReport(depsOf(m), dispatcher, { from: '2026-10-01', to: '2026-10-31' });
  expect(report.changed.map((t) => t.id)).toEqual(['a']);
  expect(report.live).toEqual([expect.objectContaining({ code: '1.1', from: '2026-10-01', to: '2026-10-31' })]);
  expect(m.periods).toEqual(['2026-10-01..2026-10-31']);
  expect(report.file.name).toBe('创建工作定期报告-2026-10-01至2026-10-31.xlsx');
  expect(m.sheets[0]).toMatchObject({ openid: 'dispatcher', sheet: { note: '预计得分 0 / 4；本期更新 1 项；逾期任务 0 项' } });
});

test('the sample template is a blank sheet: no progress, the sample labelled as such', async () => {
  const m = memoryPort();
  await ledger.sampleTemplate(depsOf(m), civil);
  expect(m.sheets[0]).toMatchObject({
    fileName: '考评标准-示例模板.xlsx',
    sheet: { title: SAMPLE_TITLE, progress: false, layout: 'county' },
  });
  const sheet = m.sheets[0]?.sheet;
  expect(sheet?.areas.map((a) => a.name)).toEqual(SAMPLE_STANDARD.map((a) => a.name));
  // 78 rows; the 各乡镇（街道） row is one task per station of the demo county's eight.
  expect(SAMPLE_STANDARD.reduce((n, a) => n + a.tasks.length, 0)).toBe(78);
  expect(sheet?.tasks).toHaveLength(78 - 1 + 8);
  expect(sheet?.tasks.every((t) => t.status === 'not_started')).toBe(true);
});

describe('units the county does not have', () => {
  test('a problem given to an unknown or retired unit is INVALID_INPUT at ownerDepartmentId, and nothing is written', async () => {
    const m = memoryPort({ tasks: [aTask({ _id: 't' })], problems: [aProblem({ _id: 'p', taskId: 't', ownerDepartmentId: 'civil' })] });
    const before = structuredClone([...m.problems.values()]);
    const refused = async (deps: ReturnType<typeof depsOf>, input: Parameters<typeof ledger.saveProblem>[2]) => {
      const e = await ledger.saveProblem(deps, dispatcher, input).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    };
    const unknown = await refused(depsOf(m), problemFields({ taskId: 't', ownerDepartmentId: 'finance' }));
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.issues).toEqual([expect.objectContaining({ path: ['ownerDepartmentId'], message: expect.stringContaining('finance') })]);
    const edit = await refused(depsOf(m), { ...problemFields({ taskId: 't', ownerDepartmentId: 'nobody' }), id: 'p' });
    expect(edit.code).toBe('INVALID_INPUT');
    const retired = await refused(
      { ...depsOf(m), org: withRetired(demoOrg, 'edu') },
      problemFields({ taskId: 't', ownerDepartmentId: 'edu' }),
    );
    expect(retired.code).toBe('INVALID_INPUT');
    expect([...m.problems.values()]).toEqual(before);
    // A station is a unit like any other.
    expect(
      await ledger.saveProblem(depsOf(m), dispatcher, problemFields({ taskId: 't', ownerDepartmentId: 'station-hekou' })),
    ).toMatchObject({
      ownerDepartmentId: 'station-hekou',
    });
  });

  test('a task set up with an unknown owner or linked unit is refused at each such field, and stays as it was', async () => {
    const m = memoryPort({ tasks: [aTask({ _id: 't', ownerDepartments: ['civil'] })] });
    const e = await ledger
      .setUpTask(depsOf(m), dispatcher, {
        id: 't',
        ownerDepartments: ['civil', 'finance'],
        link: { metric: 'rates', departmentId: 'gone' },
      })
      .then(
        () => null,
        (err: unknown) => err as AppError,
      );
    expect(e?.code).toBe('INVALID_INPUT');
    expect(e?.issues?.map((i) => i.path)).toEqual([
      ['ownerDepartments', 1],
      ['link', 'departmentId'],
    ]);
    expect(m.tasks.get('t')?.ownerDepartments).toEqual(['civil']);
    const saved = await ledger.setUpTask(depsOf(m), dispatcher, { id: 't', ownerDepartments: ['civil', 'station-liulin'] });
    expect(saved.ownerDepartments).toEqual(['civil', 'station-liulin']);
  });
});
