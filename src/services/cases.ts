import type { CaseFilter, Queue, SubmitInput } from '../../core/contracts/cases';
import type { MissedNotice } from '../../core/cases/notices';
import type { AnswerTemplate, AuditEntry } from '../../core/cases/port';
import type { CaseSummary, requesterView, staffView } from '../../core/cases/present';
import type { Stats } from '../../core/cases/stats';
import type { supervisionQueue } from '../../core/cases/supervision';
import type { CategoryId } from '../../core/data/categories';
import type { DepartmentId } from '../../core/data/departments';
import { callFunction } from './call';

export type RequesterCase = ReturnType<typeof requesterView>;
export type StaffCase = ReturnType<typeof staffView>;
export type InboxItem = CaseSummary & { urged: boolean; lastUrge?: string; returned: boolean; flagged: boolean };
export type QueueItem = ReturnType<typeof supervisionQueue>['items'][number];
export interface QueueAnswer {
  items: QueueItem[];
  total: number;
  counts: Record<Queue, number>;
}
export interface LedgerFile {
  fileID: string;
  url: string;
  name: string;
}
export type { AnswerTemplate, AuditEntry, Stats };
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Submitted {
  caseId: string;
  trackingNo: string;
  departmentId: string;
  departmentName: string;
  status: string;
  signDueAt: string;
  dueAt: string;
  message: string;
}
export interface Suggestion {
  category: string;
  departmentId?: string;
  score: number;
}

const call = <T>(action: string, payload: Record<string, unknown> = {}) => callFunction<T>('cases', { action, ...payload });

// The requester's side
export const suggest = (text: string) => call<{ candidates: Suggestion[] }>('suggest', { text });
export const submit = (input: SubmitInput) => call<Submitted>('submit', { ...input });
export const mine = (page = 1) => call<Page<CaseSummary>>('mine', { page });
export const getCase = <T = RequesterCase>(caseId: string) => call<T>('get', { caseId });
export const supplement = (caseId: string, text: string, attachments?: string[]) =>
  call<RequesterCase>('supplement', { caseId, text, attachments });
export const withdraw = (caseId: string, reason?: string) => call<{ caseId: string; status: string }>('withdraw', { caseId, reason });
export const rate = (caseId: string, score: number, solved: boolean, comment?: string) =>
  call<RequesterCase>('rate', { caseId, score, solved, comment });

// Department staff
export const inbox = (filter: CaseFilter = 'open', page = 1) => call<Page<InboxItem>>('inbox', { filter, page });
export const accept = (caseId: string) => call<StaffCase>('accept', { caseId });
export const reply = (caseId: string, text: string) => call<StaffCase>('reply', { caseId, text });
export const requestInfo = (caseId: string, text: string) => call<StaffCase>('requestInfo', { caseId, text });
export const resolve = (caseId: string, summary: string) => call<StaffCase>('resolve', { caseId, summary });
export const returnToDispatcher = (caseId: string, reason: string) => call<StaffCase>('return', { caseId, reason });
export const addNote = (caseId: string, text: string) => call<StaffCase>('note', { caseId, text });
export const lookup = (trackingNo: string) => call<StaffCase>('lookup', { trackingNo });
/** New-case messages WeChat could not send the caller (no consent left), still to be seen: newest first. */
export const missedNotices = () => call<{ missed: Omit<MissedNotice, 'openid'>[] }>('notices', {});

// The 双拥办
export const assign = (caseId: string, departmentId: DepartmentId, reason: string) =>
  call<StaffCase>('assign', { caseId, departmentId, reason });
export const urge = (caseId: string, note?: string) => call<StaffCase>('urge', { caseId, note });
export const followUp = (caseId: string, satisfied: boolean, note?: string) => call<StaffCase>('followUp', { caseId, satisfied, note });
export const record = (input: Omit<SubmitInput, 'consent'> & { callerNote?: string }) => call<Submitted>('record', { ...input });
export const queue = (list: Queue) => call<QueueAnswer>('queue', { list });
/** The 三率 for cases routed from `from` to `to` (YYYY-MM-DD, UTC+8, inclusive). */
export const stats = (from: string, to: string) => call<Stats>('stats', { from, to });
export const exportStats = (from: string, to: string) => call<LedgerFile>('exportStats', { from, to });

// Admins
export const auditTrail = (caseId: string) => call<{ items: AuditEntry[] }>('audit', { caseId });
export const templates = (category?: CategoryId) => call<{ items: AnswerTemplate[] }>('templates', category ? { category } : {});
export const saveTemplate = (input: { id?: string; category: CategoryId; title: string; text: string }) =>
  call<AnswerTemplate>('saveTemplate', { ...input });
export const removeTemplate = (id: string) => call<{ id: string; removed: true }>('removeTemplate', { id });
