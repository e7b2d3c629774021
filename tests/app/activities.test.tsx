import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION } from '../../src/lib/privacy';
import type { ActivityDetail, ActivitySignup } from '../../src/services/places';
import { ActivityView } from '../../src/subpackages/places/activity';
import { activityState } from '../../src/subpackages/places/activity-state';
import { META, mockApi, ok } from './support/api';
import { nativeInput } from './support/dom';

const ACTIVITY: ActivityDetail = {
  id: 'act-clean',
  title: '烈士陵园清扫祭扫志愿服务',
  startAt: '2026-12-04T08:00:00+08:00',
  endAt: '2026-12-04T11:00:00+08:00',
  signupDeadline: '2026-12-03T18:00:00+08:00',
  place: '县烈士陵园',
  regionId: 'chengguan',
  description: '清扫墓区、整理花圈。',
  capacity: 1,
  seatsLeft: 0,
  waitlistCount: 1,
  phase: 'open',
  mySignup: null,
};

test('the state says plainly where the person stands', () => {
  const open = { ...ACTIVITY, seatsLeft: 3 };
  expect(activityState(open, null)).toMatchObject({ title: '还有 3 个名额', canSignUp: true, canCancel: false });
  expect(activityState(ACTIVITY, null)).toMatchObject({ title: '名额已满，可以候补', canSignUp: true });
  expect(activityState(ACTIVITY, { status: 'confirmed' })).toMatchObject({ title: '报名成功', tone: 'success', canCancel: true });
  expect(activityState(ACTIVITY, { status: 'confirmed' }).detail).toContain('县烈士陵园');
  expect(activityState(ACTIVITY, { status: 'waitlisted', waitlistPosition: 3 })).toMatchObject({
    title: '候补第 3 位',
    canSignUp: false,
    canCancel: true,
  });
  expect(activityState({ ...ACTIVITY, phase: 'closed' }, null)).toMatchObject({ title: '报名已截止', canSignUp: false });
  // Once it has started a seat cannot be given back, but the waitlist can be left.
  expect(activityState({ ...ACTIVITY, phase: 'ongoing' }, { status: 'confirmed' }).canCancel).toBe(false);
  expect(activityState({ ...ACTIVITY, phase: 'ongoing' }, { status: 'waitlisted', waitlistPosition: 1 }).canCancel).toBe(true);
  expect(activityState({ ...ACTIVITY, phase: 'ended' }, { status: 'confirmed' })).toMatchObject({ title: '已结束', canCancel: false });
  expect(activityState(open, { status: 'cancelled' }).detail).toContain('您已取消报名');
});

function host() {
  let mine: ActivitySignup | null = null;
  let failNext = false;
  const api = mockApi({
    meta: () => ok(META),
    // The local host's stand-in for WeChat's subscribe consent.
    '/__local/subscribe': () => ok({}),
    users: () => ok({ role: 'resident', profile: { name: '王建军', phone: '13800138000' } }),
    places: (event) => {
      switch (event.action) {
        case 'activity':
          return ok({ ...ACTIVITY, waitlistCount: mine?.status === 'waitlisted' ? 2 : 1, mySignup: mine });
        case 'activitySignup':
          if (failNext) {
            failNext = false;
            return { ok: false, error: { code: 'INTERNAL', message: '系统开了个小差，请稍后再试' } };
          }
          mine = { signupId: `act-clean:${String(event.name)}`, status: 'waitlisted', waitlistPosition: 2 };
          return ok({ ...mine, existing: false });
        case 'activityCancel':
          mine = null;
          return ok({ signupId: 'x', status: 'cancelled', promoted: [] });
        default:
          return { ok: false, error: { code: 'INVALID_INPUT', message: '没有这个操作' } };
      }
    },
  });
  return { ...api, failNextSignup: () => (failNext = true) };
}

const signups = (calls: { fn: string; event: Record<string, unknown> }[]) =>
  calls.filter((c) => c.event.action === 'activitySignup').map((c) => c.event);

test('signing up: prefilled from the profile, one requestId per attempt, then 候补第 2 位', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  const { calls, failNextSignup } = host();
  const { container } = render(<ActivityView id="act-clean" />);
  expect(await screen.findByText('名额已满，可以候补')).toBeTruthy();

  fireEvent.click(screen.getByText('报名候补'));
  await screen.findByRole('dialog');
  await waitFor(async () => expect((await nativeInput(container, '#field-name')).value).toBe('王建军'));
  expect((await nativeInput(container, '#field-phone')).value).toBe('13800138000');
  expect(screen.getByRole('dialog').textContent).toContain('候补第 2 位左右');

  // On the waitlist, the person may ask to be told when a place frees up (WeChat asks on this tap).
  localStorage.setItem('sy.openid', 'resident-1');
  fireEvent.click(container.querySelector('#remind') as HTMLElement);
  await waitFor(() => expect(container.querySelector('#remind')?.getAttribute('aria-checked')).toBe('true'));
  expect(calls.find((c) => c.fn === '/__local/subscribe')?.event).toEqual({ templateIds: [META.notifications.activityUpdate] });

  // The first answer is lost: the retry carries the same requestId, so it cannot sign up twice.
  failNextSignup();
  fireEvent.click(container.querySelector('#confirm-signup') as HTMLElement);
  expect(await screen.findByText('系统开了个小差，请稍后再试')).toBeTruthy();
  fireEvent.click(container.querySelector('#confirm-signup') as HTMLElement);
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  const [first, second] = signups(calls);
  expect(first).toMatchObject({ activityId: 'act-clean', name: '王建军', phone: '13800138000', remind: true });
  expect(typeof first?.requestId).toBe('string');
  expect(second?.requestId).toBe(first?.requestId);

  expect(await screen.findByText('候补第 2 位')).toBeTruthy();
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已候补第 2 位', icon: 'none' });
  expect(screen.queryByText('报名候补')).toBeNull();
  expect(screen.getByText('取消报名')).toBeTruthy();
});

test('cancelling asks first, does nothing when the person keeps it, and frees the place otherwise', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  const { calls } = host();
  render(<ActivityView id="act-clean" />);
  fireEvent.click(await screen.findByText('报名候补'));
  fireEvent.click(await screen.findByText('报名候补', { selector: '#confirm-signup, #confirm-signup *' }));
  await screen.findByText('候补第 2 位');

  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  fireEvent.click(screen.getByText('取消报名'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  expect(jest.mocked(Taro.showModal).mock.calls[0]?.[0]).toMatchObject({ content: expect.stringContaining('退出候补') });
  expect(calls.some((c) => c.event.action === 'activityCancel')).toBe(false);
  expect(screen.getByText('候补第 2 位')).toBeTruthy();

  fireEvent.click(screen.getByText('取消报名'));
  await screen.findByText('名额已满，可以候补');
  expect(calls.filter((c) => c.event.action === 'activityCancel').map((c) => c.event)).toEqual([
    { action: 'activityCancel', activityId: 'act-clean' },
  ]);

  // Signing up again is a new attempt with a new requestId.
  fireEvent.click(screen.getByText('报名候补'));
  fireEvent.click(await screen.findByText('报名候补', { selector: '#confirm-signup, #confirm-signup *' }));
  await screen.findByText('候补第 2 位');
  const ids = signups(calls).map((e) => e.requestId);
  expect(ids).toHaveLength(2);
  expect(ids[0]).not.toBe(ids[1]);
});

test('a wrong phone number is caught before anything is sent', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  const { calls } = host();
  const { container } = render(<ActivityView id="act-clean" />);
  fireEvent.click(await screen.findByText('报名候补'));
  const phone = await nativeInput(container, '#field-phone');
  await waitFor(() => expect(phone.value).toBe('13800138000'));
  phone.value = '1380013';
  fireEvent.input(phone);
  fireEvent.click(container.querySelector('#confirm-signup') as HTMLElement);
  expect(await screen.findByText('请填写 11 位手机号')).toBeTruthy();
  expect(signups(calls)).toHaveLength(0);
});
