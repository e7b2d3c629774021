import type { AuditRecord } from '../../core/audit';
import { AppError } from '../../core/envelope';
import type { ActivityRecord, PlaceRecord, StoryRecord } from '../../core/places/model';
import type { PlacesPort } from '../../core/places/port';
import * as places from '../../core/places/use-cases';
import type { Caller } from '../../core/roles';
import { anActivity, memorySignups, seededRandomInt } from './builders/fairs';
import { demoOrg } from './builders/org';

/** The places use cases over an in-memory PlacesPort: stories' drafts, covers, and volunteer activities. */

const admin = { openid: 'a', role: 'admin' } as const satisfies Caller;
const resident = (openid: string) => ({ openid, role: 'resident' }) as const satisfies Caller;

function setup(...activities: ActivityRecord[]) {
  const memory = memorySignups<ActivityRecord>(...activities);
  const placeMap = new Map<string, PlaceRecord>();
  const stories = new Map<string, StoryRecord>();
  const attached: string[] = [];
  const trail: AuditRecord[] = [];
  const port: PlacesPort = {
    ...memory.port,
    listPlaces: async () => [...placeMap.values()],
    getPlace: async (id) => placeMap.get(id) ?? null,
    putPlace: async (id, p) => void placeMap.set(id, { _id: id, ...p }),
    removePlace: async (id) => void placeMap.delete(id),
    listStories: async (q) => [...stories.values()].filter((s) => (!q.status || s.status === q.status) && (!q.kind || s.kind === q.kind)),
    getStory: async (id) => stories.get(id) ?? null,
    putStory: async (id, s) => void stories.set(id, { _id: id, ...s }),
    // Only the admin's own uploads, named mine-*, may become a cover.
    coverIssues: async (_openid, fileIDs) =>
      fileIDs.filter((f) => !f.startsWith('cloud://mine-')).map((f) => ({ path: ['cover'], message: `${f} 不能使用`, code: 'not_yours' })),
    attachToStory: async (fileIDs) => void attached.push(...fileIDs),
    listActivities: async (from, before) =>
      [...memory.events.values()].filter((a) => a.status === 'published' && a.startAt >= from && (!before || a.startAt < before)),
    getActivity: async (id) => structuredClone(memory.events.get(id) ?? null),
    insertActivity: async (a) => void memory.events.set(a._id, structuredClone(a)),
    updateActivityIfFits: async (id, fields) => {
      const a = memory.events.get(id);
      if (a && a.confirmedCount <= fields.capacity) memory.events.set(id, { ...a, ...fields, status: fields.status ?? a.status });
    },
    checkContent: async (text) => (text.includes('违禁') ? 'risky' : 'pass'),
    audit: async (entry) => void trail.push(entry),
  };
  let ids = 0;
  const deps = (now = '2026-11-28T10:00:00+08:00'): places.PlacesDeps => ({
    port,
    now: new Date(now),
    randomInt: seededRandomInt(),
    newId: () => `id-${++ids}`,
    noun: '志愿活动',
    org: demoOrg,
  });
  return { memory, stories, attached, trail, deps };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return { code: (e as AppError).code, message: (e as AppError).message };
};

const story = { title: '老兵张三', kind: 'model_person', summary: '三十年如一日', body: '正文' } as const;

describe('stories', () => {
  test('drafts are the admins’: others may not list them, and a draft read by id does not exist', async () => {
    const { deps } = setup();
    const { id } = await places.saveStory(deps(), admin, { ...story, status: 'draft' });
    expect(await refusal(places.listStories(deps(), resident('r'), { all: true }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await places.listStories(deps(), resident('r'), {})).total).toBe(0);
    expect(await refusal(places.getStory(deps(), resident('r'), { id }))).toEqual({ code: 'NOT_FOUND', message: '没有找到这个故事' });
    expect((await places.listStories(deps(), admin, { all: true })).items).toEqual([
      expect.not.objectContaining({ body: expect.anything() }),
    ]);
  });

  test('published once, a story keeps its first publication time through later edits', async () => {
    const { deps, stories } = setup();
    const { id } = await places.saveStory(deps('2026-11-01T10:00:00+08:00'), admin, story);
    await places.saveStory(deps('2026-11-20T10:00:00+08:00'), admin, { ...story, id, title: '改过的标题' });
    expect(stories.get(id)).toMatchObject({
      title: '改过的标题',
      publishedAt: '2026-11-01T02:00:00.000Z',
      updatedAt: '2026-11-20T02:00:00.000Z',
    });
  });

  test('a new uploaded cover must be the admin’s own: refused before anything is written, attached after', async () => {
    const { deps, stories, attached } = setup();
    expect(await refusal(places.saveStory(deps(), admin, { ...story, cover: 'cloud://someone-else.png' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(stories.size).toBe(0);
    const { id } = await places.saveStory(deps(), admin, { ...story, cover: 'cloud://mine-1.png' });
    expect(attached).toEqual(['cloud://mine-1.png']);
    // The same cover saved again is not attached twice.
    await places.saveStory(deps(), admin, { ...story, id, cover: 'cloud://mine-1.png' });
    expect(attached).toHaveLength(1);
  });
});

describe('places', () => {
  test('saving over an id that does not exist is NOT_FOUND; removing one that does removes it', async () => {
    const { deps } = setup();
    const place = { name: '服务站', kind: 'service_station', regionId: 'chengguan', address: '人民路', lat: 30.5, lng: 114.3 } as const;
    expect(await refusal(places.savePlace(deps(), admin, { ...place, id: 'nope' }))).toEqual({
      code: 'NOT_FOUND',
      message: '没有找到这个内容',
    });
    const { id } = await places.savePlace(deps(), admin, place);
    expect(await places.getPlace(deps(), resident('r'), { id })).toMatchObject({ id, kindName: '退役军人服务站' });
    expect(await places.removePlace(deps(), admin, { id })).toEqual({ id, removed: true });
    expect(await refusal(places.getPlace(deps(), resident('r'), { id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('volunteer activities', () => {
  const signUp = (deps: places.PlacesDeps, openid: string) =>
    places.signUpForActivity(deps, resident(openid), {
      activityId: 'activity-1',
      requestId: `request-${openid}`,
      name: `志愿者${openid}`,
      phone: '13900000000',
    });
  const form = (a: ActivityRecord, capacity: number) => ({
    id: a._id,
    title: a.title,
    startAt: a.startAt,
    endAt: a.endAt,
    signupDeadline: a.signupDeadline,
    capacity,
    place: a.place,
    regionId: a.regionId,
    description: a.description,
  });

  test('the capacity rule is the fairs’: never below the places taken, more places move the line up', async () => {
    const a = anActivity({ capacity: 1 });
    const { deps, memory } = setup(a);
    for (const p of ['v1', 'w1', 'w2']) await signUp(deps(), p);
    await places.saveActivity(deps(), admin, form(a, 2));
    expect(memory.events.get('activity-1')).toMatchObject({ capacity: 2, confirmedCount: 2, waitQueue: ['activity-1:w2'] });
    expect(memory.notices).toEqual([{ openid: 'w1', title: '您已从候补转为正式报名', eventId: 'activity-1' }]);
    expect(await refusal(places.saveActivity(deps(), admin, form(a, 1)))).toEqual({
      code: 'CONFLICT',
      message: '已有 2 人报名成功，名额不能少于这个数',
    });
  });

  test('a new activity is published, with no places taken', async () => {
    const { deps, memory } = setup();
    const { id } = await places.saveActivity(deps(), admin, { ...form(anActivity(), 3), id: undefined });
    expect(memory.events.get(id)).toMatchObject({ status: 'published', capacity: 3, confirmedCount: 0, seated: [], waitQueue: [] });
  });

  test('sign-up closes at the deadline; a repeat answers the sign-up already made', async () => {
    const { deps } = setup(anActivity());
    expect(await refusal(signUp(deps('2026-12-02T12:00:00+08:00'), 'v1'))).toEqual({ code: 'CONFLICT', message: '报名已经截止了' });
    const first = await signUp(deps(), 'v1');
    expect(await signUp(deps('2026-12-02T12:00:00+08:00'), 'v1')).toEqual({ ...first, existing: true });
  });

  test('the roster: phones of people still coming, places in line, and an audit entry', async () => {
    const { deps, trail } = setup(anActivity({ capacity: 1 }));
    for (const p of ['v1', 'w1', 'w2']) await signUp(deps(), p);
    await places.cancelActivitySignup(deps(), resident('w1'), { activityId: 'activity-1' });
    const roster = await places.activityRoster(deps(), admin, { activityId: 'activity-1' });
    expect(roster.items.map((r) => [r.name, r.status, r.phone, r.waitlistPosition])).toEqual([
      ['志愿者v1', 'confirmed', '13900000000', undefined],
      ['志愿者w1', 'cancelled', '', undefined],
      ['志愿者w2', 'waitlisted', '13900000000', 1],
    ]);
    expect(trail).toEqual([expect.objectContaining({ action: 'places.activityRoster', objectType: 'activity', objectId: 'activity-1' })]);
  });

  test('the day-before reminder goes to confirmed volunteers who agreed, once', async () => {
    const { deps, memory } = setup(anActivity({ capacity: 2 }));
    await places.signUpForActivity(deps(), resident('yes'), {
      activityId: 'activity-1',
      requestId: 'r-yes',
      name: '甲',
      phone: '13900000000',
      remind: true,
    });
    await signUp(deps(), 'no');
    const dayBefore = '2026-12-02T07:00:00+08:00';
    expect(await places.remindVolunteers(deps(dayBefore), null)).toEqual({ reminded: 1 });
    expect(await places.remindVolunteers(deps(dayBefore), null)).toEqual({ reminded: 0 });
    expect(memory.notices).toEqual([{ openid: 'yes', title: '明天参加：关爱老兵志愿服务', eventId: 'activity-1' }]);
  });
});
