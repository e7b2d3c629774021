import type { Point } from '../../core/geo';
import type { Region } from '../../core/org/model';
import { readStorage, writeStorage } from './storage';
import { createStore } from './store';
import { useStore } from './use-store';

/**
 * Where "near me" measures from: the phone's location (with consent), or the 乡镇/街道 the person
 * named, measured from its centre. The 乡镇's name and centre are kept as the county listed them when it
 * was chosen, so every page can measure at once. Remembered on this device only, so 首页 and 身边 agree.
 */
export type WhereAmI =
  { source: 'location'; lat: number; lng: number } | { source: 'region'; regionId: string; name: string; lat: number; lng: number };

export const WHERE_AM_I_KEY = 'sy.whereAmI';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isWhereAmI(v: unknown): v is WhereAmI {
  if (typeof v !== 'object' || v === null) return false;
  const w = v as Record<string, unknown>;
  // An older copy kept only the 乡镇's id: the person is asked again rather than measured from nowhere.
  if (w.source === 'region') return typeof w.regionId === 'string' && typeof w.name === 'string' && isNumber(w.lat) && isNumber(w.lng);
  return w.source === 'location' && isNumber(w.lat) && isNumber(w.lng);
}

export const whereAmIStore = createStore<WhereAmI | null>(() => readStorage(WHERE_AM_I_KEY, isWhereAmI) ?? null);

// About 100 m: enough to sort places by distance, and no finer than that is kept on the device.
const round = (deg: number) => Math.round(deg * 1000) / 1000;

export function setWhereAmI(where: WhereAmI): void {
  const kept: WhereAmI = where.source === 'location' ? { source: 'location', lat: round(where.lat), lng: round(where.lng) } : where;
  writeStorage(WHERE_AM_I_KEY, kept);
  whereAmIStore.set(kept);
}

/** A 乡镇/街道 as "near me": only one whose centre the county recorded can be measured from. */
export function whereOfRegion(region: Region): WhereAmI | null {
  if (!region.center) return null;
  return { source: 'region', regionId: region.id, name: region.name, lat: region.center.lat, lng: region.center.lng };
}

/** The point distances are measured from. */
export function pointOf(where: WhereAmI | null): Point | undefined {
  return where ? { lat: where.lat, lng: where.lng } : undefined;
}

/** 「我的位置」 or 「城关街道」, as the page says where it measures from. */
export function whereLabel(where: WhereAmI | null): string {
  if (!where) return '';
  return where.source === 'location' ? '我的位置' : where.name;
}

export const useWhereAmI = (): WhereAmI | null => useStore(whereAmIStore);
