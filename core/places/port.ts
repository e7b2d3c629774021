import type { AuditRecord } from '../audit';
import type { ContentVerdict } from '../content';
import type { Issue } from '../envelope';
import type { SignupsPort } from '../signups/port';
import type { ActivityRecord, PlaceRecord, StoryRecord } from './model';

export interface StoryQuery {
  status?: StoryRecord['status'];
  kind?: string;
}

/**
 * What the places use cases need from storage and the platform: places on the map, stories, and volunteer
 * activities, whose seats, waitlists and sign-ups go through the sign-up engine's port.
 * cloudfunctions/places/store.ts adapts wx-server-sdk to it.
 */
export interface PlacesPort extends SignupsPort {
  /** Up to 1000: the set is small, and filtered and sorted by distance in core/places/present.ts. */
  listPlaces(): Promise<PlaceRecord[]>;
  getPlace(id: string): Promise<PlaceRecord | null>;
  /** Writes the place whole, new or replacing the stored one. */
  putPlace(id: string, place: Omit<PlaceRecord, '_id'>): Promise<void>;
  removePlace(id: string): Promise<void>;

  /** Latest published first, up to 1000. */
  listStories(query: StoryQuery): Promise<StoryRecord[]>;
  getStory(id: string): Promise<StoryRecord | null>;
  putStory(id: string, story: Omit<StoryRecord, '_id'>): Promise<void>;
  /** Why each file may not be the story's cover (not the admin's own unused upload, or not stored), as issues. */
  coverIssues(openid: string, fileIDs: string[], storyId: string): Promise<Issue[]>;
  /** Makes the files the story's: public with it. */
  attachToStory(fileIDs: string[], storyId: string): Promise<void>;

  /** Published activities starting at `from` or later (and before `before`, when given), earliest first. */
  listActivities(from: string, before?: string): Promise<ActivityRecord[]>;
  getActivity(id: string): Promise<ActivityRecord | null>;
  insertActivity(activity: ActivityRecord): Promise<void>;
  /** Writes the edited fields only while the places taken still fit `fields.capacity` (see resizeSeats). */
  updateActivityIfFits(id: string, fields: ActivityFields): Promise<void>;

  checkContent(text: string, openid: string): Promise<ContentVerdict>;
  audit(entry: AuditRecord): Promise<void>;
}

/** What an admin's save of an activity writes: everything but the seats, the line and the creation time. */
export type ActivityFields = Omit<ActivityRecord, '_id' | 'confirmedCount' | 'seated' | 'waitQueue' | 'createdAt' | 'status'> & {
  status?: ActivityRecord['status'];
};
