import type { Rate } from '../../core/cases/stats';
import type { DepartmentId } from '../../core/data/departments';
import type { board } from '../../core/ledger/board';
import type { LiveMetric, ProblemRecord, ProblemState, TaskRecord } from '../../core/ledger/model';
import { callFunction } from './call';

export type Board = ReturnType<typeof board>;
export type AreaProgress = Board['areas'][number];
export type DepartmentProgress = Board['departments'][number];
export type OverdueTask = Board['overdueTasks'][number];
export type OverdueProblem = Board['overdueProblems'][number];
export type Problem = ProblemRecord;

/** A task as the list and the task page see it: the record, its id, and what the caller may do. */
export interface LedgerTask extends Omit<TaskRecord, '_id'> {
  id: string;
  editable: boolean;
  /** Past its deadline and not yet accepted (the list answers it; the task page works it out). */
  overdue?: boolean;
}

export interface LiveFigures {
  rates: { received: number; responseRate: Rate; resolutionRate: Rate; satisfactionRate: Rate; onTimeRate: Rate };
  cases_resolved: { resolved: number; received: number };
  fairs: { fairs: number; signedUp: number; checkedIn: number; hired: number };
  policies_published: { published: number; publishedInPeriod: number };
}

/** The figure the system already knows for a linked task, over a period (cloudfunctions/ledger/evidence.ts). */
export type LiveFigure = {
  [M in LiveMetric]: {
    metric: M;
    label: string;
    from: string;
    to: string;
    departmentId?: DepartmentId | null;
    /** null when the department has nothing in the period. */
    figures: LiveFigures[M] | null;
  };
}[LiveMetric];

export interface TaskDetail extends LedgerTask {
  problems: Problem[];
  live: LiveFigure | null;
}

export interface LedgerFile {
  fileID: string;
  url: string;
  name: string;
}

export interface ImportResult {
  title?: string;
  areas: number;
  created: number;
  updated: number;
}

export interface Report extends Board {
  period: { from: string; to: string };
  changed: { id: string; code: string; content: string; status: TaskRecord['status'] }[];
  live: (LiveFigure & { code: string; content: string })[];
  file: LedgerFile;
}

export interface ProblemInput {
  id?: string;
  taskId: string;
  description: string;
  measure: string;
  ownerDepartmentId: DepartmentId;
  ownerPerson?: string;
  deadline: string;
  state?: ProblemState;
}

const call = <T>(action: string, payload: Record<string, unknown> = {}) => callFunction<T>('ledger', { action, ...payload });

/** Drops keys whose value is undefined: the contracts are strict and an empty field is no field. */
const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

// Every department
export const getBoard = () => call<Board>('board');
export const listTasks = (filter: { areaId?: string; mine?: boolean } = {}) =>
  call<{ items: LedgerTask[]; total: number }>('tasks', defined(filter));
/** The task with its problems and, for a linked task, the live figure for the period (this year by default). */
export const getTask = (id: string, period: { from?: string; to?: string } = {}) => call<TaskDetail>('task', defined({ id, ...period }));
export const updateTask = (id: string, change: { status?: 'in_progress' | 'ready'; selfScore?: number; note?: string }) =>
  call<LedgerTask>('updateTask', defined({ id, ...change }));
export const addEvidence = (input: { taskId: string; name: string; description: string; fileID?: string }) =>
  call<LedgerTask>('addEvidence', defined(input));
export const listProblems = (filter: { taskId?: string; departmentId?: DepartmentId } = {}) =>
  call<{ items: Problem[] }>('problems', defined(filter));
export const saveProblem = (input: ProblemInput) => call<Problem>('saveProblem', defined({ ...input }));

// The 双拥办 (dispatcher) and admins
export const acceptTask = (taskId: string, score: number) => call<LedgerTask>('accept', { taskId, score });
export const sendBack = (taskId: string, reason: string) => call<LedgerTask>('sendBack', { taskId, reason });
export const urgeTask = (taskId: string, note?: string) => call<LedgerTask>('urge', defined({ taskId, note }));
export const saveTask = (input: {
  id: string;
  ownerDepartments?: DepartmentId[];
  deadline?: string;
  link?: { metric: LiveMetric; departmentId?: DepartmentId } | null;
}) => call<LedgerTask>('saveTask', defined({ ...input }));
export const importStandard = (fileID: string) => call<ImportResult>('importStandard', { fileID });
export const exportStandard = () => call<LedgerFile>('exportStandard');
export const sampleTemplate = () => call<LedgerFile>('sampleTemplate');
export const weeklyReport = (from: string, to: string) => call<Report>('report', { from, to });
