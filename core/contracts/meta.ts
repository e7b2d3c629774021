import * as z from 'zod/mini';
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from '../privacy';
import { CATEGORY_IDS } from '../data/categories';
import { DEPARTMENT_IDS } from '../data/departments';
import { REGION_IDS } from '../data/regions';
import type { Category } from '../data/categories';
import type { Department } from '../data/departments';
import type { IdentityType } from '../data/identity-types';
import type { Region } from '../data/regions';
import type { RoutingRule } from '../routing';

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

export interface MetaData {
  categories: Category[];
  departments: Department[];
  regions: Region[];
  identityTypes: IdentityType[];
  /** Subscribe-message template ids the app asks consent for (wx.requestSubscribeMessage). */
  notifications: {
    caseUpdate: string;
    caseNew: string;
    fairUpdate: string;
    activityUpdate: string;
    /**
     * Whether `caseNew` is a long-term (长期) template, which 政务民生 mini-programs may be granted: one consent
     * then covers every later message. Otherwise (the default) each consent buys one message.
     */
    caseNewLongTerm?: boolean;
  };
  routing: {
    rules: { category: string; departmentId: string }[];
    overrides: RoutingRule[];
    fallbackDepartmentId: string;
  };
}
