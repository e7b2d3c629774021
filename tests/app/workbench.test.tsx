import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Envelope } from '../../core/envelope';
import WorkbenchPage from '../../src/subpackages/workbench/index';
import { StaffCaseView } from '../../src/subpackages/workbench/case-view';
import type { StaffCase } from '../../src/services/cases';
import type * as weappSubscribe from '../../src/services/subscribe.weapp';
import { flush, mockApi, ok, staffMe, withMeta, type ApiCall } from './support/api';
import { nativeInput } from './support/dom';
import { aStaffCase, anInboxItem, nativeTextarea, typeInTextarea } from './support/casework';

const staffEdu = staffMe('edu', { profile: { name: '教育局值班员' } });
const actions = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'cases' && c.event.action === action).map((c) => c.event);
const buttons = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('#case-actions taro-button-core')).map((b) => b.textContent?.trim());

describe('the inbox', () => {
  test('each filter tab asks the inbox for that filter and shows what it answers', async () => {
    const overdue = anInboxItem({ caseId: 'late', trackingNo: 'SY260930009', sla: 'red', status: 'accepted', excerpt: '已经超期的求助' });
    const { calls } = mockApi({
      meta: withMeta(),
      users: () => ok(staffEdu),
      cases: (event) =>
        ok(
          event.filter === 'overdue'
            ? { items: [overdue], total: 1, page: 1, pageSize: 20 }
            : { items: [anInboxItem()], total: 1, page: 1, pageSize: 20 },
        ),
    });
    const { container } = render(<WorkbenchPage />);
    expect(await screen.findByText('教育局 · 工作台')).toBeTruthy();
    await screen.findByText('SY260930001');
    expect(actions(calls, 'inbox')).toEqual([{ action: 'inbox', filter: 'open', page: 1 }]);

    fireEvent.click(screen.getByText('已超期'));
    expect(await screen.findByText('已经超期的求助')).toBeTruthy();
    expect(actions(calls, 'inbox').at(-1)).toEqual({ action: 'inbox', filter: 'overdue', page: 1 });
    expect(screen.queryByText('SY260930001')).toBeNull();
    // The red mark and the overdue deadline line.
    const card = container.querySelector('#case-SY260930009') as HTMLElement;
    expect(card.className).toContain('case-card--red');
    expect(within(card).getByText('已超期')).toBeTruthy();
    expect(card.textContent).toContain('办结已超期');

    for (const [label, filter] of [
      ['新派单', 'new'],
      ['即将到期', 'due_soon'],
      ['等待补充', 'waiting'],
      ['已办结', 'resolved'],
      ['全部', 'all'],
    ] as const) {
      fireEvent.click(screen.getByText(label));
      await waitFor(() => expect(actions(calls, 'inbox').at(-1)).toEqual({ action: 'inbox', filter, page: 1 }));
    }
  });

  test('an urged case sits on top with the 双拥办’s note, in the order the function answers', async () => {
    const urged = anInboxItem({
      caseId: 'urged',
      trackingNo: 'SY260930002',
      status: 'accepted',
      sla: 'amber',
      urged: true,
      lastUrge: '群众多次来电，请今天内联系并答复',
    });
    mockApi({
      meta: withMeta(),
      users: () => ok(staffEdu),
      cases: () => ok({ items: [urged, anInboxItem()], total: 2, page: 1, pageSize: 20 }),
    });
    const { container } = render(<WorkbenchPage />);
    await screen.findByText('SY260930002');
    const cards = Array.from(container.querySelectorAll('.case-card'));
    expect(cards.map((c) => c.id)).toEqual(['case-SY260930002', 'case-SY260930001']);
    expect(cards[0]?.querySelector('.case-card__urge')?.textContent).toBe('督办群众多次来电，请今天内联系并答复');
    expect(cards[0]?.className).toContain('case-card--amber');
    expect(cards[1]?.querySelector('.case-card__urge')).toBeNull();

    fireEvent.click(cards[0] as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/workbench/case?id=urged' });
  });

  test('a wrong tracking number is explained before anything is asked', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      users: () => ok(staffEdu),
      cases: () => ok({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    const { container } = render(<WorkbenchPage />);
    expect(await screen.findByText('没有待办的事项')).toBeTruthy();
    const input = await nativeInput(container, '#lookup');
    input.value = 'sy12';
    fireEvent.input(input);
    fireEvent.click(screen.getByText('查询'));
    expect(await screen.findByText('受理编号是 SY 加 9 位数字')).toBeTruthy();
    expect(Taro.navigateTo).not.toHaveBeenCalled();

    input.value = ' sy260930001 ';
    fireEvent.input(input);
    fireEvent.click(screen.getByText('查询'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/workbench/case?no=SY260930001' });
    expect(actions(calls, 'lookup')).toEqual([]);
  });
});

describe('the case', () => {
  /** cases.get answers `initial`; each action answers what `after` makes of it. */
  function caseHost(initial: StaffCase, after: Record<string, (event: Record<string, unknown>) => Envelope<unknown>> = {}) {
    return mockApi({
      meta: withMeta(),
      cases: (event) => {
        const action = String(event.action);
        if (action === 'get') return ok(initial);
        if (action === 'templates') return ok({ items: [] });
        return after[action]?.(event) ?? { ok: false, error: { code: 'INVALID_INPUT', message: `unexpected ${action}` } };
      },
    });
  }

  test('the actions follow the status: sign first, then answer, resolve or return', async () => {
    const accepted = aStaffCase({ status: 'accepted', statusText: '部门已签收' });
    const { calls } = caseHost(aStaffCase(), { accept: () => ok(accepted) });
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('孩子明年要上小学，想问问军人子女入学有什么优待，需要准备什么材料？');
    expect(buttons(container)).toEqual(['签收', '退回双拥办', '内部备注']);
    expect(container.querySelector('#case-phone')?.textContent).toBe('13800138000');
    expect(container.querySelector('#case-call')).toBeTruthy();

    fireEvent.click(screen.getByText('签收'));
    await screen.findByText(/^已签收。请在10月13日 10:00前办结/);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '签收', confirmText: '签收' }));
    expect(actions(calls, 'accept')).toEqual([{ action: 'accept', caseId: 'case-1' }]);
    expect(buttons(container)).toEqual(['办结', '答复', '要求补充材料', '退回双拥办', '内部备注']);
  });

  test.each([
    ['in_progress', ['办结', '答复', '要求补充材料', '内部备注'], null],
    ['waiting', ['内部备注'], '正在等群众补充材料，办理时限暂停。群众补充后会通知您。'],
    ['resolved', ['内部备注'], '已办结，等群众评价。'],
    ['closed', [], '这件求助已经结束。'],
  ] as const)('status %s offers %j', async (status, expected, hint) => {
    caseHost(aStaffCase({ status, sla: status === 'waiting' ? 'paused' : status === 'in_progress' ? 'ok' : 'done' }));
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    expect(buttons(container)).toEqual(expected);
    if (hint) expect(screen.getByText(hint)).toBeTruthy();
  });

  test('another department’s case: the phone stays masked and only a note is offered', async () => {
    caseHost(
      aStaffCase({
        departmentId: 'hrss',
        departmentName: '人力资源和社会保障局',
        contactUnmasked: false,
        contact: { name: '王**', phone: '138****8000' },
      }),
    );
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    expect(buttons(container)).toEqual(['内部备注']);
    expect(container.querySelector('#case-phone')?.textContent).toBe('138****8000（号码只对承办部门显示）');
    expect(container.querySelector('#case-call')).toBeNull();
    expect(screen.getByText('这件求助现在由人力资源和社会保障局办理，您可以查看和写内部备注。')).toBeTruthy();
  });

  test('a case reassigned away: only what this department wrote, and nothing to act on', async () => {
    mockApi({
      meta: withMeta(),
      cases: () =>
        ok({
          caseId: 'case-1',
          trackingNo: 'SY260930001',
          formerHolder: true,
          notice: '这件求助已经转给其他部门办理，这里只显示本部门当时写下的记录',
          timeline: [{ at: '2026-09-30T11:00:00+08:00', type: 'returned', text: '教育局退回双拥办：属于就业问题', internal: true }],
        }),
    });
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    expect(await screen.findByText('本部门写下的记录')).toBeTruthy();
    expect(container.querySelector('#former-holder-notice')?.textContent).toContain('已经转给其他部门办理');
    expect(container.querySelectorAll('.timeline__item')).toHaveLength(1);
    expect(screen.getByText('教育局退回双拥办：属于就业问题')).toBeTruthy();
    expect(container.querySelector('#case-actions')).toBeNull();
    expect(container.querySelector('#case-phone')).toBeNull();
  });

  test('internal timeline entries are marked 内部', async () => {
    caseHost(aStaffCase());
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('办理经过');
    const items = Array.from(container.querySelectorAll('.timeline__item'));
    // Newest first: the routing reason (internal), then the submission.
    expect(items.map((i) => i.classList.contains('timeline__item--internal'))).toEqual([true, false]);
    expect(items[0]?.querySelector('.timeline__internal')?.textContent).toBe('内部');
    expect(items[1]?.querySelector('.timeline__internal')).toBeNull();
  });

  test('a template fills the reply, which can be changed before it is sent', async () => {
    const template = {
      _id: 't1',
      category: 'children',
      title: '入学材料',
      text: '请带户口本和军人证明到教育局窗口办理。',
      updatedAt: '',
      updatedBy: '',
    };
    const { calls } = mockApi({
      meta: withMeta(),
      cases: (event) => {
        if (event.action === 'get') return ok(aStaffCase({ status: 'accepted' }));
        if (event.action === 'templates') return ok({ items: [template] });
        if (event.action === 'reply') return ok(aStaffCase({ status: 'in_progress' }));
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'unexpected' } };
      },
    });
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    fireEvent.click(screen.getByText('答复'));
    fireEvent.click(await screen.findByText('入学材料'));
    expect(actions(calls, 'templates')).toEqual([{ action: 'templates', category: 'children' }]);
    await waitFor(async () => expect((await nativeTextarea(container, '#sheet-reply')).value).toBe(template.text));

    await typeInTextarea(container, '#sheet-reply', `${template.text}周一到周五都可以。`);
    fireEvent.click(screen.getByText('发送答复'));
    await screen.findByText(/^答复已发给群众/);
    expect(actions(calls, 'reply')).toEqual([{ action: 'reply', caseId: 'case-1', text: `${template.text}周一到周五都可以。` }]);
    expect(container.querySelector('#sheet-reply')).toBeNull();
  });

  test('an empty summary is caught here; a refusal from the function is shown in its own words', async () => {
    const { calls } = caseHost(aStaffCase({ status: 'in_progress' }), {
      resolve: () => ({ ok: false, error: { code: 'CONFLICT', message: '这件事已经办结了，不能进行这个操作' } }),
    });
    const { container } = render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    fireEvent.click(screen.getByText('办结'));
    fireEvent.click(await screen.findByText('确认办结'));
    expect(await screen.findByText('请填写办结情况')).toBeTruthy();
    expect(actions(calls, 'resolve')).toEqual([]);

    await typeInTextarea(container, '#sheet-resolve', '已协调学校入学');
    fireEvent.click(screen.getByText('确认办结'));
    expect(await screen.findByText('这件事已经办结了，不能进行这个操作')).toBeTruthy();
    expect(actions(calls, 'resolve')).toEqual([{ action: 'resolve', caseId: 'case-1', summary: '已协调学校入学' }]);
    // A CONFLICT means the case moved on: it is read again.
    await waitFor(() => expect(actions(calls, 'get')).toHaveLength(2));
  });

  test('cancelling the confirmation sends nothing', async () => {
    const { calls } = caseHost(aStaffCase());
    render(<StaffCaseView caseRef={{ id: 'case-1' }} />);
    await screen.findByText('群众的求助');
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByText('签收'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(actions(calls, 'accept')).toEqual([]);
  });

  test('a case another department holds cannot be opened: FORBIDDEN is said plainly', async () => {
    mockApi({ meta: withMeta(), cases: () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您不能查看这件求助' } }) });
    render(<StaffCaseView caseRef={{ no: 'SY260930001' }} />);
    expect(await screen.findByText('您不能查看这件求助')).toBeTruthy();
    expect(screen.getByText('打不开这件求助')).toBeTruthy();
  });
});

describe('new-case reminders (接收新求助提醒)', () => {
  const MISSED = [{ caseId: 'case-2', number: 'SY260930002', title: '双拥办分派了一件求助', at: '2026-09-30 10:00' }];
  function host(missed: typeof MISSED = MISSED) {
    localStorage.setItem('sy.openid', 'staff-edu');
    return mockApi({
      meta: withMeta(),
      users: () => ok(staffEdu),
      '/__local/subscribe': () => ok({}),
      cases: (event) =>
        event.action === 'notices'
          ? ok({ missed })
          : ok({
              items: [anInboxItem(), anInboxItem({ caseId: 'case-2', trackingNo: 'SY260930002', excerpt: '提醒没送到的求助' })],
              total: 2,
              page: 1,
              pageSize: 20,
            }),
    });
  }

  test('a case whose message could not be sent is marked, and the banner counts and lists it', async () => {
    const { container } = (host(), render(<WorkbenchPage />));
    expect(await screen.findByText('有 1 条新求助提醒没能发给您')).toBeTruthy();
    expect(screen.getByText(/您同意接收的提醒已经用完了/)).toBeTruthy();
    await screen.findByText('提醒没送到的求助');
    const missedCard = container.querySelector('#case-SY260930002') as HTMLElement;
    const plainCard = container.querySelector('#case-SY260930001') as HTMLElement;
    expect(within(missedCard).getByText('提醒没有送达').className).toContain('tag--missed');
    expect(within(plainCard).queryByText('提醒没有送达')).toBeNull();
    // The banner's line opens the case.
    fireEvent.click(screen.getByText(/SY260930002 · 双拥办分派了一件求助/));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/workbench/case?id=case-2' });
  });

  test('consent is asked in the same tick as the tap, before anything is awaited, and again on every tap', async () => {
    const { calls } = host();
    render(<WorkbenchPage />);
    await screen.findByText('有 1 条新求助提醒没能发给您');
    await screen.findByText('SY260930002');
    await flush();
    const before = calls.length;
    fireEvent.click(screen.getByText('接收新求助提醒'));
    // Synchronously, before the click's handler could have awaited anything: the consent request is the
    // one call made, with the staff template from meta.
    expect(calls.slice(before).map((c) => c.fn)).toEqual(['/__local/subscribe']);
    expect(calls.at(-1)).toMatchObject({ event: { templateIds: ['case_new'] }, openid: 'staff-edu' });
    expect(await screen.findByText(/这次已为您多开启 1 条提醒/)).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '好的，有新求助会提醒您', icon: 'none' });
    // Used up later? One more tap, one more consent.
    fireEvent.click(screen.getByText('接收新求助提醒'));
    expect(calls.filter((c) => c.fn === '/__local/subscribe')).toHaveLength(2);
    expect(await screen.findByText(/这次已为您多开启 2 条提醒/)).toBeTruthy();
  });

  test('with nothing missed the banner only offers the reminder; a refusal says the inbox still has it', async () => {
    const { fetchMock } = host([]);
    render(<WorkbenchPage />);
    expect(await screen.findByText('新求助提醒')).toBeTruthy();
    expect(screen.getByText(/有新派单、退回或督办时，用微信服务通知提醒您/)).toBeTruthy();
    await screen.findByText('SY260930002');
    expect(screen.queryByText('提醒没有送达')).toBeNull();
    // The person declines in WeChat's dialog (the local host refuses).
    fetchMock.mockImplementationOnce(async () => ({ ok: false, status: 403, json: async () => ({}) }) as unknown as Response);
    fireEvent.click(screen.getByText('接收新求助提醒'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '没有开启提醒，新求助仍会出现在这里', icon: 'none' }));
  });

  test('in WeChat, the tap calls wx.requestSubscribeMessage itself before any await', async () => {
    const requestSubscribeMessage = jest.fn(async () => ({ case_new: 'accept', errMsg: 'requestSubscribeMessage:ok' }));
    (Taro as unknown as Record<string, unknown>).requestSubscribeMessage = requestSubscribeMessage;
    const { requestSubscribe } = jest.requireActual<typeof weappSubscribe>('../../src/services/subscribe.weapp');
    const answer = requestSubscribe(['case_new']);
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['case_new'], entityIds: [] });
    expect(await answer).toEqual(['case_new']);
  });
});
