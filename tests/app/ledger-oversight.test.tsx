import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Me } from '../../core/contracts/users';
import type { Assessment } from '../../src/services/ledger';
import AssessmentPage from '../../src/subpackages/ledger/assessment';
import LedgerPage from '../../src/subpackages/ledger/index';
import InspectionPage from '../../src/subpackages/ledger/inspection';
import { mockApi, ok, staffMe, withMeta, type ApiCall } from './support/api';

const DISPATCHER: Me = { role: 'dispatcher', departmentId: 'office' } as Me;
const LEADER: Me = { role: 'leader', profile: { name: '刘副县长' } };
const NOW = '2026-11-28T02:00:00.000Z';

const ledgerCalls = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'ledger' && c.event.action === action).map((c) => c.event);

/** Taro's <Button> is a web component: the click goes to it, found by its id. */
const press = async (container: HTMLElement, selector: string) => {
  const el = await waitFor(() => {
    const found = container.querySelector(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });
  fireEvent.click(el);
};

const meta = withMeta((event) => (event.action === 'ping' ? ok({ now: NOW }) : ok({})));

const figures = { due: 3, onTime: 1, overdue: 2, earned: 2.5, expected: 5, possible: 9, urges: 4, problems: 2, problemsClosed: 1 };
function anAssessment(year: number): Assessment {
  return {
    year,
    asOf: `${year}-11-28`,
    units: [
      { departmentId: 'edu', name: '教育局', lead: 1, assist: 1, ...figures, overdue: 0 },
      { departmentId: 'civil', name: '民政局', lead: 3, assist: 1, ...figures },
    ],
    total: { tasks: 4, ...figures },
  };
}

describe('迎查材料包', () => {
  test('the 双拥办 makes the package and gets its link, with what the index marks in red', async () => {
    const file = {
      fileID: 'cloud://x/exports/a/b/迎查材料包-2026-11-28.zip',
      url: '/storage/pkg.zip?sign=1',
      name: '迎查材料包-2026-11-28.zip',
    };
    const { calls } = mockApi({
      meta,
      users: () => ok(DISPATCHER),
      ledger: () => ok({ ...file, expiresAt: '2026-11-29T02:00:00.000Z', tasks: 78, files: 640, flagged: 12 }),
    });
    const { container } = render(<InspectionPage />);
    await press(container, '#inspection-run');
    expect(await screen.findByText(/共 78 项任务、640 份材料文件/)).toBeTruthy();
    expect(screen.getByText(/索引里标红 12 项/)).toBeTruthy();
    expect(ledgerCalls(calls, 'evidencePackage')).toEqual([{ action: 'evidencePackage' }]);
    // In the browser, a link that saves the .zip under its own name.
    const link = container.querySelector('#inspection-file') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(file.url);
    expect(link.getAttribute('download')).toBe(file.name);
  });

  test('a refusal is said on the page; a unit’s clerk is told the package is the 双拥办’s and asks nothing', async () => {
    const { calls } = mockApi({
      meta,
      users: () => ok(LEADER),
      ledger: () => ({ ok: false, error: { code: 'INTERNAL', message: '读取材料文件时出错，请稍后重试' } }),
    });
    const { container, unmount } = render(<InspectionPage />);
    await press(container, '#inspection-run');
    expect((await screen.findByRole('alert')).textContent).toContain('请稍后重试');
    expect(container.querySelector('#inspection-file')).toBeNull();
    unmount();

    const clerk = mockApi({ meta, users: () => ok(staffMe('edu')), ledger: () => ok({}) });
    const page = render(<InspectionPage />);
    expect(await screen.findByText('迎查材料包由双拥办生成')).toBeTruthy();
    expect(page.container.querySelector('#inspection-run')).toBeNull();
    expect(ledgerCalls(clerk.calls, 'evidencePackage')).toHaveLength(0);
    expect(ledgerCalls(calls, 'evidencePackage')).toHaveLength(1);
  });

  test('the ledger’s home offers both pages to the 双拥办', async () => {
    mockApi({
      meta,
      users: () => ok(DISPATCHER),
      ledger: (event) =>
        event.action === 'board'
          ? ok({
              today: '2026-11-28',
              total: { tasks: 0, accepted: 0, ready: 0, inProgress: 0, notStarted: 0, points: 0, expected: 0, progress: 0 },
              areas: [],
              departments: [],
              overdueTasks: [],
              overdueProblems: [],
              milestones: [],
            })
          : ok({ items: [], total: 0 }),
    });
    const { container } = render(<LedgerPage />);
    await waitFor(() => expect(container.querySelector('#link-inspection')).toBeTruthy());
    expect(container.querySelector('#link-assessment')).toBeTruthy();
  });
});

describe('年度考评', () => {
  test('a leader reads each unit’s year, switches to last year, and exports the sheet', async () => {
    const { calls } = mockApi({
      meta,
      users: () => ok(LEADER),
      ledger: (event) =>
        event.action === 'assessment'
          ? ok(anAssessment(event.year as number))
          : ok({
              fileID: 'cloud://x/a.xlsx',
              url: '/storage/a.xlsx?sign=1',
              name: `${String(event.year)}年度创建工作考评.xlsx`,
              expiresAt: '',
            }),
    });
    const { container } = render(<AssessmentPage />);
    expect(await screen.findByText('全县 4 项任务（统计截至 2026-11-28）')).toBeTruthy();
    expect(ledgerCalls(calls, 'assessment')).toEqual([{ action: 'assessment', year: 2026 }]);
    const civil = container.querySelector('#assessment-civil') as HTMLElement;
    expect(Array.from(civil.querySelectorAll('.figure-table__cell'), (c) => c.textContent)).toEqual([
      '3/1',
      '1/3',
      '2',
      '2.5/9',
      '4',
      '1/2',
    ]);
    // Overdue in red; none for 教育局.
    expect(civil.querySelector('.figure-table__cell--alert')?.textContent).toBe('2');
    expect(container.querySelector('#assessment-edu .figure-table__cell--alert')).toBeNull();

    await press(container, '#assessment-export-run');
    const link = (await waitFor(() => {
      const found = container.querySelector('#assessment-file');
      if (!found) throw new Error('no file link');
      return found;
    })) as HTMLAnchorElement;
    expect(link.getAttribute('download')).toBe('2026年度创建工作考评.xlsx');
    expect(ledgerCalls(calls, 'exportAssessment')).toEqual([{ action: 'exportAssessment', year: 2026 }]);

    fireEvent.click(container.querySelector('#tab-2025') as HTMLElement);
    expect(await screen.findByText('全县 4 项任务（统计截至 2025-11-28）')).toBeTruthy();
    expect(ledgerCalls(calls, 'assessment').at(-1)).toEqual({ action: 'assessment', year: 2025 });
    // Last year's sheet is not this year's link.
    expect(container.querySelector('#assessment-file')).toBeNull();
    expect(screen.getByText('导出 2025 年度考评表')).toBeTruthy();
    // Read-only: nothing on the page writes.
    expect(calls.filter((c) => c.fn === 'ledger').every((c) => ['assessment', 'exportAssessment'].includes(String(c.event.action)))).toBe(
      true,
    );
  });

  test('a unit’s clerk is sent to the unit’s own page', async () => {
    const { calls } = mockApi({ meta, users: () => ok(staffMe('edu')), ledger: () => ok(anAssessment(2026)) });
    render(<AssessmentPage />);
    expect(await screen.findByText('年度考评由双拥办和县领导查看')).toBeTruthy();
    expect(ledgerCalls(calls, 'assessment')).toHaveLength(0);
  });
});
