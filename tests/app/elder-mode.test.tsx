import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PageShell } from '../../src/components/page-shell';
import { ELDER_MODE_KEY, elderModeStore, setElderMode } from '../../src/lib/elder-mode';
import type * as ElderMode from '../../src/lib/elder-mode';
import MePage from '../../src/pages/me/index';
import { META, mockApi, ok } from './support/api';

beforeEach(() => act(() => elderModeStore.set(false)));

const pageRoot = (container: HTMLElement) => container.querySelector('.page') as HTMLElement;
// Taro's Switch is a web component: its checkbox appears once the element has rendered.
const switchInput = (container: HTMLElement) =>
  waitFor(() => {
    const input = container.querySelector('#elder-switch input');
    if (!input) throw new Error('the 长辈模式 switch has not rendered');
    return input as HTMLInputElement;
  });

test('the switch in 我的 turns 长辈模式 on, applies the class, and stores it', async () => {
  mockApi({ users: () => ok({ role: 'resident', profile: null }), meta: () => ok(META) });
  const { container } = render(<MePage />);
  await screen.findByText('长辈模式');
  expect(pageRoot(container).classList.contains('page--elder')).toBe(false);

  fireEvent.click(await switchInput(container));

  await waitFor(() => expect(pageRoot(container).classList.contains('page--elder')).toBe(true));
  expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe(true);

  fireEvent.click(await switchInput(container));
  await waitFor(() => expect(pageRoot(container).classList.contains('page--elder')).toBe(false));
  expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe(false);
});

test('every page already open follows the switch', () => {
  const { container } = render(
    <div>
      <PageShell>一</PageShell>
      <PageShell>二</PageShell>
    </div>,
  );
  act(() => setElderMode(true));
  expect(container.querySelectorAll('.page--elder')).toHaveLength(2);
});

test('a new session starts with the stored choice', () => {
  Taro.setStorageSync(ELDER_MODE_KEY, true);
  jest.isolateModules(() => {
    // A fresh module registry is what a relaunch of the app looks like.
    const fresh = require('../../src/lib/elder-mode') as typeof ElderMode;
    expect(fresh.elderModeStore.get()).toBe(true);
  });
  Taro.setStorageSync(ELDER_MODE_KEY, 'yes');
  jest.isolateModules(() => {
    const fresh = require('../../src/lib/elder-mode') as typeof ElderMode;
    expect(fresh.elderModeStore.get()).toBe(false);
  });
});
