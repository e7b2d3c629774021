import * as z from 'zod/mini';
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from '../privacy';
import { CATEGORY_IDS } from '../data/categories';
import { DEPARTMENT_IDS } from '../data/departments';
import { REGION_IDS } from '../data/regions';
import { IDENTITY_TYPE_IDS } from '../data/identity-types';
import { routingRule } from './answer-parts';

export const metaContract = {
  get: z.strictObject({}),
  /** A no-op: the floor the benchmarks measure every other action against. */
  ping: z.strictObject({}),
  // Admin: the routing table (category × region → department) and the working-calendar overrides.
  routing: z.strictObject({}),
  saveRouting: z.strictObject({
    rules: z
      .array(
        z.strictObject({
          category: z.enum(CATEGORY_IDS),
          regionId: z.optional(z.enum(REGION_IDS as [string, ...string[]])),
          departmentId: z.enum(DEPARTMENT_IDS),
        }),
      )
      .check(
        z.maxLength(CATEGORY_IDS.length * (REGION_IDS.length + 1)),
        z.refine(
          (rules) => new Set(rules.map((r) => `${r.category}/${r.regionId ?? ''}`)).size === rules.length,
          '同一类别在同一地区只能有一条规则',
        ),
      ),
  }),
  calendar: z.strictObject({}),
  saveCalendar: z.strictObject({
    overrides: z
      .record(z.string().check(z.regex(/^20\d{2}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD')), z.enum(['workday', 'holiday']))
      .check(z.refine((o) => Object.keys(o).length <= 400, '一次最多设置 400 天')),
  }),
  // Admin: how long a finished case keeps the requester's name and phone before the timer removes them.
  retention: z.strictObject({}),
  saveRetention: z.strictObject({
    closedCaseYears: z
      .int('保存年限是整数')
      .check(
        z.minimum(RETENTION_YEARS_MIN, `保存年限至少 ${RETENTION_YEARS_MIN} 年`),
        z.maximum(RETENTION_YEARS_MAX, `保存年限最多 ${RETENTION_YEARS_MAX} 年`),
      ),
  }),
};

// ---- answers ----

const category = z.strictObject({
  id: z.enum(CATEGORY_IDS),
  name: z.string(),
  description: z.string(),
  /** Resolve-by limit in working days. */
  resolveWorkdays: z.int(),
});
const department = z.strictObject({
  id: z.enum(DEPARTMENT_IDS),
  name: z.string(),
  shortName: z.string(),
  defaultCategories: z.readonly(z.array(z.enum(CATEGORY_IDS))),
});
const region = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['街道', '镇', '乡']),
  center: z.strictObject({ lat: z.number(), lng: z.number() }),
});
const identityType = z.strictObject({ id: z.enum(IDENTITY_TYPE_IDS), name: z.string() });

/** What `meta.get` shows of the routing table: who takes each category county-wide, and the regional overrides. */
const routingSummary = z.strictObject({
  rules: z.array(z.strictObject({ category: z.enum(CATEGORY_IDS), departmentId: z.enum(DEPARTMENT_IDS) })),
  overrides: z.array(routingRule),
  fallbackDepartmentId: z.enum(DEPARTMENT_IDS),
});

export const metaData = z.strictObject({
  categories: z.array(category),
  departments: z.array(department),
  regions: z.array(region),
  identityTypes: z.array(identityType),
  /** Subscribe-message template ids the app asks consent for (wx.requestSubscribeMessage). */
  notifications: z.strictObject({
    caseUpdate: z.string(),
    caseNew: z.string(),
    fairUpdate: z.string(),
    activityUpdate: z.string(),
    /**
     * Whether `caseNew` is a long-term (长期) template, which 政务民生 mini-programs may be granted: one consent
     * then covers every later message. Otherwise (the default) each consent buys one message.
     */
    caseNewLongTerm: z.optional(z.boolean()),
  }),
  routing: routingSummary,
});

const dayKind = z.enum(['workday', 'holiday']);
const retention = z.strictObject({ closedCaseYears: z.int(), defaultYears: z.int() });

export const metaAnswers = {
  get: metaData,
  /** The cloud's clock: "this month" is the county's month, whatever a phone's clock says. */
  ping: z.strictObject({ pong: z.literal(true), now: z.string() }),
  routing: z.strictObject({ rules: z.array(routingRule) }),
  saveRouting: z.strictObject({ rules: z.array(routingRule), summary: routingSummary }),
  calendar: z.strictObject({
    overrides: z.record(z.string(), dayKind),
    /** This year and next: whether the official holiday data covers them. */
    years: z.array(z.strictObject({ year: z.int(), hasOfficialData: z.boolean() })),
  }),
  saveCalendar: z.strictObject({ overrides: z.record(z.string(), dayKind) }),
  retention,
  saveRetention: retention,
};

export type MetaData = z.output<typeof metaData>;
export type DayKind = z.output<typeof dayKind>;
export type CalendarSettings = z.output<typeof metaAnswers.calendar>;
export type RetentionSettings = z.output<typeof retention>;
