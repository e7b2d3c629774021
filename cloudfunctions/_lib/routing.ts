import { DEFAULT_RETENTION_YEARS } from '../../core/privacy';
import { DEFAULT_ROUTING, type RoutingRule } from '../../core/routing';
import type { CalendarOverrides } from '../../core/server/working-calendar';
import { db, firstRow } from './cloud';

/**
 * Settings every submission reads, kept for a few seconds per warm instance: an admin's edit reaches the
 * instance that made it at once and the others within TTL_MS.
 */
const TTL_MS = 10_000;

function cached<T>(load: () => Promise<T>) {
  let entry: { value: Promise<T>; at: number } | null = null;
  return {
    get(): Promise<T> {
      if (!entry || Date.now() - entry.at > TTL_MS) {
        const value = load();
        entry = { value, at: Date.now() };
        // A failed read is not kept.
        value.catch(() => (entry = null));
      }
      return entry.value;
    },
    forget(): void {
      entry = null;
    },
  };
}

const routing = cached(async (): Promise<readonly RoutingRule[]> => {
  const stored = await firstRow<{ rules?: RoutingRule[] }>(db().collection('routing').where({ _id: 'table' }).limit(1));
  return stored?.rules ?? DEFAULT_ROUTING;
});

const calendar = cached(async (): Promise<CalendarOverrides> => {
  const stored = await firstRow<{ overrides?: CalendarOverrides }>(db().collection('settings').where({ _id: 'calendar' }).limit(1));
  return stored?.overrides ?? {};
});

/** The routing table lives in the `routing` collection once an admin edits it; until then the default. */
export const loadRoutingTable = (): Promise<readonly RoutingRule[]> => routing.get();
export const forgetRoutingTable = (): void => routing.forget();

/** The admins' corrections to the working calendar (holidays of years the library has no data for). */
export const loadCalendarOverrides = (): Promise<CalendarOverrides> => calendar.get();
export const forgetCalendarOverrides = (): void => calendar.forget();

/**
 * How many years a finished case keeps the requester's name and phone (the admins' setting, or the
 * default). Read once per timer run, so it is not kept.
 */
export async function loadRetentionYears(): Promise<number> {
  const stored = await firstRow<{ closedCaseYears?: number }>(db().collection('settings').where({ _id: 'retention' }).limit(1));
  return stored?.closedCaseYears ?? DEFAULT_RETENTION_YEARS;
}
