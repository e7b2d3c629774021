/**
 * The demo county's organization: ten county units, its eight 乡镇/街道 and each one's 退役军人服务站.
 * A real county imports its own (meta.importCounty); nothing outside seed data names these ids.
 * Phone numbers use the placeholder area code 0000 and addresses are marked 演示.
 */
import type { Organization, Region, Unit } from '../../core/org/model';
import type { LocalDatabase } from '../engine/database';

const HOURS = '工作日 8:30–12:00，14:30–17:30';

type UnitSeed = Pick<Unit, 'id' | 'name' | 'shortName' | 'defaultCategories'> & Partial<Unit>;

const unit = (u: UnitSeed): Unit => ({
  aliases: [],
  kind: 'county',
  contact: {},
  runsFairs: false,
  retired: false,
  ...u,
});

/** Legal basis of the split: 退役军人保障法 (2020), 军人地位和权益保障法 (2021), 军人抚恤优待条例 (2024). */
const COUNTY_UNITS: Unit[] = [
  unit({
    id: 'vab',
    name: '退役军人事务局',
    shortName: '退役军人局',
    aliases: ['县退役军人事务局', '退役军人事务局', '退役局'],
    defaultCategories: ['placement', 'education', 'pension', 'preferential', 'honor'],
    contact: { phone: '0000-6201001', address: '城关街道拥军路 18 号县政务服务中心三楼（演示地址）', hours: HOURS },
    leader: { name: '周建军', title: '局长' },
    liaison: { name: '陈晓燕', title: '双拥优抚股股长' },
    runsFairs: true,
  }),
  unit({
    id: 'hrss',
    name: '人力资源和社会保障局',
    shortName: '人社局',
    aliases: ['县人力资源和社会保障局', '人社局', '人力社保局'],
    defaultCategories: ['employment', 'social_insurance'],
    contact: { phone: '0000-6202002', address: '城关街道人民路 66 号就业服务大厅（演示地址）', hours: HOURS },
    leader: { name: '刘志强', title: '局长' },
    liaison: { name: '孙丽', title: '就业股股长' },
    runsFairs: true,
  }),
  unit({
    id: 'edu',
    name: '教育局',
    shortName: '教育局',
    defaultCategories: ['children'],
    contact: { phone: '0000-6203003', address: '东城街道文昌路 9 号二楼招生办（演示地址）', hours: HOURS },
  }),
  unit({
    id: 'civil',
    name: '民政局',
    shortName: '民政局',
    defaultCategories: ['relief'],
    contact: { phone: '0000-6204004', address: '西城街道民生路 21 号社会救助窗口（演示地址）', hours: HOURS },
  }),
  unit({
    id: 'health',
    name: '卫生健康委员会',
    shortName: '卫健委',
    aliases: ['卫生健康局', '卫健局'],
    defaultCategories: ['medical'],
    contact: { phone: '0000-6205005', address: '城关街道健康路 3 号（演示地址）', hours: HOURS },
  }),
  unit({
    id: 'medins',
    name: '医疗保障局',
    shortName: '医保局',
    defaultCategories: [],
    contact: { phone: '0000-6206006', address: '城关街道人民路 66 号政务服务中心二楼医保窗口（演示地址）', hours: HOURS },
  }),
  unit({
    id: 'housing',
    name: '住房和城乡建设局',
    shortName: '住建局',
    defaultCategories: ['housing'],
    contact: { phone: '0000-6207007', address: '东城街道建设路 12 号住房保障科（演示地址）', hours: HOURS },
  }),
  unit({
    id: 'justice',
    name: '司法局 · 法律援助中心',
    shortName: '司法局',
    aliases: ['法律援助中心', '县法律援助中心'],
    defaultCategories: ['legal'],
    contact: { phone: '0000-6208008', address: '西城街道法治路 5 号一楼（演示地址）', hours: `${HOURS}；周六上午值班` },
  }),
  unit({
    id: 'pafd',
    name: '人民武装部',
    shortName: '人武部',
    aliases: ['县人民武装部', '县人武部'],
    kind: 'military',
    defaultCategories: ['military_family'],
    contact: { phone: '0000-6209009', address: '城关街道八一路 1 号（演示地址）', hours: '工作日 8:00–12:00，14:30–18:00' },
  }),
  unit({
    id: 'office',
    name: '双拥办',
    shortName: '双拥办',
    aliases: ['县双拥工作领导小组办公室', '双拥工作领导小组办公室'],
    defaultCategories: ['other'],
    contact: { phone: '0000-6200000', address: '城关街道拥军路 18 号县政务服务中心三楼（演示地址）', hours: HOURS },
    leader: { name: '周建军', title: '双拥办主任' },
    liaison: { name: '何静', title: '双拥办专干' },
  }),
];

export const DEMO_REGIONS: Region[] = [
  { id: 'chengguan', name: '城关街道', kind: '街道', center: { lat: 30.5123, lng: 114.3021 }, retired: false },
  { id: 'dongcheng', name: '东城街道', kind: '街道', center: { lat: 30.5208, lng: 114.3187 }, retired: false },
  { id: 'xicheng', name: '西城街道', kind: '街道', center: { lat: 30.5071, lng: 114.2842 }, retired: false },
  { id: 'hekou', name: '河口镇', kind: '镇', center: { lat: 30.4671, lng: 114.2544 }, retired: false },
  { id: 'qingshan', name: '青山镇', kind: '镇', center: { lat: 30.5632, lng: 114.3525 }, retired: false },
  { id: 'shiqiao', name: '石桥镇', kind: '镇', center: { lat: 30.4412, lng: 114.339 }, retired: false },
  { id: 'liulin', name: '柳林乡', kind: '乡', center: { lat: 30.5901, lng: 114.2633 }, retired: false },
  { id: 'baiyun', name: '白云乡', kind: '乡', center: { lat: 30.4188, lng: 114.2411 }, retired: false },
];

/** Each 乡镇/街道's 退役军人服务站: the desk where a resident's case is first handled when a rule says so. */
const STATIONS: Unit[] = DEMO_REGIONS.map((r, i) =>
  unit({
    id: `station-${r.id}`,
    name: `${r.name}退役军人服务站`,
    shortName: `${r.name.replace(/(街道|镇|乡)$/, '')}服务站`,
    kind: 'station',
    regionId: r.id,
    defaultCategories: [],
    contact: { phone: `0000-612000${i + 1}`, hours: HOURS },
  }),
);

export const DEMO_UNITS: Unit[] = [...COUNTY_UNITS, ...STATIONS];

export const DEMO_ORGANIZATION: Organization = { units: DEMO_UNITS, regions: DEMO_REGIONS, dispatchUnitId: 'office' };

/** The demo organization, written as the county workbook import writes it. */
export function seedOrganization(db: LocalDatabase, now: Date): void {
  const at = now.toISOString();
  for (const { id, ...u } of DEMO_UNITS) db.write('units', id, { ...u, updatedAt: at });
  for (const { id, ...r } of DEMO_REGIONS) db.write('regions', id, { ...r, updatedAt: at });
  db.write('settings', 'org', { dispatchUnitId: DEMO_ORGANIZATION.dispatchUnitId, updatedAt: at });
}
