import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { dayText, describeChina, shortDay } from '../../../core/time';
import { Loaded } from '../../components/loaded';
import { useAsync } from '../../lib/use-async';
import { getMilestones, listReports, type ReportSummary } from '../../services/ledger';
import { scheduleText } from './milestones-view';
import './milestones.css';

export const weeklyUrl = (id: string) => `/subpackages/ledger/weekly?id=${encodeURIComponent(id)}`;

function Row({ r }: { r: ReportSummary }) {
  const thisYear = r.day.slice(0, 4);
  return (
    <View className="list-item lg-item" role="button" id={`report-${r.id}`} onClick={() => void Taro.navigateTo({ url: weeklyUrl(r.id) })}>
      <View className="list-item__main">
        <View className="list-item__title">{dayText(r.day)} 周报</View>
        <View className="list-item__desc">
          {shortDay(r.period.from, thisYear)}至{shortDay(r.period.to, thisYear)} · 预计 {r.expected}/{r.points} 分 · 完成 {r.progress}%
          {r.overdueTasks ? ` · 逾期 ${r.overdueTasks} 项` : ''}
        </View>
        <View className="list-item__desc">
          有进展 {r.moved} 个单位 · 停滞或退步 {r.stalled} 个单位
        </View>
      </View>
      <View className="list-item__arrow" />
    </View>
  );
}

/** 周报: the reports the timer wrote, newest first, each opening on its own page. */
export function ReportsView() {
  const answer = useAsync(() => Promise.all([listReports(), getMilestones()]));
  return (
    <View>
      <View className="hero">
        <View className="hero__title">创建周报</View>
        <View className="hero__text" id="reports-schedule">
          {answer.status === 'ready'
            ? `${scheduleText(answer.data[1].report)}自动生成，各单位收到本单位的一行；下一期 ${describeChina(answer.data[1].nextReportAt)}。`
            : '系统每周自动生成，各单位收到本单位的一行。'}
        </View>
      </View>
      <View className="section">
        <Loaded
          state={answer}
          errorTitle="没能读出周报"
          empty={{ when: ([list]) => list.items.length === 0, title: '还没有周报', description: '到了设定的时间，系统会自动生成第一期。' }}
        >
          {([list]) => (
            <View className="card" id="reports-list">
              {list.items.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </View>
          )}
        </Loaded>
      </View>
      <View className="lg-bottom" />
    </View>
  );
}
