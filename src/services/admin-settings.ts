import type { RoutingRule } from '../../core/routing';
import { callFunction } from './call';
import { clearMetaCache } from './meta';

/** The admin's settings kept by the `meta` function: the routing table and the working-calendar overrides. */
const call = <T>(action: string, payload: Record<string, unknown> = {}) => callFunction<T>('meta', { action, ...payload });

export type DayKind = 'workday' | 'holiday';
export interface CalendarSettings {
  overrides: Record<string, DayKind>;
  /** This year and next: whether the official holiday data covers them. */
  years: { year: number; hasOfficialData: boolean }[];
}

export const getRouting = () => call<{ rules: RoutingRule[] }>('routing');

/** Sends the whole table; the cached `meta.get` (routing summary) is dropped so pages read the new one. */
export async function saveRouting(rules: RoutingRule[]) {
  const saved = await call<{ rules: RoutingRule[] }>('saveRouting', { rules });
  clearMetaCache();
  return saved;
}

export const getCalendar = () => call<CalendarSettings>('calendar');
export const saveCalendar = (overrides: Record<string, DayKind>) =>
  call<{ overrides: Record<string, DayKind> }>('saveCalendar', { overrides });

/** How long a finished case keeps the requester's name and phone (years), and the default. */
export interface RetentionSettings {
  closedCaseYears: number;
  defaultYears: number;
}
export const getRetention = () => call<RetentionSettings>('retention');
export const saveRetention = (closedCaseYears: number) => call<RetentionSettings>('saveRetention', { closedCaseYears });
