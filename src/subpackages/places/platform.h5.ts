import { wgs84ToGcj02 } from './gcj02';
import type { LocateResult, MapTarget } from './platform';

export function locate(): Promise<LocateResult> {
  // Missing on plain-http pages other than localhost, and in some embedded browsers.
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve({ ok: false, reason: 'unavailable' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ ok: true, ...wgs84ToGcj02(pos.coords.latitude, pos.coords.longitude) }),
      (err) => resolve({ ok: false, reason: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  });
}

// A browser keeps its own site settings: nothing to open from the page.
export const canOpenSettings = false;
export const openSettings = async (): Promise<void> => undefined;

/** Amap's URI API opens the 高德 app on a phone and its web map elsewhere (GCJ-02, as our places are). */
export const mapUrl = (t: MapTarget): string =>
  `https://uri.amap.com/marker?position=${t.lng},${t.lat}&name=${encodeURIComponent(t.name)}&src=shuangyong&coordinate=gaode&callnative=1`;

export function openInMap(t: MapTarget): void {
  window.open(mapUrl(t), '_blank', 'noopener');
}
