import type { CaseRecord } from '../../core/cases/model';
import { chinaInstant, nextDay } from '../../core/time';
import { db, pagedRows } from './cloud';

/** Cases routed from `from` to `to` (YYYY-MM-DD, UTC+8, inclusive), read page by page past the 1000 cap. */
export async function casesRoutedBetween(from: string, to: string): Promise<CaseRecord[]> {
  const _ = db().command;
  const where = { routedAt: _.and(_.gte(chinaInstant(from).toISOString()), _.lt(chinaInstant(nextDay(to)).toISOString())) };
  // `_id` breaks ties between cases routed in the same millisecond, so no page repeats or drops one.
  return pagedRows<CaseRecord>((skip, n) =>
    db().collection('cases').where(where).orderBy('routedAt', 'asc').orderBy('_id', 'asc').skip(skip).limit(n),
  );
}
