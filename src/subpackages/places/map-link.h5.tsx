import type { MapTarget } from './platform';
import { mapUrl } from './platform';

export function MapLink({ target }: { target: MapTarget }) {
  return (
    <a
      className="pl-maplink"
      href={mapUrl(target) ?? undefined}
      target="_blank"
      rel="noopener noreferrer"
      // The row around it opens the place page: this tap is for the map only.
      onClick={(e) => e.stopPropagation()}
    >
      地图导航
    </a>
  );
}
