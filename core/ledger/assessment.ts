import { unitById, type Organization } from '../org/model';
import { chinaDay } from '../time';
import { assistUnits } from './evidence-package';
import { leadUnit, type ProblemRecord, type TaskRecord } from './model';

/**
 * The 组织部's annual assessment of each member unit's 创建 work: the figures it enters in 年度考评.
 * It reads the ledger as it stands, up to the end of the year (or today, for the year under way):
 *
 * - tasks: those the unit holds, as 牵头单位 (the first named) or 配合单位; a task's points, scores and
 *   urges count for every unit that holds it, as the ledger's board counts them.
 * - due: held tasks whose deadline falls in the year; done on time: held tasks the 双拥办 accepted on or
 *   before their deadline, the acceptance falling in the year; overdue: held tasks whose deadline passed
 *   (by the year's end, or today) without an acceptance by then.
 * - points: earned (the accepted scores of tasks accepted by the cut-off), expected (the units' own
 *   self-scores), against possible (the tasks' points in the standard).
 * - urges received: the 督办 in the year, by the 双拥办 or the timer, on the unit's tasks (a task's goes to
 *   every unit on it) and on the problems it owns, as the board counts them.
 * - problems: those the unit owns that were open at some time in the year; closed: those put right in it.
 */

export interface UnitAssessment {
  departmentId: string;
  name: string;
  lead: number;
  assist: number;
  due: number;
  onTime: number;
  overdue: number;
  earned: number;
  expected: number;
  possible: number;
  urges: number;
  problems: number;
  problemsClosed: number;
}

export interface Assessment {
  year: number;
  /** The last day counted: the year's end, or today while the year is under way. */
  asOf: string;
  units: UnitAssessment[];
  /** The county's tasks counted once each, however many units hold them. */
  total: Omit<UnitAssessment, 'departmentId' | 'name' | 'lead' | 'assist'> & { tasks: number };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const dayOf = (iso: string) => chinaDay(new Date(iso));

/** When the 双拥办 accepted the task (a UTC+8 day): its record of it, or its last change for a task accepted before one was kept. */
export function acceptedOn(t: Pick<TaskRecord, 'status' | 'updatedAt'> & { acceptedAt?: string }): string | null {
  if (t.status !== 'accepted') return null;
  return dayOf(t.acceptedAt ?? t.updatedAt);
}

export function assessment(
  tasks: readonly TaskRecord[],
  problems: readonly ProblemRecord[],
  org: Organization,
  year: number,
  today: string,
): Assessment {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const asOf = today < last ? today : last;
  const inYear = (day: string) => day >= first && day <= asOf;
  // Past its deadline by the cut-off and not accepted by then; one accepted late in an earlier year was that year's.
  const urgesIn = (lists: (readonly { at: string }[] | undefined)[]) =>
    lists.reduce((n, urges) => n + (urges ?? []).filter((u) => inYear(dayOf(u.at))).length, 0);
  const lateAt = (t: TaskRecord, on: string | null) => t.deadline < asOf && !(on !== null && (on <= t.deadline || on < first));

  // Every unit that holds a task or owns a problem, in the organization's order; units it no longer knows last.
  const ids = new Set([...tasks.flatMap((t) => t.ownerDepartments), ...problems.map((p) => p.ownerDepartmentId)]);
  const ordered = [...org.units.map((u) => u.id).filter((id) => ids.has(id)), ...[...ids].filter((id) => !unitById(org, id))];

  const units = ordered.map((id): UnitAssessment => {
    const held = tasks.filter((t) => t.ownerDepartments.includes(id));
    const accepted = held.map((t) => ({ t, on: acceptedOn(t) }));
    const byCutOff = accepted.filter((a) => a.on !== null && a.on <= asOf);
    const owned = problems.filter(
      (p) => p.ownerDepartmentId === id && dayOf(p.createdAt) <= asOf && !(p.state === 'done' && dayOf(p.updatedAt) < first),
    );
    return {
      departmentId: id,
      name: unitById(org, id)?.name ?? id,
      lead: held.filter((t) => leadUnit(t) === id).length,
      assist: held.filter((t) => assistUnits(t).includes(id)).length,
      due: held.filter((t) => t.deadline >= first && t.deadline <= last).length,
      onTime: accepted.filter((a) => a.on !== null && inYear(a.on) && a.on <= a.t.deadline).length,
      overdue: accepted.filter((a) => lateAt(a.t, a.on)).length,
      earned: round1(byCutOff.reduce((n, a) => n + (a.t.acceptedScore ?? 0), 0)),
      expected: round1(held.reduce((n, t) => n + (t.selfScore ?? 0), 0)),
      possible: round1(held.reduce((n, t) => n + t.points, 0)),
      urges: urgesIn([...held.map((t) => t.urges), ...problems.filter((p) => p.ownerDepartmentId === id).map((p) => p.urges)]),
      problems: owned.length,
      problemsClosed: owned.filter((p) => p.state === 'done' && inYear(dayOf(p.updatedAt))).length,
    };
  });

  const sum = (k: 'problems' | 'problemsClosed') => units.reduce((n, u) => n + u[k], 0);
  const county = tasks.map((t) => ({ t, on: acceptedOn(t) }));
  return {
    year,
    asOf,
    units,
    total: {
      tasks: tasks.length,
      due: tasks.filter((t) => t.deadline >= first && t.deadline <= last).length,
      onTime: county.filter((a) => a.on !== null && inYear(a.on) && a.on <= a.t.deadline).length,
      overdue: county.filter((a) => lateAt(a.t, a.on)).length,
      earned: round1(county.reduce((n, a) => n + (a.on !== null && a.on <= asOf ? (a.t.acceptedScore ?? 0) : 0), 0)),
      expected: round1(tasks.reduce((n, t) => n + (t.selfScore ?? 0), 0)),
      possible: round1(tasks.reduce((n, t) => n + t.points, 0)),
      urges: urgesIn([...tasks.map((t) => t.urges), ...problems.map((p) => p.urges)]),
      problems: sum('problems'),
      problemsClosed: sum('problemsClosed'),
    },
  };
}
