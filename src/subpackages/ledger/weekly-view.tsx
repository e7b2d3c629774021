import { Text, View } from '@tarojs/components';
import type { Me } from '../../../core/contracts/users';
import { TREND_TEXT, type Trend } from '../../../core/ledger/weekly-report';
import { unitShortName } from '../../../core/org/model';
import { dayText, describeChina, shortDay } from '../../../core/time';
import { FigureTable } from '../../components/figures/table';
import { FigureTile, FigureTiles } from '../../components/figures/tiles';
import { FileLink } from '../../components/file-link';
import { Loaded } from '../../components/loaded';
import { useOrganization } from '../../components/use-organization';
import { useAsync } from '../../lib/use-async';
import { getWeeklyReport, type WeeklyReport } from '../../services/ledger';
import { countdownText } from './milestones-countdown';
import { overseesLedger } from './use-me';
import './milestones.css';

type Line = WeeklyReport['units'][number];
type Change = WeeklyReport['comparison']['units'][number];

export function TrendTag({ trend }: { trend: Trend }) {
  return <Text className={`tag ms-trend ms-trend--${trend}`}>{TREND_TEXT[trend]}</Text>;
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** What changed for a unit since the week before: 预计 +1.5 分，验收 +1 项. */
function deltaText(c: Change): string {
  const parts = [
    c.expectedDelta ? `预计 ${signed(c.expectedDelta)} 分` : '',
    c.acceptedDelta ? `验收 ${signed(c.acceptedDelta)} 项` : '',
    c.readyDelta ? `自评达标 ${signed(c.readyDelta)} 项` : '',
    c.urgesDelta > 0 ? `新督办 ${c.urgesDelta} 次` : '',
  ].filter(Boolean);
  return parts.join('，') || '与上周相同';
}

/** A unit's line of the report, as its staff were sent it, with its change since the week before. */
function UnitLineCard({ line, change, id }: { line: Line; change: Change | undefined; id: string }) {
  return (
    <View className="card card--padded ms-line--mine" id={id}>
      <View className="lg-card__title">
        {line.name}
        {change ? <TrendTag trend={change.trend} /> : null}
      </View>
      <View className="lg-card__text">
        负责 {line.tasks} 项：已验收 {line.accepted}，自评达标 {line.ready}，逾期 {line.overdue}；预计 {line.expected}/{line.points}{' '}
        分；未整改问题 {line.openProblems} 条；累计督办 {line.urges} 次。
      </View>
      {change && change.trend !== 'new' ? <View className="ms-delta">比上周：{deltaText(change)}</View> : null}
    </View>
  );
}

function Movement({ report }: { report: WeeklyReport }) {
  const org = useOrganization();
  const { comparison } = report;
  if (!comparison.previousId) {
    return <View className="card card--padded lg-empty-line">这是第一期周报，下一期起与上周比较。</View>;
  }
  const of = (trends: Trend[]) => comparison.units.filter((u) => trends.includes(u.trend));
  const groups: { id: string; title: string; units: Change[] }[] = [
    { id: 'moved', title: '有进展', units: of(['moved']) },
    { id: 'stalled', title: '停滞', units: of(['stalled']) },
    { id: 'slipped', title: '退步', units: of(['slipped']) },
  ];
  return (
    <View className="card" id="weekly-movement">
      {groups
        .filter((g) => g.units.length > 0)
        .map((g) => (
          <View key={g.id} className="list-item lg-item" id={`weekly-${g.id}`}>
            <View className="list-item__main">
              <View className="list-item__title">
                {g.title}（{g.units.length}）
              </View>
              {g.units.map((u) => (
                <View key={u.departmentId} className="list-item__desc">
                  {unitShortName(org, u.departmentId)}：{deltaText(u)}
                </View>
              ))}
            </View>
          </View>
        ))}
    </View>
  );
}

function ReportBody({ report, me }: { report: WeeklyReport; me: Me }) {
  const org = useOrganization();
  const thisYear = report.day.slice(0, 4);
  const t = report.total;
  const changeOf = (id: string) => report.comparison.units.find((u) => u.departmentId === id);
  const mine = me.departmentId ? report.units.find((u) => u.departmentId === me.departmentId) : undefined;
  return (
    <View id="weekly-report">
      <View className="hero">
        <View className="hero__title">{dayText(report.day)} 周报</View>
        <View className="hero__text">
          {shortDay(report.period.from, thisYear)}至{shortDay(report.period.to, thisYear)}；{describeChina(report.at)} 生成，之后不再改动。
        </View>
      </View>

      {mine ? (
        <View className="section">
          <View className="section__title">本单位</View>
          <UnitLineCard line={mine} change={changeOf(mine.departmentId)} id="weekly-mine" />
        </View>
      ) : null}

      <View className="section">
        <View className="card card--padded" id="weekly-summary">
          <FigureTiles>
            <FigureTile value={t.expected} unit={`/${t.points}`} label="预计得分" />
            <FigureTile value={`${t.progress}%`} label="完成进度" />
            <FigureTile value={report.changed} label="本周更新（项）" />
            <FigureTile value={report.overdueTasks} alert={report.overdueTasks > 0} label="逾期任务（项）" />
          </FigureTiles>
          <View className="figure-note">
            共 {t.tasks} 项：已验收 {t.accepted}，自评达标 {t.ready}，推进中 {t.inProgress}，未开始 {t.notStarted}；逾期未改的检视问题{' '}
            {report.overdueProblems} 条。
          </View>
          {report.milestones.map((m) => (
            <View key={m.date} className="figure-note" id={`weekly-milestone-${m.date}`}>
              {shortDay(m.date, thisYear)} {m.name}（{countdownText(m.daysLeft)}）：未完成任务 {m.tasks} 项，整改问题 {m.problems} 条
            </View>
          ))}
          {report.file ? <FileLink file={report.file} id="weekly-file" /> : null}
        </View>
      </View>

      <View className="section">
        <View className="section__title">与上周相比</View>
        {report.comparison.previousDay ? (
          <View className="section__hint">对比 {dayText(report.comparison.previousDay)} 的周报：预计得分或完成的任务增加算有进展。</View>
        ) : null}
        <Movement report={report} />
      </View>

      <View className="section">
        <View className="section__title">各单位</View>
        <FigureTable
          id="weekly-units"
          head={['单位', '验收/任务', '逾期', '预计分', '问题', '督办']}
          rows={report.units.map((u) => ({
            key: u.departmentId,
            id: `weekly-unit-${u.departmentId}`,
            name: unitShortName(org, u.departmentId),
            cells: [`${u.accepted}/${u.tasks}`, { value: u.overdue, alert: u.overdue > 0 }, u.expected, u.openProblems, u.urges],
          }))}
        />
      </View>

      {report.delivery && overseesLedger(me) ? (
        <View className="section">
          <View className="section__hint" id="weekly-delivery">
            已向 {report.delivery.units} 个单位的工作人员发出 {report.delivery.sent} 条提醒
            {report.delivery.missed ? `，${report.delivery.missed} 人没有收到（未订阅提醒）` : ''}。
          </View>
        </View>
      ) : null}
      <View className="lg-bottom" />
    </View>
  );
}

/** One weekly report, as it was written: leaders and the 双拥办 read it whole, a unit finds its own line first. */
export function WeeklyReportView({ id, me }: { id: string; me: Me }) {
  const answer = useAsync(() => getWeeklyReport(id), [id]);
  return (
    <Loaded state={answer} loadingText="正在打开周报…" errorTitle="没能打开这期周报">
      {(r) => <ReportBody report={r} me={me} />}
    </Loaded>
  );
}
