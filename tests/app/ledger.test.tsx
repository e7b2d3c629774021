import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../core/contracts/users';
import type { Envelope } from '../../core/envelope';
import type { TaskRecord } from '../../core/ledger/model';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION } from '../../src/lib/privacy';
import type { Board, ListedTask, TaskDetail } from '../../src/services/ledger';
import LedgerPage from '../../src/subpackages/ledger/index';
import { BoardView } from '../../src/subpackages/ledger/board-view';
import { StandardView } from '../../src/subpackages/ledger/standard-view';
import { TaskView } from '../../src/subpackages/ledger/task-view';
import { mockApi, ok, staffMe, withMeta, type ApiCall } from './support/api';
import { typeInto } from './support/dom';

jest.mock('../../src/services/choose-file', () => ({
  chooseFile: jest.fn(async () => ({ path: 'blob:standard', name: '2027考评标准.xlsx', size: 2048 })),
}));
jest.mock('../../src/services/upload', () => ({ uploadFile: jest.fn(async () => 'cloud://local/uploads/standard.xlsx') }));

const staffEdu: Me = staffMe('edu');
const dispatcher: Me = { role: 'dispatcher', departmentId: 'office' } as Me;
const TODAY = '2026-11-28';

const ledgerCalls = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'ledger' && c.event.action === action).map((c) => c.event);
const fail = (code: string, message: string, issues?: { path: (string | number)[]; message: string }[]): Envelope<never> =>
  ({ ok: false, error: { code, message, ...(issues ? { issues } : {}) } }) as Envelope<never>;

async function typeInTextarea(container: HTMLElement, selector: string, value: string) {
  const el = await waitFor(() => {
    const found = container.querySelector(`${selector} textarea`);
    if (!found) throw new Error(`no textarea in ${selector}`);
    return found as HTMLTextAreaElement;
  });
  el.value = value;
  fireEvent.input(el);
}

/** Taro's <Button> is a web component: the click goes to it, found by its id. */
const press = async (container: HTMLElement, selector: string) => {
  const el = await waitFor(() => {
    const found = container.querySelector(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });
  fireEvent.click(el);
};

function aTask(over: Partial<TaskDetail> = {}): TaskDetail {
  const base: Omit<TaskRecord, '_id'> = {
    areaId: 'area-2',
    order: 202,
    code: '2.3',
    content: '军人子女入学入托优待落实',
    points: 2,
    criteria: '按政策安排到位率 100% 得满分',
    evidenceKind: '政策落实',
    ownerDepartments: ['edu'],
    deadline: '2027-04-30',
    status: 'not_started',
    evidence: [],
    urges: [],
    notes: [],
    updatedAt: '2026-11-28T02:00:00.000Z',
  };
  return { ...base, _id: 'task-2.3', id: 'task-2.3', editable: true, overdue: false, problems: [], live: null, ...over };
}

const progress = (p: Partial<Board['total']> = {}): Board['total'] => ({
  tasks: 4,
  accepted: 1,
  ready: 1,
  inProgress: 1,
  notStarted: 1,
  points: 8,
  expected: 3.5,
  progress: 37.5,
  ...p,
});

function aBoard(): Board {
  return {
    today: TODAY,
    total: progress({ tasks: 20, points: 50, expected: 3.5, progress: 7.5 }),
    areas: [
      {
        areaId: 'area-1',
        name: '组织领导坚强有力',
        areaPoints: 6,
        ...progress({ tasks: 3, accepted: 0, ready: 0, progress: 0, expected: 0, points: 6 }),
      },
      { areaId: 'area-2', name: '拥军工作扎实有效', areaPoints: 8, ...progress({ progress: 37.5 }) },
    ],
    departments: [
      {
        departmentId: 'edu',
        name: '教育局',
        ...progress({ tasks: 1, accepted: 1, ready: 0, progress: 100, expected: 2, points: 2 }),
        overdue: 0,
        openProblems: 0,
        urges: 0,
      },
      {
        departmentId: 'civil',
        name: '民政局',
        ...progress({ tasks: 2, accepted: 0, ready: 1, progress: 25 }),
        overdue: 1,
        openProblems: 2,
        urges: 0,
      },
    ],
    overdueTasks: [
      {
        id: 'task-4.2',
        code: '4.2',
        content: '支持部队练兵备战',
        deadline: '2026-11-01',
        ownerDepartments: ['pafd'],
        persons: [],
        status: 'in_progress',
        urged: 1,
      },
    ],
    overdueProblems: [],
    milestones: [],
  };
}

describe('a task of the ledger', () => {
  test('another department’s task is marked 只读 and shows no edit controls; its own shows them', async () => {
    const civilTask = aTask({
      id: 'task-2.2',
      code: '2.2',
      content: '驻地部队官兵困难家庭帮扶解困',
      ownerDepartments: ['civil', 'pafd'],
      editable: false,
      evidence: [{ name: '帮扶台账', description: '12 户全部回访', at: '2026-11-20T02:00:00.000Z', by: 'staff-civil' }],
      problems: [
        {
          _id: 'p1',
          taskId: 'task-2.2',
          description: '两户回访记录缺签字',
          measure: '补签',
          ownerDepartmentId: 'civil',
          deadline: '2026-12-15',
          state: 'open',
          createdAt: '2026-11-20T02:00:00.000Z',
          updatedAt: '2026-11-20T02:00:00.000Z',
        },
      ],
    });
    mockApi({ meta: withMeta(), ledger: (e) => ok(e.id === 'task-2.2' ? civilTask : aTask()) });

    const readOnly = render(<TaskView id="task-2.2" me={staffEdu} today={TODAY} />);
    await screen.findByText('驻地部队官兵困难家庭帮扶解困', { selector: '#task-title' });
    const ro = readOnly.container;
    expect(ro.querySelector('#task-head')?.textContent).toContain('只读');
    expect(ro.querySelector('#readonly-note')?.textContent).toBe('这项任务由民政局、人武部负责，您可以查看，不能修改。');
    // What it shows: the evidence and the problem, read-only.
    expect(ro.querySelector('#evidence-list')?.textContent).toContain('帮扶台账');
    expect(ro.querySelector('#problems')?.textContent).toContain('两户回访记录缺签字');
    // What it must not offer.
    for (const control of ['#evidence-form', '#self-assessment', '#self-ready', '#problem-add', '#task-review', '#task-urge']) {
      expect(ro.querySelector(control)).toBeNull();
    }
    expect(ro.querySelector('.lg-problem__edit')).toBeNull();
    readOnly.unmount();

    const own = render(<TaskView id="task-2.3" me={staffEdu} today={TODAY} />);
    await screen.findByText('军人子女入学入托优待落实', { selector: '#task-title' });
    const c = own.container;
    expect(c.querySelector('#task-head')?.textContent).not.toContain('只读');
    expect(c.querySelector('#readonly-note')).toBeNull();
    for (const control of ['#evidence-form', '#self-ready', '#problem-add']) expect(c.querySelector(control)).not.toBeNull();
    // A department sees no 双拥办 review.
    expect(c.querySelector('#task-review')).toBeNull();
    expect(c.querySelector('#task-standard')?.textContent).toContain('按政策安排到位率 100% 得满分');
    expect(c.querySelector('#task-deadline')?.textContent).toBe('完成时限2027年4月30日');
  });

  test('「标记自评达标」 without evidence shows the cloud’s refusal in its own words', async () => {
    const refusal = '请先上传至少一份佐证材料，再标记自评达标';
    const { calls } = mockApi({ meta: withMeta(), ledger: (e) => (e.action === 'updateTask' ? fail('CONFLICT', refusal) : ok(aTask())) });
    const { container } = render(<TaskView id="task-2.3" me={staffEdu} today={TODAY} />);
    await typeInto(container, '#field-self-score', '2');
    await press(container, '#self-ready');
    const alert = await waitFor(() => {
      const el = container.querySelector('#self-error');
      if (!el) throw new Error('no refusal yet');
      return el;
    });
    expect(alert.textContent).toBe(refusal);
    expect(ledgerCalls(calls, 'updateTask')).toEqual([{ action: 'updateTask', id: 'task-2.3', status: 'ready', selfScore: 2 }]);
    // Still not started: the page did not pretend it worked.
    expect(container.querySelector('#task-head')?.textContent).toContain('未开始');
    expect(container.querySelector('#task-notice')).toBeNull();
  });

  test('a self score above the points is caught before asking; evidence needs a name and a description', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      ledger: (e) =>
        e.action === 'addEvidence'
          ? ok({ ...aTask(), status: 'in_progress' })
          : ok(
              ledgerCalls(calls, 'addEvidence').length
                ? aTask({
                    status: 'in_progress',
                    evidence: [
                      {
                        name: String(e.name ?? '入学优待名单'),
                        description: '12 名军人子女全部入学',
                        at: '2026-11-28T02:00:00.000Z',
                        by: 'staff-edu',
                      },
                    ],
                  })
                : aTask(),
            ),
    });
    const { container } = render(<TaskView id="task-2.3" me={staffEdu} today={TODAY} />);
    await typeInto(container, '#field-self-score', '3');
    await press(container, '#self-ready');
    expect(await screen.findByText('最多 2 分')).toBeTruthy();
    expect(ledgerCalls(calls, 'updateTask')).toEqual([]);

    await press(container, '#evidence-submit');
    expect(await screen.findByText('请填写材料名称')).toBeTruthy();
    expect(screen.getByText('请填写材料说明')).toBeTruthy();
    expect(ledgerCalls(calls, 'addEvidence')).toEqual([]);

    await typeInto(container, '#field-evidence-name', '入学优待名单');
    await typeInTextarea(container, '#field-evidence-description', '12 名军人子女全部入学');
    await press(container, '#evidence-submit');
    await waitFor(() =>
      expect(ledgerCalls(calls, 'addEvidence')).toEqual([
        { action: 'addEvidence', taskId: 'task-2.3', name: '入学优待名单', description: '12 名军人子女全部入学' },
      ]),
    );
    await waitFor(() => expect(container.querySelector('#task-notice')?.textContent).toContain('已添加佐证材料「入学优待名单」'));
    await waitFor(() => expect(container.querySelector('#evidence-list')?.textContent).toContain('入学优待名单'));
  });

  test('a task linked to 三率 shows the figures for this year, and asks again for another period', async () => {
    const live = (from: string, to: string, value: number) => ({
      metric: 'rates' as const,
      label: '求助办理三率',
      from,
      to,
      departmentId: 'edu' as const,
      figures: {
        received: 4,
        responseRate: { numerator: 3, denominator: 4, value },
        resolutionRate: { numerator: 2, denominator: 2, value: 1 },
        satisfactionRate: { numerator: 0, denominator: 0, value: null },
        onTimeRate: { numerator: 1, denominator: 2, value: 0.5 },
      },
    });
    const { calls } = mockApi({
      meta: withMeta(),
      ledger: (e) =>
        ok(
          aTask({
            live: e.from ? live(String(e.from), String(e.to), 0.5) : live('2026-01-01', TODAY, 0.75),
            link: { metric: 'rates', departmentId: 'edu' },
          }),
        ),
    });
    const { container } = render(<TaskView id="task-2.3" me={staffEdu} today={TODAY} />);
    const response = await waitFor(() => {
      const el = container.querySelector('#live-response');
      if (!el) throw new Error('no live figure yet');
      return el;
    });
    expect(response.textContent).toBe('75%响应率3/4');
    expect(container.querySelector('#live-figure')?.textContent).toContain('求助办理三率 · 教育局');
    expect(container.querySelector('#live-satisfaction')?.textContent).toBe('—满意率0/0');
    expect(container.querySelector('#period-year')?.getAttribute('aria-checked')).toBe('true');

    fireEvent.click(container.querySelector('#period-lastMonth') as Element);
    await waitFor(() => expect(container.querySelector('#live-response')?.textContent).toBe('50%响应率3/4'));
    expect(ledgerCalls(calls, 'task').at(-1)).toEqual({ action: 'task', id: 'task-2.3', from: '2026-10-01', to: '2026-10-31' });
  });
});

describe('检视问题 and the 双拥办’s settings', () => {
  const problem = {
    _id: 'p1',
    taskId: 'task-2.3',
    description: '2 名随军子女入托手续未办结',
    measure: '与城关幼儿园对接',
    ownerDepartmentId: 'edu' as const,
    ownerPerson: '王科长',
    deadline: '2026-11-20',
    state: 'open' as const,
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-01T02:00:00.000Z',
  };

  test('an overdue problem is marked; editing it keeps its id and sends the new state', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      ledger: (e) => (e.action === 'saveProblem' ? ok({ ...problem, state: e.state }) : ok(aTask({ problems: [problem] }))),
    });
    const { container } = render(<TaskView id="task-2.3" me={staffEdu} today={TODAY} />);
    const row = await waitFor(() => {
      const el = container.querySelector('#problem-p1');
      if (!el) throw new Error('no problem yet');
      return el;
    });
    expect(row.className).toContain('lg-problem--overdue');
    expect(row.textContent).toContain('责任：教育局 · 王科长 · 2026年11月20日前已逾期');
    fireEvent.click(screen.getByText('修改'));
    const sheet = await waitFor(() => {
      const el = container.querySelector('#problem-sheet');
      if (!el) throw new Error('no sheet');
      return el;
    });
    expect(sheet.querySelector('#problem-deadline-value')?.textContent).toBe('2026年11月20日');
    fireEvent.click(screen.getByText('已整改'));
    fireEvent.click(sheet.querySelector('.sheet__actions taro-button-core:last-child') as Element);
    await waitFor(() =>
      expect(ledgerCalls(calls, 'saveProblem')).toEqual([
        {
          action: 'saveProblem',
          id: 'p1',
          taskId: 'task-2.3',
          description: '2 名随军子女入托手续未办结',
          measure: '与城关幼儿园对接',
          ownerDepartmentId: 'edu',
          ownerPerson: '王科长',
          deadline: '2026-11-20',
          state: 'done',
        },
      ]),
    );
    await waitFor(() => expect(container.querySelector('#task-notice')?.textContent).toBe('已更新检视问题。'));
  });

  test('the 双拥办 can re-own a task and link it to a figure; a department cannot', async () => {
    const { calls } = mockApi({ meta: withMeta(), ledger: () => ok(aTask()) });
    const dept = render(<TaskView id="task-2.3" me={staffEdu} today={TODAY} />);
    await screen.findByText('军人子女入学入托优待落实', { selector: '#task-title' });
    expect(dept.container.querySelector('#task-settings')).toBeNull();
    dept.unmount();

    const { container } = render(<TaskView id="task-2.3" me={dispatcher} today={TODAY} />);
    await press(container, '#task-settings');
    const owners = container.querySelector('#settings-owners') as HTMLElement;
    fireEvent.click(screen.getByText('人社局', { selector: '#settings-owners .chip' }));
    fireEvent.click(screen.getByText('教育局', { selector: '#settings-owners .chip' }));
    expect(Array.from(owners.querySelectorAll('.chip--on')).map((c) => c.textContent)).toEqual(['人社局']);
    fireEvent.click(screen.getByText('退役军人专场招聘会'));
    fireEvent.click(container.querySelector('#settings-sheet .sheet__actions taro-button-core:last-child') as Element);
    await waitFor(() =>
      expect(ledgerCalls(calls, 'saveTask')).toEqual([
        { action: 'saveTask', id: 'task-2.3', ownerDepartments: ['hrss'], deadline: '2027-04-30', link: { metric: 'fairs' } },
      ]),
    );
  });
});

describe('the 双拥办’s board', () => {
  test('each bar is as wide as its progress; departments carry their overdue and open problems', async () => {
    mockApi({ meta: withMeta(), ledger: (e) => ok(e.action === 'board' ? aBoard() : { items: [], total: 0 }) });
    const { container } = render(<BoardView me={dispatcher} />);
    await waitFor(() => expect(container.querySelector('#board-areas')).not.toBeNull());
    const fill = (id: string) => container.querySelector<HTMLElement>(`#${id} .figure-bar__fill`);
    const pct = (id: string) => container.querySelector(`#${id} .figure-bar__pct`)?.textContent;

    expect(fill('bar-area-area-2')?.style.width).toBe('37.5%');
    expect(pct('bar-area-area-2')).toBe('37.5%');
    // Nothing done: no fill at all, 0%.
    expect(fill('bar-area-area-1')).toBeNull();
    expect(pct('bar-area-area-1')).toBe('0%');
    expect(fill('bar-dept-edu')?.style.width).toBe('100%');
    expect(fill('bar-dept-civil')?.style.width).toBe('25%');
    expect(container.querySelector('#bar-dept-civil')?.textContent).toContain('逾期 1 项 · 问题 2 条未改');
    expect(container.querySelector('#bar-area-area-2 .figure-bar__detail')?.textContent).toBe('已验收 1/4 项 · 预计 3.5/8 分');
    expect(fill('board-progress')?.style.width).toBe('7.5%');
    expect(container.querySelector('#board-expected')?.textContent).toBe('3.5');
    expect(container.querySelector('#board-total')?.textContent).toContain('/ 50 分');
    expect(container.querySelector('#overdue-4\\.2')?.textContent).toContain('已督办 1 次');
  });

  test('accepting a ready task checks the score against its points, then the board asks again', async () => {
    const ready: ListedTask = {
      ...aTask({ status: 'ready', selfScore: 2, evidence: [{ name: '名单', description: '全部入学', at: '', by: '' }] }),
      overdue: false,
    };
    let accepted = false;
    const { calls } = mockApi({
      meta: withMeta(),
      ledger: (e) => {
        if (e.action === 'accept') {
          accepted = true;
          return ok({ ...ready, status: 'accepted', acceptedScore: e.score });
        }
        if (e.action === 'board') {
          const b = aBoard();
          if (accepted) b.departments[0] = { ...b.departments[0]!, accepted: 2, tasks: 2, progress: 100 };
          return ok(b);
        }
        return ok({ items: accepted ? [] : [ready], total: 1 });
      },
    });
    const { container } = render(<BoardView me={dispatcher} />);
    await press(container, '#accept-2\\.3');
    await typeInto(container, '#field-accept-score', '2.5');
    fireEvent.click(screen.getByText('验收通过'));
    expect(await screen.findByText('最多 2 分')).toBeTruthy();
    expect(ledgerCalls(calls, 'accept')).toEqual([]);

    await typeInto(container, '#field-accept-score', '1.5');
    fireEvent.click(screen.getByText('验收通过'));
    await waitFor(() => expect(ledgerCalls(calls, 'accept')).toEqual([{ action: 'accept', taskId: 'task-2.3', score: 1.5 }]));
    await waitFor(() => expect(container.querySelector('#board-notice')?.textContent).toBe('已验收 2.3，得分 1.5 分。进度已更新。'));
    await waitFor(() => expect(container.querySelector('#bar-dept-edu .figure-bar__detail')?.textContent).toContain('已验收 2/2 项'));
    expect(container.querySelector('#accept-2\\.3')).toBeNull();
    expect(ledgerCalls(calls, 'board')).toHaveLength(2);
  });
});

describe('the standard', () => {
  test('a refused import lists every row to fix, and nothing claims success', async () => {
    Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
    const issues = [
      { path: ['row', 7], message: '第 7 行：分值要是数字' },
      { path: ['row', 12], message: '第 12 行：不认识的责任单位「宣传部」' },
    ];
    const { calls } = mockApi({ meta: withMeta(), ledger: () => fail('INVALID_INPUT', '表格有 2 处需要修改，什么都没有导入', issues) });
    const { container } = render(<StandardView office />);
    await press(container, '#import-choose');
    const box = await waitFor(() => {
      const el = container.querySelector('#import-errors');
      if (!el) throw new Error('no errors yet');
      return el;
    });
    expect(ledgerCalls(calls, 'importStandard')).toEqual([{ action: 'importStandard', fileID: 'cloud://local/uploads/standard.xlsx' }]);
    expect(box.querySelector('.lg-import-errors__title')?.textContent).toBe('表格有 2 处需要修改，什么都没有导入');
    expect(Array.from(box.querySelectorAll('.lg-import-errors__row')).map((r) => r.textContent)).toEqual([
      '第 7 行：分值要是数字',
      '第 12 行：不认识的责任单位「宣传部」',
    ]);
    expect(container.querySelector('#import-result')).toBeNull();
    expect(container.querySelector('#import-errors-more')).toBeNull();
  });

  test('a refused import with more problems than were answered says how many are not listed', async () => {
    Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
    const issues = Array.from({ length: 50 }, (_, i) => ({ path: ['row', i + 3], message: `第 ${i + 3} 行：缺少考评内容` }));
    const refusal: Envelope<never> = {
      ok: false,
      error: { code: 'INVALID_INPUT', message: '表格有 150 处需要修改，什么都没有导入', issues, moreIssues: 100 },
    };
    mockApi({ meta: withMeta(), ledger: () => refusal });
    const { container } = render(<StandardView office />);
    await press(container, '#import-choose');
    const more = await waitFor(() => {
      const el = container.querySelector('#import-errors-more');
      if (!el) throw new Error('no count yet');
      return el;
    });
    expect(more.textContent).toBe('还有 100 条问题未列出');
    const rows = Array.from(container.querySelectorAll('#import-errors .lg-import-errors__row')).map((r) => r.textContent);
    expect(rows).toHaveLength(51);
    expect(rows[0]).toBe('第 3 行：缺少考评内容');
  });

  test('a department sees no import; the sample template is labelled 示例', async () => {
    mockApi({ meta: withMeta(), ledger: () => ok({ fileID: 'cloud://x', url: '/storage/x', name: '考评标准-示例模板.xlsx' }) });
    const { container } = render(<StandardView office={false} />);
    expect(container.querySelector('#standard-import')).toBeNull();
    expect(container.querySelector('#standard-sample .lg-sample-tag')?.textContent).toBe('示例');
    await press(container, '#standard-sample-run');
    const link = await waitFor(() => {
      const a = container.querySelector<HTMLAnchorElement>('#standard-sample-link');
      if (!a) throw new Error('no link yet');
      return a;
    });
    expect(link.getAttribute('download')).toBe('考评标准-示例模板.xlsx');
  });
});

describe('the task lists', () => {
  test('staff see their own tasks first; 全部任务 marks the others 只读', async () => {
    const own: ListedTask = { ...aTask(), overdue: false };
    const other: ListedTask = {
      ...aTask({ id: 'task-2.2', code: '2.2', content: '驻地部队官兵困难家庭帮扶解困', ownerDepartments: ['civil'], editable: false }),
      overdue: true,
    };
    mockApi({
      meta: withMeta(),
      users: () => ok(staffEdu),
      ledger: (e) => ok(e.action === 'board' ? aBoard() : { items: [other, own], total: 2 }),
    });
    const { container } = render(<LedgerPage />);
    await waitFor(() => expect(container.querySelector('#task-list')).not.toBeNull());
    expect(container.querySelector('#ledger-title')?.textContent).toBe('教育局 · 创建任务');
    expect(Array.from(container.querySelectorAll('#task-list .lg-task__code')).map((n) => n.textContent)).toEqual(['2.3']);
    fireEvent.click(screen.getByText('全部任务'));
    const row = await waitFor(() => {
      const el = container.querySelector('#task-2\\.2');
      if (!el) throw new Error('no 2.2 yet');
      return el;
    });
    expect(row.textContent).toContain('只读');
    expect(row.textContent).toContain('已逾期');
    expect(row.className).toContain('lg-task--overdue');
    expect(container.querySelector('#task-2\\.3')?.textContent).not.toContain('只读');
  });
});
