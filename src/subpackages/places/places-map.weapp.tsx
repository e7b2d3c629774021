import { Map } from '@tarojs/components';
import { useMemo } from 'react';
// Over Taro's 2 KB inline limit on purpose: a map marker needs a file in the package, not a data URL.
import pin from './assets/pin.png';
import type { PlacesMapProps } from './places-map';

// The nearest few decide the zoom, so the map opens on the neighbourhood rather than the whole county.
const FIT = 6;

// https://developers.weixin.qq.com/miniprogram/dev/component/map.html
export function PlacesMap({ places, center, showMe, selectedId, onSelect }: PlacesMapProps) {
  const markers = useMemo(
    () =>
      places.map((p, i) => ({
        id: i,
        latitude: p.lat,
        longitude: p.lng,
        title: p.name,
        iconPath: pin,
        width: p.id === selectedId ? 36 : 28,
        height: p.id === selectedId ? 36 : 28,
        zIndex: p.id === selectedId ? 2 : 1,
        anchor: { x: 0.5, y: 1 },
      })),
    [places, selectedId],
  );
  const includePoints = useMemo(
    () => [{ latitude: center.lat, longitude: center.lng }, ...places.slice(0, FIT).map((p) => ({ latitude: p.lat, longitude: p.lng }))],
    [places, center.lat, center.lng],
  );
  return (
    <Map
      id="places-map"
      className="pl-map"
      latitude={center.lat}
      longitude={center.lng}
      scale={14}
      markers={markers}
      includePoints={includePoints}
      showLocation={showMe}
      onMarkerTap={(e) => {
        const place = places[Number(e.detail.markerId)];
        if (place) onSelect(place.id);
      }}
      // Without a map (an old base library, no network) the list below still has every place.
      onError={() => undefined}
    />
  );
}
