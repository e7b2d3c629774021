import { View } from '@tarojs/components';
import { Timeline } from '../../components/casework/case-detail';
import type { FormerHolderCase } from '../../services/cases';

export const isFormerHolderCase = (c: object): c is FormerHolderCase => 'formerHolder' in c;

/**
 * What a department the case has left still reads: its own entries, nothing of the request or the
 * requester. Drawn inside the case page's PageShell.
 */
export function FormerHolderCaseView({ c }: { c: FormerHolderCase }) {
  return (
    <>
      <View className="section">
        <View className="section__title">受理编号 {c.trackingNo}</View>
        <View className="card card--padded">
          <View className="case-actions__hint" id="former-holder-notice">
            {c.notice}
          </View>
        </View>
      </View>
      <View className="section">
        <View className="section__title">本部门写下的记录</View>
        <Timeline entries={c.timeline} />
      </View>
    </>
  );
}
