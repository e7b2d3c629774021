import * as z from 'zod/mini';
import { unitRef } from './org';
import { count, generatedFile, listOf, pageOf, savedId } from './answer-parts';
import { PHONE_PATTERN } from './users';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const text = (label: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const isoTime = z
  .string()
  .check(
    z.refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), '时间格式是 ISO 8601，例如 2026-12-05T09:00:00+08:00'),
  );
const code = z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z2-9]{8}$/, '签到码是 8 位字母和数字'));

export const signupFields = {
  requestId: z.string().check(z.minLength(8, '缺少请求编号'), z.maxLength(64)),
  name: text('姓名', 20),
  phone: z.string().check(z.trim(), z.regex(PHONE_PATTERN, '请填写 11 位手机号')),
  /** Agreed to a reminder the day before (a subscribe message). */
  remind: z.optional(z.boolean()),
};

export const positionSchema = z.strictObject({
  id: z.optional(id),
  title: text('岗位名称', 30),
  count: z.int().check(z.minimum(1), z.maximum(999)),
  salary: z.optional(text('薪资范围', 30)),
  requirements: z.optional(text('岗位要求', 200)),
});

export const fairSchema = z
  .strictObject({
    id: z.optional(id),
    title: text('招聘会名称', 40),
    startAt: isoTime,
    endAt: isoTime,
    signupDeadline: isoTime,
    capacity: z.int().check(z.minimum(1, '名额至少 1 个'), z.maximum(5000)),
    venue: z.strictObject({
      name: text('场地名称', 40),
      address: text('地址', 80),
      lat: z.number().check(z.gte(-90), z.lte(90)),
      lng: z.number().check(z.gte(-180), z.lte(180)),
    }),
    organizerDepartmentId: unitRef(),
    description: z.optional(text('介绍', 500)),
    employers: z
      .array(
        z.strictObject({
          name: text('单位名称', 40),
          intro: z.optional(text('单位介绍', 200)),
          positions: z.array(positionSchema).check(z.maxLength(30)),
        }),
      )
      .check(z.maxLength(100)),
    status: z.optional(z.enum(['draft', 'published', 'cancelled'])),
  })
  .check(
    z.refine((f) => Date.parse(f.endAt) > Date.parse(f.startAt), { message: '结束时间要晚于开始时间', path: ['endAt'] }),
    z.refine((f) => Date.parse(f.signupDeadline) <= Date.parse(f.startAt), {
      message: '报名截止不能晚于开始时间',
      path: ['signupDeadline'],
    }),
  );

export const fairsContract = {
  list: z.strictObject({
    when: z.optional(z.enum(['upcoming', 'past', 'all'])),
    /** Organizers also see drafts and cancelled fairs. */
    manage: z.optional(z.boolean()),
    page: z.optional(z.int().check(z.minimum(1))),
    pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
  }),
  get: z.strictObject({ id }),
  signup: z.strictObject({ fairId: id, ...signupFields, positions: z.optional(z.array(id).check(z.maxLength(10))) }),
  cancel: z.strictObject({ fairId: id }),
  mine: z.strictObject({}),
  // Organizers: staff of 人社局 or 退役军人事务局, and admins.
  roster: z.strictObject({ fairId: id }),
  checkin: z.strictObject({ fairId: id, code }),
  outcome: z.strictObject({
    fairId: id,
    openid: z.string().check(z.minLength(1), z.maxLength(128)),
    outcome: z.enum(['intent', 'hired', 'none']),
  }),
  exportRoster: z.strictObject({ fairId: id }),
  save: fairSchema,
};

export type FairInput = z.output<typeof fairSchema>;

// ---- answers ----

const fairPhase = z.enum(['open', 'closed', 'ongoing', 'ended', 'cancelled']);
/** A sign-up as its person sees it; `pending` (half-written) never reaches an answer. */
const signupStatus = z.enum(['confirmed', 'waitlisted', 'cancelled', 'checkedIn']);
const outcome = z.enum(['intent', 'hired', 'none']);

/** A fair in a list (core/fairs/present.ts `fairSummary`): times in UTC+8, seats left, its phase in words. */
export const fairSummary = z.strictObject({
  id: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  signupDeadline: z.string(),
  capacity: count,
  venue: z.strictObject({ name: z.string(), address: z.string(), lat: z.number(), lng: z.number() }),
  organizerDepartmentId: z.string(),
  organizerName: z.string(),
  seatsLeft: count,
  waitlistCount: count,
  phase: fairPhase,
  phaseText: z.string(),
  employerCount: count,
  positionCount: count,
  status: z.enum(['draft', 'published', 'cancelled']),
});

const employer = z.strictObject({
  name: z.string(),
  intro: z.optional(z.string()),
  positions: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      count: count,
      salary: z.optional(z.string()),
      requirements: z.optional(z.string()),
    }),
  ),
});

const mySignupShape = {
  signupId: z.string(),
  status: signupStatus,
  waitlistPosition: z.optional(count),
  /** Shown at the door; only while the seat is the person's. */
  checkinCode: z.optional(z.string()),
  interests: z.array(z.string()),
  /** Confirmed by promotion from the waitlist. */
  promoted: z.boolean(),
};
export const mySignup = z.strictObject(mySignupShape);

/** What a sign-up (or its repeat) answers, for fairs and volunteer activities alike (core/signups/engine.ts). */
export const signupOutcome = z.strictObject({
  signupId: z.string(),
  status: signupStatus,
  waitlistPosition: z.optional(count),
  checkinCode: z.optional(z.string()),
});
export const signupResult = z.extend(signupOutcome, {
  /** The person had already signed up: nothing changed. */
  existing: z.boolean(),
});
/** A cancellation, and who moved up from the waitlist into the seat it freed. */
export const cancelled = z.strictObject({ signupId: z.string(), status: z.literal('cancelled'), promoted: z.array(z.string()) });

export const rosterRow = z.strictObject({
  signupId: z.string(),
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  status: signupStatus,
  waitlistPosition: z.optional(count),
  interests: z.array(z.string()),
  signedUpAt: z.string(),
  checkedInAt: z.optional(z.string()),
  outcome: z.nullable(outcome),
});

export const fairDetail = z.extend(fairSummary, {
  description: z.optional(z.string()),
  employers: z.array(employer),
  /** The caller's own sign-up; null when they have none. */
  mySignup: z.nullable(mySignup),
});

export const fairsAnswers = {
  list: pageOf(fairSummary),
  get: fairDetail,
  signup: signupResult,
  cancel: cancelled,
  mine: listOf(z.strictObject({ fairId: z.string(), fair: fairSummary, ...mySignupShape })),
  roster: z.strictObject({
    fair: fairSummary,
    items: z.array(rosterRow),
    summary: z.strictObject({
      confirmed: count,
      checkedIn: count,
      waitlisted: count,
      cancelled: count,
      intent: count,
      hired: count,
    }),
  }),
  checkin: z.strictObject({ signupId: z.string(), name: z.string(), status: z.literal('checkedIn'), checkedInAt: z.optional(z.string()) }),
  outcome: z.strictObject({ signupId: z.string(), outcome }),
  exportRoster: generatedFile,
  save: savedId,
};

export type FairSummary = z.output<typeof fairSummary>;
export type FairDetail = z.output<typeof fairDetail>;
export type MySignup = z.output<typeof mySignup>;
export type SignupOutcome = z.output<typeof signupOutcome>;
export type SignupResult = z.output<typeof signupResult>;
export type RosterRow = z.output<typeof rosterRow>;
