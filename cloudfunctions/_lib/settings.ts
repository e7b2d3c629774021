import { DEFAULT_RETENTION_YEARS } from '../../core/privacy';
import { EMPTY_ORGANIZATION, type Organization, type Region, type Unit } from '../../core/org/model';
import { defaultRouting, type RoutingRule } from '../../core/routing';
import type { CalendarOverrides } from '../../core/server/working-calendar';
import { db, firstRow, pagedRows } from './cloud';

/**
 * Data every call (the county's organization) or every submission (the routing table, the calendar's
 * corrections) reads, kept for a few seconds per warm instance: an admin's edit reaches the instance that
 * made it at once and the others within TTL_MS.
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

type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string; updatedAt?: string; updatedBy?: string };
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the edit stamps are not part of the organization
const withId = <T extends { id: string }>({ _id, updatedAt, updatedBy, ...rest }: Stored<T>): T => ({ id: _id, ...rest }) as unknown as T;

/** Every unit and 乡镇/街道, retired ones included (old cases still name them), and the dispatch unit. */
const organization = cached(async (): Promise<Organization> => {
  const collection = (name: string) => (skip: number, n: number) => db().collection(name).orderBy('_id', 'asc').skip(skip).limit(n);
  const [units, regions, setting] = await Promise.all([
    pagedRows<Stored<Unit>>(collection('units')),
    pagedRows<Stored<Region>>(collection('regions')),
    firstRow<{ dispatchUnitId?: string }>(db().collection('settings').where({ _id: 'org' }).limit(1)),
  ]);
  return {
    units: units.map(withId<Unit>),
    regions: regions.map(withId<Region>),
    dispatchUnitId: setting?.dispatchUnitId ?? EMPTY_ORGANIZATION.dispatchUnitId,
  };
});

const routing = cached(async (): Promise<readonly RoutingRule[]> => {
  const [stored, org] = await Promise.all([
    firstRow<{ rules?: RoutingRule[] }>(db().collection('routing').where({ _id: 'table' }).limit(1)),
    organization.get(),
  ]);
  return stored?.rules ?? defaultRouting(org);
});

const calendar = cached(async (): Promise<CalendarOverrides> => {
  const stored = await firstRow<{ overrides?: CalendarOverrides }>(db().collection('settings').where({ _id: 'calendar' }).limit(1));
  return stored?.overrides ?? {};
});

/** The county's units, 乡镇/街道 and dispatch unit, as imported (meta.importCounty) or edited. */
export const loadOrganization = (): Promise<Organization> => organization.get();
/** After an import or an edit: this instance reads the organization, and the default table built from it, again. */
export function forgetOrganization(): void {
  organization.forget();
  routing.forget();
}

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
