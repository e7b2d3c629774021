import { AppError } from '../envelope';
import { unitName, type Organization } from '../org/model';
import type { Caller } from '../roles';
import { isFairOrganizer, mayRunFair, organizerUnits, type FairRecord } from './model';

type Who = Pick<Caller, 'role' | 'departmentId'>;

/** A draft is its organizer unit's business: to everyone else it does not exist. */
export const seesFair = (org: Organization, caller: Who, f: Pick<FairRecord, 'status' | 'organizerDepartmentId'>): boolean =>
  f.status !== 'draft' || mayRunFair(org, caller, f.organizerDepartmentId);

/** Refuses whoever organizes no fairs at all, before any fair is read. */
export function requireFairOrganizer(org: Organization, caller: Who): void {
  if (isFairOrganizer(org, caller)) return;
  const units = organizerUnits(org).map((u) => u.shortName);
  throw new AppError('FORBIDDEN', `只有${units.length ? units.join('、') : '组织招聘会的单位'}的工作人员和管理员可以管理招聘会`);
}

/** Refuses an organizer of another unit, naming the unit that runs the fair. */
export function requireToRunFair(org: Organization, caller: Who, organizer: string): void {
  if (mayRunFair(org, caller, organizer)) return;
  const unit = unitName(org, organizer);
  throw new AppError('FORBIDDEN', `这场招聘会由${unit}组织，只有${unit}的工作人员和管理员可以管理`);
}
