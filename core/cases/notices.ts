/**
 * Staff notices that WeChat refused for lack of consent (errCode 43101). A one-time consent buys one
 * message, so a clerk who has used theirs up misses the next new case; the cloud keeps one record per
 * person and case (or ledger task) until the person has seen it, so the inbox can say so and ask again.
 */
import type { TaskStatus } from '../ledger/model';
import type { Role } from '../roles';
import { OPEN_STATUSES, type CaseStatus } from './model';

/** What a missed notice was about: a case in an inbox, or a ledger task the 双拥办 urged. */
export type NoticeRef = { caseId: string; taskId?: undefined } | { taskId: string; caseId?: undefined };

export interface MissedNotice {
  openid: string;
  caseId?: string;
  taskId?: string;
  /** The case's tracking number or the task's code: what the person would look for. */
  number: string;
  /** The message's title, e.g. "双拥办督办". */
  title: string;
  /** When the notice was refused (UTC+8, "2026-10-13 10:00"). */
  at: string;
}

/** One record per person and subject: a second refusal about the same case replaces the first. */
export const missedNoticeKey = (openid: string, ref: NoticeRef): string =>
  ref.caseId !== undefined ? `${openid}:case:${ref.caseId}` : `${openid}:task:${ref.taskId}`;

/** Where a missed notice's case or task stands now (undefined: it is gone). */
export interface NoticeSubjects {
  cases: ReadonlyMap<string, { status: CaseStatus; departmentId: string }>;
  tasks: ReadonlyMap<string, { status: TaskStatus }>;
}

/**
 * Whether a missed notice still matters to the person: a clerk's while their department holds the case
 * and it is open; the 双拥办's (who are also told of withdrawals and ratings) until the case is closed;
 * a ledger 督办 until the task is accepted.
 */
export function stillMatters(m: MissedNotice, caller: { role: Role; departmentId?: string }, now: NoticeSubjects): boolean {
  if (m.caseId !== undefined) {
    const c = now.cases.get(m.caseId);
    if (!c) return false;
    if (caller.role === 'staff') return OPEN_STATUSES.includes(c.status) && c.departmentId === caller.departmentId;
    return c.status !== 'closed';
  }
  const t = m.taskId !== undefined ? now.tasks.get(m.taskId) : undefined;
  return t !== undefined && t.status !== 'accepted';
}

/** The person's missed notices split into those that still matter (newest first) and those to forget. */
export function sortMissed<T extends MissedNotice>(
  missed: readonly T[],
  caller: { role: Role; departmentId?: string },
  now: NoticeSubjects,
): { kept: T[]; stale: T[] } {
  const kept: T[] = [];
  const stale: T[] = [];
  for (const m of missed) (stillMatters(m, caller, now) ? kept : stale).push(m);
  kept.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { kept, stale };
}
