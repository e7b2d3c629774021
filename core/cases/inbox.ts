import { CASE_FILTERS, type CaseFilter } from '../contracts/cases';
import type { Calendar } from './calendar';
import { slaLevel } from './deadlines';
import { OPEN_STATUSES, type CaseRecord } from './model';
import { summarize } from './present';
import { isOverdue } from './timer';

const matches: Record<CaseFilter, (c: CaseRecord, calendar: Calendar, now: Date) => boolean> = {
  new: (c) => c.status === 'assigned',
  overdue: (c, _cal, now) => isOverdue(c, now),
  due_soon: (c, cal, now) => slaLevel(cal, c, now) === 'amber',
  waiting: (c) => c.status === 'waiting',
  resolved: (c) => c.status === 'resolved' || c.status === 'closed',
  open: (c) => OPEN_STATUSES.includes(c.status),
  all: () => true,
};

/** Open cases urged by the 双拥办 sit on top; then urgent ones; then by the nearest deadline. */
function rank(c: CaseRecord): [number, number, number] {
  const open = OPEN_STATUSES.includes(c.status);
  const urged = open && c.urges.length > 0 ? 0 : 1;
  const urgent = open && c.urgent ? 0 : 1;
  const due = open ? Date.parse(c.status === 'assigned' ? c.signDueAt : c.dueAt) : Number.MAX_SAFE_INTEGER - Date.parse(c.updatedAt);
  return [open ? 0 : 1, urged * 2 + urgent, due];
}

export function inbox(cases: CaseRecord[], filter: CaseFilter, calendar: Calendar, now: Date, page = 1, pageSize = 20) {
  const chosen = cases.filter((c) => matches[filter](c, calendar, now));
  chosen.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
  });
  const items = chosen.slice((page - 1) * pageSize, page * pageSize).map((c) => ({
    ...summarize(c, calendar, now),
    urged: OPEN_STATUSES.includes(c.status) && c.urges.length > 0,
    lastUrge: c.urges.at(-1)?.note,
    returned: c.returned,
    flagged: c.flagged,
  }));
  const counts = Object.fromEntries(CASE_FILTERS.map((f) => [f, cases.filter((c) => matches[f](c, calendar, now)).length])) as Record<
    CaseFilter,
    number
  >;
  return { items, total: chosen.length, page, pageSize, counts };
}
