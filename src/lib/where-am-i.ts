import { regionById } from '../../core/data/regions';
import type { Point } from '../../core/geo';
import { readStorage, writeStorage } from './storage';
import { createStore } from './store';
import { useStore } from './use-store';

/**
 * Where "near me" measures from: the phone's location (with consent), or the 乡镇/街道 the person
 * named, measured from its centre. Remembered on this device only, so 首页 and 身边 agree.
 */
export type WhereAmI = { source: 'location'; lat: number; lng: number } | { source: 'region'; regionId: string };

export const WHERE_AM_I_KEY = 'sy.whereAmI';

function isWhereAmI(v: unknown): v is WhereAmI {
  if (typeof v !== 'object' || v === null) return false;
  const w = v as Record<string, unknown>;
  if (w.source === 'region') return typeof w.regionId === 'string' && regionById(w.regionId) !== undefined;
  return w.source === 'location' && typeof w.lat === 'number' && typeof w.lng === 'number';
}

export const whereAmIStore = createStore<WhereAmI | null>(() => readStorage(WHERE_AM_I_KEY, isWhereAmI) ?? null);

// About 100 m: enough to sort places by distance, and no finer than that is kept on the device.
const round = (deg: number) => Math.round(deg * 1000) / 1000;

export function setWhereAmI(where: WhereAmI): void {
  const kept: WhereAmI = where.source === 'location' ? { source: 'location', lat: round(where.lat), lng: round(where.lng) } : where;
  writeStorage(WHERE_AM_I_KEY, kept);
  whereAmIStore.set(kept);
}

/** The point distances are measured from. */
export function pointOf(where: WhereAmI | null): Point | undefined {
  if (!where) return undefined;
  if (where.source === 'location') return { lat: where.lat, lng: where.lng };
  return regionById(where.regionId)?.center;
}

/** 「我的位置」 or 「城关街道」, as the page says where it measures from. */
export function whereLabel(where: WhereAmI | null): string {
  if (!where) return '';
  return where.source === 'location' ? '我的位置' : (regionById(where.regionId)?.name ?? '');
}

export const useWhereAmI = (): WhereAmI | null => useStore(whereAmIStore);
