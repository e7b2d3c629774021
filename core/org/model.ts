/**
 * A county's organization, read from its data: units, 乡镇/街道 and which unit dispatches (the 双拥办).
 * Nothing here names a unit; the demo county is seed data (local/seed/org.ts).
 */
import type { Region, Unit } from '../contracts/org';
import { AppError } from '../envelope';

export type { Region, Unit } from '../contracts/org';

export interface Organization {
  units: readonly Unit[];
  regions: readonly Region[];
  /** The unit that takes what no rule claims, every returned case and every urgent one. '' before any import. */
  dispatchUnitId: string;
}

export const EMPTY_ORGANIZATION: Organization = { units: [], regions: [], dispatchUnitId: '' };

export const unitById = (org: Organization, id: string | undefined): Unit | undefined =>
  id === undefined ? undefined : org.units.find((u) => u.id === id);
export const regionById = (org: Organization, id: string | undefined): Region | undefined =>
  id === undefined ? undefined : org.regions.find((r) => r.id === id);

/** The unit's full name, or its id when the organization no longer knows it. */
export const unitName = (org: Organization, id: string): string => unitById(org, id)?.name ?? id;
export const unitShortName = (org: Organization, id: string): string => unitById(org, id)?.shortName ?? id;
export const regionName = (org: Organization, id: string): string => regionById(org, id)?.name ?? id;

/** Units that take new work and are offered in pickers. */
export const activeUnits = (org: Organization): Unit[] => org.units.filter((u) => !u.retired);
export const activeRegions = (org: Organization): Region[] => org.regions.filter((r) => !r.retired);

export const isActiveUnit = (org: Organization, id: string): boolean => unitById(org, id)?.retired === false;
export const isActiveRegion = (org: Organization, id: string): boolean => regionById(org, id)?.retired === false;

/** The 退役军人服务站 of a 乡镇/街道, when the county has one. */
export const stationOf = (org: Organization, regionId: string): Unit | undefined =>
  org.units.find((u) => u.kind === 'station' && u.regionId === regionId && !u.retired);

export const isStation = (org: Organization, id: string | undefined): boolean => unitById(org, id)?.kind === 'station';

/** How people write a unit's name, reduced for comparing: no spaces or punctuation, no leading 县. */
export const nameKey = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\s·・.,，、()（）]/g, '')
    .replace(/^(本县|全县|县)/, '');

/** The unit a spreadsheet or a person names: by id, name, short name or alias, with or without a leading 县. */
export function findUnit(org: Organization, text: string): Unit | undefined {
  const key = nameKey(text);
  if (!key) return undefined;
  return (
    org.units.find((u) => u.id === text.trim()) ??
    org.units.find((u) => [u.name, u.shortName, ...u.aliases].some((n) => nameKey(n) === key))
  );
}

export function findRegion(org: Organization, text: string): Region | undefined {
  const key = nameKey(text);
  return org.regions.find((r) => r.id === text.trim() || nameKey(r.name) === key);
}

/** A unit or 乡镇/街道 an input names, and where in the input it is. */
export interface OrgRef {
  path: (string | number)[];
  id: string | undefined;
}

/**
 * Refuses an input that names a unit or 乡镇/街道 this county does not have (or has retired), with an
 * issue at each such field. The contracts check an id's shape; only the stored organization knows it.
 */
export function requireKnown(org: Organization, refs: { units?: OrgRef[]; regions?: OrgRef[] }): void {
  const issues = [
    ...(refs.units ?? [])
      .filter((r) => r.id !== undefined && !isActiveUnit(org, r.id))
      .map((r) => ({ path: r.path, message: `本县没有这个单位，或它已撤销：${r.id}`, code: 'invalid_value' })),
    ...(refs.regions ?? [])
      .filter((r) => r.id !== undefined && !isActiveRegion(org, r.id))
      .map((r) => ({ path: r.path, message: `本县没有这个乡镇/街道：${r.id}`, code: 'invalid_value' })),
  ];
  if (issues.length)
    throw new AppError('INVALID_INPUT', issues.length === 1 ? (issues[0] as { message: string }).message : '填写的单位或乡镇有误', issues);
}
