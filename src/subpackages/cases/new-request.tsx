import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Me } from '../../../core/contracts/users';
import { Loaded } from '../../components/loaded';
import { query } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import type { Submitted } from '../../services/cases';
import { getMeta } from '../../services/meta';
import { isServiceError } from '../../services/service-error';
import { getMe } from '../../services/users';
import { CASES } from './params';
import { RequestForm } from './request-form';

type Caller = { me: Me } | { me: null; anonymous: boolean };

async function caller(): Promise<Caller> {
  try {
    return { me: await getMe() };
  } catch (e) {
    // The contact is only prefilled: a failure to read it must not keep anyone from asking for help.
    return { me: null, anonymous: isServiceError(e) && e.code === 'UNAUTHENTICATED' };
  }
}

/** The confirmation replaces the form, so 返回 from it does not lead back to a used form. */
export function showConfirmation(answer: Submitted, urgent: boolean) {
  const q = query({
    id: answer.caseId,
    no: answer.trackingNo,
    dept: answer.departmentName,
    due: answer.dueAt,
    sign: answer.signDueAt,
    urgent: urgent ? '1' : undefined,
  });
  void Taro.redirectTo({ url: `${CASES}/submitted?${q}` });
}

export function NewRequest({ initialCategory }: { initialCategory?: string }) {
  const data = useAsync(() => Promise.all([getMeta(), caller()]));

  return (
    <Loaded
      state={data}
      empty={{
        // Nobody to prefill or answer: in the browser without an identity, pick one on 我的 first.
        when: ([, who]) => !who.me && 'anonymous' in who && who.anonymous,
        title: '请先选择身份',
        description: '在微信里打开会自动识别您。本地演示时，请先到“我的”页选一个身份，再回来求助。',
        action: (
          <Button className="btn btn--primary" onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
            去“我的”选择身份
          </Button>
        ),
      }}
    >
      {([meta, who]) => <RequestForm meta={meta} me={who.me} initialCategory={initialCategory} onSubmitted={showConfirmation} />}
    </Loaded>
  );
}
