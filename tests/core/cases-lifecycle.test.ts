import { canTransition, transition, TRANSITIONS, type CaseAction } from '../../core/cases/lifecycle';
import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../core/cases/model';
import { AppError } from '../../core/envelope';

/**
 * The lifecycle as docs/domain.md draws it, written out here rather than read from TRANSITIONS, so that a
 * status added to or dropped from an action's `from` list fails a test instead of passing with it.
 */
const LIFECYCLE: Record<CaseAction, { from: CaseStatus[]; to: CaseStatus }> = {
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
};

/** Why a refused action is refused, as the person reads it, by the status the case is in. */
const REASON: Record<CaseStatus, string> = {
  assigned: '这件事还没有签收',
  accepted: '这件事当前的状态',
  in_progress: '这件事当前的状态',
  waiting: '正在等待群众补充材料',
  resolved: '这件事已经办结了',
  closed: '这件事已经结束了',
  withdrawn: '这件事已经撤回了',
};

const ACTIONS = Object.keys(LIFECYCLE) as CaseAction[];
const pairs = ACTIONS.flatMap((action) => CASE_STATUSES.map((status) => [action, status] as const));
const allowed = pairs.filter(([action, status]) => LIFECYCLE[action].from.includes(status));
const refused = pairs.filter(([action, status]) => !LIFECYCLE[action].from.includes(status));

function refusal(status: CaseStatus, action: CaseAction): AppError {
  try {
    transition(status, action);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`${action} from ${status} was allowed`);
}

test('the table names every action of the lifecycle, and no other', () => {
  expect(Object.keys(TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
});

test('what each status allows, read the other way round', () => {
  const allows = (status: CaseStatus) => ACTIONS.filter((action) => canTransition(status, action)).sort();
  expect(allows('assigned')).toEqual(['accept', 'assign', 'return', 'withdraw']);
  expect(allows('accepted')).toEqual(['assign', 'reply', 'requestInfo', 'resolve', 'return', 'withdraw']);
  expect(allows('in_progress')).toEqual(['assign', 'reply', 'requestInfo', 'resolve', 'withdraw']);
  expect(allows('waiting')).toEqual(['assign', 'supplement', 'withdraw']);
  expect(allows('resolved')).toEqual(['autoClose', 'rateSolved', 'reopen']);
  expect(allowed).toHaveLength(21);
  expect(refused).toHaveLength(ACTIONS.length * CASE_STATUSES.length - 21);
});

test.each(allowed)('%s from %s is allowed', (action, status) => {
  expect(canTransition(status, action)).toBe(true);
  expect(transition(status, action)).toBe(LIFECYCLE[action].to);
});

test.each(refused)('%s from %s is refused as CONFLICT with the reason in plain words', (action, status) => {
  expect(canTransition(status, action)).toBe(false);
  const e = refusal(status, action);
  expect(e.code).toBe('CONFLICT');
  expect(e.message).toBe(`${REASON[status]}，不能进行这个操作`);
});

test('a closed or withdrawn case allows nothing at all', () => {
  for (const status of ['closed', 'withdrawn'] as const) {
    expect(ACTIONS.filter((action) => canTransition(status, action))).toEqual([]);
  }
});

test('the requester may withdraw and the dispatcher reassign any open case, and no finished one', () => {
  for (const status of CASE_STATUSES) {
    const open = OPEN_STATUSES.includes(status);
    expect(canTransition(status, 'withdraw')).toBe(open);
    expect(canTransition(status, 'assign')).toBe(open);
  }
});

test('a unit may hand a case back only before it has answered', () => {
  expect(transition('accepted', 'return')).toBe('assigned');
  expect(refusal('in_progress', 'return').message).toBe('这件事当前的状态，不能进行这个操作');
});

test('a resolved case either closes or goes back to being handled (重办), never straight to waiting', () => {
  expect(ACTIONS.filter((action) => canTransition('resolved', action)).map((a) => transition('resolved', a))).toEqual([
    'closed',
    'in_progress',
    'closed',
  ]);
  expect(refusal('resolved', 'requestInfo').message).toBe('这件事已经办结了，不能进行这个操作');
});
