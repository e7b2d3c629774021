import { placesContract } from '../../../core/contracts/places';
import type { PlaceKind } from '../../../core/data/place-kinds';
import { validate, type Validation } from '../../lib/validate';
import type { Place, PlaceDraft } from '../../services/places';

/** What the place editor holds: text as typed; numbers and lists are made on save. */
export interface PlaceForm {
  id?: string;
  name: string;
  kind: PlaceKind | '';
  regionId: string;
  address: string;
  lat: string;
  lng: string;
  phone: string;
  hours: string;
  intro: string;
  stars: number | null;
  /** 政策咨询、优待证办理 — separated by 、 , or spaces. */
  services: string;
  staffContact: string;
  offers: { who: string; what: string }[];
  acceptsPreferentialCard: boolean;
}

export const newPlaceForm = (): PlaceForm => ({
  name: '',
  kind: '',
  regionId: '',
  address: '',
  lat: '',
  lng: '',
  phone: '',
  hours: '',
  intro: '',
  stars: null,
  services: '',
  staffContact: '',
  offers: [],
  acceptsPreferentialCard: false,
});

export const placeFormOf = (p: Place): PlaceForm => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  regionId: p.regionId,
  address: p.address,
  lat: String(p.lat),
  lng: String(p.lng),
  phone: p.phone ?? '',
  hours: p.hours ?? '',
  intro: p.intro ?? '',
  stars: p.stars ?? null,
  services: p.services.join('、'),
  staffContact: p.staffContact ?? '',
  offers: p.offers.map((o) => ({ ...o })),
  acceptsPreferentialCard: p.preferential,
});

const optional = (s: string) => (s.trim() ? s.trim() : undefined);
// An empty box stays a string, so the contract says 「纬度要是数字」 rather than accepting 0.
const coordinate = (s: string): number | string => (s.trim() && Number.isFinite(Number(s)) ? Number(s) : s);

/** The form as `places.save` takes it, checked with the same contract the cloud function uses. */
export function checkPlaceForm(form: PlaceForm): Validation<PlaceDraft> {
  const services = form.services
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const offers = form.offers.filter((o) => o.who.trim() || o.what.trim());
  const draft = {
    ...(form.id ? { id: form.id } : {}),
    name: form.name,
    kind: form.kind || undefined,
    regionId: form.regionId || undefined,
    address: form.address,
    lat: coordinate(form.lat),
    lng: coordinate(form.lng),
    phone: optional(form.phone),
    hours: optional(form.hours),
    intro: optional(form.intro),
    // Stars are for 退役军人服务站 only.
    stars: form.kind === 'service_station' && form.stars ? form.stars : undefined,
    services: services.length ? services : undefined,
    staffContact: optional(form.staffContact),
    offers: offers.length ? offers : undefined,
    acceptsPreferentialCard: form.acceptsPreferentialCard,
  };
  const clean = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined));
  return validate(placesContract.save, clean);
}
