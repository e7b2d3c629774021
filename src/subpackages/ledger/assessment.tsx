import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { chinaDay } from '../../../core/time';
import { useMadeFile } from '../../components/use-made-file';
import { FigureTable } from '../../components/figures/table';
import { FigureTile, FigureTiles } from '../../components/figures/tiles';
import { FileLink } from '../../components/file-link';
import { FilterTabs } from '../../components/filter-tabs';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { exportAssessment, getAssessment, type Assessment, type LedgerFile } from '../../services/ledger';
import { serverNow } from '../../services/meta';
import { getMe } from '../../services/users';
import { overseesLedger } from './use-me';
import './ledger.css';

const rate = (earned: number, possible: number) => (possible > 0 ? `${Math.round((earned / possible) * 1000) / 10}%` : '—');

function AssessmentBody({ a }: { a: Assessment }) {
  const t = a.total;
  return (
    <View id="assessment">
      <View className="section">
        <View className="card card--padded" id="assessment-total">
          <View className="lg-card__title">
            全县 {t.tasks} 项任务（统计截至 {a.asOf}）
          </View>
          <FigureTiles>
            <FigureTile value={t.earned} unit={`/${t.possible}`} label="验收得分" detail={`得分率 ${rate(t.earned, t.possible)}`} />
            <FigureTile value={t.expected} label="各单位自评分" />
            <FigureTile value={t.onTime} unit={`/${t.due}`} label="按时完成 / 本年到期" />
            <FigureTile value={t.overdue} alert={t.overdue > 0} label="逾期未完成" />
            <FigureTile value={t.urges} label="督办（次）" />
            <FigureTile value={t.problemsClosed} unit={`/${t.problems}`} label="检视问题已整改" />
          </FigureTiles>
        </View>
      </View>
      <View className="section">
        <View className="section__title">各成员单位（{a.units.length}）</View>
        <View className="section__hint">
          任务：牵头 / 配合；按时：完成时限前验收 / 本年到期；得分：验收得分 / 应得分值（牵头和配合的任务都计）；整改：已整改 / 检视问题。
        </View>
        {a.units.length === 0 ? (
          <View className="card card--padded lg-empty-line">还没有单位承担考评任务。</View>
        ) : (
          <FigureTable
            id="assessment-units"
            head={['单位', '任务', '按时', '逾期', '得分', '督办', '整改']}
            rows={a.units.map((u) => ({
              key: u.departmentId,
              id: `assessment-${u.departmentId}`,
              name: u.name,
              cells: [
                `${u.lead}/${u.assist}`,
                `${u.onTime}/${u.due}`,
                { value: u.overdue, alert: u.overdue > 0 },
                `${u.earned}/${u.possible}`,
                u.urges,
                `${u.problemsClosed}/${u.problems}`,
              ],
            }))}
          />
        )}
      </View>
    </View>
  );
}

function ExportCard({ year }: { year: number }) {
  const { file, busy, error, make: makeFile } = useMadeFile<LedgerFile>();
  const run = () => makeFile(() => exportAssessment(year));
  return (
    <View className="section">
      <View className="card card--padded" id="assessment-export">
        <View className="lg-card__text">同一张表导出为 .xlsx（含自评分和得分率），可直接报送组织部年度考评。</View>
        <Button
          className={`btn btn--ghost btn--block lg-add${busy ? ' btn--disabled' : ''}`}
          aria-disabled={busy}
          id="assessment-export-run"
          onClick={busy ? undefined : () => void run()}
        >
          {busy ? '正在生成…' : `导出 ${year} 年度考评表`}
        </Button>
        {file ? <FileLink file={file} id="assessment-file" /> : null}
        {error ? (
          <View className="field__error" role="alert">
            {error}
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** 年度考评 (read-only): each member unit's year as the 组织部 enters it, this year or last, and its sheet. */
export function AssessmentView({ thisYear }: { thisYear: number }) {
  const [year, setYear] = useState(String(thisYear));
  const answer = useAsync(() => getAssessment(Number(year)), [year]);
  const tabs = [thisYear, thisYear - 1].map((y) => ({ id: String(y), label: `${y} 年度` }));
  return (
    <View>
      <View className="hero">
        <View className="hero__title">年度考评</View>
        <View className="hero__text">各成员单位承担的创建任务、按时完成、得分、收到的督办和检视问题整改，组织部年度考评据此打分。</View>
      </View>
      <View className="section">
        <FilterTabs tabs={tabs} value={year} onChange={setYear} id="assessment-years" />
      </View>
      <Loaded state={answer}>{(a) => <AssessmentBody a={a} />}</Loaded>
      {/* A new year, a new sheet: the card starts over. */}
      <ExportCard key={year} year={Number(year)} />
      <View className="lg-bottom" />
    </View>
  );
}

export default function AssessmentPage() {
  // The year is the cloud's; the device's clock if that cannot be read.
  const ctx = useAsync(() => Promise.all([getMe(), serverNow().catch(() => new Date())]));
  return (
    <PageShell>
      <Loaded
        state={ctx}
        empty={{
          when: ([me]) => !overseesLedger(me),
          title: '年度考评由双拥办和县领导查看',
          description: '本单位的任务和得分可以在「本单位创建任务」里查看。',
        }}
      >
        {([, now]) => <AssessmentView thisYear={Number(chinaDay(now).slice(0, 4))} />}
      </Loaded>
    </PageShell>
  );
}
