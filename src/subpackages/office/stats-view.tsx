import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { casesContract } from '../../../core/contracts/cases';
import { unitById } from '../../../core/org/model';
import { useMadeFile } from '../../components/use-made-file';
import { rateText } from '../../components/figures/rate';
import { FigureTable } from '../../components/figures/table';
import { useOrganization } from '../../components/use-organization';
import { FigureTiles, RateTile } from '../../components/figures/tiles';
import { FileLink } from '../../components/file-link';
import { Loaded } from '../../components/loaded';
import { PeriodPicker } from '../../components/period-picker';
import { chinaDay, dayText } from '../../../core/time';
import { PERIODS, type Period } from '../../lib/period';
import { useAsync } from '../../lib/use-async';
import { validate } from '../../lib/validate';
import { exportStats, stats, type Figures, type LedgerFile, type Stats } from '../../services/cases';
import { RateBar } from './rate-bar';
import './office.css';

const RATES = [
  { key: 'responseRate', label: '响应率', means: '按时签收 ÷ 收到' },
  { key: 'resolutionRate', label: '解决率', means: '办结且没有重办 ÷ 办结' },
  { key: 'satisfactionRate', label: '满意率', means: '满意 ÷ 已评价（4 分以上或回访满意）' },
  { key: 'onTimeRate', label: '按时办结率', means: '按期办结 ÷ 办结' },
] as const;

const PRESETS = ['month', 'lastMonth', 'year'] as const;

function Totals({ total }: { total: Figures }) {
  return (
    <View className="card card--padded" id="stats-total">
      <View className="list-item__desc">
        收到 {total.received} 件 · 办结 {total.resolved} 件 · 在办 {total.open} 件
        {total.avgWorkdaysToResolve !== null ? ` · 平均 ${total.avgWorkdaysToResolve} 个工作日办结` : ''}
        {total.reopened > 0 ? ` · 重办 ${total.reopened} 件` : ''}
      </View>
      <FigureTiles>
        {RATES.map((r) => (
          <RateTile key={r.key} rate={total[r.key]} label={r.label} />
        ))}
      </FigureTiles>
    </View>
  );
}

function Departments({ data }: { data: Stats }) {
  const org = useOrganization();
  // A station that passed every case it got on to a county unit holds none of them now, yet it did the work:
  // it is shown with its escalations, not listed as having received nothing.
  const busy = (d: Stats['departments'][number]) => d.received > 0 || d.escalated > 0;
  const active = data.departments.filter(busy).sort((a, b) => b.received - a.received || b.escalated - a.escalated);
  const idle = data.departments.filter((d) => !busy(d));
  return (
    <View id="stats-departments">
      {active.map((d) => (
        <View key={d.departmentId} className="card card--padded dept" id={`dept-${d.departmentId}`}>
          <View className="dept__head">
            <View className="dept__name">{d.name}</View>
            <View className="dept__meta">
              收到 {d.received} 件{d.avgWorkdaysToResolve !== null ? ` · 平均 ${d.avgWorkdaysToResolve} 个工作日办结` : ''}
              {/* A station's cases handed on to a county unit: counted apart from 退单. */}
              {d.escalated > 0 ? ` · 上报县级 ${d.escalated} 件` : ''}
            </View>
          </View>
          {RATES.map((r) => (
            <RateBar key={r.key} label={r.label} rate={d[r.key]} />
          ))}
        </View>
      ))}
      {idle.length > 0 ? (
        <View className="section__hint">
          本期没有收到求助：{idle.map((d) => unitById(org, d.departmentId)?.shortName ?? d.name).join('、')}
        </View>
      ) : null}
    </View>
  );
}

function Categories({ data }: { data: Stats }) {
  const rows = data.categories.filter((c) => c.received > 0);
  return (
    <FigureTable
      id="stats-categories"
      head={['类别', '收到', '响应', '解决', '满意', '按时']}
      rows={rows.map((c) => ({ key: c.category, name: c.name, cells: [c.received, ...RATES.map((r) => rateText(c[r.key]))] }))}
    />
  );
}

function Export({ period }: { period: Period }) {
  const { file, busy, error, make: makeFile } = useMadeFile<LedgerFile>();
  const run = () => makeFile(() => exportStats(period.from, period.to));
  return (
    <View className="card card--padded" id="stats-export">
      <View className="list-item__desc">
        导出这段时间的台账（Excel）：一张汇总表，每个部门一张明细表，标题写明统计时段。可以直接用于双拥模范县的申报材料。
      </View>
      <Button
        className={`btn btn--primary btn--block export__btn${busy ? ' btn--disabled' : ''}`}
        aria-disabled={busy}
        onClick={busy ? undefined : () => void run()}
        id="export-ledger"
      >
        {busy ? '正在生成台账…' : '导出台账'}
      </Button>
      {file ? <FileLink file={file} id="ledger-link" failTitle="打不开台账" /> : null}
      {error ? (
        <View className="field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** The 三率 of a period: per department as bars, per category as a table, and the ledger to export. */
export function StatsView({ now }: { now: Date }) {
  const today = chinaDay(now);
  const [period, setPeriod] = useState<Period>(() => PERIODS.month.of(today));
  const checked = validate(casesContract.stats, period);
  const answer = useAsync(() => (checked.ok ? stats(period.from, period.to) : Promise.resolve(null)), [period.from, period.to]);
  const key = `${period.from}/${period.to}`;

  return (
    <View>
      <View className="section">
        <View className="card card--padded" id="stats-period">
          <View className="field__label">统计时段（按转到部门的日期）</View>
          <PeriodPicker id="period" label="统计时段" value={period} onChange={setPeriod} presets={PRESETS} today={today} />
        </View>
      </View>

      <Loaded
        state={answer}
        loadingText="正在统计…"
        errorTitle="没能统计出来"
        empty={{
          when: (d) => d?.total.received === 0,
          title: '这段时间没有收到求助',
          description: `${dayText(period.from)}至${dayText(period.to)}，没有转到部门的求助`,
        }}
      >
        {(d) =>
          // Nothing asked while the period is not valid: the error under the dates says why.
          d ? (
            <View>
              <View className="section">
                <View className="section__title">
                  {dayText(period.from)}至{dayText(period.to)}
                </View>
                <Totals total={d.total} />
              </View>
              <View className="section">
                <View className="section__title">各部门</View>
                <Departments data={d} />
              </View>
              <View className="section">
                <View className="section__title">各类别</View>
                <Categories data={d} />
              </View>
            </View>
          ) : null
        }
      </Loaded>

      {checked.ok ? (
        <View className="section">
          <View className="section__title">台账</View>
          <Export key={key} period={period} />
        </View>
      ) : null}

      <View className="section">
        <View className="figure-note">
          {RATES.map((r) => (
            <View key={r.key}>
              {r.label} = {r.means}
            </View>
          ))}
          <View>绿色 90% 以上，橙色 70%–90%，红色 70% 以下。</View>
        </View>
      </View>
    </View>
  );
}
