import { View } from '@tarojs/components';
import { useState } from 'react';
import { unitById } from '../../../core/org/model';
import { FigureTile, FigureTiles, RateTile } from '../../components/figures/tiles';
import { Loaded } from '../../components/loaded';
import { useOrganization } from '../../components/use-organization';
import { PeriodPicker } from '../../components/period-picker';
import { useAsync } from '../../lib/use-async';
import { getTask, type LiveFigure } from '../../services/ledger';
import { dayText } from '../../../core/time';
import type { Period } from '../../lib/period';

const PRESETS = ['year', 'month', 'lastMonth'] as const;

/** The figures themselves, by metric. */
export function LiveFigures({ live }: { live: LiveFigure }) {
  if (live.figures === null) return <View className="lg-empty-line">这段时间没有可统计的数据</View>;
  switch (live.metric) {
    case 'rates': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <FigureTile id="live-received" value={f.received} label="收到求助（件）" />
          <RateTile id="live-response" rate={f.responseRate} label="响应率" />
          <RateTile id="live-resolution" rate={f.resolutionRate} label="解决率" />
          <RateTile id="live-satisfaction" rate={f.satisfactionRate} label="满意率" />
          <RateTile id="live-ontime" rate={f.onTimeRate} label="按时办结率" />
        </FigureTiles>
      );
    }
    case 'cases_resolved': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <FigureTile id="live-resolved" value={f.resolved} label="办结（件）" />
          <FigureTile id="live-received" value={f.received} label="收到（件）" />
        </FigureTiles>
      );
    }
    case 'fairs': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <FigureTile id="live-fairs" value={f.fairs} label="举办招聘会（场）" />
          <FigureTile id="live-signed" value={f.signedUp} label="报名（人）" />
          <FigureTile id="live-checked" value={f.checkedIn} label="到场签到（人）" />
          <FigureTile id="live-hired" value={f.hired} label="录用（人）" />
        </FigureTiles>
      );
    }
    case 'policies_published': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <FigureTile id="live-published" value={f.published} label="正在公开的优待政策（条）" />
          <FigureTile id="live-published-period" value={f.publishedInPeriod} label="本时段新发布（条）" />
        </FigureTiles>
      );
    }
  }
}

const SOURCE: Record<LiveFigure['metric'], string> = {
  rates: '按转到部门的日期统计，和「三率统计」是同一个数。',
  cases_resolved: '按转到部门的日期统计。',
  fairs: '按招聘会举办的日期统计。',
  policies_published: '公开条数是现在的；新发布按发布日期统计。',
};

/**
 * A linked task's live evidence: the figure this system already knows, for a period (this year by
 * default) — nobody retypes it.
 */
export function LiveFigureCard({ taskId, initial }: { taskId: string; initial: LiveFigure }) {
  const org = useOrganization();
  const today = initial.to;
  const [period, setPeriod] = useState<Period>({ from: initial.from, to: initial.to });
  const first = period.from === initial.from && period.to === initial.to;
  const invalid = period.from > period.to;
  const answer = useAsync(
    () => (invalid ? Promise.resolve(null) : first ? Promise.resolve(initial) : getTask(taskId, period).then((t) => t.live)),
    [period.from, period.to],
  );
  const department = initial.departmentId ? unitById(org, initial.departmentId)?.shortName : null;

  return (
    <View className="card card--padded lg-live" id="live-figure">
      <View className="lg-live__title">
        {initial.label}
        {department ? ` · ${department}` : ''}
      </View>
      <View className="lg-live__hint">来自本系统的实时数据，不用手工填报。{SOURCE[initial.metric]}</View>
      <PeriodPicker id="live-period" value={period} onChange={setPeriod} presets={PRESETS} today={today} />
      {invalid ? null : (
        <Loaded state={answer} loadingText="正在统计…" errorTitle="没能统计出来">
          {(live) =>
            live ? (
              <View id="live-figures">
                <View className="lg-live__period">
                  {dayText(live.from)}至{dayText(live.to)}
                </View>
                <LiveFigures live={live} />
              </View>
            ) : null
          }
        </Loaded>
      )}
    </View>
  );
}
