import { AppError } from '../../core/envelope';
import {
  activeUnits,
  findRegion,
  findUnit,
  isActiveUnit,
  nameKey,
  regionName,
  requireKnown,
  stationOf,
  unitName,
  unitShortName,
} from '../../core/org/model';
import { demoOrg, withRetired, withUnit } from './builders/org';

const found = (text: string) => findUnit(demoOrg, text)?.id;

describe('nameKey: how spreadsheets write a unit, reduced for comparing', () => {
  test.each([
    ['县人社局', '人社局'],
    ['本县民政局', '民政局'],
    ['全县教育局', '教育局'],
    [' 人社局 ', '人社局'],
    ['司法局 · 法律援助中心', '司法局法律援助中心'],
    ['（县）民政局', '民政局'],
    ['人社局，', '人社局'],
    // Full-width letters and digits read as their ASCII forms.
    ['ＡＢ１局', 'AB1局'],
  ])('%s → %s', (text, key) => expect(nameKey(text)).toBe(key));

  test('only a leading 县 is dropped', () => {
    expect(nameKey('县城管局')).toBe('城管局');
    expect(nameKey('人民武装部县')).toBe('人民武装部县');
    expect(nameKey('县')).toBe('');
  });
});

describe('findUnit: by id, name, short name or alias, with or without 县', () => {
  test.each([
    ['hrss', 'hrss'],
    ['人力资源和社会保障局', 'hrss'],
    ['县人力资源和社会保障局', 'hrss'],
    ['人社局', 'hrss'],
    ['县人社局', 'hrss'],
    ['人力社保局', 'hrss'],
    ['民政局', 'civil'],
    ['县民政局', 'civil'],
    ['卫健局', 'health'],
    ['县卫生健康委员会', 'health'],
    ['县人武部', 'pafd'],
    ['人武部', 'pafd'],
    ['司法局·法律援助中心', 'justice'],
    ['法律援助中心', 'justice'],
    ['县双拥工作领导小组办公室', 'office'],
    ['河口镇退役军人服务站', 'station-hekou'],
    ['城关服务站', 'station-chengguan'],
  ])('%s is %s', (text, id) => expect(found(text)).toBe(id));

  test('names it does not hold find nothing', () => {
    expect(found('财政局')).toBeUndefined();
    expect(found('')).toBeUndefined();
    expect(found('县')).toBeUndefined();
    expect(found('   ')).toBeUndefined();
    // An id is matched exactly: a unit's id in capitals is not its id.
    expect(found('HRSS')).toBeUndefined();
  });

  test('a unit the county adds is found by its alias like the seeded ones', () => {
    const org = withUnit(demoOrg, { id: 'finance', name: '财政局', aliases: ['县财政局', '财政'] });
    expect(findUnit(org, '县财政局')?.id).toBe('finance');
    expect(findUnit(org, '财政')?.id).toBe('finance');
    expect(findUnit(demoOrg, '财政')).toBeUndefined();
  });

  test('a retired unit is still found (old spreadsheets name it) but is not active', () => {
    const org = withRetired(demoOrg, 'medins');
    expect(findUnit(org, '医保局')?.id).toBe('medins');
    expect(isActiveUnit(org, 'medins')).toBe(false);
    expect(activeUnits(org).map((u) => u.id)).not.toContain('medins');
    expect(activeUnits(demoOrg).map((u) => u.id)).toContain('medins');
  });
});

describe('regions, stations and names', () => {
  test('findRegion by id or name, with or without 县', () => {
    expect(findRegion(demoOrg, 'hekou')?.name).toBe('河口镇');
    expect(findRegion(demoOrg, '河口镇')?.id).toBe('hekou');
    expect(findRegion(demoOrg, ' 白云乡 ')?.id).toBe('baiyun');
    expect(findRegion(demoOrg, '县柳林乡')?.id).toBe('liulin');
    expect(findRegion(demoOrg, '河口')).toBeUndefined();
  });

  test("each township's station, and none once it is retired", () => {
    for (const r of demoOrg.regions) expect(stationOf(demoOrg, r.id)?.id).toBe(`station-${r.id}`);
    expect(stationOf(withRetired(demoOrg, 'station-hekou'), 'hekou')).toBeUndefined();
    expect(stationOf(demoOrg, 'nowhere')).toBeUndefined();
  });

  test('an id the county no longer knows is shown as itself', () => {
    expect(unitName(demoOrg, 'civil')).toBe('民政局');
    expect(unitShortName(demoOrg, 'health')).toBe('卫健委');
    expect(regionName(demoOrg, 'hekou')).toBe('河口镇');
    expect(unitName(demoOrg, 'gone')).toBe('gone');
    expect(unitShortName(demoOrg, 'gone')).toBe('gone');
    expect(regionName(demoOrg, 'atlantis')).toBe('atlantis');
  });
});

describe('requireKnown: ids the county does not have are refused, at their path', () => {
  const refused = (f: () => void): AppError => {
    try {
      f();
    } catch (e) {
      if (e instanceof AppError) return e;
      throw e;
    }
    throw new Error('not refused');
  };

  test('known, active ids and absent ones pass', () => {
    expect(() =>
      requireKnown(demoOrg, {
        units: [
          { path: ['departmentId'], id: 'civil' },
          { path: ['ownerDepartmentId'], id: undefined },
        ],
        regions: [{ path: ['regionId'], id: 'hekou' }],
      }),
    ).not.toThrow();
    expect(() => requireKnown(demoOrg, {})).not.toThrow();
  });

  test('one unknown unit: INVALID_INPUT naming the id, with one issue at its path', () => {
    const e = refused(() => requireKnown(demoOrg, { units: [{ path: ['departmentId'], id: 'finance' }] }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('finance');
    expect(e.issues).toEqual([{ path: ['departmentId'], message: expect.stringContaining('finance'), code: 'invalid_value' }]);
  });

  test('a retired unit is refused like an unknown one', () => {
    const e = refused(() => requireKnown(withRetired(demoOrg, 'civil'), { units: [{ path: ['departmentId'], id: 'civil' }] }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues?.[0]?.path).toEqual(['departmentId']);
  });

  test('several bad ids: one issue each, at nested paths, units and regions alike', () => {
    const e = refused(() =>
      requireKnown(demoOrg, {
        units: [
          { path: ['ownerDepartments', 0], id: 'civil' },
          { path: ['ownerDepartments', 1], id: 'finance' },
          { path: ['rules', 3, 'departmentId'], id: 'gone' },
        ],
        regions: [{ path: ['rules', 3, 'regionId'], id: 'atlantis' }],
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('填写的单位或乡镇有误');
    expect(e.issues?.map((i) => i.path)).toEqual([
      ['ownerDepartments', 1],
      ['rules', 3, 'departmentId'],
      ['rules', 3, 'regionId'],
    ]);
    expect(e.issues?.[2]?.message).toContain('atlantis');
  });
});
