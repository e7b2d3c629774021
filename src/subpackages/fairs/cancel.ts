import Taro from '@tarojs/taro';
import { errorMessage } from '../../components/error-state';
import { cancelSignup, type SignupStatus } from '../../services/fairs';

/** What cancelling does, said before it is done: a seat goes to the first person waiting. */
export function cancelWarning(status: SignupStatus, waitlistCount: number): string {
  if (status === 'waitlisted') return '取消后您就退出候补了，排在您后面的人往前移一位。确定取消吗？';
  const seat =
    waitlistCount > 0 ? '取消后，您的名额会马上让给候补第 1 位的人，签到码随之作废。' : '取消后名额会空出来留给别人，签到码随之作废。';
  return `${seat}想再参加需要重新报名，排在最后。确定取消吗？`;
}

/** Asks first; answers true once the sign-up is cancelled, false when the person kept it or it failed. */
export async function confirmAndCancel(fairId: string, status: SignupStatus, waitlistCount: number): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '取消报名',
    content: cancelWarning(status, waitlistCount),
    confirmText: '确定取消',
    confirmColor: '#c62828',
    cancelText: '再想想',
  });
  if (!confirm) return false;
  try {
    await cancelSignup(fairId);
    void Taro.showToast({ title: '已取消报名', icon: 'success' });
    return true;
  } catch (e) {
    void Taro.showModal({ title: '没能取消', content: errorMessage(e), showCancel: false });
    return false;
  }
}
