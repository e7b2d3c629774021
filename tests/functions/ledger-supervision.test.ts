/**
 * Milestones, automatic 督办 and the weekly report, through the ledger function and its hourly timer on the
 * local cloud: the clock moved as a test moves it, the timer fired as the host fires it, the messages read
 * from the local outbox (one per consent the person gave).
 */
import ExcelJS from 'exceljs';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  // Monday 2026-11-02 09:00 UTC+8.
  t = startTestCloud({ functions: ['ledger', 'files'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterEach(() => t.close());

const ledger = (event: Record<string, unknown>, openid: string | null) => t.call<Data>('ledger', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};
const fireTimer = () => t.cloud.invoke('ledger', { Type: 'Timer', TriggerName: 'hourly-supervision', Time: '' }, null, 'wx_timer');
const timer = async () => ok(fireTimer() as never);
/** One-time consent to the staff template: that many messages may reach the person. */
const consent = (openid: string, n = 100) => t.cloud.database.write('subscriptions', `${openid}:case_new`, { remaining: n });
const outbox = () =>
  t.cloud.database.all('outbox') as unknown as { touser: string; page: string; data: Record<string, { value: string }> }[];
const tasks = async () => (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items as Data[];

test('the ledger function declares its hourly timer, as the cases function does', () => {
  expect(t.cloud.timers.list()).toEqual(expect.arrayContaining([expect.objectContaining({ fn: 'ledger', trigger: 'hourly-supervision' })]));
});

test('past 4月30日, a task its unit has not finished is urged and the unit told, once that day', async () => {
  consent('staff-edu');
  consent('staff-civil');
  const all = await tasks();
  const edu = all.find((x) => x.ownerDepartments.includes('edu')) as Data;
  // The 双拥办 gives the task the first milestone's date; every other task is put beyond the second.
  await ok(ledger({ action: 'saveTask', id: edu.id, deadline: '2027-04-30' }, 'dispatcher'));
  for (const other of all.filter((x) => x.id !== edu.id))
    await ok(ledger({ action: 'saveTask', id: other.id, deadline: '2027-06-30' }, 'dispatcher'));

  const before = await ok(ledger({ action: 'board' }, 'staff-edu'));
  expect(before.milestones.map((m: Data) => [m.date, m.name, m.passed])).toEqual([
    ['2027-04-30', '整体提标', false],
    ['2027-05-31', '迎查准备', false],
  ]);
  expect(before.milestones[0].daysLeft).toBe(179);
  expect(before.milestones[0].tasks.map((x: Data) => [x.id, x.late])).toEqual([[edu.id, false]]);

  // 2027-04-30, 10:00: on time still.
  t.cloud.clock.set('2027-04-30T10:00:00+08:00');
  expect(await timer()).toMatchObject({ urged: 0, problemsUrged: 0 });

  // 2027-05-01, 10:00: past the milestone.
  t.cloud.clock.set('2027-05-01T10:00:00+08:00');
  const sentBefore = outbox().length;
  expect(await timer()).toMatchObject({ urged: 1, problemsUrged: 0 });
  const stored = t.cloud.database.read('ledger_tasks', edu.id) as Data;
  expect(stored.urges).toEqual([
    { at: '2027-05-01T02:00:00.000Z', note: '已过4月30日整体提标节点，请尽快完成', by: 'system', automatic: true },
  ]);
  const urges = outbox()
    .slice(sentBefore)
    .filter((m) => m.page.startsWith('subpackages/ledger/task'));
  expect(urges.map((m) => [m.touser, m.page])).toEqual([['staff-edu', `subpackages/ledger/task?id=${edu.id}`]]);
  expect(urges[0]?.data.thing1?.value).toBe(`创建任务督办 ${edu.code}`);

  // The board turns it red under the passed milestone and counts the 督办 on the unit's row.
  const after = await ok(ledger({ action: 'board' }, 'leader'));
  expect(after.milestones[0]).toMatchObject({ passed: true, daysLeft: -1, tasks: [{ id: edu.id, late: true }] });
  expect(after.overdueTasks.map((x: Data) => x.id)).toEqual([edu.id]);
  expect(after.departments.find((d: Data) => d.departmentId === 'edu').urges).toBe(1);
  expect(after.departments.find((d: Data) => d.departmentId === 'civil').urges).toBe(0);

  // The timer again that day: nothing more.
  t.cloud.clock.set('2027-05-01T16:00:00+08:00');
  const sent = outbox().length;
  expect(await timer()).toMatchObject({ urged: 0 });
  expect(outbox().filter((m) => m.page.startsWith('subpackages/ledger/task'))).toHaveLength(urges.length);
  expect(outbox().length).toBe(sent);
  expect((t.cloud.database.read('ledger_tasks', edu.id) as Data).urges).toHaveLength(1);

  // Accepted, it is urged no more.
  await ok(ledger({ action: 'addEvidence', taskId: edu.id, name: '名单', description: '入学名单' }, 'staff-edu'));
  await ok(ledger({ action: 'updateTask', id: edu.id, status: 'ready', selfScore: 1 }, 'staff-edu'));
  await ok(ledger({ action: 'accept', taskId: edu.id, score: 1 }, 'dispatcher'));
  t.cloud.clock.set('2027-05-02T10:00:00+08:00');
  expect(await timer()).toMatchObject({ urged: 0 });
});

test('a problem past its deadline is urged to its unit with its task', async () => {
  consent('staff-civil');
  const task = (await tasks()).find((x) => x.ownerDepartments.includes('civil')) as Data;
  const problem = await ok(
    ledger(
      {
        action: 'saveProblem',
        taskId: task.id,
        description: '台账缺会议纪要',
        measure: '补齐',
        ownerDepartmentId: 'civil',
        deadline: '2026-11-10',
      },
      'staff-civil',
    ),
  );
  t.cloud.clock.set('2026-11-11T09:30:00+08:00');
  expect(await timer()).toMatchObject({ problemsUrged: 1 });
  expect((t.cloud.database.read('ledger_problems', problem._id) as Data).urges).toEqual([expect.objectContaining({ automatic: true })]);
  expect(outbox().filter((m) => m.touser === 'staff-civil' && m.page === `subpackages/ledger/task?id=${task.id}`)).toHaveLength(1);
  expect(await timer()).toMatchObject({ problemsUrged: 0 });
  const problems = (await ok(ledger({ action: 'problems', taskId: task.id }, 'staff-civil'))).items;
  expect(problems[0].urges).toHaveLength(1);
});

test('the Monday timer writes one report, sends each unit its line, and next week’s compares with it', async () => {
  consent('staff-edu');
  consent('staff-civil');
  // Monday 2026-11-09 08:00.
  t.cloud.clock.set('2026-11-09T08:00:00+08:00');
  expect(await timer()).toMatchObject({ report: '2026-W46' });
  expect(t.cloud.database.all('ledger_reports')).toHaveLength(1);
  const board = await ok(ledger({ action: 'board' }, 'dispatcher'));
  const lines = outbox().filter((m) => m.page === 'subpackages/ledger/weekly?id=2026-W46');
  // Only the people who gave consent receive it; the others are counted as missed.
  expect(lines.map((m) => m.touser).sort()).toEqual(['staff-civil', 'staff-edu']);
  const edu = board.departments.find((d: Data) => d.departmentId === 'edu');
  const eduLine = lines.find((m) => m.touser === 'staff-edu');
  expect(eduLine?.data.thing1?.value).toBe('创建周报 教育局');
  expect(eduLine?.data.thing2?.value).toBe(`验收${edu.accepted}/${edu.tasks}，逾期${edu.overdue}，预计${edu.expected}分`);
  expect(eduLine?.data.character_string3?.value).toBe('2026-W46');

  // Again that hour and later that week: the same report, nothing sent again.
  t.cloud.clock.set('2026-11-09T09:00:00+08:00');
  expect(await timer()).toMatchObject({ report: null });
  t.cloud.clock.set('2026-11-13T17:00:00+08:00');
  expect(await timer()).toMatchObject({ report: null });
  expect(t.cloud.database.all('ledger_reports')).toHaveLength(1);
  expect(outbox().filter((m) => m.page.startsWith('subpackages/ledger/weekly'))).toHaveLength(2);

  // A leader reads the whole report, with its workbook.
  const list = await ok(ledger({ action: 'reports' }, 'leader'));
  expect(list.items).toEqual([
    expect.objectContaining({ id: '2026-W46', day: '2026-11-09', period: { from: '2026-11-02', to: '2026-11-08' } }),
  ]);
  const first = await ok(ledger({ action: 'reportGet', id: '2026-W46' }, 'leader'));
  expect(first.units.length).toBe(board.departments.length);
  expect(first.units.find((u: Data) => u.departmentId === 'edu')).toMatchObject({ tasks: edu.tasks, accepted: 0 });
  expect(first.comparison).toMatchObject({ previousId: null });
  expect(first.delivery).toMatchObject({ units: board.departments.length, sent: 2 });
  expect(first.delivery.missed).toBeGreaterThan(0);
  expect(first.file).toMatchObject({ name: '创建工作周报（11月9日）.xlsx', url: expect.any(String) });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(t.cloud.storage.get(first.file.fileID) as never);
  expect(book.worksheets[0]?.getCell('A1').value).toBe('双拥模范县创建工作周报（11月9日）');

  // 教育局 marks one task met that Friday; the next Monday's report says it moved, the rest stalled.
  const eduTask = (await tasks()).find((x) => x.ownerDepartments.includes('edu')) as Data;
  await ok(ledger({ action: 'addEvidence', taskId: eduTask.id, name: '名单', description: '入学名单' }, 'staff-edu'));
  await ok(ledger({ action: 'updateTask', id: eduTask.id, status: 'ready', selfScore: 1 }, 'staff-edu'));
  t.cloud.clock.set('2026-11-16T08:00:00+08:00');
  expect(await timer()).toMatchObject({ report: '2026-W47' });
  const second = await ok(ledger({ action: 'reportGet', id: '2026-W47' }, 'dispatcher'));
  expect(second).toMatchObject({ changed: 1, comparison: { previousId: '2026-W46', previousDay: '2026-11-09' } });
  const trends = Object.fromEntries(second.comparison.units.map((u: Data) => [u.departmentId, u.trend]));
  expect(trends.edu).toBe('moved');
  expect(trends.civil).toBe('stalled');
  expect((await ok(ledger({ action: 'reports' }, 'dispatcher'))).items.map((r: Data) => [r.id, r.moved])).toEqual([
    ['2026-W47', 1],
    ['2026-W46', 0],
  ]);

  // A unit's staff open the report their message links to; residents see none of it.
  expect(await ok(ledger({ action: 'reportGet', id: '2026-W47' }, 'staff-edu'))).toMatchObject({ id: '2026-W47' });
  expect(await ledger({ action: 'reportGet', id: '2026-W47' }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await ledger({ action: 'reportGet', id: '2026-W40' }, 'leader')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

test('two timer runs at once write the week’s report once and send each line once', async () => {
  consent('staff-edu');
  t.cloud.clock.set('2026-11-09T08:00:00+08:00');
  const runs = (await Promise.all([fireTimer(), fireTimer(), fireTimer()])) as { ok: boolean; data: Data }[];
  expect(runs.map((r) => r.ok)).toEqual([true, true, true]);
  expect(runs.map((r) => r.data.report).filter(Boolean)).toEqual(['2026-W46']);
  expect(t.cloud.database.all('ledger_reports')).toHaveLength(1);
  expect(outbox().filter((m) => m.touser === 'staff-edu' && m.page.startsWith('subpackages/ledger/weekly'))).toHaveLength(1);
});

test('the 双拥办 moves the report to Friday 17:00 and sets its own milestones; leaders read them, units cannot change them', async () => {
  const milestones = [
    { date: '2027-03-31', name: '自查自评' },
    { date: '2027-05-20', name: '迎查准备' },
  ];
  const saved = await ok(ledger({ action: 'saveMilestones', milestones, report: { weekday: 5, hour: 17 } }, 'dispatcher'));
  expect(saved).toMatchObject({ custom: true, report: { weekday: 5, hour: 17 }, nextReportAt: '2026-11-06T17:00:00+08:00' });
  for (const who of ['staff-edu', 'leader'])
    expect(await ledger({ action: 'saveMilestones', milestones }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await ok(ledger({ action: 'milestones' }, 'leader'))).toMatchObject({
    milestones: [
      { date: '2027-03-31', name: '自查自评', passed: false },
      { date: '2027-05-20', name: '迎查准备' },
    ],
  });
  expect((await ok(ledger({ action: 'board' }, 'staff-edu'))).milestones.map((m: Data) => m.name)).toEqual(['自查自评', '迎查准备']);

  // Not on Monday any more: on Friday at 17:00.
  t.cloud.clock.set('2026-11-06T16:59:00+08:00');
  expect(await timer()).toMatchObject({ report: '2026-W44' });
  t.cloud.clock.set('2026-11-06T17:00:00+08:00');
  expect(await timer()).toMatchObject({ report: '2026-W45' });
  expect((await ok(ledger({ action: 'reportGet', id: '2026-W45' }, 'leader'))).period).toEqual({ from: '2026-10-30', to: '2026-11-05' });
});
