import { metaContract } from '../../../core/contracts/meta';
import type { UnitKind } from '../../../core/contracts/org';
import type { CategoryId } from '../../../core/data/categories';
import type { Organization, Unit } from '../../../core/org/model';
import type { Validation } from '../../lib/validate';
import { pathErrors } from '../../components/use-editor';

/** What the unit editor holds: text as typed; lists and the two people are made on save. */
export interface UnitForm {
  /** Empty for a new unit until the admin types one; an existing unit's id never changes. */
  id: string;
  isNew: boolean;
  name: string;
  shortName: string;
  /** 县人社局、人力资源和社会保障局 — separated by 、 , ; or spaces. */
  aliases: string;
  kind: UnitKind | '';
  regionId: string;
  defaultCategories: CategoryId[];
  phone: string;
  address: string;
  hours: string;
  leaderName: string;
  leaderTitle: string;
  liaisonName: string;
  liaisonTitle: string;
  runsFairs: boolean;
  retired: boolean;
}

/** A township government and a station serve one 乡镇/街道. */
export const servesRegion = (kind: UnitKind | ''): boolean => kind === 'station' || kind === 'township';

export const newUnitForm = (kind: UnitKind | '' = ''): UnitForm => ({
  id: '',
  isNew: true,
  name: '',
  shortName: '',
  aliases: '',
  kind,
  regionId: '',
  defaultCategories: [],
  phone: '',
  address: '',
  hours: '',
  leaderName: '',
  leaderTitle: '',
  liaisonName: '',
  liaisonTitle: '',
  runsFairs: false,
  retired: false,
});

export const unitFormOf = (u: Unit): UnitForm => ({
  id: u.id,
  isNew: false,
  name: u.name,
  shortName: u.shortName,
  aliases: u.aliases.join('、'),
  kind: u.kind,
  regionId: u.regionId ?? '',
  defaultCategories: [...u.defaultCategories],
  phone: u.contact.phone ?? '',
  address: u.contact.address ?? '',
  hours: u.contact.hours ?? '',
  leaderName: u.leader?.name ?? '',
  leaderTitle: u.leader?.title ?? '',
  liaisonName: u.liaison?.name ?? '',
  liaisonTitle: u.liaison?.title ?? '',
  runsFairs: u.runsFairs,
  retired: u.retired,
});

const optional = (s: string) => (s.trim() ? s.trim() : undefined);
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
/** A person is saved once either box is filled; a title alone is refused for want of a name. */
const person = (name: string, title: string) => (name.trim() || title.trim() ? defined({ name, title: optional(title) }) : undefined);

/** The first message at `key` or under it (contact.phone under contact, aliases.2 under aliases). */
export const errorAt = (errors: Record<string, string>, key: string): string | undefined =>
  errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];

/**
 * The form as `meta.saveUnit` takes it, checked with the contract the cloud uses, and against the county as
 * the page read it: a new unit's id must be free (saving an id that is taken would change that unit), and a
 * station or 乡镇政府 names its 乡镇/街道. Errors are keyed by their whole path (contact.phone, leader.name).
 */
export function checkUnitForm(form: UnitForm, org: Organization): Validation<Unit> {
  const aliases = form.aliases
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const draft = defined({
    id: form.id.trim(),
    name: form.name,
    shortName: form.shortName,
    aliases,
    kind: form.kind || undefined,
    regionId: servesRegion(form.kind) ? optional(form.regionId) : undefined,
    defaultCategories: form.defaultCategories,
    contact: defined({ phone: optional(form.phone), address: optional(form.address), hours: optional(form.hours) }),
    leader: person(form.leaderName, form.leaderTitle),
    liaison: person(form.liaisonName, form.liaisonTitle),
    runsFairs: form.runsFairs,
    retired: form.retired,
  });
  const parsed = metaContract.saveUnit.safeParse(draft);
  const errors: Record<string, string> = parsed.success
    ? {}
    : pathErrors(parsed.error.issues.map((i) => ({ path: i.path.filter((p) => typeof p !== 'symbol'), message: i.message })));
  const taken = form.isNew ? (org.units.find((u) => u.id === draft.id) ?? org.regions.find((r) => r.id === draft.id)) : undefined;
  if (taken && !errors.id) errors.id = `编号 ${draft.id} 已经给「${taken.name}」用了，请换一个`;
  if (servesRegion(form.kind) && !form.regionId && !errors.regionId) errors.regionId = '请选择所在乡镇/街道';
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}
