import * as z from 'zod/mini';
import { orgId, REGIONS_MAX, regionFields, regionRef, unitFields, unitRef } from './org';
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from '../privacy';
import { CATEGORY_IDS } from '../data/categories';
import { IDENTITY_TYPE_IDS } from '../data/identity-types';
import { count, generatedFile, removedId, routingRule, savedId } from './answer-parts';

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
          regionId: z.optional(regionRef()),
          departmentId: unitRef(),
        }),
      )
      .check(
        z.maxLength(CATEGORY_IDS.length * (REGIONS_MAX + 1)),
        z.refine(
          (rules) => new Set(rules.map((r) => `${r.category}/${r.regionId ?? ''}`)).size === rules.length,
          '同一类别在同一地区只能有一条规则',
        ),
      ),
  }),
  // Admin: the county's organization, as one workbook (成员单位, 乡镇街道, 服务站) or one unit or region at a time.
  exportCounty: z.strictObject({}),
  importCounty: z.strictObject({ fileID: z.string().check(z.minLength(1, '请先上传表格'), z.maxLength(512)) }),
  saveUnit: unitFields,
  /** Only a unit nothing refers to (no case, task, problem, fair, staff or rule); otherwise retire it. */
  removeUnit: z.strictObject({ id: orgId }),
  saveRegion: regionFields,
  removeRegion: z.strictObject({ id: orgId }),
  /** Which unit dispatches: takes what no rule claims, every returned case and every urgent one. */
  setDispatchUnit: z.strictObject({ unitId: orgId }),
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
const identityType = z.strictObject({ id: z.enum(IDENTITY_TYPE_IDS), name: z.string() });

/** What `meta.get` shows of the routing table: who takes each category county-wide, and the regional overrides. */
const routingSummary = z.strictObject({
  rules: z.array(z.strictObject({ category: z.enum(CATEGORY_IDS), departmentId: z.string() })),
  overrides: z.array(routingRule),
  fallbackDepartmentId: z.string(),
});

export const metaData = z.strictObject({
  categories: z.array(category),
  /** Every unit of the county, stations included; a retired one is kept so old cases still show its name. */
  departments: z.array(unitFields),
  regions: z.array(regionFields),
  /** The 退役军人服务站 among the units, each with its 乡镇/街道. */
  stations: z.array(unitFields),
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
  exportCounty: generatedFile,
  /** How many rows of each sheet were read; every one is now stored, added or updated. */
  importCounty: z.strictObject({ units: count, regions: count, stations: count, added: count, updated: count }),
  saveUnit: savedId,
  removeUnit: removedId,
  saveRegion: savedId,
  removeRegion: removedId,
  setDispatchUnit: z.strictObject({ dispatchUnitId: z.string() }),
  retention,
  saveRetention: retention,
};

export type MetaData = z.output<typeof metaData>;
export type DayKind = z.output<typeof dayKind>;
export type CalendarSettings = z.output<typeof metaAnswers.calendar>;
export type RetentionSettings = z.output<typeof retention>;
