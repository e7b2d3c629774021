import { View } from '@tarojs/components';
import type { Place } from '../../services/places';
import { MapLink } from './map-link';

/** ★★★★☆ for a station's 1-5 stars. */
export const starsText = (stars: number): string => '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));

interface PlaceRowProps {
  place: Place;
  picked?: boolean;
  onOpen: (id: string) => void;
}

/** One place in a list: the distance first, then what it offers, so the nearest useful place stands out. */
export function PlaceRow({ place: p, picked, onOpen }: PlaceRowProps) {
  const offer = p.offers[0];
  return (
    <View
      className={`list-item list-item--link pl-row${picked ? ' pl-row--picked' : ''}`}
      id={`place-${p.id}`}
      onClick={() => onOpen(p.id)}
    >
      <View className="list-item__main">
        <View className="pl-row__head">
          {/* The whole row opens the place; its name carries the role, since the row also holds the map link. */}
          <View className="pl-row__name" role="link">
            {p.name}
          </View>
          {p.distanceText ? <View className="pl-distance">{p.distanceText}</View> : null}
        </View>
        <View>
          <View className="tag tag--plain">{p.kindName}</View>
          {p.stars ? <View className="tag tag--plain pl-stars">{starsText(p.stars)}</View> : null}
          {p.preferential ? <View className="tag pl-tag--card">可用优待证</View> : null}
        </View>
        {offer ? (
          <View className="pl-row__offer">
            <View className="pl-row__offer-who" style={{ display: 'inline' }}>
              {offer.who}：
            </View>
            {offer.what}
            {p.offers.length > 1 ? ` 等 ${p.offers.length} 项` : ''}
          </View>
        ) : null}
        <View className="pl-row__foot">
          <View className="pl-row__address">
            {p.regionName} · {p.address}
          </View>
          <MapLink target={{ lat: p.lat, lng: p.lng, name: p.name, address: p.address }} />
        </View>
      </View>
      <View className="list-item__arrow" />
    </View>
  );
}
