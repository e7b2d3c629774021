import type { Row, Workbook } from 'exceljs';
import { findUnit, unitName, type Organization } from '../org/model';
import { AppError, type Issue } from '../envelope';
import {
  EVIDENCE_KINDS,
  TASK_STATUS_TEXT,
  TASK_STATUSES,
  type AreaRecord,
  type EvidenceKind,
  type TaskRecord,
  type TaskStatus,
} from '../ledger/model';
import { cellText, workbookRows } from './workbook-reader';
import { WORKBOOK_LIMITS, type WorkbookLimits } from './workbook-limits';

const NUMERALS = '一二三四五六七八九十';
const numeral = (n: number) => (n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11]}` : String(n));
const HEADERS = ['序号', '考评内容', '分值', '评分标准', '证据类型', '责任单位', '完成时限', '考评得分', '状态', '自评分'];
const AREA_ROW = /^[一二三四五六七八九十]+[、.．]\s*(.+?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/;

const departmentNames = (org: Organization, ids: string[]) => ids.map((id) => unitName(org, id)).join('、');

function departmentIds(org: Organization, text: string): string[] | null {
  const parts = text
    .split(/[、,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean);
  // A retired unit takes no new tasks.
  const ids = parts.map((p) => findUnit(org, p)).map((u) => (u && !u.retired ? u.id : undefined));
  return ids.every(Boolean) && ids.length > 0 ? (ids as string[]) : null;
}

const exceljs = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy: loaded only for import and export
  return require('exceljs') as { Workbook: new () => Workbook };
};

/** The standard as the office's sheet: areas as headings, tasks as rows, with status and scores filled in. */
export async function standardWorkbook(
  title: string,
  note: string,
  areas: AreaRecord[],
  tasks: TaskRecord[],
  org: Organization,
  options: { progress?: boolean } = {},
): Promise<Buffer> {
  // A blank template carries no status or scores: importing it must not look like progress.
  const progress = options.progress ?? true;
  const book = new (exceljs().Workbook)();
  const sheet = book.addWorksheet('考评标准');
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.addRow([note]).font = { italic: true, color: { argb: 'FF8A1C1C' } };
  sheet.mergeCells(2, 1, 2, HEADERS.length);
  sheet.addRow(HEADERS).font = { bold: true };
  [...areas]
    .sort((a, b) => a.order - b.order)
    .forEach((area, i) => {
      const row = sheet.addRow([`${numeral(i + 1)}、${area.name}（${area.points}分）`]);
      row.font = { bold: true };
      sheet.mergeCells(row.number, 1, row.number, HEADERS.length);
      for (const t of tasks.filter((t) => t.areaId === area._id).sort((a, b) => a.order - b.order)) {
        sheet.addRow([
          t.code,
          t.content,
          t.points,
          t.criteria,
          t.evidenceKind,
          departmentNames(org, t.ownerDepartments),
          t.deadline,
          progress ? (t.acceptedScore ?? '') : '',
          progress ? TASK_STATUS_TEXT[t.status] : '',
          progress ? (t.selfScore ?? '') : '',
        ]);
      }
    });
  sheet.columns.forEach((c, i) => (c.width = [8, 40, 6, 36, 10, 24, 12, 10, 10, 8][i] ?? 10));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface ParsedTask {
  code: string;
  content: string;
  points: number;
  criteria: string;
  evidenceKind: EvidenceKind;
  ownerDepartments: string[];
  deadline: string;
  status?: TaskStatus;
  selfScore?: number;
  acceptedScore?: number;
}

export interface ParsedStandard {
  title: string;
  areas: { name: string; points: number; tasks: ParsedTask[] }[];
}

/**
 * Reads the office's sheet back. Every problem is reported with its row — the first `limits.issues` of them, with a
 * count of the rest — and nothing is imported then.
 */
export async function parseStandard(content: Buffer, org: Organization, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<ParsedStandard> {
  const issues: Issue[] = [];
  let problems = 0;
  const report = (issue: Issue) => {
    problems++;
    if (issues.length < limits.issues) issues.push(issue);
  };
  const parsed: ParsedStandard = { title: '', areas: [] };
  const statusByText = new Map(TASK_STATUSES.map((s) => [TASK_STATUS_TEXT[s], s]));
  const visit = (row: Row, n: number) => {
    const first = cellText(row.getCell(1).value);
    if (n === 1) parsed.title = first;
    const area = AREA_ROW.exec(first);
    if (area) {
      parsed.areas.push({ name: area[1] as string, points: Number(area[2]), tasks: [] });
      return;
    }
    if (!/^\d+(\.\d+)*$/.test(first)) return;
    const at = (i: number) => cellText(row.getCell(i).value);
    const current = parsed.areas.at(-1);
    const problem = (message: string) => report({ path: ['row', n], message: `第 ${n} 行：${message}` });
    if (!current) return void problem('考评项目前面要有“一、……（N分）”这样的大项');
    const points = Number(at(3));
    const owners = departmentIds(org, at(6));
    const evidenceKind = at(5) as EvidenceKind;
    const deadline = at(7);
    if (!at(2)) problem('缺少考评内容');
    if (!Number.isFinite(points) || points <= 0) problem('分值要是正数');
    if (!EVIDENCE_KINDS.includes(evidenceKind)) problem(`证据类型只能是 ${EVIDENCE_KINDS.join('、')}`);
    if (!owners) problem(`责任单位不认识：${at(6) || '（空）'}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) problem('完成时限的格式是 YYYY-MM-DD');
    const task: ParsedTask = {
      code: first,
      content: at(2),
      points,
      criteria: at(4),
      evidenceKind,
      ownerDepartments: owners ?? [],
      deadline,
    };
    const status = statusByText.get(at(9) as never);
    if (status) task.status = status;
    if (at(8) !== '') task.acceptedScore = Number(at(8));
    if (at(10) !== '') task.selfScore = Number(at(10));
    current.tasks.push(task);
  };
  try {
    for await (const { row } of workbookRows(content, limits)) visit(row, row.number);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', '文件不是有效的 .xlsx 表格');
  }
  if (parsed.areas.length === 0) report({ path: [], message: '没有找到任何大项（例如“一、组织领导坚强有力（6分）”）' });
  if (problems) throw new AppError('INVALID_INPUT', `表格有 ${problems} 处需要修改，什么都没有导入`, issues, problems - issues.length);
  return parsed;
}
