import type { MetaData } from '../contracts/meta';
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
}
