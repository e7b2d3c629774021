import { DEFAULT_ROUTING, type RoutingRule } from '../../core/routing';
import { db, firstRow } from './cloud';

/** The routing table lives in the `routing` collection once an admin edits it; until then the default. */
export async function loadRoutingTable(): Promise<readonly RoutingRule[]> {
  const stored = await firstRow<{ rules?: RoutingRule[] }>(db().collection('routing').where({ _id: 'table' }).limit(1));
  return stored?.rules ?? DEFAULT_ROUTING;
}
