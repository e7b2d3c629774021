/**
 * The standard as an .xlsx. Reading takes the first sheet's rows by heading — the county's own sheet
 * (大项 merged down its rows, columns in any order, a title above) or the ledger's export (大项 as
 * heading rows) — and what they mean is core/ledger/standard-sheet.ts. Writing makes the export (status
 * and scores, one row per 乡镇 part) or the blank template in the county's layout.
 */
import type { Row, Workbook, Worksheet } from 'exceljs';
import type { Organization } from '../org/model';
import { unitName, unitShortName } from '../org/model';
import { AppError } from '../envelope';
import { TASK_STATUS_TEXT, type AreaRecord, type TaskRecord } from '../ledger/model';
import type { Standard } from '../ledger/standard-import';
import {
  columnOf,
  resolveStandard,
  STANDARD_COLUMNS,
  type StandardColumn,
  type StandardRow,
  type StandardRows,
} from '../ledger/standard-sheet';
import { cellText, workbookRows } from './workbook-reader';
import { WORKBOOK_LIMITS, type WorkbookLimits } from './workbook-limits';

const NUMERALS = '一二三四五六七八九十';
const numeral = (n: number) => (n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11]}` : String(n));
/** The rows above the headings a sheet may have (a title, a note, a date): the headings are looked for this far. */
const HEADING_ROWS = 10;
const AREA_HEADING = /^\s*[一二三四五六七八九十百]+\s*[、.．]/;
/** Lines under the table that are not tasks: 合计, or a note on how it was filled in. */
const NOT_A_TASK = /^(合计|总计|小计|总分|注|说明|备注|填表)/;

const exceljs = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy: loaded only for import and export
  return require('exceljs') as { Workbook: new () => Workbook };
};

// ---- reading ----

function textsOf(row: Row): Map<number, string> {
  const texts = new Map<number, string>();
  row.eachCell((cell, col) => {
    const text = cellText(cell.value).trim();
    if (text) texts.set(col, text);
  });
  return texts;
}

/**
 * The first sheet's rows below its headings. The heading row is the first of the top rows with both
 * 序号 and 考评内容 (or their other names); any row above it gives the title. A 大项 cell merged down its
 * rows holds its text in the first row only (as exceljs streams it), so the 大项 is carried down.
 */
export async function readStandardRows(content: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<StandardRows> {
  const sheet: StandardRows = { title: '', headings: null, rows: [] };
  let columns = new Map<number, { column?: StandardColumn; heading: string }>();
  let area = '';
  const visit = (row: Row) => {
    const texts = textsOf(row);
    if (!sheet.headings) {
      if (row.number > HEADING_ROWS) return;
      const found = new Map([...texts].map(([col, text]) => [col, { column: columnOf(text), heading: text }]));
      const named = [...found.values()].map((c) => c.column);
      if (named.includes('code') && named.includes('content')) {
        columns = found;
        sheet.headings = { row: row.number, columns: named.filter((c): c is StandardColumn => c !== undefined) };
      } else if (!sheet.title) sheet.title = [...texts.values()][0] ?? '';
      return;
    }
    const values = [...texts.values()];
    const [only] = values;
    const areaColumn = [...texts.keys()].every((col) => columns.get(col)?.column === 'area');
    if (only !== undefined && values.length === 1 && (AREA_HEADING.test(only) || areaColumn)) {
      area = '';
      sheet.rows.push({ kind: 'area', row: row.number, text: only });
      return;
    }
    const cells: Partial<Record<StandardColumn, string>> = {};
    const extra: { heading: string; value: string }[] = [];
    for (const [col, text] of texts) {
      const at = columns.get(col);
      if (!at) continue;
      if (at.column) cells[at.column] = text;
      else extra.push({ heading: at.heading, value: text });
    }
    if (!cells.code && NOT_A_TASK.test(cells.content ?? cells.area ?? values[0] ?? '')) return;
    if (cells.area) area = cells.area;
    const task: StandardRow = { kind: 'task', row: row.number, area, cells, extra };
    sheet.rows.push(task);
  };
  try {
    for await (const { row } of workbookRows(content, limits)) visit(row);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', '文件不是有效的 .xlsx 表格');
  }
  return sheet;
}

/** Reads and resolves in one step: the standard, or INVALID_INPUT naming every row to fix. */
export async function parseStandard(
  content: Buffer,
  org: Organization,
  campaignEnd: string,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<Standard & { rows: number }> {
  return resolveStandard(await readStandardRows(content, limits), org, { campaignEnd });
}

// ---- writing ----

const LEDGER_COLUMNS: StandardColumn[] = [
  'code',
  'content',
  'points',
  'criteria',
  'kind',
  'owners',
  'deadline',
  'evidence',
  'acceptedScore',
  'status',
  'selfScore',
];
const COUNTY_COLUMNS: StandardColumn[] = ['area', 'code', 'content', 'points', 'criteria', 'owners', 'deadline', 'evidence'];
const WIDTH: Partial<Record<StandardColumn, number>> = {
  area: 18,
  code: 8,
  content: 40,
  criteria: 36,
  owners: 24,
  deadline: 12,
  evidence: 30,
};
const ONGOING_TEXT = '常态化';
const TOWNSHIPS_TEXT = '各乡镇（街道）';

const byOrder = <T extends { order: number }>(list: readonly T[]) => [...list].sort((a, b) => a.order - b.order);

/** A task's cells as the sheet writes them; `names` spells its units. */
function cellsOf(t: TaskRecord, names: (id: string) => string, progress: boolean): Record<StandardColumn, string | number> {
  return {
    area: '',
    code: t.code,
    content: t.content,
    points: t.points,
    criteria: t.criteria,
    kind: t.evidenceKind,
    owners: t.ownerDepartments.map(names).join('、'),
    lead: '',
    partners: '',
    deadline: t.ongoing ? ONGOING_TEXT : t.deadline,
    evidence: (t.evidenceNeeded ?? []).join('、'),
    acceptedScore: progress ? (t.acceptedScore ?? '') : '',
    status: progress ? TASK_STATUS_TEXT[t.status] : '',
    selfScore: progress ? (t.selfScore ?? '') : '',
  };
}

function addHeading(sheet: Worksheet, headings: string[], title: string, note: string) {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, headings.length);
  sheet.addRow([note]).font = { italic: true, color: { argb: 'FF8A1C1C' } };
  sheet.mergeCells(2, 1, 2, headings.length);
  sheet.addRow(headings).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
}

export interface StandardWorkbookOptions {
  /** false: a blank template, no status or scores (importing it must not look like progress). */
  progress?: boolean;
  /**
   * 'ledger' (the export): 大项 as heading rows, each 乡镇's part a row of its own, status and scores.
   * 'county': the sheet a 双拥办 keeps — 大项 merged down its rows, a 各乡镇（街道） row once.
   */
  layout?: 'ledger' | 'county';
}

/** The standard as the office's sheet. */
export async function standardWorkbook(
  title: string,
  note: string,
  areas: AreaRecord[],
  tasks: TaskRecord[],
  org: Organization,
  options: StandardWorkbookOptions = {},
): Promise<Buffer> {
  const book = new (exceljs().Workbook)();
  const sheet = book.addWorksheet('考评标准');
  if (options.layout === 'county') countyLayout(sheet, title, note, areas, tasks, org);
  else ledgerLayout(sheet, title, note, areas, tasks, org, options.progress ?? true);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function ledgerLayout(
  sheet: Worksheet,
  title: string,
  note: string,
  areas: AreaRecord[],
  tasks: TaskRecord[],
  org: Organization,
  progress: boolean,
) {
  // Columns of the county's own sheet the ledger keeps as notes go back out under their headings.
  const extras = [...new Set(tasks.flatMap((t) => (t.extra ?? []).map((e) => e.heading)))];
  const headings = [...LEDGER_COLUMNS.map((c) => STANDARD_COLUMNS[c]), ...extras];
  addHeading(sheet, headings, title, note);
  byOrder(areas).forEach((area, i) => {
    const row = sheet.addRow([`${numeral(i + 1)}、${area.name}（${area.points}分）`]);
    row.font = { bold: true };
    sheet.mergeCells(row.number, 1, row.number, headings.length);
    for (const t of byOrder(tasks.filter((t) => t.areaId === area._id))) {
      const cells = cellsOf(t, (id) => unitName(org, id), progress);
      const extra = new Map((t.extra ?? []).map((e) => [e.heading, e.value]));
      sheet.addRow([...LEDGER_COLUMNS.map((c) => cells[c]), ...extras.map((h) => extra.get(h) ?? '')]);
    }
  });
  sheet.columns.forEach((c, i) => (c.width = WIDTH[LEDGER_COLUMNS[i] as StandardColumn] ?? 10));
}

function countyLayout(sheet: Worksheet, title: string, note: string, areas: AreaRecord[], tasks: TaskRecord[], org: Organization) {
  addHeading(
    sheet,
    COUNTY_COLUMNS.map((c) => STANDARD_COLUMNS[c]),
    title,
    note,
  );
  byOrder(areas).forEach((area, i) => {
    const first = sheet.rowCount + 1;
    const written = new Set<string>();
    for (const t of byOrder(tasks.filter((t) => t.areaId === area._id))) {
      // The 乡镇 parts of one row go back as the row the county wrote: 各乡镇（街道）, their points together.
      if (t.part && written.has(t.part.code)) continue;
      const parts = t.part ? tasks.filter((x) => x.part?.code === t.part?.code) : [t];
      const township = t.part?.unitId;
      const cells = cellsOf(t, (id) => (id === township ? TOWNSHIPS_TEXT : unitShortName(org, id)), false);
      if (t.part) {
        written.add(t.part.code);
        cells.code = t.part.code;
        cells.points = Math.round(parts.reduce((n, x) => n + x.points, 0) * 100) / 100;
      }
      cells.area = sheet.rowCount + 1 === first ? `${numeral(i + 1)}、${area.name}（${area.points}分）` : '';
      sheet.addRow(COUNTY_COLUMNS.map((c) => cells[c]));
    }
    if (sheet.rowCount < first) return;
    if (sheet.rowCount > first) sheet.mergeCells(first, 1, sheet.rowCount, 1);
    sheet.getCell(first, 1).alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.columns.forEach((c, i) => (c.width = WIDTH[COUNTY_COLUMNS[i] as StandardColumn] ?? 10));
}
