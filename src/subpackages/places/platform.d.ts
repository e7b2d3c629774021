/** What differs between WeChat and the browser on the 身边 pages; each platform file implements it. */
export type LocateResult = { ok: true; lat: number; lng: number } | { ok: false; reason: 'denied' | 'unavailable' };

export interface MapTarget {
  lat: number;
  lng: number;
  name: string;
  address?: string;
}

/**
 * The phone's location in GCJ-02. Call only after ensurePrivacyConsent(): WeChat's getLocation (weapp),
 * the browser's geolocation converted from WGS-84 (H5). Never throws.
 */
export declare function locate(): Promise<LocateResult>;
/** Whether the person can turn location back on from the app (WeChat's settings page). */
export declare const canOpenSettings: boolean;
export declare function openSettings(): Promise<void>;
/** Opens the place in a map: WeChat's own map with navigation (weapp), a map web app (H5). */
export declare function openInMap(target: MapTarget): void;
/** A link to the place in a map app (H5), or null where the app opens the map itself (weapp). */
export declare function mapUrl(target: MapTarget): string | null;
