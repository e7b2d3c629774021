import { randomInt, randomUUID } from 'node:crypto';
import type { SignupDeps, SignupInput } from '../../core/signups/engine';
import type { SignupsPort } from '../../core/signups/port';
import { checkPinnedSdk } from '../../local/engine/transport';
import { startTestCloud, type TestCloud } from './harness';

/**
 * The sign-up engine under crash states and concurrent calls. A sign-up is two writes: the fair's document
 * (a seat, a place in line), then the person's sign-up; the crash states between them are written
 * directly, as a crash would leave them, and each interleaving is forced, never left to timing. Two tools do it: a database hook (every action the
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

/** A sign-up document as an earlier call (or an earlier version of the engine) left it. */
function writeSignup(fairId: string, who: string, fields: Data) {
  db().write('signups', `${fairId}:${who}`, {
    eventId: fairId,
    openid: who,
    requestId: `earlier-${who}`,
    name: `报名人${who}`,
    phone: '13900000000',
    interests: [],
    createdAt: '2026-11-28T02:00:00.000Z',
    consentToRemind: false,
    ...fields,
  });
}

test('a second tap whose reads straddle the first tap’s seat and confirmation answers the same sign-up, never cancels it', async () => {
  const fairId = await aFair(2);
  const store = await realStore();
  const { signUp } = await engine();
  const firstInserted = deferred();
  const firstMayGo = deferred();
  const firstDone = deferred();
  const secondDone = deferred();
  const first: SignupsPort = {
    ...store,
    insertSignup: async (s) => {
      const inserted = await store.insertSignup(s);
      firstInserted.resolve();
      return inserted;
    },
    getSeats: async (eventId) => {
      await Promise.race([firstMayGo.promise, secondDone.promise]);
      return store.getSeats(eventId);
    },
  };
  let signupReads = 0;
  let seatReads = 0;
  let readingSignup = false;
  const second: SignupsPort = {
    ...store,
    insertSignup: async (s) => {
      await firstInserted.promise;
      return store.insertSignup(s);
    },
    getSignup: async (id) => {
      if (++signupReads !== 2) return store.getSignup(id);
      readingSignup = true;
      await null;
      if (seatReads > 0) await firstDone.promise;
      const s = await store.getSignup(id);
      readingSignup = false;
      return s;
    },
    getSeats: async (eventId) => {
      if (++seatReads !== 1) return store.getSeats(eventId);
      if (readingSignup) {
        const seats = await store.getSeats(eventId);
        firstMayGo.resolve();
        return seats;
      }
      firstMayGo.resolve();
      await firstDone.promise;
      return store.getSeats(eventId);
    },
  };
  const input = inputFor(fairId, 2, 'p1');
  const [a, b] = await Promise.all([
    signUp(depsWith(first), input).finally(() => firstDone.resolve()),
    signUp(depsWith(second), input).finally(() => secondDone.resolve()),
  ]);
  expect(a).toMatchObject({ status: 'confirmed' });
  expect(b).toMatchObject({ status: 'confirmed', checkinCode: a.checkinCode });
  expect(signupDoc(fairId, 'p1')).toMatchObject({ status: 'confirmed', checkinCode: a.checkinCode });
  expectWhole(fairId);
});

test('a slow tap that read "pending" does not keep a seat for a person who has since cancelled', async () => {
  const fairId = await aFair(1);
  const store = await realStore();
  const { signUp } = await engine();
  const firstInserted = deferred();
  const secondAtTheSeat = deferred();
  const resumeSecond = deferred();
  const slowDone = deferred();
  const first: SignupsPort = {
    ...store,
    insertSignup: async (s) => {
      const inserted = await store.insertSignup(s);
      firstInserted.resolve();
      return inserted;
    },
    takeSeat: async (...args) => {
      await Promise.race([secondAtTheSeat.promise, slowDone.promise]);
      return store.takeSeat(...args);
    },
  };
  const second: SignupsPort = {
    ...store,
    insertSignup: async (s) => {
      await firstInserted.promise;
      return store.insertSignup(s);
    },
    takeSeat: async (...args) => {
      secondAtTheSeat.resolve();
      await resumeSecond.promise;
      return store.takeSeat(...args);
    },
  };
  const input = inputFor(fairId, 1, 'p1');
  const slow = signUp(depsWith(second), input).finally(() => slowDone.resolve());
  expect(await signUp(depsWith(first), input)).toMatchObject({ status: 'confirmed' });
  await ok(fairs({ action: 'cancel', fairId }, 'p1'));
  resumeSecond.resolve();
  await slow;
  expect(signupDoc(fairId, 'p1').status).toBe('cancelled');
  expect(fairDoc(fairId)).toMatchObject({ confirmedCount: 0, seated: [] });
  expect(await ok(signup(fairId, 'p2'))).toMatchObject({ status: 'confirmed' });
});

test('the head of the line cancelling while being moved up leaves neither seat nor place, and the next in line gets the seat', async () => {
  const fairId = await aFair(1);
  await ok(signup(fairId, 'p0'));
  await ok(signup(fairId, 'w'));
  await ok(signup(fairId, 'x'));
  const w = `${fairId}:w`;
  const wMovedUp = deferred();
  const wCancelled = deferred();
  let p0Cancel: Promise<Data> | null = null;
  intercept(async (action, params, send) => {
    const write = modification(action, params);
    if (write?.coll === 'fairs' && write.query.waitQueue === w && !p0Cancel) {
      p0Cancel = ok(fairs({ action: 'cancel', fairId }, 'p0'));
      await wMovedUp.promise;
      return send();
    }
    if (write?.coll === 'fairs' && JSON.stringify(write.data.$push ?? {}).includes(w)) {
      const reply = await send();
      wMovedUp.resolve();
      await wCancelled.promise;
      return reply;
    }
    return send();
  });
  await ok(fairs({ action: 'cancel', fairId }, 'w'));
  wCancelled.resolve();
  await p0Cancel;
  expect(signupDoc(fairId, 'w').status).toBe('cancelled');
  expect(fairDoc(fairId).seated).not.toContain(w);
  expect(signupDoc(fairId, 'x').status).toBe('confirmed');
  expectWhole(fairId);
});

test('a cancellation cut off after giving up the seat: its retry answers cancelled and the seat goes to the line', async () => {
  const fairId = await aFair(1);
  await ok(signup(fairId, 'p0'));
  await ok(signup(fairId, 'p1'));
  db().write('fairs', fairId, { ...fairDoc(fairId), seated: [], confirmedCount: 0 });
  t.cloud.clock.set('2026-12-03T08:30:00+08:00');
  expect(await fairs({ action: 'cancel', fairId }, 'p0')).toMatchObject({ ok: true, data: { status: 'cancelled' } });
  expect(signupDoc(fairId, 'p1').status).toBe('confirmed');
  expect(fairDoc(fairId)).toMatchObject({ confirmedCount: 1, seated: [`${fairId}:p1`], waitQueue: [] });
});

test('a read between a cancellation’s two writes: the cancellation still answers cancelled and the next in line moves up', async () => {
  const fairId = await aFair(1);
  await ok(signup(fairId, 'p0'));
  await ok(signup(fairId, 'p1'));
  const p0 = `${fairId}:p0`;
  let rosterRan = false;
  intercept(async (action, params, send) => {
    const write = modification(action, params);
    const reply = await send();
    if (write?.coll === 'fairs' && write.query.seated === p0 && !rosterRan) {
      rosterRan = true;
      await ok(fairs({ action: 'roster', fairId }, 'staff-hrss'));
    }
    return reply;
  });
  expect(await fairs({ action: 'cancel', fairId }, 'p0')).toMatchObject({ ok: true, data: { status: 'cancelled' } });
  expect(rosterRan).toBe(true);
  expect(signupDoc(fairId, 'p1').status).toBe('confirmed');
  expectWhole(fairId);
});

test('a sign-up that read the old capacity does not take a seat after the organizer lowered it', async () => {
  const fairId = await aFair(2);
  await ok(signup(fairId, 'p0'));
  const p1 = `${fairId}:p1`;
  let lowered = false;
  intercept(async (action, params, send) => {
    const write = modification(action, params);
    if (write?.coll === 'fairs' && JSON.stringify(write.data.$push ?? {}).includes(p1) && !lowered) {
      lowered = true;
      await ok(setCapacity(fairId, 1));
    }
    return send();
  });
  const answer = await ok(signup(fairId, 'p1'));
  expect(lowered).toBe(true);
  expect(fairDoc(fairId).capacity).toBe(1);
  expect(answer).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  expectWhole(fairId);
});

test('lowering the capacity while someone takes a seat is refused or lands only while it fits', async () => {
  const fairId = await aFair(2);
  await ok(signup(fairId, 'p0'));
  let p1Answer: Data | null = null;
  intercept(async (action, params, send) => {
    const write = modification(action, params);
    if (write?.coll === 'fairs' && JSON.stringify(write.data).includes('"capacity"') && !p1Answer) {
      p1Answer = await ok(signup(fairId, 'p1'));
    }
    return send();
  });
  const saved = await setCapacity(fairId, 1);
  expect(p1Answer).toMatchObject({ status: 'confirmed' });
  if (saved.ok) expect(fairDoc(fairId).confirmedCount).toBeLessThanOrEqual(1);
  else expect(saved).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expectWhole(fairId);
});

test('a sign-up whose cancellation was cut off after giving up its seat cannot be checked in at the door', async () => {
  const fairId = await aFair(1);
  const p0 = await ok(signup(fairId, 'p0'));
  db().write('fairs', fairId, { ...fairDoc(fairId), seated: [], confirmedCount: 0 });
  t.cloud.clock.set('2026-12-03T08:30:00+08:00');
  expect(await fairs({ action: 'checkin', fairId, code: p0.checkinCode }, 'staff-hrss')).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
});

test('the day-before reminder goes to whoever holds a seat as the fair records it, not to whoever gave theirs back', async () => {
  const fairId = await aFair(2);
  await ok(fairs({ action: 'signup', fairId, requestId: randomUUID(), name: '甲', phone: '13900000000', remind: true }, 'gone'));
  writeSignup(fairId, 'moved', { status: 'waitlisted', consentToRemind: true });
  db().write('fairs', fairId, { ...fairDoc(fairId), seated: [`${fairId}:moved`], confirmedCount: 1, waitQueue: [] });
  for (const who of ['gone', 'moved']) db().write('subscriptions', `${who}:fair_update`, { remaining: 3 });
  t.cloud.clock.set('2026-12-02T09:00:00+08:00');
  await ok(t.cloud.invoke('fairs', { Type: 'Timer' }, null, 'wx_timer') as Promise<{ ok: boolean; data?: Data }>);
  expect(
    db()
      .all('outbox')
      .map((m) => m.touser)
      .sort(),
  ).toEqual(['moved', 'moved']);
});

test('a replay of the original sign-up request after the person cancelled does not sign them up again', async () => {
  const fairId = await aFair(2);
  const requestId = randomUUID();
  await ok(signup(fairId, 'p1', requestId));
  await ok(fairs({ action: 'cancel', fairId }, 'p1'));
  const replay = await ok(signup(fairId, 'p1', requestId));
  expect(replay).toMatchObject({ existing: true });
  expect(signupDoc(fairId, 'p1').status).toBe('cancelled');
  expect(fairDoc(fairId).confirmedCount).toBe(0);
});

test('a new sign-up after a cancellation starts clean: no promotion, cancellation or old code carried over', async () => {
  const fairId = await aFair(1);
  await ok(signup(fairId, 'p0'));
  await ok(signup(fairId, 'w'));
  await ok(fairs({ action: 'cancel', fairId }, 'p0'));
  await ok(fairs({ action: 'cancel', fairId }, 'w'));
  expect(await ok(signup(fairId, 'w'))).toMatchObject({ status: 'confirmed' });
  expect((await ok(fairs({ action: 'get', id: fairId }, 'w'))).mySignup).toMatchObject({ status: 'confirmed', promoted: false });
  expect(signupDoc(fairId, 'w').cancelledAt).toBeUndefined();
});

/** A fair as an earlier version left it: a count and a line, no `seated`; `confirmed` people hold its seats. */
async function legacyFair(capacity: number, confirmed: string[]): Promise<string> {
  const fairId = await aFair(capacity);
  const { seated: _seated, ...f } = fairDoc(fairId);
  db().write('fairs', fairId, { ...f, confirmedCount: confirmed.length });
  for (const who of confirmed)
    writeSignup(fairId, who, {
      status: 'confirmed',
      confirmedAt: '2026-11-28T02:00:00.000Z',
      checkinCode: `CODE${who.toUpperCase()}AA`.slice(0, 8),
    });
  return fairId;
}

test('on a fair from before seats were recorded by name, earlier confirmed sign-ups keep their seats', async () => {
  const fairId = await legacyFair(3, ['old']);
  expect(await ok(signup(fairId, 'new'))).toMatchObject({ status: 'confirmed' });
  expect((await ok(fairs({ action: 'get', id: fairId }, 'old'))).mySignup).toMatchObject({ status: 'confirmed' });
  expect(signupDoc(fairId, 'old').status).toBe('confirmed');
  expectWhole(fairId);
});

test('on a fair from before seats were recorded by name, cancelling an earlier sign-up frees its seat for the line', async () => {
  const fairId = await legacyFair(1, ['old']);
  expect(await ok(signup(fairId, 'w'))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  await ok(fairs({ action: 'cancel', fairId }, 'old'));
  expect(signupDoc(fairId, 'w').status).toBe('confirmed');
  expect(fairDoc(fairId).confirmedCount).toBe(1);
});

// ---------- crash states: what the next read or retry makes of a call cut off between its writes ----------

/** Writes what a sign-up cut off after the fair's write leaves: the person recorded as `status`. */
function cutOff(fairId: string, who: string, status: string, fair: { seated?: string[]; waitQueue?: string[] }) {
  writeSignup(fairId, who, { status, requestId: `cut-off-${who}` });
  const f = fairDoc(fairId);
  const seated = [...(f.seated as string[]), ...(fair.seated ?? [])];
  db().write('fairs', fairId, {
    ...f,
    seated,
    confirmedCount: seated.length,
    waitQueue: [...(f.waitQueue as string[]), ...(fair.waitQueue ?? [])],
  });
}

test('cut off before the fair was written: the retry signs the person up as if for the first time', async () => {
  const fairId = await aFair(2);
  cutOff(fairId, 'p1', 'pending', {});
  expect((await ok(fairs({ action: 'get', id: fairId }, 'p1'))).mySignup).toBeNull();
  const retried = await ok(signup(fairId, 'p1', 'cut-off-p1'));
  expect(retried).toMatchObject({ status: 'confirmed', existing: false });
  expect(fairDoc(fairId)).toMatchObject({ confirmedCount: 1, seated: [`${fairId}:p1`] });
});

test('cut off after taking a seat: the person’s next look finds them confirmed, with a code, holding that one seat', async () => {
  const fairId = await aFair(2);
  cutOff(fairId, 'p1', 'pending', { seated: [`${fairId}:p1`] });
  const view = (await ok(fairs({ action: 'get', id: fairId }, 'p1'))).mySignup;
  expect(view).toMatchObject({ status: 'confirmed' });
  expect(signupDoc(fairId, 'p1').checkinCode).toMatch(/^[A-Z2-9]{8}$/);
  // The retry answers the same sign-up and takes no second seat.
  expect(await ok(signup(fairId, 'p1', 'cut-off-p1'))).toMatchObject({
    status: 'confirmed',
    checkinCode: signupDoc(fairId, 'p1').checkinCode,
  });
  expect(fairDoc(fairId)).toMatchObject({ confirmedCount: 1 });
});

test('cut off after joining the line: the organizer’s roster shows the person waitlisted, in their place', async () => {
  const fairId = await aFair(1);
  await ok(signup(fairId, 'p0'));
  cutOff(fairId, 'p1', 'pending', { waitQueue: [`${fairId}:p1`] });
  const roster = await ok(fairs({ action: 'roster', fairId }, 'staff-hrss'));
  expect(roster.items.find((r: Data) => r.signupId === `${fairId}:p1`)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  expect(roster.summary).toMatchObject({ confirmed: 1, waitlisted: 1 });
});

test('cut off after a promotion: the promoted person is confirmed and told on the next read', async () => {
  const fairId = await aFair(1);
  cutOff(fairId, 'p1', 'waitlisted', { seated: [`${fairId}:p1`] });
  db().write('subscriptions', 'p1:fair_update', { remaining: 1 });
  const mine = await ok(fairs({ action: 'mine' }, 'p1'));
  expect(mine.items[0]).toMatchObject({ status: 'confirmed' });
  expect(signupDoc(fairId, 'p1')).toMatchObject({ status: 'confirmed', promotedAt: expect.any(String) });
  expect(
    db()
      .all('outbox')
      .map((m) => m.touser),
  ).toEqual(['p1']);
});

test('cut off in the middle of a cancellation: the sign-up reads as cancelled and the person may sign up again', async () => {
  const fairId = await aFair(1);
  await ok(signup(fairId, 'p0'));
  await ok(signup(fairId, 'p1'));
  // p0 gave up the seat, but the crash came before p0's sign-up said so and before p1 was moved up.
  const f = fairDoc(fairId);
  db().write('fairs', fairId, { ...f, seated: [], confirmedCount: 0 });
  expect((await ok(fairs({ action: 'get', id: fairId }, 'p0'))).mySignup).toMatchObject({ status: 'cancelled' });
  // The seat it left goes to the head of the line at the next sign-up: nobody passes the line.
  const again = await ok(signup(fairId, 'p0'));
  expect(again).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, existing: false });
  expect(signupDoc(fairId, 'p1')).toMatchObject({ status: 'confirmed' });
  expect(fairDoc(fairId)).toMatchObject({ confirmedCount: 1, seated: [`${fairId}:p1`], waitQueue: [`${fairId}:p0`] });
});
