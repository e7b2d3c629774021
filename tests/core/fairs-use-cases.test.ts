import type { AuditRecord } from '../../core/audit';
import { AppError } from '../../core/envelope';
import type { FairRecord } from '../../core/fairs/model';
import type { FairsPort } from '../../core/fairs/port';
import * as fairs from '../../core/fairs/use-cases';
import type { Caller } from '../../core/roles';
import { aFair, memorySignups, seededRandomInt } from './builders/fairs';
import { demoOrg } from './builders/org';

/** The job-fair use cases over an in-memory FairsPort: the organizer rule, sign-up checks, the roster's trail. */

const hrss = { openid: 's1', role: 'staff', departmentId: 'hrss' } as const satisfies Caller;
const vab = { openid: 's2', role: 'staff', departmentId: 'vab' } as const satisfies Caller;
const edu = { openid: 's3', role: 'staff', departmentId: 'edu' } as const satisfies Caller;
const resident = (openid: string) => ({ openid, role: 'resident' }) as const satisfies Caller;

function setup(...stored: FairRecord[]) {
  const memory = memorySignups<FairRecord>(...stored);
  const trail: AuditRecord[] = [];
  const fairOf = (id: string) => memory.events.get(id);
  const port: FairsPort = {
    ...memory.port,
    getFair: async (id) => structuredClone(fairOf(id) ?? null),
    listFairs: async (q) =>
      [...memory.events.values()]
        .filter(
          (f) => (!q.status || f.status === q.status) && (!q.organizerDepartmentId || f.organizerDepartmentId === q.organizerDepartmentId),
        )
        .sort((a, b) => a.startAt.localeCompare(b.startAt)),
    getFairs: async (ids) => ids.flatMap((id) => fairOf(id) ?? []),
    insertFair: async (f) => void memory.events.set(f._id, structuredClone(f)),
    updateFairIfFits: async (id, fields) => {
      const f = fairOf(id);
      if (f && f.confirmedCount <= fields.capacity) memory.events.set(id, { ...f, ...structuredClone(fields) });
    },
    setOutcome: async (id, outcome) => void Object.assign(memory.signups.get(id)!, { outcome }),
    // WeChat's check, stood in for: a name with 违禁 in it is risky.
    checkContent: async (text) => (text.includes('违禁') ? 'risky' : 'pass'),
    audit: async (entry) => void trail.push(entry),
    saveRosterFile: async (_openid, f, signups) => ({ fileID: 'f', url: 'u', name: `${f.title}:${signups.length}`, expiresAt: '' }),
  };
  let ids = 0;
  const deps = (now = '2026-11-28T10:00:00+08:00'): fairs.FairDeps => ({
    port,
    now: new Date(now),
    randomInt: seededRandomInt(),
    newId: () => `id-${++ids}`,
    noun: '招聘会',
    org: demoOrg,
  });
  return { memory, trail, deps, fairOf };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return { code: (e as AppError).code, message: (e as AppError).message };
};

/** What an organizer sends to save a fair like aFair(). */
function form(overrides: Record<string, unknown> = {}) {
  const { title, startAt, endAt, signupDeadline, capacity, venue, organizerDepartmentId, employers } = aFair();
  return { title, startAt, endAt, signupDeadline, capacity, venue, organizerDepartmentId, employers, ...overrides } as Parameters<
    typeof fairs.saveFair
  >[2];
}

const signUp = (deps: fairs.FairDeps, openid: string, fairId = 'fair-1', extra: Record<string, unknown> = {}) =>
  fairs.signUpForFair(deps, resident(openid), {
    fairId,
    requestId: `request-${openid}`,
    name: `报名人${openid}`,
    phone: '13900000000',
    ...extra,
  });

describe('saving a fair', () => {
  test('an organizer creates a published fair for their own unit; positions without an id get one', async () => {
    const { deps, fairOf } = setup();
    const employers = [{ name: '顺达物流', positions: [{ title: '驾驶员', count: 3 }] }];
    const { id } = await fairs.saveFair(deps(), hrss, form({ employers }));
    expect(fairOf(id)).toMatchObject({
      status: 'published',
      organizerDepartmentId: 'hrss',
      confirmedCount: 0,
      seated: [],
      waitQueue: [],
      createdAt: '2026-11-28T02:00:00.000Z',
      employers: [{ positions: [{ id: expect.stringMatching(/^id-/), title: '驾驶员' }] }],
    });
  });

  test('nobody creates a fair for another unit, and a unit that organizes no fairs creates none', async () => {
    const { deps, memory } = setup();
    expect(await refusal(fairs.saveFair(deps(), hrss, form({ organizerDepartmentId: 'vab' })))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(fairs.saveFair(deps(), edu, form({ organizerDepartmentId: 'edu' })))).toMatchObject({ code: 'FORBIDDEN' });
    expect(memory.events.size).toBe(0);
  });

  test('another unit’s fair is not theirs to edit, nor to hand over', async () => {
    const { deps, fairOf } = setup(aFair({ organizerDepartmentId: 'hrss' }));
    expect(await refusal(fairs.saveFair(deps(), vab, form({ id: 'fair-1', organizerDepartmentId: 'vab' })))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refusal(fairs.saveFair(deps(), hrss, form({ id: 'fair-1', organizerDepartmentId: 'vab' })))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(fairOf('fair-1')?.organizerDepartmentId).toBe('hrss');
  });

  test('the capacity: never below the seats held; more seats move the line up', async () => {
    const { deps, fairOf, memory } = setup(aFair({ capacity: 1 }));
    for (const p of ['p1', 'w1', 'w2']) await signUp(deps(), p);
    // The same capacity as the seats held: an ordinary edit.
    expect(await fairs.saveFair(deps(), hrss, form({ id: 'fair-1', capacity: 1, title: '改名' }))).toEqual({ id: 'fair-1' });
    expect(fairOf('fair-1')).toMatchObject({ title: '改名', confirmedCount: 1 });
    await fairs.saveFair(deps(), hrss, form({ id: 'fair-1', capacity: 2 }));
    expect(fairOf('fair-1')).toMatchObject({ capacity: 2, confirmedCount: 2, waitQueue: ['fair-1:w2'] });
    expect(memory.signups.get('fair-1:w1')?.status).toBe('confirmed');
    expect(await refusal(fairs.saveFair(deps(), hrss, form({ id: 'fair-1', capacity: 1 })))).toEqual({
      code: 'CONFLICT',
      message: '已有 2 人报名成功，名额不能少于这个数',
    });
  });
});

describe('seeing and running a fair', () => {
  test('a draft does not exist for people outside its unit; its own unit and admins see it', async () => {
    const { deps } = setup(aFair({ status: 'draft' }));
    expect(await refusal(fairs.getFair(deps(), resident('r'), { id: 'fair-1' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(fairs.fairRoster(deps(), vab, { fairId: 'fair-1' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fairs.getFair(deps(), hrss, { id: 'fair-1' })).toMatchObject({ id: 'fair-1', mySignup: null });
  });

  test('another organizer unit’s published fair: its roster is FORBIDDEN, and nothing goes on the trail', async () => {
    const { deps, trail } = setup(aFair());
    expect(await refusal(fairs.fairRoster(deps(), vab, { fairId: 'fair-1' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(trail).toEqual([]);
  });

  test('the roster counts who comes and who waits, and its reading goes on the audit trail', async () => {
    const { deps, trail } = setup(aFair({ capacity: 1 }));
    for (const p of ['p1', 'w1']) await signUp(deps(), p);
    const roster = await fairs.fairRoster(deps(), hrss, { fairId: 'fair-1' });
    expect(roster.summary).toMatchObject({ confirmed: 1, waitlisted: 1, cancelled: 0 });
    expect(roster.items.map((r) => [r.openid, r.waitlistPosition])).toEqual([
      ['p1', undefined],
      ['w1', 1],
    ]);
    expect(trail).toEqual([expect.objectContaining({ openid: 's1', action: 'fairs.roster', objectType: 'fair', objectId: 'fair-1' })]);
  });

  test('managing lists only the unit’s own fairs; a unit that organizes none may not ask', async () => {
    const { deps } = setup(aFair({ _id: 'a' }), aFair({ _id: 'b', organizerDepartmentId: 'vab', status: 'draft' }));
    expect((await fairs.listFairs(deps(), vab, { manage: true })).items.map((f) => f.id)).toEqual(['b']);
    expect((await fairs.listFairs(deps(), resident('r'), {})).items.map((f) => f.id)).toEqual(['a']);
    expect(await refusal(fairs.listFairs(deps(), edu, { manage: true }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('signing up for a fair', () => {
  test('refused once sign-up closed, for a position the fair does not have, and for a risky name', async () => {
    const { deps, memory } = setup(aFair());
    expect(await refusal(signUp(deps('2026-12-03T08:30:00+08:00'), 'p1'))).toEqual({ code: 'CONFLICT', message: '报名已经截止了' });
    expect(await refusal(signUp(deps(), 'p1', 'fair-1', { positions: ['pilot'] }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refusal(signUp(deps(), 'p1', 'fair-1', { name: '违禁词' }))).toMatchObject({ code: 'CONTENT_REJECTED' });
    expect(memory.signups.size).toBe(0);
    expect(await signUp(deps(), 'p1', 'fair-1', { positions: ['driver'] })).toMatchObject({ status: 'confirmed', existing: false });
  });

  test('my fairs: each sign-up with its fair, the place in line while waiting', async () => {
    const { deps } = setup(aFair({ capacity: 1 }));
    await signUp(deps(), 'p1');
    await signUp(deps(), 'w1');
    const mine = await fairs.myFairs(deps(), resident('w1'));
    expect(mine.items).toEqual([expect.objectContaining({ fairId: 'fair-1', status: 'waitlisted', waitlistPosition: 1 })]);
  });
});
