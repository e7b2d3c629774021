import { View } from '@tarojs/components';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { listActivities, type Activity } from '../../services/places';
import { spanText } from '../../../core/time';
import { openActivity } from './links';
import './places.css';

function seatsText(a: Activity): { text: string; open: boolean } {
  if (a.phase === 'cancelled') return { text: '活动已取消', open: false };
  if (a.phase === 'ended') return { text: '已结束', open: false };
  if (a.phase === 'ongoing') return { text: '正在进行', open: false };
  if (a.phase === 'closed') return { text: '报名已截止', open: false };
  if (a.seatsLeft > 0) return { text: `还有 ${a.seatsLeft} 个名额`, open: true };
  return { text: `名额已满，${a.waitlistCount} 人候补`, open: true };
}

/** 志愿服务: activities anyone can join, soonest first. */
export function ActivityList() {
  const list = useAsync(listActivities);
  // Back from an activity: seats may have changed.
  useShownAgain(() => list.reload({ silent: true }));

  return (
    <Loaded state={list} empty={{ when: (d) => d.items.length === 0, title: '近期没有志愿活动', description: '有新活动时会在这里发布' }}>
      {(d) => (
        <View className="section">
          <View className="section__hint">一起为军人军属做点实事。报名后按时到集合地点，去不了请提前取消。</View>
          <View className="card" id="activities">
            {d.items.map((a) => {
              const seats = seatsText(a);
              return (
                <View
                  key={a.id}
                  className="list-item list-item--link"
                  role="button"
                  id={`activity-${a.id}`}
                  onClick={() => openActivity(a.id)}
                >
                  <View className="list-item__main">
                    <View className="list-item__title">{a.title}</View>
                    <View className="pl-act__when">{spanText(a.startAt, a.endAt)}</View>
                    <View className="list-item__desc">{a.place}</View>
                    <View className={`pl-act__seats${seats.open ? '' : ' pl-act__seats--closed'}`}>{seats.text}</View>
                  </View>
                  <View className="list-item__arrow" />
                </View>
              );
            })}
          </View>
        </View>
      )}
    </Loaded>
  );
}

export default function ActivitiesPage() {
  return (
    <PageShell>
      <ActivityList />
    </PageShell>
  );
}
