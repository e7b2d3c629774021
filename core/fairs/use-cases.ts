import type * as z from 'zod/mini';
import { auditRecord } from '../audit';
import { refuseRisky } from '../content';
import type { fairsContract } from '../contracts/fairs';
import { AppError } from '../envelope';
import type { Organization } from '../org/model';
import type { Caller } from '../roles';
import { cancelSignup, checkIn, inStep, isSettled, outcomeOf, resizeSeats, signUp, type SignupDeps } from '../signups/engine';
import type { SettledSignup, SignupRecord } from '../signups/port';
import { remindDayBefore } from '../signups/reminders';
import { fairPhase, isFairDay, type FairRecord } from './model';
import { requireFairOrganizer, requireToRunFair, seesFair } from './access';
import type { FairQuery, FairsPort } from './port';
import { fairSummary, mySignupView, rosterRow } from './present';

export interface FairDeps extends SignupDeps {
  port: FairsPort;
  /** A fresh id for a fair or one of its positions. */
  newId: () => string;
  /** Which units organize fairs, and their names. */
  org: Organization;
}

type Authed = Caller & { openid: string };
type In<K extends keyof typeof fairsContract> = z.output<(typeof fairsContract)[K]>;

const notFound = () => new AppError('NOT_FOUND', '没有找到这场招聘会');

/** A fair the caller may see: a draft is its organizer unit's business, and to everyone else it does not exist. */
async function loadFair(deps: FairDeps, caller: Caller, id: string): Promise<FairRecord> {
  const f = await deps.port.getFair(id);
  if (!f || !seesFair(deps.org, caller, f)) throw notFound();
  return f;
}

/**
 * The stored fair, for the unit that runs it: checked against its organizer before anything is read from
 * or written to it (a published fair of another unit is FORBIDDEN, a draft of one NOT_FOUND).
 */
async function loadOwnFair(deps: FairDeps, caller: Caller, id: string): Promise<FairRecord> {
  requireFairOrganizer(deps.org, caller);
  const f = await loadFair(deps, caller, id);
  requireToRunFair(deps.org, caller, f.organizerDepartmentId);
  return f;
}

/** A waitlisted sign-up's place in the fair's line, from 1; undefined when it is not in the line. */
function positionIn(f: FairRecord, signupId: string): number | undefined {
  const i = f.waitQueue.indexOf(signupId);
  return i >= 0 ? i + 1 : undefined;
}

/** The caller's sign-up for the fair, brought in step with the fair's document; null when there is none. */
async function mySignup(deps: FairDeps, f: FairRecord, stored: SignupRecord | null): Promise<SignupRecord | null> {
  const [mine = null] = stored ? await inStep(deps, f, [stored]) : [];
  return mine;
}

/** Sign-ups as the fair records them, without those still being made. */
async function settledSignups(deps: FairDeps, f: FairRecord): Promise<SettledSignup[]> {
  return (await inStep(deps, f, await deps.port.listSignups(f._id))).filter(isSettled);
}

export async function listFairs(deps: FairDeps, caller: Caller, input: In<'list'>) {
  const { when = 'all', manage = false, page = 1, pageSize = 20 } = input;
  if (manage) requireFairOrganizer(deps.org, caller);
  // Organizer staff manage their own unit's fairs (drafts included); admins every fair.
  const managed: FairQuery = caller.role === 'admin' ? {} : { organizerDepartmentId: caller.departmentId };
  const all = await deps.port.listFairs(manage ? managed : { status: 'published' });
  const upcoming = all.filter((f) => fairPhase(f, deps.now) !== 'ended');
  const past = all.filter((f) => fairPhase(f, deps.now) === 'ended').reverse();
  const chosen = when === 'upcoming' ? upcoming : when === 'past' ? past : [...upcoming, ...past];
  return {
    items: chosen.slice((page - 1) * pageSize, page * pageSize).map((f) => fairSummary(f, deps.now, deps.org)),
    total: chosen.length,
    page,
    pageSize,
  };
}

export async function getFair(deps: FairDeps, caller: Caller, { id }: In<'get'>) {
  // The fair and the caller's sign-up are read at once; the fair's own waitlist gives the position.
  const [f, stored] = await Promise.all([loadFair(deps, caller, id), caller.openid ? deps.port.getSignup(`${id}:${caller.openid}`) : null]);
  const mine = await mySignup(deps, f, stored);
  const position = mine?.status === 'waitlisted' ? positionIn(f, mine._id) : undefined;
  return {
    ...fairSummary(f, deps.now, deps.org),
    description: f.description,
    employers: f.employers,
    mySignup: mySignupView(mine, position),
  };
}

const CLOSED_TEXT = { closed: '报名已经截止了', cancelled: '这场招聘会已取消' } as const;

export async function signUpForFair(deps: FairDeps, caller: Authed, input: In<'signup'>) {
  const { port, now } = deps;
  const [f, stored] = await Promise.all([loadFair(deps, caller, input.fairId), port.getSignup(`${input.fairId}:${caller.openid}`)]);
  const existing = await mySignup(deps, f, stored);
  // A repeat by the same person changes nothing, even after sign-up closed.
  if (existing && existing.status !== 'cancelled' && existing.status !== 'pending')
    return { ...(await outcomeOf(port, existing)), existing: true };
  const phase = fairPhase(f, now);
  if (phase !== 'open')
    throw new AppError('CONFLICT', phase === 'closed' || phase === 'cancelled' ? CLOSED_TEXT[phase] : '招聘会已经开始，不能再报名了');
  const known = new Set(f.employers.flatMap((e) => e.positions.map((p) => p.id)));
  const unknown = (input.positions ?? []).filter((p) => !known.has(p));
  if (unknown.length)
    throw new AppError('INVALID_INPUT', '选择的岗位不在这场招聘会里', [
      { path: ['positions'], message: `未知岗位：${unknown.join(', ')}` },
    ]);
  // The name goes on the organizer's roster: checked like any text another person reads.
  refuseRisky(await port.checkContent(input.name, caller.openid));
  return signUp(deps, {
    eventId: f._id,
    capacity: f.capacity,
    openid: caller.openid,
    requestId: input.requestId,
    name: input.name,
    phone: input.phone,
    interests: input.positions ?? [],
    consentToRemind: input.remind ?? false,
  });
}

export async function cancelFairSignup(deps: FairDeps, caller: Authed, { fairId }: In<'cancel'>) {
  const f = await loadFair(deps, caller, fairId);
  if (fairPhase(f, deps.now) === 'ended') throw new AppError('CONFLICT', '招聘会已经结束了');
  return cancelSignup(deps, fairId, caller.openid);
}

export async function myFairs(deps: FairDeps, caller: Authed) {
  const mine = await deps.port.listMine(caller.openid);
  // One read for all their fairs (not one per sign-up); each fair's waitlist gives the position.
  const ids = [...new Set(mine.map((s) => s.eventId))];
  const byId = new Map((ids.length ? await deps.port.getFairs(ids) : []).map((f) => [f._id, f]));
  const items = [];
  for (const stored of mine) {
    const f = byId.get(stored.eventId);
    if (!f) continue;
    const s = await mySignup(deps, f, stored);
    const position = s?.status === 'waitlisted' ? positionIn(f, s._id) : undefined;
    // No view for a sign-up still being made: it is not the person's yet.
    const view = mySignupView(s, position);
    if (!view) continue;
    items.push({ fairId: f._id, fair: fairSummary(f, deps.now, deps.org), ...view });
  }
  return { items, total: items.length };
}

export async function fairRoster(deps: FairDeps, caller: Authed, { fairId }: In<'roster'>) {
  const f = await loadOwnFair(deps, caller, fairId);
  const signups = await inStep(deps, f, await deps.port.listSignups(fairId));
  const place = new Map(f.waitQueue.map((id, i) => [id, i + 1]));
  const items = signups.filter(isSettled).map((s) => rosterRow(s, s.status === 'waitlisted' ? place.get(s._id) : undefined));
  const count = (st: string) => signups.filter((s) => s.status === st).length;
  // Names and phones are about to be shown: the read goes on the audit trail.
  await deps.port.audit(auditRecord(caller, 'fairs.roster', { type: 'fair', id: fairId }, deps.now));
  return {
    fair: fairSummary(f, deps.now, deps.org),
    items,
    summary: {
      confirmed: count('confirmed') + count('checkedIn'),
      checkedIn: count('checkedIn'),
      waitlisted: count('waitlisted'),
      cancelled: count('cancelled'),
      intent: signups.filter((s) => s.outcome === 'intent').length,
      hired: signups.filter((s) => s.outcome === 'hired').length,
    },
  };
}

export async function checkInAtFair(deps: FairDeps, caller: Authed, { fairId, code }: In<'checkin'>) {
  const f = await loadOwnFair(deps, caller, fairId);
  const s = await checkIn(deps, fairId, code, isFairDay(f, deps.now));
  return { signupId: s._id, name: s.name, status: s.status, checkedInAt: s.checkedInAt };
}

export async function recordOutcome(deps: FairDeps, caller: Authed, { fairId, openid, outcome }: In<'outcome'>) {
  const f = await loadOwnFair(deps, caller, fairId);
  if (Date.parse(f.startAt) > +deps.now) throw new AppError('CONFLICT', '招聘会开始后才能记录结果');
  const id = `${fairId}:${openid}`;
  const s = await deps.port.getSignup(id);
  if (!s || s.status === 'cancelled' || s.status === 'pending') throw new AppError('NOT_FOUND', '没有这个人的报名');
  await deps.port.setOutcome(id, outcome);
  return { signupId: id, outcome };
}

export async function exportFairRoster(deps: FairDeps, caller: Authed, { fairId }: In<'exportRoster'>) {
  const f = await loadOwnFair(deps, caller, fairId);
  const signups = await settledSignups(deps, f);
  await deps.port.audit(auditRecord(caller, 'fairs.exportRoster', { type: 'fair', id: fairId }, deps.now));
  return deps.port.saveRosterFile(caller.openid, f, signups, deps.now);
}

export async function saveFair(deps: FairDeps, caller: Authed, { id, ...input }: In<'save'>) {
  // The stored fair's organizer first (an edit or a cancel), then the unit it is saved for: staff neither
  // create a fair for another unit nor hand one over to it.
  requireFairOrganizer(deps.org, caller);
  const current = id ? await loadOwnFair(deps, caller, id) : null;
  requireToRunFair(deps.org, caller, input.organizerDepartmentId);
  const at = deps.now.toISOString();
  const employers = input.employers.map((e) => ({ ...e, positions: e.positions.map((p) => ({ ...p, id: p.id ?? deps.newId() })) }));
  const fields = {
    ...input,
    employers,
    startAt: new Date(input.startAt).toISOString(),
    endAt: new Date(input.endAt).toISOString(),
    signupDeadline: new Date(input.signupDeadline).toISOString(),
    status: input.status ?? 'published',
    updatedAt: at,
  };
  if (!id || !current) {
    const fairId = deps.newId();
    await deps.port.insertFair({ _id: fairId, ...fields, confirmedCount: 0, seated: [], waitQueue: [], createdAt: at });
    return { id: fairId };
  }
  await resizeSeats(deps, current, input.capacity, () => deps.port.updateFairIfFits(id, fields));
  return { id };
}

/** Every morning (the timer: nobody asked): remind confirmed people who agreed, the day before their fair. */
export async function remindFairGoers(deps: FairDeps, _caller: null) {
  const published = await deps.port.listFairs({ status: 'published' });
  const reminded = await remindDayBefore(deps, published, (f) => ({
    title: `明天参加：${f.title}`,
    detail: `${f.venue.name}，请带好签到码`,
  }));
  return { reminded };
}
