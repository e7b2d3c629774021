import * as z from 'zod/mini';
import { unitRef } from './org';
import { EVIDENCE_KINDS, LIVE_METRICS, PROBLEM_STATES, TASK_STATUSES } from '../ledger/model';
import { count, generatedFile, listOf, rate } from './answer-parts';
import { oversightAnswers, oversightContract } from './ledger-oversight';
import { surveyAnswers, surveyContract } from './survey';
import { boardMilestone, supervisionAnswers, supervisionContract } from './ledger-supervision';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD'));
const text = (label: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const period = { from: z.optional(day), to: z.optional(day) };
const score = z.number().check(z.gte(0, '分数不能是负数'), z.lte(100));

/** What proves a task and the rule that turns its figure into points (core/ledger/live.ts). */
const liveLink = {
  metric: z.enum(LIVE_METRICS),
  departmentId: z.optional(unitRef()),
  kind: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  minStars: z.optional(z.int().check(z.gte(1), z.lte(5))),
  measure: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  target: z.optional(z.number().check(z.gt(0, '目标要大于 0'), z.lte(1_000_000))),
  points: z.optional(z.number().check(z.gt(0, '分值要大于 0'), z.lte(100))),
};

export const ledgerContract = {
  board: z.strictObject({}),
  tasks: z.strictObject({ areaId: z.optional(id), mine: z.optional(z.boolean()) }),
  task: z.strictObject({ id, ...period }),
  updateTask: z.strictObject({
    id,
    status: z.optional(z.enum(['in_progress', 'ready'])),
    selfScore: z.optional(score),
    note: z.optional(text('说明', 300)),
    /** Who in the caller's unit is responsible for the task. */
    person: z.optional(text('负责人姓名', 20)),
  }),
  addEvidence: z.strictObject({
    taskId: id,
    name: text('材料名称', 60),
    description: text('材料说明', 300),
    fileID: z.optional(z.string().check(z.regex(/^cloud:\/\/\S+$/, '请先上传文件'))),
  }),
  accept: z.strictObject({ taskId: id, score }),
  sendBack: z.strictObject({ taskId: id, reason: text('退回原因', 200) }),
  urge: z.strictObject({ taskId: id, note: z.optional(text('督办意见', 200)) }),
  problems: z.strictObject({ taskId: z.optional(id), departmentId: z.optional(unitRef()) }),
  saveProblem: z.strictObject({
    id: z.optional(id),
    taskId: id,
    description: text('问题', 300),
    measure: text('整改措施', 300),
    ownerDepartmentId: unitRef(),
    ownerPerson: z.optional(text('责任人', 20)),
    deadline: day,
    state: z.optional(z.enum(PROBLEM_STATES)),
  }),
  saveTask: z.strictObject({
    id,
    ownerDepartments: z.optional(z.array(unitRef()).check(z.minLength(1), z.maxLength(20, '责任单位最多 20 个'))),
    /** The person responsible in each owner unit. */
    persons: z.optional(z.array(z.strictObject({ departmentId: unitRef(), name: text('负责人姓名', 20) })).check(z.maxLength(20))),
    deadline: z.optional(day),
    link: z.optional(z.nullable(z.strictObject(liveLink))),
  }),
  importStandard: z.strictObject({ fileID: z.string().check(z.regex(/^cloud:\/\/\S+$/, '请先上传 .xlsx 文件')) }),
  exportStandard: z.strictObject({}),
  sampleTemplate: z.strictObject({}),
  report: z.strictObject({ from: day, to: day }),
  /** One unit's own campaign page: staff their own unit (the default), the 双拥办 and leaders any unit. */
  unitCampaign: z.strictObject({ departmentId: z.optional(unitRef()) }),
  ...oversightContract,
  ...surveyContract,
  ...supervisionContract,
};

// ---- answers ----

const departmentId = z.string();

/** A 督办: by the 双拥办, or `automatic` by the hourly timer. */
const urge = z.strictObject({ at: z.string(), note: z.string(), by: z.string(), automatic: z.optional(z.boolean()) });

const taskShape = {
  _id: z.string(),
  areaId: z.string(),
  order: z.number(),
  code: z.string(),
  content: z.string(),
  points: z.number(),
  criteria: z.string(),
  evidenceKind: z.enum(EVIDENCE_KINDS),
  /** The first is the 牵头 unit, the others 配合. */
  ownerDepartments: z.array(departmentId),
  persons: z.optional(z.array(z.strictObject({ departmentId, name: z.string() }))),
  evidenceNeeded: z.optional(z.array(z.string())),
  extra: z.optional(z.array(z.strictObject({ heading: z.string(), value: z.string() }))),
  part: z.optional(z.strictObject({ code: z.string(), unitId: departmentId })),
  ongoing: z.optional(z.boolean()),
  deadline: z.string(),
  status: z.enum(TASK_STATUSES),
  selfScore: z.optional(z.number()),
  acceptedScore: z.optional(z.number()),
  acceptedAt: z.optional(z.string()),
  evidence: z.array(
    z.strictObject({
      name: z.string(),
      description: z.string(),
      fileID: z.optional(z.string()),
      at: z.string(),
      by: z.string(),
      departmentId: z.optional(departmentId),
    }),
  ),
  link: z.optional(
    z.strictObject({
      metric: z.enum(LIVE_METRICS),
      departmentId: z.optional(departmentId),
      kind: z.optional(z.string()),
      minStars: z.optional(z.number()),
      measure: z.optional(z.string()),
      target: z.optional(z.number()),
      points: z.optional(z.number()),
    }),
  ),
  urges: z.array(urge),
  notes: z.array(z.strictObject({ at: z.string(), text: z.string(), by: z.string() })),
  updatedAt: z.string(),
  /** The same as `_id`, the name the app uses. */
  id: z.string(),
};
/** A task as a change answers it: the stored task and its id. */
export const ledgerTask = z.strictObject(taskShape);
/** A task as the lists show it: with what the caller may do, and whether it is past its deadline unaccepted. */
export const listedTask = z.strictObject({ ...taskShape, editable: z.boolean(), overdue: z.boolean() });

export const problem = z.strictObject({
  _id: z.string(),
  taskId: z.string(),
  description: z.string(),
  measure: z.string(),
  ownerDepartmentId: departmentId,
  ownerPerson: z.optional(z.string()),
  deadline: z.string(),
  state: z.enum(PROBLEM_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
  urges: z.optional(z.array(urge)),
});

/**
 * The figure the system already knows for a linked task, over a period: one shape per metric. `figures`
 * is null when the department has nothing in the period.
 */
const liveFigureOf = <E extends z.core.$ZodLooseShape>(extra: E) => {
  const base = {
    label: z.string(),
    from: z.string(),
    to: z.string(),
    /** Whose figures: a unit's (case metrics linked to one), or null and absent for the whole county. */
    departmentId: z.optional(z.nullable(departmentId)),
    /** What the link narrowed the figure to: a story or 五个一批 kind, a station star level. */
    kind: z.optional(z.nullable(z.string())),
    minStars: z.optional(z.nullable(z.number())),
    /** The link's point rule applied to the figure: what it earns of the rule's points (null: nothing to measure yet). */
    score: z.optional(
      z.nullable(
        z.strictObject({
          measure: z.string(),
          label: z.string(),
          unit: z.string(),
          value: z.nullable(z.number()),
          target: z.number(),
          points: z.number(),
          earned: z.nullable(z.number()),
        }),
      ),
    ),
    ...extra,
  };
  const byKind = z.array(z.strictObject({ kind: z.string(), count }));
  const surveyRate = z.nullable(z.strictObject({ rate, sample: count }));
  return z.discriminatedUnion('metric', [
    z.strictObject({
      metric: z.literal('rates'),
      ...base,
      figures: z.nullable(
        z.strictObject({ received: count, responseRate: rate, resolutionRate: rate, satisfactionRate: rate, onTimeRate: rate }),
      ),
    }),
    z.strictObject({
      metric: z.literal('cases_resolved'),
      ...base,
      figures: z.nullable(z.strictObject({ resolved: count, received: count })),
    }),
    z.strictObject({
      metric: z.literal('fairs'),
      ...base,
      figures: z.nullable(z.strictObject({ fairs: count, signedUp: count, checkedIn: count, hired: count })),
    }),
    z.strictObject({
      metric: z.literal('policies_published'),
      ...base,
      figures: z.nullable(z.strictObject({ published: count, publishedInPeriod: count })),
    }),
    z.strictObject({ metric: z.literal('stories'), ...base, figures: z.nullable(z.strictObject({ published: count, byKind })) }),
    z.strictObject({
      metric: z.literal('volunteering'),
      ...base,
      figures: z.nullable(z.strictObject({ activities: count, signedUp: count, checkedIn: count, hours: z.number() })),
    }),
    z.strictObject({
      metric: z.literal('stations'),
      ...base,
      figures: z.nullable(z.strictObject({ stations: count, byStars: z.array(z.strictObject({ stars: count, count })) })),
    }),
    z.strictObject({ metric: z.literal('five_batches'), ...base, figures: z.nullable(z.strictObject({ units: count, byKind })) }),
    z.strictObject({ metric: z.literal('awareness'), ...base, figures: surveyRate }),
    z.strictObject({ metric: z.literal('support'), ...base, figures: surveyRate }),
    z.strictObject({ metric: z.literal('participation'), ...base, figures: surveyRate }),
  ]);
};
export const liveFigure = liveFigureOf({});

const progressShape = {
  tasks: count,
  accepted: count,
  ready: count,
  inProgress: count,
  notStarted: count,
  points: z.number(),
  expected: z.number(),
  /** Share of tasks done, 0–100 (accepted counts whole, ready half). */
  progress: z.number(),
};

/** The 双拥办's board (core/ledger/board.ts): progress by area and department, what is overdue. */
const boardShape = {
  today: z.string(),
  total: z.strictObject(progressShape),
  areas: z.array(z.strictObject({ areaId: z.string(), name: z.string(), areaPoints: z.number(), ...progressShape })),
  departments: z.array(
    z.strictObject({
      departmentId,
      name: z.string(),
      leader: z.optional(z.string()),
      liaison: z.optional(z.string()),
      ...progressShape,
      overdue: count,
      openProblems: count,
      /** 督办 received on its tasks and problems, by the 双拥办 and by the timer. */
      urges: count,
    }),
  ),
  overdueTasks: z.array(
    z.strictObject({
      id: z.string(),
      code: z.string(),
      content: z.string(),
      deadline: z.string(),
      ownerDepartments: z.array(departmentId),
      persons: z.array(z.strictObject({ departmentId, name: z.string() })),
      status: z.enum(TASK_STATUSES),
      urged: count,
    }),
  ),
  overdueProblems: z.array(
    z.strictObject({
      id: z.string(),
      taskId: z.string(),
      description: z.string(),
      deadline: z.string(),
      ownerDepartmentId: departmentId,
      state: z.enum(PROBLEM_STATES),
    }),
  ),
};
/** The board as `ledger.board` answers it: with the countdown to each milestone and what must close before it. */
export const board = z.strictObject({ ...boardShape, milestones: z.array(boardMilestone) });

export const taskDetail = z.strictObject({
  ...taskShape,
  editable: z.boolean(),
  overdue: z.boolean(),
  problems: z.array(problem),
  live: z.nullable(liveFigure),
});

const campaignPoints = { possible: z.number(), expected: z.number(), gap: z.number() };
const campaignTask = z.strictObject({
  id: z.string(),
  code: z.string(),
  content: z.string(),
  points: z.number(),
  expected: z.number(),
  part: z.optional(z.strictObject({ code: z.string(), unitId: departmentId })),
  person: z.string(),
  lead: z.string(),
  partners: z.array(z.string()),
  status: z.enum(TASK_STATUSES),
  deadline: z.string(),
  overdue: z.boolean(),
  evidenceKind: z.enum(EVIDENCE_KINDS),
  evidenceNeeded: z.number(),
  missing: z.array(z.strictObject({ kind: z.enum(EVIDENCE_KINDS), items: z.array(z.string()) })),
});
/** A unit's own page (core/ledger/unit-campaign.ts): 牵头 and 配合 tasks apart, missing proof by class, its points. */
export const unitCampaign = z.strictObject({
  departmentId: z.string(),
  name: z.string(),
  leader: z.optional(z.string()),
  liaison: z.optional(z.string()),
  today: z.string(),
  lead: z.array(campaignTask),
  assist: z.array(campaignTask),
  missingByKind: z.array(z.strictObject({ kind: z.enum(EVIDENCE_KINDS), count: z.number() })),
  problems: z.array(
    z.strictObject({
      id: z.string(),
      taskId: z.string(),
      code: z.string(),
      description: z.string(),
      measure: z.string(),
      ownerPerson: z.optional(z.string()),
      deadline: z.string(),
      state: z.enum(PROBLEM_STATES),
      overdue: z.boolean(),
    }),
  ),
  points: z.strictObject({ ...campaignPoints, lead: z.strictObject(campaignPoints), assist: z.strictObject(campaignPoints) }),
});

export const ledgerAnswers = {
  board,
  tasks: listOf(listedTask),
  task: taskDetail,
  updateTask: ledgerTask,
  addEvidence: ledgerTask,
  accept: ledgerTask,
  sendBack: ledgerTask,
  urge: ledgerTask,
  problems: z.strictObject({ items: z.array(problem) }),
  saveProblem: problem,
  saveTask: ledgerTask,
  /**
   * What an import changed: the standard's title, its areas, its rows (序号), and tasks created and updated
   * (matched by code). A row given to 各乡镇（街道） is one task per 乡镇, so there can be more tasks than rows.
   */
  importStandard: z.strictObject({ title: z.string(), areas: count, rows: count, created: count, updated: count }),
  exportStandard: generatedFile,
  sampleTemplate: generatedFile,
  report: z.strictObject({
    ...boardShape,
    period: z.strictObject({ from: z.string(), to: z.string() }),
    changed: z.array(z.strictObject({ id: z.string(), code: z.string(), content: z.string(), status: z.enum(TASK_STATUSES) })),
    live: z.array(liveFigureOf({ code: z.string(), content: z.string() })),
    file: generatedFile,
  }),
  unitCampaign,
  ...oversightAnswers,
  ...surveyAnswers,
  ...supervisionAnswers,
};

export type Board = z.output<typeof board>;
export type LedgerTask = z.output<typeof ledgerTask>;
export type ListedTask = z.output<typeof listedTask>;
export type TaskDetail = z.output<typeof taskDetail>;
export type UnitCampaign = z.output<typeof unitCampaign>;
export type Problem = z.output<typeof problem>;
export type LiveFigure = z.output<typeof liveFigure>;
