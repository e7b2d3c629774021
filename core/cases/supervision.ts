import { QUEUES, type Queue } from '../contracts/cases';
import type { Calendar } from './calendar';
import { FOLLOW_UP_AFTER_WORKDAYS, REPORT_AFTER_WORKDAYS, workdaysOverdue } from './deadlines';
import type { Organization } from '../org/model';
import { OPEN_STATUSES, type CaseRecord } from './model';
import { summarize } from './present';
import { isOverdue } from './timer';
import { maskPhone } from '../privacy';

const open = (c: CaseRecord) => OPEN_STATUSES.includes(c.status);

const belongs: Record<Queue, (c: CaseRecord, calendar: Calendar, now: Date, org: Organization) => boolean> = {
  // What no rule claimed (category `other` or an unmatched rule) and nobody has reassigned yet.
  unrouted: (c, _cal, _now, org) => open(c) && c.departmentId === org.dispatchUnitId && !c.returned,
  returned: (c) => open(c) && c.returned,
  flagged: (c) => open(c) && c.flagged,
  overdue: (c, _cal, now) => isOverdue(c, now),
  // 通报: 5 working days or more past the resolve-by deadline.
  report: (c, cal, now) => open(c) && c.status !== 'waiting' && workdaysOverdue(cal, new Date(c.dueAt), now) >= REPORT_AFTER_WORKDAYS,
  // 回访: resolved, not rated by the requester 2 working days later.
  followup: (c, cal, now) =>
    c.status === 'resolved' &&
    !c.rating &&
    Boolean(c.resolvedAt) &&
    +cal.addWorkdays(new Date(c.resolvedAt as string), FOLLOW_UP_AFTER_WORKDAYS) <= +now,
};

export function supervisionQueue(cases: CaseRecord[], queue: Queue, calendar: Calendar, now: Date, org: Organization) {
  const items = cases
    .filter((c) => belongs[queue](c, calendar, now, org))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
    .map((c) => ({
      ...summarize(c, calendar, now, org),
      returned: c.returned,
      flagged: c.flagged,
      urgeCount: c.urges.length,
      workdaysOverdue: workdaysOverdue(calendar, new Date(c.dueAt), now),
      requesterPhone: maskPhone(c.contact.phone),
    }));
  return { items, total: items.length };
}

/** How many cases are in each list, for the console's badges. */
export function queueCounts(cases: CaseRecord[], calendar: Calendar, now: Date, org: Organization): Record<Queue, number> {
  const counts = {} as Record<Queue, number>;
  for (const q of QUEUES) counts[q] = cases.filter((c) => belongs[q](c, calendar, now, org)).length;
  return counts;
}
