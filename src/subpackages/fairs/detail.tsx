import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { SignupStateView } from '../../components/signups/signup-state-view';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { getFair, type FairDetail, type MySignup, type SignupResult } from '../../services/fairs';
import { getMeta } from '../../services/meta';
import { getMe } from '../../services/users';
import { confirmAndCancel } from './cancel';
import { spanText, timeText } from '../../../core/time';
import { seatsText } from './fair-card';
import { openMine } from './links';
import { openVenueMap } from './platform';
import { FairSignupSheet } from './signup-sheet';
import { fairState } from './signup-state';
import './fairs.css';

/** The template the cloud sends fair news with; meta.get lists it in production. */
const FAIR_TEMPLATE = 'fair_update';
const templateOf = (notifications: object | undefined): string =>
  (notifications as Partial<Record<string, string>> | undefined)?.fairUpdate ?? FAIR_TEMPLATE;

const resultToast = (r: SignupResult): string => {
  if (r.existing) return '您已经报过名了';
  return r.status === 'waitlisted' ? `已候补第 ${r.waitlistPosition ?? ''} 位` : '报名成功';
};

export default function FairDetailPage() {
  const { params } = useRouter();
  return <FairDetailView id={param(params.id)} />;
}

export function FairDetailView({ id }: { id: string }) {
  const fair = useAsync(() => getFair(id), [id]);
  // Anonymous (a browser without an identity) has no profile: the form starts empty.
  const me = useAsync(() => getMe().catch(() => null));
  const meta = useAsync(getMeta);
  const [sheetOpen, setSheetOpen] = useState(false);
  // What the last sign-up answered, until the fair is read again.
  const [answer, setAnswer] = useState<{ base: FairDetail; mine: MySignup } | null>(null);

  useShownAgain(() => fair.reload({ silent: true }));

  return (
    <PageShell>
      <Loaded state={fair} errorTitle="打不开这场招聘会">
        {(f) => {
          const mine = answer && answer.base === f ? answer.mine : f.mySignup;
          const state = fairState(f, mine);
          const positions = f.employers.reduce((n, e) => n + e.positions.length, 0);

          const onDone = (r: SignupResult) => {
            setSheetOpen(false);
            setAnswer({
              base: f,
              mine: {
                signupId: r.signupId,
                status: r.status,
                interests: [],
                promoted: false,
                ...(r.waitlistPosition ? { waitlistPosition: r.waitlistPosition } : {}),
                ...(r.checkinCode ? { checkinCode: r.checkinCode } : {}),
              },
            });
            void Taro.showToast({ title: resultToast(r), icon: r.status === 'waitlisted' ? 'none' : 'success' });
            fair.reload({ silent: true });
          };

          const cancel = async () => {
            if (!mine) return;
            if (await confirmAndCancel(f.id, mine.status, f.waitlistCount)) {
              setAnswer({ base: f, mine: { ...mine, status: 'cancelled' } });
              fair.reload({ silent: true });
            }
          };

          const profile = me.data?.profile;

          return (
            <>
              <View className="hero fair-hero">
                <View className="hero__title" id="fair-title">
                  {f.title}
                </View>
                <View>
                  <View className="tag tag--on-primary">{f.phaseText}</View>
                  <View className="tag tag--on-primary">{f.organizerName}主办</View>
                </View>
              </View>

              <View className="section">
                <View className="card">
                  <View className="list-item">
                    <View className="list-item__main">
                      <View className="fair-label">时间</View>
                      <View className="list-item__title">{spanText(f.startAt, f.endAt)}</View>
                    </View>
                  </View>
                  <View className="list-item list-item--link" id="venue" role="link" onClick={() => openVenueMap(f.venue)}>
                    <View className="list-item__main">
                      <View className="fair-label">地点</View>
                      <View className="list-item__title">{f.venue.name}</View>
                      <View className="list-item__desc">{f.venue.address}</View>
                    </View>
                    <View className="list-item__extra link">看地图</View>
                    <View className="list-item__arrow" />
                  </View>
                  <View className="list-item">
                    <View className="list-item__main">
                      <View className="fair-label">报名</View>
                      <View className="list-item__title">{seatsText(f)}</View>
                      <View className="list-item__desc">{timeText(f.signupDeadline)} 截止报名</View>
                    </View>
                  </View>
                </View>
              </View>

              <View className="section">
                <View className="card card--padded">
                  <SignupStateView state={state} id="signup-state" />
                  {mine?.status === 'confirmed' || mine?.status === 'checkedIn' || mine?.status === 'waitlisted' ? (
                    <View className="fair-actions">
                      {mine.status !== 'waitlisted' ? (
                        <Button className="btn btn--primary" id="show-code" onClick={openMine}>
                          查看签到码
                        </Button>
                      ) : (
                        <Button className="btn btn--ghost" onClick={openMine}>
                          我的报名
                        </Button>
                      )}
                      {state.canCancel ? (
                        <Button className="btn btn--danger" id="cancel-signup" onClick={() => void cancel()}>
                          取消报名
                        </Button>
                      ) : null}
                    </View>
                  ) : null}
                  {state.canSignUp ? (
                    <View className="fair-actions">
                      <Button className="btn btn--primary btn--block" id="open-signup" onClick={() => setSheetOpen(true)}>
                        {f.seatsLeft > 0 ? '我要报名' : '报名候补'}
                      </Button>
                    </View>
                  ) : null}
                </View>
              </View>

              {f.description ? (
                <View className="section">
                  <View className="card card--padded fair-description">{f.description}</View>
                </View>
              ) : null}

              <View className="section">
                <View className="section__title">
                  参加单位（{f.employers.length} 家，{positions} 个岗位）
                </View>
                {f.employers.length === 0 ? <View className="section__hint">参加单位还在确认中，请稍后再来看看</View> : null}
                {f.employers.map((e) => (
                  <View key={e.name} className="card fair-employer">
                    <View className="fair-employer__head">
                      <View className="fair-employer__name">{e.name}</View>
                      {e.intro ? <View className="list-item__desc">{e.intro}</View> : null}
                    </View>
                    {e.positions.map((p) => (
                      <View key={p.id} className="fair-position">
                        <View className="fair-position__row">
                          <View className="fair-position__title">{p.title}</View>
                          <View className="fair-position__count">招 {p.count} 人</View>
                        </View>
                        {p.salary ? <View className="fair-position__salary">{p.salary}</View> : null}
                        {p.requirements ? <View className="list-item__desc">{p.requirements}</View> : null}
                      </View>
                    ))}
                  </View>
                ))}
              </View>

              {sheetOpen ? (
                <FairSignupSheet
                  fair={f}
                  name={profile?.name}
                  phone={profile?.phone}
                  templateId={templateOf(meta.data?.notifications)}
                  onDone={onDone}
                  onClose={() => setSheetOpen(false)}
                />
              ) : null}
            </>
          );
        }}
      </Loaded>
    </PageShell>
  );
}
