import { metaContract } from '../../core/contracts/meta';
import { CATEGORIES } from '../../core/data/categories';
import { calendarYears, retentionSettings, type CalendarOverrides, type SettingEdit } from '../../core/meta/model';
import type { MetaPort } from '../../core/meta/port';
import * as meta from '../../core/meta/use-cases';
import { DEFAULT_RETENTION_YEARS } from '../../core/privacy';
import type { Caller } from '../../core/roles';
import type { RoutingRule } from '../../core/routing';
import { demoOrg, demoRouting, withRetired } from './builders/org';

/** The app's reference data and the admins' settings, over an in-memory MetaPort. */

const admin = { openid: 'a', role: 'admin' } as const satisfies Caller;
const visitor: Caller = { openid: null, role: 'resident' };

/** A port with only these members: a use case reaching for any other fails the test. */
const onlyThese = <P extends object>(members: Partial<P>): P =>
  new Proxy(members as P, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return Reflect.get(target, name);
      throw new Error(`the use case asked the port for ${name}`);
    },
  });

function setup({ holidayYears = [2026] }: { holidayYears?: number[] } = {}) {
  const state: { routing: readonly RoutingRule[]; calendar: CalendarOverrides; retention: number | null } = {
    routing: demoRouting,
    calendar: {},
    retention: null,
  };
  const edits: { setting: string; edit: SettingEdit }[] = [];
  // The county workbook and the organization's storage are no part of these use cases: asked for, they fail the test.
  const port = onlyThese<MetaPort>({
    routingTable: async () => state.routing,
    saveRouting: async (rules, edit) => {
      state.routing = structuredClone(rules);
      edits.push({ setting: 'routing', edit });
    },
    calendarOverrides: async () => ({ ...state.calendar }),
    saveCalendar: async (overrides, edit) => {
      state.calendar = { ...overrides };
      edits.push({ setting: 'calendar', edit });
    },
    hasOfficialHolidays: async (year) => holidayYears.includes(year),
    retentionYears: async () => state.retention ?? DEFAULT_RETENTION_YEARS,
    saveRetention: async (years, edit) => {
      state.retention = years;
      edits.push({ setting: 'retention', edit });
    },
    notificationTemplates: () => ({
      caseUpdate: 'tpl-update',
      caseNew: 'tpl-new',
      caseNewLongTerm: false,
      fairUpdate: 'tpl-fair',
      activityUpdate: 'tpl-activity',
    }),
  });
  const deps = (now = '2026-06-01T02:00:00.000Z', org = demoOrg): meta.MetaDeps => ({ port, now: new Date(now), org });
  return { deps, state, edits };
}

describe('meta rules', () => {
  test('the calendar years are this year and the next in China: at 16:00 UTC on New Year’s Eve the new year has begun', () => {
    expect(calendarYears(new Date('2026-06-01T00:00:00Z'))).toEqual([2026, 2027]);
    expect(calendarYears(new Date('2026-12-31T15:59:59Z'))).toEqual([2026, 2027]);
    expect(calendarYears(new Date('2026-12-31T16:00:00Z'))).toEqual([2027, 2028]);
  });

  test('a retention answer shows the default beside the saved period', () => {
    expect(retentionSettings(7)).toEqual({ closedCaseYears: 7, defaultYears: DEFAULT_RETENTION_YEARS });
  });
});

describe('meta use cases', () => {
  test('get answers the taxonomy, the templates and who takes each category county-wide', async () => {
    const { deps } = setup();
    const data = await meta.getMeta(deps(), visitor);
    expect(data.categories.map((c) => c.id)).toEqual(CATEGORIES.map((c) => c.id));
    expect(data.notifications.caseNew).toBe('tpl-new');
    expect(data.routing.rules).toHaveLength(CATEGORIES.length);
    expect(data.routing.overrides).toEqual([]);
    expect(data.routing.fallbackDepartmentId).toBe('office');
    // A copy: the app's list cannot change the taxonomy the rules read.
    data.categories.pop();
    expect((await meta.getMeta(deps(), visitor)).categories).toHaveLength(CATEGORIES.length);
  });

  test('ping answers the cloud’s clock', async () => {
    const { deps } = setup();
    expect(await meta.pingCloud(deps('2026-03-04T05:06:07.000Z'), visitor)).toEqual({ pong: true, now: '2026-03-04T05:06:07.000Z' });
  });

  test('a saved routing table is what get and routing answer next, stamped with who saved it and when', async () => {
    const { deps, edits } = setup();
    const rules: RoutingRule[] = [
      { category: 'housing', departmentId: 'housing' },
      { category: 'housing', regionId: 'chengguan', departmentId: 'civil' },
    ];
    const saved = await meta.saveRoutingTable(deps(), admin, { rules });
    expect(saved.rules).toEqual(rules);
    expect(saved.summary.overrides).toEqual([rules[1]]);
    // A category the table no longer names falls to the dispatcher.
    expect(saved.summary.rules.find((r) => r.category === 'employment')?.departmentId).toBe('office');
    expect(saved.summary.rules.find((r) => r.category === 'housing')?.departmentId).toBe('housing');
    expect(edits).toEqual([{ setting: 'routing', edit: { at: new Date('2026-06-01T02:00:00.000Z'), by: 'a' } }]);
    expect(await meta.getRoutingTable(deps(), admin)).toEqual({ rules });
    expect((await meta.getMeta(deps(), visitor)).routing).toEqual(saved.summary);
  });

  test('get lists the county’s units, its 乡镇/街道 and its stations as the organization holds them', async () => {
    const { deps } = setup();
    const data = await meta.getMeta(deps(), visitor);
    expect(data.departments.map((d) => d.id)).toEqual(demoOrg.units.map((u) => u.id));
    expect(data.regions.map((r) => r.id)).toEqual(demoOrg.regions.map((r) => r.id));
    expect(data.stations.map((u) => u.id)).toEqual(demoOrg.regions.map((r) => `station-${r.id}`));
    expect(data.stations.every((u) => u.kind === 'station')).toBe(true);
    // Another county's organization, another answer: nothing of the demo county is compiled in.
    const tiny = { units: [demoOrg.units.find((u) => u.id === 'civil')!], regions: [demoOrg.regions[0]!], dispatchUnitId: 'civil' };
    const other = await meta.getMeta(deps(undefined, tiny), visitor);
    expect(other.departments.map((d) => d.id)).toEqual(['civil']);
    expect(other.stations).toEqual([]);
    expect(other.routing.fallbackDepartmentId).toBe('civil');
  });

  test('a routing table naming a unit or 乡镇 the county does not have is INVALID_INPUT at each rule, and not saved', async () => {
    const { deps, state, edits } = setup();
    const rules: RoutingRule[] = [
      { category: 'housing', departmentId: 'housing' },
      { category: 'relief', regionId: 'atlantis', departmentId: 'civil' },
      { category: 'medical', departmentId: 'finance' },
    ];
    const e = await meta.saveRoutingTable(deps(), admin, { rules }).then(
      () => null,
      (err: unknown) => err as { code: string; issues: { path: unknown[] }[] },
    );
    expect(e?.code).toBe('INVALID_INPUT');
    expect(e?.issues.map((i) => i.path)).toEqual([
      ['rules', 2, 'departmentId'],
      ['rules', 1, 'regionId'],
    ]);
    // A retired unit is refused in a new rule: it takes nothing new.
    const retiredOrg = withRetired(demoOrg, 'housing');
    const fresh: RoutingRule = { category: 'housing', regionId: 'hekou', departmentId: 'housing' };
    const retired = await meta.saveRoutingTable(deps(undefined, retiredOrg), admin, { rules: [...demoRouting, fresh] }).then(
      () => 'saved',
      (err: { code: string }) => err.code,
    );
    expect(retired).toBe('INVALID_INPUT');
    expect(state.routing).toBe(demoRouting);
    expect(edits).toEqual([]);
    // A stored rule kept as it was still saves (routing skips it), so the table stays editable.
    const kept = await meta.saveRoutingTable(deps(undefined, retiredOrg), admin, {
      rules: demoRouting.filter((r) => r.category !== 'legal'),
    });
    expect(kept.rules.some((r) => r.departmentId === 'housing')).toBe(true);
    // A rule sending a category in one township to its station is saved.
    const station: RoutingRule = { category: 'relief', regionId: 'hekou', departmentId: 'station-hekou' };
    expect((await meta.saveRoutingTable(deps(), admin, { rules: [...demoRouting, station] })).summary.overrides).toEqual([station]);
  });

  test('the contract refuses two rules for one category in one region, so the use case never sees them', () => {
    const twice = { category: 'housing', regionId: 'chengguan', departmentId: 'civil' };
    expect(metaContract.saveRouting.safeParse({ rules: [twice, { ...twice, departmentId: 'housing' }] }).success).toBe(false);
    expect(metaContract.saveRouting.safeParse({ rules: [twice] }).success).toBe(true);
  });

  test('the calendar shows the corrections as saved, and which of this year and next the official data covers', async () => {
    const { deps, edits } = setup({ holidayYears: [2026] });
    expect(await meta.getCalendarSettings(deps(), admin)).toEqual({
      overrides: {},
      years: [
        { year: 2026, hasOfficialData: true },
        { year: 2027, hasOfficialData: false },
      ],
    });
    const overrides: CalendarOverrides = { '2027-01-01': 'holiday', '2027-02-07': 'workday' };
    expect(await meta.saveCalendarOverrides(deps(), admin, { overrides })).toEqual({ overrides });
    expect(edits.map((e) => e.setting)).toEqual(['calendar']);
    const after = await meta.getCalendarSettings(deps('2027-03-01T00:00:00.000Z'), admin);
    expect(after.overrides).toEqual(overrides);
    expect(after.years).toEqual([
      { year: 2027, hasOfficialData: false },
      { year: 2028, hasOfficialData: false },
    ]);
  });

  test('retention answers the default until an admin saves a period, then the period', async () => {
    const { deps, edits } = setup();
    expect(await meta.getRetention(deps(), admin)).toEqual({
      closedCaseYears: DEFAULT_RETENTION_YEARS,
      defaultYears: DEFAULT_RETENTION_YEARS,
    });
    expect(await meta.saveRetention(deps(), admin, { closedCaseYears: 10 })).toEqual({
      closedCaseYears: 10,
      defaultYears: DEFAULT_RETENTION_YEARS,
    });
    expect(await meta.getRetention(deps(), admin)).toEqual({ closedCaseYears: 10, defaultYears: DEFAULT_RETENTION_YEARS });
    expect(edits).toEqual([{ setting: 'retention', edit: { at: new Date('2026-06-01T02:00:00.000Z'), by: 'a' } }]);
  });
});
