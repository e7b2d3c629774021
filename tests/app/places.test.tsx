import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { regionById } from '../../core/org/model';
import { distanceMetres } from '../../core/geo';
import { nearby, type PlaceRecord } from '../../core/places/present';
import { placesContract } from '../../core/contracts/places';
import { NearbyCard } from '../../src/pages/home/nearby-card';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION } from '../../src/lib/privacy';
import { setWhereAmI, whereAmIStore, whereOfRegion, WHERE_AM_I_KEY, type WhereAmI } from '../../src/lib/where-am-i';
import NearbyPage from '../../src/subpackages/places/index';
import { wgs84ToGcj02 } from '../../src/subpackages/places/gcj02';
import { PlaceDetail } from '../../src/subpackages/places/place';
import Taro from '@tarojs/taro';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import { metaFor, mockApi, ok, withMeta, type Handler } from './support/api';

const at = '2026-11-20T02:00:00.000Z';
const RECORDS: PlaceRecord[] = [
  {
    _id: 'st-chengguan',
    name: '城关街道退役军人服务站',
    kind: 'service_station',
    regionId: 'chengguan',
    address: '城关街道人民路 88 号一楼',
    lat: 30.5126,
    lng: 114.3025,
    phone: '0000-6120001',
    hours: '工作日 8:30-17:30',
    stars: 5,
    services: ['政策咨询', '优待证办理'],
    updatedAt: at,
  },
  {
    _id: 'st-hekou',
    name: '河口镇退役军人服务站',
    kind: 'service_station',
    regionId: 'hekou',
    address: '河口镇政府院内东楼',
    lat: 30.4668,
    lng: 114.2551,
    stars: 4,
    updatedAt: at,
  },
  {
    _id: 'pf-museum',
    name: '县革命历史纪念馆',
    kind: 'preferential',
    regionId: 'chengguan',
    address: '城关街道英雄路 1 号',
    lat: 30.5152,
    lng: 114.2988,
    acceptsPreferentialCard: true,
    offers: [{ who: '优待证持有人', what: '免费参观，讲解优先' }],
    updatedAt: at,
  },
  {
    _id: 'pf-market',
    name: '河口镇惠民超市',
    kind: 'preferential',
    regionId: 'hekou',
    address: '河口镇中心街 30 号',
    lat: 30.4659,
    lng: 114.2562,
    acceptsPreferentialCard: true,
    offers: [{ who: '优待证持有人', what: '每周三 95 折' }],
    updatedAt: at,
  },
  {
    _id: 'mh-county',
    name: '县人民医院',
    kind: 'model_hospital',
    regionId: 'xicheng',
    address: '西城街道健康路 9 号',
    lat: 30.5061,
    lng: 114.2822,
    acceptsPreferentialCard: true,
    offers: [
      { who: '优待证持有人', what: '挂号、取药、检查优先' },
      { who: '伤残军人', what: '免普通挂号费' },
    ],
    updatedAt: at,
  },
  {
    _id: 'mc-xingfu',
    name: '幸福里双拥示范社区',
    kind: 'model_community',
    regionId: 'chengguan',
    address: '城关街道幸福里',
    lat: 30.5101,
    lng: 114.3062,
    updatedAt: at,
  },
];

/** The places function as the local host runs it: the real contract and core's `nearby`. */
const placesHandler: Handler = (event) => {
  const { action, ...payload } = event;
  if (action === 'list') {
    const parsed = placesContract.list.safeParse(payload);
    if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: '参数不对' } };
    const { lat, lng, page = 1, pageSize = 20, ...filter } = parsed.data;
    const items = nearby(RECORDS, filter, DEMO_ORGANIZATION, lat !== undefined && lng !== undefined ? { lat, lng } : undefined);
    return ok({ items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize });
  }
  return { ok: false, error: { code: 'INVALID_INPUT', message: `没有 ${String(action)}` } };
};

const listCalls = (calls: { fn: string; event: Record<string, unknown> }[]) =>
  calls.filter((c) => c.fn === 'places' && c.event.action === 'list').map((c) => c.event);
const shownOrder = (container: HTMLElement) => Array.from(container.querySelectorAll('#places [id^="place-"]')).map((el) => el.id);

beforeEach(() => whereAmIStore.set(null));

/** "Near me" as a 乡镇 of the demo county, chosen from the list. */
const inRegion = (id: string): WhereAmI => whereOfRegion(regionById(DEMO_ORGANIZATION, id)!)!;

test('from a chosen 乡镇 the list is nearest first, each with its distance', async () => {
  const { calls } = mockApi({ places: placesHandler });
  setWhereAmI(inRegion('hekou'));
  const { container } = render(<NearbyPage />);

  await screen.findByText('河口镇惠民超市');
  const order = shownOrder(container);
  // 河口镇's own places first, the county town's last.
  expect(order.slice(0, 2).sort()).toEqual(['place-pf-market', 'place-st-hekou']);
  expect(order[order.length - 1]).toBe('place-mc-xingfu');
  // The distance shown is the one measured from 河口镇's centre.
  const centre = regionById(DEMO_ORGANIZATION, 'hekou')!.center!;
  const metres = distanceMetres(
    centre,
    RECORDS.find((r) => r._id === 'st-hekou')!,
  );
  expect(metres).toBeLessThan(1000);
  expect(within(container.querySelector('#place-st-hekou') as HTMLElement).getByText(`${metres} 米`)).toBeTruthy();
  const far = container.querySelector('#place-mc-xingfu .pl-distance')?.textContent ?? '';
  expect(far).toMatch(/^\d+\.\d 公里$/);
  expect(screen.getByText(/离河口镇最近的在前/)).toBeTruthy();
  expect(listCalls(calls)[0]).toMatchObject({ lat: centre.lat, lng: centre.lng });
});

test('「只看可用优待证的地方」 asks for preferential: true and shows only those places', async () => {
  const { calls } = mockApi({ places: placesHandler });
  setWhereAmI(inRegion('chengguan'));
  const { container } = render(<NearbyPage />);
  await screen.findByText('幸福里双拥示范社区');
  expect(listCalls(calls)[0]).not.toHaveProperty('preferential');

  fireEvent.click(container.querySelector('#filter-preferential') as HTMLElement);
  await waitFor(() => expect(screen.queryByText('幸福里双拥示范社区')).toBeNull());
  expect(listCalls(calls).at(-1)).toMatchObject({ preferential: true, lat: 30.5123, lng: 114.3021 });
  expect(shownOrder(container)).toEqual(['place-pf-museum', 'place-mh-county', 'place-pf-market']);
  // The offer is on the row, with how many more there are.
  expect(container.querySelector('#place-mh-county')?.textContent).toContain('挂号、取药、检查优先 等 2 项');
  expect(container.querySelector('#filter-preferential')?.getAttribute('aria-checked')).toBe('true');

  // A kind narrows it further; the filter is kept.
  fireEvent.click(container.querySelector('#kind-model_hospital') as HTMLElement);
  await waitFor(() => expect(shownOrder(container)).toEqual(['place-mh-county']));
  expect(listCalls(calls).at(-1)).toMatchObject({ kind: 'model_hospital', preferential: true });
});

test('choosing a 乡镇 sends its centre and is remembered for next time', async () => {
  const { calls } = mockApi({ meta: withMeta(), places: placesHandler });
  const { container, unmount } = render(<NearbyPage />);
  // Nothing known yet: the list is there, unsorted, with a way to say where.
  await screen.findByText('您在哪儿？');
  expect(listCalls(calls)[0]).not.toHaveProperty('lat');
  expect(container.querySelector('.pl-distance')).toBeNull();

  fireEvent.click(screen.getByText('选择我所在的乡镇/街道'));
  const sheet = await screen.findByRole('dialog');
  fireEvent.click(within(sheet).getByText('西城街道'));

  await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ lat: 30.5071, lng: 114.2842 }));
  expect(await screen.findByText('西城街道', { selector: '#where-label' })).toBeTruthy();
  await waitFor(() => expect(shownOrder(container)[0]).toBe('place-mh-county'));
  expect(Taro.getStorageSync(WHERE_AM_I_KEY)).toEqual({
    source: 'region',
    regionId: 'xicheng',
    name: '西城街道',
    lat: 30.5071,
    lng: 114.2842,
  });

  // A new visit (the store read again from storage) starts from 西城街道 without asking.
  unmount();
  whereAmIStore.set(Taro.getStorageSync(WHERE_AM_I_KEY) as never);
  render(<NearbyPage />);
  await screen.findByText('西城街道', { selector: '#where-label' });
  expect(listCalls(calls).at(-1)).toMatchObject({ lat: 30.5071, lng: 114.2842 });
});

test("the 乡镇 list is the county's: an added one with a centre is offered; a retired one or one without a centre is not", async () => {
  const org = {
    ...DEMO_ORGANIZATION,
    regions: [
      ...DEMO_ORGANIZATION.regions.map((r) => (r.id === 'baiyun' ? { ...r, retired: true } : r)),
      { id: 'xinan', name: '新安镇', kind: '镇' as const, center: { lat: 30.6001, lng: 114.4002 }, retired: false },
      { id: 'nanhu', name: '南湖乡', kind: '乡' as const, retired: false },
    ],
  };
  const { calls } = mockApi({ meta: withMeta(undefined, metaFor(org)), places: placesHandler });
  render(<NearbyPage />);
  fireEvent.click(await screen.findByText('选择我所在的乡镇/街道'));
  const sheet = await screen.findByRole('dialog');
  fireEvent.click(await within(sheet).findByText('新安镇'));
  expect(within(sheet).queryByText('白云乡')).toBeNull();
  expect(within(sheet).queryByText('南湖乡')).toBeNull();
  await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ lat: 30.6001, lng: 114.4002 }));
  expect(await screen.findByText('新安镇', { selector: '#where-label' })).toBeTruthy();
});

test('location is read only after the privacy consent; without geolocation it falls back to the 乡镇 list', async () => {
  mockApi({ places: placesHandler });
  const getCurrentPosition = jest.fn();
  Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
  render(<NearbyPage />);
  await screen.findByText('您在哪儿？');

  fireEvent.click(screen.getByText('用我现在的位置'));
  expect(await screen.findByText('个人信息保护说明')).toBeTruthy();
  expect(getCurrentPosition).not.toHaveBeenCalled();
  fireEvent.click(screen.getByText('同意并继续'));

  expect(await screen.findByText(/没能获取到您的位置/)).toBeTruthy();
  expect(screen.getByText('您在哪个乡镇/街道？')).toBeTruthy();
  expect(whereAmIStore.get()).toBeNull();
});

test('a shared browser location is converted to GCJ-02 before it is sent', async () => {
  const { calls } = mockApi({ places: placesHandler });
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  const wgs = { latitude: 30.5143, longitude: 114.2966 };
  Object.defineProperty(navigator, 'geolocation', {
    value: { getCurrentPosition: (ok: (p: { coords: typeof wgs }) => void) => ok({ coords: wgs }) },
    configurable: true,
  });
  render(<NearbyPage />);
  fireEvent.click(await screen.findByText('用我现在的位置'));
  await screen.findByText('我的位置', { selector: '#where-label' });

  const sent = listCalls(calls).at(-1) as { lat: number; lng: number };
  const gcj = wgs84ToGcj02(wgs.latitude, wgs.longitude);
  // Kept to about 100 m, and shifted the way Chinese maps are (a few hundred metres here).
  expect(sent).toMatchObject({ lat: Math.round(gcj.lat * 1000) / 1000, lng: Math.round(gcj.lng * 1000) / 1000 });
  expect(distanceMetres({ lat: wgs.latitude, lng: wgs.longitude }, gcj)).toBeGreaterThan(200);
  Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
});

test('WGS-84 → GCJ-02 matches published examples', () => {
  // Beijing railway station WGS-84 (39.90105, 116.42079) → GCJ-02 (39.90245, 116.42703);
  // Tiananmen (39.90734, 116.39089) → (39.90874, 116.3971), as the R package geoChina documents them.
  const station = wgs84ToGcj02(39.90105, 116.42079);
  // Within a metre or two: the examples are rounded to five decimals.
  expect(station.lat).toBeCloseTo(39.90245, 4);
  expect(station.lng).toBeCloseTo(116.42703, 4);
  const square = wgs84ToGcj02(39.90734, 116.39089);
  expect(square.lat).toBeCloseTo(39.90874, 4);
  expect(square.lng).toBeCloseTo(116.3971, 4);
  // Outside China the two systems are the same.
  expect(wgs84ToGcj02(48.8584, 2.2945)).toEqual({ lat: 48.8584, lng: 2.2945 });
});

test('首页: with a 乡镇 known, one call shows the nearest station and three nearest 优待 places', async () => {
  const { calls } = mockApi({ places: placesHandler });
  setWhereAmI(inRegion('chengguan'));
  const { container } = render(<NearbyCard />);
  await screen.findByText('城关街道退役军人服务站');
  expect(listCalls(calls)).toHaveLength(1);
  const rows = Array.from(container.querySelectorAll('#home-nearby [id^="home-"]')).map((el) => el.id);
  expect(rows).toEqual(['home-station', 'home-offer-pf-museum', 'home-offer-mh-county', 'home-offer-pf-market', 'home-nearby-all']);
  expect(container.querySelector('#home-offer-pf-museum')?.textContent).toContain('优待证持有人：免费参观，讲解优先');

  fireEvent.click(container.querySelector('#home-station') as HTMLElement);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/places/place?id=st-chengguan' });
});

test('首页: nothing known yet asks to choose, without calling the cloud', async () => {
  const { calls } = mockApi({ places: placesHandler });
  render(<NearbyCard />);
  fireEvent.click(screen.getByText('选择我的位置'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/places/index?choose=1' });
  expect(calls).toHaveLength(0);
  // Choosing elsewhere updates the card at once.
  act(() => setWhereAmI(inRegion('hekou')));
  await screen.findByText('河口镇退役军人服务站');
});

test('the place page puts the offers first and calls with one tap', async () => {
  mockApi({
    places: (event) => {
      const r = RECORDS.find((p) => p._id === event.id);
      const [item] = r ? nearby([r], {}, DEMO_ORGANIZATION, { lat: 30.5123, lng: 114.3021 }) : [];
      return item ? ok(item) : { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个地点' } };
    },
  });
  (Taro as unknown as { makePhoneCall: jest.Mock }).makePhoneCall = jest.fn(async () => ({ errMsg: 'makePhoneCall:ok' }));
  setWhereAmI(inRegion('chengguan'));
  const { container, unmount } = render(<PlaceDetail id="mh-county" />);
  const offers = await waitFor(() => {
    const el = container.querySelector('#place-offers');
    if (!el) throw new Error('no offers yet');
    return el;
  });
  expect(offers.textContent).toContain('挂号、取药、检查优先');
  expect(offers.textContent).toContain('伤残军人');
  expect(container.querySelector('#place-distance')?.textContent).toMatch(/距城关街道约 \d\.\d 公里/);
  unmount();

  render(<PlaceDetail id="st-chengguan" />);
  expect(await screen.findByText(/五星级服务站/)).toBeTruthy();
  fireEvent.click(screen.getByText('打电话'));
  expect((Taro as unknown as { makePhoneCall: jest.Mock }).makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0000-6120001' });
});
