import type { MetaData } from '../../core/contracts/meta';
import type { CalendarOverrides, SettingEdit } from '../../core/meta/model';
import type { MetaPort } from '../../core/meta/port';
import type { RoutingRule } from '../../core/routing';
import { db, firstRow } from '../_lib/cloud';
import { forgetCalendarOverrides, forgetRoutingTable, loadRetentionYears, loadRoutingTable } from '../_lib/routing';

/**
 * wx-server-sdk adapter for the meta use cases. The admins' settings: the routing table (`routing`), the
 * working calendar's corrections and the retention period (`settings`). Every submission reads the first
 * two through a short per-instance cache (cloudfunctions/_lib/routing.ts); a save here empties this
 * instance's copy at once.
 */
export function metaStore(): MetaPort {
  const settings = db().collection('settings');
  const stamp = ({ at, by }: SettingEdit) => ({ updatedAt: at.toISOString(), updatedBy: by });
  return {
    routingTable: loadRoutingTable,
    async saveRouting(rules: RoutingRule[], edit: SettingEdit): Promise<void> {
      await db()
        .collection('routing')
        .doc('table')
        .set({ data: { rules, ...stamp(edit) } });
      forgetRoutingTable();
    },
    // Read past the cache: the admin sees exactly what was saved.
    async calendarOverrides(): Promise<CalendarOverrides> {
      return (await firstRow<{ overrides?: CalendarOverrides }>(settings.where({ _id: 'calendar' }).limit(1)))?.overrides ?? {};
    },
    async saveCalendar(overrides: CalendarOverrides, edit: SettingEdit): Promise<void> {
      await settings.doc('calendar').set({ data: { overrides, ...stamp(edit) } });
      forgetCalendarOverrides();
    },
    async hasOfficialHolidays(year: number): Promise<boolean> {
      // Loaded on first use: the holiday tables are not worth a cold start of every meta call.
      const { WorkingCalendar } = await import('../../core/server/working-calendar');
      return new WorkingCalendar().hasData(year);
    },
    retentionYears: loadRetentionYears,
    async saveRetention(closedCaseYears: number, edit: SettingEdit): Promise<void> {
      await settings.doc('retention').set({ data: { closedCaseYears, ...stamp(edit) } });
    },
    notificationTemplates: (): MetaData['notifications'] => ({
      caseUpdate: process.env.TEMPLATE_CASE_UPDATE ?? 'case_update',
      caseNew: process.env.TEMPLATE_CASE_NEW ?? 'case_new',
      // Set to 1 only when TEMPLATE_CASE_NEW is a long-term template approved for the account (docs/deploy.md).
      caseNewLongTerm: process.env.TEMPLATE_CASE_NEW_LONG_TERM === '1',
      fairUpdate: process.env.TEMPLATE_FAIR_UPDATE ?? 'fair_update',
      activityUpdate: process.env.TEMPLATE_ACTIVITY_UPDATE ?? 'activity_update',
    }),
  };
}
