import { AppError } from '../../core/envelope';
import {
  checkedLink,
  fiveBatchesFigure,
  linkIssues,
  linkScore,
  pointsEarned,
  stationsFigure,
  storiesFigure,
  volunteerHours,
} from '../../core/ledger/live';
import type { LiveFigure } from '../../core/ledger/port';
import { withSettings } from '../../core/ledger/rules';
import { aTask } from './builders/ledger';

const period = { label: '', from: '2026-01-01', to: '2026-11-02' };

describe('the point rule: min(points, figure ÷ target × points)', () => {
  test.each([
    // value, target, points, earned
    [12, 12, 2, 2],
    [18, 12, 2, 2],
    [6, 12, 2, 1],
    // 7 ÷ 12 × 2 = 1.1666…: one decimal, never rounded up.
    [7, 12, 2, 1.1],
    [0, 12, 2, 0],
    [1, 3, 3, 1],
    [85.5, 90, 3, 2.8],
  ])('%s of %s for %s points earns %s', (value, target, points, earned) => {
    expect(pointsEarned(value, target, points)).toBe(earned);
  });

  test('nothing to measure earns nothing yet, not zero', () => {
    expect(pointsEarned(null, 90, 2)).toBeNull();
  });
});

describe('a link’s score beside its figure', () => {
  const stories: LiveFigure = {
    metric: 'stories',
    ...period,
    figures: storiesFigure(['model_person', 'innovation', 'model_person'], undefined),
  };

  test('the metric’s first measure unless the rule names another', () => {
    expect(linkScore({ metric: 'stories', target: 12, points: 2 }, stories)).toEqual({
      measure: 'published',
      label: '发布典型宣传',
      unit: '篇',
      value: 3,
      target: 12,
      points: 2,
      earned: 0.5,
    });
    const volunteering: LiveFigure = {
      metric: 'volunteering',
      ...period,
      figures: { activities: 4, signedUp: 60, checkedIn: 50, hours: 150 },
    };
    expect(linkScore({ metric: 'volunteering', measure: 'hours', target: 200, points: 4 }, volunteering)).toMatchObject({
      label: '志愿服务时长',
      unit: '小时',
      value: 150,
      earned: 3,
    });
  });

  test('a rate is measured in percent of its numerator over its denominator', () => {
    const rates: LiveFigure = {
      metric: 'awareness',
      ...period,
      figures: { rate: { numerator: 2, denominator: 3, value: 0.667 }, sample: 3 },
    };
    expect(linkScore({ metric: 'awareness', target: 90, points: 2 }, rates)).toMatchObject({ value: 66.7, unit: '%', earned: 1.4 });
    const none: LiveFigure = {
      metric: 'awareness',
      ...period,
      figures: { rate: { numerator: 0, denominator: 0, value: null }, sample: 0 },
    };
    expect(linkScore({ metric: 'awareness', target: 90, points: 2 }, none)).toMatchObject({ value: null, earned: null });
  });

  test('no rule, no score', () => {
    expect(linkScore({ metric: 'stories' }, stories)).toBeNull();
  });
});

describe('the figures', () => {
  test('stories by kind, every kind listed, 创新创业 among them; a link’s kind counts that kind only', () => {
    const kinds = ['model_person', 'innovation', 'innovation', 'support_military'];
    const all = storiesFigure(kinds, undefined);
    expect(all.published).toBe(4);
    expect(all.byKind).toEqual([
      { kind: 'model_person', count: 1 },
      { kind: 'support_military', count: 1 },
      { kind: 'support_government', count: 0 },
      { kind: 'innovation', count: 2 },
    ]);
    expect(storiesFigure(kinds, 'innovation').published).toBe(2);
  });

  test('stations by star level, 5 down to unrated; at least N stars counts those', () => {
    const figure = stationsFigure([5, 4, 4, 3, undefined, 0], 4);
    expect(figure.stations).toBe(3);
    expect(figure.byStars).toEqual([
      { stars: 5, count: 1 },
      { stars: 4, count: 2 },
      { stars: 3, count: 1 },
      { stars: 2, count: 0 },
      { stars: 1, count: 0 },
      { stars: 0, count: 2 },
    ]);
    expect(stationsFigure([5, 4, 4, 3, undefined, 0], undefined).stations).toBe(6);
  });

  test('五个一批 units by kind; a link’s kind counts that kind only', () => {
    const figure = fiveBatchesFigure(['model_community', 'model_enterprise', 'model_community'], undefined);
    expect(figure.units).toBe(3);
    expect(figure.byKind.find((k) => k.kind === 'model_community')?.count).toBe(2);
    expect(figure.byKind).toHaveLength(5);
    expect(fiveBatchesFigure(['model_community', 'model_enterprise'], 'model_enterprise').units).toBe(1);
  });

  test('volunteer hours: each activity’s length times the volunteers checked in', () => {
    expect(
      volunteerHours([
        { startAt: '2026-03-01T01:00:00.000Z', endAt: '2026-03-01T04:00:00.000Z', checkedIn: 10 },
        { startAt: '2026-03-08T01:00:00.000Z', endAt: '2026-03-08T02:30:00.000Z', checkedIn: 3 },
        { startAt: '2026-03-09T01:00:00.000Z', endAt: '2026-03-09T05:00:00.000Z', checkedIn: 0 },
      ]),
    ).toBe(34.5);
  });
});

describe('what a link may say', () => {
  test('a kind of its own metric, stars only for stations, a measure it has, target and points together', () => {
    expect(linkIssues({ metric: 'stories', kind: 'innovation', target: 2, points: 1 })).toEqual([]);
    expect(linkIssues({ metric: 'five_batches', kind: 'model_hospital' })).toEqual([]);
    expect(linkIssues({ metric: 'stations', minStars: 4, target: 3, points: 2 })).toEqual([]);
    expect(linkIssues({ metric: 'stories', kind: 'model_hospital' }).map((i) => i.path)).toEqual([['link', 'kind']]);
    expect(linkIssues({ metric: 'fairs', kind: 'innovation' }).map((i) => i.path)).toEqual([['link', 'kind']]);
    expect(linkIssues({ metric: 'stories', minStars: 3 }).map((i) => i.path)).toEqual([['link', 'minStars']]);
    expect(linkIssues({ metric: 'stories', measure: 'hours' }).map((i) => i.path)).toEqual([['link', 'measure']]);
    expect(linkIssues({ metric: 'volunteering', target: 10 }).map((i) => i.path)).toEqual([['link', 'points']]);
    expect(linkIssues({ metric: 'awareness', target: 120, points: 1 }).map((i) => i.path)).toEqual([['link', 'target']]);
  });

  test('the rule gives no more than the task’s own points', () => {
    expect(checkedLink({ metric: 'stories', target: 12, points: 2 }, 2)).toEqual({ metric: 'stories', target: 12, points: 2 });
    expect(() => checkedLink({ metric: 'stories', target: 12, points: 3 }, 2)).toThrow(AppError);
    const task = aTask({ points: 2 });
    expect(() => withSettings(task, { link: { metric: 'stories', target: 12, points: 3 } }, new Date())).toThrow('计分规则');
    expect(withSettings(task, { link: { metric: 'stories', target: 12, points: 2 } }, new Date()).link).toEqual({
      metric: 'stories',
      target: 12,
      points: 2,
    });
  });
});
