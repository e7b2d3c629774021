import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MePage from '../../src/pages/me/index';
import { IdentitySwitcher } from '../../src/pages/me/identity-switcher';
import { getIdentity } from '../../src/services/identity';
import type { Me } from '../../core/contracts/users';
import { META, mockApi, ok } from './support/api';
import { typeInto } from './support/dom';

const people: Record<string, Me> = {
  'resident-1': { role: 'resident', profile: { name: '刘建国', phone: '13912345678' } },
  admin: { role: 'admin', profile: null },
  'staff-edu': { role: 'staff', departmentId: 'edu', profile: null },
};

function hostWithPeople() {
  return mockApi({
    meta: () => ok(META),
    users: (_event, openid) =>
      openid
        ? ok(people[openid] ?? { role: 'resident', profile: null })
        : { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } },
  });
}

test('choosing an identity stores it and sends it as x-openid; 匿名访客 sends none', async () => {
  const { calls } = hostWithPeople();
  const { container } = render(<MePage />);
  expect(await screen.findByText('您好，访客')).toBeTruthy();
  expect(calls.filter((c) => c.fn === 'users').map((c) => c.openid)).toEqual([null]);

  fireEvent.click(screen.getByText('群众一'));
  expect(localStorage.getItem('sy.openid')).toBe('resident-1');
  expect(await screen.findByText('刘建国')).toBeTruthy();
  // The phone is masked on 我的 as everywhere else.
  expect(container.textContent).toContain('139****5678');
  expect(container.textContent).not.toContain('13912345678');

  fireEvent.click(screen.getByText('管理员'));
  await waitFor(() => expect(container.querySelector('#me-role')?.textContent).toBe('管理员'));
  expect(screen.getByText('管理后台')).toBeTruthy();

  fireEvent.click(screen.getByText('匿名访客'));
  expect(await screen.findByText('您好，访客')).toBeTruthy();
  expect(getIdentity()).toBeNull();
  expect(calls.filter((c) => c.fn === 'users').map((c) => c.openid)).toEqual([null, 'resident-1', 'admin', null]);
});

test('staff see their department; only admins see 管理后台', async () => {
  localStorage.setItem('sy.openid', 'staff-edu');
  hostWithPeople();
  const { container } = render(<MePage />);
  await waitFor(() => expect(container.querySelector('#me-department')?.textContent).toBe('教育局'));
  expect(container.querySelector('#me-role')?.textContent).toBe('部门工作人员');
  expect(screen.queryByText('管理后台')).toBeNull();
  expect(screen.queryByText('我是工作人员')).toBeNull();
});

test('新用户 is an id the host has never seen; a typed id is used as given', async () => {
  const onChange = jest.fn();
  const { container } = render(<IdentitySwitcher onChange={onChange} />);
  fireEvent.click(screen.getByText('新用户'));
  const fresh = getIdentity();
  expect(fresh).toMatch(/^visitor-[a-z0-9]+$/);

  await typeInto(container, '', 'resident-9');
  fireEvent.click(screen.getByText('使用'));
  expect(getIdentity()).toBe('resident-9');
  expect(onChange).toHaveBeenCalledTimes(2);
});

test('an id the host would refuse is not stored', async () => {
  localStorage.setItem('sy.openid', 'resident-2');
  const { container } = render(<IdentitySwitcher onChange={jest.fn()} />);
  await typeInto(container, '', '张 三');
  fireEvent.click(screen.getByText('使用'));
  expect(getIdentity()).toBe('resident-2');
  expect(await screen.findByText(/只能用字母、数字/)).toBeTruthy();
});
