import type { FairRecord } from '../../core/fairs/model';
import type { FairsPort } from '../../core/fairs/port';
import { writeAudit } from '../_lib/audit';
import { db, firstRow, rows } from '../_lib/cloud';
import { checkContent } from '../_lib/content';
import { saveGeneratedFile } from '../_lib/files';
import { signupsStore } from '../_lib/signups-store';

const TEMPLATE = process.env.TEMPLATE_FAIR_UPDATE ?? 'fair_update';

/** wx-server-sdk adapter for the job-fair use cases: the `fairs` collection, with the sign-up engine's store on it. */
export function fairsStore(): FairsPort {
  const d = db();
  const _ = d.command;
  const fairs = d.collection('fairs');
  return {
    ...signupsStore('fairs', TEMPLATE, (id) => `subpackages/fairs/detail?id=${id}`),
    getFair: (id) => firstRow<FairRecord>(fairs.where({ _id: id }).limit(1)),
    listFairs: (query) =>
      rows<FairRecord>(
        fairs
          .where({ ...query })
          .orderBy('startAt', 'asc')
          .limit(1000),
      ),
    getFairs: (ids) => rows<FairRecord>(fairs.where({ _id: _.in(ids) }).limit(ids.length)),
    async insertFair(fair) {
      await fairs.add({ data: fair });
    },
    async updateFairIfFits(id, fields) {
      // Nested objects are replaced whole: an update would otherwise merge the old venue and employers in.
      await fairs
        .where({ _id: id, confirmedCount: _.lte(fields.capacity) })
        .update({ data: { ...fields, venue: _.set(fields.venue), employers: _.set(fields.employers) } });
    },
    async setOutcome(signupId, outcome) {
      await d.collection('signups').where({ _id: signupId }).update({ data: { outcome } });
    },
    // Names go on rosters other people read: scene 1 (资料).
    checkContent: (text, openid) => checkContent(text, openid, 1),
    audit: writeAudit,
    async saveRosterFile(openid, fair, signups, now) {
      // exceljs is heavy: loaded only when a roster is exported.
      const { rosterWorkbook } = await import('../../core/server/roster-xlsx');
      return saveGeneratedFile(openid, await rosterWorkbook(fair, signups), `${fair.title}-报名名单.xlsx`, now);
    },
  };
}
