import type { MetaData } from '../../../core/contracts/meta';

/** Which department the routing table sends a category to, a region override first (as cases.submit does). */
export function departmentFor(meta: MetaData, category: string, region: string): { id: string; name: string } {
  const override = region ? meta.routing.overrides.find((o) => o.category === category && o.regionId === region) : undefined;
  const id =
    override?.departmentId ?? meta.routing.rules.find((r) => r.category === category)?.departmentId ?? meta.routing.fallbackDepartmentId;
  return { id, name: meta.departments.find((d) => d.id === id)?.name ?? '双拥办' };
}

export const categoryName = (meta: MetaData, id: string): string => meta.categories.find((c) => c.id === id)?.name ?? id;

/** 教育局受理，一般 5 个工作日内答复 — what a person can expect before they submit (DESIGN.md, time limits). */
export function expectation(meta: MetaData, category: string, region: string, urgent: boolean): string {
  const dept = departmentFor(meta, category, region).name;
  if (urgent) return `${dept}受理，2 小时内签收，1 个工作日内答复`;
  const days = meta.categories.find((c) => c.id === category)?.resolveWorkdays ?? 5;
  return `${dept}受理，一般 ${days} 个工作日内答复`;
}
