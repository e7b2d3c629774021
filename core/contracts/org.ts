/**
 * The county's organization as data (core/org): its member units (成员单位, the 乡镇 governments, the
 * 退役军人服务站 and the units stationed there) and its 乡镇/街道. Ids are the county's own short codes;
 * whether an id names a unit of this county is checked against the stored organization, not here.
 */
import * as z from 'zod/mini';
import { CATEGORY_IDS } from '../data/categories';

export const UNIT_KINDS = ['county', 'township', 'station', 'military'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  county: '县直单位',
  township: '乡镇政府',
  station: '退役军人服务站',
  military: '驻地部队',
};

export const REGION_KINDS = ['街道', '镇', '乡'] as const;

/** How many units and 乡镇/街道 one county may hold: well above any real county's. */
export const UNITS_MAX = 300;
export const REGIONS_MAX = 100;

export const ORG_ID_PATTERN = /^[a-z][a-z0-9_-]{1,39}$/;
/** A unit's or region's id: what cases, rules and staff refer to it by. */
export const orgId = z.string().check(z.regex(ORG_ID_PATTERN, '编号用小写字母、数字、- 或 _，以字母开头，2–40 位'));

const text = (label: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const optionalText = (label: string, max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `${label}最多 ${max} 个字`)));

export const unitContact = z.strictObject({
  phone: optionalText('办公电话', 30),
  address: optionalText('办公地址', 100),
  hours: optionalText('办公时间', 60),
});

/** A person the unit names: its 一把手, or the 专人 responsible for 双拥 work. */
export const unitPerson = z.strictObject({ name: text('姓名', 20), title: optionalText('职务', 30) });

export const unitFields = z.strictObject({
  id: orgId,
  name: text('单位名称', 40),
  shortName: text('简称', 20),
  /** The other names people write for it in spreadsheets (县人社局, 人力资源和社会保障局 …). */
  aliases: z.array(text('别名', 40)).check(z.maxLength(10, '别名最多 10 个')),
  kind: z.enum(UNIT_KINDS, '请选择单位类型'),
  /** A township government's or a station's 乡镇/街道. */
  regionId: z.optional(orgId),
  /** The categories it takes by default; the default routing table is built from them. */
  defaultCategories: z.array(z.enum(CATEGORY_IDS, '不认识的事项类别')),
  contact: unitContact,
  leader: z.optional(unitPerson),
  liaison: z.optional(unitPerson),
  /** Whether its staff may organize job fairs. */
  runsFairs: z.boolean(),
  /** A retired unit keeps its history but takes nothing new and is offered nowhere. */
  retired: z.boolean(),
});
export type Unit = z.output<typeof unitFields>;

export const regionFields = z.strictObject({
  id: orgId,
  name: text('名称', 20),
  kind: z.enum(REGION_KINDS, '请选择街道、镇或乡'),
  /** Where its government sits: "near me" uses it when a person names their 乡镇 instead of a location. */
  center: z.optional(z.strictObject({ lat: z.number(), lng: z.number() })),
  retired: z.boolean(),
});
export type Region = z.output<typeof regionFields>;

/** A reference to a unit in an input: its shape here, whether the county has it in the use case. */
export const unitRef = (message = '请选择单位') => z.string().check(z.regex(ORG_ID_PATTERN, message));
/** A reference to a 乡镇/街道 in an input. */
export const regionRef = (message = '请选择乡镇/街道') => z.string().check(z.regex(ORG_ID_PATTERN, message));
