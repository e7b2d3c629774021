import { placeKindName, type PlaceKind } from '../data/place-kinds';
import { regionById } from '../data/regions';
import { describeDistance, distanceMetres, type Point } from '../geo';

export interface PlaceRecord {
  _id: string;
  name: string;
  kind: PlaceKind;
  regionId: string;
  address: string;
  lat: number;
  lng: number;
  phone?: string;
  hours?: string;
  intro?: string;
  stars?: number;
  services?: string[];
  staffContact?: string;
  offers?: { who: string; what: string }[];
  acceptsPreferentialCard?: boolean;
  updatedAt: string;
}

export function placeView(p: PlaceRecord, from?: Point) {
  const distance = from ? distanceMetres(from, p) : undefined;
  return {
    id: p._id,
    name: p.name,
    kind: p.kind,
    kindName: placeKindName(p.kind),
    regionId: p.regionId,
    regionName: regionById(p.regionId)?.name ?? p.regionId,
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
export function nearby(places: PlaceRecord[], filter: PlaceFilter, from?: Point) {
  const chosen = places.filter(
    (p) =>
      (!filter.kind || p.kind === filter.kind) &&
      (filter.preferential === undefined || Boolean(p.acceptsPreferentialCard) === filter.preferential) &&
      (!filter.regionId || p.regionId === filter.regionId),
  );
  const views = chosen.map((p) => placeView(p, from));
  return from
    ? views.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0))
    : views.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh'));
}
