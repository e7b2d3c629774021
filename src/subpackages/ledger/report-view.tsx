import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { unitById } from '../../../core/org/model';
import { FigureTable } from '../../components/figures/table';
import { FigureTile, FigureTiles } from '../../components/figures/tiles';
import { FileLink } from '../../components/file-link';
import { Loaded } from '../../components/loaded';
import { useOrganization } from '../../components/use-organization';
import { PeriodPicker } from '../../components/period-picker';
import { useAsync } from '../../lib/use-async';
import { weeklyReport, type Report } from '../../services/ledger';
import { dayText, shortDay } from '../../../core/time';
import { PERIODS, type Period } from '../../lib/period';
import { LiveFigures } from './live-figure';
import { ownersText, StatusTag } from './marks';
import { taskUrl } from './task-row';

const open = (id: string) => () => void Taro.navigateTo({ url: taskUrl(id) });

function ReportBody({ report }: { report: Report }) {
  const org = useOrganization();
  const t = report.total;
  const thisYear = report.today.slice(0, 4);
  return (
    <View id="report">
      <View className="section">
        <View className="card card--padded" id="report-summary">
          <View className="lg-card__title">
            {dayText(report.period.from)}至{dayText(report.period.to)}
          </View>
          <FigureTiles>
            <FigureTile value={t.expected} unit={`/${t.points}`} label="预计得分" />
            <FigureTile value={`${t.progress}%`} label="完成进度" />
            <FigureTile value={report.changed.length} label="本期更新（项）" />
            <FigureTile value={report.overdueTasks.length} alert={report.overdueTasks.length > 0} label="逾期任务（项）" />
          </FigureTiles>
          <View className="figure-note">
            共 {t.tasks} 项：已验收 {t.accepted}，自评达标 {t.ready}，推进中 {t.inProgress}，未开始 {t.notStarted}；逾期未改的检视问题{' '}
            {report.overdueProblems.length} 条。
          </View>
          <FileLink file={report.file} id="report-file" />
        </View>
      </View>

      <View className="section">
        <View className="section__title">本期更新的任务（{report.changed.length}）</View>
        {report.changed.length === 0 ? (
          <View className="card card--padded lg-empty-line">这段时间没有任务更新。</View>
        ) : (
          <View className="card" id="report-changed">
            {report.changed.map((c) => (
              <View key={c.id} className="list-item lg-item" role="button" onClick={open(c.id)} id={`changed-${c.code}`}>
                <View className="list-item__main">
                  <View className="list-item__title">
                    {c.code} {c.content}
                  </View>
                </View>
                <StatusTag status={c.status} />
              </View>
            ))}
          </View>
        )}
      </View>

      <View className="section">
        <View className="section__title">各部门</View>
        <FigureTable
          id="report-departments"
          head={['部门', '验收/任务', '进度', '逾期']}
          rows={report.departments.map((d) => ({
            key: d.departmentId,
            id: `report-dept-${d.departmentId}`,
            name: unitById(org, d.departmentId)?.shortName ?? d.name,
            cells: [`${d.accepted}/${d.tasks}`, `${d.progress}%`, { value: d.overdue, alert: d.overdue > 0 }],
          }))}
        />
      </View>

      {report.live.length ? (
        <View className="section">
          <View className="section__title">实时数据</View>
          <View className="section__hint">本系统已有的数字，按本期统计。</View>
          {report.live.map((l) => (
            <View key={l.code} className="card card--padded lg-live lg-live--stacked" id={`report-live-${l.code}`}>
              <View className="lg-live__title">
                {l.code} {l.label}
                {l.departmentId ? ` · ${unitById(org, l.departmentId)?.shortName ?? ''}` : ''}
              </View>
              <View className="lg-live__hint">{l.content}</View>
              <LiveFigures live={l} />
            </View>
          ))}
        </View>
      ) : null}

      {report.overdueTasks.length ? (
        <View className="section">
          <View className="section__title">逾期任务</View>
          <View className="card" id="report-overdue">
            {report.overdueTasks.map((o) => (
              <View key={o.id} className="list-item lg-item" role="button" onClick={open(o.id)}>
                <View className="list-item__main">
                  <View className="list-item__title">
                    {o.code} {o.content}
                  </View>
                  <View className="list-item__desc">
                    {ownersText(org, o.ownerDepartments, o.persons)} · 期限 {shortDay(o.deadline, thisYear)}
                    {o.urged ? ` · 已督办 ${o.urged} 次` : ''}
                  </View>
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** 定期报告: the week by default; the same content as an .xlsx to send on. */
export function ReportView({ today }: { today: string }) {
  const [period, setPeriod] = useState<Period>(() => PERIODS.week.of(today));
  const [asked, setAsked] = useState<Period>(period);
  const answer = useAsync(() => weeklyReport(asked.from, asked.to), [asked.from, asked.to]);
  const invalid = period.from > period.to;
  const same = period.from === asked.from && period.to === asked.to;
  return (
    <View>
      <View className="section">
        <View className="card card--padded" id="report-period">
          <View className="field__label">报告时段</View>
          <PeriodPicker
            id="report-period-picker"
            value={period}
            onChange={setPeriod}
            presets={['week', 'month', 'lastMonth']}
            today={today}
          />
          <Button
            className={`btn btn--primary btn--block lg-add${invalid || (same && answer.status !== 'error') ? ' btn--disabled' : ''}`}
            aria-disabled={invalid || (same && answer.status !== 'error')}
            id="report-run"
            onClick={invalid ? undefined : same ? () => answer.reload() : () => setAsked(period)}
          >
            {same && answer.status === 'ready' ? '已生成这段时间的报告' : '生成报告'}
          </Button>
        </View>
      </View>
      <Loaded
        state={answer}
        loadingText="正在生成报告…"
        errorTitle="没能生成报告"
        empty={{ when: (r) => r.total.tasks === 0, title: '还没有考评任务', description: '先在「考评标准」里导入本年度的标准。' }}
      >
        {(r) => <ReportBody report={r} />}
      </Loaded>
      <View className="lg-bottom" />
    </View>
  );
}
