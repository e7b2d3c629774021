import { metaContract, type MetaData } from '../../core/contracts/meta';
import { CATEGORIES } from '../../core/data/categories';
import { DEPARTMENTS } from '../../core/data/departments';
import { IDENTITY_TYPES } from '../../core/data/identity-types';
import { REGIONS } from '../../core/data/regions';
import { DEFAULT_ROUTING, routingSummary, type RoutingRule } from '../../core/routing';
import { db, firstRow } from '../_lib/cloud';
import { action, createMain } from '../_lib/router';

/** The routing table lives in the `routing` collection once an admin edits it; until then the default. */
async function loadRouting(): Promise<readonly RoutingRule[]> {
  const stored = await firstRow<{ rules?: RoutingRule[] }>(db().collection('routing').where({ _id: 'table' }).limit(1));
  return stored?.rules ?? DEFAULT_ROUTING;
}

export const main = createMain({
  name: 'meta',
  actions: {
    get: action({
      access: 'public',
      input: metaContract.get,
      run: async (): Promise<MetaData> => ({
        categories: [...CATEGORIES],
        departments: [...DEPARTMENTS],
        regions: [...REGIONS],
        identityTypes: [...IDENTITY_TYPES],
        routing: routingSummary(await loadRouting()),
      }),
    }),
    ping: action({
      access: 'public',
      input: metaContract.ping,
      run: async ({ now }) => ({ pong: true, now: now.toISOString() }),
    }),
  },
});
