import type { Organization } from '../org/model';
import type { Rate } from '../cases/stats';
import type { Issue } from '../envelope';
import type { AreaRecord, LiveLink, LiveMetric, ProblemRecord, TaskRecord } from './model';
import type { StandardRows } from './standard-sheet';
import type { Assessment } from './assessment';
import type { EvidenceLayout, PackagedFile } from './evidence-package';

export interface ProblemQuery {
  taskId?: string;
  ownerDepartmentId?: string;
}

/** What each live metric counts over a period. */
export interface LiveFigures {
  rates: { received: number; responseRate: Rate; resolutionRate: Rate; satisfactionRate: Rate; onTimeRate: Rate };
  cases_resolved: { resolved: number; received: number };
  fairs: { fairs: number; signedUp: number; checkedIn: number; hired: number };
  policies_published: { published: number; publishedInPeriod: number };
  /** Stories published in the period: those of the link's kind, and every kind's count. */
  stories: { published: number; byKind: { kind: string; count: number }[] };
  /** Activities held in the period, their sign-ups, the volunteers checked in and their hours (duration × checked in). */
  volunteering: { activities: number; signedUp: number; checkedIn: number; hours: number };
  /** Stations now: those the link counts (at least its stars), and how many hold each star level (0: not rated). */
  stations: { stations: number; byStars: { stars: number; count: number }[] };
  /** 五个一批 units now: those the link counts (its kind), and each kind's count. */
  five_batches: { units: number; byKind: { kind: string; count: number }[] };
  /** The questionnaire's rates over the answers of the period; the sample is the answers to the question asked. */
  awareness: { rate: Rate; sample: number };
  support: { rate: Rate; sample: number };
  participation: { rate: Rate; sample: number };
}

/** A link's point rule applied to its figure: what the figure earns of the rule's points. */
export interface LiveScore {
  measure: string;
  /** The measure's name and unit, as shown beside the figure. */
  label: string;
  unit: string;
  /** null: nothing to measure yet (a rate with nothing to divide by). */
  value: number | null;
  target: number;
  points: number;
  earned: number | null;
}

/** The figure the system already knows for a linked task, over a period; null figures: the department had none. */
export type LiveFigure = {
  [M in LiveMetric]: {
    metric: M;
    label: string;
    from: string;
    to: string;
    departmentId?: string | null;
    /** What the link narrowed the figure to: a story or 五个一批 kind, a station star level. */
    kind?: string | null;
    minStars?: number | null;
    figures: LiveFigures[M] | null;
    /** The link's point rule applied, when it has one. */
    score?: LiveScore | null;
  };
}[LiveMetric];

/** The live figures of one period: each source is read at most once however many tasks are linked to it. */
export type LiveFiguresOf = (link: LiveLink) => Promise<LiveFigure>;

/** A 督办 message to the staff of a task's departments. */
export interface TaskNotice {
  taskId: string;
  code: string;
  title: string;
  text: string;
  /** formatChina of when it was sent. */
  at: string;
}

/** A spreadsheet of the standard: areas as headings, tasks as rows; `progress: false` leaves status and scores blank. */
export interface StandardSheet {
  title: string;
  note: string;
  areas: AreaRecord[];
  tasks: TaskRecord[];
  progress?: boolean;
  /** 'county': the blank template in the layout a 双拥办 keeps (大项 merged down its rows); the export by default. */
  layout?: 'ledger' | 'county';
  /** Names the responsible units. */
  org: Organization;
}

/** The 迎查 package to write: its layout, the stored files that go in it, and the index's title and note. */
export interface EvidencePackage {
  title: string;
  note: string;
  layout: EvidenceLayout;
  files: PackagedFile[];
  /** The file IDs storage has: the others are listed in the index as missing. */
  stored: ReadonlySet<string>;
}

/** A generated file, for the person who asked for it only, kept a day. */
export interface SavedFile {
  fileID: string;
  url: string;
  name: string;
  expiresAt: string;
}

/** What the ledger's use cases need from storage and the platform; cloudfunctions/ledger/store.ts adapts wx-server-sdk to it. */
export interface LedgerPort {
  /** By `order`. */
  areas(): Promise<AreaRecord[]>;
  /** By `order`. */
  tasks(): Promise<TaskRecord[]>;
  task(id: string): Promise<TaskRecord | null>;
  /** By deadline. */
  problems(query: ProblemQuery): Promise<ProblemRecord[]>;
  problem(id: string): Promise<ProblemRecord | null>;
  putArea(area: AreaRecord): Promise<void>;
  putTask(task: TaskRecord): Promise<void>;
  putProblem(problem: ProblemRecord): Promise<void>;
  /** Removes the areas a re-import no longer has. */
  removeAreasExcept(ids: string[]): Promise<void>;
  /** OPENIDs of the staff (and the 双拥办's dispatchers) of these departments. */
  staffOf(departments: string[]): Promise<string[]>;
  /** Sends the 督办 message, or remembers that it could not reach the person. */
  notify(openid: string, notice: TaskNotice): Promise<void>;
  /** The person opened the task: a 督办 message that missed them is no longer missed. */
  taskSeen(openid: string, taskId: string): Promise<void>;
  /** Why each file may not go on the task as evidence (not the caller's own unused upload, or not stored). */
  attachmentIssues(openid: string, fileIDs: string[], taskId: string): Promise<Issue[]>;
  /** The files are the task's evidence from now on. */
  attachFiles(fileIDs: string[], taskId: string): Promise<void>;
  /** The caller's own uploaded .xlsx, its rows by heading; refuses (NOT_FOUND, INVALID_INPUT) what is not a workbook. */
  readStandard(openid: string, fileID: string): Promise<StandardRows>;
  liveFigures(from: string, to: string): LiveFiguresOf;
  /** Writes the sheet as .xlsx for `openid` alone. */
  saveSheet(openid: string, fileName: string, sheet: StandardSheet, at: Date): Promise<SavedFile>;
  /** Which of these files storage still has. */
  storedFiles(fileIDs: string[]): Promise<Set<string>>;
  /** Writes the 迎查 package as .zip for `openid` alone: the index, then each of `files` read one at a time. */
  savePackage(openid: string, fileName: string, pkg: EvidencePackage, at: Date): Promise<SavedFile>;
  /** Writes the annual assessment as .xlsx for `openid` alone. */
  saveAssessment(openid: string, fileName: string, assessment: Assessment, at: Date): Promise<SavedFile>;
}
