import { AUTO_CLOSE_DAYS } from './deadlines';
import { eraseExpired } from './erasure';
import type { CaseRecord } from './model';
import { closeUnrated, urgeOverdue, type CaseDeps } from './use-cases';

const DAY_MS = 86_400_000;
// Oldest first, so that however many are open the longest-waiting are never the ones left out.
const SCAN = { limit: 10_000, options: { order: 'oldest', brief: true } } as const;

/** Overdue for signing while assigned, or for resolving while being handled. */
export function isOverdue(c: CaseRecord, now: Date): boolean {
  if (c.status === 'assigned') return +now > Date.parse(c.signDueAt);
  if (c.status === 'accepted' || c.status === 'in_progress') return +now > Date.parse(c.dueAt);
  return false;
}

/** At most one automatic 督办 a day for the same case. */
const urgedRecently = (c: CaseRecord, now: Date) => c.urges.some((u) => u.automatic && +now - Date.parse(u.at) < DAY_MS);

/**
 * The cases function's timer (nobody calls it, hence no caller): urges what is overdue (the department and
 * the 双拥办 are told), closes resolved cases left unrated for 7 days, and takes the requester's personal
 * data out of finished cases past the retention period (their figures stay).
 */
export async function runCaseTimer(deps: CaseDeps, _caller: null): Promise<{ urged: number; closed: number; erased: number }> {
  const open = await deps.port.listCases({ statuses: ['assigned', 'accepted', 'in_progress'] }, SCAN.limit, SCAN.options);
  let urged = 0;
  for (const c of open) {
    if (!isOverdue(c, deps.now) || urgedRecently(c, deps.now)) continue;
    await urgeOverdue(deps, null, { caseId: c._id });
    urged++;
  }
  if (urged) {
    const office = await deps.port.staffOf(deps.org.dispatchUnitId);
    await deps.port.notify(office, {
      kind: 'case_new',
      caseId: '',
      trackingNo: '',
      title: `今日自动督办 ${urged} 件超期求助`,
      detail: '请在督办台查看',
      at: deps.now.toISOString(),
    });
  }
  const resolved = await deps.port.listCases({ statuses: ['resolved'] }, SCAN.limit, SCAN.options);
  let closed = 0;
  for (const c of resolved) {
    if (c.resolvedAt && +deps.now - Date.parse(c.resolvedAt) >= AUTO_CLOSE_DAYS * DAY_MS) {
      await closeUnrated(deps, null, { caseId: c._id });
      closed++;
    }
  }
  const { erased } = await eraseExpired(deps, null, { years: await deps.port.retentionYears() });
  return { urged, closed, erased };
}
