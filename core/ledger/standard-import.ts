import { TASK_STATUSES, type AreaRecord, type TaskRecord, type TaskStatus } from './model';

/** One row of the standard as a sheet gives it (core/server/standard-xlsx.ts reads the .xlsx into this). */
export interface StandardTask {
  code: string;
  content: string;
  points: number;
  criteria: string;
  evidenceKind: TaskRecord['evidenceKind'];
  ownerDepartments: TaskRecord['ownerDepartments'];
  deadline: string;
  status?: TaskStatus;
  selfScore?: number;
  acceptedScore?: number;
  link?: TaskRecord['link'];
}

export interface StandardArea {
  name: string;
  points: number;
  tasks: StandardTask[];
}

export interface Standard {
  title: string;
  areas: StandardArea[];
}

/** A sheet moves a task forward, never back: an old export or the blank template cannot undo progress. */
export const forwardStatus = (current: TaskStatus, fromSheet: TaskStatus | undefined): TaskStatus =>
  fromSheet && TASK_STATUSES.indexOf(fromSheet) > TASK_STATUSES.indexOf(current) ? fromSheet : current;

export interface MergedStandard {
  /** In the sheet's order, numbered area-1, area-2, …: a re-import replaces the areas in place. */
  areas: AreaRecord[];
  /** Each area's tasks follow it, in the sheet's order. */
  tasks: TaskRecord[];
  created: number;
  updated: number;
}

/**
 * The standard merged with the tasks already kept, matched by task code: a re-import (a new year's sheet,
 * or an export sent back in) updates what the standard says of a task and keeps its status, scores,
 * evidence, 督办 and notes; a code not seen before is a new task.
 */
export function mergeStandard(
  existing: readonly TaskRecord[],
  sheet: readonly StandardArea[],
  at: Date,
  newId: () => string,
): MergedStandard {
  const byCode = new Map(existing.map((t) => [t.code, t]));
  const merged: MergedStandard = { areas: [], tasks: [], created: 0, updated: 0 };
  for (const [i, a] of sheet.entries()) {
    const areaId = `area-${i + 1}`;
    merged.areas.push({ _id: areaId, order: i + 1, name: a.name, points: a.points });
    for (const [j, t] of a.tasks.entries()) {
      const before = byCode.get(t.code);
      const task: TaskRecord = {
        ...(before ?? { _id: newId(), status: 'not_started', evidence: [], urges: [], notes: [] }),
        areaId,
        order: (i + 1) * 100 + j,
        code: t.code,
        content: t.content,
        points: t.points,
        criteria: t.criteria,
        evidenceKind: t.evidenceKind,
        ownerDepartments: t.ownerDepartments,
        deadline: t.deadline,
        updatedAt: at.toISOString(),
      };
      task.status = forwardStatus(task.status, t.status);
      if (t.selfScore !== undefined) task.selfScore = t.selfScore;
      if (t.acceptedScore !== undefined) task.acceptedScore = t.acceptedScore;
      if (t.link) task.link = t.link;
      merged.tasks.push(task);
      if (before) merged.updated++;
      else merged.created++;
    }
  }
  return merged;
}

/**
 * The sample standard as records, for the downloadable template: every task not started, ids that only
 * number the rows (the template is never stored).
 */
export function sampleRecords(sample: readonly StandardArea[], at: Date): { areas: AreaRecord[]; tasks: TaskRecord[] } {
  const areas = sample.map((a, i): AreaRecord => ({ _id: `a${i}`, order: i, name: a.name, points: a.points }));
  const tasks = sample.flatMap((a, i) =>
    a.tasks.map((t, j): TaskRecord => ({
      ...t,
      _id: `${i}.${j}`,
      areaId: `a${i}`,
      order: j,
      status: 'not_started',
      evidence: [],
      urges: [],
      notes: [],
      updatedAt: at.toISOString(),
    })),
  );
  return { areas, tasks };
}
