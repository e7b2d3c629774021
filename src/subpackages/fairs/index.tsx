import { View } from '@tarojs/components';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { listFairs } from '../../services/fairs';
import { FairCard } from './fair-card';
import { openFair, openMine } from './links';
import './fairs.css';

/** 退役军人专场招聘会: upcoming first, past ones below. */
export default function FairListPage() {
  const fairs = useAsync(() => listFairs('all'));

  // Back from a sign-up: seats and waitlists have moved.
  useShownAgain(() => fairs.reload({ silent: true }));

  const items = fairs.data?.items ?? [];
  const upcoming = items.filter((f) => f.phase !== 'ended' && f.phase !== 'cancelled');
  const past = items.filter((f) => f.phase === 'ended' || f.phase === 'cancelled');

  return (
    <PageShell>
      <View className="hero">
        <View className="hero__title">退役军人专场招聘会</View>
        <View className="hero__text">报名后凭签到码入场；名额满了可以候补，有人取消会按顺序递补。</View>
      </View>
      <View className="section">
        <View className="card">
          <View className="list-item list-item--link" id="link-my-signups" role="link" onClick={openMine}>
            <View className="list-item__main">
              <View className="list-item__title">我的报名</View>
              <View className="list-item__desc">签到码、候补进度都在这里</View>
            </View>
            <View className="list-item__arrow" />
          </View>
        </View>
      </View>

      <Loaded
        state={fairs}
        empty={{ when: (d) => d.items.length === 0, title: '近期没有招聘会', description: '新的场次发布后会出现在这里' }}
      >
        {() => (
          <>
            {upcoming.length > 0 ? (
              <View className="section" id="fairs-upcoming">
                <View className="section__title">即将举办</View>
                <View className="card">
                  {upcoming.map((f) => (
                    <FairCard key={f.id} fair={f} onClick={() => openFair(f.id)} />
                  ))}
                </View>
              </View>
            ) : null}
            {upcoming.length === 0 ? <EmptyState title="近期没有新的招聘会" description="新的场次发布后会出现在这里" /> : null}

            {past.length > 0 ? (
              <View className="section" id="fairs-past">
                <View className="section__title">往期</View>
                <View className="card">
                  {past.map((f) => (
                    <FairCard key={f.id} fair={f} onClick={() => openFair(f.id)} />
                  ))}
                </View>
              </View>
            ) : null}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
