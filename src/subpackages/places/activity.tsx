import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { SignupSheet } from '../../components/signups/signup-sheet';
import { SignupStateView } from '../../components/signups/signup-state-view';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { getMeta } from '../../services/meta';
import {
  cancelActivitySignup,
  getActivity,
  signUpForActivity,
  type ActivityDetail,
  type ActivitySignupResult,
} from '../../services/places';
import { getMe } from '../../services/users';
import { activityState } from './activity-state';
import { spanText, timeText } from '../../../core/time';
import './places.css';

/** What cancelling does, said before it is done. */
export function cancelWarning(a: Pick<ActivityDetail, 'waitlistCount' | 'mySignup'>): string {
  if (a.mySignup?.status === 'waitlisted') return '取消后您就退出候补了，排在您后面的人往前移一位。确定取消吗？';
  const seat = a.waitlistCount > 0 ? '取消后，您的名额会马上让给候补第 1 位的人。' : '取消后名额会空出来留给别人。';
  return `${seat}想再参加需要重新报名。确定取消吗？`;
}

// The template the cloud sends activity news with, when meta cannot be read.
const ACTIVITY_TEMPLATE = 'activity_update';

interface SheetData {
  name?: string;
  phone?: string;
  templateId: string;
}

// Name and phone come from the profile when there is one; without one the sheet starts empty.
async function loadSheet(): Promise<SheetData> {
  const [profile, templateId] = await Promise.all([
    getMe().then(
      (me) => me.profile ?? {},
      () => ({}) as { name?: string; phone?: string },
    ),
    getMeta().then(
      (meta) => meta.notifications.activityUpdate ?? ACTIVITY_TEMPLATE,
      () => ACTIVITY_TEMPLATE,
    ),
  ]);
  return { name: profile.name, phone: profile.phone, templateId };
}

export function ActivityView({ id }: { id: string }) {
  const activity = useAsync(() => getActivity(id), [id]);
  const [signing, setSigning] = useState<SheetData | null>(null);
  const [opening, setOpening] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  if (!id) return <EmptyState title="没有找到这个活动" />;
  return (
    <Loaded state={activity}>
      {(a) => {
        const state = activityState(a, a.mySignup);

        const openSheet = async () => {
          if (opening) return;
          setOpening(true);
          setSigning(await loadSheet());
          setOpening(false);
        };

        const done = (result: ActivitySignupResult) => {
          setSigning(null);
          const title =
            result.status === 'waitlisted'
              ? `已候补第 ${result.waitlistPosition ?? ''} 位`
              : result.existing
                ? '您已经报过名了'
                : '报名成功';
          void Taro.showToast({ title, icon: result.status === 'confirmed' ? 'success' : 'none' });
          activity.reload({ silent: true });
        };

        const cancel = async () => {
          if (cancelling) return;
          const { confirm } = await Taro.showModal({
            title: '取消报名',
            content: cancelWarning(a),
            confirmText: '确定取消',
            confirmColor: '#c62828',
            cancelText: '再想想',
          });
          if (!confirm) return;
          setCancelling(true);
          try {
            await cancelActivitySignup(a.id);
            void Taro.showToast({ title: '已取消报名', icon: 'success' });
            activity.reload({ silent: true });
          } catch (e) {
            void Taro.showModal({ title: '没能取消', content: errorMessage(e), showCancel: false });
          } finally {
            setCancelling(false);
          }
        };

        return (
          <View>
            <View className="section">
              <View className="card card--padded">
                <View className="pl-article__title" id="activity-title">
                  {a.title}
                </View>
                <View className="pl-act__when">{spanText(a.startAt, a.endAt)}</View>
                <View className="list-item__desc">集合地点：{a.place}</View>
                <View className="list-item__desc">
                  共 {a.capacity} 个名额 · {timeText(a.signupDeadline)}截止报名
                </View>
              </View>
            </View>
            <View className="section">
              <SignupStateView state={state} id="activity-state" />
            </View>
            <View className="actions">
              {state.canSignUp ? (
                <Button
                  className="btn btn--primary btn--block"
                  id="signup"
                  disabled={opening || undefined}
                  onClick={() => void openSheet()}
                >
                  {a.seatsLeft > 0 ? '我要报名' : '报名候补'}
                </Button>
              ) : null}
              {state.canCancel ? (
                <Button
                  className="btn btn--danger btn--block"
                  id="cancel-signup"
                  disabled={cancelling || undefined}
                  onClick={() => void cancel()}
                >
                  {cancelling ? '正在取消…' : '取消报名'}
                </Button>
              ) : null}
            </View>
            <View className="section">
              <View className="section__title">活动内容</View>
              <View className="card card--padded pl-intro">{a.description}</View>
            </View>
            {signing ? (
              <SignupSheet
                event={a}
                title="报名参加"
                name={signing.name}
                phone={signing.phone}
                phoneHint="只给活动组织方联系您用"
                remind={
                  a.seatsLeft === 0
                    ? {
                        templateId: signing.templateId,
                        title: '递补上了通知我',
                        desc: '有人取消、您转为正式报名时，通过微信服务通知告诉您',
                        refused: '没有开启通知',
                      }
                    : undefined
                }
                idPrefix="act"
                send={({ remind, ...input }) => signUpForActivity({ activityId: a.id, ...input, ...(remind ? { remind } : {}) })}
                onDone={done}
                onClose={() => setSigning(null)}
              />
            ) : null}
          </View>
        );
      }}
    </Loaded>
  );
}

export default function ActivityPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <ActivityView id={param(params.id)} />
    </PageShell>
  );
}
