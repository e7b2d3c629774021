import type { ActionName, Answer, Input } from '../../core/contracts/answers';
import type { StoryKind } from '../../core/data/place-kinds';
import { callFunction } from './call';

type PlacesAnswer<A extends ActionName<'places'>> = Answer<'places', A>;

export type { Activity, ActivityDetail, Place, Story, StorySummary } from '../../core/contracts/places';
/** The caller's own sign-up for an activity. */
export type ActivitySignup = NonNullable<PlacesAnswer<'activity'>['mySignup']>;
export type ActivitySignupResult = PlacesAnswer<'activitySignup'>;

/** Which places to list; `lat`/`lng` (together) sort them nearest first. */
export type PlaceQuery = Input<'places', 'list'>;
/** What `places.save` takes (admin); without `id` a new place is created. */
export type PlaceDraft = Input<'places', 'save'>;
export type StoryDraft = Input<'places', 'saveStory'>;
export type ActivityDraft = Input<'places', 'saveActivity'>;
export type ActivitySignupInput = Input<'places', 'activitySignup'>;

const call = <A extends ActionName<'places'>>(action: A, input: Input<'places', A>) => callFunction('places', { action, ...input });

// Places: everyone
export const listPlaces = (query: PlaceQuery = {}) => call('list', query);
export const getPlace = (id: string, from?: { lat: number; lng: number }) => call('get', { id, ...from });

// Stories and volunteer activities: everyone reads; signing up needs a caller
export const listStories = (kind?: StoryKind, page = 1, pageSize = 20) => call('stories', { ...(kind ? { kind } : {}), page, pageSize });
export const getStory = (id: string) => call('story', { id });
export const listActivities = () => call('activities', {});
export const getActivity = (id: string) => call('activity', { id });
export const signUpForActivity = (input: ActivitySignupInput) => call('activitySignup', input);
export const cancelActivitySignup = (activityId: string) => call('activityCancel', { activityId });

// Admins
export const savePlace = (place: PlaceDraft) => call('save', place);
export const saveStory = (story: StoryDraft) => call('saveStory', story);
export const saveActivity = (activity: ActivityDraft) => call('saveActivity', activity);
export const activityRoster = (activityId: string) => call('activityRoster', { activityId });
/** Marks a volunteer on the roster as having come (from the activity's day on). */
export const checkInVolunteer = (activityId: string, signupId: string) => call('activityCheckin', { activityId, signupId });
