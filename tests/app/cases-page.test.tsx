import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PageShell } from '../../src/components/page-shell';
import { CaseView } from '../../src/subpackages/cases/case-view';
import { MyCases } from '../../src/subpackages/cases/mine';
import { Confirmation, spaced } from '../../src/subpackages/cases/submitted';
import { mockApi, ok, type ApiCall } from './support/api';
import { aCase, aSummary, errorUnder, typeText } from './support/cases';

const casesCalls = (calls: ApiCall[], action: string) => calls.filter((c) => c.fn === 'cases' && c.event.action === action);

function renderCase(caseId = 'case-1') {
  return render(
    <PageShell>
      <CaseView caseId={caseId} />
    </PageShell>,
  );
}

const waiting = aCase({
  status: 'waiting',
  statusText: '等您补充材料',
  sla: 'paused',
  steps: { now: '教育局在等您补充材料，办理时限暂停', needFromYou: '孩子的户口本首页和本人页', next: '您补充后，办理继续计时' },
  can: { withdraw: true, supplement: true, rate: false },
});

const resolved = aCase({
  status: 'resolved',
  statusText: '已办结，待您评价',
  sla: 'done',
  resolution: '已为您孩子办理入学优待，9月1日到城关小学报到',
  resolvedAt: '2026-10-10T15:00:00+08:00',
  steps: {
    now: '教育局已办结',
    needFromYou: '请您评价办理结果；如果问题没有解决，可以选“没有解决”，我们会重新办理',
    next: '7 天内没有评价将自动结束',
  },
  can: { withdraw: false, supplement: false, rate: true },
});

test('the case page says what is happening now and what comes next, with the timeline in plain words', async () => {
  mockApi({ cases: () => ok(aCase()) });
  const { container } = renderCase();
  expect(await screen.findByText('教育局将在10月8日 10:00前签收')).toBeTruthy();
  expect(container.querySelector('#step-next')?.textContent).toBe('签收后，教育局将在10月13日 10:00前答复您');
  expect(container.querySelector('#step-need')).toBeNull();
  const timeline = Array.from(container.querySelectorAll('#timeline .cs-timeline__text')).map((e) => e.textContent);
  // Newest first.
  expect(timeline).toEqual(['已转给教育局办理，教育局将在10月13日 10:00前答复您', '已收到您的求助，受理编号 SY260930001']);
  expect(container.querySelector('#supplement-form')).toBeNull();
  expect(container.querySelector('#rate-form')).toBeNull();
  expect(container.querySelector('#withdraw')).toBeTruthy();
});

test('when the department asks for material, the page says what is needed and offers the supplement form only', async () => {
  const after = aCase({
    status: 'in_progress',
    statusText: '正在办理',
    steps: { now: '教育局正在办理', next: '教育局将在10月14日 10:00前答复您' },
  });
  const { calls } = mockApi({ cases: (e) => ok(e.action === 'supplement' ? after : waiting) });
  const { container } = renderCase();
  await waitFor(() => expect(container.querySelector('#step-need')?.textContent).toBe('孩子的户口本首页和本人页'));
  expect(container.querySelector('#supplement-form')).toBeTruthy();
  expect(container.querySelector('#rate-form')).toBeNull();

  fireEvent.click(screen.getByText('提交补充材料'));
  await waitFor(() => expect(errorUnder(container, 'text')).toBe('请填写补充的内容'));
  expect(casesCalls(calls, 'supplement')).toHaveLength(0);

  await typeText(container, '#field-text', '户口本照片已经拍好，孩子 2020 年 5 月出生');
  fireEvent.click(screen.getByText('提交补充材料'));
  await waitFor(() =>
    expect(container.querySelector('#outcome')?.textContent).toMatch(/^已补充教育局会接着办理。教育局将在10月14日 10:00前答复您/),
  );
  expect(casesCalls(calls, 'supplement')[0]?.event).toEqual({
    action: 'supplement',
    caseId: 'case-1',
    text: '户口本照片已经拍好，孩子 2020 年 5 月出生',
  });
  expect(container.querySelector('#supplement-form')).toBeNull();
});

test('the rating form shows only when the case is resolved; "没有解决" says it will be reopened', async () => {
  const reopened = aCase({
    status: 'in_progress',
    statusText: '正在办理',
    dueAt: '2026-10-19T10:00:00+08:00',
    can: { withdraw: true, supplement: false, rate: false },
  });
  const { calls } = mockApi({ cases: (e) => ok(e.action === 'rate' ? reopened : resolved) });
  const { container } = renderCase();
  expect(await screen.findByText('已为您孩子办理入学优待，9月1日到城关小学报到')).toBeTruthy();
  expect(container.querySelector('#rate-form')).toBeTruthy();
  expect(container.querySelector('#supplement-form')).toBeNull();
  expect(container.querySelector('#withdraw')).toBeNull();

  fireEvent.click(screen.getByText('提交评价'));
  await waitFor(() => expect(errorUnder(container, 'score')).toBe('请点星星打个分'));
  expect(errorUnder(container, 'solved')).toBe('请告诉我们问题解决了没有');
  expect(casesCalls(calls, 'rate')).toHaveLength(0);

  fireEvent.click(container.querySelector('#star-2') as HTMLElement);
  expect(container.querySelector('#reopen-note')).toBeNull();
  fireEvent.click(screen.getByText('没有解决'));
  expect(container.querySelector('#reopen-note')?.textContent).toMatch(/重新交给教育局办理/);
  fireEvent.click(screen.getByText('提交评价'));
  await waitFor(() =>
    expect(container.querySelector('#outcome')?.textContent).toBe('已重新办理已重新交给教育局办理，教育局将在 10月19日（周一） 前答复您。'),
  );
  expect(casesCalls(calls, 'rate')[0]?.event).toEqual({ action: 'rate', caseId: 'case-1', score: 2, solved: false });
  expect(container.querySelector('#rate-form')).toBeNull();
});

test('withdrawing asks first; saying no changes nothing', async () => {
  const { calls } = mockApi({
    cases: (e) =>
      e.action === 'withdraw'
        ? ok({ caseId: 'case-1', status: 'withdrawn' })
        : ok(
            casesCalls(calls, 'withdraw').length
              ? aCase({
                  status: 'withdrawn',
                  statusText: '已撤回',
                  steps: { now: '您已撤回这件求助' },
                  can: { withdraw: false, supplement: false, rate: false },
                })
              : aCase(),
          ),
  });
  const { container } = renderCase();
  await waitFor(() => expect(container.querySelector('#withdraw')).toBeTruthy());

  (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
  fireEvent.click(screen.getByText('撤回这件求助'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  expect(casesCalls(calls, 'withdraw')).toHaveLength(0);

  fireEvent.click(screen.getByText('撤回这件求助'));
  await waitFor(() => expect(container.querySelector('#outcome')?.textContent).toMatch(/^已撤回教育局不会再办理这件求助/));
  expect(casesCalls(calls, 'withdraw')).toHaveLength(1);
  expect(container.querySelector('#step-now')?.textContent).toBe('您已撤回这件求助');
  expect(container.querySelector('#withdraw')).toBeNull();
});

test('a case that is not yours says so, with a way to your own', async () => {
  mockApi({ cases: () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您不能查看这件求助' } }) });
  renderCase();
  expect(await screen.findByText('打不开这件求助')).toBeTruthy();
  expect(screen.getByText('您不能查看这件求助')).toBeTruthy();
  fireEvent.click(screen.getByText('看看我的求助'));
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/cases/mine' });
});

test('我的求助 lists each case with its status, department, due date and marks; none yet offers to ask', async () => {
  const { calls } = mockApi({
    cases: () =>
      ok({
        items: [
          aSummary({ caseId: 'a', trackingNo: 'SY260930002', sla: 'amber' }),
          aSummary({ caseId: 'b', trackingNo: 'SY260930001', status: 'waiting', statusText: '等您补充材料', sla: 'paused' }),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      }),
  });
  const { container, unmount } = render(
    <PageShell>
      <MyCases />
    </PageShell>,
  );
  await waitFor(() => expect(container.querySelectorAll('#my-cases .cs-row')).toHaveLength(2));
  const first = container.querySelector('#case-SY260930002') as HTMLElement;
  expect(first.textContent).toContain('等待部门签收');
  expect(first.textContent).toContain('教育局 · 10月13日（周二）前答复');
  expect(first.textContent).toContain('临近答复时间');
  const second = container.querySelector('#case-SY260930001') as HTMLElement;
  expect(second.textContent).toContain('等您补充材料');
  expect(second.textContent).toContain('暂停计时');
  expect(second.textContent).not.toContain('前答复');
  fireEvent.click(first);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/cases/detail?id=a' });
  expect(casesCalls(calls, 'mine')[0]?.event).toEqual({ action: 'mine', page: 1 });
  unmount();

  mockApi({ cases: () => ok({ items: [], total: 0, page: 1, pageSize: 20 }) });
  render(
    <PageShell>
      <MyCases />
    </PageShell>,
  );
  expect(await screen.findByText('您还没有提交过求助')).toBeTruthy();
  fireEvent.click(screen.getByText('我要求助'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/cases/new' });
});

test('the confirmation reads the tracking number out in groups and says by when the department answers', () => {
  expect(spaced('SY260930001')).toBe('SY 260930 001');
  const { container } = render(
    <PageShell>
      <Confirmation
        caseId="case-1"
        trackingNo="SY260930001"
        department="教育局"
        dueAt="2026-10-13T10:00:00+08:00"
        signDueAt="2026-10-08T10:00:00+08:00"
        urgent={false}
      />
    </PageShell>,
  );
  expect(container.querySelector('#tracking-no')?.textContent).toBe('SY 260930 001');
  expect(container.querySelector('#done-due')?.textContent).toBe('教育局将在 10月13日（周二） 前答复您');
  expect(screen.getByText('教育局会在 10月8日（周四） 前签收，签收后会通知您。')).toBeTruthy();
  fireEvent.click(screen.getByText('查看办理进度'));
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/cases/detail?id=case-1' });
});
