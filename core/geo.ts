/** Mean Earth radius used by the haversine formula, in metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

export interface Point {
  lat: number;
  lng: number;
}

/** Great-circle distance in whole metres (haversine); enough for "near me" within a county. */
export function distanceMetres(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** 350 米 / 1.2 公里, as people read distances. */
export function describeDistance(metres: number): string {
  return metres < 1000 ? `${metres} 米` : `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)} 公里`;
}
