import { randomUUID } from 'node:crypto';
import { startTestCloud, type TestCloud } from './harness';

/**
 * Live figures for everything the system measures: stories by kind, volunteer activities and their hours,
 * stations by star level and 五个一批 units, each linked to a task with the rule that turns it into points.
 */

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['ledger', 'places'], startAt: '2026-11-02T09:00:00+08:00' });
  // This test's own map, stories and activities, in place of the demo's.
  for (const c of ['places', 'stories', 'activities'])
    for (const d of t.cloud.database.all(c))
      t.cloud.database.handle('database.removeDocument', { collectionName: c, query: JSON.stringify({ _id: d._id }), multi: false });
});
afterEach(() => t.close());

const ledger = (event: Record<string, unknown>, openid: string | null) => t.call<Data>('ledger', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};
const db = () => t.cloud.database;

function story(id: string, kind: string, publishedAt: string, status = 'published') {
  db().write('stories', id, { title: id, kind, summary: '摘要', body: '正文', status, publishedAt, updatedAt: publishedAt });
}
function activity(id: string, startAt: string, hours: number, status = 'published') {
  const endAt = new Date(Date.parse(startAt) + hours * 3_600_000).toISOString();
  db().write('activities', id, {
    title: id,
    startAt,
    endAt,
    signupDeadline: startAt,
    place: '县烈士陵园',
    regionId: 'chengguan',
    description: '志愿服务',
    capacity: 200,
    status,
    confirmedCount: 0,
    seated: [],
    waitQueue: [],
  });
}
const signups = (eventId: string, statuses: Record<string, number>) => {
  let i = 0;
  for (const [status, n] of Object.entries(statuses))
    for (let k = 0; k < n; k++, i++) db().write('signups', `${eventId}:v${i}`, { eventId, openid: `v${i}`, status });
};
const place = (id: string, kind: string, stars?: number) =>
  db().write('places', id, { name: id, kind, regionId: 'hekou', address: '某路', lat: 30.5, lng: 114.3, ...(stars ? { stars } : {}) });

async function linkedTasks(links: Data[]): Promise<string[]> {
  // Unlinked tasks first; a task the sample linked already is taken over when no other is worth enough.
  const all: Data[] = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items;
  const candidates = [...all.filter((x) => !x.link), ...all.filter((x) => x.link)];
  const ids: string[] = [];
  for (const link of links) {
    // A task worth at least the rule's points, not chosen yet.
    const task = candidates.find((x) => x.points >= (link.points ?? 0) && !ids.includes(x.id)) as Data;
    await ok(ledger({ action: 'saveTask', id: task.id, link }, 'dispatcher'));
    ids.push(task.id);
  }
  return ids;
}
const figureOf = async (id: string, period = { from: '2026-03-01', to: '2026-03-31' }) =>
  (await ok(ledger({ action: 'task', id, ...period }, 'staff-edu'))).live as Data;

test('stories by kind, volunteer activities and their hours, for a period, with the points they earn', async () => {
  // March (UTC+8): 3 创新创业, 2 典型人物; a draft, one on April 1st 00:30 UTC+8 and one in February do not count.
  story('s1', 'innovation', '2026-03-02T02:00:00.000Z');
  story('s2', 'innovation', '2026-03-10T02:00:00.000Z');
  story('s3', 'innovation', '2026-03-31T15:30:00.000Z');
  story('s4', 'model_person', '2026-03-12T02:00:00.000Z');
  story('s5', 'model_person', '2026-03-20T02:00:00.000Z');
  story('draft', 'innovation', '2026-03-05T02:00:00.000Z', 'draft');
  story('april', 'innovation', '2026-03-31T16:30:00.000Z');
  story('feb', 'model_person', '2026-02-20T02:00:00.000Z');
  // March: a 3-hour activity (10 checked in, 4 confirmed, 2 cancelled) and a 1.5-hour one (6 checked in);
  // a cancelled activity and one in April do not count.
  activity('a1', '2026-03-07T01:00:00.000Z', 3);
  signups('a1', { checkedIn: 10, confirmed: 4, cancelled: 2 });
  activity('a2', '2026-03-21T06:00:00.000Z', 1.5);
  signups('a2', { checkedIn: 6 });
  activity('off', '2026-03-14T01:00:00.000Z', 2, 'cancelled');
  signups('off', { checkedIn: 9 });
  activity('a-april', '2026-04-02T01:00:00.000Z', 2);
  signups('a-april', { checkedIn: 5 });

  const [allStories, innovation, held, hours] = await linkedTasks([
    { metric: 'stories' },
    { metric: 'stories', kind: 'innovation', target: 4, points: 2 },
    { metric: 'volunteering', target: 4, points: 2 },
    { metric: 'volunteering', measure: 'hours', target: 60, points: 2 },
  ]);
  expect(await figureOf(allStories as string)).toMatchObject({
    metric: 'stories',
    figures: {
      published: 5,
      byKind: [
        { kind: 'model_person', count: 2 },
        { kind: 'support_military', count: 0 },
        { kind: 'support_government', count: 0 },
        { kind: 'innovation', count: 3 },
      ],
    },
  });
  expect((await figureOf(allStories as string)).score).toBeUndefined();
  // 3 of a target of 4 earns 3/4 of 2 points.
  expect(await figureOf(innovation as string)).toMatchObject({
    kind: 'innovation',
    figures: { published: 3 },
    score: { measure: 'published', value: 3, target: 4, points: 2, earned: 1.5 },
  });
  const volunteering = await figureOf(held as string);
  // Hours: 3 × 10 + 1.5 × 6 = 39.
  expect(volunteering.figures).toEqual({ activities: 2, signedUp: 20, checkedIn: 16, hours: 39 });
  expect(volunteering.score).toMatchObject({ measure: 'activities', value: 2, earned: 1 });
  expect((await figureOf(hours as string)).score).toMatchObject({ measure: 'hours', label: '志愿服务时长', value: 39, earned: 1.3 });

  // Another period, other figures.
  expect((await figureOf(held as string, { from: '2026-04-01', to: '2026-04-30' })).figures).toEqual({
    activities: 1,
    signedUp: 5,
    checkedIn: 5,
    hours: 10,
  });
  expect((await figureOf(innovation as string, { from: '2026-04-01', to: '2026-04-30' })).score.earned).toBe(0.5);
});

test('stations by star level and 五个一批 units by kind, as the map holds them now', async () => {
  place('st-1', 'service_station', 5);
  place('st-2', 'service_station', 4);
  place('st-3', 'service_station', 4);
  place('st-4', 'service_station', 3);
  place('st-5', 'service_station');
  place('ws-1', 'support_station', 5);
  place('c-1', 'model_community');
  place('c-2', 'model_community');
  place('e-1', 'model_enterprise');
  place('shop', 'preferential');

  const [stations, starred, units, communities] = await linkedTasks([
    { metric: 'stations' },
    { metric: 'stations', minStars: 4, target: 5, points: 2 },
    { metric: 'five_batches' },
    { metric: 'five_batches', kind: 'model_community', target: 2, points: 2 },
  ]);
  expect((await figureOf(stations as string)).figures).toEqual({
    stations: 6,
    byStars: [
      { stars: 5, count: 2 },
      { stars: 4, count: 2 },
      { stars: 3, count: 1 },
      { stars: 2, count: 0 },
      { stars: 1, count: 0 },
      { stars: 0, count: 1 },
    ],
  });
  // 4 stations of 4 stars or more, of a target of 5: 4/5 of 2 points.
  expect(await figureOf(starred as string)).toMatchObject({
    minStars: 4,
    figures: { stations: 4 },
    score: { value: 4, target: 5, points: 2, earned: 1.6 },
  });
  expect((await figureOf(units as string)).figures).toMatchObject({
    units: 3,
    byKind: expect.arrayContaining([
      { kind: 'model_community', count: 2 },
      { kind: 'model_enterprise', count: 1 },
      { kind: 'youth_military_school', count: 0 },
    ]),
  });
  expect((await figureOf(communities as string)).score).toMatchObject({ value: 2, earned: 2 });
});

test('a link is refused when its rule does not fit the metric or the task', async () => {
  const task = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items.find((x: Data) => !x.link);
  const refused = async (link: Data, path: unknown[]) =>
    expect(await ledger({ action: 'saveTask', id: task.id, link }, 'dispatcher')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path }] },
    });
  await refused({ metric: 'stories', kind: 'model_hospital' }, ['link', 'kind']);
  await refused({ metric: 'fairs', minStars: 3 }, ['link', 'minStars']);
  await refused({ metric: 'volunteering', measure: 'published' }, ['link', 'measure']);
  await refused({ metric: 'stories', target: 3 }, ['link', 'points']);
  await refused({ metric: 'stories', target: 3, points: task.points + 1 }, ['link', 'points']);
  expect((await ok(ledger({ action: 'task', id: task.id }, 'dispatcher'))).link).toBeUndefined();
});

test('the report reads each new source once, however many tasks are linked to it', async () => {
  story('s1', 'innovation', '2026-11-01T02:00:00.000Z');
  activity('a1', '2026-11-01T01:00:00.000Z', 2);
  signups('a1', { checkedIn: 3 });
  place('st-1', 'service_station', 5);
  place('c-1', 'model_community');
  const database = db();
  const handle = database.handle.bind(database);
  let reads = 0;
  database.handle = (action, params) => {
    if (/getDocument|calculateDocument|aggregateDocuments/.test(action)) reads++;
    return handle(action, params);
  };
  const { forgetCalendarOverrides } = require('../../cloudfunctions/_lib/settings') as { forgetCalendarOverrides(): void };
  const report = async () => {
    forgetCalendarOverrides();
    reads = 0;
    const res = await ok(ledger({ action: 'report', from: '2026-11-01', to: '2026-11-30' }, 'dispatcher'));
    return { reads, live: res.live as Data[] };
  };
  const links = [
    { metric: 'stories' },
    { metric: 'volunteering' },
    { metric: 'stations' },
    { metric: 'five_batches' },
    { metric: 'awareness' },
    { metric: 'support' },
  ];
  const free = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items.filter((x: Data) => !x.link);
  for (const [i, link] of links.entries()) await ok(ledger({ action: 'saveTask', id: free[i].id, link }, 'dispatcher'));
  const once = await report();
  // Six more tasks on the same figures, narrowed and scored differently: not one read more.
  const more = [
    { metric: 'stories', kind: 'innovation', target: 1, points: 1 },
    { metric: 'volunteering', measure: 'hours', target: 10, points: 1 },
    { metric: 'stations', minStars: 5 },
    { metric: 'five_batches', kind: 'model_community' },
    { metric: 'participation' },
    { metric: 'awareness', target: 90, points: 1 },
  ];
  for (const [i, link] of more.entries()) await ok(ledger({ action: 'saveTask', id: free[links.length + i].id, link }, 'dispatcher'));
  const twice = await report();
  expect(twice.live).toHaveLength(once.live.length + more.length);
  expect(twice.reads).toBe(once.reads);
  expect(twice.live.find((e) => e.metric === 'volunteering' && e.score)?.figures).toEqual({
    activities: 1,
    signedUp: 3,
    checkedIn: 3,
    hours: 6,
  });
});

test('the volunteers an organizer marks as come are the hours: from the activity’s day on, once each', async () => {
  const places = (event: Record<string, unknown>, openid: string | null) => t.call<Data>('places', event, openid);
  const { id } = await ok(
    places(
      {
        action: 'saveActivity',
        title: '敬老院慰问',
        startAt: '2026-11-05T09:00:00+08:00',
        endAt: '2026-11-05T11:30:00+08:00',
        signupDeadline: '2026-11-04T18:00:00+08:00',
        capacity: 3,
        place: '服务站',
        regionId: 'hekou',
        description: '走访',
      },
      'admin',
    ),
  );
  for (const who of ['v0', 'v1', 'v2', 'v3'])
    await ok(places({ action: 'activitySignup', activityId: id, requestId: randomUUID(), name: who, phone: '13900000000' }, who));
  const checkIn = (who: string, as = 'admin') => places({ action: 'activityCheckin', activityId: id, signupId: `${id}:${who}` }, as);
  // Not before the day; not by anyone but an organizer; not the one still waiting; not twice.
  expect(await checkIn('v0')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动当天起才能签到' } });
  t.cloud.clock.set('2026-11-05T11:00:00+08:00');
  expect(await checkIn('v0', 'staff-edu')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await checkIn('v3')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(await places({ action: 'activityCheckin', activityId: id, signupId: 'another-activity:v0' }, 'admin')).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(await ok(checkIn('v0'))).toMatchObject({ signupId: `${id}:v0`, status: 'checkedIn' });
  expect(await checkIn('v0')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  // Written up the day after: still counted.
  t.cloud.clock.set('2026-11-06T09:00:00+08:00');
  await ok(checkIn('v1'));
  const roster = await ok(places({ action: 'activityRoster', activityId: id }, 'admin'));
  expect(roster.items.map((r: Data) => [r.name, r.status])).toEqual([
    ['v0', 'checkedIn'],
    ['v1', 'checkedIn'],
    ['v2', 'confirmed'],
    ['v3', 'waitlisted'],
  ]);

  const [task] = await linkedTasks([{ metric: 'volunteering', measure: 'hours', target: 10, points: 2 }]);
  // Two volunteers of a 2.5-hour activity: 5 hours, half the target.
  expect(await figureOf(task as string, { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({
    figures: { activities: 1, signedUp: 3, checkedIn: 2, hours: 5 },
    score: { value: 5, earned: 1 },
  });
});
