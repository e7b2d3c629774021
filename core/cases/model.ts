import type { CategoryId } from '../data/categories';
import type { Role } from '../roles';
import type { RoutingRule } from '../routing';

/**
 * assigned (routed, waiting to be signed) → accepted (签收) → in_progress ⇄ waiting (for the requester;
 * the resolve clock pauses) → resolved (办结) → closed (rated, or 7 days without a rating).
 * withdrawn: the requester ended it before it was resolved.
 */
export const CASE_STATUSES = ['assigned', 'accepted', 'in_progress', 'waiting', 'resolved', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = ['assigned', 'accepted', 'in_progress', 'waiting'];

export type TimelineType =
  | 'submitted'
  | 'recorded'
  | 'routed'
  | 'accepted'
  | 'replied'
  | 'info_requested'
  | 'supplemented'
  | 'resolved'
  | 'returned'
  | 'reassigned'
  | 'escalated'
  | 'handler_set'
  | 'urged'
  | 'note'
  | 'rated'
  | 'reopened'
  | 'withdrawn'
  | 'closed'
  | 'followed_up';

export interface Escalation {
  from: string;
  to: string;
  at: string;
  reason: string;
}

export interface Actor {
  role: Role | 'system';
  departmentId?: string;
  /** The OPENID of who acted; never shown to the requester. */
  openid?: string;
}

export interface TimelineEntry {
  at: string;
  type: TimelineType;
  actor: Actor;
  /** What happened, in plain words, as the requester reads it. */
  text: string;
  /** Seen by staff and the dispatcher only (internal notes, routing detail). */
  internal?: boolean;
}

export interface Rating {
  /** 1-5 from the requester; absent for a 回访 call. */
  score?: number;
  solved: boolean;
  /** A score of 4 or more, or a 回访 call recorded as satisfied (docs/domain.md, 三率). */
  satisfied: boolean;
  comment?: string;
  at: string;
  /** A 回访 call recorded by the dispatcher rather than the requester's own rating. */
  byFollowUp?: boolean;
}

export interface Urge {
  at: string;
  note: string;
  by: string;
  automatic: boolean;
}

export interface CaseRecord {
  _id: string;
  trackingNo: string;
  requestId: string;
  requesterOpenid: string;
  /** The dispatcher who entered a request taken by phone. */
  recordedBy?: string;
  category: CategoryId;
  description: string;
  regionId: string;
  contact: { name: string; phone: string };
  urgent: boolean;
  attachments: string[];
  /** msgSecCheck asked for review: stored, and listed for the dispatcher. */
  flagged: boolean;
  status: CaseStatus;
  departmentId: string;
  /** Every department that has held the case (they keep read access). */
  departmentsHeld: string[];
  routing: { departmentId: string; reason: string; rule: RoutingRule | null };
  /** Set when a department handed the case back and the dispatcher has not reassigned it yet. */
  returned: boolean;
  /** The person in the holding unit who handles the case (承办人), once the unit names one. */
  handler?: { openid: string; name: string };
  /** A township station's hand-overs to a county unit (上报): not a 退单, and counted apart in the 三率. */
  escalations?: Escalation[];
  createdAt: string;
  routedAt: string;
  signDueAt: string;
  dueAt: string;
  /** When the case started waiting for the requester (the resolve clock is paused meanwhile). */
  waitingSince?: string;
  signedAt?: string;
  signedOnTime?: boolean;
  resolvedAt?: string;
  resolvedOnTime?: boolean;
  resolution?: string;
  closedAt?: string;
  rating?: Rating;
  reopenCount: number;
  urges: Urge[];
  timeline: TimelineEntry[];
  updatedAt: string;
  /** When the requester's personal data was taken out: they deleted it (deleteMe), or its retention period ran out. */
  erasedAt?: string;
  erasedBecause?: 'requester' | 'retention';
  /** Optimistic concurrency: each write checks and bumps it. */
  version: number;
}
