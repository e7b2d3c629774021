import { PLACE_KINDS, STORY_KINDS } from '../data/place-kinds';
import { AppError, type Issue } from '../envelope';
import type { LiveLink, LiveMetric } from './model';
import type { LiveFigure, LiveFigures, LiveScore } from './port';

/**
 * How a live figure turns into points. A standard says what earns a task's points ("每年发布典型宣传不少于
 * 12 篇", "群众知晓率达到 90%"): the 双拥办 links the task to the figure that measures it, names the measure,
 * the target and the points, and the task shows beside the figure what it earns now — the points in full at
 * the target, its share below it.
 */

export interface LiveMeasure {
  id: string;
  name: string;
  unit: string;
  /** A rate: measured in percent (0–100) of its numerator over its denominator. */
  rate?: true;
}

const pct = (id: string, name: string): LiveMeasure => ({ id, name, unit: '%', rate: true });

/** What can be measured of each metric; the first is what a rule measures unless it names another. */
export const LIVE_MEASURES: Record<LiveMetric, readonly LiveMeasure[]> = {
  rates: [
    pct('responseRate', '响应率'),
    pct('resolutionRate', '解决率'),
    pct('satisfactionRate', '满意率'),
    pct('onTimeRate', '按时办结率'),
  ],
  cases_resolved: [
    { id: 'resolved', name: '办结', unit: '件' },
    { id: 'received', name: '收到', unit: '件' },
  ],
  fairs: [
    { id: 'fairs', name: '举办招聘会', unit: '场' },
    { id: 'signedUp', name: '报名', unit: '人' },
    { id: 'checkedIn', name: '到场签到', unit: '人' },
    { id: 'hired', name: '录用', unit: '人' },
  ],
  policies_published: [
    { id: 'published', name: '公开的优待政策', unit: '条' },
    { id: 'publishedInPeriod', name: '本时段新发布', unit: '条' },
  ],
  stories: [{ id: 'published', name: '发布典型宣传', unit: '篇' }],
  volunteering: [
    { id: 'activities', name: '开展志愿服务活动', unit: '场' },
    { id: 'signedUp', name: '报名', unit: '人次' },
    { id: 'checkedIn', name: '到场志愿者', unit: '人次' },
    { id: 'hours', name: '志愿服务时长', unit: '小时' },
  ],
  stations: [{ id: 'stations', name: '服务站', unit: '个' }],
  five_batches: [{ id: 'units', name: '“五个一批”单位', unit: '个' }],
  awareness: [pct('rate', '知晓率')],
  support: [pct('rate', '支持率')],
  participation: [pct('rate', '参与率')],
};

/** The kinds of 五个一批 unit: the places of that group (双拥示范社区, 少年军校, …). */
export const FIVE_BATCH_KINDS = PLACE_KINDS.filter((k) => k.group === '五个一批');
/** The kinds of station counted by star level: 退役军人服务站 and 双拥工作站. */
export const STATION_KINDS = PLACE_KINDS.filter((k) => k.group === '服务站');

/** Metrics that can be narrowed to one unit's cases. */
export const PER_DEPARTMENT_METRICS: readonly LiveMetric[] = ['rates', 'cases_resolved'];
/** Metrics narrowed by kind, and the kinds each takes. */
export const LINK_KINDS: Partial<Record<LiveMetric, readonly { id: string; name: string }[]>> = {
  stories: STORY_KINDS,
  five_batches: FIVE_BATCH_KINDS,
};

export const measureOf = (link: Pick<LiveLink, 'metric' | 'measure'>): LiveMeasure | undefined =>
  LIVE_MEASURES[link.metric].find((m) => m.id === (link.measure ?? LIVE_MEASURES[link.metric][0]?.id));

/** Why a link cannot be kept as sent: each issue names its field under `link`. */
export function linkIssues(link: LiveLink): Issue[] {
  const issues: Issue[] = [];
  const at = (field: string, message: string) => issues.push({ path: ['link', field], message });
  const kinds = LINK_KINDS[link.metric];
  if (link.kind !== undefined && !kinds?.some((k) => k.id === link.kind)) at('kind', kinds ? '没有这个类别' : '这项数据不分类别');
  if (link.minStars !== undefined && link.metric !== 'stations') at('minStars', '只有服务站按星级统计');
  if (link.measure !== undefined && !measureOf(link)) at('measure', '这项数据没有这个统计口径');
  if ((link.target === undefined) !== (link.points === undefined)) {
    at(link.target === undefined ? 'target' : 'points', '目标和分值要一起填');
  }
  const measure = measureOf(link);
  if (link.target !== undefined && measure?.rate && link.target > 100) at('target', '比率的目标最多 100%');
  return issues;
}

const floor1 = (n: number) => Math.floor(n * 10 + 1e-9) / 10;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The value of one measure of a figure: a count, hours, or a rate in percent (null with nothing to divide by). */
export function measureValue(live: LiveFigure, measure: LiveMeasure): number | null {
  if (live.figures === null) return null;
  const raw = (live.figures as unknown as Record<string, unknown>)[measure.id];
  if (measure.rate) {
    const r = raw as { numerator: number; denominator: number } | undefined;
    return r && r.denominator > 0 ? round1((r.numerator / r.denominator) * 100) : null;
  }
  return typeof raw === 'number' ? raw : null;
}

/**
 * The rule: points earned = min(points, value ÷ target × points), to one decimal and never rounded up — the
 * office counts on what it has, not on what it hopes for. No rule, no score; nothing to measure, nothing earned.
 */
export function pointsEarned(value: number | null, target: number, points: number): number | null {
  if (value === null) return null;
  if (target <= 0) return points;
  return floor1(Math.min(points, (Math.max(0, value) / target) * points));
}

export function linkScore(link: LiveLink, live: LiveFigure): LiveScore | null {
  if (link.target === undefined || link.points === undefined) return null;
  const measure = measureOf(link);
  if (!measure) return null;
  const value = measureValue(live, measure);
  return {
    measure: measure.id,
    label: measure.name,
    unit: measure.unit,
    value,
    target: link.target,
    points: link.points,
    earned: pointsEarned(value, link.target, link.points),
  };
}

// ---- the figures, from what the sources read ----

/** How many of each key, in the order the keys are listed (every key listed, zero or not). */
export function countsBy<K extends string | number>(keys: readonly K[], values: readonly K[]): { key: K; count: number }[] {
  return keys.map((key) => ({ key, count: values.filter((v) => v === key).length }));
}

/** Stories of the period by kind (every kind listed); `published` counts the link's kind, or all. */
export function storiesFigure(kinds: readonly string[], kind: string | undefined): LiveFigures['stories'] {
  const byKind = countsBy(
    STORY_KINDS.map((k) => k.id as string),
    kinds,
  ).map(({ key, count }) => ({ kind: key, count }));
  return { published: kind ? (byKind.find((k) => k.kind === kind)?.count ?? 0) : kinds.length, byKind };
}

/** Stations by star level, 5 down to 0 (not rated); `stations` counts those with at least `minStars`, or all. */
export function stationsFigure(stars: readonly (number | undefined)[], minStars: number | undefined): LiveFigures['stations'] {
  const levels = stars.map((s) => (s && s > 0 ? Math.min(5, Math.round(s)) : 0));
  const byStars = countsBy([5, 4, 3, 2, 1, 0], levels).map(({ key, count }) => ({ stars: key, count }));
  return { stations: minStars ? levels.filter((s) => s >= minStars).length : levels.length, byStars };
}

/** 五个一批 units by kind (every kind listed); `units` counts the link's kind, or all. */
export function fiveBatchesFigure(kinds: readonly string[], kind: string | undefined): LiveFigures['five_batches'] {
  const byKind = countsBy(
    FIVE_BATCH_KINDS.map((k) => k.id as string),
    kinds,
  ).map(({ key, count }) => ({ kind: key, count }));
  return { units: kind ? (byKind.find((k) => k.kind === kind)?.count ?? 0) : byKind.reduce((n, k) => n + k.count, 0), byKind };
}

const HOUR_MS = 3_600_000;

/** Volunteer hours: each activity's length (start to end) times the volunteers checked in at it, to one decimal. */
export function volunteerHours(activities: readonly { startAt: string; endAt: string; checkedIn: number }[]): number {
  return round1(activities.reduce((n, a) => n + (Math.max(0, Date.parse(a.endAt) - Date.parse(a.startAt)) / HOUR_MS) * a.checkedIn, 0));
}

/** The link as it is kept, or INVALID_INPUT: a rule may not give more than the task's own points. */
export function checkedLink(link: LiveLink, taskPoints: number): LiveLink {
  const issues = linkIssues(link);
  if (link.points !== undefined && link.points > taskPoints) issues.push({ path: ['link', 'points'], message: `最多 ${taskPoints} 分` });
  if (issues.length) throw new AppError('INVALID_INPUT', '实时数据的计分规则有误', issues);
  return link;
}
