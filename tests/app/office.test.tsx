import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Queue } from '../../core/contracts/cases';
import OfficePage from '../../src/subpackages/office/index';
import { OfficeCaseView } from '../../src/subpackages/office/case-view';
import RecordPage from '../../src/subpackages/office/record';
import { StatsView } from '../../src/subpackages/office/stats-view';
import { mockApi, ok, withMeta, type ApiCall } from './support/api';
import { aQueueItem, aStaffCase, rate, someStats, typeInTextarea } from './support/casework';
import { typeInto } from './support/dom';

const actions = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'cases' && c.event.action === action).map((c) => c.event);
const COUNTS: Record<Queue, number> = { unrouted: 2, returned: 1, flagged: 0, overdue: 3, report: 1, followup: 4 };

describe('the 三率 page', () => {
  const NOW = new Date('2026-11-28T10:00:00+08:00');

  test('each bar is as wide as its rate, with n/d beside it', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      cases: () =>
        ok(
          someStats({
            edu: {
              received: 4,
              responseRate: rate(3, 4),
              resolutionRate: rate(2, 2),
              satisfactionRate: rate(0, 0),
              onTimeRate: rate(1, 2),
              avgWorkdaysToResolve: 2.5,
            },
            hrss: { received: 3, responseRate: rate(1, 3) },
          }),
        ),
    });
    const { container } = render(<StatsView now={NOW} />);
    const edu = await waitFor(() => {
      const el = container.querySelector('#dept-edu');
      if (!el) throw new Error('no 教育局 yet');
      return el;
    });
    // This month by default: from the 1st to today.
    expect(actions(calls, 'stats')).toEqual([{ action: 'stats', from: '2026-11-01', to: '2026-11-28' }]);

    const bars = Array.from(edu.querySelectorAll('.figure-bar'));
    const fill = (i: number) => bars[i]?.querySelector<HTMLElement>('.figure-bar__fill');
    expect(bars.map((b) => b.querySelector('.figure-bar__label')?.textContent)).toEqual(['响应率', '解决率', '满意率', '按时办结率']);
    expect(fill(0)?.style.width).toBe('75%');
    expect(bars[0]?.querySelector('.figure-bar__value')?.textContent).toBe('75%3/4');
    expect(fill(1)?.style.width).toBe('100%');
    // Nothing rated: no bar, a dash, and 0/0.
    expect(fill(2)).toBeNull();
    expect(bars[2]?.querySelector('.figure-bar__value')?.textContent).toBe('—0/0');
    expect(fill(3)?.style.width).toBe('50%');
    // Colour by level: 75% is amber, 100% green, 50% red.
    expect(fill(0)?.className).toContain('figure-bar__fill--fair');
    expect(fill(1)?.className).toContain('figure-bar__fill--good');
    expect(fill(3)?.className).toContain('figure-bar__fill--poor');
    expect(container.querySelector('#dept-hrss .figure-bar__fill')?.getAttribute('style')).toContain('33.3%');
    // Busiest department first; the ones with nothing are listed by name.
    expect(Array.from(container.querySelectorAll('.dept__name')).map((n) => n.textContent)).toEqual(['教育局', '人力资源和社会保障局']);
    // Idle units by the short names the county gave them (meta.get).
    expect(await screen.findByText(/本期没有收到求助：退役军人局、民政局/)).toBeTruthy();
    // The per-category table.
    expect(container.querySelector('#stats-categories')?.textContent).toContain('子女教育475%100%—50%');
  });

  test('another period asks again; exporting gives the ledger to download', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      cases: (event) =>
        event.action === 'exportStats'
          ? ok({
              fileID: 'cloud://ledgers/x.xlsx',
              url: '/storage/cloud%3A%2F%2Fledgers%2Fx.xlsx',
              name: '三率台账-2026-10-01至2026-10-31.xlsx',
            })
          : ok(someStats({ edu: { received: 1, responseRate: rate(1, 1) } })),
    });
    const { container } = render(<StatsView now={NOW} />);
    await screen.findByText('各部门');
    fireEvent.click(screen.getByText('上月'));
    await waitFor(() => expect(actions(calls, 'stats').at(-1)).toEqual({ action: 'stats', from: '2026-10-01', to: '2026-10-31' }));
    await screen.findByText('2026年10月1日至2026年10月31日');

    fireEvent.click(screen.getByText('导出台账'));
    const link = await waitFor(() => {
      const a = container.querySelector<HTMLAnchorElement>('#ledger-link');
      if (!a) throw new Error('no link yet');
      return a;
    });
    expect(actions(calls, 'exportStats')).toEqual([{ action: 'exportStats', from: '2026-10-01', to: '2026-10-31' }]);
    expect(link.getAttribute('href')).toBe('/storage/cloud%3A%2F%2Fledgers%2Fx.xlsx');
    expect(link.getAttribute('download')).toBe('三率台账-2026-10-01至2026-10-31.xlsx');
  });
});

describe('the console', () => {
  test('queue tabs carry their counts and ask for their list', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      cases: (event) =>
        ok({
          items: event.list === 'returned' ? [aQueueItem({ returned: true, departmentId: 'office', departmentName: '双拥办' })] : [],
          total: event.list === 'returned' ? 1 : 0,
          counts: COUNTS,
        }),
    });
    const { container } = render(<OfficePage />);
    expect(await screen.findByText('没有待分派的求助')).toBeTruthy();
    const tab = (id: string) => container.querySelector(`#tab-${id}`)?.textContent;
    expect([tab('unrouted'), tab('returned'), tab('flagged'), tab('overdue'), tab('report'), tab('followup')]).toEqual([
      '待分派2',
      '被退回1',
      '待核0',
      '超期3',
      '通报1',
      '回访4',
    ]);
    fireEvent.click(screen.getByText('被退回'));
    expect(await screen.findByText('SY260930001')).toBeTruthy();
    expect(actions(calls, 'queue')).toEqual([
      { action: 'queue', list: 'unrouted' },
      { action: 'queue', list: 'returned' },
    ]);
    expect(container.querySelector('#case-SY260930001')?.textContent).toContain('被退回');
    expect(container.querySelector('#case-SY260930001')?.textContent).toContain('联系电话 138****8000');
  });
});

describe('the 双拥办’s case', () => {
  test('a returned case is assigned to the department chosen, with the reason', async () => {
    const returned = aStaffCase({ departmentId: 'office', departmentName: '双拥办', returned: true, contactUnmasked: true });
    const { calls } = mockApi({
      meta: withMeta(),
      cases: (event) =>
        event.action === 'get'
          ? ok(returned)
          : ok(aStaffCase({ departmentId: 'hrss', departmentName: '人力资源和社会保障局', signDueAt: '2026-11-30T10:00:00+08:00' })),
    });
    const { container } = render(<OfficeCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    expect(Array.from(container.querySelectorAll('#case-actions taro-button-core')).map((b) => b.textContent)).toEqual([
      '分派',
      '内部备注',
    ]);

    fireEvent.click(screen.getByText('分派'));
    await typeInTextarea(container, '#sheet-assign', '家长问的是就业，转人社局');
    fireEvent.click(screen.getByText('确认分派'));
    expect(await screen.findByText('请先选择部门')).toBeTruthy();
    expect(actions(calls, 'assign')).toEqual([]);

    fireEvent.click(screen.getByText('人社局'));
    fireEvent.click(screen.getByText('确认分派'));
    await screen.findByText(/^已分派给人力资源和社会保障局，须在11月30日 10:00前签收/);
    expect(actions(calls, 'assign')).toEqual([
      { action: 'assign', caseId: 'case-1', departmentId: 'hrss', reason: '家长问的是就业，转人社局' },
    ]);
  });

  test('a follow-up call recorded as not satisfied asks first, then reopens the case', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      cases: (event) =>
        event.action === 'get'
          ? ok(aStaffCase({ status: 'resolved', sla: 'done', contactUnmasked: false }))
          : ok(aStaffCase({ status: 'in_progress', dueAt: '2026-12-07T10:00:00+08:00' })),
    });
    const { container } = render(<OfficeCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    expect(Array.from(container.querySelectorAll('#case-actions taro-button-core')).map((b) => b.textContent)).toEqual([
      '记录回访',
      '内部备注',
    ]);

    fireEvent.click(screen.getByText('记录回访'));
    fireEvent.click(screen.getByText('保存回访'));
    expect(await screen.findByText('请选择回访结果')).toBeTruthy();
    fireEvent.click(screen.getByText('不满意，重新办理'));
    fireEvent.click(screen.getByText('保存回访'));
    await screen.findByText(/^已记录回访：不满意。已交回教育局重新办理，须在12月7日 10:00前办结/);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '重办' }));
    expect(actions(calls, 'followUp')).toEqual([{ action: 'followUp', caseId: 'case-1', satisfied: false }]);
  });

  test('an open case at a department can be urged with a note', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      cases: () => ok(aStaffCase({ status: 'accepted', sla: 'red', contactUnmasked: false })),
    });
    const { container } = render(<OfficeCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    expect(Array.from(container.querySelectorAll('#case-actions taro-button-core')).map((b) => b.textContent)).toEqual([
      '改派',
      '督办',
      '内部备注',
    ]);
    fireEvent.click(screen.getByText('督办'));
    await typeInTextarea(container, '#sheet-urge', '请今天内联系群众');
    fireEvent.click(screen.getByText('确认督办'));
    await screen.findByText(/^已督办/);
    expect(actions(calls, 'urge')).toEqual([{ action: 'urge', caseId: 'case-1', note: '请今天内联系群众' }]);
  });
});

describe('代为登记', () => {
  test('says which contact field is wrong, then records the call and gives the tracking number', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      cases: () =>
        ok({
          caseId: 'c7',
          trackingNo: 'SY261128003',
          departmentId: 'edu',
          departmentName: '教育局',
          status: 'assigned',
          signDueAt: '2026-11-30T10:00:00+08:00',
          dueAt: '2026-12-07T10:00:00+08:00',
          message: '',
        }),
    });
    const { container } = render(<RecordPage />);
    fireEvent.click(screen.getByText('子女教育'));
    await typeInTextarea(container, '#field-description', '来电说孩子转学遇到困难，学校不接收');
    // The 乡镇 are the county's, from meta.get.
    fireEvent.click(await screen.findByText('河口镇'));
    await typeInto(container, '#field-name', '李秀兰');
    await typeInto(container, '#field-phone', '1380000');
    fireEvent.click(screen.getByText('登记并转给部门'));
    expect(await screen.findByText('请填写 11 位手机号')).toBeTruthy();
    expect(container.querySelector('#field-name .field__error')).toBeNull();
    expect(actions(calls, 'record')).toEqual([]);

    await typeInto(container, '#field-phone', '13800000002');
    await typeInTextarea(container, '#field-callerNote', '下午三点后方便接电话');
    fireEvent.click(screen.getByText('登记并转给部门'));
    expect(await screen.findByText('已登记，受理编号 SY261128003')).toBeTruthy();
    const [sent] = actions(calls, 'record');
    expect(sent).toEqual({
      action: 'record',
      requestId: expect.stringMatching(/^rec\w{8,}/),
      category: 'children',
      description: '来电说孩子转学遇到困难，学校不接收',
      region: 'hekou',
      contact: { name: '李秀兰', phone: '13800000002' },
      callerNote: '下午三点后方便接电话',
    });
    expect(container.querySelector('#record-done')?.textContent).toContain('已转给教育局，须在11月30日 10:00前签收');
  });
});

describe('the 双拥办’s new-case reminders', () => {
  test('a returned case the dispatcher was not told of is marked; one tap asks consent before any await', async () => {
    localStorage.setItem('sy.openid', 'dispatcher');
    const missed = [
      { caseId: 'back', number: 'SY260930003', title: '有部门退回了求助，请改派', at: '2026-09-30 11:00' },
      { taskId: 'task-2.2', number: '2.2', title: '创建任务督办 2.2', at: '2026-09-29 09:00' },
    ];
    const { calls } = mockApi({
      meta: withMeta(),
      '/__local/subscribe': () => ok({}),
      cases: (event) =>
        event.action === 'notices'
          ? ok({ missed })
          : ok({
              items: [aQueueItem({ caseId: 'back', trackingNo: 'SY260930003', returned: true }), aQueueItem()],
              total: 2,
              counts: COUNTS,
            }),
    });
    const { container } = render(<OfficePage />);
    expect(await screen.findByText('有 2 条新求助提醒没能发给您')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('#case-SY260930003')).toBeTruthy());
    expect(container.querySelector('#case-SY260930003')?.textContent).toContain('提醒没有送达');
    expect(container.querySelector('#case-SY260930001')?.textContent).not.toContain('提醒没有送达');
    // A ledger 督办 it missed opens its task.
    fireEvent.click(screen.getByText(/2\.2 · 创建任务督办 2\.2/));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/ledger/task?id=task-2.2' });

    const before = calls.length;
    fireEvent.click(screen.getByText('接收新求助提醒'));
    expect(calls.slice(before).map((c) => c.fn)).toEqual(['/__local/subscribe']);
    expect(calls.at(-1)?.openid).toBe('dispatcher');
    expect(await screen.findByText(/这次已为您多开启 1 条提醒/)).toBeTruthy();
  });
});
