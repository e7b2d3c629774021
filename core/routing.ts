import { CATEGORIES, categoryById, type CategoryId } from './data/categories';
import { activeUnits, isActiveUnit, regionName, unitName, type Organization } from './org/model';

/** One routing rule: a category, optionally narrowed to one 乡镇/街道, goes to a unit (a county unit or a station). */
export interface RoutingRule {
  category: CategoryId;
  regionId?: string;
  departmentId: string;
}

export interface RoutingDecision {
  departmentId: string;
  /** Which rule decided, or none when the case fell through to the dispatcher. */
  rule: RoutingRule | null;
  /** Plain-words reason, stored on the case. */
  reason: string;
}

/** The default table: one rule per category a unit takes by default. */
export const defaultRouting = (org: Organization): RoutingRule[] =>
  activeUnits(org).flatMap((u) => u.defaultCategories.map((category) => ({ category, departmentId: u.id })));

/**
 * A region override beats the county-wide rule; what nothing claims, or a rule names a retired unit
 * for, goes to the dispatch unit.
 */
export function routeCase(org: Organization, table: readonly RoutingRule[], category: CategoryId, regionId: string): RoutingDecision {
  const categoryName = categoryById(category)?.name ?? category;
  const live = (r: RoutingRule) => r.category === category && isActiveUnit(org, r.departmentId);
  const regional = table.find((r) => live(r) && r.regionId === regionId);
  if (regional) {
    return {
      departmentId: regional.departmentId,
      rule: regional,
      reason: `${regionName(org, regionId)}的「${categoryName}」事项由${unitName(org, regional.departmentId)}办理`,
    };
  }
  const general = table.find((r) => live(r) && r.regionId === undefined);
  if (general) {
    return {
      departmentId: general.departmentId,
      rule: general,
      reason: `「${categoryName}」事项由${unitName(org, general.departmentId)}办理`,
    };
  }
  return {
    departmentId: org.dispatchUnitId,
    rule: null,
    reason: `「${categoryName}」没有对应的办理部门，由${unitName(org, org.dispatchUnitId)}分派`,
  };
}

/** What `meta.get` shows of the table: each category and who takes it county-wide, plus overrides. */
export function routingSummary(org: Organization, table: readonly RoutingRule[]) {
  return {
    rules: CATEGORIES.map((c) => {
      const general = table.find((r) => r.category === c.id && r.regionId === undefined && isActiveUnit(org, r.departmentId));
      return { category: c.id, departmentId: general?.departmentId ?? org.dispatchUnitId };
    }),
    overrides: table.filter((r) => r.regionId !== undefined),
    fallbackDepartmentId: org.dispatchUnitId,
  };
}
