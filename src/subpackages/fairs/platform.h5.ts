import type { FairSummary } from '../../services/fairs';

/** Amap's URI API opens the 高德 app on a phone and its web map elsewhere (GCJ-02, as our venues are). */
export const amapUrl = (venue: FairSummary['venue']): string =>
  `https://uri.amap.com/marker?position=${venue.lng},${venue.lat}&name=${encodeURIComponent(venue.name)}&src=shuangyong&coordinate=gaode&callnative=1`;

export function openVenueMap(venue: FairSummary['venue']): void {
  window.open(amapUrl(venue), '_blank', 'noopener');
}

// A browser page has no scanner: the organizer types the code.
export const canScan = false;
export const scanQr = async (): Promise<string | null> => null;
