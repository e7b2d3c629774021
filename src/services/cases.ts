import type { ActionName, Answer, Input } from '../../core/contracts/answers';
import type { CaseFilter, CaseView, Queue, RequesterCase, StaffCase, SubmitInput } from '../../core/contracts/cases';
import type { CategoryId } from '../../core/data/categories';
import { callFunction } from './call';

type CasesAnswer<A extends ActionName<'cases'>> = Answer<'cases', A>;

export type {
  AnswerTemplate,
  CaseStats as Stats,
  CaseSummary,
  FormerHolderCase,
  RequesterCase,
  StaffCase,
  Submitted,
  Suggestion,
} from '../../core/contracts/cases';
export type InboxItem = CasesAnswer<'inbox'>['items'][number];
export type QueueItem = CasesAnswer<'queue'>['items'][number];
export type AuditEntry = CasesAnswer<'audit'>['items'][number];
export type LedgerFile = CasesAnswer<'exportStats'>;
/** The figures of the 三率 for one set of cases (the county, a department, a category). */
export type Figures = CasesAnswer<'stats'>['total'];
export type Rate = Figures['responseRate'];

const call = <A extends ActionName<'cases'>>(action: A, input: Input<'cases', A>) => callFunction('cases', { action, ...input });

// The requester's side
export const suggest = (text: string) => call('suggest', { text });
export const submit = (input: SubmitInput) => call('submit', { ...input });
export const mine = (page = 1) => call('mine', { page });
/**
 * A case as the caller may read it: the requester gets `RequesterCase`, staff and the 双拥办 `StaffCase`, a
 * department the case has left a `FormerHolderCase`. The page knows which of them its reader is.
 */
export const getCase = <T extends CaseView = RequesterCase>(caseId: string) => call('get', { caseId }) as Promise<T>;
export const supplement = (caseId: string, text: string, attachments?: string[]) => call('supplement', { caseId, text, attachments });
export const withdraw = (caseId: string, reason?: string) => call('withdraw', { caseId, reason });
export const rate = (caseId: string, score: number, solved: boolean, comment?: string) => call('rate', { caseId, score, solved, comment });

// Department staff
export const inbox = (filter: CaseFilter = 'open', page = 1) => call('inbox', { filter, page });
export const accept = (caseId: string) => call('accept', { caseId });
export const reply = (caseId: string, text: string) => call('reply', { caseId, text });
export const requestInfo = (caseId: string, text: string) => call('requestInfo', { caseId, text });
export const resolve = (caseId: string, summary: string) => call('resolve', { caseId, summary });
export const returnToDispatcher = (caseId: string, reason: string) => call('return', { caseId, reason });
export const addNote = (caseId: string, text: string) => call('note', { caseId, text });
/** A case by tracking number (a phone enquiry): staff get `StaffCase`, a department it has left `FormerHolderCase`. */
export const lookup = <T extends CaseView = StaffCase>(trackingNo: string) => call('lookup', { trackingNo }) as Promise<T>;
/** New-case messages WeChat could not send the caller (no consent left), still to be seen: newest first. */
export const missedNotices = () => call('notices', {});
/** The holding unit names one of its staff (users.colleagues) as the case's 承办人. */
export const setHandler = (caseId: string, openid: string) => call('setHandler', { caseId, openid });
/** A township station hands a case it holds to a county unit (上报), with its reason. */
export const escalate = (caseId: string, departmentId: string, reason: string) => call('escalate', { caseId, departmentId, reason });

// The 双拥办
export const assign = (caseId: string, departmentId: string, reason: string) => call('assign', { caseId, departmentId, reason });
export const urge = (caseId: string, note?: string) => call('urge', { caseId, note });
export const followUp = (caseId: string, satisfied: boolean, note?: string) => call('followUp', { caseId, satisfied, note });
export const record = (input: Omit<Input<'cases', 'record'>, 'requestId'> & { requestId: string }) => call('record', { ...input });
export const queue = (list: Queue) => call('queue', { list });
/** The 三率 for cases routed from `from` to `to` (YYYY-MM-DD, UTC+8, inclusive). */
export const stats = (from: string, to: string) => call('stats', { from, to });
export const exportStats = (from: string, to: string) => call('exportStats', { from, to });

// Admins
export const auditTrail = (caseId: string) => call('audit', { caseId });
export const templates = (category?: CategoryId) => call('templates', category ? { category } : {});
export const saveTemplate = (input: Input<'cases', 'saveTemplate'>) => call('saveTemplate', { ...input });
export const removeTemplate = (id: string) => call('removeTemplate', { id });
