import { signupState, type Mine, type SignupState } from '../../components/signups/signup-state';
import type { FairSummary } from '../../services/fairs';
import { timeText } from '../../../core/time';

type FairFacts = Pick<FairSummary, 'phase' | 'seatsLeft' | 'waitlistCount' | 'startAt' | 'venue'>;

/** Where the person stands with this fair: the shared sign-up rules in a job fair's words. */
export function fairState(fair: FairFacts, mine: Mine): SignupState {
  return signupState(fair, mine, {
    checkedIn: { title: '已签到', detail: '祝您找到合适的岗位' },
    calledOff: { title: '招聘会已取消', detail: '这场招聘会不办了，请留意其他场次' },
    ended: '这场招聘会已经结束，请留意下一场',
    confirmed: (promoted) => {
      const how = `请在 ${timeText(fair.startAt)} 到${fair.venue.name}，凭签到码入场`;
      return promoted ? `有人取消，您已从候补转为正式报名。${how}` : how;
    },
    waitlisted: '有人取消时按顺序递补，递补成功会通知您',
    closed: '可以直接到现场咨询各单位的岗位',
    ongoing: '报名已截止，可以直接到现场咨询',
    open: '报名后凭签到码入场',
    cancelled: 'state',
  });
}
