export const EVIDENCE_KINDS = ['档案资料', '基础设施', '政策落实', '活动'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const TASK_STATUSES = ['not_started', 'in_progress', 'ready', 'accepted'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_TEXT: Record<TaskStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  ready: '自评达标',
  accepted: '双拥办验收',
};

export const PROBLEM_STATES = ['open', 'in_progress', 'done'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];
export const PROBLEM_STATE_TEXT: Record<ProblemState, string> = { open: '待整改', in_progress: '整改中', done: '已整改' };

/** Figures this system already knows that can prove a task, for the period asked. */
export const LIVE_METRICS = [
  'rates',
  'cases_resolved',
  'fairs',
  'policies_published',
  'stories',
  'volunteering',
  'stations',
  'five_batches',
  'awareness',
  'support',
  'participation',
] as const;
export type LiveMetric = (typeof LIVE_METRICS)[number];
export const LIVE_METRIC_TEXT: Record<LiveMetric, string> = {
  rates: '求助办理三率',
  cases_resolved: '办结求助件数',
  fairs: '退役军人专场招聘会',
  policies_published: '已发布的优待政策',
  stories: '典型宣传（双拥故事）',
  volunteering: '志愿服务活动',
  stations: '退役军人服务站（星级）',
  five_batches: '“五个一批”单位',
  awareness: '群众知晓率（问卷）',
  support: '群众支持率（问卷）',
  participation: '群众参与率（问卷）',
};

/**
 * What proves a task, and how its figure turns into points (core/ledger/live.ts): `measure` (the metric's
 * first by default) reaching `target` earns the link's `points`, less earns its share.
 */
export interface LiveLink {
  metric: LiveMetric;
  /** Case metrics: one unit's cases only. */
  departmentId?: string;
  /** stories: one story kind; five_batches: one kind of 五个一批 unit. */
  kind?: string;
  /** stations: only those rated at least this many stars. */
  minStars?: number;
  measure?: string;
  target?: number;
  points?: number;
}

export interface AreaRecord {
  _id: string;
  order: number;
  name: string;
  points: number;
}

export interface Evidence {
  name: string;
  description: string;
  fileID?: string;
  at: string;
  by: string;
  departmentId?: string;
}

export interface UrgeEntry {
  at: string;
  note: string;
  by: string;
  automatic?: boolean;
}

export interface TaskPerson {
  departmentId: string;
  name: string;
}

export interface TaskRecord {
  _id: string;
  areaId: string;
  order: number;
  /** 序号 as the standard numbers it, e.g. 1.2. */
  code: string;
  content: string;
  points: number;
  criteria: string;
  evidenceKind: EvidenceKind;
  /**
   * The units responsible, in the order the standard's 责任单位 names them: the FIRST is the 牵头 unit
   * (leadUnit), the others 配合. Every one of them works the task and may edit it.
   */
  ownerDepartments: string[];
  /** What the standard's 佐证材料 asks for, one item each: the checklist the task's evidence is held against. */
  evidenceNeeded?: string[];
  /** Columns of the county's sheet the ledger has no field for (备注, 分管领导…), by heading, in the sheet's order. */
  extra?: { heading: string; value: string }[];
  /** One unit's part of a standard row given to 各乡镇（街道）: that row's 序号 and the 乡镇 (or its station) doing this part. */
  part?: { code: string; unitId: string };
  /** The standard says 长期 or 常态化: the task has no day of its own and `deadline` is the campaign's end. */
  ongoing?: boolean;
  /** The person each owner unit made responsible (its 专人 unless it named another). */
  persons?: TaskPerson[];
  /** YYYY-MM-DD (UTC+8). */
  deadline: string;
  status: TaskStatus;
  selfScore?: number;
  acceptedScore?: number;
  /** When the 双拥办 accepted it (ISO): the annual assessment's "done on time". */
  acceptedAt?: string;
  evidence: Evidence[];
  link?: LiveLink;
  /** 督办: by the 双拥办, or `automatic` by the hourly timer (`by: 'system'`) when the task is late. */
  urges: UrgeEntry[];
  notes: { at: string; text: string; by: string }[];
  updatedAt: string;
}

export interface ProblemRecord {
  _id: string;
  taskId: string;
  description: string;
  measure: string;
  ownerDepartmentId: string;
  ownerPerson?: string;
  deadline: string;
  state: ProblemState;
  createdAt: string;
  updatedAt: string;
  /** The timer's 督办 of a problem past its deadline (absent on problems never urged). */
  urges?: UrgeEntry[];
}

/** The 牵头 unit: the first the standard names. */
export const leadUnit = (t: Pick<TaskRecord, 'ownerDepartments'>): string | undefined => t.ownerDepartments[0];

/** A task past its deadline (a UTC+8 day) that the 双拥办 has not accepted yet. */
export const isOverdue = (t: Pick<TaskRecord, 'status' | 'deadline'>, today: string): boolean =>
  t.status !== 'accepted' && t.deadline < today;

// ---- who may do what ----

/** Departments edit their own tasks; the 双拥办 (dispatcher) and admins edit all. */
export function mayEditTask(caller: { role: string; departmentId?: string }, task: Pick<TaskRecord, 'ownerDepartments'>): boolean {
  if (caller.role === 'dispatcher' || caller.role === 'admin') return true;
  return caller.role === 'staff' && caller.departmentId !== undefined && task.ownerDepartments.includes(caller.departmentId as string);
}

/** The 双拥办 (dispatcher) and admins: they accept, send back, urge, set a task up and import the standard. */
export const isSupervisor = (caller: { role: string }) => caller.role === 'dispatcher' || caller.role === 'admin';
