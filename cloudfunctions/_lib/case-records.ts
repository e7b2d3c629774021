import type { ErasurePort } from '../../core/cases/erasure';
import type { CaseRecord } from '../../core/cases/model';
import { chinaInstant, nextDay } from '../../core/time';
import { cloud, db, firstRow, pagedRows, rows, updatedCount } from './cloud';

/** Cases routed from `from` to `to` (YYYY-MM-DD, UTC+8, inclusive), read page by page past the 1000 cap. */
export async function casesRoutedBetween(from: string, to: string): Promise<CaseRecord[]> {
  const _ = db().command;
  const where = { routedAt: _.and(_.gte(chinaInstant(from).toISOString()), _.lt(chinaInstant(nextDay(to)).toISOString())) };
  // `_id` breaks ties between cases routed in the same millisecond, so no page repeats or drops one.
  return pagedRows<CaseRecord>((skip, n) =>
    db().collection('cases').where(where).orderBy('routedAt', 'asc').orderBy('_id', 'asc').skip(skip).limit(n),
  );
}

/**
 * Writes a whole case only if the stored version is still `expectedVersion`; false when someone else
 * wrote first. Whole-field writes: update() would merge nested objects, leaving stale keys behind.
 */
export async function replaceCaseRecord(next: CaseRecord, expectedVersion: number): Promise<boolean> {
  const cases = db().collection('cases');
  const _ = db().command;
  const current = await firstRow<CaseRecord>(cases.where({ _id: next._id }).limit(1));
  if (!current) return false;
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) if (k !== '_id') data[k] = v !== null && typeof v === 'object' ? _.set(v) : v;
  for (const k of Object.keys(current)) if (k !== '_id' && !(k in next)) data[k] = _.remove();
  return (await updatedCount(cases.where({ _id: next._id, version: expectedVersion }).update({ data }))) === 1;
}

/** Storage for erasing personal data from cases: the person's own (users.deleteMe) and expired ones (the timer). */
export function caseErasurePort(): ErasurePort {
  const cases = db().collection('cases');
  const _ = db().command;
  return {
    casesOf: (openid) =>
      pagedRows<CaseRecord>((skip, n) => cases.where({ requesterOpenid: openid }).orderBy('_id', 'asc').skip(skip).limit(n)),
    finishedBefore: (cutoff, limit) =>
      rows<CaseRecord>(
        cases
          .where({ status: _.in(['closed', 'withdrawn']), closedAt: _.lt(cutoff), erasedAt: _.exists(false) })
          .orderBy('closedAt', 'asc')
          .limit(limit),
      ),
    getCase: (caseId) => firstRow<CaseRecord>(cases.where({ _id: caseId }).limit(1)),
    replaceCase: replaceCaseRecord,
    async deleteFiles(fileIDs) {
      try {
        await cloud.deleteFile({ fileList: fileIDs });
      } catch (e) {
        // The case no longer points at them; a file left behind is found by the storage's own clean-up.
        console.warn('[cases] attachments of an erased case were not removed', e);
      }
    },
  };
}
