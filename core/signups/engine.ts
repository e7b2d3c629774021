import { AppError } from '../envelope';
import type { EventSeats, SettledSignup, SignupRecord, SignupsPort } from './port';

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

/** Confirms a sign-up still `s.status`, with its check-in code; the confirmed record, or null if it moved. */
async function confirm(deps: SignupDeps, s: SignupRecord & { status: 'pending' | 'waitlisted' }): Promise<SignupRecord | null> {
  const at = deps.now.toISOString();
  const patch: Partial<SignupRecord> = { status: 'confirmed', confirmedAt: at, checkinCode: newCheckinCode(deps.randomInt) };
  if (s.status === 'waitlisted') patch.promotedAt = at;
  return move(deps, s, patch);
}

/** Moves a sign-up from the status it was read with to `patch`; the new record, or null if it moved. */
async function move(deps: SignupDeps, s: SignupRecord, patch: Partial<SignupRecord>): Promise<SignupRecord | null> {
  return (await deps.port.updateSignupIf(s._id, s.status, patch)) ? { ...s, ...patch } : null;
}

type Place = 'seat' | 'line' | 'none';

/** Where the event's document puts a sign-up: in a seat, in the line, or neither. */
function placeOf(seats: EventSeats, id: string): Place {
  if ((seats.seated ?? []).includes(id)) return 'seat';
  return seats.waitQueue.includes(id) ? 'line' : 'none';
}

/**
 * Whether a sign-up's status disagrees with the event's document: a call cut off between its two writes
 * (a crash, a lost connection). `pending` counts only once it holds something; one that holds nothing is
 * invisible and harmless until its person retries.
 */
export function outOfStep(s: SignupRecord, seats: EventSeats): boolean {
  const place = placeOf(seats, s._id);
  switch (s.status) {
    case 'pending':
      return place !== 'none';
    case 'waitlisted':
      return place !== 'line';
    case 'confirmed':
      // An event read before its seat holders were written in (see the store's getSeats) cannot tell.
      return place !== 'seat' && seats.seated !== undefined;
    default:
      return false;
  }
}

/**
 * Brings a sign-up in step with the event's document and finishes what a cut-off call started: a pending
 * sign-up takes a seat or joins the line; one seated is confirmed (and told, if it waited); one that
 * left its seat or the line is cancelled. Safe to run by several calls at once: every event write is
 * conditional and every status change is conditional on the status it saw.
 */
export async function settle(deps: SignupDeps, eventId: string, id: string): Promise<SignupRecord | null> {
  const { port } = deps;
  let s: SignupRecord | null = null;
  let seats: EventSeats | null = null;
  let place: Place = 'none';
  // The sign-up this call gave a seat or a place in line (by its createdAt: a later sign-up is another).
  let placed: string | null = null;
  // Each step either finishes (its conditional write went through) or reads again (someone moved first).
  for (let round = 0, known = false; round < 8; round++) {
    if (!known) {
      // The sign-up first, then the event: every event write comes before its status write, so the event
      // read second has whatever the status read first was written after.
      s = await port.getSignup(id);
      if (!s) return s;
      seats = await port.getSeats(eventId);
      if (!seats) return s;
      place = placeOf(seats, id);
    }
    known = false;
    const current = s as SignupRecord;
    if (current.status === 'pending' && place === 'none') {
      const { capacity } = seats as EventSeats;
      if (await port.takeSeat(eventId, id, capacity)) [place, known, placed] = ['seat', true, current.createdAt];
      else if (await port.joinWaitlist(eventId, id)) [place, known, placed] = ['line', true, current.createdAt];
    } else if (current.status === 'cancelled' && place !== 'none' && placed === current.createdAt) {
      // This call placed a sign-up that was cancelled meanwhile: give the place back to the line.
      await port.leave(eventId, id);
      await fillSeats(deps, eventId);
      return current;
    } else if ((current.status === 'pending' || current.status === 'waitlisted') && place === 'seat') {
      const confirmed = await confirm(deps, current as SignupRecord & { status: 'pending' | 'waitlisted' });
      if (confirmed && current.status === 'waitlisted') {
        await port.notify(current.openid, {
          title: '您已从候补转为正式报名',
          detail: `${deps.noun}有空位了，请按时参加`,
          eventId,
          at: deps.now.toISOString(),
        });
      }
      if (confirmed) return confirmed;
    } else if (current.status === 'pending' && place === 'line') {
      const waitlisted = await move(deps, current, { status: 'waitlisted' });
      if (waitlisted) return waitlisted;
    } else if (outOfStep(current, seats as EventSeats)) {
      // Confirmed without a seat, or waitlisted out of the line: its cancellation was cut off.
      const cancelled = await move(deps, current, { status: 'cancelled', cancelledAt: deps.now.toISOString() });
      if (cancelled) return cancelled;
    } else {
      return current;
    }
  }
  return port.getSignup(id);
}

/** Whether a sign-up is settled (not half-written): what rosters and a person's own lists keep. */
export const isSettled = (s: SignupRecord): s is SettledSignup => s.status !== 'pending';

/** The sign-ups as they stand once those out of step with the event's document are settled. */
export async function inStep(deps: SignupDeps, seats: EventSeats, signups: SignupRecord[]): Promise<SignupRecord[]> {
  const out: SignupRecord[] = [];
  for (const s of signups) out.push(outOfStep(s, seats) ? ((await settle(deps, seats._id, s._id)) ?? s) : s);
  return out;
}

/**
 * Gives free seats to the head of the waitlist, one at a time, until the event is full or nobody waits.
 * Run after every cancellation and after every join of the waitlist, so no seat stays empty while
 * someone waits, whatever interleaving the concurrent calls take.
 */
export async function fillSeats(deps: SignupDeps, eventId: string): Promise<string[]> {
  const promoted: string[] = [];
  // Only one caller moves a given head; the others look again (a bounded number of times).
  for (let misses = 0; misses < 50;) {
    const seats = await deps.port.getSeats(eventId);
    const head = seats?.waitQueue[0];
    if (!seats || head === undefined || seats.confirmedCount >= seats.capacity) break;
    if (!(await deps.port.promoteHead(eventId, head, seats.capacity))) {
      misses++;
      continue;
    }
    const s = await settle(deps, eventId, head);
    if (s?.status === 'confirmed') promoted.push(head);
  }
  return promoted;
}

/** Seats may not go below those already held: the one refusal of a smaller capacity. */
const fewerThanHeld = (held: number) => new AppError('CONFLICT', `已有 ${held} 人报名成功，名额不能少于这个数`);

/**
 * An organizer's edit that may change an event's capacity (a job fair, a volunteer activity). Never below
 * the seats already held: checked first against the event as read, then by the write itself, which lands
 * only while the seats held still fit (`writeIfFits`: the event's update, conditional on
 * `confirmedCount <= capacity`), since someone may take a seat in between. More seats move the line up
 * at once.
 */
export async function resizeSeats(
  deps: SignupDeps,
  current: EventSeats,
  capacity: number,
  writeIfFits: () => Promise<void>,
): Promise<void> {
  // The event as read before the write: the write may change the very record the caller passed.
  const { _id: eventId, capacity: before, confirmedCount: held } = current;
  if (capacity < held) throw fewerThanHeld(held);
  await writeIfFits();
  const saved = await deps.port.getSeats(eventId);
  if (!saved) throw new AppError('NOT_FOUND', `没有找到这个${deps.noun}`);
  if (saved.capacity !== capacity) throw fewerThanHeld(saved.confirmedCount);
  if (capacity > before) await fillSeats(deps, eventId);
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

/**
 * One sign-up per person per event; a repeat (or a retried request) answers the existing sign-up, and a
 * retry of a request that was cut off finishes it.
 */
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
  let existing = false;
  if (!(await port.insertSignup(record))) {
    const earlier = await port.getSignup(id);
    if (!earlier) throw new AppError('CONFLICT', '报名正在处理，请稍后再看');
    // A person who cancelled may sign up again, at the back of the line (a replay of the request that
    // made the cancelled sign-up is not a new one).
    const { _id: _ignored, ...fresh } = record;
    const reopen = earlier.status === 'cancelled' && earlier.requestId !== input.requestId;
    existing = earlier.status !== 'pending' && !(reopen && (await port.reopenSignup(id, fresh)));
  }
  let settled = await settle(deps, input.eventId, id);
  if (settled?.status === 'waitlisted') {
    // A seat may have come free while this person joined the line.
    await fillSeats(deps, input.eventId);
    settled = await port.getSignup(id);
  }
  if (!settled || settled.status === 'pending') throw new AppError('INTERNAL', '报名没有保存成功，请再试一次');
  return { ...(await outcomeOf(port, settled)), existing };
}

/** Frees the seat (the first waitlisted person gets it at once) or leaves the waitlist. */
export async function cancelSignup(
  deps: SignupDeps,
  eventId: string,
  openid: string,
): Promise<{ signupId: string; status: 'cancelled'; promoted: string[] }> {
  const { port } = deps;
  const id = `${eventId}:${openid}`;
  for (let round = 0; ; round++) {
    const s = await settle(deps, eventId, id);
    if (!s || s.status === 'pending') throw new AppError('NOT_FOUND', '您没有报名这个活动');
    // Cancelled already (a retry, or a read settled a cancellation cut off after its seat went back):
    // the same answer, and the line moves up.
    if (s.status === 'cancelled') break;
    if (s.status === 'checkedIn') throw new AppError('CONFLICT', '已经签到，不能取消报名');
    // The seat or the place in line goes first: cut off after it, the sign-up settles as cancelled.
    await port.leave(eventId, id);
    if (await port.updateSignupIf(id, s.status, { status: 'cancelled', cancelledAt: deps.now.toISOString() })) break;
    // Promoted or checked in meanwhile: look again.
    if (round >= 3) throw new AppError('CONFLICT', '报名状态刚刚变了，请刷新后再试');
  }
  return { signupId: id, status: 'cancelled', promoted: await fillSeats(deps, eventId) };
}

/** Checks a code in at the door: unknown → NOT_FOUND; another event's, twice, or outside the day → CONFLICT. */
export async function checkIn(
  deps: SignupDeps,
  eventId: string,
  code: string,
  onTheDay: boolean,
): Promise<SignupRecord & { status: 'checkedIn'; checkedInAt: string }> {
  const found = await deps.port.findByCode(code);
  // As the event records it: a seat given back by a cancellation cut off before its status is no seat.
  const s = found && (await settle(deps, found.eventId, found._id));
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
