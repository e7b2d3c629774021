import type * as z from 'zod/mini';
import type { ledgerContract } from '../contracts/ledger';
import { AppError } from '../envelope';
import { requireKnown, unitById, unitName, type Organization } from '../org/model';
import { overseesEveryUnit, type Caller } from '../roles';
import { chinaDay } from '../time';
import { expectedScore } from './board';
import { evidenceMissing } from './evidence-needed';
import { EVIDENCE_KINDS, isOverdue, leadUnit, type EvidenceKind, type ProblemRecord, type TaskRecord } from './model';
import type { LedgerPort } from './port';
import { evidenceKindOf } from './standard-sheet';

/**
 * One unit's own 创建 page: what it leads and what it helps with, who answers for each task, what proof
 * is still missing by class, the problems it must put right, and its points — what it may still win
 * (每分必争) is the gap between the points its tasks are worth and what it can expect now.
 */

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Records, minutes and lists: proof kept on paper, whatever the task is about. */
const ARCHIVE_WORDS = /记录|台账|文件|名单|名册|方案|制度|纪要|总结|计划|通知|档案|资料|清单|报告|登记|材料/;

/**
 * The class of one missing 佐证材料 item: by its own words (a 光荣牌 is 政策落实, a 会议记录 档案资料),
 * else the class of its task.
 */
export function evidenceClassOf(item: string, taskKind: EvidenceKind): EvidenceKind {
  const byWords = evidenceKindOf(item);
  if (byWords !== '档案资料') return byWords;
  return ARCHIVE_WORDS.test(item) ? '档案资料' : taskKind;
}

const pointsOf = (tasks: TaskRecord[]) => {
  const possible = round1(tasks.reduce((n, t) => n + t.points, 0));
  const expected = round1(tasks.reduce((n, t) => n + expectedScore(t), 0));
  return { possible, expected, gap: round1(possible - expected) };
};

/** The unit's campaign, from the stored tasks and problems, as of `today` (a UTC+8 day). */
export function unitCampaign(departmentId: string, tasks: TaskRecord[], problems: ProblemRecord[], today: string, org: Organization) {
  const unit = unitById(org, departmentId);
  const mine = tasks
    .filter((t) => t.ownerDepartments.includes(departmentId))
    .sort((a, b) => a.code.localeCompare(b.code, 'zh-CN', { numeric: true }) || a.order - b.order);
  const lead = mine.filter((t) => leadUnit(t) === departmentId);
  const assist = mine.filter((t) => leadUnit(t) !== departmentId);
  const codeOf = new Map(tasks.map((t) => [t._id, t.code]));
  const row = (t: TaskRecord) => {
    const missing = evidenceMissing(t);
    return {
      id: t._id,
      code: t.code,
      content: t.content,
      points: t.points,
      expected: expectedScore(t),
      ...(t.part ? { part: t.part } : {}),
      /** The unit's person on the task, else its 专人. */
      person: t.persons?.find((p) => p.departmentId === departmentId)?.name ?? unit?.liaison?.name ?? '',
      lead: unitName(org, leadUnit(t) ?? ''),
      partners: t.ownerDepartments.slice(1).map((id) => unitName(org, id)),
      status: t.status,
      deadline: t.deadline,
      overdue: isOverdue(t, today),
      evidenceKind: t.evidenceKind,
      evidenceNeeded: (t.evidenceNeeded ?? []).length,
      missing: EVIDENCE_KINDS.map((kind) => ({
        kind,
        items: missing.filter((item) => evidenceClassOf(item, t.evidenceKind) === kind),
      })).filter((g) => g.items.length > 0),
    };
  };
  const all = pointsOf(mine);
  return {
    departmentId,
    name: unitName(org, departmentId),
    ...(unit?.leader ? { leader: unit.leader.name } : {}),
    ...(unit?.liaison ? { liaison: unit.liaison.name } : {}),
    today,
    lead: lead.map(row),
    assist: assist.map(row),
    /** Missing items across all its tasks, per class: what the unit still has to gather. */
    missingByKind: EVIDENCE_KINDS.map((kind) => ({
      kind,
      count: mine.reduce((n, t) => n + evidenceMissing(t).filter((item) => evidenceClassOf(item, t.evidenceKind) === kind).length, 0),
    })),
    problems: problems
      .filter((p) => p.ownerDepartmentId === departmentId && p.state !== 'done')
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
      .map((p) => ({
        id: p._id,
        taskId: p.taskId,
        code: codeOf.get(p.taskId) ?? '',
        description: p.description,
        measure: p.measure,
        ...(p.ownerPerson ? { ownerPerson: p.ownerPerson } : {}),
        deadline: p.deadline,
        state: p.state,
        overdue: p.deadline < today,
      })),
    points: { lead: pointsOf(lead), assist: pointsOf(assist), ...all },
  };
}

type In = z.output<(typeof ledgerContract)['unitCampaign']>;

/**
 * `ledger.unitCampaign`: a unit's staff read their own unit's page; the 双拥办, admins and the county's
 * leaders read any unit's.
 */
export async function viewUnitCampaign(deps: { port: LedgerPort; now: Date; org: Organization }, caller: Caller, input: In) {
  const departmentId = input.departmentId ?? caller.departmentId;
  if (!departmentId) throw new AppError('INVALID_INPUT', '请选择要查看的单位');
  requireKnown(deps.org, { units: [{ path: ['departmentId'], id: departmentId }] });
  if (!overseesEveryUnit(caller) && departmentId !== caller.departmentId) throw new AppError('FORBIDDEN', '只能查看本单位的创建任务');
  const [tasks, problems] = await Promise.all([deps.port.tasks(), deps.port.problems({ ownerDepartmentId: departmentId })]);
  return unitCampaign(departmentId, tasks, problems, chinaDay(deps.now), deps.org);
}
