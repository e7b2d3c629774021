import { CATEGORIES, categoryById, type CategoryId } from './data/categories';
import { DEPARTMENTS, DISPATCH_DEPARTMENT, departmentById, type DepartmentId } from './data/departments';
import { regionById } from './data/regions';

/** One routing rule: a category, optionally narrowed to one 乡镇/街道, goes to a department. */
export interface RoutingRule {
  category: CategoryId;
  regionId?: string;
  departmentId: DepartmentId;
}

export interface RoutingDecision {
  departmentId: DepartmentId;
  /** Which rule decided, or none when the case fell through to the dispatcher. */
  rule: RoutingRule | null;
  /** Plain-words reason, stored on the case. */
  reason: string;
}

/** The default table: one rule per category a department takes by default. */
export const DEFAULT_ROUTING: readonly RoutingRule[] = DEPARTMENTS.flatMap((d) =>
  d.defaultCategories.map((category) => ({ category, departmentId: d.id })),
);

/** A region override beats the county-wide rule; what nothing claims goes to the 双拥办. */
export function routeCase(table: readonly RoutingRule[], category: CategoryId, regionId: string): RoutingDecision {
  const categoryName = categoryById(category)?.name ?? category;
  const regional = table.find((r) => r.category === category && r.regionId === regionId);
  if (regional) {
    const regionName = regionById(regionId)?.name ?? regionId;
    return {
      departmentId: regional.departmentId,
      rule: regional,
      reason: `${regionName}的「${categoryName}」事项由${departmentById(regional.departmentId)?.name}办理`,
    };
  }
  const general = table.find((r) => r.category === category && r.regionId === undefined);
  if (general) {
    return {
      departmentId: general.departmentId,
      rule: general,
      reason: `「${categoryName}」事项由${departmentById(general.departmentId)?.name}办理`,
    };
  }
  return { departmentId: DISPATCH_DEPARTMENT, rule: null, reason: `「${categoryName}」没有对应的办理部门，由双拥办分派` };
}

/** What `meta.get` shows of the table: each category and who takes it county-wide, plus overrides. */
export function routingSummary(table: readonly RoutingRule[]) {
  return {
    rules: CATEGORIES.map((c) => {
      const general = table.find((r) => r.category === c.id && r.regionId === undefined);
      return { category: c.id, departmentId: general?.departmentId ?? DISPATCH_DEPARTMENT };
    }),
    overrides: table.filter((r) => r.regionId !== undefined),
    fallbackDepartmentId: DISPATCH_DEPARTMENT,
  };
}
