import type { AreaRecord, ProblemRecord, TaskRecord } from '../../core/ledger/model';
import { db, firstRow, pagedRows, rows } from '../_lib/cloud';

// One read of up to 1000 holds a standard's areas (about ten) and tasks (under a hundred) and the staff of
// a task's departments (tens). Problems are never deleted and pile up from one inspection to the next
// over a four-year 创建 cycle, and the board counts them all, so they are read page by page.
const ALL = 1000;

export function ledgerStore() {
  const d = db();
  const _ = d.command;
  return {
    areas: () => rows<AreaRecord>(d.collection('ledger_areas').orderBy('order', 'asc').limit(ALL)),
    tasks: () => rows<TaskRecord>(d.collection('ledger_tasks').orderBy('order', 'asc').limit(ALL)),
    task: (id: string) => firstRow<TaskRecord>(d.collection('ledger_tasks').where({ _id: id }).limit(1)),
    problems: (where: Record<string, unknown>) =>
      pagedRows<ProblemRecord>((skip, n) =>
        d.collection('ledger_problems').where(where).orderBy('deadline', 'asc').orderBy('_id', 'asc').skip(skip).limit(n),
      ),
    problem: (id: string) => firstRow<ProblemRecord>(d.collection('ledger_problems').where({ _id: id }).limit(1)),
    async putArea(a: AreaRecord) {
      const { _id, ...data } = a;
      await d.collection('ledger_areas').doc(_id).set({ data });
    },
    async putTask(t: TaskRecord) {
      const { _id, ...data } = t;
      await d.collection('ledger_tasks').doc(_id).set({ data });
    },
    async putProblem(p: ProblemRecord) {
      const { _id, ...data } = p;
      await d.collection('ledger_problems').doc(_id).set({ data });
    },
    async removeAreasExcept(ids: string[]) {
      await d
        .collection('ledger_areas')
        .where({ _id: _.nin(ids) })
        .remove();
    },
    staffOf: async (departments: string[]) =>
      (
        await rows<{ _id: string }>(
          d
            .collection('users')
            .where({ role: _.in(['staff', 'dispatcher']), departmentId: _.in(departments) })
            .field({ _id: true })
            .limit(ALL),
        )
      ).map((u) => u._id),
  };
}
