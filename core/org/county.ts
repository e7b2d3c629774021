/**
 * The county setup workbook: its three sheets (成员单位, 乡镇街道, 服务站), their columns, and how a
 * workbook's rows become the county's organization. Rows add or update by id (编号) or by name; a unit or
 * 乡镇 the workbook leaves out stays as it was. Every problem is named by sheet and row, and a workbook with
 * any problem changes nothing. Reading and writing the .xlsx itself is core/server/county-xlsx.ts.
 */
import { CATEGORIES, type CategoryId } from '../data/categories';
import { AppError, type Issue } from '../envelope';
import {
  ORG_ID_PATTERN,
  REGION_KINDS,
  REGIONS_MAX,
  UNIT_KIND_NAMES,
  UNITS_MAX,
  type Region,
  type Unit,
  type UnitKind,
} from '../contracts/org';
import { findRegion, findUnit, nameKey, type Organization } from './model';

export const COUNTY_SHEETS = { units: '成员单位', regions: '乡镇街道', stations: '服务站' } as const;
export type CountySheet = keyof typeof COUNTY_SHEETS;

export const COUNTY_COLUMNS = {
  units: [
    '编号',
    '单位名称',
    '简称',
    '别名',
    '类型',
    '所在乡镇',
    '默认事项',
    '办公电话',
    '办公地址',
    '办公时间',
    '一把手',
    '一把手职务',
    '双拥专人',
    '专人职务',
    '组织招聘会',
    '分派单位',
    '状态',
  ],
  regions: ['编号', '名称', '类型', '纬度', '经度', '状态'],
  stations: [
    '编号',
    '名称',
    '简称',
    '别名',
    '所在乡镇',
    '默认事项',
    '办公电话',
    '办公地址',
    '办公时间',
    '站长',
    '双拥专人',
    '专人职务',
    '状态',
  ],
} as const satisfies Record<CountySheet, readonly string[]>;

/** One row as the sheet numbers it, its cells by column heading. */
export interface CountyRow {
  row: number;
  cells: Record<string, string>;
}

export type CountyRows = Record<CountySheet, CountyRow[]>;

export interface CountyImport {
  /** The units and 乡镇 the workbook adds or changes, to be stored. */
  units: Unit[];
  regions: Region[];
  dispatchUnitId: string;
  counts: { units: number; regions: number; stations: number; added: number; updated: number };
}

const RETIRED = '已撤销';
const YES = '是';
const LIST_SPLIT = /[、,，;；\s]+/;
const ISSUES_MAX = 50;

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(LIST_SPLIT)
    .map((s) => s.trim())
    .filter(Boolean);

const categoryOf = (text: string): CategoryId | undefined =>
  CATEGORIES.find((c) => c.id === text || c.name === text || nameKey(c.name) === nameKey(text))?.id;

const KIND_BY_NAME = new Map<string, UnitKind>(
  Object.entries(UNIT_KIND_NAMES).flatMap(([kind, name]) => [
    [name, kind as UnitKind],
    [kind, kind as UnitKind],
  ]),
);
// What counties write in the 类型 column besides the product's own words.
for (const [alias, kind] of [
  ['县直部门', 'county'],
  ['部门', 'county'],
  ['乡镇', 'township'],
  ['街道', 'township'],
  ['乡镇街道', 'township'],
  ['部队', 'military'],
  ['驻军', 'military'],
  ['服务站', 'station'],
] as const)
  KIND_BY_NAME.set(alias, kind);

/** The kind of a 乡镇/街道 from its heading, or from the end of its name when the cell is empty. */
function regionKind(text: string, name: string): Region['kind'] | undefined {
  const given = REGION_KINDS.find((k) => k === text);
  if (given || text) return given;
  return REGION_KINDS.find((k) => name.endsWith(k));
}

/**
 * Resolves a workbook's rows against the stored organization. `idFor` makes an id for a new unit or 乡镇
 * from its name (the server spells it in pinyin); ids already taken get a number.
 */
export function resolveCounty(org: Organization, rows: CountyRows, idFor: (name: string) => string): CountyImport {
  const issues: Issue[] = [];
  let problems = 0;
  const problem = (sheet: CountySheet, row: number, message: string) => {
    problems++;
    if (issues.length < ISSUES_MAX)
      issues.push({
        path: ['sheet', COUNTY_SHEETS[sheet], 'row', row],
        message: `${COUNTY_SHEETS[sheet]} 第 ${row} 行：${message}`,
        code: 'invalid_row',
      });
  };

  const taken = new Set([...org.units.map((u) => u.id), ...org.regions.map((r) => r.id)]);
  const newId = (name: string, prefix = '') => {
    const base = `${prefix}${idFor(name)}`.slice(0, 36) || `${prefix}unit`;
    let id = ORG_ID_PATTERN.test(base) ? base : `u-${base}`.replace(/[^a-z0-9_-]/g, '').slice(0, 36);
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const givenId = (sheet: CountySheet, row: number, text: string | undefined): string | undefined => {
    const id = text?.trim().toLowerCase();
    if (!id) return undefined;
    if (!ORG_ID_PATTERN.test(id)) return void problem(sheet, row, `编号“${text}”只能用小写字母、数字、- 或 _，以字母开头，2–40 位`);
    return id;
  };
  const status = (sheet: CountySheet, row: number, text: string | undefined, before: boolean | undefined): boolean => {
    if (!text) return before ?? false;
    if (text === RETIRED) return true;
    if (text === '在用' || text === '正常') return false;
    problem(sheet, row, `状态只能填“在用”或“${RETIRED}”，不认识“${text}”`);
    return false;
  };

  // ---- 乡镇街道 ----
  const regions = new Map(org.regions.map((r) => [r.id, r]));
  const changedRegions = new Map<string, Region>();
  const regionRows = new Map<string, number>();
  let added = 0;
  let updated = 0;
  for (const { row, cells } of rows.regions) {
    const name = cells['名称']?.trim() ?? '';
    if (!name) {
      problem('regions', row, '缺少名称');
      continue;
    }
    const key = nameKey(name);
    const twin = regionRows.get(key);
    if (twin !== undefined) problem('regions', row, `与第 ${twin} 行重名：${name}`);
    regionRows.set(key, row);
    const id = givenId('regions', row, cells['编号']);
    const before = (id ? regions.get(id) : undefined) ?? (id ? undefined : findRegion(org, name));
    const kind = regionKind(cells['类型'] ?? '', name);
    if (!kind) problem('regions', row, `类型只能是 ${REGION_KINDS.join('、')}`);
    const [lat, lng] = [cells['纬度'], cells['经度']].map((v) => (v ? Number(v) : undefined));
    const hasCenter = lat !== undefined && lng !== undefined;
    if ((lat === undefined) !== (lng === undefined) || (hasCenter && !(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)))
      problem('regions', row, '纬度、经度要一起填，是合理的数字（例如 30.51、114.30）');
    const region: Region = {
      id: before?.id ?? id ?? newId(name),
      name,
      kind: kind ?? '镇',
      retired: status('regions', row, cells['状态'], before?.retired),
    };
    const center = hasCenter ? { lat, lng } : before?.center;
    if (center) region.center = center;
    if (before) updated++;
    else added++;
    regions.set(region.id, region);
    changedRegions.set(region.id, region);
  }
  const merged: Organization = { ...org, regions: [...regions.values()] };
  const regionOf = (sheet: CountySheet, row: number, text: string | undefined, required: boolean): string | undefined => {
    if (!text) {
      if (required) problem(sheet, row, '缺少所在乡镇');
      return undefined;
    }
    const region = findRegion(merged, text);
    if (!region) problem(sheet, row, `所在乡镇“${text}”不在乡镇街道表里，也不是本县已有的乡镇`);
    return region?.id;
  };

  // ---- 成员单位 and 服务站 ----
  const units = new Map(org.units.map((u) => [u.id, u]));
  const changedUnits = new Map<string, Unit>();
  const nameRows = new Map<string, { sheet: CountySheet; row: number }>();
  const dispatchRows: number[] = [];
  let dispatchUnitId = org.dispatchUnitId;
  const readUnit = (sheet: 'units' | 'stations', { row, cells }: CountyRow) => {
    const name = cells[sheet === 'units' ? '单位名称' : '名称']?.trim() ?? '';
    if (!name) return problem(sheet, row, '缺少名称');
    const id = givenId(sheet, row, cells['编号']);
    const before = (id ? units.get(id) : undefined) ?? (id ? undefined : findUnit(org, name));
    const kind =
      sheet === 'stations'
        ? 'station'
        : (KIND_BY_NAME.get(cells['类型'] ?? '') ?? (cells['类型'] ? undefined : (before?.kind ?? 'county')));
    if (!kind) problem(sheet, row, `类型只能是 ${Object.values(UNIT_KIND_NAMES).join('、')}，不认识“${cells['类型']}”`);
    const aliases = list(cells['别名']);
    for (const n of new Set([name, cells['简称'] ?? '', ...aliases].map(nameKey).filter(Boolean))) {
      const twin = nameRows.get(n);
      if (twin) problem(sheet, row, `名称或别名与${COUNTY_SHEETS[twin.sheet]}第 ${twin.row} 行重复：${name}`);
      else nameRows.set(n, { sheet, row });
    }
    const categories = list(cells['默认事项']).flatMap((text) => {
      const category = categoryOf(text);
      if (!category) problem(sheet, row, `不认识的事项类别“${text}”（可用：${CATEGORIES.map((c) => c.name).join('、')}）`);
      return category ? [category] : [];
    });
    const regionId = regionOf(sheet, row, cells['所在乡镇'], kind === 'station' || kind === 'township');
    const person = (nameColumn: string, titleColumn: string) => {
      const personName = cells[nameColumn]?.trim();
      const title = cells[titleColumn]?.trim();
      return personName ? { name: personName, ...(title ? { title } : {}) } : undefined;
    };
    const fairs = cells['组织招聘会'];
    if (fairs && fairs !== YES && fairs !== '否') problem(sheet, row, '“组织招聘会”只能填“是”或“否”');
    const unit: Unit = {
      id: before?.id ?? id ?? newId(name, kind === 'station' ? 'station-' : ''),
      name,
      shortName: cells['简称']?.trim() || before?.shortName || name,
      aliases,
      kind: kind ?? 'county',
      defaultCategories: cells['默认事项'] === undefined ? (before?.defaultCategories ?? []) : categories,
      contact: {
        ...(cells['办公电话'] ? { phone: cells['办公电话'] } : {}),
        ...(cells['办公地址'] ? { address: cells['办公地址'] } : {}),
        ...(cells['办公时间'] ? { hours: cells['办公时间'] } : {}),
      },
      runsFairs: fairs ? fairs === YES : (before?.runsFairs ?? false),
      retired: status(sheet, row, cells['状态'], before?.retired),
    };
    if (regionId) unit.regionId = regionId;
    const leader = person(sheet === 'units' ? '一把手' : '站长', '一把手职务');
    const liaison = person('双拥专人', '专人职务');
    if (leader) unit.leader = leader;
    if (liaison) unit.liaison = liaison;
    if (cells['分派单位'] === YES) {
      dispatchRows.push(row);
      dispatchUnitId = unit.id;
    }
    if (before) updated++;
    else added++;
    units.set(unit.id, unit);
    changedUnits.set(unit.id, unit);
  };
  for (const r of rows.units) readUnit('units', r);
  for (const r of rows.stations) readUnit('stations', r);

  if (dispatchRows.length > 1)
    problem('units', dispatchRows[1] as number, `“分派单位”只能标一个（第 ${dispatchRows.join('、')} 行都标了）`);
  const dispatch = units.get(dispatchUnitId);
  if (!dispatch || dispatch.retired)
    problem('units', dispatchRows[0] ?? 1, '请在“分派单位”一列给双拥办填“是”：没有分派的单位，规则认领不了的求助无人接收');
  if (units.size > UNITS_MAX) problem('units', 1, `全县最多 ${UNITS_MAX} 个单位（导入后会有 ${units.size} 个）`);
  if (regions.size > REGIONS_MAX) problem('regions', 1, `全县最多 ${REGIONS_MAX} 个乡镇街道（导入后会有 ${regions.size} 个）`);

  if (problems) {
    const first = issues[0]?.message ?? '';
    throw new AppError(
      'INVALID_INPUT',
      problems === 1 ? `${first}。表格没有导入` : `表格里有 ${problems} 处问题，什么都没有导入；第一处：${first}`,
      issues,
      problems - issues.length,
    );
  }
  return {
    units: [...changedUnits.values()],
    regions: [...changedRegions.values()],
    dispatchUnitId,
    counts: { units: rows.units.length, regions: rows.regions.length, stations: rows.stations.length, added, updated },
  };
}

/** The organization as the workbook's rows, for the export (and so an export imports back unchanged). */
export function countyRows(org: Organization): Record<CountySheet, string[][]> {
  const regionName = (id: string | undefined) => org.regions.find((r) => r.id === id)?.name ?? '';
  const state = (retired: boolean) => (retired ? RETIRED : '在用');
  // Each record's cells by heading, once; each sheet takes its own columns, in its order.
  const unitCells = (u: Unit): Record<string, string> => ({
    编号: u.id,
    单位名称: u.name,
    名称: u.name,
    简称: u.shortName,
    别名: u.aliases.join('、'),
    类型: UNIT_KIND_NAMES[u.kind],
    所在乡镇: regionName(u.regionId),
    默认事项: u.defaultCategories.map((c) => CATEGORIES.find((k) => k.id === c)?.name ?? c).join('、'),
    办公电话: u.contact.phone ?? '',
    办公地址: u.contact.address ?? '',
    办公时间: u.contact.hours ?? '',
    一把手: u.leader?.name ?? '',
    站长: u.leader?.name ?? '',
    一把手职务: u.leader?.title ?? '',
    双拥专人: u.liaison?.name ?? '',
    专人职务: u.liaison?.title ?? '',
    组织招聘会: u.runsFairs ? YES : '否',
    分派单位: u.id === org.dispatchUnitId ? YES : '',
    状态: state(u.retired),
  });
  const regionCells = (r: Region): Record<string, string> => ({
    编号: r.id,
    名称: r.name,
    类型: r.kind,
    纬度: r.center ? String(r.center.lat) : '',
    经度: r.center ? String(r.center.lng) : '',
    状态: state(r.retired),
  });
  const rowsOf = (sheet: CountySheet, cells: Record<string, string>[]) => cells.map((c) => COUNTY_COLUMNS[sheet].map((h) => c[h] ?? ''));
  return {
    units: rowsOf('units', org.units.filter((u) => u.kind !== 'station').map(unitCells)),
    regions: rowsOf('regions', org.regions.map(regionCells)),
    stations: rowsOf('stations', org.units.filter((u) => u.kind === 'station').map(unitCells)),
  };
}
