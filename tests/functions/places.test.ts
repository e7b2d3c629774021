import { randomUUID } from 'node:crypto';
import { distanceMetres } from '../../core/geo';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['places'], startAt: '2026-11-28T10:00:00+08:00' });
});
afterEach(() => t.close());

const places = (event: Record<string, unknown>, openid: string | null = null) => t.call<Data>('places', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};

test('near a point: sorted by distance, with the right distances', async () => {
  const here = { lat: 30.4671, lng: 114.2544 }; // 河口镇
  const res = await ok(places({ action: 'list', ...here, pageSize: 50 }));
  const distances = res.items.map((p: Data) => p.distance);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  for (const p of res.items) expect(p.distance).toBe(distanceMetres(here, p));
  expect(res.items[0]).toMatchObject({ id: 'st-hekou', distanceText: expect.stringMatching(/米$/) });
  expect(res.total).toBe(25);
});

test('filters: kind and works-with-优待证', async () => {
  const stations = await ok(places({ action: 'list', kind: 'service_station', lat: 30.5123, lng: 114.3021 }));
  expect(stations.items.every((p: Data) => p.kind === 'service_station')).toBe(true);
  expect(stations.items[0]).toMatchObject({ id: 'st-chengguan', stars: 5 });
  const card = await ok(places({ action: 'list', preferential: true, pageSize: 50 }));
  expect(card.items.length).toBeGreaterThan(5);
  expect(card.items.every((p: Data) => p.preferential && p.offers.length > 0)).toBe(true);
  const inHekou = await ok(places({ action: 'list', regionId: 'hekou', pageSize: 50 }));
  expect(inHekou.items.every((p: Data) => p.regionId === 'hekou')).toBe(true);
  expect(inHekou.items[0].distance).toBeUndefined();
});

test.each([
  ['latitude over 90', { lat: 91, lng: 114 }],
  ['longitude under -180', { lat: 30, lng: -181 }],
  ['a latitude without a longitude', { lat: 30 }],
  ['coordinates as text', { lat: '30.5', lng: '114.3' }],
  ['an unknown kind', { kind: 'castle' }],
])('%s is INVALID_INPUT', async (_what, query) => {
  expect(await places({ action: 'list', ...query })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('admins edit places; others may not', async () => {
  const place = {
    name: '测试驿站',
    kind: 'preferential',
    regionId: 'baiyun',
    address: '白云街 2 号',
    lat: 30.42,
    lng: 114.24,
    acceptsPreferentialCard: true,
    offers: [{ who: '优待证持有人', what: '免费热水' }],
  };
  expect(await places({ action: 'save', ...place }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const { id } = await ok(places({ action: 'save', ...place }, 'admin'));
  expect(await ok(places({ action: 'get', id, lat: 30.42, lng: 114.24 }))).toMatchObject({ name: '测试驿站', distance: 0 });
  expect(await places({ action: 'save', ...place, id: 'nope' }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

test('stories: published ones for everyone, drafts for admins only', async () => {
  const feed = await ok(places({ action: 'stories' }));
  expect(feed.items).toHaveLength(4);
  expect(feed.items[0].body).toBeUndefined();
  const { id } = await ok(
    places({ action: 'saveStory', title: '草稿', kind: 'model_person', summary: '还没写完', body: '……', status: 'draft' }, 'admin'),
  );
  expect((await ok(places({ action: 'stories' }))).items).toHaveLength(4);
  expect(await places({ action: 'story', id }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await places({ action: 'story', id }, 'admin')).toMatchObject({ ok: true, data: { title: '草稿' } });
});

test('volunteer activities share the job fairs’ guarantees: never oversold, the waitlist promotes itself', async () => {
  const a = await ok(
    places(
      {
        action: 'saveActivity',
        title: '慰问',
        startAt: '2026-12-05T09:00:00+08:00',
        endAt: '2026-12-05T12:00:00+08:00',
        signupDeadline: '2026-12-04T18:00:00+08:00',
        capacity: 10,
        place: '服务站',
        regionId: 'hekou',
        description: '走访',
      },
      'admin',
    ),
  );
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      ok(
        places({ action: 'activitySignup', activityId: a.id, requestId: randomUUID(), name: `志愿者${i}`, phone: '13900000000' }, `v${i}`),
      ),
    ),
  );
  expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(10);
  expect(
    results
      .filter((r) => r.status === 'waitlisted')
      .map((r) => r.waitlistPosition)
      .sort((x, y) => x - y),
  ).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  const leaver = results.find((r) => r.status === 'confirmed')!.signupId.split(':')[1];
  const head = results.find((r) => r.waitlistPosition === 1)!.signupId.split(':')[1];
  await ok(places({ action: 'activityCancel', activityId: a.id }, leaver));
  expect(await ok(places({ action: 'activity', id: a.id }, head))).toMatchObject({
    seatsLeft: 0,
    waitlistCount: 29,
    mySignup: { status: 'confirmed' },
  });
  expect(t.cloud.database.read('activities', a.id)).toMatchObject({ confirmedCount: 10 });
});

test('admins list drafts, remove places and cancel activities; volunteers are reminded the day before', async () => {
  await ok(places({ action: 'saveStory', title: '草稿', kind: 'model_person', summary: '未完', body: '……', status: 'draft' }, 'admin'));
  expect((await ok(places({ action: 'stories', all: true }, 'admin'))).items).toHaveLength(5);
  expect(await places({ action: 'stories', all: true }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await ok(places({ action: 'remove', id: 'pf-cinema' }, 'admin'));
  expect(await places({ action: 'get', id: 'pf-cinema' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  const activity = {
    title: '慰问',
    startAt: '2026-11-30T09:00:00+08:00',
    endAt: '2026-11-30T12:00:00+08:00',
    signupDeadline: '2026-11-29T18:00:00+08:00',
    capacity: 5,
    place: '服务站',
    regionId: 'hekou',
    description: '走访',
  };
  const { id } = await ok(places({ action: 'saveActivity', ...activity }, 'admin'));
  await ok(
    places({ action: 'activitySignup', activityId: id, requestId: randomUUID(), name: '甲', phone: '13900000000', remind: true }, 'v1'),
  );
  t.cloud.database.write('subscriptions', 'v1:activity_update', { remaining: 2 });
  t.cloud.clock.set('2026-11-29T09:00:00+08:00');
  expect(await t.cloud.invoke('places', { Type: 'Timer' }, null, 'wx_timer')).toEqual({ ok: true, data: { reminded: 1 } });
  expect(await t.cloud.invoke('places', { Type: 'Timer' }, null, 'wx_timer')).toEqual({ ok: true, data: { reminded: 0 } });
  await ok(places({ action: 'saveActivity', ...activity, id, status: 'cancelled' }, 'admin'));
  expect((await ok(places({ action: 'activities' }))).items.map((a: Data) => a.id)).not.toContain(id);
});

describe('the activity roster', () => {
  const activity = {
    action: 'saveActivity',
    title: '敬老院慰问',
    startAt: '2026-12-05T09:00:00+08:00',
    endAt: '2026-12-05T12:00:00+08:00',
    signupDeadline: '2026-12-04T18:00:00+08:00',
    capacity: 2,
    place: '服务站',
    regionId: 'hekou',
    description: '走访',
  };
  const signUp = (activityId: string, who: string) =>
    ok(places({ action: 'activitySignup', activityId, requestId: randomUUID(), name: who, phone: '13900000000' }, who));
  /** Database reads made while `run` runs. */
  const readsDuring = async <T>(run: () => Promise<T>): Promise<{ reads: number; result: T }> => {
    const database = t.cloud.database;
    const handle = database.handle;
    let reads = 0;
    database.handle = (action, params) => {
      if (/getDocument|calculateDocument|aggregateDocuments/.test(action)) reads++;
      return handle.call(database, action, params);
    };
    try {
      return { result: await run(), reads };
    } finally {
      database.handle = handle;
    }
  };

  test('shows each waitlisted person’s place in line, with as many reads for a long line as for a short one', async () => {
    const { id } = await ok(places(activity, 'admin'));
    for (const who of ['v0', 'v1', 'v2']) await signUp(id, who);
    const short = await readsDuring(() => ok(places({ action: 'activityRoster', activityId: id }, 'admin')));
    expect(short.result.items.map((s: Data) => [s.name, s.status, s.waitlistPosition])).toEqual([
      ['v0', 'confirmed', undefined],
      ['v1', 'confirmed', undefined],
      ['v2', 'waitlisted', 1],
    ]);
    for (let i = 3; i < 25; i++) await signUp(id, `v${i}`);
    const long = await readsDuring(() => ok(places({ action: 'activityRoster', activityId: id }, 'admin')));
    expect(long.reads).toBe(short.reads);
    const line = t.cloud.database.read('activities', id)!.waitQueue as string[];
    expect(line).toHaveLength(23);
    expect(long.result.items.filter((s: Data) => s.status === 'waitlisted').map((s: Data) => [s.signupId, s.waitlistPosition])).toEqual(
      line.map((signupId, i) => [signupId, i + 1]),
    );
  });

  test('someone who joins the line while the roster is read gets their place too', async () => {
    const { id } = await ok(places(activity, 'admin'));
    for (const who of ['v0', 'v1', 'v2']) await signUp(id, who);
    const database = t.cloud.database;
    const handle = database.handle;
    let joined = false;
    // Right after the roster has read the activity, a late sign-up joins the line.
    database.handle = (action, params) => {
      if (!joined && action === 'database.getDocument' && params.collectionName === 'signups') {
        joined = true;
        const late = `${id}:late`;
        const a = database.read('activities', id)!;
        database.write('activities', id, { ...a, waitQueue: [...(a.waitQueue as string[]), late] });
        database.write('signups', late, {
          eventId: id,
          openid: 'late',
          requestId: 'r-late',
          name: 'late',
          phone: '13900000000',
          interests: [],
          status: 'waitlisted',
          createdAt: '2026-11-28T02:00:01.000Z',
        });
      }
      return handle.call(database, action, params);
    };
    const roster = await ok(places({ action: 'activityRoster', activityId: id }, 'admin'));
    database.handle = handle;
    expect(joined).toBe(true);
    expect(roster.items.filter((s: Data) => s.status === 'waitlisted').map((s: Data) => [s.name, s.waitlistPosition])).toEqual([
      ['v2', 1],
      ['late', 2],
    ]);
  });
});

test('the activity list holds what is coming and the last half year, however many years came before', async () => {
  const template = t.cloud.database.all('activities').find((a) => a.status === 'published') as Data;
  const startAt = (days: number) => new Date(Date.parse('2026-11-28T10:00:00+08:00') + days * 86_400_000).toISOString();
  t.cloud.database.write('activities', 'long-ago', {
    ...template,
    title: '三年前的活动',
    startAt: startAt(-3 * 365),
    endAt: startAt(-3 * 365),
  });
  t.cloud.database.write('activities', 'last-month', { ...template, title: '上个月的活动', startAt: startAt(-30), endAt: startAt(-30) });
  const ids = (await ok(places({ action: 'activities' }))).items.map((a: Data) => a.id);
  expect(ids).toContain('last-month');
  expect(ids).not.toContain('long-ago');
});
