import { View } from '@tarojs/components';
import type { Activity, ActivitySignup } from '../../services/places';
import { timeText } from './dates';

export type StateTone = 'success' | 'waiting' | 'open' | 'closed';

export interface ActivityState {
  title: string;
  detail: string;
  tone: StateTone;
  /** The person may sign up (again) now. */
  canSignUp: boolean;
  /** The person has a sign-up they may still cancel. */
  canCancel: boolean;
}

type Facts = Pick<Activity, 'phase' | 'seatsLeft' | 'waitlistCount' | 'startAt' | 'place' | 'signupDeadline'>;
type Mine = Pick<ActivitySignup, 'status' | 'waitlistPosition'> | null | undefined;

/** Where the person stands with this activity, said plainly: 报名成功 / 候补第 n 位 / 报名已截止 / 已结束. */
export function activityState(a: Facts, mine: Mine): ActivityState {
  const none = { canSignUp: false, canCancel: false };
  const status = mine?.status;
  if (a.phase === 'cancelled') return { ...none, title: '活动已取消', detail: '这次活动不办了，请留意其他活动', tone: 'closed' };
  if (a.phase === 'ended') return { ...none, title: '已结束', detail: '活动已经结束，感谢每一位参加的志愿者', tone: 'closed' };
  // Once it has started, a seat can no longer be given up; leaving the waitlist still can.
  const cancellable = a.phase !== 'ongoing' || status === 'waitlisted';
  if (status === 'confirmed' || status === 'checkedIn') {
    return {
      title: '报名成功',
      detail: `请在${timeText(a.startAt)}前到${a.place}集合。去不了请提前取消，把名额让给别人。`,
      tone: 'success',
      canSignUp: false,
      canCancel: cancellable,
    };
  }
  if (status === 'waitlisted') {
    const position = mine?.waitlistPosition;
    return {
      title: position ? `候补第 ${position} 位` : '候补中',
      detail: '有人取消时按顺序递补，递补成功就算报上名了',
      tone: 'waiting',
      canSignUp: false,
      canCancel: cancellable,
    };
  }
  if (a.phase === 'ongoing') return { ...none, title: '正在进行', detail: '报名已截止，下次活动早点报名', tone: 'closed' };
  if (a.phase === 'closed') return { ...none, title: '报名已截止', detail: '下次活动早点报名', tone: 'closed' };
  const again = status === 'cancelled' ? '您已取消报名，想参加可以重新报名。' : '';
  const until = `${timeText(a.signupDeadline)}截止报名`;
  if (a.seatsLeft > 0)
    return { title: `还有 ${a.seatsLeft} 个名额`, detail: `${again}${until}`, tone: 'open', canSignUp: true, canCancel: false };
  return {
    title: '名额已满，可以候补',
    detail: `${again}已有 ${a.waitlistCount} 人候补，有人取消时按顺序递补`,
    tone: 'open',
    canSignUp: true,
    canCancel: false,
  };
}

export function ActivityStateView({ state }: { state: ActivityState }) {
  return (
    <View className={`pl-state pl-state--${state.tone}`} id="activity-state" role="status">
      <View className="pl-state__title">{state.title}</View>
      <View className="pl-state__detail">{state.detail}</View>
    </View>
  );
}
