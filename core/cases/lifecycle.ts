import { AppError } from '../envelope';
import type { Calendar } from './calendar';
import { deadlines } from './deadlines';
import type { CaseRecord, CaseStatus } from './model';

/** Every action that changes a case's status, and the statuses it may start from (docs/domain.md, "A request's life"). */
export const TRANSITIONS = {
  accept: { from: ['assigned'], to: 'accepted' },
  reply: { from: ['accepted', 'in_progress'], to: 'in_progress' },
  requestInfo: { from: ['accepted', 'in_progress'], to: 'waiting' },
  supplement: { from: ['waiting'], to: 'in_progress' },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved' },
  return: { from: ['assigned', 'accepted'], to: 'assigned' },
  assign: { from: ['assigned', 'accepted', 'in_progress', 'waiting'], to: 'assigned' },
  withdraw: { from: ['assigned', 'accepted', 'in_progress', 'waiting'], to: 'withdrawn' },
  rateSolved: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'in_progress' },
  autoClose: { from: ['resolved'], to: 'closed' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus }>;

export type CaseAction = keyof typeof TRANSITIONS;

const WHY_NOT: Partial<Record<CaseStatus, string>> = {
  resolved: '这件事已经办结了',
  closed: '这件事已经结束了',
  withdrawn: '这件事已经撤回了',
  waiting: '正在等待群众补充材料',
  assigned: '这件事还没有签收',
};

/** The status after `action`, or CONFLICT with a plain reason when the case is not in a state that allows it. */
export function transition(from: CaseStatus, action: CaseAction): CaseStatus {
  const t = TRANSITIONS[action];
  if (!(t.from as readonly CaseStatus[]).includes(from)) {
    throw new AppError('CONFLICT', `${WHY_NOT[from] ?? '这件事当前的状态'}，不能进行这个操作`);
  }
  return t.to;
}

export const canTransition = (from: CaseStatus, action: CaseAction): boolean =>
  (TRANSITIONS[action].from as readonly CaseStatus[]).includes(from);

/**
 * The case goes to `unitId` (改派, 上报, or the 双拥办 taking an urgent one), waiting to be signed, with
 * its deadlines counted from now; whoever handled it in the unit it left no longer does.
 */
export function handOver(c: CaseRecord, unitId: string, calendar: Calendar, now: Date): void {
  c.status = transition(c.status, 'assign');
  delete c.handler;
  const due = deadlines(calendar, now, c.category, c.urgent);
  c.departmentId = unitId;
  if (!c.departmentsHeld.includes(unitId)) c.departmentsHeld.push(unitId);
  c.returned = false;
  c.routedAt = now.toISOString();
  c.signDueAt = due.signDueAt.toISOString();
  c.dueAt = due.dueAt.toISOString();
  delete c.signedAt;
  delete c.signedOnTime;
  delete c.waitingSince;
}
