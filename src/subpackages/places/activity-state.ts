import { signupState, type Mine, type SignupState } from '../../components/signups/signup-state';
import type { Activity } from '../../services/places';
import { timeText } from '../../../core/time';

type Facts = Pick<Activity, 'phase' | 'seatsLeft' | 'waitlistCount' | 'startAt' | 'place' | 'signupDeadline'>;

/** Where the person stands with this activity: the shared sign-up rules in a volunteer activity's words. */
export function activityState(a: Facts, mine: Mine): SignupState {
  return signupState(a, mine, {
    calledOff: { title: '活动已取消', detail: '这次活动不办了，请留意其他活动' },
    ended: '活动已经结束，感谢每一位参加的志愿者',
    confirmed: () => `请在${timeText(a.startAt)}前到${a.place}集合。去不了请提前取消，把名额让给别人。`,
    waitlisted: '有人取消时按顺序递补，递补成功就算报上名了',
    closed: '下次活动早点报名',
    ongoing: '报名已截止，下次活动早点报名',
    open: `${timeText(a.signupDeadline)}截止报名`,
    cancelled: 'note',
  });
}
