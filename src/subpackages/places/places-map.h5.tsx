import type { PlacesMapProps } from './places-map';

// In a browser each list item links to a map app instead: no map SDK, no key, nothing to load.
export function PlacesMap(_props: PlacesMapProps) {
  return null;
}
