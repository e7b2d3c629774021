import type { Organization } from '../org/model';
import type { AuditRecord } from '../audit';
import type { Issue } from '../envelope';
import type { CategoryId } from '../data/categories';
import type { RoutingRule } from '../routing';
import type { Calendar } from './calendar';
import type { ContentVerdict } from '../content';
import type { ErasurePort } from './erasure';
import type { CaseRecord } from './model';
import type { MissedNotice, NoticeSubjects } from './notices';
import type { Stats } from './stats';

export type { ContentVerdict } from '../content';

/** Messages people receive (subscribe messages in WeChat, the outbox locally). */
export type Notice =
  | { kind: 'case_update'; caseId: string; trackingNo: string; title: string; detail: string; at: string }
  | { kind: 'case_new'; caseId: string; trackingNo: string; title: string; detail: string; at: string };

/** newest / oldest by creation; updated: last updated first. */
export type CaseOrder = 'newest' | 'oldest' | 'updated';

export interface CaseQuery {
  requesterOpenid?: string;
  /** Cases a department holds now. */
  departmentId?: string;
  /** Cases a department holds or has held. */
  heldBy?: string;
  statuses?: readonly string[];
  /** Statuses the cases must not have. */
  notStatuses?: readonly string[];
  flagged?: boolean;
  returned?: boolean;
  routedFrom?: string;
  routedTo?: string;
}

/** A category a request reads as, and the department the routing table sends it to (`cases.suggest`). */
interface CategorySuggestion {
  category: CategoryId;
  departmentId: string;
  /** Share of the evidence, 0..1. */
  score: number;
  note?: string;
}

/** A spreadsheet stored for the person who asked for it, behind a short-lived link. */
export interface ExportedFile {
  fileID: string;
  url: string;
  name: string;
  expiresAt: string;
}

/** The 三率台账 as exported: the figures, the case rows, and the departments whose sheets it carries. */
export interface LedgerExport {
  stats: Stats;
  cases: CaseRecord[];
  sheetFor: (departmentId: string) => boolean;
}

/**
 * What the case use cases need from storage and the platform; cloudfunctions/cases adapts wx-server-sdk to
 * it. It is also the erasure port: the timer clears expired cases through it.
 */
export interface CasesPort extends ErasurePort {
  calendar(): Promise<Calendar>;
  routingTable(): Promise<readonly RoutingRule[]>;
  /** How many years a finished case keeps the requester's personal data (the admins' setting). */
  retentionYears(): Promise<number>;
  /** The server's reading of a request in the person's own words (the triage index is server-only). */
  triage(text: string, options: { org: Organization; routing: readonly RoutingRule[]; regionId?: string }): CategorySuggestion[];
  checkContent(text: string, openid: string): Promise<ContentVerdict>;
  countSubmittedSince(openid: string, since: string): Promise<number>;
  /** Why each attachment may not go on this case (not the caller's own unused upload, or not stored), as issues. */
  attachmentIssues(openid: string, fileIDs: string[], caseId: string): Promise<Issue[]>;
  /** Marks the attachments as the case's: from now on the case's readers decide who sees them. */
  attachFiles(fileIDs: string[], caseId: string): Promise<void>;
  /**
   * Stores the case `build` makes for the day's next tracking number (`prefix` + 001…), the number and the
   * case in one commit: concurrent submissions get distinct numbers and a failure leaves neither behind.
   * Null when a case with this id already exists (a concurrent retry of the same request).
   * With a `quota`, the same commit counts the case against it: `limited` (and nothing stored) when
   * `limit` cases were already counted under `key`.
   */
  insertNumberedCase(
    prefix: string,
    build: (trackingNo: string) => CaseRecord,
    quota?: SubmissionQuota,
  ): Promise<CaseRecord | null | 'limited'>;
  getCase(caseId: string): Promise<CaseRecord | null>;
  findByTrackingNo(trackingNo: string): Promise<CaseRecord | null>;
  /** Writes `next` only if the stored version is still `expectedVersion`; false when someone else wrote first. */
  replaceCase(next: CaseRecord, expectedVersion: number): Promise<boolean>;
  /** Newest first unless `order` says otherwise; `brief`: without timelines; `skip`: from the n-th. */
  listCases(query: CaseQuery, limit: number, options?: { skip?: number; order?: CaseOrder; brief?: boolean }): Promise<CaseRecord[]>;
  countCases(query: CaseQuery): Promise<number>;
  /** Cases routed from `from` to `to` (YYYY-MM-DD, UTC+8, inclusive), whole, however many. */
  casesRoutedBetween(from: string, to: string): Promise<CaseRecord[]>;
  staffOf(departmentId: string): Promise<string[]>;
  /** A staff member (or dispatcher) of the unit, with the name they gave; null when they are not one. */
  colleague(departmentId: string, openid: string): Promise<{ openid: string; name: string } | null>;
  notify(openids: string[], notice: Notice): Promise<void>;
  /** A view or change of one case, on that case's own trail. */
  audit(entry: AuditEntry): Promise<void>;
  auditTrail(caseId: string): Promise<(AuditEntry & { _id: string })[]>;
  /** Any other entry of the one audit trail (a read of a case's trail is not part of that case's). */
  writeAudit(entry: AuditRecord): Promise<void>;
  /** Staff messages that could not reach the person (no consent left), as recorded. */
  missedNoticesOf(openid: string): Promise<(MissedNotice & { _id: string })[]>;
  /** Where the cases and ledger tasks those messages were about stand now. */
  noticeSubjects(caseIds: string[], taskIds: string[]): Promise<NoticeSubjects>;
  forgetMissedNotices(ids: string[]): Promise<void>;
  /** The person has seen the case: a message about it that missed them no longer needs saying. */
  clearMissedNotice(openid: string, caseId: string): Promise<void>;
  /** Writes the 三率台账 workbook and stores it for `requester`, readable by them only, for a day. */
  exportLedger(requester: string, name: string, ledger: LedgerExport, at: Date): Promise<ExportedFile>;
}

/** Reusable answers per category: staff pick one when replying, admins keep them current. */
export interface TemplatesPort {
  list(category?: string): Promise<AnswerTemplate[]>;
  /** Replaces the template with this `_id` (NOT_FOUND when there is none), or adds one under `newId()`. */
  save(t: Omit<AnswerTemplate, '_id'> & { _id?: string }, newId: () => string): Promise<AnswerTemplate>;
  /** NOT_FOUND when there is no such template. */
  remove(id: string): Promise<void>;
}

/** A person's submissions in one day (UTC+8), counted in the commit that stores each case. */
export interface SubmissionQuota {
  /** One counter per person per day, e.g. `submit:<openid>:2026-09-30`. */
  key: string;
  limit: number;
  /** Whose cases, and from when, to count when the day's counter does not exist yet. */
  openid: string;
  since: string;
}

export interface AuditEntry {
  caseId: string;
  openid: string;
  role: string;
  departmentId?: string;
  action: string;
  /** The view showed the person's whole phone (the department handling the case, a 回访). */
  revealed?: boolean;
  at: string;
}

export interface AnswerTemplate {
  _id: string;
  category: string;
  title: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
}
