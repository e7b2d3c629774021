import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Me } from '../../core/contracts/users';
import type { TaskRecord } from '../../core/ledger/model';
import MePage from '../../src/pages/me/index';
import type { Board, TaskDetail } from '../../src/services/ledger';
import { BoardView } from '../../src/subpackages/ledger/board-view';
import LedgerPage from '../../src/subpackages/ledger/index';
import { StandardView } from '../../src/subpackages/ledger/standard-view';
import { TaskView } from '../../src/subpackages/ledger/task-view';
import { OfficeCaseView } from '../../src/subpackages/office/case-view';
import OfficePage from '../../src/subpackages/office/index';
import { flush, mockApi, ok, staffMe, withMeta, type ApiCall } from './support/api';
import { aQueueItem, aStaffCase } from './support/casework';
import { typeInto } from './support/dom';

/** 县领导（只读）: invited without a unit. */
const LEADER: Me = { role: 'leader', profile: { name: '刘副县长' } };
const TODAY = '2026-11-28';

const callsOf = (calls: ApiCall[], fn: string, action: string) => calls.filter((c) => c.fn === fn && c.event.action === action);
const buttonTexts = (container: HTMLElement, selector = '') =>
  Array.from(container.querySelectorAll(`${selector} taro-button-core`)).map((b) => b.textContent?.trim());

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
    status: 'ready',
    selfScore: 2,
    evidence: [{ name: '入学名单', description: '12 名子女全部入学', at: '2026-11-20T02:00:00.000Z', by: 'staff-edu' }],
    urges: [],
    notes: [],
    updatedAt: '2026-11-28T02:00:00.000Z',
  };
  return { ...base, _id: 'task-2.3', id: 'task-2.3', editable: false, overdue: false, problems: [], live: null, ...over };
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

const BOARD: Board = {
  today: TODAY,
  total: progress(),
  areas: [{ areaId: 'area-2', name: '拥军工作扎实有效', areaPoints: 8, ...progress() }],
  departments: [
    { departmentId: 'edu', name: '教育局', leader: '王局长', liaison: '赵老师', ...progress(), overdue: 0, openProblems: 0, urges: 0 },
    { departmentId: 'pafd', name: '人民武装部', ...progress(), overdue: 1, openProblems: 0, urges: 0 },
  ],
  overdueTasks: [
    {
      id: 'task-4.2',
      code: '4.2',
      content: '支持部队练兵备战',
      deadline: '2026-11-01',
      ownerDepartments: ['pafd', 'edu'],
      persons: [{ departmentId: 'pafd', name: '孙参谋' }],
      status: 'in_progress',
      urged: 1,
    },
  ],
  overdueProblems: [],
  milestones: [],
};

describe('a county leader reads and changes nothing', () => {
  test('我的 leads a leader to the ledger and the supervision lists, not to a workbench or the admin console', async () => {
    mockApi({ meta: withMeta(), users: () => ok(LEADER) });
    const { container } = render(<MePage />);
    await waitFor(() => expect(container.querySelector('#me-role')?.textContent).toBe('县领导（只读）'));
    expect(container.querySelector('#link-ledger')).toBeTruthy();
    expect(container.querySelector('#link-office')?.textContent).toContain('督办清单和三率');
    expect(container.querySelector('#link-workbench')).toBeNull();
    expect(container.querySelector('#link-admin')).toBeNull();
  });

  test('the ledger opens on the whole county, read-only, with the board, the report and the export', async () => {
    mockApi({
      meta: withMeta(),
      users: () => ok(LEADER),
      ledger: (event) => (event.action === 'board' ? ok(BOARD) : ok({ items: [aTask()], total: 1 })),
    });
    const { container } = render(<LedgerPage />);
    expect(await screen.findByText('双拥模范县创建台账（只读）')).toBeTruthy();
    expect(['#link-board', '#link-report', '#link-standard'].map((id) => Boolean(container.querySelector(id)))).toEqual([true, true, true]);
    expect(container.querySelector('#tab-mine')).toBeNull();
    expect(await screen.findByText('军人子女入学入托优待落实')).toBeTruthy();
  });

  test('the board shows every unit’s people and what waits for review, without 验收, 退回 or 督办', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      ledger: (event) => (event.action === 'board' ? ok(BOARD) : ok({ items: [aTask()], total: 1 })),
    });
    const { container } = render(<BoardView me={LEADER} />);
    await screen.findByText('创建进度');
    expect(container.querySelector('#bar-dept-edu')?.textContent).toContain('一把手 王局长 · 专人 赵老师');
    // Who answers for a late task, beside its unit.
    expect(container.querySelector('#overdue-4\\.2')?.textContent).toContain('人武部（孙参谋）牵头，教育局配合');
    // The tasks waiting for review are listed, to read.
    expect(container.querySelector('#ready-2\\.3')?.textContent).toContain('军人子女入学入托优待落实');
    expect(buttonTexts(container)).toEqual([]);
    expect(callsOf(calls, 'ledger', 'tasks')).toHaveLength(1);
  });

  test('a task reads as it stands: no review, no settings, no evidence form, no person to name', async () => {
    mockApi({ meta: withMeta(), ledger: () => ok(aTask()) });
    const { container } = render(<TaskView id="task-2.3" me={LEADER} today={TODAY} />);
    await screen.findByText('考评要求');
    expect(container.querySelector('#readonly-note')).toBeTruthy();
    expect(container.querySelector('#task-review')).toBeNull();
    expect(container.querySelector('#task-settings')).toBeNull();
    expect(container.querySelector('#task-person')).toBeNull();
    expect(buttonTexts(container)).toEqual([]);
  });

  test('the standard page offers the ledger export only', async () => {
    mockApi({});
    const { container } = render(<StandardView office={false} sample={false} />);
    expect(container.querySelector('#standard-export')).toBeTruthy();
    expect(container.querySelector('#standard-import')).toBeNull();
    expect(container.querySelector('#standard-sample')).toBeNull();
  });

  test('the supervision lists read, with no 代为登记, lookup or reminder, and nothing asked of cases.notices', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      users: () => ok(LEADER),
      cases: () =>
        ok({ items: [aQueueItem()], total: 1, counts: { unrouted: 1, returned: 0, flagged: 0, overdue: 0, report: 0, followup: 0 } }),
    });
    const { container } = render(<OfficePage />);
    expect(await screen.findByText('督办清单（只读）')).toBeTruthy();
    await screen.findByText('SY260930001');
    expect(container.querySelector('#link-stats')).toBeTruthy();
    expect(container.querySelector('#link-record')).toBeNull();
    expect(container.querySelector('#notice-consent')).toBeNull();
    expect(buttonTexts(container)).toEqual([]);
    expect(callsOf(calls, 'cases', 'notices')).toEqual([]);
  });

  test('a case from the lists shows no button to act on', async () => {
    mockApi({
      meta: withMeta(),
      users: () => ok(LEADER),
      cases: () => ok(aStaffCase({ contactUnmasked: false, contact: { name: '王**', phone: '138****8000' } })),
    });
    const { container } = render(<OfficeCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    await screen.findByText(/您是只读身份/);
    expect(buttonTexts(container, '#case-actions')).toEqual([]);
    expect(container.querySelector('#case-call')).toBeNull();
  });
});

describe('the person an owner unit names for its task', () => {
  test('the owner unit names its person with ledger.updateTask, beside the other units’ people', async () => {
    const task = aTask({
      status: 'in_progress',
      editable: true,
      ownerDepartments: ['edu', 'civil'],
      persons: [{ departmentId: 'civil', name: '周科长' }],
    });
    const { calls } = mockApi({
      meta: withMeta(),
      ledger: (event) =>
        event.action === 'updateTask'
          ? ok({ ...task, persons: [...(task.persons ?? []), { departmentId: 'edu', name: String(event.person) }] })
          : ok(task),
    });
    const { container } = render(<TaskView id="task-2.3" me={staffMe('edu')} today={TODAY} />);
    await screen.findByText('考评要求');
    expect(container.querySelector('#task-lead')?.textContent).toBe('牵头：教育局');
    expect(container.querySelector('#task-partners')?.textContent).toBe('配合：民政局（周科长）');
    await typeInto(container, '#field-person', '赵老师');
    fireEvent.click(container.querySelector('#task-person-save') as Element);
    await waitFor(() =>
      expect(callsOf(calls, 'ledger', 'updateTask').map((c) => c.event)).toEqual([
        { action: 'updateTask', id: 'task-2.3', person: '赵老师' },
      ]),
    );
    expect(await screen.findByText('本单位这项任务的负责人是赵老师。')).toBeTruthy();
  });

  test('a unit that does not own the task has nothing to name', async () => {
    mockApi({ meta: withMeta(), ledger: () => ok(aTask({ status: 'in_progress' })) });
    const { container } = render(<TaskView id="task-2.3" me={staffMe('civil')} today={TODAY} />);
    await screen.findByText('考评要求');
    await flush();
    expect(container.querySelector('#task-person')).toBeNull();
  });
});
