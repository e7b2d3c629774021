import type { placesContract } from '../../core/contracts/places';
import type { PlaceKind, StoryKind } from '../../core/data/place-kinds';
import type { FairPhase } from '../../core/fairs/model';
import type { placeView } from '../../core/places/present';
import type * as z from 'zod/mini';
import { callFunction } from './call';

/** A place as `places.list/get` answer it; `distance` (metres) and `distanceText` only when a point was given. */
export type Place = ReturnType<typeof placeView>;
export type PlaceOffer = Place['offers'][number];
/** What `places.save` takes (admin); without `id` a new place is created. */
export type PlaceDraft = z.input<typeof placesContract.save>;

export interface PlaceQuery {
  kind?: PlaceKind;
  /** true: only places that honour the 优待证. */
  preferential?: boolean;
  regionId?: string;
  lat?: number;
  lng?: number;
  page?: number;
  pageSize?: number;
}
export interface PlacePage {
  items: Place[];
  total: number;
  page: number;
  pageSize: number;
}

export interface StorySummary {
  id: string;
  title: string;
  kind: StoryKind;
  summary: string;
  /** A cloud file ID or an image URL. */
  cover?: string;
  status: 'draft' | 'published';
  publishedAt?: string;
  updatedAt: string;
}
export interface Story extends StorySummary {
  body: string;
}
export interface StoryPage {
  items: StorySummary[];
  total: number;
  page: number;
  pageSize: number;
}
export type StoryDraft = z.input<typeof placesContract.saveStory>;

export type ActivityPhase = FairPhase;
export interface Activity {
  id: string;
  title: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  place: string;
  regionId: string;
  description: string;
  capacity: number;
  seatsLeft: number;
  waitlistCount: number;
  phase: ActivityPhase;
}
export type ActivitySignupStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'checkedIn';
export interface ActivitySignup {
  signupId: string;
  status: ActivitySignupStatus;
  waitlistPosition?: number;
}
export interface ActivityDetail extends Activity {
  /** The caller's own sign-up; null when they have none (or cancelled it). */
  mySignup: ActivitySignup | null;
}
export interface ActivitySignupInput {
  activityId: string;
  requestId: string;
  name: string;
  phone: string;
  remind?: boolean;
}
export interface ActivitySignupResult extends ActivitySignup {
  /** The person had already signed up: nothing changed. */
  existing: boolean;
}
export interface ActivityRosterRow {
  signupId: string;
  name: string;
  phone: string;
  status: ActivitySignupStatus;
  waitlistPosition?: number;
}
export type ActivityDraft = z.input<typeof placesContract.saveActivity>;

const call = <T>(action: string, payload: object = {}) => callFunction<T>('places', { action, ...payload });

// Places: everyone
export const listPlaces = (query: PlaceQuery = {}) => call<PlacePage>('list', query);
export const getPlace = (id: string, from?: { lat: number; lng: number }) => call<Place>('get', { id, ...from });

// Stories and volunteer activities: everyone reads; signing up needs a caller
export const listStories = (kind?: StoryKind, page = 1, pageSize = 20) =>
  call<StoryPage>('stories', { ...(kind ? { kind } : {}), page, pageSize });
export const getStory = (id: string) => call<Story>('story', { id });
export const listActivities = () => call<{ items: Activity[]; total: number }>('activities');
export const getActivity = (id: string) => call<ActivityDetail>('activity', { id });
export const signUpForActivity = (input: ActivitySignupInput) => call<ActivitySignupResult>('activitySignup', input);
export const cancelActivitySignup = (activityId: string) =>
  call<{ signupId: string; status: 'cancelled'; promoted: string[] }>('activityCancel', { activityId });

// Admins
export const savePlace = (place: PlaceDraft) => call<{ id: string }>('save', place);
export const saveStory = (story: StoryDraft) => call<{ id: string }>('saveStory', story);
export const saveActivity = (activity: ActivityDraft) => call<{ id: string }>('saveActivity', activity);
export const activityRoster = (activityId: string) => call<{ items: ActivityRosterRow[]; total: number }>('activityRoster', { activityId });
