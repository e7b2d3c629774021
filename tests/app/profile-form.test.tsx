import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Me } from '../../core/contracts/users';
import { PageShell } from '../../src/components/page-shell';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION } from '../../src/lib/privacy';
import { ProfileForm } from '../../src/subpackages/profile/profile-form';
import Taro from '@tarojs/taro';
import { META, mockApi, ok } from './support/api';
import { typeInto } from './support/dom';

const newResident: Me = { role: 'resident', profile: null };

function renderForm(me: Me = newResident) {
  const onSaved = jest.fn();
  const view = render(
    <PageShell>
      <ProfileForm me={me} meta={META} onSaved={onSaved} />
    </PageShell>,
  );
  return { ...view, onSaved };
}

const fieldError = (container: HTMLElement, field: string) => container.querySelector(`#error-${field}`)?.textContent ?? null;

test('bad input shows the contract’s message under each field and sends nothing', async () => {
  const { calls } = mockApi({ users: () => ok(newResident) });
  const { container, onSaved } = renderForm();

  await typeInto(container, '#field-phone', '123');
  fireEvent.click(screen.getByText('保存'));

  await waitFor(() => expect(fieldError(container, 'name')).toBe('请填写姓名'));
  expect(fieldError(container, 'phone')).toBe('请填写 11 位手机号');
  expect(calls).toHaveLength(0);
  expect(onSaved).not.toHaveBeenCalled();
});

test('good input asks for consent once, then saves exactly what was entered', async () => {
  const saved: Me = {
    role: 'resident',
    profile: { name: '张三', phone: '13800001111', regionId: 'hekou', identities: ['retired_soldier'] },
  };
  const { calls } = mockApi({ users: () => ok(saved) });
  const { container, onSaved } = renderForm();

  await typeInto(container, '#field-name', ' 张三 ');
  await typeInto(container, '#field-phone', '13800001111');
  fireEvent.click(screen.getByText('河口镇'));
  fireEvent.click(screen.getByText('退役士兵'));
  fireEvent.click(screen.getByText('保存'));

  // The consent sheet comes first; nothing leaves before the person agrees.
  fireEvent.click(await screen.findByText('同意并继续'));
  await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
  expect(calls).toEqual([
    {
      fn: 'users',
      openid: null,
      event: { action: 'saveProfile', name: '张三', phone: '13800001111', regionId: 'hekou', identities: ['retired_soldier'] },
    },
  ]);
  expect(Taro.getStorageSync(PRIVACY_CONSENT_KEY)).toBe(PRIVACY_VERSION);
  expect(fieldError(container, 'name')).toBeNull();
});

test('declining the notice saves nothing', async () => {
  const { calls } = mockApi({ users: () => ok(newResident) });
  const { container, onSaved } = renderForm();
  await typeInto(container, '#field-name', '李四');
  fireEvent.click(screen.getByText('保存'));
  fireEvent.click(await screen.findByText('暂不同意'));
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalled());
  expect(calls).toHaveLength(0);
  expect(onSaved).not.toHaveBeenCalled();
});

test('issues the cloud returns land under their fields', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  mockApi({
    users: () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后再提交',
        issues: [{ path: ['regionId'], message: '请选择所在乡镇/街道' }],
      },
    }),
  });
  const { container, onSaved } = renderForm({ role: 'resident', profile: { name: '王五' } });
  fireEvent.click(screen.getByText('保存'));
  await waitFor(() => expect(fieldError(container, 'regionId')).toBe('请选择所在乡镇/街道'));
  expect(onSaved).not.toHaveBeenCalled();
});

test('the form starts from the saved profile', async () => {
  const { container } = renderForm({ role: 'resident', profile: { name: '赵六', regionId: 'qingshan', identities: ['active_family'] } });
  await waitFor(() => expect((container.querySelector('#field-name input') as HTMLInputElement | null)?.value).toBe('赵六'));
  expect(screen.getByText('青山镇').className).toContain('chip--on');
  expect(screen.getByText('现役军人家属').className).toContain('chip--on');
  expect(screen.getByText('退役士兵').className).not.toContain('chip--on');
});
