import type * as z from 'zod/mini';
import { auditRecord } from '../audit';
import { refuseRisky } from '../content';
import type { placesContract } from '../contracts/places';
import { AppError } from '../envelope';
import { rosterPhone } from '../fairs/present';
import { attachmentError } from '../files';
import type { Point } from '../geo';
import { requireKnown, type Organization } from '../org/model';
import type { Caller } from '../roles';
import { cancelSignup, inStep, isSettled, outcomeOf, resizeSeats, settle, signUp, type SignupDeps } from '../signups/engine';
import { chinaDay } from '../time';
import { remindDayBefore } from '../signups/reminders';
import type { ActivityRecord } from './model';
import type { PlacesPort } from './port';
import { activityView, nearby, placeView, storySummary, storyView } from './present';

export interface PlacesDeps extends SignupDeps {
  port: PlacesPort;
  /** A fresh id for a place, a story or an activity. */
  newId: () => string;
  /** The county's 乡镇/街道, for names and for checking a place's. */
  org: Organization;
}

type Authed = Caller & { openid: string };
type In<K extends keyof typeof placesContract> = z.output<(typeof placesContract)[K]>;

const DAY_MS = 86_400_000;
/** How far back the list of volunteer activities reaches. */
const RECENT_DAYS = 183;

function found<T>(record: T | null, what: string): T {
  if (!record) throw new AppError('NOT_FOUND', `没有找到这个${what}`);
  return record;
}

const pointOf = (q: { lat?: number; lng?: number }): Point | undefined =>
  q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : undefined;

/** Drafts are the admins' until published. */
const seesDrafts = (caller: Pick<Caller, 'role'>): boolean => caller.role === 'admin';

// ---- places ----

export async function listPlaces(deps: PlacesDeps, _caller: Caller, { lat, lng, page = 1, pageSize = 20, ...filter }: In<'list'>) {
  const items = nearby(await deps.port.listPlaces(), filter, deps.org, pointOf({ lat, lng }));
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

export async function getPlace(deps: PlacesDeps, _caller: Caller, input: In<'get'>) {
  return placeView(found(await deps.port.getPlace(input.id), '地点'), deps.org, pointOf(input));
}

export async function savePlace(deps: PlacesDeps, _caller: Authed, { id, ...place }: In<'save'>) {
  requireKnown(deps.org, { regions: [{ path: ['regionId'], id: place.regionId }] });
  if (id) found(await deps.port.getPlace(id), '内容');
  const target = id ?? deps.newId();
  await deps.port.putPlace(target, { ...place, updatedAt: deps.now.toISOString() });
  return { id: target };
}

export async function removePlace(deps: PlacesDeps, _caller: Authed, { id }: In<'remove'>): Promise<{ id: string; removed: true }> {
  found(await deps.port.getPlace(id), '地点');
  await deps.port.removePlace(id);
  return { id, removed: true };
}

// ---- stories ----

export async function listStories(deps: PlacesDeps, caller: Caller, input: In<'stories'>) {
  const { kind, all: everything = false, page = 1, pageSize = 20 } = input;
  if (everything && !seesDrafts(caller)) throw new AppError('FORBIDDEN', '只有管理员可以查看草稿');
  const all = await deps.port.listStories({ ...(everything ? {} : { status: 'published' }), ...(kind ? { kind } : {}) });
  return { items: all.slice((page - 1) * pageSize, page * pageSize).map(storySummary), total: all.length, page, pageSize };
}

export async function getStory(deps: PlacesDeps, caller: Caller, { id }: In<'story'>) {
  const s = found(await deps.port.getStory(id), '故事');
  if (s.status !== 'published' && !seesDrafts(caller)) throw new AppError('NOT_FOUND', '没有找到这个故事');
  return storyView(s);
}

export async function saveStory(deps: PlacesDeps, caller: Authed, { id, status = 'published', ...story }: In<'saveStory'>) {
  const { port } = deps;
  const at = deps.now.toISOString();
  const previous = id ? found(await port.getStory(id), '故事') : null;
  const publishedAt = status === 'published' ? (previous?.publishedAt ?? at) : undefined;
  // A new uploaded cover must be the admin's own upload; it then belongs to the story (and is public with it).
  const newCover = story.cover?.startsWith('cloud://') && story.cover !== previous?.cover ? story.cover : null;
  const storyId = id ?? deps.newId();
  if (newCover) {
    const refusal = attachmentError(await port.coverIssues(caller.openid, [newCover], storyId));
    if (refusal) throw refusal;
  }
  await port.putStory(storyId, { ...story, status, ...(publishedAt ? { publishedAt } : {}), updatedAt: at });
  if (newCover) await port.attachToStory([newCover], storyId);
  return { id: storyId };
}

// ---- volunteer activities ----

const loadActivity = async (deps: PlacesDeps, id: string): Promise<ActivityRecord> => found(await deps.port.getActivity(id), '活动');

export async function listActivities(deps: PlacesDeps, _caller: Caller) {
  // What is coming and what was held in the last half year, however many years of activities there are.
  const since = new Date(+deps.now - RECENT_DAYS * DAY_MS).toISOString();
  const all = await deps.port.listActivities(since);
  return { items: all.map((a) => activityView(a, deps.now)), total: all.length };
}

export async function getActivity(deps: PlacesDeps, caller: Caller, { id }: In<'activity'>) {
  const a = await loadActivity(deps, id);
  const stored = caller.openid ? await deps.port.getSignup(`${id}:${caller.openid}`) : null;
  const [mine = null] = stored ? await inStep(deps, a, [stored]) : [];
  const mySignup = mine && mine.status !== 'pending' && mine.status !== 'cancelled' ? await outcomeOf(deps.port, mine) : null;
  return { ...activityView(a, deps.now), mySignup };
}

export async function signUpForActivity(deps: PlacesDeps, caller: Authed, input: In<'activitySignup'>) {
  const { port } = deps;
  const a = await loadActivity(deps, input.activityId);
  const stored = await port.getSignup(`${a._id}:${caller.openid}`);
  const [existing] = stored ? await inStep(deps, a, [stored]) : [];
  // A repeat by the same person changes nothing, even after sign-up closed.
  if (existing && existing.status !== 'cancelled' && existing.status !== 'pending')
    return { ...(await outcomeOf(port, existing)), existing: true };
  const { phase } = activityView(a, deps.now);
  if (phase !== 'open') throw new AppError('CONFLICT', phase === 'closed' ? '报名已经截止了' : '活动已经开始或结束，不能再报名了');
  // The name goes on the activity's roster: checked like any text another person reads.
  refuseRisky(await port.checkContent(input.name, caller.openid));
  return signUp(deps, {
    eventId: a._id,
    capacity: a.capacity,
    openid: caller.openid,
    requestId: input.requestId,
    name: input.name,
    phone: input.phone,
    consentToRemind: input.remind ?? false,
  });
}

export async function cancelActivitySignup(deps: PlacesDeps, caller: Authed, { activityId }: In<'activityCancel'>) {
  await loadActivity(deps, activityId);
  return cancelSignup(deps, activityId, caller.openid);
}

export async function activityRoster(deps: PlacesDeps, caller: Authed, { activityId }: In<'activityRoster'>) {
  const { port } = deps;
  const a = await loadActivity(deps, activityId);
  const signups = (await inStep(deps, a, await port.listSignups(activityId))).filter(isSettled);
  // Places in line come from the activity already read. Someone who joined the line after that read (a
  // sign-up racing this roster) is not in it: then, and only then, the line is read once more.
  const placesIn = (line: string[]) => new Map(line.map((id, i) => [id, i + 1]));
  let place = placesIn(a.waitQueue);
  if (signups.some((s) => s.status === 'waitlisted' && !place.has(s._id)))
    place = placesIn((await port.getSeats(activityId))?.waitQueue ?? a.waitQueue);
  const items = signups.map((s) => ({
    signupId: s._id,
    name: s.name,
    // Someone who cancelled is no longer the organizer's to call.
    phone: rosterPhone(s),
    status: s.status,
    waitlistPosition: s.status === 'waitlisted' ? place.get(s._id) : undefined,
  }));
  await port.audit(auditRecord(caller, 'places.activityRoster', { type: 'activity', id: activityId }, deps.now));
  return { items, total: items.length };
}

/**
 * The organizer marks, from the roster, a volunteer who came: from the activity's day on (attendance is often
 * written up afterwards), a confirmed sign-up of this activity, once. Volunteer hours count these.
 */
export async function checkInVolunteer(deps: PlacesDeps, _caller: Authed, { activityId, signupId }: In<'activityCheckin'>) {
  const a = await loadActivity(deps, activityId);
  // As the activity records it: a seat given back by a cancellation cut off before its status is no seat.
  const s = signupId.startsWith(`${activityId}:`) ? await settle(deps, activityId, signupId) : null;
  if (!s || s.eventId !== activityId || s.status === 'pending') throw new AppError('NOT_FOUND', '这个活动没有这个报名');
  if (s.status === 'checkedIn') throw new AppError('CONFLICT', `${s.name} 已经签到过了`);
  if (s.status !== 'confirmed')
    throw new AppError('CONFLICT', s.status === 'waitlisted' ? '候补的报名不能签到' : '这个报名已经取消，不能签到');
  if (a.status === 'cancelled') throw new AppError('CONFLICT', '活动已经取消了');
  if (chinaDay(deps.now) < chinaDay(new Date(a.startAt))) throw new AppError('CONFLICT', '活动当天起才能签到');
  const checkedInAt = deps.now.toISOString();
  if (!(await deps.port.updateSignupIf(s._id, 'confirmed', { status: 'checkedIn', checkedInAt }))) {
    throw new AppError('CONFLICT', `${s.name} 已经签到过了`);
  }
  return { signupId: s._id, status: 'checkedIn' as const, checkedInAt };
}

export async function saveActivity(deps: PlacesDeps, _caller: Authed, { id, ...a }: In<'saveActivity'>) {
  requireKnown(deps.org, { regions: [{ path: ['regionId'], id: a.regionId }] });
  const fields = {
    ...a,
    startAt: new Date(a.startAt).toISOString(),
    endAt: new Date(a.endAt).toISOString(),
    signupDeadline: new Date(a.signupDeadline).toISOString(),
  };
  if (!id) {
    const activityId = deps.newId();
    const status = a.status ?? 'published';
    const createdAt = deps.now.toISOString();
    await deps.port.insertActivity({ _id: activityId, ...fields, status, confirmedCount: 0, seated: [], waitQueue: [], createdAt });
    return { id: activityId };
  }
  const current = await loadActivity(deps, id);
  // The same rule as a job fair's: never fewer places than are taken; more places move the line up.
  await resizeSeats(deps, current, a.capacity, () => deps.port.updateActivityIfFits(id, fields));
  return { id };
}

/** Every morning (the timer: nobody asked): remind volunteers who agreed, the day before their activity. */
export async function remindVolunteers(deps: PlacesDeps, _caller: null) {
  // Only activities starting within the next two days can be "tomorrow" (UTC+8).
  const { now } = deps;
  const soon = await deps.port.listActivities(now.toISOString(), new Date(+now + 2 * DAY_MS).toISOString());
  const reminded = await remindDayBefore(deps, soon, (a) => ({ title: `明天参加：${a.title}`, detail: a.place }));
  return { reminded };
}
