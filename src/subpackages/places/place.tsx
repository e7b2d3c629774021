import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { pointOf, useWhereAmI, whereLabel } from '../../lib/where-am-i';
import { getPlace, type Place } from '../../services/places';
import { starsText } from './place-row';
import { openInMap } from './platform';
import './places.css';

function InfoRow({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <View className="list-item" id={id}>
      <View className="pl-info__label">{label}</View>
      <View className="pl-info__value">{children}</View>
    </View>
  );
}

/** What the 优待证 (or another status) gets here, said first and large: it is why most people come. */
function Offers({ place }: { place: Place }) {
  if (place.offers.length === 0 && !place.preferential) return null;
  return (
    <View className="section">
      <View className="card card--padded pl-offers" id="place-offers">
        <View className="pl-offers__title">优待内容</View>
        {place.offers.map((o, i) => (
          <View key={i} className="pl-offer">
            <View className="pl-offer__who">{o.who}</View>
            <View className="pl-offer__what">{o.what}</View>
          </View>
        ))}
        {place.offers.length === 0 ? <View className="pl-offer__what">凭优待证可享受优先、优惠服务，具体请现场咨询</View> : null}
        <View className="pl-offers__note">请随身携带优待证或相关证件，以现场公示为准。</View>
      </View>
    </View>
  );
}

const STAR_WORDS = ['一', '二', '三', '四', '五'];

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);

export function PlaceDetail({ id }: { id: string }) {
  const where = useWhereAmI();
  const point = pointOf(where);
  const place = useAsync(() => getPlace(id, point), [id, point?.lat, point?.lng]);

  if (!id) return <EmptyState title="没有找到这个地方" description="请回到身边重新选择" />;
  return (
    <Loaded state={place}>
      {(p) => {
        const navigate = () => openInMap({ lat: p.lat, lng: p.lng, name: p.name, address: p.address });

        return (
          <View>
            <View className="section">
              <View className="card card--padded">
                <View className="pl-head__name" id="place-name">
                  {p.name}
                </View>
                <View>
                  <View className="tag">{p.kindName}</View>
                  <View className="tag tag--plain">{p.regionName}</View>
                  {p.preferential ? <View className="tag pl-tag--card">可用优待证</View> : null}
                </View>
                {p.stars ? (
                  <View className="pl-head__stars" id="place-stars">
                    <View className="pl-stars" style={{ display: 'inline' }}>
                      {starsText(p.stars)}
                    </View>{' '}
                    {STAR_WORDS[p.stars - 1] ?? p.stars}星级服务站
                  </View>
                ) : null}
                {p.distanceText ? (
                  <View className="pl-head__distance" id="place-distance">
                    距{whereLabel(where)}约 {p.distanceText}
                  </View>
                ) : null}
              </View>
            </View>

            <Offers place={p} />

            <View className="section">
              <View className="pl-call">
                {p.phone ? (
                  <Button className="btn btn--primary" id="call-place" onClick={() => call(p.phone as string)}>
                    打电话
                  </Button>
                ) : null}
                <Button className={`btn ${p.phone ? 'btn--ghost' : 'btn--primary'}`} id="navigate-place" onClick={navigate}>
                  到这里去
                </Button>
              </View>
            </View>

            <View className="section">
              <View className="card">
                <InfoRow label="地址" id="place-address">
                  {p.address}
                </InfoRow>
                {p.hours ? (
                  <InfoRow label="开放时间" id="place-hours">
                    {p.hours}
                  </InfoRow>
                ) : null}
                {p.phone ? (
                  <InfoRow label="电话">
                    <View className="link" style={{ fontSize: 'inherit' }} onClick={() => call(p.phone as string)}>
                      {p.phone}
                    </View>
                  </InfoRow>
                ) : null}
                {p.staffContact ? <InfoRow label="联系人">{p.staffContact}</InfoRow> : null}
              </View>
            </View>

            {p.services.length > 0 ? (
              <View className="section">
                <View className="section__title">可以办这些事</View>
                <View className="card card--padded" id="place-services">
                  {p.services.map((s) => (
                    <View key={s} className="tag">
                      {s}
                    </View>
                  ))}
                </View>
              </View>
            ) : null}

            {p.intro ? (
              <View className="section">
                <View className="section__title">简介</View>
                <View className="card card--padded pl-intro">{p.intro}</View>
              </View>
            ) : null}
          </View>
        );
      }}
    </Loaded>
  );
}

export default function PlacePage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <PlaceDetail id={param(params.id)} />
    </PageShell>
  );
}
