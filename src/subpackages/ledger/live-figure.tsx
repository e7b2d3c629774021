import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PLACE_KINDS, STORY_KINDS } from '../../../core/data/place-kinds';
import { SURVEY_MEASURE_TEXT } from '../../../core/ledger/survey';
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

/** A story kind's or a place kind's name. */
const kindName = (id: string): string => [...STORY_KINDS, ...PLACE_KINDS].find((k) => k.id === id)?.name ?? id;

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
    case 'stories': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <FigureTile id="live-stories" value={f.published} label={`${live.kind ? kindName(live.kind) : '典型宣传'}（篇）`} />
          {f.byKind.map((k) => (
            <FigureTile key={k.kind} id={`live-story-${k.kind}`} value={k.count} label={`${kindName(k.kind)}（篇）`} />
          ))}
        </FigureTiles>
      );
    }
    case 'volunteering': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <FigureTile id="live-activities" value={f.activities} label="志愿服务活动（场）" />
          <FigureTile id="live-volunteer-signed" value={f.signedUp} label="报名（人次）" />
          <FigureTile id="live-volunteer-checked" value={f.checkedIn} label="到场志愿者（人次）" />
          <FigureTile id="live-hours" value={f.hours} label="志愿服务时长（小时）" detail="活动时长 × 到场人数" />
        </FigureTiles>
      );
    }
    case 'stations': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <FigureTile
            id="live-stations"
            value={f.stations}
            label={live.minStars ? `${live.minStars} 星及以上服务站（个）` : '服务站（个）'}
          />
          {f.byStars.map((s) => (
            <FigureTile
              key={s.stars}
              id={`live-stars-${s.stars}`}
              value={s.count}
              label={s.stars ? `${s.stars} 星（个）` : '未评星（个）'}
            />
          ))}
        </FigureTiles>
      );
    }
    case 'five_batches': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <FigureTile id="live-units" value={f.units} label={`${live.kind ? kindName(live.kind) : '“五个一批”单位'}（个）`} />
          {f.byKind.map((k) => (
            <FigureTile key={k.kind} id={`live-unit-${k.kind}`} value={k.count} label={`${kindName(k.kind)}（个）`} />
          ))}
        </FigureTiles>
      );
    }
    case 'awareness':
    case 'support':
    case 'participation': {
      const f = live.figures;
      if (!f) return null;
      return (
        <FigureTiles>
          <RateTile id="live-survey-rate" rate={f.rate} label={SURVEY_MEASURE_TEXT[live.metric]} />
          <FigureTile id="live-survey-sample" value={f.sample} label="样本（份问卷）" />
        </FigureTiles>
      );
    }
  }
}

/** What the link's rule earns of the figure, beside it: "知晓率 66.7%，目标 90% → 1.4 / 2 分". */
export function LiveScoreLine({ live }: { live: LiveFigure }) {
  const s = live.score;
  if (!s) return null;
  const value = s.value === null ? '暂无数据' : `${s.value}${s.unit}`;
  return (
    <View className="lg-live__score" id="live-score">
      {s.label} {value}，目标 {s.target}
      {s.unit} → <Text className="lg-live__earned">{s.earned === null ? '—' : s.earned}</Text> / {s.points} 分
    </View>
  );
}

const SOURCE: Record<LiveFigure['metric'], string> = {
  rates: '按转到部门的日期统计，和「三率统计」是同一个数。',
  cases_resolved: '按转到部门的日期统计。',
  fairs: '按招聘会举办的日期统计。',
  policies_published: '公开条数是现在的；新发布按发布日期统计。',
  stories: '按「双拥故事」的发布日期统计。',
  volunteering: '按活动开始的日期统计；时长 = 活动时长 × 到场签到的志愿者。',
  stations: '是「身边」地图上现有的服务站，按星级统计。',
  five_batches: '是「身边」地图上现有的“五个一批”单位。',
  awareness: '来自群众问卷，按填写日期统计；样本是回答了这道题的问卷份数。',
  support: '来自群众问卷，按填写日期统计；样本是回答了这道题的问卷份数。',
  participation: '来自群众问卷，按填写日期统计；样本是回答了这道题的问卷份数。',
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
                <LiveScoreLine live={live} />
              </View>
            ) : null
          }
        </Loaded>
      )}
    </View>
  );
}
