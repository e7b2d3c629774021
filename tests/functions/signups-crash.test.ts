import { randomUUID } from 'node:crypto';
import { startTestCloud, type TestCloud } from './harness';

/**
 * A sign-up is two writes: the fair's document (a seat, a place in line), then the person's sign-up. A
 * call cut off between them (a crash, a lost connection) leaves the sign-up out of step; these are those
 * states, written as a crash would leave them, and what the next read or retry makes of each.
 */

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['fairs'], startAt: '2026-11-28T10:00:00+08:00' });
});
afterEach(() => t.close());

const fairs = (event: Record<string, unknown>, openid: string | null = null) => t.call<Data>('fairs', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};
const signup = (fairId: string, who: string, requestId: string = randomUUID()) =>
  fairs({ action: 'signup', fairId, requestId, name: `报名人${who}`, phone: '13900000000' }, who);

async function aFair(capacity: number): Promise<string> {
  const start = new Date(Date.parse('2026-12-03T09:00:00+08:00'));
  const saved = await ok(
    fairs(
      {
        action: 'save',
        title: '测试招聘会',
        startAt: start.toISOString(),
        endAt: new Date(+start + 7 * 3_600_000).toISOString(),
        signupDeadline: new Date(+start - 3_600_000).toISOString(),
        capacity,
        venue: { name: '服务中心', address: '人民路 88 号', lat: 30.51, lng: 114.3 },
        organizerDepartmentId: 'hrss',
        employers: [],
      },
      'staff-hrss',
    ),
  );
  return saved.id as string;
}

const db = () => t.cloud.database;
const fairDoc = (fairId: string) => db().read('fairs', fairId) as Data;
const signupDoc = (fairId: string, who: string) => db().read('signups', `${fairId}:${who}`) as Data;

/** Writes what a sign-up cut off after the fair's write leaves: the person recorded as `status`. */
function cutOff(fairId: string, who: string, status: string, fair: { seated?: string[]; waitQueue?: string[] }) {
  const id = `${fairId}:${who}`;
  db().write('signups', id, {
    eventId: fairId,
    openid: who,
    requestId: `cut-off-${who}`,
    name: `报名人${who}`,
    phone: '13900000000',
    interests: [],
    status,
    createdAt: '2026-11-28T02:00:00.000Z',
    consentToRemind: false,
  });
  const f = fairDoc(fairId);
  const seated = [...(f.seated as string[]), ...(fair.seated ?? [])];
  db().write('fairs', fairId, { ...f, seated, confirmedCount: seated.length, waitQueue: [...(f.waitQueue as string[]), ...(fair.waitQueue ?? [])] });
  return id;
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
  expect(await ok(signup(fairId, 'p1', 'cut-off-p1'))).toMatchObject({ status: 'confirmed', checkinCode: signupDoc(fairId, 'p1').checkinCode });
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
  expect(db().all('outbox').map((m) => m.touser)).toEqual(['p1']);
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
