import { computeStats } from '../../core/cases/stats';
import {
  FIVE_BATCH_KINDS,
  STATION_KINDS,
  fiveBatchesFigure,
  linkScore,
  stationsFigure,
  storiesFigure,
  volunteerHours,
} from '../../core/ledger/live';
import { LIVE_METRIC_TEXT, type LiveLink } from '../../core/ledger/model';
import type { LiveFigure } from '../../core/ledger/port';
import { SURVEY_MEASURES, type SurveyMeasure } from '../../core/ledger/survey';
import { WorkingCalendar } from '../../core/server/working-calendar';
import { chinaInstant, nextDay } from '../../core/time';
import { casesRoutedBetween } from '../_lib/case-records';
import { countOf, db, pagedRows } from '../_lib/cloud';
import { loadCalendarOverrides, loadOrganization } from '../_lib/settings';

/** A read made on first use and then shared: every linked task of one call sees the same answer. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => (value ??= load());
}

/**
 * What the live figures of one period are computed from, each source read at most once per call
 * however many tasks are linked to it: the period's cases (for 三率 and cases resolved), its job fairs
 * and their sign-ups, the published policies, the stories published and the volunteer activities held in
 * it, the stations and 五个一批 units on the map now, the questionnaire's answers of the period. Counts
 * are asked of the database (`count()`, no 1000 cap); only what must be read is read, page by page.
 */
export function liveSources(from: string, to: string) {
  const d = db();
  const _ = d.command;
  // [from 00:00, the day after `to` 00:00) in UTC+8, as the ISO instants the records store.
  const within = _.and(_.gte(chinaInstant(from).toISOString()), _.lt(chinaInstant(nextDay(to)).toISOString()));
  return {
    from,
    to,
    stats: once(async () => {
      const [cases, overrides, org] = await Promise.all([casesRoutedBetween(from, to), loadCalendarOverrides(), loadOrganization()]);
      return computeStats(cases, from, to, new WorkingCalendar(overrides), org);
    }),
    fairs: once(async () => {
      const fairIds = (
        await pagedRows<{ _id: string }>((skip, n) =>
          d
            .collection('fairs')
            .where({ status: 'published', startAt: within })
            .orderBy('startAt', 'asc')
            .orderBy('_id', 'asc')
            .field({ _id: true })
            .skip(skip)
            .limit(n),
        )
      ).map((f) => f._id);
      if (fairIds.length === 0) return { fairs: 0, signedUp: 0, checkedIn: 0, hired: 0 };
      const signups = (where: Record<string, unknown>) => countOf(d.collection('signups').where({ eventId: _.in(fairIds), ...where }));
      const [signedUp, checkedIn, hired] = await Promise.all([
        signups({ status: _.in(['confirmed', 'checkedIn']) }),
        signups({ status: 'checkedIn' }),
        signups({ outcome: 'hired' }),
      ]);
      return { fairs: fairIds.length, signedUp, checkedIn, hired };
    }),
    policies: once(async () => {
      // In force now, and how many of them were published within the period.
      const [published, publishedInPeriod] = await Promise.all([
        countOf(d.collection('policies').where({ status: 'published' })),
        countOf(d.collection('policies').where({ status: 'published', publishedAt: within })),
      ]);
      return { published, publishedInPeriod };
    }),
    /** The kind of every story published in the period. */
    stories: once(async () =>
      (
        await pagedRows<{ kind: string }>((skip, n) =>
          d
            .collection('stories')
            .where({ status: 'published', publishedAt: within })
            .orderBy('publishedAt', 'desc')
            .orderBy('_id', 'asc')
            .field({ kind: true })
            .skip(skip)
            .limit(n),
        )
      ).map((s) => s.kind),
    ),
    /** The period's activities (not cancelled), their sign-ups, and the volunteers checked in at each. */
    volunteering: once(async () => {
      const held = await pagedRows<{ _id: string; startAt: string; endAt: string }>((skip, n) =>
        d
          .collection('activities')
          .where({ status: 'published', startAt: within })
          .orderBy('startAt', 'asc')
          .orderBy('_id', 'asc')
          .field({ _id: true, startAt: true, endAt: true })
          .skip(skip)
          .limit(n),
      );
      if (held.length === 0) return { activities: 0, signedUp: 0, checkedIn: 0, hours: 0 };
      const ids = held.map((a) => a._id);
      const $ = _.aggregate;
      const [signedUp, checkedInAt] = await Promise.all([
        countOf(d.collection('signups').where({ eventId: _.in(ids), status: _.in(['confirmed', 'checkedIn']) })),
        // Grouped by activity, each group one row: the limit lifts the aggregate's default of 20 rows.
        d
          .collection('signups')
          .aggregate()
          .match({ eventId: _.in(ids), status: 'checkedIn' })
          .group({ _id: '$eventId', n: $.sum(1) })
          .limit(ids.length)
          .end() as Promise<{ list: { _id: string; n: number }[] }>,
      ]);
      const at = new Map(checkedInAt.list.map((g) => [g._id, g.n]));
      const checkedIn = [...at.values()].reduce((n, c) => n + c, 0);
      return {
        activities: held.length,
        signedUp,
        checkedIn,
        hours: volunteerHours(held.map((a) => ({ ...a, checkedIn: at.get(a._id) ?? 0 }))),
      };
    }),
    /** Stations with their stars and 五个一批 units with their kind, as the map holds them now. */
    places: once(() =>
      pagedRows<{ kind: string; stars?: number }>((skip, n) =>
        d
          .collection('places')
          .where({ kind: _.in([...STATION_KINDS, ...FIVE_BATCH_KINDS].map((k) => k.id)) })
          .orderBy('_id', 'asc')
          .field({ kind: true, stars: true })
          .skip(skip)
          .limit(n),
      ),
    ),
    /** Each rate's answers of the period: those asked it, and those counting toward it. */
    survey: once(async () => {
      const answers = d.collection('survey_answers');
      const days = { day: _.and(_.gte(from), _.lte(to)) };
      const counted = await Promise.all(
        SURVEY_MEASURES.map(async (m) => {
          const [asked, yes] = await Promise.all([
            countOf(answers.where({ ...days, [m]: _.exists(true) })),
            countOf(answers.where({ ...days, [m]: true })),
          ]);
          return [m, { asked, yes }] as const;
        }),
      );
      return new Map<SurveyMeasure, { asked: number; yes: number }>(counted);
    }),
  };
}

export type LiveSources = ReturnType<typeof liveSources>;

/**
 * The figure this system already knows for a linked task, over the period of `sources`, with what it earns
 * by the link's point rule: nobody retypes 三率, cases resolved, job fairs, policies, stories, volunteer
 * activities, stations, 五个一批 units or the questionnaire's rates.
 */
export async function liveEvidence(link: LiveLink, sources: LiveSources): Promise<LiveFigure> {
  const live = await figureOf(link, sources);
  const narrowed = {
    ...(link.kind !== undefined ? { kind: link.kind } : {}),
    ...(link.minStars !== undefined ? { minStars: link.minStars } : {}),
  };
  const score = linkScore(link, live);
  return { ...live, ...narrowed, ...(score ? { score } : {}) };
}

const RATE_DIGITS = 1000;

async function figureOf(link: LiveLink, sources: LiveSources): Promise<LiveFigure> {
  const { from, to } = sources;
  const label = LIVE_METRIC_TEXT[link.metric];
  switch (link.metric) {
    case 'rates':
    case 'cases_resolved': {
      const stats = await sources.stats();
      const figures = link.departmentId ? stats.departments.find((d) => d.departmentId === link.departmentId) : stats.total;
      if (!figures) return { metric: link.metric, label, from, to, figures: null };
      return link.metric === 'rates'
        ? {
            metric: link.metric,
            label,
            from,
            to,
            departmentId: link.departmentId ?? null,
            figures: {
              received: figures.received,
              responseRate: figures.responseRate,
              resolutionRate: figures.resolutionRate,
              satisfactionRate: figures.satisfactionRate,
              onTimeRate: figures.onTimeRate,
            },
          }
        : {
            metric: link.metric,
            label,
            from,
            to,
            departmentId: link.departmentId ?? null,
            figures: { resolved: figures.resolved, received: figures.received },
          };
    }
    case 'fairs':
      return { metric: link.metric, label, from, to, figures: await sources.fairs() };
    case 'policies_published':
      return { metric: link.metric, label, from, to, figures: await sources.policies() };
    case 'stories':
      return { metric: link.metric, label, from, to, figures: storiesFigure(await sources.stories(), link.kind) };
    case 'volunteering':
      return { metric: link.metric, label, from, to, figures: await sources.volunteering() };
    case 'stations': {
      const stations = (await sources.places()).filter((p) => STATION_KINDS.some((k) => k.id === p.kind));
      return {
        metric: link.metric,
        label,
        from,
        to,
        figures: stationsFigure(
          stations.map((p) => p.stars),
          link.minStars,
        ),
      };
    }
    case 'five_batches': {
      const units = (await sources.places()).filter((p) => FIVE_BATCH_KINDS.some((k) => k.id === p.kind));
      return {
        metric: link.metric,
        label,
        from,
        to,
        figures: fiveBatchesFigure(
          units.map((p) => p.kind),
          link.kind,
        ),
      };
    }
    case 'awareness':
    case 'support':
    case 'participation': {
      const { asked, yes } = (await sources.survey()).get(link.metric) ?? { asked: 0, yes: 0 };
      const rate = { numerator: yes, denominator: asked, value: asked ? Math.round((yes / asked) * RATE_DIGITS) / RATE_DIGITS : null };
      return { metric: link.metric, label, from, to, figures: { rate, sample: asked } };
    }
  }
}
