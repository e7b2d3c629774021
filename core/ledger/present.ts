import type { Caller } from '../roles';
import { isOverdue, mayEditTask, type TaskRecord } from './model';

/** A stored task as answered: its id under `id` (the app never sees `_id` alone). */
export const taskRecord = (t: TaskRecord) => ({ ...t, id: t._id });

/** A task as the list and the task page show it: with what the caller may do and whether it is overdue. */
export const taskView = (t: TaskRecord, caller: Pick<Caller, 'role' | 'departmentId'>, today: string) => ({
  ...t,
  id: t._id,
  editable: mayEditTask(caller, t),
  overdue: isOverdue(t, today),
});
