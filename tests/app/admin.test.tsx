import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Invite, StaffMember } from '../../core/contracts/users';
import AdminPage from '../../src/subpackages/admin/index';
import BindStaffPage from '../../src/subpackages/profile/bind';
import { clearMetaCache } from '../../src/services/meta';
import { META, mockApi, ok, staffMe } from './support/api';
import { typeInto } from './support/dom';

afterEach(() => clearMetaCache());

function adminHost() {
  const staff: StaffMember[] = [{ openid: 'staff-vab', role: 'staff', departmentId: 'vab', name: '陈主任' }];
  const invites: Invite[] = [];
  return {
    staff,
    ...mockApi({
      meta: () => ok(META),
      users: (event) => {
        switch (event.action) {
          case 'listStaff':
            return ok({ items: [...staff], invites: [...invites] });
          case 'createInvite': {
            const invite: Invite = {
              // Each code once, as the cloud makes them.
              code: `K7M2Q9X${'BCDEFGH'[invites.length] ?? 'Z'}`,
              role: event.role as Invite['role'],
              departmentId: event.departmentId as Invite['departmentId'],
              expiresAt: '2026-12-05T10:00:00+08:00',
            };
            invites.push(invite);
            return ok(invite);
          }
          case 'removeStaff':
            staff.splice(
              staff.findIndex((s) => s.openid === event.openid),
              1,
            );
            return ok({ openid: event.openid, role: 'resident' });
          default:
            return { ok: false, error: { code: 'INVALID_INPUT', message: '没有这个操作' } };
        }
      },
    }),
  };
}

test('an invite needs a department, then shows the code to read out', async () => {
  const { calls } = adminHost();
  const { container } = render(<AdminPage />);
  await screen.findByText('陈主任');

  fireEvent.click(screen.getByText('生成邀请码'));
  expect(await screen.findByText('请先选择部门')).toBeTruthy();
  expect(calls.some((c) => c.event.action === 'createInvite')).toBe(false);

  fireEvent.click(screen.getByText('教育局'));
  fireEvent.click(screen.getByText('双拥办调度'));
  fireEvent.click(screen.getByText('生成邀请码'));
  await waitFor(() => expect(container.querySelector('#invite-code')?.textContent).toBe('K7M2Q9XB'));
  expect(calls.find((c) => c.event.action === 'createInvite')?.event).toEqual({
    action: 'createInvite',
    departmentId: 'edu',
    role: 'dispatcher',
  });
  // The list of open invites is read again and carries the new code.
  await waitFor(() => expect(screen.getAllByText('K7M2Q9XB').length).toBe(2));
});

test('a leader is invited without a unit; staff may be invited to a station', async () => {
  const { calls } = adminHost();
  const { container } = render(<AdminPage />);
  await screen.findByText('陈主任');

  // Stations are offered with the county's other units, under their own heading.
  expect(container.querySelector('#invite-units')?.textContent).toContain('退役军人服务站');
  fireEvent.click(screen.getByText('河口服务站'));
  fireEvent.click(screen.getByText('生成邀请码'));
  await waitFor(() => expect(container.querySelector('#invite-code')).toBeTruthy());

  fireEvent.click(screen.getByText('县领导（只读）'));
  expect(container.querySelector('#invite-units')).toBeNull();
  expect(container.querySelector('#invite-leader-hint')?.textContent).toContain('什么都不能改');
  fireEvent.click(screen.getByText('生成邀请码'));
  await waitFor(() => expect(calls.filter((c) => c.event.action === 'createInvite')).toHaveLength(2));
  expect(calls.filter((c) => c.event.action === 'createInvite').map((c) => c.event)).toEqual([
    { action: 'createInvite', departmentId: 'station-hekou', role: 'staff' },
    { action: 'createInvite', role: 'leader' },
  ]);
  await waitFor(() => expect(container.querySelector('#invite-result')?.textContent).toContain('给县领导（只读）的邀请码'));
});

test('removing staff asks first and does nothing when cancelled', async () => {
  const { calls } = adminHost();
  render(<AdminPage />);
  await screen.findByText('陈主任');

  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  fireEvent.click(screen.getByText('移除'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  expect(calls.some((c) => c.event.action === 'removeStaff')).toBe(false);

  fireEvent.click(screen.getByText('移除'));
  await waitFor(() => expect(screen.getByText('还没有工作人员')).toBeTruthy());
  expect(calls.filter((c) => c.event.action === 'removeStaff').map((c) => c.event.openid)).toEqual(['staff-vab']);
});

test('someone who is not an admin sees why, not a broken page', async () => {
  mockApi({ meta: () => ok(META), users: () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行这个操作' } }) });
  render(<AdminPage />);
  expect(await screen.findByText('您没有权限进行这个操作')).toBeTruthy();
  expect(screen.getByText('打不开管理后台')).toBeTruthy();
});

test('binding checks the code’s shape first, then shows the new role', async () => {
  const { calls } = mockApi({ users: (event) => ok({ ...staffMe('edu'), echo: event.inviteCode }) });
  const { container } = render(<BindStaffPage />);
  await typeInto(container, '#field-inviteCode', 'abc');
  fireEvent.click(screen.getByText('绑定'));
  expect(await screen.findByText('邀请码是 8 位字母和数字')).toBeTruthy();
  expect(calls).toHaveLength(0);

  await typeInto(container, '#field-inviteCode', 'k7m2q9xb');
  fireEvent.click(screen.getByText('绑定'));
  expect(await screen.findByText('绑定成功')).toBeTruthy();
  expect(container.textContent).toContain('您现在是教育局的部门工作人员');
  expect(calls.map((c) => c.event)).toEqual([{ action: 'bindStaff', inviteCode: 'K7M2Q9XB' }]);
});

test('a refused code says why', async () => {
  mockApi({ users: () => ({ ok: false, error: { code: 'CONFLICT', message: '这个邀请码已经用过了，请向管理员重新申请' } }) });
  const { container } = render(<BindStaffPage />);
  await typeInto(container, '#field-inviteCode', 'K7M2Q9XB');
  fireEvent.click(screen.getByText('绑定'));
  expect(await screen.findByText('这个邀请码已经用过了，请向管理员重新申请')).toBeTruthy();
});
