import type { Calendar } from '../../core/cases/calendar';
import type { CaseRecord } from '../../core/cases/model';
import type { AuditEntry, CaseQuery, CasesPort, ContentVerdict, Notice } from '../../core/cases/port';
import { suggestCategories } from '../../core/server/triage';
import { WorkingCalendar } from '../../core/server/working-calendar';
import { attachFiles, attachIssues, saveGeneratedFile } from '../_lib/files';
import { db, firstRow, rows } from '../_lib/cloud';
import { checkContent } from '../_lib/content';
import { writeAudit } from '../_lib/audit';
import { caseErasurePort, casesRoutedBetween } from '../_lib/case-records';
import { messageTime, sendSubscribeMessage } from '../_lib/notify';
import { clearMissedNotice, forgetMissedNotices, missedNoticesOf, noticeSubjects, sendStaffNotice } from '../_lib/notice-failures';
import { loadCalendarOverrides, loadRetentionYears, loadRoutingTable } from '../_lib/settings';

const TEMPLATES: Record<Notice['kind'], string> = {
  case_update: process.env.TEMPLATE_CASE_UPDATE ?? 'case_update',
  case_new: process.env.TEMPLATE_CASE_NEW ?? 'case_new',
};

/** Reads past the server's 1000-per-get cap, page by page, up to `limit` documents. */
async function pagedRows<T>(query: (skip: number, n: number) => Parameters<typeof rows>[0], limit: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < limit) {
    const n = Math.min(1000, limit - out.length);
    const page = await rows<T>(query(out.length, n));
    out.push(...page);
    if (page.length < n) break;
  }
  return out;
}

/** The SDK's doc().get() of a document that does not exist (in a transaction too). */
const isMissing = (e: unknown) => /does not exist/.test(String((e as { errMsg?: unknown } | null)?.errMsg ?? ''));
const isConflict = (e: unknown) => (e as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';

/** wx-server-sdk adapter for the case use cases. */
export function casesStore(): CasesPort {
  const d = db();
  const _ = d.command;
  const cases = d.collection('cases');

  function whereOf(query: CaseQuery): Record<string, unknown> {
    const where: Record<string, unknown> = {};
    if (query.requesterOpenid !== undefined) where.requesterOpenid = query.requesterOpenid;
    if (query.departmentId) where.departmentId = query.departmentId;
    if (query.heldBy) where.departmentsHeld = query.heldBy;
    if (query.statuses) where.status = _.in([...query.statuses]);
    if (query.notStatuses) where.status = _.nin([...query.notStatuses]);
    if (query.flagged !== undefined) where.flagged = query.flagged;
    if (query.returned !== undefined) where.returned = query.returned;
    if (query.routedFrom && query.routedTo) where.routedAt = _.and(_.gte(query.routedFrom), _.lt(query.routedTo));
    return where;
  }

  const countSubmittedSince = async (openid: string, since: string) =>
    ((await cases.where({ requesterOpenid: openid, createdAt: _.gte(since) }).count()) as { total: number }).total;

  /** A counter document read in a transaction, or null when there is none yet. */
  const counterIn = (doc: { get(): unknown }) =>
    (doc.get() as Promise<{ data: unknown }>).then(
      (r) => r.data as { n: number },
      (e: unknown) => {
        if (isMissing(e)) return null;
        throw e;
      },
    );

  /** The highest tracking number with this prefix so far: where a day without a counter yet starts. */
  async function lastNumber(prefix: string): Promise<number> {
    const last = await firstRow<CaseRecord>(
      cases
        .where({ trackingNo: d.RegExp({ regexp: `^${prefix}` }) })
        .orderBy('trackingNo', 'desc')
        .limit(1),
    );
    return last ? Number(last.trackingNo.slice(prefix.length)) : 0;
  }

  return {
    // Reading, rewriting and erasing whole cases, and removing their files: shared with users.deleteMe.
    ...caseErasurePort(),
    calendar: async (): Promise<Calendar> => new WorkingCalendar(await loadCalendarOverrides()),
    routingTable: loadRoutingTable,
    retentionYears: loadRetentionYears,
    triage: (text, options) => suggestCategories(text, options),
    checkContent: (text, openid): Promise<ContentVerdict> => checkContent(text, openid),
    countSubmittedSince,
    attachmentIssues: (openid, fileIDs, caseId) => attachIssues(openid, fileIDs, { kind: 'case', id: caseId }, 'attachments'),
    attachFiles: (fileIDs, caseId) => attachFiles(fileIDs, { kind: 'case', id: caseId }),
    async insertNumberedCase(prefix, build, quota) {
      // The day's counter and the case are written in one transaction: one durable commit, and a number is
      // never taken without its case. Submissions at the same moment conflict on the counter and run again.
      // The person's count for the day (`quota`) is one more counter document in the same commit: CloudBase
      // transactions take single-document operations, and two submissions by one person conflict on it.
      let built: CaseRecord | null = null;
      for (let round = 1; ; round++) {
        try {
          return await d.runTransaction(async (t: Pick<typeof d, 'collection'>): Promise<CaseRecord | 'limited'> => {
            built = null;
            if (quota) {
              const mine = t.collection('counters').doc(quota.key);
              // A day without a counter yet (the first submission, or cases from before it was kept) starts
              // from the cases stored; a concurrent first submission conflicts on creating the counter.
              const used = (await counterIn(mine))?.n ?? (await countSubmittedSince(quota.openid, quota.since));
              if (used >= quota.limit) return 'limited';
              await mine.set({ data: { n: used + 1 } });
            }
            const counter = t.collection('counters').doc(prefix);
            const current = await counterIn(counter);
            const n = (current?.n ?? (await lastNumber(prefix))) + 1;
            if (n > 999) throw new Error(`tracking numbers for ${prefix} are exhausted`);
            built = build(`${prefix}${String(n).padStart(3, '0')}`);
            await counter.set({ data: { n } });
            await t.collection('cases').add({ data: built });
            return built;
          }, 30);
        } catch (e) {
          if (built && (await firstRow(cases.where({ _id: (built as CaseRecord)._id }).limit(1)))) return null;
          if (!isConflict(e) || round >= 5) throw e;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * round));
        }
      }
    },
    findByTrackingNo: (trackingNo) => firstRow<CaseRecord>(cases.where({ trackingNo }).limit(1)),
    listCases(query, limit, { skip = 0, order = 'newest', brief = false } = {}) {
      const where = whereOf(query);
      return pagedRows<CaseRecord>((from, n) => {
        const q = cases.where(where).orderBy(order === 'updated' ? 'updatedAt' : 'createdAt', order === 'oldest' ? 'asc' : 'desc');
        return (brief ? q.field({ timeline: false }) : q).skip(skip + from).limit(n);
      }, limit);
    },
    countCases: async (query) => ((await cases.where(whereOf(query)).count()) as { total: number }).total,
    casesRoutedBetween,
    async colleague(departmentId, openid) {
      const user = await firstRow<{ _id: string; profile?: { name?: string } }>(
        d
          .collection('users')
          .where({ _id: openid, role: _.in(['staff', 'dispatcher']), departmentId })
          .limit(1),
      );
      return user ? { openid: user._id, name: user.profile?.name ?? '（未填姓名）' } : null;
    },
    async staffOf(departmentId) {
      const staff = await rows<{ _id: string }>(
        d
          .collection('users')
          .where({ role: _.in(['staff', 'dispatcher']), departmentId })
          .field({ _id: true })
          .limit(1000),
      );
      return staff.map((s) => s._id);
    },
    async notify(openids, notice) {
      const page =
        notice.kind === 'case_update' ? `subpackages/cases/detail?id=${notice.caseId}` : `subpackages/workbench/case?id=${notice.caseId}`;
      const data = {
        thing1: notice.title,
        thing2: notice.detail,
        character_string3: notice.trackingNo || '-',
        time4: messageTime(notice.at),
      };
      for (const touser of openids) {
        if (notice.kind === 'case_new') {
          // A clerk without consent left is not silently skipped: the case is marked in their inbox.
          const about = { caseId: notice.caseId, number: notice.trackingNo, title: notice.title, at: messageTime(notice.at) };
          await sendStaffNotice(touser, TEMPLATES.case_new, page, data, about);
        } else {
          await sendSubscribeMessage(touser, TEMPLATES[notice.kind], page, data);
        }
      }
    },
    async audit(entry) {
      // One trail for every view of personal data (cloudfunctions/_lib/audit.ts): a case's entries name it.
      await writeAudit({ ...entry, objectType: 'case', objectId: entry.caseId });
    },
    auditTrail: (caseId) => rows<AuditEntry & { _id: string }>(d.collection('audit').where({ caseId }).orderBy('at', 'asc').limit(1000)),
    writeAudit,
    missedNoticesOf,
    noticeSubjects,
    forgetMissedNotices,
    clearMissedNotice: (openid, caseId) => clearMissedNotice(openid, { caseId }),
    async exportLedger(requester, name, ledger, at) {
      // exceljs is heavy: loaded only when a ledger is exported.
      const { ledgerWorkbook } = await import('../../core/server/ledger-xlsx');
      return saveGeneratedFile(requester, await ledgerWorkbook(ledger.stats, ledger.cases, ledger.sheetFor), name, at);
    },
  };
}
