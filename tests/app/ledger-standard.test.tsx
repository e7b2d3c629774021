/**
 * The county's own standard in the app: an import refused with the unit the sheet meant set apart, the
 * import's figures (rows and the tasks 各乡镇（街道） made), and a task's 牵头/配合 units, its 乡镇 part,
 * its notes from the sheet and its 佐证材料 checklist.
 */
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../core/contracts/users';
import type { Envelope } from '../../core/envelope';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION } from '../../src/lib/privacy';
import type { TaskDetail } from '../../src/services/ledger';
import { StandardView } from '../../src/subpackages/ledger/standard-view';
import { TaskView } from '../../src/subpackages/ledger/task-view';
import { mockApi, ok, staffMe, withMeta } from './support/api';

jest.mock('../../src/services/choose-file', () => ({
  chooseFile: jest.fn(async () => ({ path: 'blob:standard', name: '任务分解表.xlsx', size: 2048 })),
}));
jest.mock('../../src/services/upload', () => ({ uploadFile: jest.fn(async () => 'cloud://local/uploads/standard.xlsx') }));

const TODAY = '2026-11-28';
const found = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const el = container.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    return el;
  });

async function importWith(answer: Envelope<unknown>) {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  mockApi({ meta: withMeta(), ledger: () => answer });
  const view = render(<StandardView office />);
  (await found(view.container, '#import-choose')).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  return view.container;
}

test('a refused import sets apart the unit each row most likely meant, and says how to fix it', async () => {
  const issues = [
    { path: ['row', 23], message: '第 23 行：不认识“县人设局”，是否为 县人社局？' },
    { path: ['row', 30], message: '第 30 行：不认识“火星局”，本县没有这个单位（可在县情设置里添加别名）' },
  ];
  const container = await importWith({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '表格有 2 处需要修改，什么都没有导入', issues },
  });
  const box = await found(container, '#import-errors');
  expect(Array.from(box.querySelectorAll('.lg-import-errors__row')).map((r) => r.textContent)).toEqual(issues.map((i) => i.message));
  expect(Array.from(box.querySelectorAll('.lg-import-errors__guess')).map((g) => g.textContent)).toEqual(['县人社局']);
  expect(box.querySelector('.lg-import-errors__hint')?.textContent).toContain('改成“是否为”后面的名称');
});

test('the import says how many rows it read and that the 各乡镇（街道） rows were shared out', async () => {
  const container = await importWith(ok({ title: '某县任务分解表', areas: 10, rows: 78, created: 85, updated: 0 }));
  expect((await found(container, '#import-result')).textContent).toBe(
    '已导入「某县任务分解表」：10 个大项、78 项考评内容，新增 85 项任务，更新 0 项。“各乡镇（街道）”的任务已分到每个乡镇。',
  );
});

function aTask(over: Partial<TaskDetail> = {}): TaskDetail {
  return {
    _id: 'task-10.2-3',
    id: 'task-10.2-3',
    areaId: 'area-10',
    order: 10001,
    code: '10.2-3',
    content: '乡镇（街道）退役军人服务站“五有”规范化建设',
    points: 0.5,
    criteria: '每个服务站达标 0.5 分',
    evidenceKind: '基础设施',
    ownerDepartments: ['station-xicheng', 'vab', 'civil'],
    persons: [{ departmentId: 'vab', name: '陈晓燕' }],
    evidenceNeeded: ['挂牌照片', '人员名单', '管理制度'],
    extra: [{ heading: '备注', value: '由各乡镇（街道）分别落实' }],
    part: { code: '10.2', unitId: 'station-xicheng' },
    ongoing: true,
    deadline: '2027-05-31',
    status: 'in_progress',
    evidence: [{ name: '服务站挂牌照片', description: '门牌', at: '2026-11-20T02:00:00.000Z', by: 'staff-station-xicheng' }],
    urges: [],
    notes: [],
    updatedAt: '2026-11-20T02:00:00.000Z',
    editable: true,
    overdue: false,
    problems: [],
    live: null,
    ...over,
  };
}

test('a task shows its 牵头 and 配合 units, the row it is a 乡镇’s part of, the sheet’s notes and what evidence is missing', async () => {
  mockApi({ meta: withMeta(), ledger: () => ok(aTask()) });
  const me: Me = staffMe('station-xicheng');
  const { container } = render(<TaskView id="task-10.2-3" me={me} today={TODAY} />);
  await screen.findByText('乡镇（街道）退役军人服务站“五有”规范化建设', { selector: '#task-title' });
  expect(container.querySelector('#task-lead')?.textContent).toBe('牵头：西城服务站');
  expect(container.querySelector('#task-partners')?.textContent).toBe('配合：退役军人局（陈晓燕）、民政局');
  expect(container.querySelector('#task-part')?.textContent).toContain('第 10.2 项（各乡镇（街道）），这是西城服务站的部分');
  expect(container.querySelector('#task-deadline')?.textContent).toContain('常态化，迎查前（2027年5月31日）检查');
  expect(container.querySelector('#task-extra-0')?.textContent).toBe('备注由各乡镇（街道）分别落实');
  const checklist = container.querySelector('#evidence-checklist');
  expect(checklist?.querySelector('.lg-checklist__title')?.textContent).toBe('应备材料 3 项，还缺 2 项');
  expect(Array.from(checklist?.querySelectorAll('.lg-checklist__item') ?? []).map((i) => i.textContent)).toEqual([
    '✓挂牌照片已有：服务站挂牌照片',
    '○人员名单待补',
    '○管理制度待补',
  ]);
});

test('a task of one unit shows it without 牵头, and no checklist when the standard lists no evidence', async () => {
  const single = aTask({ ownerDepartments: ['edu'], persons: [], evidenceNeeded: [], extra: [], ongoing: false, deadline: '2027-04-30' });
  delete single.part;
  mockApi({ meta: withMeta(), ledger: () => ok(single) });
  const { container } = render(<TaskView id="task-10.2-3" me={staffMe('edu')} today={TODAY} />);
  await screen.findByText('乡镇（街道）退役军人服务站“五有”规范化建设', { selector: '#task-title' });
  expect(container.querySelector('#task-lead')?.textContent).toBe('教育局');
  expect(container.querySelector('#task-partners')).toBeNull();
  expect(container.querySelector('#task-part')).toBeNull();
  expect(container.querySelector('#task-deadline')?.textContent).toBe('完成时限2027年4月30日');
  expect(container.querySelector('#evidence-checklist')).toBeNull();
});
