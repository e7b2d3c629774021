import { randomBytes, randomInt } from 'node:crypto';
import { placesContract } from '../../core/contracts/places';
import { refuseRisky } from '../../core/content';
import { AppError } from '../../core/envelope';
import { fairPhase } from '../../core/fairs/model';
import { rosterPhone } from '../../core/fairs/present';
import { nearby, placeView, type PlaceRecord } from '../../core/places/present';
import { cancelSignup, fillSeats, inStep, outcomeOf, signUp, type SignupDeps } from '../../core/signups/engine';
import type { EventSeats } from '../../core/signups/port';
import { remindDayBefore } from '../../core/signups/reminders';
import { formatChina } from '../../core/time';
import { auditView } from '../_lib/audit';
import { db, firstRow, rows } from '../_lib/cloud';
import { attachFiles, requireAttachable } from '../_lib/files';
import { checkContent } from '../_lib/content';
import { action, createMain } from '../_lib/router';
import { signupsStore } from '../_lib/signups-store';

interface StoryRecord {
  _id: string;
  title: string;
  kind: string;
  summary: string;
  body: string;
  cover?: string;
  status: 'draft' | 'published';
  publishedAt?: string;
  updatedAt: string;
}

interface ActivityRecord extends EventSeats {
  title: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  place: string;
  regionId: string;
  description: string;
  status: 'published' | 'cancelled';
}

const TEMPLATE = process.env.TEMPLATE_ACTIVITY_UPDATE ?? 'activity_update';
// Volunteer activities use the job fairs' sign-up engine, with their own collection of events.
const activityPort = () => signupsStore('activities', TEMPLATE, (id) => `subpackages/places/activity?id=${id}`);
const activityDeps = (now: Date): SignupDeps => ({ port: activityPort(), now, randomInt, noun: '志愿活动' });
const newId = () => randomBytes(8).toString('hex');
const DAY_MS = 86_400_000;
/** How far back the list of volunteer activities reaches. */
const RECENT_DAYS = 183;

async function mustFind<T>(collection: string, id: string, what: string): Promise<T> {
  const doc = await firstRow<T>(db().collection(collection).where({ _id: id }).limit(1));
  if (!doc) throw new AppError('NOT_FOUND', `没有找到这个${what}`);
  return doc;
}

async function upsert(collection: string, id: string | undefined, data: Record<string, unknown>): Promise<string> {
  const target = id ?? newId();
  if (id) await mustFind(collection, id, '内容');
  await db().collection(collection).doc(target).set({ data });
  return target;
}

function activityView(a: ActivityRecord, now: Date) {
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

export const main = createMain({
  name: 'places',
  actions: {
    list: action({
      access: 'public',
      input: placesContract.list,
      run: async (_ctx, { lat, lng, page = 1, pageSize = 20, ...filter }) => {
        const all = await rows<PlaceRecord>(db().collection('places').limit(1000));
        const items = nearby(all, filter, lat !== undefined && lng !== undefined ? { lat, lng } : undefined);
        return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
      },
    }),
    get: action({
      access: 'public',
      input: placesContract.get,
      run: async (_ctx, { id, lat, lng }) =>
        placeView(await mustFind<PlaceRecord>('places', id, '地点'), lat !== undefined && lng !== undefined ? { lat, lng } : undefined),
    }),
    save: action({
      access: 'admin',
      input: placesContract.save,
      run: async ({ now }, { id, ...place }) => ({ id: await upsert('places', id, { ...place, updatedAt: now.toISOString() }) }),
    }),
    remove: action({
      access: 'admin',
      input: placesContract.remove,
      run: async (_ctx, { id }) => {
        await mustFind<PlaceRecord>('places', id, '地点');
        await db().collection('places').where({ _id: id }).remove();
        return { id, removed: true };
      },
    }),

    stories: action({
      access: 'public',
      input: placesContract.stories,
      run: async ({ caller }, { kind, all: everything = false, page = 1, pageSize = 20 }) => {
        if (everything && caller.role !== 'admin') throw new AppError('FORBIDDEN', '只有管理员可以查看草稿');
        const all = await rows<StoryRecord>(
          db()
            .collection('stories')
            .where({ ...(everything ? {} : { status: 'published' }), ...(kind ? { kind } : {}) })
            .orderBy('publishedAt', 'desc')
            .limit(1000),
        );
        const items = all.slice((page - 1) * pageSize, page * pageSize).map(({ body: _body, _id, ...s }) => ({ id: _id, ...s }));
        return { items, total: all.length, page, pageSize };
      },
    }),
    story: action({
      access: 'public',
      input: placesContract.story,
      run: async ({ caller }, { id }) => {
        const s = await mustFind<StoryRecord>('stories', id, '故事');
        if (s.status !== 'published' && caller.role !== 'admin') throw new AppError('NOT_FOUND', '没有找到这个故事');
        const { _id, ...rest } = s;
        return { id: _id, ...rest };
      },
    }),
    saveStory: action({
      access: 'admin',
      input: placesContract.saveStory,
      run: async ({ now, caller }, { id, status = 'published', ...story }) => {
        const at = now.toISOString();
        const previous = id ? await mustFind<StoryRecord>('stories', id, '故事') : null;
        const publishedAt = status === 'published' ? (previous?.publishedAt ?? at) : undefined;
        // A new uploaded cover must be the admin's own upload; it then belongs to the story (and is public with it).
        const newCover = story.cover?.startsWith('cloud://') && story.cover !== previous?.cover ? story.cover : null;
        const storyId = id ?? newId();
        if (newCover) await requireAttachable(caller.openid, [newCover], { kind: 'story', id: storyId }, ['cover']);
        const data = { ...story, status, ...(publishedAt ? { publishedAt } : {}), updatedAt: at };
        await db().collection('stories').doc(storyId).set({ data });
        if (newCover) await attachFiles([newCover], { kind: 'story', id: storyId });
        return { id: storyId };
      },
    }),

    activities: action({
      access: 'public',
      input: placesContract.activities,
      run: async ({ now }) => {
        // What is coming and what was held in the last half year, however many years of activities there are.
        const since = new Date(+now - RECENT_DAYS * DAY_MS).toISOString();
        const all = await rows<ActivityRecord>(
          db()
            .collection('activities')
            .where({ status: 'published', startAt: db().command.gte(since) })
            .orderBy('startAt', 'asc')
            .limit(1000),
        );
        return { items: all.map((a) => activityView(a, now)), total: all.length };
      },
    }),
    activity: action({
      access: 'public',
      input: placesContract.activity,
      run: async ({ caller, now }, { id }) => {
        const a = await mustFind<ActivityRecord>('activities', id, '活动');
        const stored = caller.openid ? await activityPort().getSignup(`${id}:${caller.openid}`) : null;
        const [mine = null] = stored ? await inStep(activityDeps(now), a, [stored]) : [];
        const mySignup = mine && mine.status !== 'pending' && mine.status !== 'cancelled' ? await outcomeOf(activityPort(), mine) : null;
        return { ...activityView(a, now), mySignup };
      },
    }),
    activitySignup: action({
      access: 'user',
      input: placesContract.activitySignup,
      run: async ({ caller, now }, input) => {
        const a = await mustFind<ActivityRecord>('activities', input.activityId, '活动');
        const stored = await activityPort().getSignup(`${a._id}:${caller.openid}`);
        const [existing] = stored ? await inStep(activityDeps(now), a, [stored]) : [];
        if (existing && existing.status !== 'cancelled' && existing.status !== 'pending')
          return { ...(await outcomeOf(activityPort(), existing)), existing: true };
        const phase = activityView(a, now).phase;
        if (phase !== 'open') throw new AppError('CONFLICT', phase === 'closed' ? '报名已经截止了' : '活动已经开始或结束，不能再报名了');
        // The name goes on the activity's roster: checked like any text another person reads.
        refuseRisky(await checkContent(input.name, caller.openid, 1));
        return signUp(activityDeps(now), {
          eventId: a._id,
          capacity: a.capacity,
          openid: caller.openid,
          requestId: input.requestId,
          name: input.name,
          phone: input.phone,
          consentToRemind: input.remind ?? false,
        });
      },
    }),
    activityCancel: action({
      access: 'user',
      input: placesContract.activityCancel,
      run: async ({ caller, now }, { activityId }) => {
        await mustFind<ActivityRecord>('activities', activityId, '活动');
        return cancelSignup(activityDeps(now), activityId, caller.openid);
      },
    }),
    activityRoster: action({
      access: 'admin',
      input: placesContract.activityRoster,
      run: async ({ caller, now }, { activityId }) => {
        const a = await mustFind<ActivityRecord>('activities', activityId, '活动');
        const port = activityPort();
        const signups = (await inStep(activityDeps(now), a, await port.listSignups(activityId))).filter((s) => s.status !== 'pending');
        // Places in line come from the activity already read. Someone who joined the line after that read
        // (a sign-up racing this roster) is not in it: then, and only then, the line is read once more.
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
        await auditView(caller, 'places.activityRoster', { type: 'activity', id: activityId }, now);
        return { items, total: items.length };
      },
    }),
    saveActivity: action({
      access: 'admin',
      input: placesContract.saveActivity,
      run: async ({ now }, { id, ...a }) => {
        const times = {
          startAt: new Date(a.startAt).toISOString(),
          endAt: new Date(a.endAt).toISOString(),
          signupDeadline: new Date(a.signupDeadline).toISOString(),
        };
        if (!id) {
          const activityId = newId();
          await db()
            .collection('activities')
            .add({
              data: {
                _id: activityId,
                ...a,
                ...times,
                status: a.status ?? 'published',
                confirmedCount: 0,
                seated: [],
                waitQueue: [],
                createdAt: now.toISOString(),
              },
            });
          return { id: activityId };
        }
        const current = await mustFind<ActivityRecord>('activities', id, '活动');
        if (a.capacity < current.confirmedCount)
          throw new AppError('CONFLICT', `已有 ${current.confirmedCount} 人报名成功，名额不能少于这个数`);
        // Only while the places taken still fit: someone may have taken one since the check above.
        await db()
          .collection('activities')
          .where({ _id: id, confirmedCount: db().command.lte(a.capacity) })
          .update({ data: { ...a, ...times } });
        const saved = await mustFind<ActivityRecord>('activities', id, '活动');
        if (saved.capacity !== a.capacity) throw new AppError('CONFLICT', `已有 ${saved.confirmedCount} 人报名成功，名额不能少于这个数`);
        // More places: the waitlist moves up at once, as at a job fair.
        if (a.capacity > current.capacity) await fillSeats(activityDeps(now), id);
        return { id };
      },
    }),
  },
  // Every morning: remind volunteers who agreed, the day before their activity.
  timer: async (now) => {
    // Only activities starting within the next two days can be "tomorrow" (UTC+8).
    const _ = db().command;
    const published = await rows<ActivityRecord>(
      db()
        .collection('activities')
        .where({ status: 'published', startAt: _.and(_.gte(now.toISOString()), _.lt(new Date(+now + 2 * DAY_MS).toISOString())) })
        .limit(1000),
    );
    const byId = new Map(published.map((a) => [a._id, a]));
    const reminded = await remindDayBefore(activityDeps(now), published, (e) => {
      const a = byId.get(e._id) as ActivityRecord;
      return { title: `明天参加：${a.title}`, detail: a.place };
    });
    return { reminded };
  },
});
