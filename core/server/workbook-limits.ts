import { promisify } from 'node:util';
import { inflateRaw, type InputType, type ZlibOptions } from 'node:zlib';
import { AppError } from '../envelope';

/** What a workbook sent for import may hold. Each is refused with a message that names it, and nothing is written. */
export interface WorkbookLimits {
  /** Bytes of the file as uploaded. */
  fileBytes: number;
  /** Entries in the file's zip directory. */
  entries: number;
  /** Bytes of the parts that are read (workbook, styles, shared strings, sheets) once inflated, together. */
  inflatedBytes: number;
  /** The last row number that may hold anything. */
  rows: number;
  /** The last column number that may hold anything. */
  columns: number;
  /** Characters in one cell. */
  cellChars: number;
  /** Issues answered; the rest are only counted (`moreIssues`). */
  issues: number;
}

/**
 * A county's standard is a few hundred rows of text: the sample template is 10 KB. The row limit leaves several
 * times that, and 2 MB is what the longest sheet it admits takes: 2,000 tasks of 800 distinct characters each
 * (content and criteria) came to 1.9 MB, 5.6 MB inflated — inside 10 MB, which keeps a zip bomb from the parser.
 * A 300,000-row sheet (3–4.5 MB) is refused by its size before anything is inflated.
 */
export const WORKBOOK_LIMITS: WorkbookLimits = {
  fileBytes: 2 * 1024 * 1024,
  entries: 200,
  inflatedBytes: 10 * 1024 * 1024,
  rows: 2000,
  columns: 26,
  cellChars: 2000,
  issues: 50,
};

const megabytes = (n: number) => `${Number((n / 1024 / 1024).toFixed(1))} MB`;

/** Column number → its letters (27 → AA). */
export const columnName = (n: number): string =>
  n <= 0 ? '' : columnName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

const notXlsx = () => new AppError('INVALID_INPUT', '文件不是有效的 .xlsx 表格');

const inflate = promisify(inflateRaw) as (buffer: InputType, options: ZlibOptions) => Promise<Buffer>;

interface Entry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  inflated: number;
  localOffset: number;
}

/** The zip's central directory, checked against the file's bounds. */
function directory(zip: Buffer, limits: WorkbookLimits): Entry[] {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw notXlsx();
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const offset = zip.readUInt32LE(end + 16);
  // A ZIP64 directory (0xFFFF entries or offsets) is for files far past the size limit.
  if (count === 0xffff || offset === 0xffffffff || offset + size > end) throw notXlsx();
  if (count > limits.entries)
    throw new AppError('INVALID_INPUT', `表格文件里的部件不能超过 ${limits.entries} 个（这个文件有 ${count} 个），什么都没有导入`);
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (next > end) throw notXlsx();
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLength);
    entries.push({
      name: nameBytes.toString('utf8'),
      nameBytes,
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressed: zip.readUInt32LE(at + 20),
      inflated: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at = next;
  }
  return entries;
}

/** The parts exceljs's streaming reader uses, in the order that lets it read a sheet straight from the stream. */
const LEADING_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** An entry's compressed bytes, after its local header agrees with the directory. */
function entryData(zip: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw notXlsx();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressed > zip.length) throw notXlsx();
  return zip.subarray(start, start + entry.compressed);
}

/**
 * Checks a workbook against the limits before anything is inflated for parsing, and answers a zip holding only the
 * parts a reader needs — relationships, workbook, styles, shared strings, then the sheets — each with the sizes its
 * directory declared and verified. Every part is inflated here once with its declared size as a hard cap (on
 * libuv's pool, so the host keeps answering), so a file that lies about its sizes is refused rather than allowed to
 * grow; and since the reader sees only what was checked, entries hidden between the directory's are never read.
 */
export async function checkedWorkbook(zip: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<Buffer> {
  if (zip.length > limits.fileBytes)
    throw new AppError(
      'INVALID_INPUT',
      `表格文件不能超过 ${megabytes(limits.fileBytes)}（这个文件有 ${megabytes(zip.length)}），什么都没有导入`,
    );
  const entries = directory(zip, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const leading = LEADING_PARTS.flatMap((name) => byName.get(name) ?? []);
  const sheets = entries.filter((e) => SHEET_PART.test(e.name));
  if (!byName.has('xl/workbook.xml') || !byName.has('xl/_rels/workbook.xml.rels')) throw notXlsx();
  if (sheets.length === 0) throw new AppError('INVALID_INPUT', '表格里没有工作表');
  const parts = [...leading, ...sheets];
  const declared = parts.reduce((n, e) => n + e.inflated, 0);
  if (declared > limits.inflatedBytes)
    throw new AppError(
      'INVALID_INPUT',
      `表格解压后不能超过 ${megabytes(limits.inflatedBytes)}（这个文件解压后有 ${megabytes(declared)}），什么都没有导入`,
    );
  const out: Buffer[] = [];
  for (const part of parts) {
    // Bit 0: encrypted. Methods: 0 stored, 8 deflated; nothing else is an .xlsx.
    if (part.flags & 1 || (part.method !== 0 && part.method !== 8)) throw notXlsx();
    const data = entryData(zip, part);
    if (part.method === 0 && data.length !== part.inflated) throw notXlsx();
    if (part.method === 8) {
      const inflated = await inflate(data, { maxOutputLength: Math.max(1, part.inflated) }).catch(() => null);
      if (!inflated || inflated.length !== part.inflated) throw notXlsx();
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(part.flags & 0x0800, 6); // only "the name is UTF-8"; sizes are in this header, no descriptor
    header.writeUInt16LE(part.method, 8);
    header.writeUInt32LE(part.crc, 14);
    header.writeUInt32LE(part.compressed, 18);
    header.writeUInt32LE(part.inflated, 22);
    header.writeUInt16LE(part.nameBytes.length, 26);
    out.push(header, part.nameBytes, data);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  out.push(end);
  return Buffer.concat(out);
}
