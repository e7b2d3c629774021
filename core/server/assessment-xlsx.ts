import type { Workbook } from 'exceljs';
import type { Assessment, UnitAssessment } from '../ledger/assessment';

/**
 * The 组织部's annual assessment as a workbook: one row per member unit, the county's total last, the
 * figures it enters in 年度考评. exceljs is required here, never at module scope.
 */

/** A unit's row, or the county's total (its tasks counted once, under 牵头任务). */
type Figures = Omit<Assessment['total'], 'tasks'> & Partial<Pick<UnitAssessment, 'lead' | 'assist'>> & { tasks?: number };

const percent = (earned: number, possible: number) => (possible > 0 ? `${((earned / possible) * 100).toFixed(1)}%` : '—');

const COLUMNS: { header: string; width: number; value: (f: Figures) => string | number }[] = [
  { header: '牵头任务', width: 10, value: (f) => f.lead ?? f.tasks ?? '' },
  { header: '配合任务', width: 10, value: (f) => f.assist ?? '' },
  { header: '本年到期', width: 10, value: (f) => f.due },
  { header: '按时完成', width: 10, value: (f) => f.onTime },
  { header: '逾期未完成', width: 12, value: (f) => f.overdue },
  { header: '验收得分', width: 10, value: (f) => f.earned },
  { header: '自评分', width: 8, value: (f) => f.expected },
  { header: '应得分值', width: 10, value: (f) => f.possible },
  { header: '得分率', width: 8, value: (f) => percent(f.earned, f.possible) },
  { header: '收到督办', width: 10, value: (f) => f.urges },
  { header: '检视问题', width: 10, value: (f) => f.problems },
  { header: '已整改', width: 8, value: (f) => f.problemsClosed },
];

export async function assessmentWorkbook(a: Assessment): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy: loaded only when the sheet is exported
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const book = new ExcelJS.Workbook();
  book.creator = '双拥服务';
  const sheet = book.addWorksheet(`${a.year}年度考评`);
  const width = COLUMNS.length + 1;
  sheet.addRow([`${a.year} 年度双拥模范县创建工作考评（各成员单位）`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow([
    `统计截至 ${a.asOf}。按时完成：双拥办在完成时限前验收；得分按单位承担的全部任务（牵头和配合）计；合计行每项任务只计一次。`,
  ]).font = { italic: true };
  sheet.mergeCells(2, 1, 2, width);
  sheet.addRow(['单位', ...COLUMNS.map((c) => c.header)]).font = { bold: true };
  for (const u of a.units) sheet.addRow([u.name, ...COLUMNS.map((c) => c.value(u))]);
  const total = sheet.addRow(['全县合计（任务数）', ...COLUMNS.map((c) => c.value(a.total))]);
  total.font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 24 : (COLUMNS[i - 1]?.width ?? 10)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
