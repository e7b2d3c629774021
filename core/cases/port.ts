import type { Issue } from '../envelope';
import type { DepartmentId } from '../data/departments';
import type { RoutingRule } from '../routing';
import type { Calendar } from './calendar';
import type { ContentVerdict } from '../content';
import type { CaseRecord } from './model';

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
  departmentId?: DepartmentId;
  /** Cases a department holds or has held. */
  heldBy?: DepartmentId;
  statuses?: readonly string[];
  /** Statuses the cases must not have. */
  notStatuses?: readonly string[];
  flagged?: boolean;
  returned?: boolean;
  routedFrom?: string;
  routedTo?: string;
}

/** What the case use cases need from storage and the platform; cloudfunctions/cases adapts wx-server-sdk to it. */
export interface CasesPort {
  calendar(): Promise<Calendar>;
  routingTable(): Promise<readonly RoutingRule[]>;
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
  staffOf(departmentId: DepartmentId): Promise<string[]>;
  notify(openids: string[], notice: Notice): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  auditTrail(caseId: string): Promise<AuditEntry[]>;
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
