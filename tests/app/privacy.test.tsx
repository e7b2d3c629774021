import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PageShell } from '../../src/components/page-shell';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION, askPrivacy, ensurePrivacyConsent, hasPrivacyConsent } from '../../src/lib/privacy';

test('ensurePrivacyConsent shows the sheet once; after agreeing it answers at once', async () => {
  render(<PageShell>页面</PageShell>);
  expect(screen.queryByRole('dialog')).toBeNull();

  let answer: boolean | undefined;
  act(() => {
    void ensurePrivacyConsent().then((v) => (answer = v));
  });
  expect(await screen.findByRole('dialog')).toBeTruthy();
  expect(screen.getByRole('dialog').textContent).toContain('我们不收集身份证号');
  fireEvent.click(screen.getByText('同意并继续'));
  await waitFor(() => expect(answer).toBe(true));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(Taro.getStorageSync(PRIVACY_CONSENT_KEY)).toBe(PRIVACY_VERSION);

  await expect(ensurePrivacyConsent()).resolves.toBe(true);
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('two features asking at once share one sheet and one answer', async () => {
  render(<PageShell>页面</PageShell>);
  let both: boolean[] = [];
  act(() => {
    void Promise.all([ensurePrivacyConsent(), ensurePrivacyConsent()]).then((v) => (both = v));
  });
  expect(await screen.findAllByRole('dialog')).toHaveLength(1);
  fireEvent.click(screen.getByText('暂不同意'));
  await waitFor(() => expect(both).toEqual([false, false]));
  expect(hasPrivacyConsent()).toBe(false);
});

test('a consent to an older notice does not count', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, '2020-01');
  expect(hasPrivacyConsent()).toBe(false);
});

test('reading the notice from 我的 closes with 我知道了 and asks nothing', async () => {
  render(<PageShell>页面</PageShell>);
  act(() => {
    void askPrivacy('read');
  });
  fireEvent.click(await screen.findByText('我知道了'));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(screen.queryByText('同意并继续')).toBeNull();
  expect(hasPrivacyConsent()).toBe(false);
});
