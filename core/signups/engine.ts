import { AppError } from '../envelope';
import type { SignupRecord, SignupsPort } from './port';

// No 0/O/1/I: codes are read aloud and typed by hand at the door.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newCheckinCode(randomInt: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export interface SignupDeps {
  port: SignupsPort;
  now: Date;
  randomInt: (max: number) => number;
  /** Words for the event in messages: 招聘会, 志愿活动. */
  noun: string;
}

export interface SignupOutcome {
  signupId: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'checkedIn';
  waitlistPosition?: number;
  checkinCode?: string;
}

export async function waitlistPosition(port: SignupsPort, eventId: string, signupId: string): Promise<number | undefined> {
  const seats = await port.getSeats(eventId);
  const i = seats?.waitQueue.indexOf(signupId) ?? -1;
  return i >= 0 ? i + 1 : undefined;
}

export async function outcomeOf(port: SignupsPort, s: SignupRecord): Promise<SignupOutcome> {
  if (s.status === 'confirmed' || s.status === 'checkedIn')
    return { signupId: s._id, status: s.status, ...(s.checkinCode ? { checkinCode: s.checkinCode } : {}) };
  if (s.status === 'waitlisted') {
    const position = await waitlistPosition(port, s.eventId, s._id);
    return position ? { signupId: s._id, status: 'waitlisted', waitlistPosition: position } : { signupId: s._id, status: 'waitlisted' };
  }
  return { signupId: s._id, status: 'cancelled' };
}

async function confirm(deps: SignupDeps, id: string, from: 'pending' | 'waitlisted'): Promise<boolean> {
  const at = deps.now.toISOString();
  const patch: Partial<SignupRecord> = { status: 'confirmed', confirmedAt: at, checkinCode: newCheckinCode(deps.randomInt) };
  if (from === 'waitlisted') patch.promotedAt = at;
  return deps.port.updateSignupIf(id, from, patch);
}

/**
 * Gives free seats to the head of the waitlist, one at a time, until the event is full or nobody waits.
 * Run after every cancellation and after every join of the waitlist, so no seat stays empty while
 * someone waits, whatever interleaving the concurrent calls take.
 */
export async function fillSeats(deps: SignupDeps, eventId: string): Promise<string[]> {
  const promoted: string[] = [];
  for (;;) {
    const seats = await deps.port.getSeats(eventId);
    const head = seats?.waitQueue[0];
    if (!seats || head === undefined) return promoted;
    if (!(await deps.port.claimSeat(eventId, seats.capacity))) return promoted;
    if (!(await deps.port.popWaitlistHead(eventId, head))) {
      // Someone else moved the head first: hand the seat back and look again.
      await deps.port.releaseSeat(eventId);
      continue;
    }
    if (await confirm(deps, head, 'waitlisted')) {
      promoted.push(head);
      const s = await deps.port.getSignup(head);
      if (s)
        await deps.port.notify(s.openid, {
          title: `您已从候补转为正式报名`,
          detail: `${deps.noun}有空位了，请按时参加`,
          eventId,
          at: deps.now.toISOString(),
        });
    } else {
      // The head cancelled while it was being promoted: the seat is free again.
      await deps.port.releaseSeat(eventId);
    }
  }
}

export interface SignupInput {
  eventId: string;
  capacity: number;
  openid: string;
  requestId: string;
  name: string;
  phone: string;
  interests?: string[];
  consentToRemind?: boolean;
}

/** One sign-up per person per event; a repeat (or a retried request) answers the existing sign-up. */
export async function signUp(deps: SignupDeps, input: SignupInput): Promise<SignupOutcome & { existing: boolean }> {
  const { port } = deps;
  const id = `${input.eventId}:${input.openid}`;
  const record: SignupRecord = {
    _id: id,
    eventId: input.eventId,
    openid: input.openid,
    requestId: input.requestId,
    name: input.name,
    phone: input.phone,
    interests: input.interests ?? [],
    status: 'pending',
    createdAt: deps.now.toISOString(),
    consentToRemind: Boolean(input.consentToRemind),
  };
  if (!(await port.insertSignup(record))) {
    const existing = await port.getSignup(id);
    if (!existing) throw new AppError('CONFLICT', '报名正在处理，请稍后再看');
    // A person who cancelled may sign up again, at the back of the line.
    const { _id: _ignored, ...fresh } = record;
    if (existing.status !== 'cancelled' || !(await port.updateSignupIf(id, 'cancelled', fresh))) {
      return { ...(await outcomeOf(port, existing)), existing: true };
    }
  }
  if (await port.claimSeat(input.eventId, input.capacity)) {
    await confirm(deps, id, 'pending');
  } else {
    await port.updateSignupIf(id, 'pending', { status: 'waitlisted' });
    await port.pushWaitlist(input.eventId, id);
    await fillSeats(deps, input.eventId);
  }
  const settled = await port.getSignup(id);
  if (!settled) throw new AppError('INTERNAL', '报名没有保存成功，请再试一次');
  return { ...(await outcomeOf(port, settled)), existing: false };
}

/** Frees the seat (the first waitlisted person gets it at once) or leaves the waitlist. */
export async function cancelSignup(
  deps: SignupDeps,
  eventId: string,
  openid: string,
): Promise<{ signupId: string; status: 'cancelled'; promoted: string[] }> {
  const { port } = deps;
  const id = `${eventId}:${openid}`;
  const s = await port.getSignup(id);
  if (!s || s.status === 'cancelled') throw new AppError('NOT_FOUND', '您没有报名这个活动');
  if (s.status === 'checkedIn') throw new AppError('CONFLICT', '已经签到，不能取消报名');
  const at = deps.now.toISOString();
  if (s.status === 'confirmed' && (await port.updateSignupIf(id, 'confirmed', { status: 'cancelled', cancelledAt: at }))) {
    await port.releaseSeat(eventId);
  } else if (s.status === 'waitlisted' && (await port.updateSignupIf(id, 'waitlisted', { status: 'cancelled', cancelledAt: at }))) {
    await port.removeFromWaitlist(eventId, id);
  } else {
    throw new AppError('CONFLICT', '报名状态刚刚变了，请刷新后再试');
  }
  return { signupId: id, status: 'cancelled', promoted: await fillSeats(deps, eventId) };
}

/** Checks a code in at the door: unknown → NOT_FOUND; another event's, twice, or outside the day → CONFLICT. */
export async function checkIn(deps: SignupDeps, eventId: string, code: string, onTheDay: boolean): Promise<SignupRecord> {
  const s = await deps.port.findByCode(code);
  if (!s) throw new AppError('NOT_FOUND', '没有这个签到码，请核对后再试');
  if (s.eventId !== eventId) throw new AppError('CONFLICT', `这个签到码属于另一场${deps.noun}`);
  if (s.status === 'checkedIn') throw new AppError('CONFLICT', `${s.name} 已经签到过了`);
  if (s.status !== 'confirmed') throw new AppError('CONFLICT', '这个报名已经取消，不能签到');
  if (!onTheDay) throw new AppError('CONFLICT', `只能在${deps.noun}当天签到`);
  const at = deps.now.toISOString();
  if (!(await deps.port.updateSignupIf(s._id, 'confirmed', { status: 'checkedIn', checkedInAt: at }))) {
    throw new AppError('CONFLICT', `${s.name} 已经签到过了`);
  }
  return { ...s, status: 'checkedIn', checkedInAt: at };
}
