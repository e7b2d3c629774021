/**
 * The app's reference data (the taxonomy, departments, regions, identities, message templates and who takes
 * each kind of request), the cloud's clock, and the admins' settings: the routing table, the working
 * calendar's corrections and how long finished cases keep personal data. Which inputs are valid (one rule per
 * category and region, well-formed days, a period in range) is the contract's (core/contracts/meta.ts).
 */
import type * as z from 'zod/mini';
import type { CalendarSettings, MetaData, metaAnswers, metaContract, RetentionSettings } from '../contracts/meta';
import { CATEGORIES } from '../data/categories';
import { IDENTITY_TYPES } from '../data/identity-types';
import { AppError } from '../envelope';
import { resolveCounty } from '../org/county';
import { nameKey, regionById, requireKnown, unitById, type Organization } from '../org/model';
import type { Caller } from '../roles';
import { routingSummary, type RoutingRule } from '../routing';
import { calendarYears, retentionSettings } from './model';
import type { MetaPort, OrgReferences } from './port';

/** What the meta use cases are given (decision 014): the port and the moment of the call. */
export interface MetaDeps {
  port: MetaPort;
  now: Date;
  org: Organization;
}

type Authed = Caller & { openid: string };
type In<K extends keyof typeof metaContract> = z.output<(typeof metaContract)[K]>;
type Out<K extends keyof typeof metaAnswers> = z.output<(typeof metaAnswers)[K]>;

/** Everything the app needs to draw its forms and lists, read once at start: public. */
export async function getMeta({ port, org }: Pick<MetaDeps, 'port' | 'org'>, _caller: Caller): Promise<MetaData> {
  return {
    categories: [...CATEGORIES],
    departments: [...org.units],
    regions: [...org.regions],
    stations: org.units.filter((u) => u.kind === 'station'),
    identityTypes: [...IDENTITY_TYPES],
    notifications: port.notificationTemplates(),
    routing: routingSummary(org, await port.routingTable()),
  };
}

/** The cloud's clock, and a call that does nothing else: "this month" is the county's, whatever a phone says. */
export async function pingCloud({ now }: Pick<MetaDeps, 'now'>, _caller: Caller): Promise<Out<'ping'>> {
  return { pong: true, now: now.toISOString() };
}

// ---------- the admins' settings ----------

export async function getRoutingTable({ port }: Pick<MetaDeps, 'port'>, _caller: Authed): Promise<Out<'routing'>> {
  return { rules: [...(await port.routingTable())] };
}

/** The whole table is replaced; the answer shows it as `meta.get` will (who takes each category county-wide). */
export async function saveRoutingTable(
  { port, now, org }: MetaDeps,
  caller: Authed,
  { rules }: In<'saveRouting'>,
): Promise<Out<'saveRouting'>> {
  // A rule kept as it was may name a unit or 乡镇 retired since (routing skips it); a new or changed one may not.
  const stored = await port.routingTable();
  const same = (a: RoutingRule, b: RoutingRule) =>
    a.category === b.category && a.regionId === b.regionId && a.departmentId === b.departmentId;
  const changed = rules.flatMap((r, i) => (stored.some((s) => same(s, r)) ? [] : [{ r, i }]));
  requireKnown(org, {
    units: changed.map(({ r, i }) => ({ path: ['rules', i, 'departmentId'], id: r.departmentId })),
    regions: changed.map(({ r, i }) => ({ path: ['rules', i, 'regionId'], id: r.regionId })),
  });
  await port.saveRouting(rules, { at: now, by: caller.openid });
  return { rules, summary: routingSummary(org, rules) };
}

/** The corrections as saved, and for this year and next whether the official holiday data covers them. */
export async function getCalendarSettings({ port, now }: MetaDeps, _caller: Authed): Promise<CalendarSettings> {
  const overrides = await port.calendarOverrides();
  const years = await Promise.all(
    calendarYears(now).map(async (year) => ({ year, hasOfficialData: await port.hasOfficialHolidays(year) })),
  );
  return { overrides, years };
}

export async function saveCalendarOverrides(
  { port, now }: MetaDeps,
  caller: Authed,
  { overrides }: In<'saveCalendar'>,
): Promise<Out<'saveCalendar'>> {
  await port.saveCalendar(overrides, { at: now, by: caller.openid });
  return { overrides };
}

export async function getRetention({ port }: Pick<MetaDeps, 'port'>, _caller: Authed): Promise<RetentionSettings> {
  return retentionSettings(await port.retentionYears());
}

export async function saveRetention(
  { port, now }: MetaDeps,
  caller: Authed,
  { closedCaseYears }: In<'saveRetention'>,
): Promise<RetentionSettings> {
  await port.saveRetention(closedCaseYears, { at: now, by: caller.openid });
  return retentionSettings(closedCaseYears);
}

// ---------- the county's organization ----------

/** The county setup workbook as it stands: every unit, 乡镇/街道 and station, ready to add rows to. */
export async function exportCounty({ port, now, org }: MetaDeps, caller: Authed): Promise<Out<'exportCounty'>> {
  return port.saveCountyFile(caller.openid, org, now);
}

/** Adds and updates by id or name; any bad row refuses the whole workbook, naming sheet and row (core/org/county.ts). */
export async function importCounty(
  { port, now, org }: MetaDeps,
  caller: Authed,
  { fileID }: In<'importCounty'>,
): Promise<Out<'importCounty'>> {
  const [rows, idFor] = await Promise.all([port.readCounty(caller.openid, fileID), port.orgIds()]);
  const change = resolveCounty(org, rows, idFor);
  await port.storeOrganization(change, { at: now, by: caller.openid });
  return change.counts;
}

/** One unit added or edited in the admin console. */
export async function saveUnit({ port, now, org }: MetaDeps, caller: Authed, unit: In<'saveUnit'>): Promise<Out<'saveUnit'>> {
  const needsRegion = unit.kind === 'station' || unit.kind === 'township';
  if (needsRegion && !unit.regionId)
    throw new AppError('INVALID_INPUT', '服务站和乡镇政府要选所在乡镇', [{ path: ['regionId'], message: '请选择所在乡镇' }]);
  requireKnown(org, { regions: [{ path: ['regionId'], id: unit.regionId }] });
  const names = new Set([unit.name, unit.shortName, ...unit.aliases].map(nameKey));
  const twin = org.units.find((u) => u.id !== unit.id && [u.name, u.shortName, ...u.aliases].some((n) => names.has(nameKey(n))));
  if (twin)
    throw new AppError('CONFLICT', `名称或别名与“${twin.name}”重复，请换一个`, [{ path: ['name'], message: `与“${twin.name}”重复` }]);
  if (unit.retired && unit.id === org.dispatchUnitId) throw new AppError('CONFLICT', '分派单位不能撤销：请先把分派单位改成别的单位');
  await port.storeOrganization({ units: [unit], regions: [] }, { at: now, by: caller.openid });
  return { id: unit.id };
}

/** A unit nothing names yet (entered by mistake) goes; one with history can only be retired. */
export async function removeUnit({ port, org }: MetaDeps, _caller: Authed, { id }: In<'removeUnit'>): Promise<Out<'removeUnit'>> {
  if (!unitById(org, id)) throw new AppError('NOT_FOUND', '没有这个单位');
  if (id === org.dispatchUnitId) throw new AppError('CONFLICT', '分派单位不能删除');
  refuseReferenced(await port.unitReferences(id), '这个单位');
  await port.removeUnit(id);
  return { id, removed: true };
}

export async function saveRegion({ port, now, org }: MetaDeps, caller: Authed, region: In<'saveRegion'>): Promise<Out<'saveRegion'>> {
  const twin = org.regions.find((r) => r.id !== region.id && nameKey(r.name) === nameKey(region.name));
  if (twin) throw new AppError('CONFLICT', `已经有“${twin.name}”了`, [{ path: ['name'], message: `与“${twin.name}”重复` }]);
  await port.storeOrganization({ units: [], regions: [region] }, { at: now, by: caller.openid });
  return { id: region.id };
}

export async function removeRegion({ port, org }: MetaDeps, _caller: Authed, { id }: In<'removeRegion'>): Promise<Out<'removeRegion'>> {
  if (!regionById(org, id)) throw new AppError('NOT_FOUND', '没有这个乡镇/街道');
  refuseReferenced(await port.regionReferences(id), '这个乡镇/街道');
  await port.removeRegion(id);
  return { id, removed: true };
}

export async function setDispatchUnit(
  { port, now, org }: MetaDeps,
  caller: Authed,
  { unitId }: In<'setDispatchUnit'>,
): Promise<Out<'setDispatchUnit'>> {
  requireKnown(org, { units: [{ path: ['unitId'], id: unitId }] });
  await port.storeOrganization({ units: [], regions: [], dispatchUnitId: unitId }, { at: now, by: caller.openid });
  return { dispatchUnitId: unitId };
}

function refuseReferenced(references: OrgReferences, what: string): void {
  const held = Object.entries(references).filter(([, n]) => n > 0);
  if (held.length === 0) return;
  const list = held.map(([kind, n]) => `${n} ${kind}`).join('、');
  throw new AppError('CONFLICT', `${what}还有 ${list}，不能删除；不再使用请改为“已撤销”`);
}
