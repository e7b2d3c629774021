import { computeStats } from '../../core/cases/stats';
import { LIVE_METRIC_TEXT, type TaskRecord } from '../../core/ledger/model';
import type { LiveFigure } from '../../core/ledger/port';
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
 * and their sign-ups, the published policies. Counts are asked of the database (`count()`, no 1000
 * cap); only what must be read is read, page by page.
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
  };
}

export type LiveSources = ReturnType<typeof liveSources>;

/**
 * The figure this system already knows for a linked task, over the period of `sources`: nobody retypes
 * 三率, cases resolved, job fairs or policies published.
 */
export async function liveEvidence(link: NonNullable<TaskRecord['link']>, sources: LiveSources): Promise<LiveFigure> {
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
  }
}
