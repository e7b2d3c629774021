import type { MapTarget } from './platform';

// The map above the list shows every place; the place page navigates with WeChat's own map.
export function MapLink(_props: { target: MapTarget }) {
  return null;
}
