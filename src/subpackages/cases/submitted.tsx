import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { timeText, weekdayText } from '../../../core/time';
import { backToServices, CASES } from './params';
import './cases.css';

/** SY260930001 → SY 260930 001: easier to read out over the phone. */
export const spaced = (trackingNo: string) => trackingNo.replace(/^([A-Z]+)(\d{6})(\d+)$/, '$1 $2 $3');

export interface ConfirmationProps {
  caseId: string;
  trackingNo: string;
  department: string;
  dueAt: string;
  signDueAt: string;
  urgent: boolean;
}

/** What happened (the tracking number, who has it, by when) and what comes next. */
export function Confirmation({ caseId, trackingNo, department, dueAt, signDueAt, urgent }: ConfirmationProps) {
  // An urgent case is signed for within hours: say the time, not only the day.
  const signBy = urgent ? timeText(signDueAt) : weekdayText(signDueAt);
  const copy = () => void Taro.setClipboardData({ data: trackingNo }).catch(() => undefined);

  return (
    <View>
      <View className="cs-done">
        <View className="cs-done__icon">✓</View>
        <View className="cs-done__title">已收到您的求助</View>
        <View className="cs-done__text" id="done-due">
          {department}将在 {weekdayText(dueAt)} 前答复您
        </View>
      </View>

      <View className="section">
        <View className="card card--padded cs-tracking">
          <View className="cs-tracking__label">受理编号</View>
          <View className="cs-tracking__no" id="tracking-no" aria-label={trackingNo}>
            {spaced(trackingNo)}
          </View>
          <View className="cs-tracking__hint">请记下这个编号。打电话问进度时，报这个编号就能查到。</View>
          <View className="link cs-tracking__copy" role="button" onClick={copy}>
            复制编号
          </View>
        </View>
      </View>

      <View className="section">
        <View className="section__title">接下来会怎样</View>
        <View className="card card--padded">
          <View className="cs-next">
            <View className="cs-next__no">1</View>
            <View className="cs-next__text">
              {department}会在 {signBy} 前签收，签收后会通知您。
            </View>
          </View>
          <View className="cs-next">
            <View className="cs-next__no">2</View>
            <View className="cs-next__text">办理中如果需要补充材料，我们会告诉您要什么，您在“我的求助”里补上就行。</View>
          </View>
          <View className="cs-next">
            <View className="cs-next__no">3</View>
            <View className="cs-next__text">办好后请您评价。问题没解决，可以选“没有解决”，会重新办理。</View>
          </View>
        </View>
      </View>

      <View className="actions">
        <Button
          className="btn btn--primary btn--block"
          id="view-case"
          onClick={() => void Taro.redirectTo({ url: `${CASES}/detail?id=${encodeURIComponent(caseId)}` })}
        >
          查看办理进度
        </Button>
        <Button className="btn btn--ghost btn--block" onClick={backToServices}>
          回到办事
        </Button>
      </View>
    </View>
  );
}

export default function SubmittedPage() {
  const { params } = useRouter();
  const caseId = param(params.id);
  const trackingNo = param(params.no);
  return (
    <PageShell>
      {caseId && trackingNo ? (
        <Confirmation
          caseId={caseId}
          trackingNo={trackingNo}
          department={param(params.dept) || '办理部门'}
          dueAt={param(params.due)}
          signDueAt={param(params.sign)}
          urgent={params.urgent === '1'}
        />
      ) : (
        <EmptyState
          title="没有找到这次提交"
          description="您提交过的求助都在“我的求助”里。"
          action={
            <Button className="btn btn--primary" onClick={() => void Taro.redirectTo({ url: `${CASES}/mine` })}>
              看看我的求助
            </Button>
          }
        />
      )}
    </PageShell>
  );
}
