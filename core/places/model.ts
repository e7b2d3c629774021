import type { PlaceKind, StoryKind } from '../data/place-kinds';
import type { EventSeats } from '../signups/port';

/** A place on the map: a service station, a memorial, a business that honours the preferential card. */
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

/** 典型人物, 拥军优属, 拥政爱民, 创新创业: admins write them, everyone reads the published ones. */
export interface StoryRecord {
  _id: string;
  title: string;
  kind: StoryKind;
  summary: string;
  body: string;
  cover?: string;
  status: 'draft' | 'published';
  publishedAt?: string;
  updatedAt: string;
}

/** A volunteer activity (志愿服务): an event on the job fairs' sign-up engine. */
export interface ActivityRecord extends EventSeats {
  title: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  place: string;
  regionId: string;
  description: string;
  status: 'published' | 'cancelled';
  createdAt?: string;
}
