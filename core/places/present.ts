import { placeKindName, type PlaceKind } from '../data/place-kinds';
import { fairPhase } from '../fairs/model';
import { describeDistance, distanceMetres, type Point } from '../geo';
import { regionName, type Organization } from '../org/model';
import { formatChina } from '../time';
import type { ActivityRecord, PlaceRecord, StoryRecord } from './model';

export type { PlaceRecord } from './model';

export function placeView(p: PlaceRecord, org: Organization, from?: Point) {
  const distance = from ? distanceMetres(from, p) : undefined;
  return {
    id: p._id,
    name: p.name,
    kind: p.kind,
    kindName: placeKindName(p.kind),
    regionId: p.regionId,
    regionName: regionName(org, p.regionId),
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    phone: p.phone,
    hours: p.hours,
    intro: p.intro,
    stars: p.stars,
    services: p.services ?? [],
    staffContact: p.staffContact,
    offers: p.offers ?? [],
    preferential: Boolean(p.acceptsPreferentialCard),
    ...(distance !== undefined ? { distance, distanceText: describeDistance(distance) } : {}),
  };
}

export interface PlaceFilter {
  kind?: PlaceKind;
  preferential?: boolean;
  regionId?: string;
}

/** Filtered, then nearest first when a point is given (distance computed here: the set is small). */
export function nearby(places: PlaceRecord[], filter: PlaceFilter, org: Organization, from?: Point) {
  const chosen = places.filter(
    (p) =>
      (!filter.kind || p.kind === filter.kind) &&
      (filter.preferential === undefined || Boolean(p.acceptsPreferentialCard) === filter.preferential) &&
      (!filter.regionId || p.regionId === filter.regionId),
  );
  const views = chosen.map((p) => placeView(p, org, from));
  return from
    ? views.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0))
    : views.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh'));
}

/** A volunteer activity as everyone sees it: times in UTC+8, seats left, the line's length, its phase. */
export function activityView(a: ActivityRecord, now: Date) {
  const phase = fairPhase({ ...a, status: a.status === 'cancelled' ? 'cancelled' : 'published' }, now);
  return {
    id: a._id,
    title: a.title,
    startAt: formatChina(new Date(a.startAt)),
    endAt: formatChina(new Date(a.endAt)),
    signupDeadline: formatChina(new Date(a.signupDeadline)),
    place: a.place,
    regionId: a.regionId,
    description: a.description,
    capacity: a.capacity,
    seatsLeft: Math.max(0, a.capacity - a.confirmedCount),
    waitlistCount: a.waitQueue.length,
    phase,
  };
}

/** A story in a list: everything but its body. */
export function storySummary({ body: _body, _id, ...s }: StoryRecord) {
  return { id: _id, ...s };
}

/** A story to read. */
export function storyView({ _id, ...s }: StoryRecord) {
  return { id: _id, ...s };
}
