import type { MetaData } from '../../core/contracts/meta';
import type { Organization } from '../../core/org/model';
import { callFunction } from './call';

let cached: Promise<MetaData> | null = null;
/** The organization of the last answer, kept so a page opened later draws names at once. */
let known: Organization | null = null;

/** The county's units, 乡镇/街道 and dispatch unit, as `meta.get` lists them. */
export const organizationOf = (meta: MetaData): Organization => ({
  units: meta.departments,
  regions: meta.regions,
  dispatchUnitId: meta.routing.fallbackDepartmentId,
});

/** Categories, departments, regions, identity types and the routing summary; fetched once a session. */
export function getMeta(): Promise<MetaData> {
  if (!cached) {
    const asked = callFunction('meta', { action: 'get' });
    cached = asked;
    asked.then(
      (meta) => {
        if (cached === asked) known = organizationOf(meta);
      },
      // A failed fetch is not cached: the next page to ask tries again.
      () => {
        if (cached === asked) cached = null;
      },
    );
  }
  return cached;
}

/** The county's organization (units, 乡镇/街道, the dispatch unit): data the county imported, never code. */
export const getOrganization = (): Promise<Organization> => getMeta().then(organizationOf);

/** The organization already read this session, if any: what a page shows before its own answer arrives. */
export const knownOrganization = (): Organization | null => known;

/** For tests, and for an admin who just changed the routing table or the county's units. */
export function clearMetaCache(): void {
  cached = null;
  known = null;
}

/** The cloud's clock (`meta.ping`): "this month" is the county's month, even when a device's clock is off. */
export async function serverNow(): Promise<Date> {
  const { now } = await callFunction('meta', { action: 'ping' });
  return new Date(now);
}
