import { CASE_FILTERS, type CaseFilter } from '../contracts/cases';
import type { Organization } from '../org/model';
import type { Calendar } from './calendar';
import { slaLevel } from './deadlines';
import { OPEN_STATUSES, type CaseRecord } from './model';
import { summarize } from './present';
import { isOverdue } from './timer';

type OpenFilter = Exclude<CaseFilter, 'resolved' | 'all'>;
const OPEN_FILTERS = CASE_FILTERS.filter((f): f is OpenFilter => f !== 'resolved' && f !== 'all');

/** The filters that choose among open cases; 'resolved' and 'all' read the rest from the database. */
const matches: Record<OpenFilter, (c: CaseRecord, calendar: Calendar, now: Date) => boolean> = {
  new: (c) => c.status === 'assigned',
  overdue: (c, _cal, now) => isOverdue(c, now),
  due_soon: (c, cal, now) => slaLevel(cal, c, now) === 'amber',
  waiting: (c) => c.status === 'waiting',
  open: () => true,
};

/** Open cases urged by the 双拥办 sit on top; then urgent ones; then by the nearest deadline. */
function rank(c: CaseRecord): [number, number] {
  const urged = c.urges.length > 0 ? 0 : 1;
  const urgent = c.urgent ? 0 : 1;
  return [urged * 2 + urgent, Date.parse(c.status === 'assigned' ? c.signDueAt : c.dueAt)];
}

/** Where a department's inbox reads from: its open cases whole, the rest counted and read a page at a time. */
export interface InboxSource {
  /** Every open case the department holds (their timelines may be left out). */
  open: CaseRecord[];
  /** How many cases it holds that are no longer open, and how many of those were resolved or closed. */
  doneCount: number;
  resolvedCount: number;
  /** Cases no longer open, last updated first: only resolved and closed ones, or all of them. */
  done(which: 'resolved' | 'all', skip: number, limit: number): Promise<CaseRecord[]>;
}

export async function inbox(
  source: InboxSource,
  filter: CaseFilter,
  calendar: Calendar,
  now: Date,
  org: Organization,
  page = 1,
  pageSize = 20,
) {
  const open = [...source.open].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1];
  });
  const start = (page - 1) * pageSize;
  let chosen: CaseRecord[];
  let total: number;
  if (filter === 'resolved') {
    total = source.resolvedCount;
    chosen = start < total ? await source.done('resolved', start, pageSize) : [];
  } else if (filter === 'all') {
    // Open cases first, by urgency and deadline; then the rest, last updated first.
    total = open.length + source.doneCount;
    chosen = open.slice(start, start + pageSize);
    const rest = Math.min(pageSize - chosen.length, total - Math.max(start, open.length));
    if (rest > 0) chosen = [...chosen, ...(await source.done('all', Math.max(0, start - open.length), rest))];
  } else {
    const matching = open.filter((c) => matches[filter](c, calendar, now));
    total = matching.length;
    chosen = matching.slice(start, start + pageSize);
  }
  const items = chosen.map((c) => ({
    ...summarize(c, calendar, now, org),
    urged: OPEN_STATUSES.includes(c.status) && c.urges.length > 0,
    lastUrge: c.urges.at(-1)?.note,
    handlerName: c.handler?.name,
    returned: c.returned,
    flagged: c.flagged,
  }));
  const counts = {
    ...Object.fromEntries(OPEN_FILTERS.map((f) => [f, open.filter((c) => matches[f](c, calendar, now)).length])),
    resolved: source.resolvedCount,
    all: open.length + source.doneCount,
  } as Record<CaseFilter, number>;
  return { items, total, page, pageSize, counts };
}
