import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { DeleteReport } from '../../core/contracts/users';
import ProfilePage from '../../src/subpackages/profile/index';
import { META, mockApi, ok } from './support/api';

const REPORT: DeleteReport = {
  deleted: true,
  erased: { profile: false, favorites: 0, signups: 1, casesWithdrawn: 1, casesAnonymized: 0, subscriptions: 0, files: 0 },
  done: ['1 件正在办理的求助已撤回，部门不会再为此联系您', '1 条招聘会、志愿活动报名上的姓名和手机号已删除，主办单位的名单里不再有'],
  kept: ['报名的状态（已报名、候补、已签到）会保留，不含您的姓名和电话：这样活动的名额和候补顺序仍然准确'],
};

function api() {
  return mockApi({
    meta: () => ok(META),
    users: (event) => (event.action === 'deleteMe' ? ok(REPORT) : ok({ role: 'resident', profile: null })),
  });
}

test('deletion is offered without a profile too, and after it the page says what was removed and what was kept, and why', async () => {
  const { calls } = api();
  const { container } = render(<ProfilePage />);
  fireEvent.click(await screen.findByText('删除我的信息'));
  expect(await screen.findByText('已删除您的个人信息')).toBeTruthy();
  expect(calls.filter((c) => c.event.action === 'deleteMe')).toHaveLength(1);
  expect(container.querySelector('#deleted-report')?.textContent).toContain('1 件正在办理的求助已撤回');
  expect(container.querySelector('#deleted-kept')?.textContent).toContain('候补顺序仍然准确');
  fireEvent.click(screen.getByText('返回我的'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
});

test('declining the confirmation deletes nothing', async () => {
  const { calls } = api();
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  render(<ProfilePage />);
  fireEvent.click(await screen.findByText('删除我的信息'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(calls.filter((c) => c.event.action === 'deleteMe')).toHaveLength(0);
  expect(screen.queryByText('已删除您的个人信息')).toBeNull();
});
