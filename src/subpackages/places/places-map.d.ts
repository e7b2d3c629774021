import type { Place } from '../../services/places';

export interface PlacesMapProps {
  places: Place[];
  /** Where distances are measured from: the map centres here. */
  center: { lat: number; lng: number };
  /** Draw the person's own location (they shared it rather than naming a 乡镇). */
  showMe: boolean;
  selectedId?: string;
  onSelect: (id: string) => void;
}
/** WeChat's map with a marker per place (weapp); the browser list links to a map app instead (H5: nothing). */
export declare function PlacesMap(props: PlacesMapProps): JSX.Element | null;
