import * as z from 'zod/mini';
import { regionRef } from './org';
import { PLACE_KIND_IDS, STORY_KIND_IDS } from '../data/place-kinds';
import { count, listOf, pageOf, removedId, savedId } from './answer-parts';
import { cancelled, signupFields, signupOutcome, signupResult } from './fairs';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const text = (label: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const lat = z.number('纬度要是数字').check(z.gte(-90, '纬度在 -90 到 90 之间'), z.lte(90, '纬度在 -90 到 90 之间'));
const lng = z.number('经度要是数字').check(z.gte(-180, '经度在 -180 到 180 之间'), z.lte(180, '经度在 -180 到 180 之间'));
const region = regionRef('请选择乡镇/街道');
const page = { page: z.optional(z.int().check(z.minimum(1))), pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(50))) };

export const placeSchema = z.strictObject({
  id: z.optional(id),
  name: text('名称', 40),
  kind: z.enum(PLACE_KIND_IDS),
  regionId: region,
  address: text('地址', 80),
  lat,
  lng,
  phone: z.optional(z.string().check(z.regex(/^[\d-]{7,20}$/, '电话只填数字和连字符'))),
  hours: z.optional(text('开放时间', 60)),
  intro: z.optional(text('简介', 300)),
  /** 1-5 stars, for 退役军人服务站. */
  stars: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
  services: z.optional(z.array(text('服务项目', 30)).check(z.maxLength(20))),
  staffContact: z.optional(text('联系人', 30)),
  /** What is offered to whom, e.g. 优待证持有人: 免费入园. */
  offers: z.optional(z.array(z.strictObject({ who: text('对象', 30), what: text('优待内容', 60) })).check(z.maxLength(10))),
  acceptsPreferentialCard: z.optional(z.boolean()),
});

const storySchema = z.strictObject({
  id: z.optional(id),
  title: text('标题', 40),
  kind: z.enum(STORY_KIND_IDS),
  summary: text('摘要', 120),
  body: text('正文', 5000),
  /** A cloud file ID or an image URL on the local host. */
  cover: z.optional(z.string().check(z.maxLength(512))),
  status: z.optional(z.enum(['draft', 'published'])),
});

const activitySchema = z.strictObject({
  id: z.optional(id),
  title: text('活动名称', 40),
  startAt: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), '时间格式是 ISO 8601')),
  endAt: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), '时间格式是 ISO 8601')),
  signupDeadline: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), '时间格式是 ISO 8601')),
  capacity: z.int().check(z.minimum(1), z.maximum(1000)),
  place: text('地点', 60),
  regionId: region,
  description: text('活动内容', 500),
  status: z.optional(z.enum(['published', 'cancelled'])),
});

export const placesContract = {
  list: z
    .strictObject({
      kind: z.optional(z.enum(PLACE_KIND_IDS)),
      preferential: z.optional(z.boolean()),
      regionId: z.optional(region),
      lat: z.optional(lat),
      lng: z.optional(lng),
      ...page,
    })
    .check(z.refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '经纬度要一起给', path: ['lng'] })),
  get: z.strictObject({ id, lat: z.optional(lat), lng: z.optional(lng) }),
  save: placeSchema,
  remove: z.strictObject({ id }),
  // Stories (典型人物, 拥军优属, 拥政爱民, 创新创业): admins publish, everyone reads.
  /** `all`: admins also see drafts. */
  stories: z.strictObject({ kind: z.optional(z.enum(STORY_KIND_IDS)), all: z.optional(z.boolean()), ...page }),
  story: z.strictObject({ id }),
  saveStory: storySchema,
  // Volunteer activities (志愿服务) on the job fairs' sign-up engine.
  activities: z.strictObject({}),
  activity: z.strictObject({ id }),
  activitySignup: z.strictObject({ activityId: id, ...signupFields }),
  activityCancel: z.strictObject({ activityId: id }),
  activityRoster: z.strictObject({ activityId: id }),
  /** The organizer marks a volunteer on the roster as having come (志愿服务时长 counts those who came). */
  activityCheckin: z.strictObject({ activityId: id, signupId: id }),
  saveActivity: activitySchema,
};

// ---- answers ----

/** A place as `list` and `get` answer it (core/places/present.ts); `distance` (metres) only when a point was given. */
export const place = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PLACE_KIND_IDS),
  kindName: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  phone: z.optional(z.string()),
  hours: z.optional(z.string()),
  intro: z.optional(z.string()),
  stars: z.optional(z.int()),
  services: z.array(z.string()),
  staffContact: z.optional(z.string()),
  offers: z.array(z.strictObject({ who: z.string(), what: z.string() })),
  preferential: z.boolean(),
  distance: z.optional(z.number()),
  distanceText: z.optional(z.string()),
});

const storySummaryShape = {
  id: z.string(),
  title: z.string(),
  kind: z.enum(STORY_KIND_IDS),
  summary: z.string(),
  /** A cloud file ID or an image URL. */
  cover: z.optional(z.string()),
  status: z.enum(['draft', 'published']),
  publishedAt: z.optional(z.string()),
  updatedAt: z.string(),
};
export const storySummary = z.strictObject(storySummaryShape);
export const story = z.strictObject({ ...storySummaryShape, body: z.string() });

/** A volunteer activity: times in UTC+8, places left, and its phase as job fairs have them. */
export const activity = z.strictObject({
  id: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  signupDeadline: z.string(),
  place: z.string(),
  regionId: z.string(),
  description: z.string(),
  capacity: count,
  seatsLeft: count,
  waitlistCount: count,
  phase: z.enum(['open', 'closed', 'ongoing', 'ended', 'cancelled']),
});

export const activityDetail = z.extend(activity, {
  /** The caller's own sign-up; null when they have none (or cancelled it). */
  mySignup: z.nullable(signupOutcome),
});

export const activityRosterRow = z.strictObject({
  signupId: z.string(),
  name: z.string(),
  /** Empty once the person cancelled: they are no longer the organizer's to call. */
  phone: z.string(),
  status: z.enum(['confirmed', 'waitlisted', 'cancelled', 'checkedIn']),
  waitlistPosition: z.optional(count),
});

export const placesAnswers = {
  list: pageOf(place),
  get: place,
  save: savedId,
  remove: removedId,
  stories: pageOf(storySummary),
  story,
  saveStory: savedId,
  activities: listOf(activity),
  activity: activityDetail,
  activitySignup: signupResult,
  activityCancel: cancelled,
  activityRoster: listOf(activityRosterRow),
  activityCheckin: z.strictObject({ signupId: z.string(), status: z.literal('checkedIn'), checkedInAt: z.string() }),
  saveActivity: savedId,
};

export type Place = z.output<typeof place>;
export type StorySummary = z.output<typeof storySummary>;
export type Story = z.output<typeof story>;
export type Activity = z.output<typeof activity>;
export type ActivityDetail = z.output<typeof activityDetail>;
export type ActivityRosterRow = z.output<typeof activityRosterRow>;
