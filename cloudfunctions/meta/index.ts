import { DEFAULT_RETENTION_YEARS } from '../../core/privacy';
import { metaContract, type MetaData } from '../../core/contracts/meta';
import { CATEGORIES } from '../../core/data/categories';
import { DEPARTMENTS } from '../../core/data/departments';
import { IDENTITY_TYPES } from '../../core/data/identity-types';
import { REGIONS } from '../../core/data/regions';
import { routingSummary } from '../../core/routing';
import { chinaDay } from '../../core/time';
import { action, createMain } from '../_lib/router';
import { loadRetentionYears, loadRoutingTable } from '../_lib/routing';
import { settingsStore } from './store';

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
          // Set to 1 only when TEMPLATE_CASE_NEW is a long-term template approved for the account (docs/deploy.md).
          caseNewLongTerm: process.env.TEMPLATE_CASE_NEW_LONG_TERM === '1',
          fairUpdate: process.env.TEMPLATE_FAIR_UPDATE ?? 'fair_update',
          activityUpdate: process.env.TEMPLATE_ACTIVITY_UPDATE ?? 'activity_update',
        },
        routing: routingSummary(await loadRoutingTable()),
      }),
    }),
    ping: action({
      access: 'public',
      input: metaContract.ping,
      run: async ({ now }) => ({ pong: true, now: now.toISOString() }),
    }),
    routing: action({ access: 'admin', input: metaContract.routing, run: async () => ({ rules: await loadRoutingTable() }) }),
    saveRouting: action({
      access: 'admin',
      input: metaContract.saveRouting,
      run: async ({ caller, now }, { rules }) => {
        await settingsStore().saveRouting(rules, { at: now, by: caller.openid });
        return { rules, summary: routingSummary(rules) };
      },
    }),
    calendar: action({
      access: 'admin',
      input: metaContract.calendar,
      run: async ({ now }) => {
        const { WorkingCalendar } = await import('../../core/server/working-calendar');
        const overrides = await settingsStore().calendarOverrides();
        const year = Number(chinaDay(now).slice(0, 4));
        const calendar = new WorkingCalendar();
        // The State Council publishes next year's holidays late in the year: say which years still need them.
        return {
          overrides,
          years: [year, year + 1].map((y) => ({ year: y, hasOfficialData: calendar.hasData(y) })),
        };
      },
    }),
    saveCalendar: action({
      access: 'admin',
      input: metaContract.saveCalendar,
      run: async ({ caller, now }, { overrides }) => {
        await settingsStore().saveCalendar(overrides, { at: now, by: caller.openid });
        return { overrides };
      },
    }),
    retention: action({
      access: 'admin',
      input: metaContract.retention,
      run: async () => ({ closedCaseYears: await loadRetentionYears(), defaultYears: DEFAULT_RETENTION_YEARS }),
    }),
    saveRetention: action({
      access: 'admin',
      input: metaContract.saveRetention,
      run: async ({ caller, now }, { closedCaseYears }) => {
        await settingsStore().saveRetention(closedCaseYears, { at: now, by: caller.openid });
        return { closedCaseYears, defaultYears: DEFAULT_RETENTION_YEARS };
      },
    }),
  },
});
