import type { MetaData } from '../contracts/meta';
import type { GeneratedFile } from '../contracts/answer-parts';
import type { CountyRows } from '../org/county';
import type { Organization, Region, Unit } from '../org/model';
import type { RoutingRule } from '../routing';
import type { CalendarOverrides, SettingEdit } from './model';

/**
 * What the app's reference data and the admins' settings need from storage and the platform: the routing
 * table, the working calendar's corrections and the official holiday data, the retention period, and the
 * message templates this deployment was given. cloudfunctions/meta/store.ts adapts wx-server-sdk to it.
 */
export interface MetaPort {
  /** The table every submission is routed by: the admins' edit once there is one, until then DEFAULT_ROUTING. */
  routingTable(): Promise<readonly RoutingRule[]>;
  /** Stores the table; every later submission in this instance routes by it at once. */
  saveRouting(rules: RoutingRule[], edit: SettingEdit): Promise<void>;
  /** The corrections exactly as stored, so an admin sees what was saved. */
  calendarOverrides(): Promise<CalendarOverrides>;
  saveCalendar(overrides: CalendarOverrides, edit: SettingEdit): Promise<void>;
  /** Whether the official holiday data (the holidays and 调休 days) covers the year. */
  hasOfficialHolidays(year: number): Promise<boolean>;
  /** How many years a finished case keeps the requester's name and phone: the admins' setting, or the default. */
  retentionYears(): Promise<number>;
  saveRetention(closedCaseYears: number, edit: SettingEdit): Promise<void>;
  /** The subscribe-message templates the app asks consent for, as this deployment configures them. */
  notificationTemplates(): MetaData['notifications'];

  // ---- the county's organization ----
  /** The caller's own uploaded county workbook, read into rows; refuses (NOT_FOUND, INVALID_INPUT) what is not one. */
  readCounty(openid: string, fileID: string): Promise<CountyRows>;
  /** The organization as the county workbook, for `openid` alone. */
  saveCountyFile(openid: string, org: Organization, at: Date): Promise<GeneratedFile>;
  /** Makes a new unit's or 乡镇's id from its name. */
  orgIds(): Promise<(name: string) => string>;
  /**
   * Stores these units and 乡镇 (added or replaced whole) and the dispatch unit; every later call in this
   * instance reads the new organization at once, the others within seconds.
   */
  storeOrganization(change: { units: Unit[]; regions: Region[]; dispatchUnitId?: string }, edit: SettingEdit): Promise<void>;
  /** What still names the unit, by kind (cases it held, tasks, problems, fairs, staff, routing rules). */
  unitReferences(id: string): Promise<OrgReferences>;
  /** What still names the 乡镇/街道 (units and stations in it, cases, places, activities, residents, rules). */
  regionReferences(id: string): Promise<OrgReferences>;
  removeUnit(id: string): Promise<void>;
  removeRegion(id: string): Promise<void>;
}

/** How many records of each kind (in words: 件求助, 项任务 …) still name a unit or a 乡镇. */
export type OrgReferences = Record<string, number>;
