import { activityView, nearby, placeView, storySummary, storyView, type PlaceRecord } from '../../core/places/present';
import type { StoryRecord } from '../../core/places/model';
import { anActivity } from './builders/fairs';
import { demoOrg } from './builders/org';

function aPlace(overrides: Partial<PlaceRecord> = {}): PlaceRecord {
  return {
    _id: 'place-1',
    name: '城关街道退役军人服务站',
    kind: 'service_station',
    regionId: 'chengguan',
    address: '人民路 1 号',
    lat: 30.5123,
    lng: 114.3021,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('a place', () => {
  test('named in words: its kind and its region; lists default to empty; the card as a yes or no', () => {
    expect(placeView(aPlace(), demoOrg)).toMatchObject({
      id: 'place-1',
      kindName: '退役军人服务站',
      regionName: '城关街道',
      services: [],
      offers: [],
      preferential: false,
    });
    expect(placeView(aPlace(), demoOrg)).not.toHaveProperty('distance');
  });

  test('its 乡镇/街道 named by the county’s organization, and shown as its id once the county no longer has it', () => {
    expect(placeView(aPlace({ regionId: 'baiyun' }), demoOrg).regionName).toBe('白云乡');
    expect(placeView(aPlace({ regionId: 'merged-away' }), demoOrg).regionName).toBe('merged-away');
  });

  test('with a point given, its distance in metres and in words', () => {
    const view = placeView(aPlace(), demoOrg, { lat: 30.5123, lng: 114.3121 });
    expect(view.distance).toBeGreaterThan(900);
    expect(view.distance).toBeLessThan(1000);
    expect(view.distanceText).toEqual(expect.any(String));
  });
});

describe('places nearby', () => {
  const places = [
    aPlace({ _id: 'far', name: '乙', lat: 30.6, acceptsPreferentialCard: true, kind: 'preferential' }),
    aPlace({ _id: 'near', name: '甲', lat: 30.513 }),
    aPlace({ _id: 'elsewhere', name: '丙', regionId: 'hekou', lat: 30.4671, lng: 114.2544 }),
  ];

  test('nearest first when a point is given', () => {
    expect(nearby(places, {}, demoOrg, { lat: 30.5123, lng: 114.3021 }).map((p) => p.id)).toEqual(['near', 'elsewhere', 'far']);
  });

  test('without a point, by kind and then by name in pinyin order (丙 bing before 甲 jia)', () => {
    expect(nearby(places, {}, demoOrg).map((p) => p.id)).toEqual(['far', 'elsewhere', 'near']);
  });

  test('filtered by kind, by the preferential card (either way) and by region', () => {
    expect(nearby(places, { kind: 'preferential' }, demoOrg).map((p) => p.id)).toEqual(['far']);
    expect(nearby(places, { preferential: true }, demoOrg).map((p) => p.id)).toEqual(['far']);
    expect(
      nearby(places, { preferential: false }, demoOrg)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['elsewhere', 'near']);
    expect(nearby(places, { regionId: 'hekou' }, demoOrg).map((p) => p.id)).toEqual(['elsewhere']);
  });
});

describe('a volunteer activity', () => {
  test('UTC+8 times, places left (never below zero), the line, and its phase', () => {
    const a = anActivity({ capacity: 5, confirmedCount: 6, waitQueue: ['x'] });
    expect(activityView(a, new Date('2026-11-28T10:00:00+08:00'))).toMatchObject({
      id: 'activity-1',
      startAt: '2026-12-03T09:00:00+08:00',
      signupDeadline: '2026-12-02T09:00:00+08:00',
      seatsLeft: 0,
      waitlistCount: 1,
      phase: 'open',
    });
  });

  test('closed after its deadline, cancelled once cancelled', () => {
    expect(activityView(anActivity(), new Date('2026-12-02T12:00:00+08:00')).phase).toBe('closed');
    expect(activityView(anActivity({ status: 'cancelled' }), new Date('2026-11-28T00:00:00Z')).phase).toBe('cancelled');
  });
});

describe('a story', () => {
  const story: StoryRecord = {
    _id: 's1',
    title: '老兵张三',
    kind: 'model_person',
    summary: '三十年如一日',
    body: '正文很长',
    status: 'published',
    publishedAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };

  test('in a list without its body; to read with it', () => {
    expect(storySummary(story)).toEqual({
      id: 's1',
      title: '老兵张三',
      kind: 'model_person',
      summary: '三十年如一日',
      status: 'published',
      publishedAt: story.publishedAt,
      updatedAt: story.updatedAt,
    });
    expect(storyView(story)).toMatchObject({ id: 's1', body: '正文很长' });
    expect(storyView(story)).not.toHaveProperty('_id');
  });
});
