import type { ActivityRecord, PlaceRecord, StoryRecord } from '../../core/places/model';
import type { PlacesPort } from '../../core/places/port';
import { writeAudit } from '../_lib/audit';
import { db, firstRow, rows } from '../_lib/cloud';
import { checkContent } from '../_lib/content';
import { attachFiles, attachIssues } from '../_lib/files';
import { signupsStore } from '../_lib/signups-store';

const TEMPLATE = process.env.TEMPLATE_ACTIVITY_UPDATE ?? 'activity_update';

/**
 * wx-server-sdk adapter for the places use cases: `places`, `stories`, and `activities`, with the sign-up
 * engine's store on the activities (volunteer activities use the job fairs' engine, with their own events).
 */
export function placesStore(): PlacesPort {
  const d = db();
  const _ = d.command;
  const [places, stories, activities] = [d.collection('places'), d.collection('stories'), d.collection('activities')];
  const one = <T>(c: typeof places, id: string) => firstRow<T>(c.where({ _id: id }).limit(1));
  return {
    ...signupsStore('activities', TEMPLATE, (id) => `subpackages/places/activity?id=${id}`),

    listPlaces: () => rows<PlaceRecord>(places.limit(1000)),
    getPlace: (id) => one<PlaceRecord>(places, id),
    async putPlace(id, place) {
      await places.doc(id).set({ data: place });
    },
    async removePlace(id) {
      await places.where({ _id: id }).remove();
    },

    listStories: (query) =>
      rows<StoryRecord>(
        stories
          .where({ ...query })
          .orderBy('publishedAt', 'desc')
          .limit(1000),
      ),
    getStory: (id) => one<StoryRecord>(stories, id),
    async putStory(id, story) {
      await stories.doc(id).set({ data: story });
    },
    coverIssues: (openid, fileIDs, storyId) => attachIssues(openid, fileIDs, { kind: 'story', id: storyId }, ['cover']),
    attachToStory: (fileIDs, storyId) => attachFiles(fileIDs, { kind: 'story', id: storyId }),

    listActivities: (from, before) =>
      rows<ActivityRecord>(
        activities
          .where({ status: 'published', startAt: before ? _.and(_.gte(from), _.lt(before)) : _.gte(from) })
          .orderBy('startAt', 'asc')
          .limit(1000),
      ),
    getActivity: (id) => one<ActivityRecord>(activities, id),
    async insertActivity(activity) {
      await activities.add({ data: activity });
    },
    async updateActivityIfFits(id, fields) {
      await activities.where({ _id: id, confirmedCount: _.lte(fields.capacity) }).update({ data: fields });
    },

    // Names go on rosters other people read: scene 1 (资料).
    checkContent: (text, openid) => checkContent(text, openid, 1),
    audit: writeAudit,
  };
}
