import type { ActionName, Answer, Input } from '../../core/contracts/answers';
import { callFunction } from './call';

type LedgerAnswer<A extends ActionName<'ledger'>> = Answer<'ledger', A>;

export type { Board, LedgerTask, ListedTask, LiveFigure, Problem, TaskDetail, UnitCampaign } from '../../core/contracts/ledger';
export type { BoardMilestone, LedgerCalendarAnswer as Milestones, WeeklyReport } from '../../core/contracts/ledger-supervision';
export type OverdueTask = LedgerAnswer<'board'>['overdueTasks'][number];
export type Evidence = LedgerAnswer<'task'>['evidence'][number];
export type LedgerFile = LedgerAnswer<'exportStandard'>;
export type ImportResult = LedgerAnswer<'importStandard'>;
export type Report = LedgerAnswer<'report'>;
export type ProblemInput = Input<'ledger', 'saveProblem'>;

const call = <A extends ActionName<'ledger'>>(action: A, input: Input<'ledger', A>) => callFunction('ledger', { action, ...input });

/** Drops keys whose value is undefined: the contracts are strict and an empty field is no field. */
const defined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

// Every department
export const getBoard = () => call('board', {});
export const listTasks = (filter: { areaId?: string; mine?: boolean } = {}) => call('tasks', defined(filter));
/** The task with its problems and, for a linked task, the live figure for the period (this year by default). */
export const getTask = (id: string, period: { from?: string; to?: string } = {}) => call('task', defined({ id, ...period }));
export const updateTask = (id: string, change: Omit<Input<'ledger', 'updateTask'>, 'id'>) => call('updateTask', defined({ id, ...change }));
export const addEvidence = (input: Input<'ledger', 'addEvidence'>) => call('addEvidence', defined(input));
export const saveProblem = (input: ProblemInput) => call('saveProblem', defined({ ...input }));
/** A unit's own campaign page: the caller's unit unless another is named (the 双拥办 and leaders). */
export const getUnitCampaign = (departmentId?: string) => call('unitCampaign', defined({ departmentId }));

// The 双拥办 (dispatcher) and admins
export const acceptTask = (taskId: string, score: number) => call('accept', { taskId, score });
export const sendBack = (taskId: string, reason: string) => call('sendBack', { taskId, reason });
export const urgeTask = (taskId: string, note?: string) => call('urge', defined({ taskId, note }));
export const saveTask = (input: Input<'ledger', 'saveTask'>) => call('saveTask', defined({ ...input }));
export const importStandard = (fileID: string) => call('importStandard', { fileID });
export const exportStandard = () => call('exportStandard', {});
export const sampleTemplate = () => call('sampleTemplate', {});
export const weeklyReport = (from: string, to: string) => call('report', { from, to });

// What the 双拥办 and the leaders take out: the 迎查 package (a .zip kept a day for the caller) and the annual assessment
export type EvidencePackageFile = LedgerAnswer<'evidencePackage'>;
export type Assessment = LedgerAnswer<'assessment'>;
export const evidencePackage = () => call('evidencePackage', {});
export const getAssessment = (year: number) => call('assessment', { year });
export const exportAssessment = (year: number) => call('exportAssessment', { year });

// Milestones and the weekly reports: every reader reads them; the 双拥办 sets the milestones
export const getMilestones = () => call('milestones', {});
export const saveMilestones = (input: Input<'ledger', 'saveMilestones'>) => call('saveMilestones', defined({ ...input }));
export type ReportSummary = LedgerAnswer<'reports'>['items'][number];
export const listReports = () => call('reports', {});
export const getWeeklyReport = (id: string) => call('reportGet', { id });
