import type { CaseRecord } from '../../core/cases/model';
import { chinaInstant, nextDay } from '../../core/time';
import { db, rows } from './cloud';

const PAGE = 1000;

/** Cases routed from `from` to `to` (YYYY-MM-DD, UTC+8, inclusive), read page by page past the 1000 cap. */
export async function casesRoutedBetween(from: string, to: string): Promise<CaseRecord[]> {
  const _ = db().command;
  const where = { routedAt: _.and(_.gte(chinaInstant(from).toISOString()), _.lt(chinaInstant(nextDay(to)).toISOString())) };
  const out: CaseRecord[] = [];
  for (;;) {
    const page = await rows<CaseRecord>(db().collection('cases').where(where).orderBy('routedAt', 'asc').skip(out.length).limit(PAGE));
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}
