/**
 * The unit a mistyped name most likely meant, for an import's "是否为 …？": a county's sheet says 县人设局
 * where it means 县人社局, or 退役军人事物局 for 事务局. Only a close name is offered; a name that is
 * nothing like any unit gets no suggestion rather than a wrong one.
 */
import { nameKey, type Organization, type Unit } from './model';

/** Levenshtein distance over characters (not UTF-16 units). */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const replace = (previous[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1);
      current.push(Math.min(replace, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[t.length] as number;
}

const COUNTY_PREFIX = /^(本县|全县|县)/;

/**
 * The closest name of a unit in service to `text`, as the writer would have written it: the name, short
 * name or alias nearest by edit distance over nameKey, with the writer's own leading 县 (县人设局 →
 * 县人社局). Close means at most one edit in three characters (at least one); undefined when nothing is.
 */
export function suggestUnit(org: Organization, text: string): { unit: Unit; name: string } | undefined {
  const key = nameKey(text);
  if (!key) return undefined;
  const allowed = Math.max(1, Math.floor(Array.from(key).length / 3));
  let best: { unit: Unit; name: string; distance: number } | undefined;
  for (const unit of org.units) {
    if (unit.retired) continue;
    for (const name of [unit.shortName, unit.name, ...unit.aliases]) {
      const distance = editDistance(key, nameKey(name));
      if (distance <= allowed && (!best || distance < best.distance)) best = { unit, name, distance };
    }
  }
  if (!best) return undefined;
  const prefix = COUNTY_PREFIX.exec(text.trim())?.[0] ?? '';
  return { unit: best.unit, name: `${prefix}${best.name.trim().replace(COUNTY_PREFIX, '')}` };
}
