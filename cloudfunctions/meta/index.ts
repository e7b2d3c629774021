import { metaContract, type MetaData } from '../../core/contracts/meta';
import { CATEGORIES } from '../../core/data/categories';
import { DEPARTMENTS } from '../../core/data/departments';
import { IDENTITY_TYPES } from '../../core/data/identity-types';
import { REGIONS } from '../../core/data/regions';
import { routingSummary } from '../../core/routing';
import { loadRoutingTable } from '../_lib/routing';
import { action, createMain } from '../_lib/router';

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
        notifications: {
          caseUpdate: process.env.TEMPLATE_CASE_UPDATE ?? 'case_update',
          caseNew: process.env.TEMPLATE_CASE_NEW ?? 'case_new',
        },
        routing: routingSummary(await loadRoutingTable()),
      }),
    }),
    ping: action({
      access: 'public',
      input: metaContract.ping,
      run: async ({ now }) => ({ pong: true, now: now.toISOString() }),
    }),
  },
});
