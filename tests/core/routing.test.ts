import { CATEGORIES, CATEGORY_IDS } from '../../core/data/categories';
import { defaultRouting, routeCase, routingSummary, type RoutingRule } from '../../core/routing';
import { demoOrg, demoRouting, withRetired } from './builders/org';

// The demo county's default table (docs/domain.md), row by row: category → department. It is built from
// the categories each seeded unit takes by default, so this pins the seed as much as the builder.
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

const nameOf = (id: string) => demoOrg.units.find((u) => u.id === id)!.name;

describe('default routing', () => {
  test.each(Object.entries(EXPECTED))('%s goes to %s in every region', (category, departmentId) => {
    for (const region of demoOrg.regions) {
      const decision = routeCase(demoOrg, demoRouting, category as never, region.id);
      expect(decision.departmentId).toBe(departmentId);
      expect(decision.rule).not.toBeNull();
      expect(decision.reason).toContain(nameOf(departmentId));
    }
  });

  test('every category has exactly one county-wide rule', () => {
    for (const id of CATEGORY_IDS) expect(demoRouting.filter((r) => r.category === id && !r.regionId)).toHaveLength(1);
    expect(Object.keys(EXPECTED).sort()).toEqual([...CATEGORY_IDS].sort());
  });

  test('a retired unit gets no rule in the default table', () => {
    const table = defaultRouting(withRetired(demoOrg, 'hrss'));
    expect(table.some((r) => r.departmentId === 'hrss')).toBe(false);
    expect(table.filter((r) => r.category === 'employment')).toEqual([]);
  });
});

describe('overrides and fallback', () => {
  const table: RoutingRule[] = [...demoRouting, { category: 'medical', regionId: 'hekou', departmentId: 'medins' }];

  test('a region override beats the county-wide rule only in its region', () => {
    expect(routeCase(demoOrg, table, 'medical', 'hekou')).toMatchObject({
      departmentId: 'medins',
      reason: expect.stringContaining('河口镇'),
    });
    expect(routeCase(demoOrg, table, 'medical', 'chengguan').departmentId).toBe('health');
  });

  test('a category no rule claims goes to the 双拥办 with a reason', () => {
    const withoutHousing = demoRouting.filter((r) => r.category !== 'housing');
    expect(routeCase(demoOrg, withoutHousing, 'housing', 'qingshan')).toEqual({
      departmentId: 'office',
      rule: null,
      reason: expect.stringContaining('双拥办分派'),
    });
  });

  test('the dispatch unit is the one the county names, not a fixed id', () => {
    const org = { ...demoOrg, dispatchUnitId: 'vab' };
    const withoutHousing = demoRouting.filter((r) => r.category !== 'housing');
    expect(routeCase(org, withoutHousing, 'housing', 'qingshan')).toMatchObject({
      departmentId: 'vab',
      rule: null,
      reason: expect.stringContaining('退役军人事务局分派'),
    });
    expect(routingSummary(org, withoutHousing).fallbackDepartmentId).toBe('vab');
  });

  test('the summary lists every category and the overrides', () => {
    const summary = routingSummary(demoOrg, table);
    expect(summary.rules.map((r) => r.category)).toEqual(CATEGORIES.map((c) => c.id));
    expect(summary.overrides).toEqual([{ category: 'medical', regionId: 'hekou', departmentId: 'medins' }]);
    expect(summary.fallbackDepartmentId).toBe('office');
  });
});

describe('retired units and stations', () => {
  // The table was saved while 人社局 still took employment; the county has since retired it.
  const retired = withRetired(demoOrg, 'hrss');

  test("a retired unit's county-wide rule is skipped and the case falls to the dispatch unit", () => {
    const decision = routeCase(retired, demoRouting, 'employment', 'hekou');
    expect(decision).toEqual({ departmentId: 'office', rule: null, reason: expect.stringContaining('由双拥办分派') });
    expect(decision.reason).not.toContain('人力资源和社会保障局');
    // The same table routes employment to 人社局 while it is active.
    expect(routeCase(demoOrg, demoRouting, 'employment', 'hekou').departmentId).toBe('hrss');
  });

  test("a retired unit's regional rule is skipped for the county-wide one", () => {
    const table: RoutingRule[] = [...demoRouting, { category: 'employment', regionId: 'hekou', departmentId: 'station-hekou' }];
    expect(routeCase(withRetired(demoOrg, 'station-hekou'), table, 'employment', 'hekou')).toMatchObject({
      departmentId: 'hrss',
      rule: { category: 'employment', departmentId: 'hrss' },
    });
  });

  test('the summary names the dispatch unit for a category whose unit is retired', () => {
    const rule = routingSummary(retired, demoRouting).rules.find((r) => r.category === 'employment');
    expect(rule).toEqual({ category: 'employment', departmentId: 'office' });
  });

  test("a regional rule sends a category in one township to that township's station", () => {
    const table: RoutingRule[] = [...demoRouting, { category: 'relief', regionId: 'liulin', departmentId: 'station-liulin' }];
    expect(routeCase(demoOrg, table, 'relief', 'liulin')).toEqual({
      departmentId: 'station-liulin',
      rule: { category: 'relief', regionId: 'liulin', departmentId: 'station-liulin' },
      reason: '柳林乡的「帮扶救助」事项由柳林乡退役军人服务站办理',
    });
    // Relief elsewhere still goes to the 民政局.
    expect(routeCase(demoOrg, table, 'relief', 'baiyun').departmentId).toBe('civil');
  });
});
