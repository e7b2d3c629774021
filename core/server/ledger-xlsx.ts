import type { Workbook, Worksheet } from 'exceljs';
import type { CaseRecord } from '../cases/model';
import { STATUS_TEXT } from '../cases/present';
import type { Figures, Rate, Stats } from '../cases/stats';
import { categoryById } from '../data/categories';
import { formatChina } from '../time';

const percent = (r: Rate) => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`);
const ratio = (r: Rate) => `${r.numerator}/${r.denominator}`;

const FIGURE_COLUMNS: { header: string; value: (f: Figures) => string | number }[] = [
  { header: '受理件数', value: (f) => f.received },
  { header: '响应率（按时签收）', value: (f) => percent(f.responseRate) },
  { header: '按时签收/派单', value: (f) => ratio(f.responseRate) },
  { header: '解决率', value: (f) => percent(f.resolutionRate) },
  { header: '未重办/办结', value: (f) => ratio(f.resolutionRate) },
  { header: '满意率', value: (f) => percent(f.satisfactionRate) },
  { header: '满意/评价', value: (f) => ratio(f.satisfactionRate) },
  { header: '按时办结率', value: (f) => percent(f.onTimeRate) },
  { header: '平均办结用时（工作日）', value: (f) => f.avgWorkdaysToResolve ?? '—' },
  { header: '重办件数', value: (f) => f.reopened },
  { header: '在办件数', value: (f) => f.open },
];

function title(sheet: Worksheet, text: string, width: number): void {
  sheet.addRow([text]);
  sheet.mergeCells(1, 1, 1, width);
  const cell = sheet.getCell(1, 1);
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center' };
}

function header(sheet: Worksheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E5E5' } };
    c.border = { bottom: { style: 'thin' } };
  });
  sheet.columns.forEach((col, i) => (col.width = Math.max(12, (headers[i]?.length ?? 6) * 2 + 2)));
}

/**
 * The 三率 ledger as a workbook: a summary sheet (every department and category) and one sheet per
 * department with its figures and its cases — only for the departments `sheetFor` allows (default all).
 * exceljs is required here, never at module scope.
 */
export async function ledgerWorkbook(
  stats: Stats,
  cases: CaseRecord[],
  sheetFor: (departmentId: string) => boolean = () => true,
): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy: loaded only when a ledger is exported
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const book = new ExcelJS.Workbook();
  book.creator = '双拥服务';
  const period = `${stats.from} 至 ${stats.to}`;

  const summary = book.addWorksheet('汇总');
  const headers = ['部门', ...FIGURE_COLUMNS.map((c) => c.header)];
  title(summary, `双拥服务三率台账（${period}）`, headers.length);
  header(summary, headers);
  for (const d of stats.departments) summary.addRow([d.name, ...FIGURE_COLUMNS.map((c) => c.value(d))]);
  summary.addRow(['合计', ...FIGURE_COLUMNS.map((c) => c.value(stats.total))]).font = { bold: true };
  summary.addRow([]);
  summary.addRow(['类别', ...FIGURE_COLUMNS.map((c) => c.header)]).font = { bold: true };
  for (const k of stats.categories.filter((k) => k.received > 0)) summary.addRow([k.name, ...FIGURE_COLUMNS.map((c) => c.value(k))]);

  for (const d of stats.departments.filter((d) => sheetFor(d.departmentId))) {
    const sheet = book.addWorksheet(d.name.replace(/[\\/?*[\]:]/g, '').slice(0, 31));
    const caseHeaders = [
      '受理编号',
      '类别',
      '状态',
      '派单时间',
      '签收时限',
      '是否按时签收',
      '办结时限',
      '办结时间',
      '是否按时办结',
      '重办次数',
      '评价',
    ];
    title(sheet, `${d.name} 三率台账（${period}）`, caseHeaders.length);
    for (const c of FIGURE_COLUMNS) sheet.addRow([c.header, c.value(d)]);
    sheet.addRow([]);
    header(sheet, caseHeaders);
    for (const c of cases.filter((c) => c.departmentId === d.departmentId)) {
      sheet.addRow([
        c.trackingNo,
        categoryById(c.category)?.name ?? c.category,
        STATUS_TEXT[c.status],
        formatChina(new Date(c.routedAt)),
        formatChina(new Date(c.signDueAt)),
        c.signedOnTime === undefined ? '未签收' : c.signedOnTime ? '是' : '否',
        formatChina(new Date(c.dueAt)),
        c.resolvedAt ? formatChina(new Date(c.resolvedAt)) : '',
        c.resolvedOnTime === undefined ? '' : c.resolvedOnTime ? '是' : '否',
        c.reopenCount,
        c.rating ? (c.rating.byFollowUp ? `回访${c.rating.satisfied ? '满意' : '不满意'}` : `${c.rating.score} 分`) : '',
      ]);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
