import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../core/contracts/users';
import { PageShell } from '../../src/components/page-shell';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION } from '../../src/lib/privacy';
import type { FairDetail, MineItem, MySignup } from '../../src/services/fairs';
import { clearMetaCache } from '../../src/services/meta';
import { CheckinView } from '../../src/subpackages/fairs/checkin';
import { FairDetailView } from '../../src/subpackages/fairs/detail';
import MySignupsPage from '../../src/subpackages/fairs/mine';
import { QrCode, qrMatrix } from '../../src/subpackages/fairs/qr-code';
import { META, mockApi, ok, type Handler } from './support/api';
import { typeInto } from './support/dom';

afterEach(() => clearMetaCache());

function aFair(overrides: Partial<FairDetail> = {}): FairDetail {
  return {
    id: 'fair-winter',
    title: '冬季退役军人专场招聘会',
    startAt: '2026-12-03T09:00:00+08:00',
    endAt: '2026-12-03T16:00:00+08:00',
    signupDeadline: '2026-12-02T18:00:00+08:00',
    capacity: 120,
    venue: { name: '县会展中心 B 馆', address: '东城街道会展大道 1 号', lat: 30.5208, lng: 114.3187 },
    organizerDepartmentId: 'hrss',
    organizerName: '人力资源和社会保障局',
    seatsLeft: 118,
    waitlistCount: 0,
    phase: 'open',
    phaseText: '报名中',
    employerCount: 1,
    positionCount: 6,
    status: 'published',
    description: '全县 30 余家单位参加',
    employers: [
      {
        name: '县城投物业服务有限公司',
        intro: '国有物业企业',
        positions: [{ id: 'p-guard', title: '安保主管', count: 6, salary: '4500-6000 元/月', requirements: '能适应倒班' }],
      },
    ],
    mySignup: null,
    ...overrides,
  };
}

const aSignup = (overrides: Partial<MySignup>): MySignup => ({
  signupId: 'fair-winter:resident-1',
  status: 'confirmed',
  interests: [],
  promoted: false,
  ...overrides,
});

const resident: Me = { role: 'resident', profile: { name: '王建军', phone: '13800138000' } };

function fairHost(fair: FairDetail, fairs: Handler = () => ok(fair)) {
  return mockApi({
    meta: () => ok(META),
    users: () => ok(resident),
    fairs: (event, openid) => (event.action === 'get' ? ok(fair) : fairs(event, openid)),
  });
}

const stateTitle = (container: HTMLElement) => container.querySelector('#signup-state .signup-state__title')?.textContent;

describe('the sign-up state on the fair page says plainly where the person stands', () => {
  test.each<[string, Partial<FairDetail>, string]>([
    ['confirmed', { mySignup: aSignup({ status: 'confirmed', checkinCode: 'K7M2Q9XB' }) }, '报名成功'],
    ['waitlisted', { seatsLeft: 0, waitlistCount: 5, mySignup: aSignup({ status: 'waitlisted', waitlistPosition: 3 }) }, '候补第 3 位'],
    ['checked in', { phase: 'ongoing', mySignup: aSignup({ status: 'checkedIn' }) }, '已签到'],
    ['cancelled', { mySignup: aSignup({ status: 'cancelled' }) }, '已取消报名'],
    ['past the deadline', { phase: 'closed', phaseText: '报名已截止' }, '报名已截止'],
    ['over', { phase: 'ended', phaseText: '已结束', mySignup: aSignup({ status: 'confirmed', checkinCode: 'K7M2Q9XB' }) }, '已结束'],
    ['open, with seats', {}, '还有 118 个名额'],
    ['open, full', { seatsLeft: 0, waitlistCount: 4 }, '名额已满，可以候补'],
  ])('%s', async (_label, overrides, title) => {
    fairHost(aFair(overrides));
    const { container } = render(<FairDetailView id="fair-winter" />);
    await waitFor(() => expect(stateTitle(container)).toBe(title));
    // Only someone who may sign up sees the button.
    const canSignUp = title.startsWith('还有') || title.startsWith('名额已满') || title === '已取消报名';
    expect(container.querySelector('#open-signup') !== null).toBe(canSignUp);
  });
});

test('two taps sign up with the profile’s name and phone; a retried tap reuses the same requestId', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  localStorage.setItem('sy.openid', 'resident-1');
  let attempts = 0;
  const { calls } = mockApi({
    meta: () => ok(META),
    users: () => ok(resident),
    '/__local/subscribe': () => ok({}),
    fairs: (event) => {
      if (event.action === 'get') return ok(aFair());
      attempts++;
      // The first answer is lost on the way: the person taps again.
      if (attempts === 1) return { ok: false, error: { code: 'INTERNAL', message: '系统开了个小差，请稍后再试' } };
      return ok({ signupId: 'fair-winter:resident-1', status: 'confirmed', checkinCode: 'K7M2Q9XB', existing: false });
    },
  });
  const { container } = render(<FairDetailView id="fair-winter" />);

  fireEvent.click(await screen.findByText('我要报名'));
  await waitFor(() => expect((container.querySelector('#field-name input') as HTMLInputElement | null)?.value).toBe('王建军'));
  expect((container.querySelector('#field-phone input') as HTMLInputElement).value).toBe('13800138000');
  fireEvent.click(screen.getByRole('checkbox', { name: '安保主管' }));
  fireEvent.click(screen.getByText('前一天提醒我'));
  await waitFor(() => expect(container.querySelector('#remind')?.getAttribute('aria-checked')).toBe('true'));

  fireEvent.click(container.querySelector('#confirm-signup')!);
  expect(await screen.findByText('系统开了个小差，请稍后再试')).toBeTruthy();
  fireEvent.click(container.querySelector('#confirm-signup')!);
  await waitFor(() => expect(stateTitle(container)).toBe('报名成功'));

  const signups = calls.filter((c) => c.event.action === 'signup').map((c) => c.event);
  expect(signups).toHaveLength(2);
  expect(signups[0]).toEqual({
    action: 'signup',
    fairId: 'fair-winter',
    requestId: expect.stringMatching(/^.{8,}$/),
    name: '王建军',
    phone: '13800138000',
    remind: true,
    positions: ['p-guard'],
  });
  expect(signups[1]?.requestId).toBe(signups[0]?.requestId);
  expect(container.querySelector('#signup-sheet')).toBeNull();
});

test('a wrong phone is caught before anything is sent', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  const { calls } = mockApi({ meta: () => ok(META), users: () => ok({ role: 'resident', profile: null }), fairs: () => ok(aFair()) });
  const { container } = render(<FairDetailView id="fair-winter" />);
  fireEvent.click(await screen.findByText('我要报名'));
  await typeInto(container, '#field-name', '李四');
  await typeInto(container, '#field-phone', '12345');
  fireEvent.click(container.querySelector('#confirm-signup')!);
  expect(await screen.findByText('请填写 11 位手机号')).toBeTruthy();
  expect(calls.some((c) => c.event.action === 'signup')).toBe(false);
});

function mineItem(overrides: Partial<MineItem> = {}, fair: Partial<FairDetail> = {}): MineItem {
  const { employers: _e, description: _d, mySignup: _m, ...summary } = aFair(fair);
  return {
    fairId: 'fair-winter',
    fair: summary,
    signupId: 'fair-winter:resident-1',
    status: 'confirmed',
    checkinCode: 'K7M2Q9XB',
    interests: [],
    promoted: false,
    ...overrides,
  };
}

test('cancelling says the seat goes to the first person waiting, and does nothing when the person keeps it', async () => {
  let status: MineItem['status'] = 'confirmed';
  const { calls } = mockApi({
    fairs: (event) => {
      if (event.action === 'cancel') status = 'cancelled';
      if (event.action === 'cancel') return ok({ signupId: 'fair-winter:resident-1', status: 'cancelled', promoted: ['x'] });
      return ok({
        items: [mineItem({ status, ...(status === 'cancelled' ? { checkinCode: undefined } : {}) }, { seatsLeft: 0, waitlistCount: 2 })],
        total: 1,
      });
    },
  });
  const { container } = render(<MySignupsPage />);
  await screen.findByText('K7M2Q9XB');

  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  fireEvent.click(screen.getByText('取消报名'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  const asked = jest.mocked(Taro.showModal).mock.calls[0]?.[0] as { title: string; content: string };
  expect(asked.title).toBe('取消报名');
  expect(asked.content).toContain('让给候补第 1 位');
  expect(calls.some((c) => c.event.action === 'cancel')).toBe(false);

  fireEvent.click(screen.getByText('取消报名'));
  await waitFor(() => expect(container.querySelector('.signup-state__title')?.textContent).toBe('已取消报名'));
  expect(calls.filter((c) => c.event.action === 'cancel').map((c) => c.event)).toEqual([{ action: 'cancel', fairId: 'fair-winter' }]);
  // The code is void once cancelled: no QR, no code.
  expect(container.querySelector('.qr')).toBeNull();
  expect(screen.queryByText('K7M2Q9XB')).toBeNull();
});

test('leaving the waitlist is explained as leaving the line', async () => {
  mockApi({ fairs: () => ok({ items: [mineItem({ status: 'waitlisted', waitlistPosition: 2, checkinCode: undefined })], total: 1 }) });
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  render(<MySignupsPage />);
  expect(await screen.findByText('候补第 2 位')).toBeTruthy();
  fireEvent.click(screen.getByText('取消报名'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect((jest.mocked(Taro.showModal).mock.calls[0]?.[0] as { content: string }).content).toContain('退出候补');
});

/** Reads the drawn symbol back from the DOM: each row's runs, dark or light, by length. */
function drawnMatrix(container: HTMLElement): boolean[][] {
  return Array.from(container.querySelectorAll('.qr__row')).map((row) =>
    Array.from(row.querySelectorAll('.qr__run')).flatMap((run) =>
      Array.from({ length: Number(run.getAttribute('data-length')) }, () => run.classList.contains('qr__run--dark')),
    ),
  );
}

test('the QR code draws the code’s own matrix, finder patterns in three corners', () => {
  const { container } = render(<QrCode text="K7M2Q9XB" />);
  const drawn = drawnMatrix(container);
  expect(drawn).toEqual(qrMatrix('K7M2Q9XB'));
  // An 8-character alphanumeric code fits version 1: 21 × 21.
  expect(drawn).toHaveLength(21);
  expect(drawn.every((r) => r.length === 21)).toBe(true);
  // The finder pattern, checked by hand: a dark ring, a light ring, a dark 3×3 core.
  const finder = (r0: number, c0: number) =>
    Array.from({ length: 7 }, (_, r) =>
      Array.from({ length: 7 }, (_, c) => {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        return ring !== 2;
      }),
    ).every((row, r) => row.every((dark, c) => drawn[r0 + r]?.[c0 + c] === dark));
  expect(finder(0, 0)).toBe(true);
  expect(finder(0, 14)).toBe(true);
  expect(finder(14, 0)).toBe(true);
  expect(finder(14, 14)).toBe(false);

  // Another code, another symbol.
  const other = render(<QrCode text="A2B3C4D5" />);
  expect(drawnMatrix(other.container)).not.toEqual(drawn);
});

test('我的报名 shows a confirmed sign-up’s QR code and the code in large text', async () => {
  mockApi({ fairs: () => ok({ items: [mineItem()], total: 1 }) });
  const { container } = render(<MySignupsPage />);
  await screen.findByText('报名成功');
  const card = container.querySelector('#code-fair-winter') as HTMLElement;
  expect(card.querySelector('.fair-code__text')?.textContent).toBe('K7M2Q9XB');
  expect(drawnMatrix(card)).toEqual(qrMatrix('K7M2Q9XB'));
});

describe('check-in at the door answers every refusal by its code', () => {
  const refusals: Record<string, { ok: false; error: { code: 'NOT_FOUND' | 'CONFLICT'; message: string } }> = {
    UNKNOWNX: { ok: false, error: { code: 'NOT_FOUND', message: '没有这个签到码，请核对后再试' } },
    OTHERFAX: { ok: false, error: { code: 'CONFLICT', message: '这个签到码属于另一场招聘会' } },
    TWICE234: { ok: false, error: { code: 'CONFLICT', message: '王建军 已经签到过了' } },
    NOTTODAY: { ok: false, error: { code: 'CONFLICT', message: '只能在招聘会当天签到' } },
  };

  function door() {
    return mockApi({
      fairs: (event) => {
        if (event.action === 'get') return ok(aFair());
        const code = String(event.code);
        return (
          refusals[code] ??
          ok({ signupId: 'fair-winter:resident-1', name: '王建军', status: 'checkedIn', checkedInAt: '2026-12-03T09:05:00+08:00' })
        );
      },
    });
  }

  const result = (container: HTMLElement) => ({
    title: container.querySelector('#checkin-result .signup-state__title')?.textContent,
    detail: container.querySelector('#checkin-result .signup-state__detail')?.textContent,
    ok: container.querySelector('#checkin-result')?.classList.contains('signup-state--success'),
  });

  async function tryCode(container: HTMLElement, code: string) {
    await typeInto(container, '#field-code', code);
    fireEvent.click(container.querySelector('#submit-code')!);
  }

  test.each([
    ['UNKNOWNX', '查无此码', '没有这个签到码，请核对后再试'],
    ['OTHERFAX', '不能签到', '这个签到码属于另一场招聘会'],
    ['TWICE234', '不能签到', '王建军 已经签到过了'],
    ['NOTTODAY', '不能签到', '只能在招聘会当天签到'],
  ])('%s', async (code, title, detail) => {
    const { calls } = door();
    const { container } = render(
      <PageShell>
        <CheckinView fairId="fair-winter" />
      </PageShell>,
    );
    await screen.findByText('冬季退役军人专场招聘会');
    await tryCode(container, code);
    await waitFor(() => expect(result(container)).toEqual({ title, detail, ok: false }));
    expect(calls.filter((c) => c.event.action === 'checkin').map((c) => c.event)).toEqual([
      { action: 'checkin', fairId: 'fair-winter', code },
    ]);
  });

  test('a good code says who came in; a malformed one is refused without a call', async () => {
    const { calls } = door();
    const { container } = render(<CheckinView fairId="fair-winter" />);
    await screen.findByText('冬季退役军人专场招聘会');
    await tryCode(container, 'k7m2');
    await waitFor(() => expect(result(container)).toEqual({ title: '签到码不对', detail: '签到码是 8 位字母和数字', ok: false }));
    expect(calls.some((c) => c.event.action === 'checkin')).toBe(false);

    await tryCode(container, 'k7m2q9xb');
    await waitFor(() => expect(result(container).title).toBe('王建军 签到成功'));
    expect(result(container).ok).toBe(true);
    expect(calls.filter((c) => c.event.action === 'checkin').map((c) => c.event.code)).toEqual(['K7M2Q9XB']);
  });
});
