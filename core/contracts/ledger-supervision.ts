import * as z from 'zod/mini';
import { PROBLEM_STATES, TASK_STATUSES } from '../ledger/model';
import { MAX_MILESTONES } from '../ledger/milestones';
import { count, generatedFile, listOf } from './answer-parts';

/**
 * The campaign's milestones and the weekly reports the timer writes (core/ledger/milestones.ts,
 * core/ledger/supervision.ts): actions of the `ledger` function, spread into its contract
 * (core/contracts/ledger.ts), and the countdown the board answers.
 */

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD'));
const name = z.string().check(z.trim(), z.minLength(1, '请填写节点名称'), z.maxLength(20, '节点名称最多 20 个字'));
/** A report's id is its ISO week: 2027-W18. */
const week = z.string().check(z.regex(/^\d{4}-W\d{2}$/, '周报编号的格式是 2027-W18'));

const schedule = z.strictObject({
  /** 1 = 周一 … 7 = 周日. */
  weekday: z.int().check(z.gte(1, '星期要在周一到周日之间'), z.lte(7, '星期要在周一到周日之间')),
  /** 0–23, UTC+8. */
  hour: z.int().check(z.gte(0, '时间要在 0–23 点之间'), z.lte(23, '时间要在 0–23 点之间')),
});

export const supervisionContract = {
  /** The milestones with their countdown and the weekly report's schedule. */
  milestones: z.strictObject({}),
  /** The 双拥办 sets the milestones (and, optionally, when the weekly report goes out). */
  saveMilestones: z.strictObject({
    milestones: z
      .array(z.strictObject({ date: day, name }))
      .check(z.minLength(1, '至少要有一个节点'), z.maxLength(MAX_MILESTONES, `最多 ${MAX_MILESTONES} 个节点`)),
    report: z.optional(schedule),
  }),
  /** The weekly reports, newest first. */
  reports: z.strictObject({}),
  /** One weekly report with its workbook and the comparison with the week before. */
  reportGet: z.strictObject({ id: week }),
};

// ---- answers ----

/** A milestone on the board: its countdown and what must close before it (late: past its own deadline). */
export const boardMilestone = z.strictObject({
  date: z.string(),
  name: z.string(),
  /** Days from today: 0 on the day, negative once passed. */
  daysLeft: z.int(),
  passed: z.boolean(),
  tasks: z.array(
    z.strictObject({
      id: z.string(),
      code: z.string(),
      content: z.string(),
      deadline: z.string(),
      ownerDepartments: z.array(z.string()),
      status: z.enum(TASK_STATUSES),
      late: z.boolean(),
    }),
  ),
  problems: z.array(
    z.strictObject({
      id: z.string(),
      taskId: z.string(),
      description: z.string(),
      deadline: z.string(),
      ownerDepartmentId: z.string(),
      state: z.enum(PROBLEM_STATES),
      late: z.boolean(),
    }),
  ),
});

const calendar = z.strictObject({
  milestones: z.array(z.strictObject({ date: z.string(), name: z.string(), daysLeft: z.int(), passed: z.boolean() })),
  report: schedule,
  /** false: the defaults (4月30日 整体提标, 5月31日 迎查准备 of the campaign year), never saved. */
  custom: z.boolean(),
  /** When the next weekly report is due (ISO, +08:00). */
  nextReportAt: z.string(),
});

const progress = z.strictObject({
  tasks: count,
  accepted: count,
  ready: count,
  inProgress: count,
  notStarted: count,
  points: z.number(),
  expected: z.number(),
  progress: z.number(),
});

const unitLine = z.strictObject({
  departmentId: z.string(),
  name: z.string(),
  leader: z.optional(z.string()),
  liaison: z.optional(z.string()),
  tasks: count,
  accepted: count,
  ready: count,
  overdue: count,
  expected: z.number(),
  points: z.number(),
  progress: z.number(),
  openProblems: count,
  urges: count,
});

const unitChange = z.strictObject({
  departmentId: z.string(),
  trend: z.enum(['moved', 'slipped', 'stalled', 'done', 'new']),
  expectedDelta: z.number(),
  acceptedDelta: z.int(),
  readyDelta: z.int(),
  urgesDelta: z.int(),
});

export const weeklyReport = z.strictObject({
  id: z.string(),
  day: z.string(),
  at: z.string(),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  total: progress,
  overdueTasks: count,
  overdueProblems: count,
  changed: count,
  milestones: z.array(z.strictObject({ date: z.string(), name: z.string(), daysLeft: z.int(), tasks: count, problems: count })),
  units: z.array(unitLine),
  comparison: z.strictObject({ previousId: z.nullable(z.string()), previousDay: z.nullable(z.string()), units: z.array(unitChange) }),
  /** The workbook written with the report, behind a short-lived link (null if it could not be kept). */
  file: z.nullable(generatedFile),
  delivery: z.optional(z.strictObject({ units: count, sent: count, missed: count })),
});

export const supervisionAnswers = {
  milestones: calendar,
  saveMilestones: calendar,
  reports: listOf(
    z.strictObject({
      id: z.string(),
      day: z.string(),
      at: z.string(),
      period: z.strictObject({ from: z.string(), to: z.string() }),
      expected: z.number(),
      points: z.number(),
      progress: z.number(),
      overdueTasks: count,
      /** Units that moved since the report before, and units that stalled or slipped. */
      moved: count,
      stalled: count,
    }),
  ),
  reportGet: weeklyReport,
};

export type BoardMilestone = z.output<typeof boardMilestone>;
export type LedgerCalendarAnswer = z.output<typeof calendar>;
export type WeeklyReport = z.output<typeof weeklyReport>;
