import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Envelope } from '../../core/envelope';
import type { StaffCase } from '../../src/services/cases';
import { StaffCaseView } from '../../src/subpackages/workbench/case-view';
import { StatsView } from '../../src/subpackages/office/stats-view';
import { InboxList } from '../../src/subpackages/workbench/inbox-list';
import { flush, mockApi, ok, withMeta, type ApiCall } from './support/api';
import { aStaffCase, anInboxItem, someStats, typeInTextarea } from './support/casework';

const actions = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'cases' && c.event.action === action).map((c) => c.event);
const buttons = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('#case-actions taro-button-core')).map((b) => b.textContent?.trim());

/** A relief request routed to 河口镇's station, which holds it (its clerk sees the whole phone). */
const atStation = (overrides: Partial<StaffCase> = {}) =>
  aStaffCase({
    category: 'relief',
    categoryName: '帮扶救助',
    departmentId: 'station-hekou',
    departmentName: '河口镇退役军人服务站',
    status: 'accepted',
    routing: { departmentId: 'station-hekou', reason: '河口镇的「帮扶救助」由河口镇退役军人服务站办理', rule: null },
    departmentsHeld: ['station-hekou'],
    ...overrides,
  });

const TEAM = [
  { openid: 'staff-hekou-1', name: '李红' },
  { openid: 'staff-hekou-2', name: '张强' },
];

/** cases.get answers `initial`; an action answers what `after` makes of its event; users.colleagues the team. */
function host(initial: StaffCase, after: Record<string, (event: Record<string, unknown>) => Envelope<unknown>> = {}) {
  return mockApi({
    meta: withMeta(),
    users: (event) =>
      event.action === 'colleagues' ? ok({ items: TEAM }) : { ok: false, error: { code: 'FORBIDDEN', message: '不可以' } },
    cases: (event) => {
      const action = String(event.action);
      if (action === 'get') return ok(initial);
      return after[action]?.(event) ?? { ok: false, error: { code: 'INVALID_INPUT', message: `unexpected ${action}` } };
    },
  });
}

describe('a station escalates a case to a county unit', () => {
  test('上报 asks for a county unit and a reason, then sends cases.escalate', async () => {
    const escalated = atStation({
      departmentId: 'civil',
      departmentName: '民政局',
      status: 'assigned',
      contactUnmasked: false,
      signDueAt: '2026-11-30T10:00:00+08:00',
      dueAt: '2026-12-07T10:00:00+08:00',
    });
    const { calls } = host(atStation(), { escalate: () => ok(escalated) });
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    await waitFor(() => expect(buttons(container)).toContain('上报县级部门'));

    fireEvent.click(screen.getByText('上报县级部门'));
    const sheet = container.querySelector('#sheet-escalate') as HTMLElement;
    const offered = Array.from(sheet.querySelectorAll('#escalate-departments .chip')).map((c) => c.textContent);
    // County units only: no station hands a case to another.
    expect(offered).toContain('民政局');
    expect(offered.some((name) => name?.includes('服务站'))).toBe(false);

    await typeInTextarea(container, '#sheet-escalate', '需要民政局审批临时救助，服务站已核实家庭情况');
    fireEvent.click(screen.getByText('确认上报'));
    expect(await screen.findByText('请先选择县级单位')).toBeTruthy();
    expect(actions(calls, 'escalate')).toEqual([]);

    fireEvent.click(within(sheet).getByText('民政局'));
    fireEvent.click(screen.getByText('确认上报'));
    await screen.findByText(/^已上报民政局，须在11月30日 10:00前签收/);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '上报给民政局', confirmText: '上报' }));
    expect(actions(calls, 'escalate')).toEqual([
      { action: 'escalate', caseId: 'case-1', departmentId: 'civil', reason: '需要民政局审批临时救助，服务站已核实家庭情况' },
    ]);
    // The station no longer holds it: nothing but a note is left to do.
    expect(buttons(container)).toEqual(['内部备注']);
  });

  test('a county unit holding a case has no 上报 (it returns to the 双拥办 instead)', async () => {
    host(aStaffCase({ status: 'accepted', statusText: '部门已签收' }));
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    await waitFor(() => expect(buttons(container)).toContain('指定承办人'));
    expect(buttons(container)).not.toContain('上报县级部门');
    expect(buttons(container)).toContain('退回双拥办');
  });
});

describe('the 承办人', () => {
  test('the holder names a colleague; the case shows who handles it', async () => {
    const named = atStation({ handler: { openid: 'staff-hekou-2', name: '张强' } });
    const { calls } = host(atStation(), { setHandler: () => ok(named) });
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    await waitFor(() => expect(buttons(container)).toContain('指定承办人'));

    fireEvent.click(screen.getByText('指定承办人'));
    const sheet = container.querySelector('#sheet-handler') as HTMLElement;
    // Only the choice: there is nothing to write.
    expect(sheet.querySelector('textarea')).toBeNull();
    fireEvent.click(within(sheet).getByText('确定'));
    expect(await screen.findByText('请先选一位同事')).toBeTruthy();

    fireEvent.click(within(sheet).getByText('张强'));
    fireEvent.click(within(sheet).getByText('确定'));
    await screen.findByText('已由张强承办，他会收到提醒。');
    expect(actions(calls, 'setHandler')).toEqual([{ action: 'setHandler', caseId: 'case-1', openid: 'staff-hekou-2' }]);
    expect(container.querySelector('.case-head__meta')?.textContent).toContain('承办人 张强');
    expect(buttons(container)).toContain('更换承办人');
  });

  test('a case held elsewhere offers no 承办人', async () => {
    const { calls } = host(atStation({ departmentId: 'civil', departmentName: '民政局', contactUnmasked: false }));
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    // The team has been read: the button is left out for the case, not for want of colleagues.
    await waitFor(() => expect(calls.some((c) => c.fn === 'users' && c.event.action === 'colleagues')).toBe(true));
    await flush();
    expect(buttons(container)).toEqual(['内部备注']);
  });

  test('an inbox card names its 承办人', async () => {
    mockApi({
      meta: withMeta(),
      cases: () =>
        ok({
          items: [anInboxItem({ handlerName: '李红' }), anInboxItem({ caseId: 'c2', trackingNo: 'SY260930002' })],
          total: 2,
          page: 1,
          pageSize: 20,
        }),
    });
    const { container } = render(<InboxList filter="open" refreshKey={0} />);
    await screen.findByText('SY260930002');
    expect(container.querySelector('#case-SY260930001')?.textContent).toContain('承办人 李红');
    expect(container.querySelector('#case-SY260930002')?.textContent).not.toContain('承办人');
  });
});

test('the 三率 count a station’s escalations apart', async () => {
  const stats = someStats({ 'station-hekou': { received: 3 }, civil: { received: 2 } });
  const hekou = stats.departments.find((d) => d.departmentId === 'station-hekou');
  if (!hekou) throw new Error('the demo county has 河口镇’s station');
  hekou.escalated = 2;
  mockApi({ meta: withMeta(), cases: () => ok(stats) });
  const { container } = render(<StatsView now={new Date('2026-11-28T10:00:00+08:00')} />);
  const station = await waitFor(() => {
    const el = container.querySelector('#dept-station-hekou');
    if (!el) throw new Error('no station yet');
    return el;
  });
  expect(station.textContent).toContain('收到 3 件 · 上报县级 2 件');
  expect(container.querySelector('#dept-civil')?.textContent).not.toContain('上报');
});

test('a station that escalated all it received is shown with its escalations, not as idle', async () => {
  const stats = someStats({ civil: { received: 1 } });
  const hekou = stats.departments.find((d) => d.departmentId === 'station-hekou');
  if (!hekou) throw new Error('the demo county has 河口镇’s station');
  hekou.escalated = 1;
  mockApi({ meta: withMeta(), cases: () => ok(stats) });
  const { container } = render(<StatsView now={new Date('2026-11-28T10:00:00+08:00')} />);
  const station = await waitFor(() => {
    const el = container.querySelector('#dept-station-hekou');
    if (!el) throw new Error('no station yet');
    return el;
  });
  expect(station.textContent).toContain('收到 0 件 · 上报县级 1 件');
  expect(container.querySelector('#stats-departments')?.textContent).not.toMatch(/本期没有收到求助：[^。]*河口服务站/);
});
