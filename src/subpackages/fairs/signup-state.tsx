import { View } from '@tarojs/components';
import type { FairSummary, MySignup } from '../../services/fairs';
import { timeText } from './dates';

export type StateTone = 'success' | 'waiting' | 'open' | 'closed';

export interface SignupState {
  title: string;
  detail: string;
  tone: StateTone;
  /** The person may sign up (again) now. */
  canSignUp: boolean;
  /** The person has a sign-up they may still cancel. */
  canCancel: boolean;
}

type FairFacts = Pick<FairSummary, 'phase' | 'seatsLeft' | 'waitlistCount' | 'startAt' | 'venue'>;
type Mine = (Pick<MySignup, 'status' | 'waitlistPosition'> & { promoted?: boolean }) | null | undefined;

/** Where the person stands with this fair, said plainly: 报名成功 / 候补第 n 位 / 报名已截止 / 已结束. */
export function signupState(fair: FairFacts, mine: Mine): SignupState {
  const none = { canSignUp: false, canCancel: false };
  const status = mine?.status;
  if (status === 'checkedIn') return { ...none, title: '已签到', detail: '祝您找到合适的岗位', tone: 'success' };
  if (fair.phase === 'cancelled') return { ...none, title: '招聘会已取消', detail: '这场招聘会不办了，请留意其他场次', tone: 'closed' };
  if (fair.phase === 'ended') return { ...none, title: '已结束', detail: '这场招聘会已经结束，请留意下一场', tone: 'closed' };
  const cancellable = fair.phase !== 'ongoing' || status === 'waitlisted';
  if (status === 'confirmed') {
    const how = `请在 ${timeText(fair.startAt)} 到${fair.venue.name}，凭签到码入场`;
    return {
      title: '报名成功',
      detail: mine?.promoted ? `有人取消，您已从候补转为正式报名。${how}` : how,
      tone: 'success',
      canSignUp: false,
      canCancel: cancellable,
    };
  }
  if (status === 'waitlisted') {
    const position = mine?.waitlistPosition;
    return {
      title: position ? `候补第 ${position} 位` : '候补中',
      detail: '有人取消时按顺序递补，递补成功会通知您',
      tone: 'waiting',
      canSignUp: false,
      canCancel: cancellable,
    };
  }
  if (status === 'cancelled') {
    const open = fair.phase === 'open';
    const detail = !open
      ? '报名已截止'
      : fair.seatsLeft > 0
        ? `还有 ${fair.seatsLeft} 个名额，想参加可以重新报名`
        : `名额已满，重新报名将排在候补第 ${fair.waitlistCount + 1} 位`;
    return { title: '已取消报名', detail, tone: 'closed', canSignUp: open, canCancel: false };
  }
  if (fair.phase === 'closed') return { ...none, title: '报名已截止', detail: '可以直接到现场咨询各单位的岗位', tone: 'closed' };
  if (fair.phase === 'ongoing') return { ...none, title: '正在进行', detail: '报名已截止，可以直接到现场咨询', tone: 'closed' };
  if (fair.seatsLeft > 0)
    return { title: `还有 ${fair.seatsLeft} 个名额`, detail: '报名后凭签到码入场', tone: 'open', canSignUp: true, canCancel: false };
  return {
    title: '名额已满，可以候补',
    detail: `已有 ${fair.waitlistCount} 人候补，有人取消时按顺序递补`,
    tone: 'open',
    canSignUp: true,
    canCancel: false,
  };
}

export function SignupStateView({ state, id }: { state: SignupState; id?: string }) {
  return (
    <View className={`fair-state fair-state--${state.tone}`} id={id} role="status">
      <View className="fair-state__title">{state.title}</View>
      <View className="fair-state__detail">{state.detail}</View>
    </View>
  );
}
