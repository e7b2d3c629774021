import type { FairInput } from '../contracts/fairs';
import { activeUnits, type Organization, type Unit } from '../org/model';
import type { Caller } from '../roles';
import type { EventSeats } from '../signups/port';
import { chinaDay } from '../time';

export interface Position {
  id: string;
  title: string;
  count: number;
  salary?: string;
  requirements?: string;
}

export interface FairRecord extends EventSeats {
  title: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  venue: FairInput['venue'];
  organizerDepartmentId: string;
  description?: string;
  employers: { name: string; intro?: string; positions: Position[] }[];
  status: 'draft' | 'published' | 'cancelled';
  createdAt: string;
  updatedAt: string;
}

/** The units whose staff organize fairs (a unit's `runsFairs`, as the county set it). */
export const organizerUnits = (org: Organization): Unit[] => activeUnits(org).filter((u) => u.runsFairs);

/** Whoever may organize fairs at all: staff of an organizer unit, and admins. */
export const isFairOrganizer = (org: Organization, c: Pick<Caller, 'role' | 'departmentId'>): boolean =>
  c.role === 'admin' || (c.role === 'staff' && organizerUnits(org).some((u) => u.id === c.departmentId));

/**
 * Who runs one fair — its roster with full phones and OPENIDs, the export, check-in, outcomes, edits and
 * cancelling: staff of the unit that organizes it, and admins (who stand in for any unit). Another
 * organizer unit's staff do not, and neither does the 双拥办's dispatcher: it organizes no fairs, and a
 * roster's phone numbers are not what it needs (least privilege). A fair is created for the caller's own
 * unit only, so the same rule covers `save` with and without an id.
 */
export const mayRunFair = (org: Organization, c: Pick<Caller, 'role' | 'departmentId'>, organizerDepartmentId: string): boolean =>
  c.role === 'admin' || (isFairOrganizer(org, c) && c.departmentId === organizerDepartmentId);

export type FairPhase = 'open' | 'closed' | 'ongoing' | 'ended' | 'cancelled';

/** Sign-up closes at the deadline or when the fair starts, whichever comes first. */
export function fairPhase(f: Pick<FairRecord, 'startAt' | 'endAt' | 'signupDeadline' | 'status'>, now: Date): FairPhase {
  if (f.status === 'cancelled') return 'cancelled';
  const t = +now;
  if (t >= Date.parse(f.endAt)) return 'ended';
  if (t >= Date.parse(f.startAt)) return 'ongoing';
  if (t >= Date.parse(f.signupDeadline)) return 'closed';
  return 'open';
}

/** Check-in works on the fair's day only (UTC+8). */
export const isFairDay = (f: Pick<FairRecord, 'startAt'>, now: Date): boolean => chinaDay(now) === chinaDay(new Date(f.startAt));
