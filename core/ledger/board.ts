import { activeUnits, type Organization } from '../org/model';
import { urgesByUnit } from './milestones';
import { isOverdue, type AreaRecord, type ProblemRecord, type TaskRecord } from './model';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The score a task counts toward now: the accepted score, else the department's own assessment of a ready task. */
export function expectedScore(t: TaskRecord): number {
  if (t.status === 'accepted') return t.acceptedScore ?? t.points;
  if (t.status === 'ready') return t.selfScore ?? 0;
  return 0;
}

const progressOf = (tasks: TaskRecord[]) => ({
  tasks: tasks.length,
  accepted: tasks.filter((t) => t.status === 'accepted').length,
  ready: tasks.filter((t) => t.status === 'ready').length,
  inProgress: tasks.filter((t) => t.status === 'in_progress').length,
  notStarted: tasks.filter((t) => t.status === 'not_started').length,
  points: round1(tasks.reduce((n, t) => n + t.points, 0)),
  expected: round1(tasks.reduce((n, t) => n + expectedScore(t), 0)),
  /** Share of tasks done (accepted counts whole, ready half): what the bars show. */
  progress: tasks.length
    ? round1(
        ((tasks.filter((t) => t.status === 'accepted').length + tasks.filter((t) => t.status === 'ready').length / 2) / tasks.length) * 100,
      )
    : 0,
});

/** The 双拥办's board: progress by area and by department, what is overdue, the expected score against the total. */
export function board(areas: AreaRecord[], tasks: TaskRecord[], problems: ProblemRecord[], today: string, org: Organization) {
  const overdueTasks = tasks.filter((t) => isOverdue(t, today));
  const overdueProblems = problems.filter((p) => p.state !== 'done' && p.deadline < today);
  const urges = urgesByUnit(tasks, problems);
  return {
    today,
    total: progressOf(tasks),
    areas: [...areas]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({ areaId: a._id, name: a.name, areaPoints: a.points, ...progressOf(tasks.filter((t) => t.areaId === a._id)) })),
    departments: activeUnits(org)
      .map((d) => {
        const mine = tasks.filter((t) => t.ownerDepartments.includes(d.id));
        return {
          departmentId: d.id,
          name: d.name,
          // Who answers for the unit's 创建 work: its 一把手 and its 专人, as the county named them.
          ...(d.leader ? { leader: d.leader.name } : {}),
          ...(d.liaison ? { liaison: d.liaison.name } : {}),
          ...progressOf(mine),
          overdue: mine.filter((t) => overdueTasks.includes(t)).length,
          openProblems: problems.filter((p) => p.ownerDepartmentId === d.id && p.state !== 'done').length,
          /** 督办 received, by the 双拥办 and by the timer: on its tasks and on its problems. */
          urges: urges.get(d.id) ?? 0,
        };
      })
      .filter((d) => d.tasks > 0),
    overdueTasks: overdueTasks.map((t) => ({
      id: t._id,
      code: t.code,
      content: t.content,
      deadline: t.deadline,
      ownerDepartments: t.ownerDepartments,
      persons: t.persons ?? [],
      status: t.status,
      urged: t.urges.length,
    })),
    overdueProblems: overdueProblems.map((p) => ({
      id: p._id,
      taskId: p.taskId,
      description: p.description,
      deadline: p.deadline,
      ownerDepartmentId: p.ownerDepartmentId,
      state: p.state,
    })),
  };
}
