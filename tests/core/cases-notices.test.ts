import type { CaseStatus } from '../../core/cases/model';
import { missedNoticeKey, sortMissed, stillMatters, type MissedNotice, type NoticeSubjects } from '../../core/cases/notices';
import type { TaskStatus } from '../../core/ledger/model';

/** A new-case message that missed the 民政局's clerk (no consent left); override what a test is about. */
const aMissed = (overrides: Partial<MissedNotice> = {}): MissedNotice => ({
  openid: 'staff-civil',
  caseId: 'case-1',
  number: 'SY261123001',
  title: '您有一件新的求助',
  at: '2026-11-23 10:00',
  ...overrides,
});

const subjects = (cases: Record<string, [CaseStatus, string]>, tasks: Record<string, TaskStatus> = {}): NoticeSubjects => ({
  cases: new Map(Object.entries(cases).map(([id, [status, departmentId]]) => [id, { status, departmentId }])),
  tasks: new Map(Object.entries(tasks).map(([id, status]) => [id, { status }])),
});

const clerk = { role: 'staff', departmentId: 'civil' } as const;
const dispatcher = { role: 'dispatcher', departmentId: 'office' } as const;

test('one record per person and subject', () => {
  expect(missedNoticeKey('staff-civil', { caseId: 'case-1' })).toBe('staff-civil:case:case-1');
  expect(missedNoticeKey('staff-civil', { taskId: 'task-1' })).toBe('staff-civil:task:task-1');
  expect(missedNoticeKey('staff-civil', { caseId: 'x' })).not.toBe(missedNoticeKey('staff-civil', { taskId: 'x' }));
});

describe('a clerk’s missed notice matters while their unit holds the case and it is open', () => {
  test.each([
    ['assigned', 'civil', true],
    ['in_progress', 'civil', true],
    ['waiting', 'civil', true],
    ['assigned', 'edu', false], // reassigned to another unit
    ['resolved', 'civil', false],
    ['withdrawn', 'civil', false],
  ] as const)('%s at %s: %s', (status, departmentId, matters) => {
    expect(stillMatters(aMissed(), clerk, subjects({ 'case-1': [status, departmentId] }))).toBe(matters);
  });

  test('a case that is gone does not', () => {
    expect(stillMatters(aMissed(), clerk, subjects({}))).toBe(false);
  });
});

test('the 双拥办’s matters until the case is closed, withdrawals and ratings included', () => {
  const at = (status: CaseStatus) => stillMatters(aMissed({ openid: 'd' }), dispatcher, subjects({ 'case-1': [status, 'edu'] }));
  expect(at('assigned')).toBe(true);
  expect(at('resolved')).toBe(true);
  expect(at('withdrawn')).toBe(true);
  expect(at('closed')).toBe(false);
});

test('a ledger 督办 matters until the task is accepted', () => {
  const task = aMissed({ caseId: undefined, taskId: 'task-1', number: 'T-2026-001', title: '双拥办督办' });
  expect(stillMatters(task, clerk, subjects({}, { 'task-1': 'not_started' }))).toBe(true);
  expect(stillMatters(task, clerk, subjects({}, { 'task-1': 'ready' }))).toBe(true);
  expect(stillMatters(task, clerk, subjects({}, { 'task-1': 'accepted' }))).toBe(false);
  expect(stillMatters(task, clerk, subjects({}))).toBe(false);
});

test('those that matter are kept newest first; the rest are to forget', () => {
  const missed = [
    aMissed({ caseId: 'old', at: '2026-11-20 09:00' }),
    aMissed({ caseId: 'gone', at: '2026-11-24 09:00' }),
    aMissed({ caseId: 'new', at: '2026-11-23 15:00' }),
    aMissed({ caseId: 'done', at: '2026-11-22 09:00' }),
  ];
  const now = subjects({ old: ['accepted', 'civil'], new: ['assigned', 'civil'], done: ['closed', 'civil'] });
  const { kept, stale } = sortMissed(missed, clerk, now);
  expect(kept.map((m) => m.caseId)).toEqual(['new', 'old']);
  expect(stale.map((m) => m.caseId)).toEqual(['gone', 'done']);
});
