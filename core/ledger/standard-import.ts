import { TASK_STATUSES, type AreaRecord, type TaskRecord, type TaskStatus } from './model';

/** One row of the standard as a sheet gives it (core/server/standard-xlsx.ts reads the .xlsx into this). */
export interface StandardTask {
  code: string;
  content: string;
  points: number;
  criteria: string;
  evidenceKind: TaskRecord['evidenceKind'];
  /** The first is the 牵头 unit, the others 配合. */
  ownerDepartments: TaskRecord['ownerDepartments'];
  deadline: string;
  evidenceNeeded?: string[];
  extra?: TaskRecord['extra'];
  part?: TaskRecord['part'];
  ongoing?: boolean;
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

/** How far apart areas' task orders are: room for an area of many rows, each given to every 乡镇. */
export const AREA_ORDER_STEP = 1000;

/** The standard's own wording of a task, which a re-import replaces; absent from the sheet means gone. */
const FROM_SHEET = ['evidenceNeeded', 'extra', 'part', 'ongoing'] as const;

/**
 * The standard merged with the tasks already kept, matched by task code: a re-import (a revised sheet,
 * or an export sent back in) updates what the standard says of a task and keeps its status, scores,
 * evidence, persons, 督办 and notes; a code not seen before is a new task. One 乡镇's part of a row given
 * to 各乡镇（街道） is matched by the row and the 乡镇, so a 乡镇 added or retired since does not hand
 * another's evidence on; it keeps its number, and a new part takes the next free one.
 */
export function mergeStandard(
  existing: readonly TaskRecord[],
  sheet: readonly StandardArea[],
  at: Date,
  newId: () => string,
): MergedStandard {
  const partKey = (p: NonNullable<TaskRecord['part']>) => `${p.code}@${p.unitId}`;
  const byPart = new Map(existing.flatMap((t) => (t.part ? [[partKey(t.part), t] as const] : [])));
  const byCode = new Map(existing.map((t) => [t.code, t]));
  const used = new Set<string>();
  const codes = new Set(existing.map((t) => t.code));
  const match = (t: StandardTask): TaskRecord | undefined => {
    const found = t.part ? (byPart.get(partKey(t.part)) ?? byCode.get(t.code)) : byCode.get(t.code);
    // Another 乡镇's part, or a task already taken by an earlier row, is not this one.
    if (!found || used.has(found._id) || (t.part && found.part && partKey(found.part) !== partKey(t.part))) return undefined;
    return found;
  };
  const freeCode = (t: StandardTask): string => {
    if (!t.part || !codes.has(t.code)) return t.code;
    let n = 1;
    while (codes.has(`${t.part.code}-${n}`)) n++;
    return `${t.part.code}-${n}`;
  };
  const merged: MergedStandard = { areas: [], tasks: [], created: 0, updated: 0 };
  for (const [i, a] of sheet.entries()) {
    const areaId = `area-${i + 1}`;
    merged.areas.push({ _id: areaId, order: i + 1, name: a.name, points: a.points });
    for (const [j, t] of a.tasks.entries()) {
      const before = match(t);
      const code = before?.part && t.part ? before.code : before ? t.code : freeCode(t);
      codes.add(code);
      const task: TaskRecord = {
        ...(before ?? { _id: newId(), status: 'not_started', evidence: [], urges: [], notes: [] }),
        areaId,
        order: (i + 1) * AREA_ORDER_STEP + j,
        code,
        content: t.content,
        points: t.points,
        criteria: t.criteria,
        evidenceKind: t.evidenceKind,
        ownerDepartments: t.ownerDepartments,
        deadline: t.deadline,
        updatedAt: at.toISOString(),
      };
      for (const field of FROM_SHEET) {
        if (t[field] === undefined) delete task[field];
        else Object.assign(task, { [field]: t[field] });
      }
      // A unit no longer responsible takes its person with it.
      if (task.persons) task.persons = task.persons.filter((p) => t.ownerDepartments.includes(p.departmentId));
      task.status = forwardStatus(task.status, t.status);
      if (t.selfScore !== undefined) task.selfScore = t.selfScore;
      if (t.acceptedScore !== undefined) task.acceptedScore = t.acceptedScore;
      if (t.link) task.link = t.link;
      if (before) used.add(before._id);
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
