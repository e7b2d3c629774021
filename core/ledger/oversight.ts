import type * as z from 'zod/mini';
import type { oversightContract } from '../contracts/ledger-oversight';
import { AppError } from '../envelope';
import { overseesEveryUnit, type Caller } from '../roles';
import { chinaDay } from '../time';
import { assessment } from './assessment';
import { packageLayout, packagedTaskState } from './evidence-package';
import type { LedgerPort } from './port';
import type { LedgerDeps } from './use-cases';

/**
 * What the 双拥办 and the county's leaders take out of the ledger: the 迎查 evidence package an
 * inspection reads, and the 组织部's annual assessment of each member unit. Both only read the ledger;
 * the only thing written is the caller's own file, kept a day.
 */

type Authed = Caller & { openid: string };
type In<K extends keyof typeof oversightContract> = z.output<(typeof oversightContract)[K]>;
/** Only reads of the ledger and the caller's own file: the rest of the port is not needed. */
type Deps = Pick<LedgerDeps, 'now' | 'org'> & {
  port: Pick<LedgerPort, 'areas' | 'tasks' | 'problems' | 'storedFiles' | 'savePackage' | 'saveAssessment'>;
};

function requireOverseer(caller: Caller, what: string): void {
  if (!overseesEveryUnit(caller)) throw new AppError('FORBIDDEN', `只有双拥办和县领导可以${what}`);
}

/**
 * The 迎查 package: every task's evidence files in a folder per area and per task, and the index
 * workbook; a task not done or short of evidence is red in the index, a file storage no longer has is
 * listed as missing.
 */
export async function evidencePackage(deps: Deps, caller: Authed, _input: In<'evidencePackage'>) {
  const { port, now, org } = deps;
  requireOverseer(caller, '生成迎查材料包');
  const [areas, tasks] = await Promise.all([port.areas(), port.tasks()]);
  const layout = packageLayout(areas, tasks, org);
  const stored = await port.storedFiles(layout.files.map((f) => f.fileID));
  const files = layout.files.filter((f) => stored.has(f.fileID));
  const flagged = layout.areas.flatMap((a) => a.tasks).filter((t) => packagedTaskState(t, stored).red).length;
  const today = chinaDay(now);
  const saved = await port.savePackage(
    caller.openid,
    `迎查材料包-${today}.zip`,
    {
      title: `双拥模范县创建迎查材料索引（${today}）`,
      note: `共 ${tasks.length} 项任务、${files.length} 份材料文件，按「大项/序号」分文件夹存放；红色为未完成或缺佐证材料的任务（${flagged} 项）。`,
      layout,
      files,
      stored,
    },
    now,
  );
  return { ...saved, tasks: tasks.length, files: files.length, flagged };
}

/** The 组织部's annual assessment: one row per member unit, the year counted up to its end or today. */
export async function viewAssessment(deps: Deps, caller: Authed, { year }: In<'assessment'>) {
  const { port, now, org } = deps;
  requireOverseer(caller, '查看年度考评');
  const today = chinaDay(now);
  if (`${year}-01-01` > today) throw new AppError('INVALID_INPUT', `${year} 年还没有开始`, [{ path: ['year'], message: '还没有到这一年' }]);
  const [tasks, problems] = await Promise.all([port.tasks(), port.problems({})]);
  return assessment(tasks, problems, org, year, today);
}

export async function exportAssessment(deps: Deps, caller: Authed, input: In<'exportAssessment'>) {
  const sheet = await viewAssessment(deps, caller, input);
  return deps.port.saveAssessment(caller.openid, `${input.year}年度创建工作考评.xlsx`, sheet, deps.now);
}
