/**
 * What the county is told about casework as a whole: the 三率 over a period, the 三率台账 to download, and a
 * case's audit trail. Each is one use case (decision 014).
 */
import { auditRecord } from '../audit';
import type { Organization } from '../org/model';
import { seesUnitRows, type Caller } from '../roles';
import type { CasesPort, ExportedFile } from './port';
import { computeStats } from './stats';

type Deps = { port: CasesPort; now: Date; org: Organization };
type Authed = Caller & { openid: string };
type Period = { from: string; to: string };

/** Cases routed within the period, UTC+8 days inclusive, with the 三率 computed over them. */
async function periodCases(port: CasesPort, org: Organization, { from, to }: Period) {
  const [cases, calendar] = await Promise.all([port.casesRoutedBetween(from, to), port.calendar()]);
  return { cases, stats: computeStats(cases, from, to, calendar, org) };
}

/**
 * The 三率 per department (and per category) stay visible to every staff member: counties publish this
 * league table to the member units, and it holds counts and rates only. Case-level rows — tracking
 * numbers, statuses, scores — are not published: `exportLedger` lists only the caller's own unit's.
 */
export async function periodStats({ port, org }: Pick<Deps, 'port' | 'org'>, _caller: Caller, period: Period) {
  return (await periodCases(port, org, period)).stats;
}

/**
 * The 三率台账 as a workbook for the caller: every unit's figures, and the case rows of the units the
 * caller may see — all of them for the dispatcher and admins (OVERSEER_ROLES), their own for staff.
 */
export async function exportLedger({ port, now, org }: Deps, caller: Authed, period: Period): Promise<ExportedFile> {
  const { stats, cases } = await periodCases(port, org, period);
  const sheetFor = (departmentId: string) => seesUnitRows(caller, departmentId);
  const rows = cases.filter((c) => sheetFor(c.departmentId));
  return port.exportLedger(caller.openid, `三率台账-${period.from}至${period.to}.xlsx`, { stats, cases: rows, sheetFor }, now);
}

/** Who saw or changed a case, for admins. Reading the trail is itself on the trail, not on the case's own. */
export async function caseAuditTrail({ port, now }: Deps, caller: Authed, { caseId }: { caseId: string }) {
  await port.writeAudit(auditRecord(caller, 'cases.audit', { type: 'case', id: caseId }, now));
  return { items: await port.auditTrail(caseId) };
}
