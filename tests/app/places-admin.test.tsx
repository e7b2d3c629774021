import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ActivityFormView, type ActivityForm } from '../../src/subpackages/places/activity-edit';
import { PlaceFormView } from '../../src/subpackages/places/place-edit';
import { checkPlaceForm, newPlaceForm } from '../../src/subpackages/places/place-form';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import { metaFor, mockApi, ok, withMeta, type ApiCall } from './support/api';
import { typeInto } from './support/dom';

test('the place form becomes what places.save takes: numbers, a list of services, no empty extras', () => {
  const checked = checkPlaceForm({
    ...newPlaceForm(),
    name: '河口镇惠民超市',
    kind: 'preferential',
    regionId: 'hekou',
    address: '河口镇中心街 30 号',
    lat: '30.4659',
    lng: '114.2562',
    services: '购物、 送货上门,  ',
    // Stars belong to service stations only: dropped for a shop.
    stars: 4,
    offers: [
      { who: '优待证持有人', what: '每周三 95 折' },
      { who: '', what: '' },
    ],
    acceptsPreferentialCard: true,
  });
  expect(checked).toEqual({
    ok: true,
    data: {
      name: '河口镇惠民超市',
      kind: 'preferential',
      regionId: 'hekou',
      address: '河口镇中心街 30 号',
      lat: 30.4659,
      lng: 114.2562,
      services: ['购物', '送货上门'],
      offers: [{ who: '优待证持有人', what: '每周三 95 折' }],
      acceptsPreferentialCard: true,
    },
  });
  const bad = checkPlaceForm({
    ...newPlaceForm(),
    name: '某地',
    kind: 'model_street',
    regionId: 'hekou',
    address: '某路',
    lat: '130',
    lng: '',
  });
  expect(bad).toMatchObject({ ok: false, errors: { lat: '纬度在 -90 到 90 之间', lng: '经度要是数字' } });
});

const placesCalls = (calls: ApiCall[]) => calls.filter((c) => c.fn === 'places');

test('a new place: mistakes are shown before anything is sent, then it is saved once', async () => {
  const api = mockApi({ meta: withMeta(), places: (event) => ok({ id: `new-${String(event.name)}` }) });
  const onSaved = jest.fn();
  const { container } = render(<PlaceFormView initial={newPlaceForm()} onSaved={onSaved} />);

  fireEvent.click(container.querySelector('#save-place') as HTMLElement);
  expect(await screen.findByText('请填写名称')).toBeTruthy();
  expect(placesCalls(api.calls)).toHaveLength(0);

  await typeInto(container, '#field-name', '县老兵驿站');
  fireEvent.click(within(container.querySelector('#field-kind') as HTMLElement).getByText('退役军人服务站'));
  // A station may have stars.
  fireEvent.click(within(container.querySelector('#field-stars') as HTMLElement).getByText('★★★☆☆'));
  // The 乡镇 are the county's, from meta.get.
  fireEvent.click(await within(container.querySelector('#field-regionId') as HTMLElement).findByText('青山镇'));
  await typeInto(container, '#field-address', '青山镇新街 1 号');
  await typeInto(container, '#field-lat', '30.5632');
  await typeInto(container, '#field-lng', '114.3525');
  fireEvent.click(screen.getByText('＋ 添加一项优待'));
  // Taro's inputs render their native <input> a moment later.
  const [who, what] = await waitFor(() => {
    const inputs = Array.from(container.querySelectorAll<HTMLInputElement>('#offer-0 input'));
    if (inputs.length < 2) throw new Error('offer inputs not rendered yet');
    return inputs;
  });
  who!.value = '优待证持有人';
  fireEvent.input(who!);
  what!.value = '免费喝茶';
  fireEvent.input(what!);
  fireEvent.click(container.querySelector('#save-place') as HTMLElement);

  await waitFor(() => expect(onSaved).toHaveBeenCalledWith('new-县老兵驿站'));
  expect(placesCalls(api.calls).map((c) => c.event)).toEqual([
    {
      action: 'save',
      name: '县老兵驿站',
      kind: 'service_station',
      stars: 3,
      regionId: 'qingshan',
      address: '青山镇新街 1 号',
      lat: 30.5632,
      lng: 114.3525,
      offers: [{ who: '优待证持有人', what: '免费喝茶' }],
      acceptsPreferentialCard: false,
    },
  ]);
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
});

const ACTIVITY_FORM: ActivityForm = {
  title: '重阳节走访老兵',
  date: '2026-12-10',
  start: '09:00',
  end: '11:30',
  deadlineDate: '2026-12-09',
  deadlineTime: '18:00',
  capacity: '12',
  place: '青山镇服务站',
  regionId: 'qingshan',
  description: '陪老兵聊天，帮忙打扫。',
};

test("the 乡镇 offered are the county's: one it added is there, one it retired is not", async () => {
  const org = {
    ...DEMO_ORGANIZATION,
    regions: [
      ...DEMO_ORGANIZATION.regions.map((r) => (r.id === 'baiyun' ? { ...r, retired: true } : r)),
      { id: 'xinan', name: '新安镇', kind: '镇' as const, retired: false },
    ],
  };
  mockApi({ meta: withMeta(undefined, metaFor(org)) });
  const { container } = render(<ActivityFormView initial={ACTIVITY_FORM} onSaved={jest.fn()} />);
  const field = container.querySelector('#field-regionId') as HTMLElement;
  expect(await within(field).findByText('新安镇')).toBeTruthy();
  expect(within(field).queryByText('白云乡')).toBeNull();
  expect(within(field).getByText('青山镇')).toBeTruthy();
});

test('an activity is saved with its times in UTC+8; an end before the start is caught first', async () => {
  const api = mockApi({ meta: withMeta(), places: () => ok({ id: 'act-new' }) });
  const onSaved = jest.fn();
  const { container, unmount } = render(<ActivityFormView initial={{ ...ACTIVITY_FORM, end: '08:00' }} onSaved={onSaved} />);
  fireEvent.click(container.querySelector('#save-activity') as HTMLElement);
  expect(await screen.findByText('结束时间要晚于开始时间')).toBeTruthy();
  expect(placesCalls(api.calls)).toHaveLength(0);
  unmount();

  const again = render(<ActivityFormView initial={ACTIVITY_FORM} onSaved={onSaved} />);
  fireEvent.click(again.container.querySelector('#save-activity') as HTMLElement);
  await waitFor(() => expect(onSaved).toHaveBeenCalledWith('act-new'));
  expect(placesCalls(api.calls)[0]?.event).toEqual({
    action: 'saveActivity',
    title: '重阳节走访老兵',
    startAt: '2026-12-10T09:00:00+08:00',
    endAt: '2026-12-10T11:30:00+08:00',
    signupDeadline: '2026-12-09T18:00:00+08:00',
    capacity: 12,
    place: '青山镇服务站',
    regionId: 'qingshan',
    description: '陪老兵聊天，帮忙打扫。',
  });
});
