/**
 * What people read about cases: suggestions while they write, their own list, a department's inbox, the
 * messages that missed a clerk, and the 双拥办's supervision queues. Each is one use case (decision 014).
 */
import type { CaseFilter, Queue } from '../contracts/cases';
import type { Organization } from '../org/model';
import type { Caller } from '../roles';
import { inbox } from './inbox';
import { OPEN_STATUSES } from './model';
import { sortMissed } from './notices';
import type { CasesPort } from './port';
import { summarize } from './present';
import { queueCounts, supervisionQueue } from './supervision';

type Deps = { port: CasesPort; now: Date; org: Organization };
type Authed = Caller & { openid: string };

/** A person's own cases are read whole up to this many; nobody has more. */
const MAX_OWN = 1000;
/** A department's open cases are read whole (without timelines) up to this many. */
const MAX_INBOX_OPEN = 1000;
/** The county's open cases, read whole for the supervision queues. */
const MAX_SUPERVISED = 100_000;
const DEFAULT_PAGE_SIZE = 20;

/** The categories a request reads as, with the departments the routing table in force sends them to. */
export async function suggestCategories(
  { port, org }: Pick<Deps, 'port' | 'org'>,
  _caller: Caller,
  input: { text: string; regionId?: string },
) {
  const routing = await port.routingTable();
  return { candidates: port.triage(input.text, { org, routing, regionId: input.regionId }) };
}

/** The caller's own cases, newest first, a page at a time. */
export async function listMyCases(
  { port, now, org }: Deps,
  caller: Authed,
  { page = 1, pageSize = DEFAULT_PAGE_SIZE }: { page?: number; pageSize?: number },
) {
  const [all, calendar] = await Promise.all([port.listCases({ requesterOpenid: caller.openid }, MAX_OWN), port.calendar()]);
  return {
    items: all.slice((page - 1) * pageSize, page * pageSize).map((c) => summarize(c, calendar, now, org)),
    total: all.length,
    page,
    pageSize,
  };
}

/** The cases the caller's department holds, by filter. A caller with no department (an admin) has an empty inbox. */
export async function departmentInbox(
  { port, now, org }: Deps,
  caller: Authed,
  { filter = 'open', page, pageSize }: { filter?: CaseFilter; page?: number; pageSize?: number },
) {
  const departmentId = caller.departmentId;
  if (!departmentId) return { items: [], total: 0, page: page ?? 1, pageSize: pageSize ?? DEFAULT_PAGE_SIZE };
  // Only the open cases are read whole (without their timelines); the rest are counted, and read a page at
  // a time when the filter shows them.
  const done = { departmentId, notStatuses: OPEN_STATUSES };
  const resolved = { departmentId, statuses: ['resolved', 'closed'] };
  const [open, doneCount, resolvedCount, calendar] = await Promise.all([
    port.listCases({ departmentId, statuses: OPEN_STATUSES }, MAX_INBOX_OPEN, { brief: true }),
    port.countCases(done),
    port.countCases(resolved),
    port.calendar(),
  ]);
  const source = {
    open,
    doneCount,
    resolvedCount,
    done: (which: 'resolved' | 'all', skip: number, limit: number) =>
      port.listCases(which === 'resolved' ? resolved : done, limit, { skip, order: 'updated', brief: true }),
  };
  return inbox(source, filter, calendar, now, org, page, pageSize);
}

/**
 * The caller's missed notices that still matter (core/cases/notices.ts), newest first; the ones that no
 * longer do are forgotten on the way.
 */
export async function listMissedNotices({ port }: Pick<Deps, 'port'>, caller: Authed) {
  const all = await port.missedNoticesOf(caller.openid);
  if (all.length === 0) return { missed: [] };
  const caseIds = all.flatMap((m) => (m.caseId !== undefined ? [m.caseId] : []));
  const taskIds = all.flatMap((m) => (m.taskId !== undefined ? [m.taskId] : []));
  const { kept, stale } = sortMissed(all, caller, await port.noticeSubjects(caseIds, taskIds));
  await port.forgetMissedNotices(stale.map((m) => m._id));
  return { missed: kept.map(({ _id: _dropped, openid: _openid, ...m }) => m) };
}

/** One of the 双拥办's queues (unrouted, returned, flagged, overdue, …), with every queue's count. */
export async function dispatchQueue({ port, now, org }: Deps, _caller: Caller, { list }: { list: Queue }) {
  const [open, calendar] = await Promise.all([
    port.listCases({ statuses: ['assigned', 'accepted', 'in_progress', 'waiting', 'resolved'] }, MAX_SUPERVISED, { brief: true }),
    port.calendar(),
  ]);
  return { ...supervisionQueue(open, list, calendar, now, org), counts: queueCounts(open, calendar, now, org) };
}
