import type { Calendar } from '../../../core/cases/calendar';
import type { CaseRecord, Rating, TimelineEntry, Urge } from '../../../core/cases/model';
import type { CasesPort } from '../../../core/cases/port';
import type { Caller } from '../../../core/roles';
import { WorkingCalendar } from '../../../core/server/working-calendar';

/**
 * The real Chinese working calendar with no admin overrides: 2026's holidays and 调休 make-up days come
 * from chinese-days, so a deadline across 国庆 is the one a clerk would be given. (国庆 2026 runs 10-01
 * to 10-07; Sunday 09-20 and Saturday 10-10 are make-up working days.)
 */
export const chinaCalendar: Calendar = new WorkingCalendar();

/** "2026-11-23 10:00" read as UTC+8 wall-clock time, as the ISO instant a case stores. */
export const chinaTime = (wallClock: string): string => new Date(`${wallClock.replace(' ', 'T')}:00+08:00`).toISOString();

/** The same, as a Date: for `now` and the deadline functions. */
export const chinaDate = (wallClock: string): Date => new Date(chinaTime(wallClock));

type Authed = Caller & { openid: string };

/** The person who asked for help in the cases built here. */
export const aResident = (openid = 'resident-1'): Authed => ({ openid, role: 'resident' });

/** A clerk of a unit (民政局 unless told), who handles the cases that unit holds. */
export const aStaff = (departmentId: string = 'civil', openid = `staff-${departmentId}`): Authed => ({
  openid,
  role: 'staff',
  departmentId,
});

/** The 双拥办's dispatcher, who routes, urges and calls people back. */
export const aDispatcher = (openid = 'dispatcher-1'): Authed => ({ openid, role: 'dispatcher', departmentId: 'office' });

/** A public timeline entry by the system at the routing time; override what a test is about. */
export function aTimelineEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return { at: chinaTime('2026-11-23 10:00'), type: 'routed', actor: { role: 'system' }, text: '已转给民政局办理', ...overrides };
}

/** A requester's rating (5, solved, satisfied) given on `at`; override what a test is about. */
export function aRating(overrides: Partial<Rating> = {}): Rating {
  return { score: 5, solved: true, satisfied: true, at: chinaTime('2026-11-27 09:00'), ...overrides };
}

/** A 督办 by the 双拥办's dispatcher; override what a test is about. */
export function anUrge(overrides: Partial<Urge> = {}): Urge {
  return { at: chinaTime('2026-12-01 09:00'), note: '请尽快办理', by: 'dispatcher-1', automatic: false, ...overrides };
}

/**
 * A request for 帮扶救助 routed to the 民政局 on Monday 2026-11-23 at 10:00 and not yet signed, its
 * deadlines those of the real calendar: sign by Tuesday 11-24 10:00, resolve by Monday 11-30 10:00
 * (5 working days). Override what a test is about; the deadlines are not recomputed.
 */
export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const routedAt = chinaTime('2026-11-23 10:00');
  return {
    _id: 'case-1',
    trackingNo: 'SY261123001',
    requestId: 'request-1',
    requesterOpenid: 'resident-1',
    category: 'relief',
    description: '家里老人住院，生活一时困难，想申请临时救助',
    regionId: 'hekou',
    contact: { name: '王建国', phone: '13800000001' },
    urgent: false,
    attachments: [],
    flagged: false,
    status: 'assigned',
    departmentId: 'civil',
    departmentsHeld: ['civil'],
    routing: { departmentId: 'civil', reason: '「帮扶救助」事项由民政局办理', rule: null },
    returned: false,
    createdAt: routedAt,
    routedAt,
    signDueAt: chinaTime('2026-11-24 10:00'),
    dueAt: chinaTime('2026-11-30 10:00'),
    reopenCount: 0,
    urges: [],
    timeline: [
      aTimelineEntry({ type: 'submitted', actor: { role: 'resident', openid: 'resident-1' }, text: '您提交了求助' }),
      aTimelineEntry({ text: '已转给民政局办理，民政局将在11月24日 10:00前签收' }),
      aTimelineEntry({ type: 'note', text: '按分派规则「帮扶救助 → 民政局」', internal: true }),
    ],
    updatedAt: routedAt,
    version: 1,
    ...overrides,
  };
}

/** aCase signed by the 民政局 on Monday 11-23 at 15:00, on time. */
export const aSignedCase = (overrides: Partial<CaseRecord> = {}): CaseRecord =>
  aCase({ status: 'accepted', signedAt: chinaTime('2026-11-23 15:00'), signedOnTime: true, version: 2, ...overrides });

/** aSignedCase resolved on Thursday 11-26 at 16:00, on time, waiting for the requester's rating. */
export const aResolvedCase = (overrides: Partial<CaseRecord> = {}): CaseRecord =>
  aSignedCase({
    status: 'resolved',
    resolvedAt: chinaTime('2026-11-26 16:00'),
    resolvedOnTime: true,
    resolution: '已按临时救助标准发放救助金',
    version: 3,
    ...overrides,
  });

/**
 * The cases port in memory, as far as the state-changing use cases, the timer and erasure go: read, list
 * and write cases (with the version check), the calendar, staff lists, notices, the audit trail, the
 * retention setting (3 years) and file deletion. Anything else a use case reaches for fails the test, so
 * a test also says which storage it touches. `cases` are the stored documents; `notices`, `audits` and
 * `deletedFiles` what was sent, recorded and removed.
 */
export function memoryCases(initial: CaseRecord[], calendar: Calendar = chinaCalendar) {
  const cases = new Map(initial.map((c) => [c._id, structuredClone(c)]));
  const notices: { to: string[]; title: string }[] = [];
  const audits: string[] = [];
  const deletedFiles: string[] = [];
  const stored = () => [...cases.values()].map((c) => structuredClone(c));
  const ORDER = {
    oldest: (a: CaseRecord, b: CaseRecord) => a.createdAt.localeCompare(b.createdAt),
    newest: (a: CaseRecord, b: CaseRecord) => b.createdAt.localeCompare(a.createdAt),
    updated: (a: CaseRecord, b: CaseRecord) => b.updatedAt.localeCompare(a.updatedAt),
  };
  const methods: Partial<CasesPort> = {
    calendar: async () => calendar,
    getCase: async (id) => structuredClone(cases.get(id) ?? null),
    replaceCase: async (next, expectedVersion) => {
      if (cases.get(next._id)?.version !== expectedVersion) return false;
      cases.set(next._id, structuredClone(next));
      return true;
    },
    listCases: async (query, limit, options = {}) =>
      stored()
        .filter((c) => !query.statuses || query.statuses.includes(c.status))
        .filter((c) => !query.notStatuses?.includes(c.status))
        .filter((c) => !query.departmentId || c.departmentId === query.departmentId)
        .filter((c) => !query.requesterOpenid || c.requesterOpenid === query.requesterOpenid)
        .sort(ORDER[options.order ?? 'newest'])
        .slice(options.skip ?? 0, (options.skip ?? 0) + limit),
    casesOf: async (openid) => stored().filter((c) => c.requesterOpenid === openid),
    finishedBefore: async (cutoff, limit) =>
      stored()
        .filter(
          (c) => !c.erasedAt && (c.status === 'closed' || c.status === 'withdrawn') && c.closedAt !== undefined && c.closedAt < cutoff,
        )
        .sort((a, b) => (a.closedAt as string).localeCompare(b.closedAt as string))
        .slice(0, limit),
    retentionYears: async () => 3,
    deleteFiles: async (fileIDs) => void deletedFiles.push(...fileIDs),
    checkContent: async () => 'pass',
    staffOf: async (departmentId) => [`staff-${departmentId}`],
    notify: async (to, notice) => void notices.push({ to, title: notice.title }),
    audit: async (entry) => void audits.push(`${entry.openid}:${entry.action}`),
  };
  const port = new Proxy(methods as CasesPort, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return Reflect.get(target, name);
      throw new Error(`the use case asked the port for ${name}`);
    },
  });
  return { port, cases, notices, audits, deletedFiles };
}
