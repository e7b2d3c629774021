import type { ActionName, Input } from '../../core/contracts/answers';
import type { DayKind } from '../../core/contracts/meta';
import type { RoutingRule } from '../../core/routing';
import { callFunction } from './call';
import { clearMetaCache } from './meta';

export type { DayKind } from '../../core/contracts/meta';

/** The admin's settings kept by the `meta` function: the routing table and the working-calendar overrides. */
const call = <A extends ActionName<'meta'>>(action: A, input: Input<'meta', A>) => callFunction('meta', { action, ...input });

export const getRouting = () => call('routing', {});

/** Sends the whole table; the cached `meta.get` (routing summary) is dropped so pages read the new one. */
export async function saveRouting(rules: RoutingRule[]) {
  const saved = await call('saveRouting', { rules });
  clearMetaCache();
  return saved;
}

export const getCalendar = () => call('calendar', {});
export const saveCalendar = (overrides: Record<string, DayKind>) => call('saveCalendar', { overrides });

/** How long a finished case keeps the requester's name and phone (years), and the default. */
export const getRetention = () => call('retention', {});
export const saveRetention = (closedCaseYears: number) => call('saveRetention', { closedCaseYears });
