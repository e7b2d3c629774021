import type { RoutingRule } from '../../core/routing';
import type { CalendarOverrides } from '../../core/server/working-calendar';
import { db, firstRow } from '../_lib/cloud';
import { forgetCalendarOverrides, forgetRoutingTable } from '../_lib/routing';

/** Who changed a setting, and when: kept with each one. */
interface Edit {
  at: Date;
  by: string;
}

/**
 * The admins' settings: the routing table (`routing`), the working calendar's corrections and the
 * retention period (`settings`). Every submission reads the first two through a short per-instance cache
 * (cloudfunctions/_lib/routing.ts); a save here empties this instance's copy at once.
 */
export function settingsStore() {
  const settings = db().collection('settings');
  const stamp = ({ at, by }: Edit) => ({ updatedAt: at.toISOString(), updatedBy: by });
  return {
    async saveRouting(rules: RoutingRule[], edit: Edit): Promise<void> {
      await db()
        .collection('routing')
        .doc('table')
        .set({ data: { rules, ...stamp(edit) } });
      forgetRoutingTable();
    },
    /** As stored, read past the cache: the admin sees exactly what was saved. */
    async calendarOverrides(): Promise<CalendarOverrides> {
      return (await firstRow<{ overrides?: CalendarOverrides }>(settings.where({ _id: 'calendar' }).limit(1)))?.overrides ?? {};
    },
    async saveCalendar(overrides: CalendarOverrides, edit: Edit): Promise<void> {
      await settings.doc('calendar').set({ data: { overrides, ...stamp(edit) } });
      forgetCalendarOverrides();
    },
    async saveRetention(closedCaseYears: number, edit: Edit): Promise<void> {
      await settings.doc('retention').set({ data: { closedCaseYears, ...stamp(edit) } });
    },
  };
}
