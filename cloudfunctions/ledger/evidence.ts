import { computeStats } from '../../core/cases/stats';
import type { FairRecord } from '../../core/fairs/model';
import { LIVE_METRIC_TEXT, type TaskRecord } from '../../core/ledger/model';
import type { SignupRecord } from '../../core/signups/port';
import { WorkingCalendar } from '../../core/server/working-calendar';
import { chinaDay } from '../../core/time';
import { casesRoutedBetween } from '../_lib/case-records';
import { loadCalendarOverrides } from '../_lib/routing';
import { db, rows } from '../_lib/cloud';

/**
 * The figure this system already knows for a linked task, over the period: nobody retypes 三率, cases
 * resolved, job fairs or policies published.
 */
export async function liveEvidence(link: NonNullable<TaskRecord['link']>, from: string, to: string) {
  const label = LIVE_METRIC_TEXT[link.metric];
  switch (link.metric) {
    case 'rates':
    case 'cases_resolved': {
      const stats = computeStats(await casesRoutedBetween(from, to), from, to, new WorkingCalendar(await loadCalendarOverrides()));
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
    case 'fairs': {
      const fairs = (await rows<FairRecord>(db().collection('fairs').where({ status: 'published' }).limit(1000))).filter((f) => {
        const day = chinaDay(new Date(f.startAt));
        return day >= from && day <= to;
      });
      const signups = fairs.length
        ? await rows<SignupRecord>(
            db()
              .collection('signups')
              .where({ eventId: db().command.in(fairs.map((f) => f._id)) })
              .limit(1000),
          )
        : [];
      return {
        metric: link.metric,
        label,
        from,
        to,
        figures: {
          fairs: fairs.length,
          signedUp: signups.filter((s) => s.status === 'confirmed' || s.status === 'checkedIn').length,
          checkedIn: signups.filter((s) => s.status === 'checkedIn').length,
          hired: signups.filter((s) => s.outcome === 'hired').length,
        },
      };
    }
    case 'policies_published': {
      // In force now, and how many of them were published within the period.
      const published = await rows<{ publishedAt?: string }>(
        db().collection('policies').where({ status: 'published' }).field({ publishedAt: true }).limit(1000),
      );
      const inPeriod = published.filter(
        (p) => p.publishedAt && chinaDay(new Date(p.publishedAt)) >= from && chinaDay(new Date(p.publishedAt)) <= to,
      ).length;
      return { metric: link.metric, label, from, to, figures: { published: published.length, publishedInPeriod: inPeriod } };
    }
  }
}
