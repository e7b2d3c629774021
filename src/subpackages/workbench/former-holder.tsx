import { View } from '@tarojs/components';
import { when } from '../../components/casework/deadline';
import { PageShell } from '../../components/page-shell';
import type { FormerHolderCase } from '../../services/cases';

export const isFormerHolderCase = (c: object): c is FormerHolderCase => 'formerHolder' in c;

/** What a department the case has left still reads: its own entries, nothing of the request or the requester. */
export function FormerHolderCaseView({ c }: { c: FormerHolderCase }) {
  return (
    <PageShell>
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
        <View className="card card--padded timeline" id="case-timeline">
          {[...c.timeline].reverse().map((e, i) => (
            <View key={`${e.at}-${i}`} className={`timeline__item${e.internal ? ' timeline__item--internal' : ''}`}>
              <View className="timeline__dot" />
              <View className="timeline__body">
                <View className="timeline__meta">
                  {when(e.at)}
                  {e.internal ? <View className="tag tag--plain timeline__internal">内部</View> : null}
                </View>
                <View className="timeline__text">{e.text}</View>
              </View>
            </View>
          ))}
        </View>
      </View>
    </PageShell>
  );
}
