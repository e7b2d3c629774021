import * as z from 'zod/mini';
import type { Category } from '../data/categories';
import type { Department } from '../data/departments';
import type { IdentityType } from '../data/identity-types';
import type { Region } from '../data/regions';
import type { RoutingRule } from '../routing';

export const metaContract = {
  get: z.strictObject({}),
  /** A no-op: the floor the benchmarks measure every other action against. */
  ping: z.strictObject({}),
};

export interface MetaData {
  categories: Category[];
  departments: Department[];
  regions: Region[];
  identityTypes: IdentityType[];
  /** Subscribe-message template ids the app asks consent for (wx.requestSubscribeMessage). */
  notifications: { caseUpdate: string; caseNew: string };
  routing: {
    rules: { category: string; departmentId: string }[];
    overrides: RoutingRule[];
    fallbackDepartmentId: string;
  };
}
