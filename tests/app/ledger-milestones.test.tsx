import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../core/contracts/users';
import type { Board, BoardMilestone, Milestones, ReportSummary, WeeklyReport } from '../../src/services/ledger';
import { BoardView } from '../../src/subpackages/ledger/board-view';
import { MilestonesView } from '../../src/subpackages/ledger/milestones-view';
import { ReportsView } from '../../src/subpackages/ledger/reports-view';
import { WeeklyReportView } from '../../src/subpackages/ledger/weekly-view';
import { mockApi, ok, staffMe, withMeta, type ApiCall } from './support/api';
import { typeInto } from './support/dom';

const dispatcher: Me = { role: 'dispatcher', departmentId: 'office' } as Me;
const leader: Me = { role: 'leader' } as Me;
const staffEdu: Me = staffMe('edu');

const ledgerCalls = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'ledger' && c.event.action === action).map((c) => c.event);
const $ = (container: HTMLElement, selector: string) => container.querySelector(selector);

const progress = { tasks: 2, accepted: 0, ready: 1, inProgress: 1, notStarted: 0, points: 4, expected: 2, progress: 25 };

function milestone(over: Partial<BoardMilestone>): BoardMilestone {
  return { date: '2027-04-30', name: '整体提标', daysLeft: 10, passed: false, tasks: [], problems: [], ...over };
}

function aBoard(milestones: BoardMilestone[]): Board {
  return {
    today: '2027-04-20',
    total: progress,
    areas: [{ areaId: 'area-1', name: '组织领导坚强有力', areaPoints: 4, ...progress }],
    departments: [{ departmentId: 'civil', name: '民政局', ...progress, overdue: 1, openProblems: 0, urges: 2 }],
    overdueTasks: [],
    overdueProblems: [],
    milestones,
  };
}

const task = (code: string, late: boolean) => ({
  id: `task-${code}`,
  code,
  content: `任务${code}`,
  deadline: late ? '2027-04-10' : '2027-04-30',
  ownerDepartments: ['civil'],
  status: 'in_progress' as const,
  late,
});

describe('the countdown on the board', () => {
  const milestones = [
    milestone({
      tasks: [task('1.1', true), task('1.2', false)],
      problems: [
        {
          id: 'p1',
          taskId: 'task-1.1',
          description: '台账缺会议纪要',
          deadline: '2027-04-15',
          ownerDepartmentId: 'civil',
          state: 'open',
          late: true,
        },
      ],
    }),
    milestone({
      date: '2027-05-31',
      name: '迎查准备',
      daysLeft: 41,
      tasks: Array.from({ length: 7 }, (_, i) => task(`2.${i + 1}`, false)),
    }),
    milestone({ date: '2027-03-31', name: '自查自评', daysLeft: -20, passed: true, tasks: [task('3.1', true)] }),
  ];

  test('each milestone counts down and lists what must close before it, the late in red; units show their 督办', async () => {
    mockApi({ meta: withMeta(), ledger: (e) => ok(e.action === 'board' ? aBoard(milestones) : { items: [], total: 0 }) });
    const { container } = render(<BoardView me={dispatcher} />);
    await waitFor(() => expect($(container, '#board-milestones')).not.toBeNull());
    expect($(container, '#milestone-2027-04-30-countdown')?.textContent).toBe('还有 10 天');
    expect($(container, '#milestone-2027-03-31-countdown')?.textContent).toBe('已过 20 天');
    expect($(container, '#milestone-2027-04-30')?.textContent).toContain('须在节点前完成：任务 2 项（逾期 1），整改问题 1 条（逾期 1）');
    // The late task and problem in red; the one still in time not.
    expect($(container, '#milestone-2027-04-30-task-1\\.1')?.className).toContain('ms-item--late');
    expect($(container, '#milestone-2027-04-30-task-1\\.2')?.className).not.toContain('ms-item--late');
    expect($(container, '#milestone-2027-04-30-problem-p1')?.className).toContain('ms-item--late');
    // A passed milestone with work left: the whole card is red.
    expect($(container, '#milestone-2027-03-31')?.className).toContain('ms-card--behind');
    expect($(container, '#milestone-2027-04-30')?.className).not.toContain('ms-card--behind');
    // Long lists show five, then all on request.
    expect(container.querySelectorAll('#milestone-2027-05-31 .ms-item')).toHaveLength(5);
    fireEvent.click($(container, '#milestone-2027-05-31-more') as Element);
    expect(container.querySelectorAll('#milestone-2027-05-31 .ms-item')).toHaveLength(7);
    // A tap opens the task.
    fireEvent.click($(container, '#milestone-2027-04-30-task-1\\.1') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/ledger/task?id=task-1.1' });
    expect($(container, '#bar-dept-civil')?.textContent).toContain('督办 2 次');
    expect($(container, '#milestones-edit')?.textContent).toBe('设置节点');
  });

  test('a leader reads the milestones but is not offered to set them', async () => {
    mockApi({ meta: withMeta(), ledger: (e) => ok(e.action === 'board' ? aBoard(milestones) : { items: [], total: 0 }) });
    const { container } = render(<BoardView me={leader} />);
    await waitFor(() => expect($(container, '#board-milestones')).not.toBeNull());
    expect($(container, '#milestones-edit')?.textContent).toBe('全部节点');
  });
});

const CALENDAR: Milestones = {
  milestones: [
    { date: '2027-04-30', name: '整体提标', daysLeft: 10, passed: false },
    { date: '2027-05-31', name: '迎查准备', daysLeft: 41, passed: false },
  ],
  report: { weekday: 1, hour: 8 },
  custom: false,
  nextReportAt: '2027-04-26T08:00:00+08:00',
};

describe('the milestone editor', () => {
  test('the 双拥办 renames a milestone, adds one, moves the report to Friday and saves', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      ledger: (e) => ok(e.action === 'saveMilestones' ? { ...CALENDAR, custom: true } : CALENDAR),
    });
    const { container } = render(<MilestonesView me={dispatcher} />);
    await waitFor(() => expect($(container, '#milestones-form')).not.toBeNull());
    await typeInto(container, '#milestone-name-1', '迎查准备就绪');
    fireEvent.click($(container, '#milestone-add') as Element);
    expect($(container, '#milestone-date-2')?.textContent).toBe('2027年6月30日');
    // A milestone without a name is not sent.
    fireEvent.click($(container, '#milestones-save') as Element);
    expect(await screen.findByText('请给每个节点写上名称')).toBeTruthy();
    expect(ledgerCalls(calls, 'saveMilestones')).toEqual([]);
    await typeInto(container, '#milestone-name-2', '迎查');
    fireEvent.click(screen.getByText('周五'));
    fireEvent.click($(container, '#milestones-save') as Element);
    await waitFor(() =>
      expect(ledgerCalls(calls, 'saveMilestones')).toEqual([
        {
          action: 'saveMilestones',
          milestones: [
            { date: '2027-04-30', name: '整体提标' },
            { date: '2027-05-31', name: '迎查准备就绪' },
            { date: '2027-06-30', name: '迎查' },
          ],
          report: { weekday: 5, hour: 8 },
        },
      ]),
    );
  });

  test('a unit reads the dates, their countdown and when the report comes, and changes nothing', async () => {
    mockApi({ meta: withMeta(), ledger: () => ok(CALENDAR) });
    const { container } = render(<MilestonesView me={staffEdu} />);
    await waitFor(() => expect($(container, '#milestones-list')).not.toBeNull());
    expect($(container, '#milestones-list')?.textContent).toContain('2027年4月30日 整体提标还有 10 天');
    expect($(container, '#milestones-schedule')?.textContent).toBe('周报：每周一 08:00自动生成，下一期 4月26日 08:00。');
    expect($(container, '#milestones-save')).toBeNull();
    expect($(container, '#milestones-form')).toBeNull();
  });
});

const SUMMARIES: ReportSummary[] = [
  {
    id: '2027-W17',
    day: '2027-04-26',
    at: '2027-04-26T00:00:00.000Z',
    period: { from: '2027-04-19', to: '2027-04-25' },
    expected: 12,
    points: 50,
    progress: 30,
    overdueTasks: 2,
    moved: 3,
    stalled: 4,
  },
  {
    id: '2027-W16',
    day: '2027-04-19',
    at: '2027-04-19T00:00:00.000Z',
    period: { from: '2027-04-12', to: '2027-04-18' },
    expected: 9,
    points: 50,
    progress: 22,
    overdueTasks: 0,
    moved: 0,
    stalled: 0,
  },
];

const line = (departmentId: string, name: string, over: Partial<WeeklyReport['units'][number]> = {}) => ({
  departmentId,
  name,
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

const REPORT: WeeklyReport = {
  id: '2027-W17',
  day: '2027-04-26',
  at: '2027-04-26T00:00:00.000Z',
  period: { from: '2027-04-19', to: '2027-04-25' },
  total: { tasks: 12, accepted: 3, ready: 2, inProgress: 4, notStarted: 3, points: 50, expected: 12, progress: 30 },
  overdueTasks: 2,
  overdueProblems: 1,
  changed: 5,
  milestones: [{ date: '2027-04-30', name: '整体提标', daysLeft: 4, tasks: 6, problems: 1 }],
  units: [
    line('edu', '教育局', { expected: 4.5, ready: 2 }),
    line('civil', '民政局', { overdue: 2, urges: 3 }),
    line('hrss', '人力资源和社会保障局'),
  ],
  comparison: {
    previousId: '2027-W16',
    previousDay: '2027-04-19',
    units: [
      { departmentId: 'edu', trend: 'moved', expectedDelta: 1.5, acceptedDelta: 0, readyDelta: 1, urgesDelta: 0 },
      { departmentId: 'civil', trend: 'stalled', expectedDelta: 0, acceptedDelta: 0, readyDelta: 0, urgesDelta: 2 },
      { departmentId: 'hrss', trend: 'slipped', expectedDelta: -2, acceptedDelta: -1, readyDelta: 0, urgesDelta: 0 },
    ],
  },
  file: { fileID: 'cloud://reports/2027-W17', url: 'https://local/r.xlsx', name: '创建工作周报（4月26日）.xlsx', expiresAt: '' },
  delivery: { units: 3, sent: 4, missed: 2 },
};

describe('the weekly reports', () => {
  test('the list shows each week, newest first, and opens one', async () => {
    mockApi({ meta: withMeta(), ledger: (e) => ok(e.action === 'reports' ? { items: SUMMARIES, total: 2 } : CALENDAR) });
    const { container } = render(<ReportsView />);
    await waitFor(() => expect($(container, '#reports-list')).not.toBeNull());
    expect(Array.from(container.querySelectorAll('#reports-list .list-item')).map((e) => e.id)).toEqual([
      'report-2027-W17',
      'report-2027-W16',
    ]);
    expect($(container, '#report-2027-W17')?.textContent).toContain('4月19日至4月25日 · 预计 12/50 分 · 完成 30% · 逾期 2 项');
    expect($(container, '#report-2027-W17')?.textContent).toContain('有进展 3 个单位 · 停滞或退步 4 个单位');
    expect($(container, '#reports-schedule')?.textContent).toContain('每周一 08:00自动生成');
    fireEvent.click($(container, '#report-2027-W17') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/ledger/weekly?id=2027-W17' });
  });

  test('a leader reads the whole report with the week-on-week comparison', async () => {
    const { calls } = mockApi({ meta: withMeta(), ledger: () => ok(REPORT) });
    const { container } = render(<WeeklyReportView id="2027-W17" me={leader} />);
    await waitFor(() => expect($(container, '#weekly-report')).not.toBeNull());
    expect(ledgerCalls(calls, 'reportGet')).toEqual([{ action: 'reportGet', id: '2027-W17' }]);
    expect($(container, '#weekly-mine')).toBeNull();
    // Units by the short names the county gave them, once its organization is read.
    await waitFor(() => expect($(container, '#weekly-moved')?.textContent).toBe('有进展（1）教育局：预计 +1.5 分，自评达标 +1 项'));
    expect($(container, '#weekly-stalled')?.textContent).toBe('停滞（1）民政局：新督办 2 次');
    expect($(container, '#weekly-slipped')?.textContent).toBe('退步（1）人社局：预计 -2 分，验收 -1 项');
    expect($(container, '#weekly-unit-civil')?.textContent).toBe('民政局1/42303');
    expect($(container, '#weekly-milestone-2027-04-30')?.textContent).toBe('4月30日 整体提标（还有 4 天）：未完成任务 6 项，整改问题 1 条');
    expect($(container, '#weekly-delivery')?.textContent).toBe('已向 3 个单位的工作人员发出 4 条提醒，2 人没有收到（未订阅提醒）。');
    expect($(container, '#weekly-file')).not.toBeNull();
    // Read-only: not a button that writes anything.
    expect(container.querySelectorAll('taro-button-core, button')).toHaveLength(0);
  });

  test('a unit finds its own line first, as it was sent', async () => {
    mockApi({ meta: withMeta(), ledger: () => ok(REPORT) });
    const { container } = render(<WeeklyReportView id="2027-W17" me={staffEdu} />);
    await waitFor(() => expect($(container, '#weekly-mine')).not.toBeNull());
    expect($(container, '#weekly-mine')?.textContent).toContain('教育局有进展');
    expect($(container, '#weekly-mine')?.textContent).toContain('比上周：预计 +1.5 分，自评达标 +1 项');
    expect($(container, '#weekly-delivery')).toBeNull();
  });
});
