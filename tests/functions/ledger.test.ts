import { parseStandard } from '../../core/server/standard-xlsx';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import { SAMPLE_STANDARD } from '../../core/ledger/sample-standard';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
/** 5月31日 of the demo's campaign (the clock starts in November 2026): the year a 4月底 falls in. */
const CAMPAIGN_END = '2027-05-31';
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['ledger', 'cases', 'files'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterEach(() => t.close());

const ledger = (event: Record<string, unknown>, openid: string | null) => t.call<Data>('ledger', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};
const taskByCode = async (code: string) => (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items.find((x: Data) => x.code === code);

test('import of the sample .xlsx creates the areas and tasks; export gives back the same content with status and scores', async () => {
  // Start from nothing: the sample arrives as the office would receive it, as a spreadsheet.
  for (const c of ['ledger_areas', 'ledger_tasks'])
    for (const d of t.cloud.database.all(c))
      t.cloud.database.handle('database.removeDocument', { collectionName: c, query: JSON.stringify({ _id: d._id }), multi: false });
  expect(await ok(ledger({ action: 'tasks' }, 'dispatcher'))).toMatchObject({ total: 0 });
  const sample = await ok(ledger({ action: 'sampleTemplate' }, 'staff-edu'));
  const sampleSheet = await parseStandard(t.cloud.storage.get(sample.fileID) as Buffer, DEMO_ORGANIZATION, CAMPAIGN_END);
  expect(sampleSheet.title).toContain('示例');
  const sampleTasks = sampleSheet.areas.flatMap((a) => a.tasks);
  // The office downloads the sample and uploads it again: an import reads only the caller's own upload.
  const sampleUpload = (openid: string) => t.upload(openid, '考评标准.xlsx', t.cloud.storage.get(sample.fileID) as Buffer);
  expect(await ledger({ action: 'importStandard', fileID: await sampleUpload('staff-edu') }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await ledger({ action: 'importStandard', fileID: sample.fileID }, 'dispatcher')).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND', issues: [{ path: ['fileID'] }] },
  });
  const imported = await ok(ledger({ action: 'importStandard', fileID: await sampleUpload('dispatcher') }, 'dispatcher'));
  // 78 rows, the 各乡镇（街道） one a task for each of the eight stations.
  const taskCount = SAMPLE_STANDARD.reduce((n, a) => n + a.tasks.length, 0) - 1 + 8;
  expect(imported).toMatchObject({ areas: SAMPLE_STANDARD.length, rows: 78, created: taskCount, updated: 0 });

  const edu = await taskByCode('2.3');
  await ok(
    ledger({ action: 'addEvidence', taskId: edu.id, name: '入学安排名单', description: '2026 年秋季军人子女入学名单' }, 'staff-edu'),
  );
  await ok(ledger({ action: 'updateTask', id: edu.id, status: 'ready', selfScore: 2 }, 'staff-edu'));
  await ok(ledger({ action: 'accept', taskId: edu.id, score: 1.5 }, 'dispatcher'));

  const exported = await ok(ledger({ action: 'exportStandard' }, 'staff-edu'));
  const back = await parseStandard(t.cloud.storage.get(exported.fileID) as Buffer, DEMO_ORGANIZATION, CAMPAIGN_END);
  expect(back.areas.map((a) => [a.name, a.points])).toEqual(SAMPLE_STANDARD.map((a) => [a.name, a.points]));
  // Every task comes back as it went in: its wording, units (牵头 first), 完成时限, 佐证材料 and 乡镇 part.
  const wording = ({ code, content, points, ownerDepartments, deadline, ongoing, evidenceNeeded, part }: Data) =>
    JSON.stringify({ code, content, points, ownerDepartments, deadline, ongoing, evidenceNeeded, part });
  expect(back.areas.flatMap((a) => a.tasks.map(wording))).toEqual(sampleTasks.map(wording));
  expect(back.rows).toBe(taskCount);
  expect(back.areas[1]?.tasks[2]).toMatchObject({
    code: '2.3',
    status: 'accepted',
    acceptedScore: 1.5,
    selfScore: 2,
    ownerDepartments: ['edu'],
  });
  expect(back.areas[0]?.tasks[0]).toMatchObject({
    code: '1.1',
    status: 'not_started',
    points: 2,
    evidenceKind: '档案资料',
    deadline: '2027-04-30',
  });

  // Re-importing the export keeps what departments did.
  const reuploaded = await t.upload('dispatcher', '台账.xlsx', t.cloud.storage.get(exported.fileID) as Buffer);
  expect(await ok(ledger({ action: 'importStandard', fileID: reuploaded }, 'dispatcher'))).toMatchObject({
    created: 0,
    updated: taskCount,
  });
  expect(await taskByCode('2.3')).toMatchObject({ status: 'accepted', evidence: [expect.objectContaining({ name: '入学安排名单' })] });
});

test('a sheet with mistakes is refused row by row and imports nothing', async () => {
  const ExcelJS = require('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('考评标准');
  sheet.addRow(['某省标准']);
  sheet.addRow(['序号', '考评内容', '分值', '评分标准', '证据类型', '责任单位', '完成时限']);
  sheet.addRow(['一、组织领导坚强有力（6分）']);
  sheet.addRow(['1.1', '有规划', 2, '有文件', '档案资料', '双拥办', '2027-04-30']);
  sheet.addRow(['1.2', '有会议', 'two', '有记录', '照片', '火星局', '明年']);
  const fileID = await t.upload('dispatcher', 'bad.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  const before = JSON.stringify(t.cloud.database.all('ledger_tasks'));
  const res = await ledger({ action: 'importStandard', fileID }, 'dispatcher');
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  if (!res.ok)
    expect(res.error.issues?.map((i) => i.message).join(' ')).toMatch(
      /第 5 行：分值要是正数，不认识“two”.*第 5 行：完成时限“明年”看不懂.*第 5 行：证据类型只能是.*第 5 行：不认识“火星局”，本县没有这个单位/,
    );
  expect(JSON.stringify(t.cloud.database.all('ledger_tasks'))).toBe(before);
});

test('a task linked to the 三率 shows the same figure as cases.stats for the period', async () => {
  const submit = async (who: string, category: string) => (await ok(t.call('cases', aSubmission({ category }), who) as never)).caseId;
  const a = await submit('a', 'children');
  await submit('b', 'children');
  await submit('c', 'employment');
  t.cloud.clock.set('2026-11-02T10:00:00+08:00');
  await ok(t.call('cases', { action: 'accept', caseId: a }, 'staff-edu') as never);
  const period = { from: '2026-11-01', to: '2026-11-30' };
  const stats = await ok(t.call('cases', { action: 'stats', ...period }, 'dispatcher') as never);

  const county = await ok(ledger({ action: 'task', id: (await taskByCode('2.1')).id, ...period }, 'staff-edu'));
  expect(county.live.figures.responseRate).toEqual(stats.total.responseRate);
  expect(county.live.figures.responseRate).toEqual({ numerator: 1, denominator: 3, value: 0.333 });
  const eduTask = await ok(ledger({ action: 'task', id: (await taskByCode('2.3')).id, ...period }, 'staff-edu'));
  expect(eduTask.live.figures.responseRate).toEqual(stats.departments.find((d: Data) => d.departmentId === 'edu').responseRate);
});

test('departments edit only their own tasks; residents see nothing of the ledger', async () => {
  const eduTask = await taskByCode('2.3');
  const officeTask = await taskByCode('1.1');
  expect(eduTask.editable).toBe(true);
  const asEdu = (await ok(ledger({ action: 'tasks' }, 'staff-edu'))).items;
  expect(asEdu.find((x: Data) => x.code === '1.1').editable).toBe(false);
  expect(asEdu.find((x: Data) => x.code === '2.3').editable).toBe(true);
  expect(await ledger({ action: 'updateTask', id: officeTask.id, status: 'in_progress' }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await ledger({ action: 'addEvidence', taskId: officeTask.id, name: 'x', description: 'y' }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await ledger({ action: 'updateTask', id: eduTask.id, status: 'ready' }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  }); // no evidence yet
  expect(await ledger({ action: 'accept', taskId: eduTask.id, score: 2 }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  for (const action of ['board', 'tasks'])
    expect(await ledger({ action }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await ledger({ action: 'board' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('evidence, ready, accepted: the board moves; problems and urges reach the department', async () => {
  const before = await ok(ledger({ action: 'board' }, 'dispatcher'));
  const task = await taskByCode('2.3');
  await ok(ledger({ action: 'addEvidence', taskId: task.id, name: '名单', description: '入学名单' }, 'staff-edu'));
  await ok(ledger({ action: 'updateTask', id: task.id, status: 'ready', selfScore: 2 }, 'staff-edu'));
  expect(await ledger({ action: 'updateTask', id: task.id, selfScore: 9 }, 'staff-edu')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  await ok(ledger({ action: 'accept', taskId: task.id, score: 2 }, 'dispatcher'));
  const after = await ok(ledger({ action: 'board' }, 'dispatcher'));
  expect(after.total.accepted).toBe(before.total.accepted + 1);
  expect(after.total.expected).toBe(before.total.expected + 2);
  // edu owns 2.3 and shares 5.3: one of its two tasks is accepted.
  expect(before.departments.find((d: Data) => d.departmentId === 'edu').progress).toBe(0);
  expect(after.departments.find((d: Data) => d.departmentId === 'edu').progress).toBe(50);

  const problem = await ok(
    ledger(
      {
        action: 'saveProblem',
        taskId: task.id,
        description: '名单缺两名随军子女',
        measure: '补录',
        ownerDepartmentId: 'edu',
        deadline: '2026-11-01',
      },
      'staff-edu',
    ),
  );
  expect((await ok(ledger({ action: 'board' }, 'dispatcher'))).overdueProblems.map((p: Data) => p.id)).toEqual([problem._id]);
  t.cloud.database.write('subscriptions', 'staff-civil:case_new', { remaining: 1 });
  const urged = await ok(ledger({ action: 'urge', taskId: (await taskByCode('2.2')).id, note: '本周内补齐台账' }, 'dispatcher'));
  expect(urged.urges).toEqual([expect.objectContaining({ note: '本周内补齐台账' })]);
  expect(t.cloud.database.all('outbox').map((m) => m.touser)).toEqual(['staff-civil']);
  expect(await ledger({ action: 'urge', taskId: task.id }, 'dispatcher')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const report = await ok(ledger({ action: 'report', from: '2026-11-01', to: '2026-11-30' }, 'dispatcher'));
  expect(report).toMatchObject({
    period: { from: '2026-11-01', to: '2026-11-30' },
    file: { fileID: expect.stringMatching(/^cloud:\/\//) },
  });
  expect(report.changed.map((c: Data) => c.code)).toEqual(expect.arrayContaining(['2.3', '2.2']));
});

test('importing the blank template over a live ledger keeps every task’s progress', async () => {
  const task = await taskByCode('2.3');
  await ok(ledger({ action: 'addEvidence', taskId: task.id, name: '名单', description: '入学名单' }, 'staff-edu'));
  await ok(ledger({ action: 'updateTask', id: task.id, status: 'ready', selfScore: 2 }, 'staff-edu'));
  const sample = await ok(ledger({ action: 'sampleTemplate' }, 'dispatcher'));
  const sheet = await parseStandard(t.cloud.storage.get(sample.fileID) as Buffer, DEMO_ORGANIZATION, CAMPAIGN_END);
  expect(sheet.areas.flatMap((a) => a.tasks).every((x) => x.status === undefined && x.selfScore === undefined)).toBe(true);
  const blank = await t.upload('dispatcher', '考评标准.xlsx', t.cloud.storage.get(sample.fileID) as Buffer);
  await ok(ledger({ action: 'importStandard', fileID: blank }, 'dispatcher'));
  expect(await ok(ledger({ action: 'task', id: task.id }, 'staff-edu'))).toMatchObject({ status: 'ready', selfScore: 2, overdue: false });
});

test('the policies figure counts what is in force and what was published in the period', async () => {
  const task = await taskByCode('3.2');
  const thisMonth = await ok(ledger({ action: 'task', id: task.id, from: '2026-11-01', to: '2026-11-30' }, 'staff-vab'));
  const published = t.cloud.database.all('policies').filter((p) => p.status === 'published').length;
  expect(published).toBeGreaterThanOrEqual(60);
  expect(thisMonth.live.figures).toEqual({ published, publishedInPeriod: published });
  const earlier = await ok(ledger({ action: 'task', id: task.id, from: '2026-10-01', to: '2026-10-31' }, 'staff-vab'));
  expect(earlier.live.figures).toEqual({ published, publishedInPeriod: 0 });
});

test('the policies figure counts a 10,000-policy catalog past the 1000 a read returns, by the day in UTC+8', async () => {
  const seedPublished = t.cloud.database.all('policies').filter((p) => p.status === 'published').length;
  for (let i = 0; i < 1200; i++)
    t.cloud.database.write('policies', `bulk-${i}`, { title: `政策${i}`, status: 'published', publishedAt: '2026-10-15T02:00:00.000Z' });
  for (let i = 0; i < 30; i++) t.cloud.database.write('policies', `draft-${i}`, { title: `草稿${i}`, status: 'draft' });
  // 2026-10-31 23:30 and 2026-11-01 00:10 in UTC+8: the first is October's, the second November's.
  t.cloud.database.write('policies', 'late-october', { status: 'published', publishedAt: '2026-10-31T15:30:00.000Z' });
  t.cloud.database.write('policies', 'early-november', { status: 'published', publishedAt: '2026-10-31T16:10:00.000Z' });
  const task = await taskByCode('3.2');
  const published = seedPublished + 1202;
  const october = await ok(ledger({ action: 'task', id: task.id, from: '2026-10-01', to: '2026-10-31' }, 'staff-vab'));
  expect(october.live.figures).toEqual({ published, publishedInPeriod: 1201 });
  const november = await ok(ledger({ action: 'task', id: task.id, from: '2026-11-01', to: '2026-11-30' }, 'staff-vab'));
  expect(november.live.figures).toEqual({ published, publishedInPeriod: seedPublished + 1 });
});

test('the job fairs figure counts every sign-up of the period’s fairs, past 1000', async () => {
  const fair = (id: string, startAt: string, status = 'published') =>
    t.cloud.database.write('fairs', id, { title: id, startAt, status, capacity: 2000, confirmedCount: 0, seated: [], waitQueue: [] });
  fair('march', '2026-03-15T01:00:00.000Z');
  fair('march-last-evening', '2026-03-31T15:30:00.000Z'); // 2026-03-31 23:30 UTC+8
  fair('april-first-night', '2026-03-31T16:30:00.000Z'); // 2026-04-01 00:30 UTC+8
  fair('march-cancelled', '2026-03-20T01:00:00.000Z', 'cancelled');
  const signup = (eventId: string, i: number, status: string, outcome?: string) =>
    t.cloud.database.write('signups', `${eventId}:p${i}`, { eventId, openid: `p${i}`, status, ...(outcome ? { outcome } : {}) });
  // At the big fair: 750 confirmed, 310 checked in (120 of them hired), 40 cancelled.
  for (let i = 0; i < 1100; i++)
    signup('march', i, i < 750 ? 'confirmed' : i < 1060 ? 'checkedIn' : 'cancelled', i >= 750 && i < 870 ? 'hired' : undefined);
  for (let i = 0; i < 5; i++) signup('march-last-evening', i, 'checkedIn', 'hired');
  for (let i = 0; i < 7; i++) signup('april-first-night', i, 'checkedIn', 'hired');
  for (let i = 0; i < 9; i++) signup('march-cancelled', i, 'confirmed');
  const task = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items.find((x: Data) => x.link?.metric === 'fairs');
  const march = await ok(ledger({ action: 'task', id: task.id, from: '2026-03-01', to: '2026-03-31' }, 'dispatcher'));
  expect(march.live.figures).toEqual({ fairs: 2, signedUp: 1065, checkedIn: 315, hired: 125 });
  const empty = await ok(ledger({ action: 'task', id: task.id, from: '2026-02-01', to: '2026-02-28' }, 'dispatcher'));
  expect(empty.live.figures).toEqual({ fairs: 0, signedUp: 0, checkedIn: 0, hired: 0 });
});

test('the report reads each source once, however many tasks are linked to it', async () => {
  const { forgetCalendarOverrides } = require('../../cloudfunctions/_lib/settings') as { forgetCalendarOverrides(): void };
  const submit = async (who: string, category: string) => (await ok(t.call('cases', aSubmission({ category }), who) as never)).caseId;
  for (const [i, category] of ['children', 'employment', 'housing', 'children'].entries()) await submit(`r${i}`, category);
  const database = t.cloud.database;
  const handle = database.handle.bind(database);
  let reads = 0;
  database.handle = (action, params) => {
    if (/getDocument|calculateDocument|aggregateDocuments/.test(action)) reads++;
    return handle(action, params);
  };
  const report = async () => {
    forgetCalendarOverrides(); // every measured call reads the calendar settings too
    reads = 0;
    const res = await ok(ledger({ action: 'report', from: '2026-11-01', to: '2026-11-30' }, 'dispatcher'));
    return { reads, live: res.live as Data[] };
  };
  const few = await report();
  expect(few.live.length).toBeGreaterThanOrEqual(4);
  expect(few.reads).toBeGreaterThan(0);

  // Link twelve more tasks, to every kind of figure.
  const links = [
    { metric: 'rates' },
    { metric: 'rates', departmentId: 'edu' },
    { metric: 'cases_resolved' },
    { metric: 'fairs' },
    { metric: 'policies_published' },
  ];
  const unlinked = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items.filter((x: Data) => !x.link).slice(0, 12);
  expect(unlinked).toHaveLength(12);
  for (const [i, task] of unlinked.entries())
    await ok(ledger({ action: 'saveTask', id: task.id, link: links[i % links.length] }, 'dispatcher'));

  const many = await report();
  expect(many.live).toHaveLength(few.live.length + 12);
  expect(many.reads).toBe(few.reads);
  // Tasks linked to the same figure show the same numbers.
  const byLink = new Map<string, unknown>();
  for (const e of many.live) {
    // The same figure: the same metric, narrowed alike (a unit, a kind, a star level).
    const key = `${e.metric}/${e.departmentId ?? ''}/${e.kind ?? ''}/${e.minStars ?? ''}`;
    if (!byLink.has(key)) byLink.set(key, e.figures);
    expect(e.figures).toEqual(byLink.get(key));
  }
  expect(many.live.find((e) => e.metric === 'rates' && e.departmentId === null)?.figures.received).toBe(4);
});

test('the 三率 figure reads every case of the period, page by page, even cases routed in the same millisecond', async () => {
  const routedAt = '2026-03-10T02:00:00.000Z';
  for (let i = 0; i < 1500; i++)
    t.cloud.database.write('cases', `bulk-${(i * 7919) % 1500}`, {
      routedAt,
      category: 'employment',
      departmentId: 'hrss',
      status: i < 600 ? 'resolved' : 'assigned',
      resolvedAt: i < 600 ? '2026-03-12T02:00:00.000Z' : undefined,
      reopenCount: 0,
      signedOnTime: i % 3 === 0,
    });
  const period = { from: '2026-03-01', to: '2026-03-31' };
  const county = await ok(ledger({ action: 'task', id: (await taskByCode('2.1')).id, ...period }, 'dispatcher'));
  expect(county.live.figures).toMatchObject({ received: 1500, responseRate: { numerator: 500, denominator: 1500 } });
  const resolved = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items.find((x: Data) => x.link?.metric === 'cases_resolved');
  await ok(ledger({ action: 'saveTask', id: resolved.id, link: { metric: 'cases_resolved', departmentId: 'hrss' } }, 'dispatcher'));
  expect((await ok(ledger({ action: 'task', id: resolved.id, ...period }, 'dispatcher'))).live.figures).toEqual({
    resolved: 600,
    received: 1500,
  });
});

test("a department edits only the problems of its own tasks: the stored problem's task decides, not the one sent", async () => {
  const eduTask = await taskByCode('2.3');
  const civilTask = await taskByCode('2.2');
  const fields = { description: '台账缺少会议纪要', measure: '补齐纪要', ownerDepartmentId: 'civil', deadline: '2026-12-31' };
  const civils = await ok(ledger({ action: 'saveProblem', taskId: civilTask.id, ...fields }, 'staff-civil'));
  const edus = await ok(ledger({ action: 'saveProblem', taskId: eduTask.id, ...fields, ownerDepartmentId: 'edu' }, 'staff-edu'));
  const stored = () => JSON.stringify(t.cloud.database.all('ledger_problems'));
  const before = stored();
  const refused = { ok: false, error: { code: 'FORBIDDEN' } };
  // 教育局 sends its own task's id with 民政局's problem: refused, the problem untouched.
  expect(await ledger({ action: 'saveProblem', id: civils._id, taskId: eduTask.id, ...fields, state: 'done' }, 'staff-edu')).toMatchObject(
    refused,
  );
  expect(
    await ledger({ action: 'saveProblem', id: civils._id, taskId: civilTask.id, ...fields, state: 'done' }, 'staff-edu'),
  ).toMatchObject(refused);
  // Nor may it move its own problem onto another department's task.
  expect(await ledger({ action: 'saveProblem', id: edus._id, taskId: civilTask.id, ...fields }, 'staff-edu')).toMatchObject(refused);
  expect(stored()).toBe(before);
  // The owning department and the 双拥办 still edit it.
  await ok(ledger({ action: 'saveProblem', id: civils._id, taskId: civilTask.id, ...fields, state: 'done' }, 'staff-civil'));
  await ok(ledger({ action: 'saveProblem', id: edus._id, taskId: civilTask.id, ...fields }, 'dispatcher'));
  expect(t.cloud.database.read('ledger_problems', civils._id)).toMatchObject({ state: 'done', taskId: civilTask.id });
  expect(t.cloud.database.read('ledger_problems', edus._id)).toMatchObject({ taskId: civilTask.id });
});

test('the board counts every open problem, past the 1000 a read returns', async () => {
  const task = await taskByCode('2.3');
  const before = (await ok(ledger({ action: 'board' }, 'dispatcher'))).departments.find((d: Data) => d.departmentId === 'edu').openProblems;
  for (let i = 0; i < 1050; i++)
    t.cloud.database.write('ledger_problems', `p-${i}`, {
      taskId: task.id,
      description: `问题${i}`,
      measure: '整改',
      ownerDepartmentId: 'edu',
      deadline: '2026-10-01',
      state: i < 1020 ? 'open' : 'done',
      createdAt: '2026-09-01T00:00:00.000Z',
      updatedAt: '2026-09-01T00:00:00.000Z',
    });
  const board = await ok(ledger({ action: 'board' }, 'dispatcher'));
  expect(board.departments.find((d: Data) => d.departmentId === 'edu').openProblems).toBe(before + 1020);
  expect(board.overdueProblems.filter((p: Data) => p.taskId === task.id)).toHaveLength(1020);
  expect((await ok(ledger({ action: 'problems', taskId: task.id }, 'dispatcher'))).items).toHaveLength(1050);
});
