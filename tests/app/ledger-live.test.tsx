import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Me } from '../../core/contracts/users';
import type { TaskRecord } from '../../core/ledger/model';
import type { LiveFigure, TaskDetail } from '../../src/services/ledger';
import { TaskView } from '../../src/subpackages/ledger/task-view';
import { mockApi, ok, staffMe, withMeta, type ApiCall } from './support/api';
import { typeInto } from './support/dom';

const TODAY = '2026-11-28';
const dispatcher = { role: 'dispatcher', departmentId: 'office' } as Me;
const ledgerCalls = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'ledger' && c.event.action === action).map((c) => c.event);

function aTask(over: Partial<TaskDetail> = {}): TaskDetail {
  const base: Omit<TaskRecord, '_id'> = {
    areaId: 'area-4',
    order: 401,
    code: '4.1',
    content: '广泛开展双拥宣传，选树退役军人创新创业典型',
    points: 3,
    criteria: '每年发布典型宣传不少于 12 篇',
    evidenceKind: '活动',
    ownerDepartments: ['vab'],
    deadline: '2027-04-30',
    status: 'in_progress',
    evidence: [],
    urges: [],
    notes: [],
    updatedAt: '2026-11-28T02:00:00.000Z',
  };
  return { ...base, _id: 'task-4.1', id: 'task-4.1', editable: true, overdue: false, problems: [], live: null, ...over };
}

const press = async (container: HTMLElement, selector: string) => {
  const el = await waitFor(() => {
    const found = container.querySelector(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });
  fireEvent.click(el);
};

test('a linked task shows its figure by kind, and beside it what the rule earns', async () => {
  const live: LiveFigure = {
    metric: 'stories',
    label: '典型宣传（双拥故事）',
    from: '2026-01-01',
    to: TODAY,
    kind: 'innovation',
    figures: {
      published: 9,
      byKind: [
        { kind: 'model_person', count: 4 },
        { kind: 'support_military', count: 2 },
        { kind: 'support_government', count: 0 },
        { kind: 'innovation', count: 9 },
      ],
    },
    score: { measure: 'published', label: '发布典型宣传', unit: '篇', value: 9, target: 12, points: 3, earned: 2.2 },
  };
  mockApi({ meta: withMeta(), ledger: () => ok(aTask({ live, link: { metric: 'stories', kind: 'innovation', target: 12, points: 3 } })) });
  const { container } = render(<TaskView id="task-4.1" me={staffMe('vab')} today={TODAY} />);
  const score = await waitFor(() => {
    const el = container.querySelector('#live-score');
    if (!el) throw new Error('no score yet');
    return el;
  });
  expect(score.textContent).toBe('发布典型宣传 9篇，目标 12篇 → 2.2 / 3 分');
  expect(container.querySelector('#live-stories')?.textContent).toContain('创新创业（篇）');
  expect(container.querySelector('#live-story-model_person')?.textContent).toBe('4典型人物（篇）');
});

test('a survey rate shows its sample; with no answers yet the rule earns nothing yet', async () => {
  const live: LiveFigure = {
    metric: 'awareness',
    label: '群众知晓率（问卷）',
    from: '2026-01-01',
    to: TODAY,
    figures: { rate: { numerator: 0, denominator: 0, value: null }, sample: 0 },
    score: { measure: 'rate', label: '知晓率', unit: '%', value: null, target: 90, points: 2, earned: null },
  };
  mockApi({ meta: withMeta(), ledger: () => ok(aTask({ live, link: { metric: 'awareness', target: 90, points: 2 } })) });
  const { container } = render(<TaskView id="task-4.1" me={staffMe('vab')} today={TODAY} />);
  await waitFor(() => expect(container.querySelector('#live-survey-sample')?.textContent).toBe('0样本（份问卷）'));
  expect(container.querySelector('#live-survey-rate')?.textContent).toBe('—知晓率0/0');
  expect(container.querySelector('#live-score')?.textContent).toBe('知晓率 暂无数据，目标 90% → — / 2 分');
});

test('the 双拥办 links a task to 创新创业 stories with a rule: 12 篇 for its 3 points', async () => {
  const { calls } = mockApi({ meta: withMeta(), ledger: () => ok(aTask()) });
  const { container } = render(<TaskView id="task-4.1" me={dispatcher} today={TODAY} />);
  await press(container, '#task-settings');
  fireEvent.click(await screen.findByText('典型宣传（双拥故事）'));
  fireEvent.click(screen.getByText('创新创业', { selector: '#settings-link-kind .chip' }));
  await typeInto(container, '#settings-rule-target', '12');
  await typeInto(container, '#settings-rule-points', '3');
  fireEvent.click(container.querySelector('#settings-sheet .sheet__actions taro-button-core:last-child') as Element);
  await waitFor(() =>
    expect(ledgerCalls(calls, 'saveTask')).toEqual([
      {
        action: 'saveTask',
        id: 'task-4.1',
        ownerDepartments: ['vab'],
        deadline: '2027-04-30',
        link: { metric: 'stories', kind: 'innovation', target: 12, points: 3 },
      },
    ]),
  );
});

test('a rule worth more than the task, or half filled in, is not sent', async () => {
  const { calls } = mockApi({ meta: withMeta(), ledger: () => ok(aTask()) });
  const { container } = render(<TaskView id="task-4.1" me={dispatcher} today={TODAY} />);
  await press(container, '#task-settings');
  fireEvent.click(await screen.findByText('志愿服务活动'));
  fireEvent.click(screen.getByText('志愿服务时长', { selector: '#settings-rule-measure .chip' }));
  await typeInto(container, '#settings-rule-target', '500');
  const save = () => fireEvent.click(container.querySelector('#settings-sheet .sheet__actions taro-button-core:last-child') as Element);
  save();
  await waitFor(() => expect(container.querySelector('#error-settings-link')).not.toBeNull());
  await typeInto(container, '#settings-rule-points', '5');
  save();
  await waitFor(() => expect(container.querySelector('#error-settings-link')?.textContent).toBe('计分规则的分值最多 3 分'));
  expect(ledgerCalls(calls, 'saveTask')).toEqual([]);

  await typeInto(container, '#settings-rule-points', '3');
  save();
  await waitFor(() =>
    expect(ledgerCalls(calls, 'saveTask').at(-1)?.link).toEqual({ metric: 'volunteering', measure: 'hours', target: 500, points: 3 }),
  );
});
