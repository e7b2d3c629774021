import { randomInt, randomUUID } from 'node:crypto';
import type { SignupDeps, SignupInput } from '../../core/signups/engine';
import type { SignupsPort } from '../../core/signups/port';
import { checkPinnedSdk } from '../../local/engine/transport';
import { startTestCloud, type TestCloud } from './harness';

/**
 * The sign-up engine under concurrent calls and crash states that the other sign-up suites do not reach:
 * each interleaving is forced, never left to timing. Two tools do it: a database hook (every action the
 * real wx-server-sdk sends passes through `intercept`, which may run other calls before or after it), and
 * the engine's own functions called with the real store wrapped so that one of its methods waits.
 */

type Data = Record<string, any>;
type Params = Record<string, unknown>;

let t: TestCloud;
let restore: (() => void) | null = null;
beforeEach(() => {
  t = startTestCloud({ functions: ['fairs'], startAt: '2026-11-28T10:00:00+08:00' });
});
afterEach(() => {
  restore?.();
  restore = null;
  t.close();
});

const fairs = (event: Record<string, unknown>, openid: string | null = null) => t.call<Data>('fairs', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};
const signup = (fairId: string, who: string, requestId: string = randomUUID()) =>
  fairs({ action: 'signup', fairId, requestId, name: `报名人${who}`, phone: '13900000000' }, who);

// Starts 2026-12-03 09:00 (+08:00); sign-up closes an hour before.
const START = Date.parse('2026-12-03T09:00:00+08:00');
function fairPayload(capacity: number) {
  return {
    title: '测试招聘会',
    startAt: new Date(START).toISOString(),
    endAt: new Date(START + 7 * 3_600_000).toISOString(),
    signupDeadline: new Date(START - 3_600_000).toISOString(),
    capacity,
    venue: { name: '服务中心', address: '人民路 88 号', lat: 30.51, lng: 114.3 },
    organizerDepartmentId: 'hrss',
    employers: [],
  };
}
const aFair = async (capacity: number) => (await ok(fairs({ action: 'save', ...fairPayload(capacity) }, 'staff-hrss'))).id as string;
const setCapacity = (id: string, capacity: number) => fairs({ action: 'save', id, ...fairPayload(capacity) }, 'staff-hrss');

const db = () => t.cloud.database;
const fairDoc = (fairId: string) => db().read('fairs', fairId) as Data;
const signupDoc = (fairId: string, who: string) => db().read('signups', `${fairId}:${who}`) as Data;

/** The event's document is whole: the count is the number seated, within capacity, and every seat is held by someone confirmed. */
function expectWhole(fairId: string) {
  const f = fairDoc(fairId);
  expect(f.confirmedCount).toBe(f.seated.length);
  expect(f.confirmedCount).toBeLessThanOrEqual(f.capacity);
  for (const id of f.seated as string[]) expect(['confirmed', 'checkedIn']).toContain((db().read('signups', id) as Data).status);
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** What a database action writes: the collection, the query and the update, parsed (numbers stay Extended JSON). */
function modification(action: string, params: Params): { coll: string; query: Data; data: Data } | null {
  if (action !== 'database.modifyDocument') return null;
  return { coll: String(params.collectionName), query: JSON.parse(String(params.query)), data: JSON.parse(String(params.data)) };
}

/** Every database action of every function passes through `around`, which decides when it reaches the engine. */
function intercept(around: (action: string, params: Params, send: () => Promise<unknown>) => Promise<unknown>): void {
  const requester = checkPinnedSdk().TcbDBApiHttpRequester.prototype as { send: (action: string, params?: Params) => Promise<unknown> };
  const original = requester.send;
  requester.send = function (this: unknown, action: string, params: Params = {}) {
    return around(action, params, () => original.call(this, action, params));
  };
  restore = () => {
    requester.send = original;
  };
}

/** The fairs' real store, for calling the engine directly (loaded once the SDK is redirected). */
async function realStore(): Promise<SignupsPort> {
  const { signupsStore } = await import('../../cloudfunctions/_lib/signups-store');
  return signupsStore('fairs', 'fair_update', (id) => `subpackages/fairs/detail?id=${id}`);
}
const engine = () => import('../../core/signups/engine');
const depsWith = (port: SignupsPort): SignupDeps => ({ port, now: new Date(t.cloud.clock.now()), randomInt, noun: '招聘会' });
const inputFor = (fairId: string, capacity: number, who: string): SignupInput => ({
  eventId: fairId,
  capacity,
  openid: who,
  requestId: `req-${who}`,
  name: `报名人${who}`,
  phone: '13900000000',
});

// ---------------------------------------------------------------------------------------------------------
// Guarantees under forced interleavings
// ---------------------------------------------------------------------------------------------------------

test('two taps racing for the same seat: both answer the one sign-up, with one code and one seat', async () => {
  const fairId = await aFair(2);
  const store = await realStore();
  const { signUp } = await engine();
  // Both taps have read "pending, holding nothing" before either takes a seat.
  const reachedSeat = [deferred(), deferred()];
  const bothThere = Promise.all(reachedSeat.map((d) => d.promise));
  const firstInserted = deferred();
  const tap = (i: number): SignupsPort => ({
    ...store,
    insertSignup: async (s) => {
      if (i === 1) await firstInserted.promise;
      const inserted = await store.insertSignup(s);
      if (i === 0) firstInserted.resolve();
      return inserted;
    },
    takeSeat: async (...args) => {
      reachedSeat[i]!.resolve();
      await bothThere;
      return store.takeSeat(...args);
    },
  });
  const input = inputFor(fairId, 2, 'p1');
  const [a, b] = await Promise.all([signUp(depsWith(tap(0)), input), signUp(depsWith(tap(1)), input)]);
  expect(a).toMatchObject({ status: 'confirmed', checkinCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });
  expect(b).toMatchObject({ status: 'confirmed', checkinCode: a.checkinCode });
  expect(fairDoc(fairId)).toMatchObject({ confirmedCount: 1, seated: [`${fairId}:p1`], waitQueue: [] });
  expect(signupDoc(fairId, 'p1')).toMatchObject({ status: 'confirmed', checkinCode: a.checkinCode });
});

test('more seats while someone signs up: the new seats go to the line in order, the newcomer joins its back', async () => {
  const fairId = await aFair(1);
  await ok(signup(fairId, 'p0'));
  await ok(signup(fairId, 'w1'));
  await ok(signup(fairId, 'w2'));
  let newcomer: Data | null = null;
  intercept(async (action, params, send) => {
    const write = modification(action, params);
    const reply = await send();
    // The capacity is written; the organizer's own fillSeats has not run yet: the newcomer arrives now.
    if (write?.coll === 'fairs' && JSON.stringify(write.data).includes('"capacity"') && !newcomer) {
      newcomer = await ok(signup(fairId, 'n'));
    }
    return reply;
  });
  await ok(setCapacity(fairId, 3));
  expect(newcomer).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  expect(signupDoc(fairId, 'w1').status).toBe('confirmed');
  expect(signupDoc(fairId, 'w2').status).toBe('confirmed');
  expect(fairDoc(fairId)).toMatchObject({ confirmedCount: 3, waitQueue: [`${fairId}:n`] });
  expectWhole(fairId);
});
