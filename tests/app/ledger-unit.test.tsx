import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../core/contracts/users';
import type { Board, UnitCampaign } from '../../src/services/ledger';
import LedgerPage from '../../src/subpackages/ledger/index';
import { BoardView } from '../../src/subpackages/ledger/board-view';
import { UnitCampaignView } from '../../src/subpackages/ledger/unit-view';
import { mockApi, ok, staffMe, withMeta, type ApiCall } from './support/api';

const staffEdu: Me = staffMe('edu');
const leader: Me = { role: 'leader' } as Me;
const dispatcher: Me = { role: 'dispatcher', departmentId: 'office' } as Me;
const $ = (container: HTMLElement, selector: string) => container.querySelector(selector);
const ledgerCalls = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'ledger' && c.event.action === action).map((c) => c.event);

const row = (over: Partial<UnitCampaign['lead'][number]>): UnitCampaign['lead'][number] => ({
  id: 'task-3.2',
  code: '3.2',
  content: '开展国防教育进校园',
  points: 3,
  expected: 2,
  person: '赵老师',
  lead: '教育局',
  partners: [],
  status: 'ready',
  deadline: '2026-12-31',
  overdue: false,
  evidenceKind: '活动',
  evidenceNeeded: 0,
  missing: [],
  ...over,
});

const points = (possible: number, expected: number) => ({ possible, expected, gap: Math.round((possible - expected) * 10) / 10 });

const PAGE: UnitCampaign = {
  departmentId: 'edu',
  name: '教育局',
  liaison: '周敏',
  today: '2026-11-28',
  lead: [
    row({
      deadline: '2026-11-20',
      overdue: true,
      partners: ['民政局'],
      evidenceNeeded: 3,
      missing: [{ kind: '活动', items: ['国防教育课照片', '学生作文'] }],
    }),
    row({ id: 'task-1.10', code: '1.10', content: '军人子女教育优待', status: 'accepted', points: 2, expected: 2, evidenceNeeded: 1 }),
  ],
  assist: [
    row({
      id: 'task-2.1',
      code: '2.1',
      content: '光荣牌悬挂',
      lead: '民政局',
      partners: ['教育局'],
      status: 'in_progress',
      points: 4,
      expected: 0,
      person: '周敏',
      missing: [
        { kind: '政策落实', items: ['光荣牌悬挂照片'] },
        { kind: '档案资料', items: ['工作台账'] },
      ],
    }),
  ],
  missingByKind: [
    { kind: '档案资料', count: 1 },
    { kind: '基础设施', count: 0 },
    { kind: '政策落实', count: 1 },
    { kind: '活动', count: 2 },
  ],
  problems: [
    {
      id: 'p1',
      taskId: 'task-3.2',
      code: '3.2',
      description: '国防教育课未进课表',
      measure: '每学期排入课表',
      deadline: '2026-11-25',
      state: 'open',
      overdue: true,
    },
  ],
  points: { ...points(9, 4), lead: points(5, 4), assist: points(4, 0) },
};

describe("a unit's own campaign page", () => {
  test('staff see their tasks led and assisted, who answers for each, missing proof by class, problems and the gap', async () => {
    const { calls } = mockApi({ meta: withMeta(), ledger: () => ok(PAGE) });
    const { container } = render(<UnitCampaignView me={staffEdu} />);
    await waitFor(() => expect($(container, '#unit-title')).not.toBeNull());
    // Their own unit: the cloud picks it, nothing is named.
    expect(ledgerCalls(calls, 'unitCampaign')).toEqual([{ action: 'unitCampaign' }]);
    expect($(container, '#unit-title')?.textContent).toBe('教育局 · 创建任务');
    expect($(container, '#unit-lead')?.textContent).toContain('牵头任务（2）');
    expect($(container, '#unit-assist')?.textContent).toContain('配合任务（1）');
    expect($(container, '#unit-task-3\\.2')?.textContent).toContain('负责人 赵老师');
    expect($(container, '#unit-task-3\\.2')?.textContent).toContain('已逾期');
    expect($(container, '#unit-task-3\\.2-deadline')?.className).toContain('uc-late');
    expect($(container, '#unit-task-1\\.10-deadline')?.className).not.toContain('uc-late');
    expect($(container, '#unit-task-3\\.2-missing')?.textContent).toBe('待补活动国防教育课照片、学生作文');
    expect($(container, '#unit-task-2\\.1-missing')?.textContent).toContain('待补档案资料工作台账');
    expect($(container, '#unit-task-1\\.10')?.textContent).toContain('佐证材料已齐');
    expect($(container, '#unit-missing-活动')?.textContent).toBe('活动2 项');
    expect($(container, '#unit-missing-基础设施')).toBeNull();
    expect($(container, '#unit-problem-p1')?.textContent).toContain('整改措施：每学期排入课表');
    expect($(container, '#unit-problem-p1')?.textContent).toContain('已逾期');
    // 每分必争: the gap in red, led and assisted apart.
    expect($(container, '#unit-expected')?.textContent).toBe('4');
    expect($(container, '#unit-gap')?.textContent).toBe('每分必争：还有 5 分没有拿到');
    expect($(container, '#unit-points-lead')?.textContent).toBe('牵头任务预计 4 / 5 分还差 1 分');
    expect($(container, '#unit-points-assist')?.textContent).toBe('配合任务预计 0 / 4 分还差 4 分');
    // A task opens its page, where the unit works it.
    fireEvent.click($(container, '#unit-task-2\\.1') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/ledger/task?id=task-2.1' });
  });

  test('a leader reads the unit the board opened, marked read-only', async () => {
    const { calls } = mockApi({ meta: withMeta(), ledger: () => ok(PAGE) });
    const { container } = render(<UnitCampaignView me={leader} departmentId="edu" />);
    await waitFor(() => expect($(container, '#unit-title')).not.toBeNull());
    expect(ledgerCalls(calls, 'unitCampaign')).toEqual([{ action: 'unitCampaign', departmentId: 'edu' }]);
    expect($(container, '#unit-title')?.textContent).toBe('教育局 · 创建任务（只读）');
  });

  test('a unit with nothing to do is told so', async () => {
    mockApi({ meta: withMeta(), ledger: () => ok({ ...PAGE, lead: [], assist: [], problems: [] }) });
    const { findByText } = render(<UnitCampaignView me={staffEdu} />);
    expect(await findByText('教育局没有分到考评任务')).toBeTruthy();
  });
});

const progress = { tasks: 2, accepted: 0, ready: 1, inProgress: 1, notStarted: 0, points: 4, expected: 2, progress: 25 };
const BOARD: Board = {
  today: '2026-11-28',
  total: progress,
  areas: [],
  departments: [
    { departmentId: 'civil', name: '民政局', ...progress, overdue: 0, openProblems: 0, urges: 0 },
    { departmentId: 'edu', name: '教育局', ...progress, overdue: 0, openProblems: 0, urges: 0 },
  ],
  overdueTasks: [],
  overdueProblems: [],
  milestones: [],
};

describe('the ways to a unit’s page', () => {
  const api = () => mockApi({ meta: withMeta(), ledger: (e) => ok(e.action === 'board' ? BOARD : { items: [], total: 0 }) });

  test('the 双拥办 opens any unit from its row on the board', async () => {
    api();
    const { container } = render(<BoardView me={dispatcher} />);
    await waitFor(() => expect($(container, '#open-unit-civil')).not.toBeNull());
    fireEvent.click($(container, '#open-unit-civil') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/ledger/unit?departmentId=civil' });
  });

  test("staff open only their own unit's row; another unit's row is not a way in", async () => {
    api();
    const { container } = render(<BoardView me={staffEdu} />);
    await waitFor(() => expect($(container, '#bar-dept-civil')).not.toBeNull());
    expect($(container, '#open-unit-civil')).toBeNull();
    expect($(container, '#open-unit-edu')).not.toBeNull();
  });

  test('the ledger home offers staff 本单位创建任务', async () => {
    mockApi({
      meta: withMeta(),
      users: () => ok(staffEdu),
      ledger: (e) => ok(e.action === 'board' ? BOARD : { items: [], total: 0 }),
    });
    const { container } = render(<LedgerPage />);
    await waitFor(() => expect($(container, '#link-unit')).not.toBeNull());
    expect($(container, '#link-unit')?.textContent).toContain('本单位创建任务');
    fireEvent.click($(container, '#link-unit') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/ledger/unit' });
  });
});
