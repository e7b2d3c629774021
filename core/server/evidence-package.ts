import { Readable, type Writable } from 'node:stream';
import type { Workbook } from 'exceljs';
import { evidenceLine, packagedTaskState, PACKAGE_INDEX_NAME, type EvidenceLayout, type PackagedFile } from '../ledger/evidence-package';

/**
 * Writes the 迎查 evidence package (core/ledger/evidence-package.ts decides its layout): the index
 * workbook, then every stored file read one at a time and streamed into the zip, so that a campaign of
 * 78 tasks × 20 files never sits in memory at once. exceljs and yazl are required here, never at module
 * scope: they are loaded only when a package is made.
 */

const HEADERS = ['序号', '考评内容', '分值', '自评分', '验收分', '状态', '牵头单位', '配合单位', '证据清单', '缺项', '材料位置'];
const WIDTHS = [8, 40, 6, 8, 8, 10, 16, 20, 44, 18, 22];
const RED = { argb: 'FFC00000' };

/** The index: every task under its area, with its evidence list; a task not done or short of evidence in red. */
export async function packageIndex(title: string, note: string, layout: EvidenceLayout, stored: ReadonlySet<string>): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy: loaded only when a package is made
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const book = new ExcelJS.Workbook();
  book.creator = '双拥服务';
  const sheet = book.addWorksheet('迎查材料索引', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.addRow([note]).font = { italic: true };
  sheet.mergeCells(2, 1, 2, HEADERS.length);
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E5E5' } }));
  for (const area of layout.areas) {
    const heading = sheet.addRow([`${area.folder}（${area.points} 分）`]);
    heading.font = { bold: true };
    sheet.mergeCells(heading.number, 1, heading.number, HEADERS.length);
    for (const t of area.tasks) {
      const { state, gaps, red } = packagedTaskState(t, stored);
      const row = sheet.addRow([
        t.code,
        t.content,
        t.points,
        t.selfScore ?? '',
        t.acceptedScore ?? '',
        state,
        t.lead,
        t.assist.join('、'),
        t.evidence.map((e, i) => `${i + 1}. ${evidenceLine(e, stored)}`).join('\n'),
        gaps.join('；'),
        `${t.folder}/`,
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
      if (red) row.font = { color: RED };
    }
  }
  sheet.columns.forEach((c, i) => (c.width = WIDTHS[i] ?? 10));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What this module uses of yazl's ZipFile (yazl 3). */
interface ZipFile {
  outputStream: NodeJS.ReadableStream;
  on(event: 'error', listener: (e: unknown) => void): void;
  addBuffer(content: Buffer, path: string, options: { mtime: Date }): void;
  addEmptyDirectory(path: string, options: { mtime: Date }): void;
  addReadStreamLazy(
    path: string,
    options: { mtime: Date; compress: boolean },
    open: (cb: (e: unknown, stream: NodeJS.ReadableStream) => void) => void,
  ): void;
  end(): void;
}

// Pictures, PDFs, Office files and archives are compressed already: storing them costs nothing and saves time.
const COMPRESSED = /\.(jpe?g|png|gif|webp|heic|pdf|docx|xlsx|pptx|zip|rar|7z|mp4|mov|mp3|m4a)$/i;

/**
 * Streams the package into `out`: the index at the top, a folder for every area and task (empty when the
 * task has no files, so the folders match the standard), then each stored file in `files`, read by
 * `read` only when the zip is ready to take it. Resolves when `out` has taken everything.
 */
export async function writePackage(
  layout: EvidenceLayout,
  index: Buffer,
  files: readonly PackagedFile[],
  read: (fileID: string) => Promise<Buffer>,
  out: Writable,
  at: Date,
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a package is made
  const yazl = require('yazl') as { ZipFile: new () => ZipFile };
  const zip = new yazl.ZipFile();
  const finished = new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolve);
  });
  zip.outputStream.pipe(out);
  zip.addBuffer(index, PACKAGE_INDEX_NAME, { mtime: at });
  // Every folder on the way to each task's (a 乡镇's part sits under its row's folder), each once.
  const folders = new Set<string>(layout.areas.map((a) => a.folder));
  for (const t of layout.areas.flatMap((a) => a.tasks)) {
    const parts = t.folder.split('/');
    for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  for (const folder of [...folders].sort((a, b) => a.split('/').length - b.split('/').length)) zip.addEmptyDirectory(folder, { mtime: at });
  for (const f of files) {
    // yazl asks for an entry's bytes only once the one before it is written: one file in memory at a time.
    zip.addReadStreamLazy(f.path, { mtime: new Date(f.at), compress: !COMPRESSED.test(f.fileName) }, (cb) => {
      read(f.fileID).then(
        (content) => cb(null, Readable.from([content])),
        (e: unknown) => cb(e, Readable.from([])),
      );
    });
  }
  zip.end();
  await finished;
}
