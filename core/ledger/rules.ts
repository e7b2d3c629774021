import { AppError } from '../envelope';
import { checkedLink } from './live';
import { isSupervisor, mayEditTask, type Evidence, type ProblemRecord, type TaskPerson, type TaskRecord } from './model';

/**
 * How a task moves: a department works it (not_started → in_progress as soon as evidence arrives,
 * → ready when it judges the task met, with a self-assessed score), the 双拥办 accepts it with its own
 * score or sends it back to in_progress. Accepted is final for the department. Each rule takes the
 * stored task and answers the next one, or refuses with the message the person sees.
 */

export function requireEditor(caller: { role: string; departmentId?: string }, t: Pick<TaskRecord, 'ownerDepartments'>): void {
  if (!mayEditTask(caller, t)) throw new AppError('FORBIDDEN', '这项任务不归您的部门，只能查看');
}

export function requireSupervisor(caller: { role: string }): void {
  if (!isSupervisor(caller)) throw new AppError('FORBIDDEN', '只有双拥办可以这样做');
}

/** A score is capped by the task's points in the standard: a self-assessment or an acceptance cannot exceed them. */
function requireWithinPoints(t: TaskRecord, score: number, field: string, message: string): void {
  if (score > t.points) throw new AppError('INVALID_INPUT', message, [{ path: [field], message: `最多 ${t.points} 分` }]);
}

export interface DepartmentUpdate {
  status?: 'in_progress' | 'ready';
  selfScore?: number;
  note?: string;
  /** Who in the caller's unit is responsible for the task. */
  person?: string;
}

/** A department's progress on its task: its status, its self-assessed score, a note for the record. */
export function updatedByDepartment(
  t: TaskRecord,
  change: DepartmentUpdate,
  by: { openid: string; departmentId?: string },
  at: Date,
): TaskRecord {
  if (t.status === 'accepted') throw new AppError('CONFLICT', '双拥办已经验收，不能再改；需要调整请联系双拥办');
  if (change.selfScore !== undefined) requireWithinPoints(t, change.selfScore, 'selfScore', `自评分不能超过这项的分值 ${t.points} 分`);
  // "Met" needs something to show for it.
  if (change.status === 'ready' && t.evidence.length === 0) throw new AppError('CONFLICT', '请先上传至少一份佐证材料，再标记自评达标');
  const next: TaskRecord = { ...t, updatedAt: at.toISOString() };
  if (change.status) next.status = change.status;
  if (change.selfScore !== undefined) next.selfScore = change.selfScore;
  if (change.note) next.notes = [...t.notes, { at: at.toISOString(), text: change.note, by: by.openid }];
  if (change.person) {
    // The 双拥办 edits every task but names people only through saveTask, for the unit it chooses.
    if (!by.departmentId || !t.ownerDepartments.includes(by.departmentId)) {
      throw new AppError('INVALID_INPUT', '只有责任单位可以指定本单位的负责人', [{ path: ['person'], message: '请由责任单位指定' }]);
    }
    next.persons = withPerson(t.persons, { departmentId: by.departmentId, name: change.person });
  }
  return next;
}

/** The unit's responsible person set or replaced, the other units' kept. */
const withPerson = (persons: TaskPerson[] | undefined, person: TaskPerson): TaskPerson[] => [
  ...(persons ?? []).filter((p) => p.departmentId !== person.departmentId),
  person,
];

/** Evidence goes on the task's list; the first piece starts a task nobody had started. */
export function withEvidence(t: TaskRecord, evidence: Evidence, at: Date): TaskRecord {
  return {
    ...t,
    evidence: [...t.evidence, evidence],
    status: t.status === 'not_started' ? 'in_progress' : t.status,
    updatedAt: at.toISOString(),
  };
}

/** The 双拥办 accepts a task the department marked ready, with a score of its own. */
export function accepted(t: TaskRecord, score: number, at: Date): TaskRecord {
  if (t.status !== 'ready') throw new AppError('CONFLICT', '部门自评达标后才能验收');
  requireWithinPoints(t, score, 'score', `验收得分不能超过 ${t.points} 分`);
  return { ...t, status: 'accepted', acceptedScore: score, acceptedAt: at.toISOString(), updatedAt: at.toISOString() };
}

/** Back to the department with the reason on record; an accepted task loses its accepted score. */
export function sentBack(t: TaskRecord, reason: string, by: string, at: Date): TaskRecord {
  if (t.status !== 'ready' && t.status !== 'accepted') throw new AppError('CONFLICT', '只有自评达标或已验收的任务可以退回');
  const { acceptedScore: _dropped, acceptedAt: _when, ...rest } = t;
  return {
    ...rest,
    status: 'in_progress',
    notes: [...t.notes, { at: at.toISOString(), text: `双拥办退回：${reason}`, by }],
    updatedAt: at.toISOString(),
  };
}

/** The 督办 text: the 双拥办's own words, or the deadline. */
export const urgeText = (t: Pick<TaskRecord, 'deadline'>, note: string | undefined): string => note ?? `请在 ${t.deadline} 前完成`;

/** A 督办 on record; an accepted task needs none. */
export function urged(t: TaskRecord, text: string, by: string, at: Date): TaskRecord {
  if (t.status === 'accepted') throw new AppError('CONFLICT', '这项任务已经验收了');
  return { ...t, urges: [...t.urges, { at: at.toISOString(), note: text, by }], updatedAt: at.toISOString() };
}

export interface TaskSettings {
  ownerDepartments?: TaskRecord['ownerDepartments'];
  persons?: TaskPerson[];
  deadline?: string;
  /** null unlinks the task from the live figures. */
  link?: TaskRecord['link'] | null;
}

/** The 双拥办 sets who is responsible, the deadline and the live figure a task is proved by. */
export function withSettings(t: TaskRecord, change: TaskSettings, at: Date): TaskRecord {
  const next: TaskRecord = { ...t, updatedAt: at.toISOString() };
  if (change.ownerDepartments) next.ownerDepartments = change.ownerDepartments;
  if (change.persons) {
    const stray = change.persons.findIndex((p) => !next.ownerDepartments.includes(p.departmentId));
    if (stray >= 0)
      throw new AppError('INVALID_INPUT', '负责人要属于这项任务的责任单位', [
        { path: ['persons', stray, 'departmentId'], message: '不是责任单位' },
      ]);
    next.persons = change.persons.reduce(
      withPerson,
      t.persons?.filter((p) => next.ownerDepartments.includes(p.departmentId)),
    );
  } else if (change.ownerDepartments) {
    // A unit no longer responsible takes its person with it.
    next.persons = t.persons?.filter((p) => next.ownerDepartments.includes(p.departmentId));
  }
  if (change.deadline && change.deadline !== t.deadline) {
    next.deadline = change.deadline;
    // A day of its own: no longer the standard's 常态化.
    delete next.ongoing;
  }
  if (change.link === null) delete next.link;
  else if (change.link) next.link = checkedLink(change.link, next.points);
  return next;
}

export type ProblemFields = Omit<ProblemRecord, '_id' | 'state' | 'createdAt' | 'updatedAt'>;

/** A problem found at an inspection, new or edited: an edit keeps when it was first recorded. */
export function savedProblem(
  before: ProblemRecord | null,
  id: string,
  fields: ProblemFields,
  state: ProblemRecord['state'],
  at: Date,
): ProblemRecord {
  return { _id: id, ...fields, state, createdAt: before?.createdAt ?? at.toISOString(), updatedAt: at.toISOString() };
}
