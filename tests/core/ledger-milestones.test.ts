import {
  calendarOf,
  campaignYear,
  defaultMilestones,
  lateness,
  milestoneBoard,
  problemsToUrge,
  tasksToUrge,
  urgesByUnit,
  urgingHours,
  type Milestone,
} from '../../core/ledger/milestones';
import type { ProblemRecord, TaskRecord } from '../../core/ledger/model';
import type { StandardSheet } from '../../core/ledger/port';
import { saveMilestones, viewMilestones, type ReportNotice, type SupervisionDeps } from '../../core/ledger/supervision';
import { runLedgerTimer, URGES_PER_RUN } from '../../core/ledger/timer';
import {
  compareLines,
  isoWeekKey,
  nextReportAt,
  reportSlot,
  unitMessage,
  type UnitLine,
  type WeeklyReportRecord,
} from '../../core/ledger/weekly-report';
import type { StoredLedgerCalendar } from '../../core/ledger/milestones';
import { aProblem, aTask, anArea, anEvidence } from './builders/ledger';
import { demoOrg } from './builders/org';

const MILESTONES: Milestone[] = [
  { date: '2027-04-30', name: '整体提标' },
  { date: '2027-05-31', name: '迎查准备' },
];

describe('milestones', () => {
  test('by default, 4月30日 整体提标 and 5月31日 迎查准备 of the year whose inspection is still ahead', () => {
    expect(campaignYear('2026-11-02')).toBe(2027);
    expect(campaignYear('2027-05-31')).toBe(2027);
    expect(campaignYear('2027-06-01')).toBe(2028);
    expect(defaultMilestones('2026-11-02')).toEqual(MILESTONES);
    expect(calendarOf(null, '2026-11-02')).toEqual({ milestones: MILESTONES, report: { weekday: 1, hour: 8 }, custom: false });
    // What the 双拥办 saved wins, sorted by date; the report's hour falls back to Monday 08:00.
    const saved = calendarOf({ milestones: [MILESTONES[1] as Milestone, { date: '2027-03-31', name: '自查' }] }, '2026-11-02');
    expect(saved.milestones.map((m) => m.date)).toEqual(['2027-03-31', '2027-05-31']);
    expect(saved).toMatchObject({ custom: true, report: { weekday: 1, hour: 8 } });
  });

  test('the board counts down to each milestone and lists what must close before it', () => {
    const tasks = [
      aTask({ _id: 'a', code: '1.1', deadline: '2027-04-30', status: 'in_progress' }),
      aTask({ _id: 'b', code: '1.2', deadline: '2027-03-31', status: 'accepted' }),
      aTask({ _id: 'c', code: '1.3', deadline: '2027-05-20', status: 'ready' }),
      aTask({ _id: 'd', code: '1.4', deadline: '2027-12-31' }),
    ];
    const problems = [
      aProblem({ _id: 'p1', deadline: '2027-04-15' }),
      aProblem({ _id: 'p2', deadline: '2027-04-15', state: 'done' }),
      aProblem({ _id: 'p3', deadline: '2027-05-31' }),
    ];
    const [april, may] = milestoneBoard(MILESTONES, tasks, problems, '2027-04-20');
    expect(april).toMatchObject({ date: '2027-04-30', daysLeft: 10, passed: false });
    // Accepted tasks and problems put right are off the list; the task due after the milestone is not on it.
    expect(april?.tasks.map((t) => [t.id, t.late])).toEqual([['a', false]]);
    expect(april?.problems.map((p) => [p.id, p.late])).toEqual([['p1', true]]);
    expect(may?.tasks.map((t) => t.id)).toEqual(['a', 'c']);
    expect(may?.problems.map((p) => p.id)).toEqual(['p1', 'p3']);

    // The day after: 4月30日 has passed, and what is left of its list is late.
    const [after] = milestoneBoard(MILESTONES, tasks, problems, '2027-05-01');
    expect(after).toMatchObject({ daysLeft: -1, passed: true });
    expect(after?.tasks.every((t) => t.late)).toBe(true);
    expect(milestoneBoard(MILESTONES, tasks, problems, '2027-04-30')[0]).toMatchObject({ daysLeft: 0, passed: false });
  });

  test('a late item names the milestone it missed, else its own deadline', () => {
    expect(lateness({ deadline: '2027-04-30' }, MILESTONES, '2027-04-30')).toBeNull();
    expect(lateness({ deadline: '2027-04-30' }, MILESTONES, '2027-05-01')).toEqual({ milestone: MILESTONES[0] });
    expect(lateness({ deadline: '2027-05-10' }, MILESTONES, '2027-05-11')).toEqual({});
    expect(lateness({ deadline: '2027-05-10' }, MILESTONES, '2027-06-01')).toEqual({ milestone: MILESTONES[1] });
  });
});

describe('automatic 督办', () => {
  const may1 = new Date('2027-05-01T02:00:00.000Z'); // 10:00 UTC+8

  test('late tasks still the units’ work are urged, once a day; a task waiting for acceptance is not', () => {
    const tasks = [
      aTask({ _id: 'late', deadline: '2027-04-30', status: 'in_progress' }),
      aTask({ _id: 'unstarted', deadline: '2027-04-10' }),
      aTask({ _id: 'waiting', deadline: '2027-04-30', status: 'ready', evidence: [anEvidence()] }),
      aTask({ _id: 'done', deadline: '2027-04-30', status: 'accepted' }),
      aTask({ _id: 'later', deadline: '2027-05-31' }),
      // Urged by the timer this morning (UTC+8), and by the 双拥办 by hand: only the timer's own count.
      aTask({
        _id: 'urgedToday',
        deadline: '2027-04-30',
        urges: [{ at: '2027-04-30T23:30:00.000Z', note: 'x', by: 'system', automatic: true }],
      }),
      aTask({ _id: 'urgedByHand', deadline: '2027-04-30', urges: [{ at: '2027-05-01T01:00:00.000Z', note: 'x', by: 'dispatcher' }] }),
      // Urged by the timer yesterday (UTC+8): due again today.
      aTask({
        _id: 'urgedYesterday',
        deadline: '2027-04-30',
        urges: [{ at: '2027-04-30T15:59:00.000Z', note: 'x', by: 'system', automatic: true }],
      }),
    ];
    const urged = tasksToUrge(tasks, MILESTONES, may1);
    expect(urged.map((u) => u.task._id)).toEqual(['late', 'unstarted', 'urgedByHand', 'urgedYesterday']);
    expect(urged[0]?.text).toBe('已过4月30日整体提标节点，请尽快完成');
    const own = tasksToUrge([aTask({ deadline: '2027-05-10' })], MILESTONES, new Date('2027-05-11T02:00:00.000Z'));
    expect(own[0]?.text).toBe('已过完成时限5月10日，请尽快完成');
  });

  test('open problems past their deadline are urged once a day; the timer urges from 9:00', () => {
    const problems = [
      aProblem({ _id: 'late', deadline: '2027-04-20' }),
      aProblem({ _id: 'fixed', deadline: '2027-04-20', state: 'done' }),
      aProblem({ _id: 'notYet', deadline: '2027-05-01' }),
      aProblem({
        _id: 'urged',
        deadline: '2027-04-20',
        urges: [{ at: '2027-05-01T01:00:00.000Z', note: 'x', by: 'system', automatic: true }],
      }),
    ];
    expect(problemsToUrge(problems, MILESTONES, may1).map((u) => u.problem._id)).toEqual(['late']);
    expect(urgingHours(new Date('2027-05-01T00:59:00.000Z'))).toBe(false); // 08:59
    expect(urgingHours(new Date('2027-05-01T01:00:00.000Z'))).toBe(true); // 09:00
  });

  test('each unit counts the 督办 on the tasks it owns and on its problems', () => {
    const urge = { at: '2027-05-01T01:00:00.000Z', note: 'x', by: 'system', automatic: true };
    const counts = urgesByUnit(
      [aTask({ ownerDepartments: ['civil', 'edu'], urges: [urge, urge] }), aTask({ ownerDepartments: ['edu'], urges: [urge] })],
      [aProblem({ ownerDepartmentId: 'civil', urges: [urge] }), aProblem({ ownerDepartmentId: 'hrss' })],
    );
    expect(Object.fromEntries(counts)).toEqual({ civil: 3, edu: 3, hrss: 0 });
  });
});

describe('the weekly report', () => {
  test('is due at the latest scheduled hour, keyed by its ISO week', () => {
    const monday = { weekday: 1, hour: 8 };
    // Monday 2027-05-03 07:59 UTC+8: still last week's.
    expect(reportSlot(new Date('2027-05-02T23:59:00.000Z'), monday)).toMatchObject({ day: '2027-04-26', week: '2027-W17' });
    // 08:00 on the dot, and any later hour that week.
    expect(reportSlot(new Date('2027-05-03T00:00:00.000Z'), monday)).toMatchObject({ day: '2027-05-03', week: '2027-W18' });
    expect(reportSlot(new Date('2027-05-08T12:00:00.000Z'), monday)).toMatchObject({ day: '2027-05-03', week: '2027-W18' });
    // Friday 17:00.
    const friday = reportSlot(new Date('2027-05-08T12:00:00.000Z'), { weekday: 5, hour: 17 });
    expect(friday).toMatchObject({ day: '2027-05-07', week: '2027-W18' });
    expect(friday.at.toISOString()).toBe('2027-05-07T09:00:00.000Z');
    expect(nextReportAt(new Date('2027-05-03T00:00:00.000Z'), monday).toISOString()).toBe('2027-05-10T00:00:00.000Z');
    // ISO weeks across a year's turn.
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
  });

  const line = (over: Partial<UnitLine>): UnitLine => ({
    departmentId: 'civil',
    name: '民政局',
    tasks: 4,
    accepted: 1,
    ready: 1,
    overdue: 0,
    expected: 3,
    points: 8,
    progress: 37.5,
    openProblems: 0,
    urges: 0,
    ...over,
  });

  test('compares each unit with its line the week before: moved, slipped, stalled, done, new', () => {
    const before = [
      line({ departmentId: 'civil' }),
      line({ departmentId: 'edu' }),
      line({ departmentId: 'hrss' }),
      line({ departmentId: 'vab', accepted: 4, ready: 0, progress: 100, expected: 8 }),
      line({ departmentId: 'housing' }),
    ];
    const now = [
      line({ departmentId: 'civil', ready: 2, progress: 50, expected: 4.5 }),
      line({ departmentId: 'edu', urges: 2 }),
      line({ departmentId: 'hrss', accepted: 0, ready: 1, progress: 12.5, expected: 1 }),
      line({ departmentId: 'vab', accepted: 4, ready: 0, progress: 100, expected: 8 }),
      line({ departmentId: 'housing', accepted: 2, ready: 0, progress: 50, expected: 3 }),
      line({ departmentId: 'pafd' }),
    ];
    const changes = compareLines(now, before);
    expect(changes.map((c) => [c.departmentId, c.trend])).toEqual([
      ['civil', 'moved'],
      ['edu', 'stalled'],
      ['hrss', 'slipped'],
      ['vab', 'done'],
      // Accepted up, ready down by the same task: the expected score unchanged, the unit still moved.
      ['housing', 'moved'],
      ['pafd', 'new'],
    ]);
    expect(changes[0]).toMatchObject({ expectedDelta: 1.5, acceptedDelta: 0, readyDelta: 1 });
    expect(changes[1]).toMatchObject({ urgesDelta: 2 });
    expect(compareLines([line({})], null)[0]?.trend).toBe('new');
  });

  test('a unit’s message is its own line, short enough for the message', () => {
    const m = unitMessage(line({ departmentId: 'hrss', accepted: 3, tasks: 9, overdue: 2, expected: 6.5 }), demoOrg);
    expect(m).toEqual({ title: '创建周报 人社局', text: '验收3/9，逾期2，预计6.5分' });
    expect(Array.from(m.text).length).toBeLessThanOrEqual(20);
  });
});

/** The ledger's storage with the milestones setting and the reports, as maps; what was sent, kept. */
function memory(seed: { tasks: TaskRecord[]; problems?: ProblemRecord[]; calendar?: StoredLedgerCalendar }) {
  const tasks = new Map(seed.tasks.map((t) => [t._id, t]));
  const problems = new Map((seed.problems ?? []).map((p) => [p._id, p]));
  const reports = new Map<string, WeeklyReportRecord>();
  let calendar = seed.calendar ?? null;
  const urgesSent: { openid: string; title: string; text: string }[] = [];
  const reportsSent: { openid: string; notice: ReportNotice }[] = [];
  const files: { id: string; fileName: string; sheet: StandardSheet }[] = [];
  const staff: Record<string, string[]> = { civil: ['staff-civil'], edu: ['staff-edu', 'staff-edu-2'], hrss: ['staff-hrss'] };
  const refused = new Set<string>();
  const staffReads: string[] = [];
  const port = {
    areas: async () => [anArea()],
    tasks: async () => [...tasks.values()],
    problems: async () => [...problems.values()],
    putTask: async (t: TaskRecord) => void tasks.set(t._id, t),
    putProblem: async (p: ProblemRecord) => void problems.set(p._id, p),
    staffOf: async (units: string[]) => {
      staffReads.push(units.join(','));
      return units.flatMap((u) => staff[u] ?? []);
    },
    notify: async (openid: string, notice: { title: string; text: string }) => void urgesSent.push({ openid, ...notice }),
    calendar: async () => calendar,
    putCalendar: async (c: StoredLedgerCalendar) => void (calendar = c),
    reports: async (limit: number) => [...reports.values()].sort((a, b) => b.day.localeCompare(a.day)).slice(0, limit),
    report: async (id: string) => reports.get(id) ?? null,
    claimReport: async (id: string, at: Date) => {
      if (reports.has(id)) return false;
      reports.set(id, { _id: id, state: 'building', at: at.toISOString() } as WeeklyReportRecord);
      return true;
    },
    putReport: async (r: WeeklyReportRecord) => void reports.set(r._id, r),
    keepReportFile: async (id: string, fileName: string, sheet: StandardSheet) => {
      files.push({ id, fileName, sheet });
      return { fileID: `cloud://reports/${id}`, name: fileName };
    },
    reportFileLink: async () => null,
    notifyReport: async (openid: string, notice: ReportNotice) => {
      reportsSent.push({ openid, notice });
      return !refused.has(openid);
    },
  };
  return { port, tasks, problems, reports, urgesSent, reportsSent, files, refused, staffReads, calendar: () => calendar };
}

const depsAt = (m: ReturnType<typeof memory>, iso: string): SupervisionDeps => ({
  port: m.port as unknown as SupervisionDeps['port'],
  now: new Date(iso),
  org: demoOrg,
});

describe('the ledger timer', () => {
  test('past 4月30日, a task unfinished is urged and its unit told, once that day', async () => {
    const m = memory({
      tasks: [
        aTask({ _id: 'late', code: '1.1', ownerDepartments: ['civil', 'edu'], deadline: '2027-04-30', status: 'in_progress' }),
        aTask({ _id: 'ok', code: '1.2', ownerDepartments: ['hrss'], deadline: '2027-05-31' }),
      ],
      problems: [aProblem({ _id: 'p', taskId: 'ok', ownerDepartmentId: 'hrss', deadline: '2027-04-25' })],
      // Reports aside: last week's is already written.
      calendar: { milestones: MILESTONES },
    });
    m.reports.set('2027-W17', { _id: '2027-W17', state: 'done', day: '2027-04-26' } as WeeklyReportRecord);
    // 2027-04-30 23:00 UTC+8: not late yet.
    expect(await runLedgerTimer(depsAt(m, '2027-04-30T15:00:00.000Z'), null)).toEqual({ urged: 0, problemsUrged: 1, report: null });
    // 2027-05-01 08:00: late, but before the urging hours.
    m.urgesSent.length = 0;
    expect(await runLedgerTimer(depsAt(m, '2027-05-01T00:00:00.000Z'), null)).toMatchObject({ urged: 0, problemsUrged: 0 });
    // 10:00: the task is urged, and the problem again (its last 督办 was yesterday's).
    expect(await runLedgerTimer(depsAt(m, '2027-05-01T02:00:00.000Z'), null)).toMatchObject({ urged: 1, problemsUrged: 1 });
    expect(m.tasks.get('late')?.urges).toEqual([
      { at: '2027-05-01T02:00:00.000Z', note: '已过4月30日整体提标节点，请尽快完成', by: 'system', automatic: true },
    ]);
    // The task's updatedAt stays: the unit did nothing.
    expect(m.tasks.get('late')?.updatedAt).toBe(aTask().updatedAt);
    expect(m.urgesSent.map((s) => [s.openid, s.title])).toEqual([
      ['staff-civil', '创建任务督办 1.1'],
      ['staff-edu', '创建任务督办 1.1'],
      ['staff-edu-2', '创建任务督办 1.1'],
      ['staff-hrss', '检视问题督办 1.2'],
    ]);
    expect(m.problems.get('p')?.urges?.map((u) => u.at)).toEqual(['2027-04-30T15:00:00.000Z', '2027-05-01T02:00:00.000Z']);
    // Again that day: nothing more.
    expect(await runLedgerTimer(depsAt(m, '2027-05-01T09:00:00.000Z'), null)).toMatchObject({ urged: 0, problemsUrged: 0 });
    expect(m.urgesSent).toHaveLength(4);
    // The next morning, again.
    expect(await runLedgerTimer(depsAt(m, '2027-05-02T01:00:00.000Z'), null)).toMatchObject({ urged: 1, problemsUrged: 1 });
  });

  test('the Monday run writes the week’s report once, sends each unit its line and compares with the week before', async () => {
    const urged = { at: '2027-04-28T02:00:00.000Z', note: 'x', by: 'dispatcher' };
    const m = memory({
      tasks: [
        aTask({
          _id: 'c1',
          code: '1.1',
          ownerDepartments: ['civil'],
          deadline: '2027-05-31',
          status: 'ready',
          selfScore: 2,
          evidence: [anEvidence()],
        }),
        aTask({ _id: 'e1', code: '1.2', ownerDepartments: ['edu'], deadline: '2027-04-30', urges: [urged] }),
      ],
      problems: [aProblem({ ownerDepartmentId: 'edu', deadline: '2027-06-30' })],
    });
    const previous = {
      _id: '2027-W17',
      state: 'done',
      day: '2027-04-26',
      units: [
        {
          departmentId: 'civil',
          name: '民政局',
          tasks: 1,
          accepted: 0,
          ready: 0,
          overdue: 0,
          expected: 0,
          points: 2,
          progress: 0,
          openProblems: 0,
          urges: 0,
        },
        {
          departmentId: 'edu',
          name: '教育局',
          tasks: 1,
          accepted: 0,
          ready: 0,
          overdue: 0,
          expected: 0,
          points: 2,
          progress: 0,
          openProblems: 1,
          urges: 0,
        },
      ],
    } as unknown as WeeklyReportRecord;
    m.reports.set(previous._id, previous);
    m.refused.add('staff-edu-2');

    // Monday 2027-05-03 08:00 UTC+8.
    const monday = depsAt(m, '2027-05-03T00:00:00.000Z');
    expect(await runLedgerTimer(monday, null)).toEqual({ urged: 0, problemsUrged: 0, report: '2027-W18' });
    const report = m.reports.get('2027-W18') as WeeklyReportRecord;
    expect(report).toMatchObject({
      state: 'done',
      day: '2027-05-03',
      period: { from: '2027-04-26', to: '2027-05-02' },
      total: { tasks: 2, ready: 1, expected: 2 },
      overdueTasks: 1,
      milestones: [
        { date: '2027-04-30', name: '整体提标', daysLeft: -3, tasks: 1, problems: 0 },
        { date: '2027-05-31', name: '迎查准备', daysLeft: 28, tasks: 2, problems: 0 },
      ],
      file: { fileID: 'cloud://reports/2027-W18', name: '创建工作周报（5月3日）.xlsx' },
      delivery: { units: 2, sent: 2, missed: 1 },
    });
    expect(
      Object.fromEntries(report.units.map((u) => [u.departmentId, [u.ready, u.overdue, u.expected, u.openProblems, u.urges]])),
    ).toEqual({
      edu: [0, 1, 0, 1, 1],
      civil: [1, 0, 2, 0, 0],
    });
    expect(report.comparison).toMatchObject({ previousId: '2027-W17', previousDay: '2027-04-26' });
    expect(Object.fromEntries(report.comparison.units.map((u) => [u.departmentId, u.trend]))).toEqual({ civil: 'moved', edu: 'stalled' });
    // Each unit's staff get their own unit's line, opening the report.
    expect(m.reportsSent.map((s) => [s.openid, s.notice.title, s.notice.text, s.notice.week])).toEqual(
      expect.arrayContaining([
        ['staff-civil', '创建周报 民政局', '验收0/1，逾期0，预计2分', '2027-W18'],
        ['staff-edu', '创建周报 教育局', '验收0/1，逾期1，预计0分', '2027-W18'],
        ['staff-edu-2', '创建周报 教育局', '验收0/1，逾期1，预计0分', '2027-W18'],
      ]),
    );
    expect(m.reportsSent).toHaveLength(3);
    expect(m.files[0]?.sheet.tasks).toHaveLength(2);

    // The timer again that day and later that week: the same report, nothing sent again.
    for (const iso of ['2027-05-03T01:00:00.000Z', '2027-05-07T06:00:00.000Z'])
      expect((await runLedgerTimer(depsAt(m, iso), null)).report).toBeNull();
    expect(m.reportsSent).toHaveLength(3);
    expect(m.files).toHaveLength(1);
  });

  test('a run urges at most its share, the longest late first; the rest go out at the next run that day', async () => {
    const late = Array.from({ length: URGES_PER_RUN + 5 }, (_, i) =>
      aTask({ _id: `t${i}`, code: `9.${i}`, deadline: `2027-04-${String(30 - (i % 20)).padStart(2, '0')}` }),
    );
    const m = memory({ tasks: late, problems: [aProblem({ _id: 'oldest', deadline: '2027-03-01' })] });
    m.reports.set('2027-W17', { _id: '2027-W17', state: 'done', day: '2027-04-26' } as WeeklyReportRecord);
    const first = await runLedgerTimer(depsAt(m, '2027-05-01T01:00:00.000Z'), null);
    expect(first.urged + first.problemsUrged).toBe(URGES_PER_RUN);
    expect(first.problemsUrged).toBe(1);
    // Those urged were the longest late.
    const urgedDeadlines = [...m.tasks.values()].filter((t) => t.urges.length).map((t) => t.deadline);
    const waiting = [...m.tasks.values()].filter((t) => !t.urges.length).map((t) => t.deadline);
    expect(Math.max(...urgedDeadlines.map(Date.parse))).toBeLessThanOrEqual(Math.min(...waiting.map(Date.parse)));
    // 民政局's staff were read once for the run, not once per task; each of the 30 messages went out.
    expect(m.staffReads).toEqual(['civil']);
    expect(m.urgesSent).toHaveLength(URGES_PER_RUN);
    expect(await runLedgerTimer(depsAt(m, '2027-05-01T02:00:00.000Z'), null)).toMatchObject({ urged: 6, problemsUrged: 0 });
    expect(await runLedgerTimer(depsAt(m, '2027-05-01T03:00:00.000Z'), null)).toMatchObject({ urged: 0, problemsUrged: 0 });
  });

  test('nothing is reported while the ledger has no standard', async () => {
    const m = memory({ tasks: [] });
    expect(await runLedgerTimer(depsAt(m, '2027-05-03T02:00:00.000Z'), null)).toEqual({ urged: 0, problemsUrged: 0, report: null });
    expect(m.reports.size).toBe(0);
  });
});

describe('the milestones setting', () => {
  const dispatcher = { openid: 'dispatcher', role: 'dispatcher' as const, departmentId: 'office' };
  const staff = { openid: 'staff-edu', role: 'staff' as const, departmentId: 'edu' };

  test('the 双拥办 saves its dates and the report’s hour; a unit may not; two milestones on one day are refused', async () => {
    const m = memory({ tasks: [] });
    const deps = depsAt(m, '2026-11-02T01:00:00.000Z');
    expect(await viewMilestones(deps, staff, {})).toMatchObject({
      custom: false,
      milestones: [
        { date: '2027-04-30', name: '整体提标', daysLeft: 179, passed: false },
        { date: '2027-05-31', name: '迎查准备', daysLeft: 210, passed: false },
      ],
      report: { weekday: 1, hour: 8 },
      nextReportAt: '2026-11-09T08:00:00+08:00',
    });
    await expect(saveMilestones(deps, staff, { milestones: MILESTONES })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      saveMilestones(deps, dispatcher, { milestones: [MILESTONES[0] as Milestone, { date: '2027-04-30', name: '自查' }] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['milestones', 1, 'date'] }] });
    await expect(saveMilestones(deps, dispatcher, { milestones: [{ date: '2027-02-30', name: '自查' }] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['milestones', 0, 'date'] }],
    });
    expect(m.calendar()).toBeNull();

    const saved = await saveMilestones(deps, dispatcher, {
      milestones: [
        { date: '2027-05-20', name: '迎查准备' },
        { date: '2027-04-15', name: '整体提标' },
      ],
      report: { weekday: 5, hour: 17 },
    });
    expect(saved).toMatchObject({ custom: true, report: { weekday: 5, hour: 17 }, nextReportAt: '2026-11-06T17:00:00+08:00' });
    expect(saved.milestones.map((x) => x.date)).toEqual(['2027-04-15', '2027-05-20']);
    expect(m.calendar()).toMatchObject({ updatedBy: 'dispatcher', updatedAt: '2026-11-02T01:00:00.000Z' });
    // Saving dates alone keeps the report's hour.
    await saveMilestones(deps, dispatcher, { milestones: MILESTONES });
    expect(m.calendar()?.report).toEqual({ weekday: 5, hour: 17 });
  });
});
