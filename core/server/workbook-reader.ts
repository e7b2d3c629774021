/**
 * Reading a workbook a person uploaded for import, row by row as it streams in: the workbook is never held
 * whole, its zip is checked first (workbook-limits.ts), and reading stops at the first limit passed.
 */
import { Readable } from 'node:stream';
import type { Row } from 'exceljs';
import { AppError } from '../envelope';
import { checkedWorkbook, columnName, type WorkbookLimits } from './workbook-limits';

/** A cell as the text a person sees: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in (v as object))
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in (v as object)) return cellText((v as { result: unknown }).result);
  return String(v).trim();
};

type SheetReader = AsyncIterable<Row> & { name?: string };
type StreamReader = AsyncIterable<SheetReader> & { model?: { sheets?: { name?: string }[] }; sharedStrings?: unknown[] };

/**
 * The rows that hold anything, with the name of their sheet: the first tab only (as a person sees the
 * workbook), or every sheet in order. Refuses the whole workbook, naming the row, past a row, column or
 * cell limit.
 */
export async function* workbookRows(
  content: Buffer,
  limits: WorkbookLimits,
  which: 'first' | 'all' = 'first',
): AsyncGenerator<{ sheet: string; row: Row }> {
  const parts = await checkedWorkbook(content, limits);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy: loaded only for import and export
  const { stream } = require('exceljs') as { stream: { xlsx: { WorkbookReader: new (input: Readable, options: object) => StreamReader } } };
  const reader = new stream.xlsx.WorkbookReader(Readable.from([parts]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates are told from numbers by their format
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // checkedWorkbook puts the shared strings before the sheets; with none, exceljs would otherwise park each sheet
  // in a temporary file waiting for them.
  reader.sharedStrings ??= [];
  let found = false;
  for await (const sheet of reader) {
    // A sheet exceljs could not name is taken as it comes.
    const first = reader.model?.sheets?.[0]?.name;
    if (which === 'first' && first !== undefined && sheet.name !== undefined && sheet.name !== first) continue;
    found = true;
    const name = sheet.name ?? '';
    for await (const row of sheet) {
      if (!row.hasValues) continue;
      const n = row.number;
      const where = name && which === 'all' ? `${name} ` : '';
      if (n > limits.rows)
        throw new AppError('INVALID_INPUT', `表格不能超过 ${limits.rows} 行，什么都没有导入`, [
          { path: ['row', n], message: `${where}第 ${n} 行：超过了 ${limits.rows} 行，请删去多余的行` },
        ]);
      row.eachCell((cell, col) => {
        const at = `${where}第 ${n} 行 ${columnName(col)} 列`;
        if (col > limits.columns)
          throw new AppError('INVALID_INPUT', `表格不能超过 ${limits.columns} 列（A 到 ${columnName(limits.columns)}），什么都没有导入`, [
            { path: ['row', n, col], message: `${at}：超出了 ${columnName(limits.columns)} 列，请删去这一列` },
          ]);
        const length = cellText(cell.value).length;
        if (length > limits.cellChars)
          throw new AppError('INVALID_INPUT', `每格不能超过 ${limits.cellChars} 个字，什么都没有导入`, [
            { path: ['row', n, col], message: `${at}：有 ${length} 个字，请精简到 ${limits.cellChars} 个字以内` },
          ]);
      });
      yield { sheet: name, row };
    }
    if (which === 'first') break;
  }
  if (!found) throw new AppError('INVALID_INPUT', '表格里没有工作表');
}
