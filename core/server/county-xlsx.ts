/**
 * The county setup workbook as an .xlsx: three sheets (成员单位, 乡镇街道, 服务站) with a heading row
 * each. Reading finds each sheet by its name and each column by its heading, in any order and below any
 * title rows; what the rows mean is core/org/county.ts.
 */
import type { Row, Workbook } from 'exceljs';
import type * as PinyinPro from 'pinyin-pro';
import { AppError } from '../envelope';
import { COUNTY_COLUMNS, COUNTY_SHEETS, countyRows, type CountyRows, type CountySheet } from '../org/county';
import type { Organization } from '../org/model';
import { cellText, workbookRows } from './workbook-reader';
import { WORKBOOK_LIMITS, type WorkbookLimits } from './workbook-limits';

const SHEET_BY_NAME = new Map<string, CountySheet>(Object.entries(COUNTY_SHEETS).map(([key, name]) => [name, key as CountySheet]));
/** The column each sheet cannot do without: the row that holds it is the heading row. */
const NAME_COLUMN: Record<CountySheet, string> = { units: '单位名称', regions: '名称', stations: '名称' };

/** A heading as written, without a required-field star or a note in brackets. */
const heading = (text: string) =>
  text
    .replace(/[*＊]/g, '')
    .replace(/[（(].*?[)）]/g, '')
    .trim();

/** The workbook's rows, each with its cells keyed by heading. A sheet the workbook lacks has no rows. */
export async function readCountyWorkbook(content: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<CountyRows> {
  const rows: CountyRows = { units: [], regions: [], stations: [] };
  const headings = new Map<CountySheet, Map<number, string>>();
  let seen = false;
  for await (const { sheet: name, row } of workbookRows(content, limits, 'all')) {
    const sheet = SHEET_BY_NAME.get(name.trim());
    if (!sheet) continue;
    seen = true;
    const texts = cellsOf(row);
    const columns = headings.get(sheet);
    if (!columns) {
      if ([...texts.values()].map(heading).includes(NAME_COLUMN[sheet])) {
        headings.set(sheet, new Map([...texts].map(([col, text]) => [col, heading(text)])));
      }
      continue;
    }
    const cells: Record<string, string> = {};
    for (const [col, text] of texts) {
      const column = columns.get(col);
      if (column && text) cells[column] = text;
    }
    if (Object.keys(cells).length) rows[sheet].push({ row: row.number, cells });
  }
  if (!seen) {
    throw new AppError('INVALID_INPUT', `表格里没有“${Object.values(COUNTY_SHEETS).join('”“')}”中的任何一张表，请用导出的县情表填写`);
  }
  return rows;
}

function cellsOf(row: Row): Map<number, string> {
  const texts = new Map<number, string>();
  row.eachCell((cell, col) => texts.set(col, cellText(cell.value)));
  return texts;
}

/** The organization as the workbook an admin fills in: what is there now, ready to add rows to. */
export async function countyWorkbook(org: Organization): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy: loaded only for import and export
  const { Workbook } = require('exceljs') as { Workbook: new () => Workbook };
  const book = new Workbook();
  const data = countyRows(org);
  for (const sheet of Object.keys(COUNTY_SHEETS) as CountySheet[]) {
    const ws = book.addWorksheet(COUNTY_SHEETS[sheet]);
    ws.addRow([...COUNTY_COLUMNS[sheet]]).font = { bold: true };
    for (const row of data[sheet]) ws.addRow(row);
    ws.columns.forEach((c, i) => (c.width = i === 1 || i === 8 ? 28 : 14));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A new unit's or 乡镇's id, from its name in pinyin (县人社局 → rensheju). */
export function pinyinIds(): (name: string) => string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a workbook adds units
  const { pinyin } = require('pinyin-pro') as typeof PinyinPro;
  return (name) =>
    (pinyin(name.replace(/^县/, ''), { toneType: 'none', type: 'array', v: true }) as string[])
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 32);
}
