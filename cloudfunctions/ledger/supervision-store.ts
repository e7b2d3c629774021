import { safeFileName, PRIVATE_LINK_TTL_S } from '../../core/files';
import type { StoredLedgerCalendar } from '../../core/ledger/milestones';
import type { SupervisionPort } from '../../core/ledger/supervision';
import type { WeeklyReportRecord } from '../../core/ledger/weekly-report';
import { cloud, db, firstRow, rows, updatedCount } from '../_lib/cloud';
import { fileLinks } from '../_lib/files';
import { messageTime, sendSubscribeMessageFor } from '../_lib/notify';

const TEMPLATE = process.env.TEMPLATE_CASE_NEW ?? 'case_new';
/** The setting's document in `settings`. */
const CALENDAR_ID = 'ledgerMilestones';
/** A claim left by a run that died mid-way is taken over after this long. */
const STALE_CLAIM_MS = 3_600_000;

const standardXlsx = () => import('../../core/server/standard-xlsx');

/**
 * The milestones setting (`settings/ledgerMilestones`), the weekly reports (`ledger_reports`, one document
 * per ISO week) with their workbooks, and the report's subscribe message to each unit's staff.
 */
export function supervisionStore(): SupervisionPort {
  const d = db();
  const reports = () => d.collection('ledger_reports');
  return {
    calendar: () => firstRow<StoredLedgerCalendar>(d.collection('settings').where({ _id: CALENDAR_ID }).limit(1)),
    async putCalendar(calendar) {
      await d.collection('settings').doc(CALENDAR_ID).set({ data: calendar });
    },
    reports: (limit) => rows<WeeklyReportRecord>(reports().orderBy('day', 'desc').limit(limit)),
    report: (id) => firstRow<WeeklyReportRecord>(reports().where({ _id: id }).limit(1)),
    async claimReport(id, at) {
      try {
        // add() refuses an id already there: of two runs at once, one writes the week's report.
        await reports().add({ data: { _id: id, state: 'building', at: at.toISOString() } });
        return true;
      } catch (e) {
        const existing = await firstRow<WeeklyReportRecord>(reports().where({ _id: id }).limit(1));
        if (!existing) throw e;
        if (existing.state !== 'building' || +at - Date.parse(existing.at) < STALE_CLAIM_MS) return false;
        // Taken over only if nobody took it over first.
        return (
          (await updatedCount(
            reports()
              .where({ _id: id, state: 'building', at: existing.at })
              .update({ data: { at: at.toISOString() } }),
          )) === 1
        );
      }
    },
    async putReport(report) {
      const { _id, ...data } = report;
      await reports().doc(_id).set({ data });
    },
    async keepReportFile(id, fileName, { title, note, areas, tasks, org }) {
      const { standardWorkbook } = await standardXlsx();
      const content = await standardWorkbook(title, note, areas, tasks, org);
      // Outside `uploads/` and `exports/`: no files record, so only ledger.reportGet links to it, and the files
      // timer (which clears one-day exports) leaves it with its report.
      const cloudPath = `reports/ledger/${id}/${safeFileName(fileName)}`;
      const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
      return { fileID, name: fileName };
    },
    async reportFileLink({ fileID, name }, now) {
      const url = (await fileLinks([fileID])).get(fileID);
      return url ? { fileID, url, name, expiresAt: new Date(+now + PRIVATE_LINK_TTL_S * 1000).toISOString() } : null;
    },
    // The template staff get for new and urged cases, opening the report; a refusal is counted, not remembered.
    notifyReport: async (touser, { week, title, text, at }) =>
      (await sendSubscribeMessageFor(touser, TEMPLATE, `subpackages/ledger/weekly?id=${week}`, {
        thing1: title,
        thing2: text,
        character_string3: week,
        time4: messageTime(at),
      })) === 'sent',
  };
}
