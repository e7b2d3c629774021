import type { Organization, Unit } from '../../../core/org/model';
import { defaultRouting } from '../../../core/routing';
import { DEMO_ORGANIZATION } from '../../../local/seed/org';

/**
 * The demo county the local host seeds: ten county units (the 双拥办 `office` dispatching), eight
 * 乡镇/街道 and a 退役军人服务站 in each (`station-<regionId>`). The tests' county unless one says otherwise.
 */
export const demoOrg: Organization = DEMO_ORGANIZATION;

/** The demo county's default routing table, built from what each unit takes by default. */
export const demoRouting = defaultRouting(demoOrg);

/** The demo county with these units retired: they keep their history but take nothing new. */
export const withRetired = (org: Organization, ...ids: string[]): Organization => ({
  ...org,
  units: org.units.map((u) => (ids.includes(u.id) ? { ...u, retired: true } : u)),
});

/** The demo county with one more unit; override what a test is about. */
export function withUnit(org: Organization, unit: Partial<Unit> & Pick<Unit, 'id' | 'name'>): Organization {
  const added: Unit = {
    shortName: unit.name,
    aliases: [],
    kind: 'county',
    defaultCategories: [],
    contact: {},
    runsFairs: false,
    retired: false,
    ...unit,
  };
  return { ...org, units: [...org.units, added] };
}
