import { AppError } from '../../core/envelope';
import { cancelSignup, checkIn, inStep, resizeSeats, signUp, type SignupDeps, type SignupInput } from '../../core/signups/engine';
import { aFair, aSignup, memorySignups, seededRandomInt } from './builders/fairs';

/**
 * The sign-up engine's rules over an in-memory port: seats, the first-come line, promotion on every
 * freed seat, the organizer's capacity changes and check-in at the door. The concurrent and crash cases
 * run against the real store in tests/functions/signups-races.test.ts.
 */

const NOW = new Date('2026-11-28T02:00:00.000Z');
const FAIR = 'fair-1';

function setup(capacity: number) {
  const memory = memorySignups(aFair({ _id: FAIR, capacity }));
  const deps: SignupDeps = { port: memory.port, now: NOW, randomInt: seededRandomInt(), noun: '招聘会' };
  const input = (openid: string, requestId = `request-${openid}`): SignupInput => ({
    eventId: FAIR,
    capacity: memory.events.get(FAIR)?.capacity ?? capacity,
    openid,
    requestId,
    name: `报名人${openid}`,
    phone: '13900000000',
  });
  const signUpAll = async (...people: string[]) => {
    const out = [];
    for (const p of people) out.push(await signUp(deps, input(p)));
    return out;
  };
  const event = () => memory.events.get(FAIR)!;
  const status = (openid: string) => memory.signups.get(`${FAIR}:${openid}`)?.status;
  return { memory, deps, input, signUpAll, event, status };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return { code: (e as AppError).code, message: (e as AppError).message };
};

describe('signing up', () => {
  test('confirms while seats remain, with an 8-character check-in code read aloud at the door', async () => {
    const { deps, input, event, memory } = setup(2);
    const answer = await signUp(deps, input('p1'));
    expect(answer).toEqual({
      signupId: `${FAIR}:p1`,
      status: 'confirmed',
      checkinCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/),
      existing: false,
    });
    expect(event()).toMatchObject({ confirmedCount: 1, seated: [`${FAIR}:p1`], waitQueue: [] });
    expect(memory.signups.get(`${FAIR}:p1`)).toMatchObject({ status: 'confirmed', confirmedAt: NOW.toISOString() });
  });

  test('once the seats are taken, people wait in line in the order they came', async () => {
    const { signUpAll, event } = setup(2);
    const answers = await signUpAll('p1', 'p2', 'w1', 'w2');
    expect(answers.map((a) => a.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(answers.slice(2).map((a) => a.waitlistPosition)).toEqual([1, 2]);
    expect(answers[2]?.checkinCode).toBeUndefined();
    expect(event()).toMatchObject({ confirmedCount: 2, waitQueue: [`${FAIR}:w1`, `${FAIR}:w2`] });
  });

  test('every confirmed person gets a distinct code', async () => {
    const { signUpAll } = setup(20);
    const codes = (await signUpAll(...Array.from({ length: 20 }, (_, i) => `p${i}`))).map((a) => a.checkinCode);
    expect(new Set(codes).size).toBe(20);
  });

  test('a repeat by the same person answers the sign-up they have and changes nothing', async () => {
    const { deps, input, signUpAll, event } = setup(1);
    const [first] = await signUpAll('p1');
    const again = await signUp(deps, input('p1', 'another-request'));
    expect(again).toEqual({ ...first, existing: true });
    expect(event()).toMatchObject({ confirmedCount: 1, waitQueue: [] });
  });

  test('someone who cancelled may sign up again, at the back of the line', async () => {
    const { deps, input, signUpAll, status } = setup(1);
    await signUpAll('p1', 'w1');
    await cancelSignup(deps, FAIR, 'p1');
    await signUpAll('w2');
    const back = await signUp(deps, input('p1', 'second-try'));
    expect(back).toMatchObject({ status: 'waitlisted', waitlistPosition: 2, existing: false });
    expect(status('w1')).toBe('confirmed');
  });
});

describe('cancelling', () => {
  test('a freed seat goes to the head of the line at once, who is told; the rest move up', async () => {
    const { deps, signUpAll, event, status, memory, input } = setup(2);
    await signUpAll('p1', 'p2', 'w1', 'w2', 'w3');
    const answer = await cancelSignup(deps, FAIR, 'p1');
    expect(answer).toEqual({ signupId: `${FAIR}:p1`, status: 'cancelled', promoted: [`${FAIR}:w1`] });
    expect(status('p1')).toBe('cancelled');
    expect(memory.signups.get(`${FAIR}:w1`)).toMatchObject({
      status: 'confirmed',
      promotedAt: NOW.toISOString(),
      checkinCode: expect.any(String),
    });
    expect(memory.notices).toEqual([{ openid: 'w1', title: '您已从候补转为正式报名', eventId: FAIR }]);
    expect(event()).toMatchObject({ confirmedCount: 2, waitQueue: [`${FAIR}:w2`, `${FAIR}:w3`] });
    // w2's repeat now reads position 1.
    expect(await signUp(deps, input('w2'))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, existing: true });
  });

  test('leaving the line frees no seat and promotes nobody', async () => {
    const { deps, signUpAll, event } = setup(1);
    await signUpAll('p1', 'w1', 'w2');
    expect(await cancelSignup(deps, FAIR, 'w1')).toMatchObject({ status: 'cancelled', promoted: [] });
    expect(event()).toMatchObject({ confirmedCount: 1, waitQueue: [`${FAIR}:w2`] });
  });

  test('a repeated cancellation answers the same; without a sign-up it is NOT_FOUND; after check-in CONFLICT', async () => {
    const { deps, signUpAll, memory } = setup(2);
    await signUpAll('p1', 'p2');
    await cancelSignup(deps, FAIR, 'p1');
    expect(await cancelSignup(deps, FAIR, 'p1')).toMatchObject({ status: 'cancelled', promoted: [] });
    expect(await refusal(cancelSignup(deps, FAIR, 'nobody'))).toMatchObject({ code: 'NOT_FOUND' });
    const code = memory.signups.get(`${FAIR}:p2`)?.checkinCode as string;
    await checkIn(deps, FAIR, code, true);
    expect(await refusal(cancelSignup(deps, FAIR, 'p2'))).toEqual({ code: 'CONFLICT', message: '已经签到，不能取消报名' });
  });
});

describe('the organizer changes the capacity (resizeSeats)', () => {
  /** The event's conditional update, as the stores write it: only while the seats held still fit. */
  const writeIfFits = (memory: ReturnType<typeof setup>['memory'], capacity: number) => {
    const write = jest.fn(async () => {
      const e = memory.events.get(FAIR)!;
      if (e.confirmedCount <= capacity) e.capacity = capacity;
    });
    return write;
  };

  test('more seats move the line up at once, in order', async () => {
    const { deps, signUpAll, event, status, memory } = setup(1);
    await signUpAll('p1', 'w1', 'w2', 'w3');
    const write = writeIfFits(memory, 3);
    await resizeSeats(deps, event(), 3, write);
    expect(write).toHaveBeenCalledTimes(1);
    expect([status('w1'), status('w2'), status('w3')]).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(event()).toMatchObject({ capacity: 3, confirmedCount: 3, waitQueue: [`${FAIR}:w3`] });
  });

  test('fewer seats, still enough for those who hold one: saved, nobody moves', async () => {
    const { deps, signUpAll, event, memory } = setup(5);
    await signUpAll('p1', 'p2');
    await resizeSeats(deps, event(), 2, writeIfFits(memory, 2));
    expect(event()).toMatchObject({ capacity: 2, confirmedCount: 2, waitQueue: [] });
  });

  test('fewer seats than are held is refused before anything is written', async () => {
    const { deps, signUpAll, event, memory } = setup(5);
    await signUpAll('p1', 'p2', 'p3');
    const write = writeIfFits(memory, 2);
    expect(await refusal(resizeSeats(deps, event(), 2, write))).toEqual({
      code: 'CONFLICT',
      message: '已有 3 人报名成功，名额不能少于这个数',
    });
    expect(write).not.toHaveBeenCalled();
    expect(event().capacity).toBe(5);
  });

  test('a seat taken between the check and the write: the write does not land, and the refusal counts the seats held now', async () => {
    const { deps, signUpAll, event, memory, input } = setup(3);
    await signUpAll('p1');
    const read = structuredClone(event());
    await signUp(deps, input('p2'));
    await signUp(deps, input('p3'));
    expect(await refusal(resizeSeats(deps, read, 2, writeIfFits(memory, 2)))).toEqual({
      code: 'CONFLICT',
      message: '已有 3 人报名成功，名额不能少于这个数',
    });
    expect(event()).toMatchObject({ capacity: 3, confirmedCount: 3 });
  });
});

describe('check-in at the door', () => {
  const confirmed = async (capacity = 2) => {
    const s = setup(capacity);
    await s.signUpAll('p1', 'p2', 'w1');
    const codeOf = (openid: string) => s.memory.signups.get(`${FAIR}:${openid}`)?.checkinCode as string;
    return { ...s, codeOf };
  };

  test('a confirmed code on the day checks its person in, once', async () => {
    const { deps, codeOf, status } = await confirmed();
    expect(await checkIn(deps, FAIR, codeOf('p1'), true)).toMatchObject({
      _id: `${FAIR}:p1`,
      status: 'checkedIn',
      checkedInAt: NOW.toISOString(),
    });
    expect(status('p1')).toBe('checkedIn');
    expect(await refusal(checkIn(deps, FAIR, codeOf('p1'), true))).toEqual({ code: 'CONFLICT', message: '报名人p1 已经签到过了' });
  });

  test('refused: an unknown code, another event’s code, a day other than the event’s, a cancelled sign-up', async () => {
    const { deps, codeOf, status } = await confirmed();
    expect(await refusal(checkIn(deps, FAIR, 'ZZZZZZZZ', true))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(checkIn(deps, 'fair-2', codeOf('p1'), true))).toEqual({ code: 'CONFLICT', message: '这个签到码属于另一场招聘会' });
    expect(await refusal(checkIn(deps, FAIR, codeOf('p1'), false))).toEqual({ code: 'CONFLICT', message: '只能在招聘会当天签到' });
    const p2 = codeOf('p2');
    await cancelSignup(deps, FAIR, 'p2');
    expect(await refusal(checkIn(deps, FAIR, p2, true))).toEqual({ code: 'CONFLICT', message: '这个报名已经取消，不能签到' });
    expect(status('p1')).toBe('confirmed');
  });
});

describe('a call cut off between its two writes', () => {
  test('a sign-up left pending in a seat is confirmed when next read; one left confirmed without a seat is cancelled', async () => {
    const memory = memorySignups(aFair({ _id: FAIR, capacity: 2, confirmedCount: 1, seated: [`${FAIR}:p1`] }));
    memory.signups.set(`${FAIR}:p1`, aSignup({ openid: 'p1', status: 'pending', checkinCode: undefined }));
    memory.signups.set(`${FAIR}:p2`, aSignup({ openid: 'p2', status: 'confirmed' }));
    const deps: SignupDeps = { port: memory.port, now: NOW, randomInt: seededRandomInt(), noun: '招聘会' };
    const seats = (await memory.port.getSeats(FAIR))!;
    const settled = await inStep(deps, seats, await memory.port.listSignups(FAIR));
    expect(settled.map((s) => [s.openid, s.status])).toEqual([
      ['p1', 'confirmed'],
      ['p2', 'cancelled'],
    ]);
  });
});
