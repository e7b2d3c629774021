import { departmentById, type DepartmentId } from '../data/departments';
import { AppError } from '../envelope';
import type { Caller } from '../roles';
import { isFairOrganizer, mayRunFair, type FairRecord } from './model';

type Who = Pick<Caller, 'role' | 'departmentId'>;

/** A draft is its organizer unit's business: to everyone else it does not exist. */
export const seesFair = (caller: Who, f: Pick<FairRecord, 'status' | 'organizerDepartmentId'>): boolean =>
  f.status !== 'draft' || mayRunFair(caller, f.organizerDepartmentId);

/** Refuses whoever organizes no fairs at all, before any fair is read. */
export function requireFairOrganizer(caller: Who, message = '只有人社局、退役军人事务局的工作人员和管理员可以管理招聘会'): void {
  if (!isFairOrganizer(caller)) throw new AppError('FORBIDDEN', message);
}

/** Refuses an organizer of another unit, naming the unit that runs the fair. */
export function requireToRunFair(caller: Who, organizer: DepartmentId): void {
  if (mayRunFair(caller, organizer)) return;
  const unit = departmentById(organizer)?.name ?? organizer;
  throw new AppError('FORBIDDEN', `这场招聘会由${unit}组织，只有${unit}的工作人员和管理员可以管理`);
}
