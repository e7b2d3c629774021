import { Button, ScrollView, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PLACE_KINDS, type PlaceKind } from '../../../core/data/place-kinds';
import { CheckRow } from '../../components/check-row';
import { Loaded } from '../../components/loaded';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { pointOf, useWhereAmI, whereLabel } from '../../lib/where-am-i';
import { listPlaces } from '../../services/places';
import { getMe } from '../../services/users';
import { openActivities, openManage, openPlace, openStories } from './links';
import { PlaceRow } from './place-row';
import { PlacesMap } from './places-map';
import { useWhereChooser } from './use-where';
import { WhereSheet } from './where-sheet';

// The nearest 50 are what "near me" needs; the county's whole list is a handful of pages at most.
const PAGE_SIZE = 50;

const isKind = (v: string | undefined): v is PlaceKind => PLACE_KINDS.some((k) => k.id === v);

// Anonymous callers and residents see nothing here; a failed check hides the link too.
const isAdmin = () =>
  getMe().then(
    (me) => me.role === 'admin',
    () => false,
  );

/** For admins: where places, stories and volunteer activities are edited. */
function AdminLink() {
  const admin = useAsync(isAdmin);
  if (admin.status !== 'ready' || !admin.data) return null;
  return (
    <View className="section">
      <View className="card">
        <View className="list-item list-item--link" role="button" id="link-manage" onClick={openManage}>
          <View className="list-item__main">
            <View className="list-item__title">管理身边</View>
            <View className="list-item__desc">新增和修改地点、故事、志愿活动（管理员）</View>
          </View>
          <View className="list-item__arrow" />
        </View>
      </View>
    </View>
  );
}

/** 身边: places by distance from the person's location or 乡镇, filtered by kind and by the 优待证. */
export function NearbyPlaces() {
  const { params } = useRouter();
  const where = useWhereAmI();
  // Arriving from 首页's 「选择位置」 opens the chooser at once.
  const chooser = useWhereChooser(params.choose === '1');
  const [kind, setKind] = useState<PlaceKind | null>(isKind(params.kind) ? params.kind : null);
  const [onlyCard, setOnlyCard] = useState(params.card === '1');
  const [picked, setPicked] = useState<string | undefined>();
  const point = pointOf(where);

  const list = useAsync(
    () => listPlaces({ ...(kind ? { kind } : {}), ...(onlyCard ? { preferential: true } : {}), ...point, pageSize: PAGE_SIZE }),
    [kind, onlyCard, point?.lat, point?.lng],
  );
  // Back from a place or from the editor: read the list again, keeping what is shown meanwhile.
  useShownAgain(() => list.reload({ silent: true }));
  const items = list.status === 'ready' ? list.data.items : [];
  const pickedPlace = items.find((p) => p.id === picked);

  return (
    <View>
      <View className="section">
        {where && point ? (
          <View className="card pl-where" id="where">
            <View className="pl-where__main">
              <View className="pl-where__label">按这里由近到远排列</View>
              <View className="pl-where__value" id="where-label">
                {whereLabel(where)}
              </View>
            </View>
            <Button className="btn btn--ghost pl-where__change" id="change-where" onClick={() => chooser.setOpen(true)}>
              更换
            </Button>
          </View>
        ) : (
          <View className="card card--padded" id="where-ask">
            <View className="pl-ask__title">您在哪儿？</View>
            <View className="pl-ask__text">告诉我们您的位置或所在的乡镇/街道，就能按远近排出身边的服务站和优待场所。</View>
            <View className="pl-ask__actions">
              <Button
                className="btn btn--primary btn--block"
                id="use-location"
                disabled={chooser.locating || undefined}
                onClick={() => void chooser.locateMe()}
              >
                {chooser.locating ? '正在定位…' : '用我现在的位置'}
              </Button>
              <Button className="btn btn--ghost btn--block" id="choose-region" onClick={() => chooser.setOpen(true)}>
                选择我所在的乡镇/街道
              </Button>
            </View>
            {chooser.notice && !chooser.open ? <View className="pl-notice">{chooser.notice}</View> : null}
          </View>
        )}
      </View>

      <View className="section">
        <ScrollView scrollX className="pl-kinds" id="kind-chips">
          <View className="pl-kinds__row" role="radiogroup" aria-label="按类型看">
            <View
              className={`chip${kind === null ? ' chip--on' : ''}`}
              role="radio"
              aria-checked={kind === null}
              tabIndex={kind === null ? 0 : -1}
              onClick={() => setKind(null)}
            >
              全部
            </View>
            {PLACE_KINDS.map((k) => (
              <View
                key={k.id}
                id={`kind-${k.id}`}
                className={`chip${kind === k.id ? ' chip--on' : ''}`}
                role="radio"
                aria-checked={kind === k.id}
                tabIndex={kind === k.id ? 0 : -1}
                onClick={() => setKind(k.id)}
              >
                {k.name}
              </View>
            ))}
          </View>
        </ScrollView>
        <CheckRow
          id="filter-preferential"
          role="switch"
          checked={onlyCard}
          title="只看可用优待证的地方"
          desc="凭退役军人、军属等优待证享受优先、优惠"
          onToggle={() => setOnlyCard(!onlyCard)}
        />
      </View>

      <View className="section">
        <Loaded
          state={list}
          loadingText="正在查找身边的地方…"
          empty={{
            when: (d) => d.items.length === 0,
            title: '没有找到符合条件的地方',
            description: '换个类型看看，或者不限优待证',
            action: (
              <Button
                className="btn btn--ghost"
                onClick={() => {
                  setKind(null);
                  setOnlyCard(false);
                }}
              >
                看全部
              </Button>
            ),
          }}
        >
          {(d) => (
            <View>
              {point ? (
                <PlacesMap places={items} center={point} showMe={where?.source === 'location'} selectedId={picked} onSelect={setPicked} />
              ) : null}
              {pickedPlace ? (
                <View className="card pl-picked">
                  <View className="list-item__main">
                    <View className="list-item__title">{pickedPlace.name}</View>
                    <View className="list-item__desc">
                      {pickedPlace.distanceText ? `距离 ${pickedPlace.distanceText}` : pickedPlace.address}
                    </View>
                  </View>
                  <Button className="btn btn--primary" onClick={() => openPlace(pickedPlace.id)}>
                    查看
                  </Button>
                </View>
              ) : null}
              <View className="section__hint" style={{ margin: '12px 4px 8px' }} id="places-count">
                {point ? `离${whereLabel(where)}最近的在前` : '选好位置后按远近排列'}，共 {d.total} 处
                {d.total > items.length ? `，这里列出最近的 ${items.length} 处` : ''}
              </View>
              <View className="card" id="places">
                {items.map((p) => (
                  <PlaceRow key={p.id} place={p} picked={p.id === picked} onOpen={openPlace} />
                ))}
              </View>
            </View>
          )}
        </Loaded>
      </View>

      <View className="section">
        <View className="card pl-more">
          <View className="pl-more__item" role="button" id="link-stories" onClick={openStories}>
            <View className="list-item__main">
              <View className="list-item__title">双拥故事</View>
              <View className="list-item__desc">身边的典型人物和拥军故事</View>
            </View>
            <View className="list-item__arrow" />
          </View>
          <View className="pl-more__item" role="button" id="link-activities" onClick={openActivities}>
            <View className="list-item__main">
              <View className="list-item__title">志愿服务</View>
              <View className="list-item__desc">报名参加拥军志愿活动</View>
            </View>
            <View className="list-item__arrow" />
          </View>
        </View>
      </View>

      <AdminLink />
      <WhereSheet chooser={chooser} current={where} />
    </View>
  );
}
