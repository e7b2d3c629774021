import { unitName, type Organization } from '../org/model';
import type { SettledSignup, SignupRecord } from '../signups/port';
import { formatChina } from '../time';
import { fairPhase, type FairRecord } from './model';

export const PHASE_TEXT = { open: '报名中', closed: '报名已截止', ongoing: '正在进行', ended: '已结束', cancelled: '已取消' } as const;

export function fairSummary(f: FairRecord, now: Date, org: Organization) {
  const phase = fairPhase(f, now);
  return {
    id: f._id,
    title: f.title,
    startAt: formatChina(new Date(f.startAt)),
    endAt: formatChina(new Date(f.endAt)),
    signupDeadline: formatChina(new Date(f.signupDeadline)),
    capacity: f.capacity,
    venue: f.venue,
    organizerDepartmentId: f.organizerDepartmentId,
    organizerName: unitName(org, f.organizerDepartmentId),
    seatsLeft: Math.max(0, f.capacity - f.confirmedCount),
    waitlistCount: f.waitQueue.length,
    phase,
    phaseText: PHASE_TEXT[phase],
    employerCount: f.employers.length,
    positionCount: f.employers.reduce((n, e) => n + e.positions.reduce((m, p) => m + p.count, 0), 0),
    status: f.status,
  };
}

export function mySignupView(s: SignupRecord | null, position: number | undefined) {
  if (!s || s.status === 'pending') return null;
  return {
    signupId: s._id,
    status: s.status,
    ...(position ? { waitlistPosition: position } : {}),
    ...(s.checkinCode && (s.status === 'confirmed' || s.status === 'checkedIn') ? { checkinCode: s.checkinCode } : {}),
    interests: s.interests,
    promoted: Boolean(s.promotedAt),
  };
}

/**
 * A roster row: the organizer sees names and phones of the people who signed up for their fair; someone
 * who cancelled keeps their row (the counts) but not their phone.
 */
export function rosterRow(s: SettledSignup, position: number | undefined) {
  return {
    signupId: s._id,
    openid: s.openid,
    name: s.name,
    phone: rosterPhone(s),
    status: s.status,
    ...(position ? { waitlistPosition: position } : {}),
    interests: s.interests,
    signedUpAt: formatChina(new Date(s.createdAt)),
    checkedInAt: s.checkedInAt ? formatChina(new Date(s.checkedInAt)) : undefined,
    outcome: s.outcome ?? null,
  };
}

/** The phone a roster (on screen or exported) shows: none once the person cancelled or deleted their data. */
export const rosterPhone = (s: SignupRecord): string => (s.status === 'cancelled' ? '' : s.phone);
