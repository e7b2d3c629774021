import * as z from 'zod/mini';
import { count, generatedFile } from './answer-parts';

/**
 * What the 双拥办 and the county's leaders take out of the ledger (core/ledger/oversight.ts): the 迎查
 * evidence package and the 组织部's annual assessment of each member unit.
 */

const year = z.int().check(z.gte(2000, '年份不对'), z.lte(2100, '年份不对'));

export const oversightContract = {
  evidencePackage: z.strictObject({}),
  assessment: z.strictObject({ year }),
  exportAssessment: z.strictObject({ year }),
};

const figures = {
  /** Held tasks whose deadline falls in the year. */
  due: count,
  /** Accepted by the 双拥办 on or before the deadline, in the year. */
  onTime: count,
  /** Past the deadline by the cut-off, not accepted by it. */
  overdue: count,
  /** Accepted scores. */
  earned: z.number(),
  /** Self-scores. */
  expected: z.number(),
  /** The tasks' points in the standard. */
  possible: z.number(),
  /** 督办 received in the year. */
  urges: count,
  /** Problems owned that were open at some time in the year, and those put right in it. */
  problems: count,
  problemsClosed: count,
};

export const oversightAnswers = {
  /** The .zip, with how many tasks and stored files it holds and how many tasks its index shows in red. */
  evidencePackage: z.strictObject({ ...generatedFile.shape, tasks: count, files: count, flagged: count }),
  assessment: z.strictObject({
    year: z.number(),
    /** The last day counted: the year's end, or today while the year is under way. */
    asOf: z.string(),
    units: z.array(z.strictObject({ departmentId: z.string(), name: z.string(), lead: count, assist: count, ...figures })),
    /** The county's tasks, each counted once. */
    total: z.strictObject({ tasks: count, ...figures }),
  }),
  exportAssessment: generatedFile,
};
