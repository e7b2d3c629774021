import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Loaded } from '../../components/loaded';
import { useAsync } from '../../lib/use-async';
import { pointOf, useWhereAmI, whereLabel, type WhereAmI } from '../../lib/where-am-i';
import { listPlaces, type Place } from '../../services/places';

// 身边 lives in its own subpackage: this card is the light entry to it (one places.list call).
const PLACES = '/subpackages/places';
const go = (url: string) => void Taro.navigateTo({ url });
const openPlace = (id: string) => go(`${PLACES}/place?id=${encodeURIComponent(id)}`);

function Row({ place, extra, id }: { place: Place; extra: string; id: string }) {
  return (
    <View className="list-item list-item--link" role="button" id={id} onClick={() => openPlace(place.id)}>
      <View className="list-item__main">
        <View className="list-item__title">{place.name}</View>
        <View className="list-item__desc">{extra}</View>
      </View>
      {place.distanceText ? <View className="list-item__extra">{place.distanceText}</View> : null}
      <View className="list-item__arrow" />
    </View>
  );
}

/** What the 优待证 gets here, or the first offer with whom it is for. */
function offerText(p: Place): string {
  const offer = p.offers.find((o) => o.who.includes('优待证')) ?? p.offers[0];
  return offer ? `${offer.who}：${offer.what}` : '可用优待证';
}

/** The nearest 退役军人服务站 and the three nearest places that honour the 优待证, from one list call. */
function Nearest({ where }: { where: WhereAmI }) {
  const point = pointOf(where);
  const places = useAsync(() => listPlaces({ ...point, pageSize: 50 }), [point?.lat, point?.lng]);
  return (
    <Loaded state={places} loadingText="正在查找身边的地方…">
      {({ items }) => <NearestRows items={items} />}
    </Loaded>
  );
}

function NearestRows({ items }: { items: Place[] }) {
  const station = items.find((p) => p.kind === 'service_station');
  const offers = items.filter((p) => p.preferential).slice(0, 3);
  return (
    <View id="home-nearby">
      {station ? (
        <Row place={station} id="home-station" extra={station.hours ? `最近的服务站 · ${station.hours}` : '最近的服务站'} />
      ) : null}
      {offers.map((p) => (
        <Row key={p.id} place={p} id={`home-offer-${p.id}`} extra={offerText(p)} />
      ))}
      <View className="list-item list-item--link" role="button" id="home-nearby-all" onClick={() => go(`${PLACES}/index`)}>
        <View className="list-item__main link" style={{ fontSize: 'inherit' }}>
          查看身边全部地点
        </View>
        <View className="list-item__arrow" />
      </View>
    </View>
  );
}

/** 首页's 身边 card: once a location or 乡镇 is known, what is nearest; otherwise a button to choose. */
export function NearbyCard() {
  const where = useWhereAmI();
  return (
    <View className="section">
      <View className="section__title">
        身边
        {where ? (
          <View className="section__hint" style={{ display: 'inline', margin: '0 0 0 8px', fontWeight: 400 }}>
            按{whereLabel(where)}由近到远
          </View>
        ) : null}
      </View>
      <View className="card">
        {where ? (
          <Nearest where={where} />
        ) : (
          <View className="card--padded">
            <View className="list-item__desc" style={{ marginTop: 0 }}>
              最近的退役军人服务站在哪？哪里能用优待证？选一下您所在的位置就知道。
            </View>
            <View style={{ display: 'flex', marginTop: '12px' }}>
              <Button className="btn btn--primary" id="home-choose-where" onClick={() => go(`${PLACES}/index?choose=1`)}>
                选择我的位置
              </Button>
            </View>
          </View>
        )}
      </View>
    </View>
  );
}
