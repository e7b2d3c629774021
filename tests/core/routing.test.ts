import { CATEGORIES, CATEGORY_IDS } from '../../core/data/categories';
import { DEPARTMENTS } from '../../core/data/departments';
import { REGIONS } from '../../core/data/regions';
import { DEFAULT_ROUTING, routeCase, routingSummary, type RoutingRule } from '../../core/routing';

// The demo county's default table (docs/domain.md), row by row: category → department.
const EXPECTED: Record<string, string> = {
  placement: 'vab',
  education: 'vab',
  pension: 'vab',
  preferential: 'vab',
  honor: 'vab',
  employment: 'hrss',
  social_insurance: 'hrss',
  children: 'edu',
  relief: 'civil',
  medical: 'health',
  housing: 'housing',
  legal: 'justice',
  military_family: 'pafd',
  other: 'office',
};

describe('default routing', () => {
  test.each(Object.entries(EXPECTED))('%s goes to %s in every region', (category, departmentId) => {
    for (const region of REGIONS) {
      const decision = routeCase(DEFAULT_ROUTING, category as never, region.id);
      expect(decision.departmentId).toBe(departmentId);
      expect(decision.rule).not.toBeNull();
      expect(decision.reason).toContain(DEPARTMENTS.find((d) => d.id === departmentId)!.name);
    }
  });

  test('every category has exactly one county-wide rule', () => {
    for (const id of CATEGORY_IDS) expect(DEFAULT_ROUTING.filter((r) => r.category === id && !r.regionId)).toHaveLength(1);
    expect(Object.keys(EXPECTED).sort()).toEqual([...CATEGORY_IDS].sort());
  });
});

describe('overrides and fallback', () => {
  const table: RoutingRule[] = [...DEFAULT_ROUTING, { category: 'medical', regionId: 'hekou', departmentId: 'medins' }];

  test('a region override beats the county-wide rule only in its region', () => {
    expect(routeCase(table, 'medical', 'hekou')).toMatchObject({ departmentId: 'medins', reason: expect.stringContaining('河口镇') });
    expect(routeCase(table, 'medical', 'chengguan').departmentId).toBe('health');
  });

  test('a category no rule claims goes to the 双拥办 with a reason', () => {
    const withoutHousing = DEFAULT_ROUTING.filter((r) => r.category !== 'housing');
    expect(routeCase(withoutHousing, 'housing', 'qingshan')).toEqual({
      departmentId: 'office',
      rule: null,
      reason: expect.stringContaining('双拥办分派'),
    });
  });

  test('the summary lists every category and the overrides', () => {
    const summary = routingSummary(table);
    expect(summary.rules.map((r) => r.category)).toEqual(CATEGORIES.map((c) => c.id));
    expect(summary.overrides).toEqual([{ category: 'medical', regionId: 'hekou', departmentId: 'medins' }]);
    expect(summary.fallbackDepartmentId).toBe('office');
  });
});
