/**
 * Workbook imports have limits (issue 13): a hostile workbook is refused quickly, by a limit it names, with at most
 * 50 issues and nothing written, while the host keeps answering everyone else.
 */
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import type ExcelJSModule from 'exceljs';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { SAMPLE_STANDARD } from '../../core/ledger/sample-standard';
import type { Envelope, ErrorBody } from '../../core/envelope';
import { parseStandard } from '../../core/server/standard-xlsx';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import { WORKBOOK_LIMITS } from '../../core/server/workbook-limits';
import { createHostServer } from '../../local/http';
import { startTestCloud, type TestCloud } from './harness';
import { columnLetters, hostileRows, rowXml, workbookOf, workbookParts, zip } from './xlsx-fixtures';

/** 5月31日 of the demo's campaign: the year a 4月底 falls in. */
const CAMPAIGN_END = '2027-05-31';

let t: TestCloud;
let server: http.Server;
let base: string;
/** The issue's workbook: 300,000 numbered rows, each failing five checks (about 3 MB). */
let rows300k: Buffer;

beforeAll(async () => {
  rows300k = zip(workbookParts(hostileRows(300_000)));
  // files: uploads go through the host as the app sends them, owned by the office's dispatcher.
  t = startTestCloud({ functions: ['ledger', 'files'], startAt: '2026-11-02T09:00:00+08:00' });
  server = createHostServer({ cloud: t.cloud });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The standard as it stands: the sample, imported through the host. It also loads exceljs once, as any warm
  // instance has, so what is measured below is the hostile file and not the first require.
  const sample = (await api({ action: 'sampleTemplate' })) as { ok: true; data: { fileID: string } };
  const imported = await api({ action: 'importStandard', fileID: await upload(t.cloud.storage.get(sample.data.fileID) as Buffer) });
  // The seeded ledger is the sample already: every task is updated in place, the 各乡镇（街道） row's eight too.
  const rows = SAMPLE_STANDARD.reduce((n, a) => n + a.tasks.length, 0);
  expect(imported).toMatchObject({ ok: true, data: { areas: SAMPLE_STANDARD.length, rows, created: 0, updated: rows - 1 + 8 } });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.close();
});

async function api(event: Record<string, unknown>, openid = 'dispatcher'): Promise<Envelope<unknown> & { status: number }> {
  const res = await fetch(`${base}/api/ledger`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', 'x-openid': openid },
  });
  return { ...((await res.json()) as Envelope<unknown>), status: res.status };
}

/** Everything the ledger holds, to show a refused import wrote nothing. */
const ledgerState = () => JSON.stringify(['ledger_areas', 'ledger_tasks'].map((c) => t.cloud.database.all(c)));

/** Uploads through the host, as the office's browser does; answers the file ID. */
async function upload(content: Buffer): Promise<string> {
  const res = await fetch(`${base}/storage/upload?name=standard.xlsx`, {
    method: 'POST',
    body: new Uint8Array(content),
    headers: { 'x-openid': 'dispatcher' },
  });
  const answer = (await res.json()) as Envelope<{ fileID: string }>;
  if (!answer.ok) throw new Error(`upload refused: ${answer.error.message}`);
  return answer.data.fileID;
}

/** Imports `content` through the host while asking /healthz, one request after another, until the import answers. */
async function importWhileProbing(content: Buffer) {
  const fileID = await upload(content);
  let done = false;
  const started = performance.now();
  const importing = api({ action: 'importStandard', fileID }).finally(() => (done = true));
  const healthz: number[] = [];
  while (!done) {
    const at = performance.now();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    healthz.push(performance.now() - at);
  }
  const answer = await importing;
  return { answer, ms: performance.now() - started, healthz };
}

const refusal = (answer: Envelope<unknown>): ErrorBody => {
  if (answer.ok) throw new Error('the import was accepted');
  return answer.error;
};

test('the 300,000-row workbook is refused by its size at once, nothing written, /healthz answering throughout', async () => {
  expect(rows300k.length).toBeGreaterThan(WORKBOOK_LIMITS.fileBytes);
  const before = ledgerState();
  const { answer, healthz } = await importWhileProbing(rows300k);
  expect(answer.status).toBe(400);
  const error = refusal(answer);
  expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^表格文件不能超过 2 MB（这个文件有 3\.\d MB）/) });
  expect(error.issues ?? []).toHaveLength(0);
  expect(Math.max(...healthz)).toBeLessThan(1000);
  expect(ledgerState()).toBe(before);
});

test('the same rows under the size limits are refused at row 2,001 by the streaming reader, /healthz answering throughout', async () => {
  // 60,000 rows fit in 2 MB and 10 MB inflated: only reading the sheet can refuse them.
  const rows60k = zip(workbookParts(hostileRows(60_000)));
  expect(rows60k.length).toBeLessThan(WORKBOOK_LIMITS.fileBytes);
  const before = ledgerState();
  const { answer, healthz } = await importWhileProbing(rows60k);
  const error = refusal(answer);
  expect(error).toMatchObject({
    code: 'INVALID_INPUT',
    message: '表格不能超过 2000 行，什么都没有导入',
    issues: [{ path: ['row', 2001], message: '第 2001 行：超过了 2000 行，请删去多余的行' }],
  });
  // Before the limits, the 300,000-row workbook held the event loop for seconds at a time.
  expect(Math.max(...healthz)).toBeLessThan(1000);
  expect(ledgerState()).toBe(before);
});

/** The headings of the ledger's export, as the rows below are laid out. */
const HEADINGS = ['序号', '考评内容', '分值', '评分标准', '证据类型', '责任单位', '完成时限', '考评得分', '状态', '自评分'];
/** A task row failing five checks: no content, points not a number, an unknown evidence kind, no unit, no deadline. */
const badRow = (i: number) => [`1.${i + 1}`, '', 'x', '', '照片'];

test('an issue list over 50 is cut, with the count of the rest, through the host', async () => {
  const bad = workbookOf([['某省标准'], HEADINGS, ['一、组织领导坚强有力（6分）'], ...Array.from({ length: 30 }, (_, i) => badRow(i))]);
  const before = ledgerState();
  const { answer } = await importWhileProbing(bad);
  const error = refusal(answer);
  // Each row: no content, points not a number, evidence kind, deadline and unit — five issues, 150 in all.
  expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '表格有 150 处需要修改，什么都没有导入', moreIssues: 100 });
  expect(error.issues).toHaveLength(50);
  expect(error.issues?.[0]).toEqual({ path: ['row', 4], message: '第 4 行：缺少考评内容' });
  expect(error.issues?.[49]?.path).toEqual(['row', 13]);
  expect(ledgerState()).toBe(before);
});

test('a list of 50 issues or fewer carries no count', async () => {
  const bad = workbookOf([['某省标准'], HEADINGS, ['一、组织领导坚强有力（6分）'], ...Array.from({ length: 10 }, (_, i) => badRow(i))]);
  const error = refusal(await api({ action: 'importStandard', fileID: await upload(bad) }));
  expect(error.issues).toHaveLength(50);
  expect(error).not.toHaveProperty('moreIssues');
});

test('a file over 2 MB is refused before it is read, whatever it holds', async () => {
  // A sound sheet, with a 3 MB picture that does not compress.
  const book = zip([
    ...workbookParts([rowXml(1, ['某省标准']), rowXml(2, ['一、组织领导坚强有力（6分）'])].join('')),
    { name: 'xl/media/image1.png', data: randomBytes(3 * 1024 * 1024) },
  ]);
  const before = ledgerState();
  const answer = await api({ action: 'importStandard', fileID: await upload(book) });
  expect(answer.status).toBe(400);
  expect(refusal(answer).message).toMatch(/^表格文件不能超过 2 MB（这个文件有 3 MB），什么都没有导入$/);
  expect(ledgerState()).toBe(before);
});

describe('the parser on its own', () => {
  const sheetOf = (xml: string) =>
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xml}</sheetData></worksheet>`;
  // 30 MB of spaces between two rows: about 30 KB deflated.
  const bombSheet = () => sheetOf(rowXml(1, ['某省标准']) + ' '.repeat(30 * 1024 * 1024) + rowXml(2, ['一、组织领导坚强有力（6分）']));

  test('a zip bomb is refused from its directory, without being inflated', async () => {
    const bomb = zip(workbookParts(Buffer.from(bombSheet())));
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(parseStandard(bomb, DEMO_ORGANIZATION, CAMPAIGN_END)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^表格解压后不能超过 10 MB（这个文件解压后有 30 MB），什么都没有导入$/),
    });
  });

  test('a zip that says its sheet is small is refused when the sheet inflates past what it said', async () => {
    const parts = workbookParts(Buffer.from(bombSheet())).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, claimedSize: 4096 } : p,
    );
    const rss = process.memoryUsage().rss;
    await expect(parseStandard(zip(parts), DEMO_ORGANIZATION, CAMPAIGN_END)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '文件不是有效的 .xlsx 表格',
    });
    // Inflating stopped at the 4 KB it declared, not at 30 MB.
    expect(process.memoryUsage().rss - rss).toBeLessThan(25 * 1024 * 1024);
  });

  test('a zip with too many parts is refused by its directory', async () => {
    const book = zip([
      ...workbookParts(rowXml(1, ['某省标准'])),
      ...Array.from({ length: 200 }, (_, i) => ({ name: `xl/media/${i}.txt`, data: 'x' })),
    ]);
    await expect(parseStandard(book, DEMO_ORGANIZATION, CAMPAIGN_END)).rejects.toMatchObject({
      message: '表格文件里的部件不能超过 200 个（这个文件有 205 个），什么都没有导入',
    });
  });

  test('a cell past column Z, or longer than 2,000 characters, is refused by the limit it passes', async () => {
    const wide = zip(
      workbookParts([rowXml(1, ['某省标准']), rowXml(2, ['一、组织领导坚强有力（6分）', { at: 27, value: '备注' }])].join('')),
    );
    await expect(parseStandard(wide, DEMO_ORGANIZATION, CAMPAIGN_END)).rejects.toMatchObject({
      message: '表格不能超过 26 列（A 到 Z），什么都没有导入',
      issues: [{ path: ['row', 2, 27], message: '第 2 行 AA 列：超出了 Z 列，请删去这一列' }],
    });
    expect(columnLetters(27)).toBe('AA');
    const long = workbookOf([
      ['某省标准'],
      HEADINGS,
      ['一、组织领导坚强有力（6分）'],
      ['1.1', '很'.repeat(2001), 2, '有文件', '档案资料', '双拥办', '2027-04-30'],
    ]);
    await expect(parseStandard(long, DEMO_ORGANIZATION, CAMPAIGN_END)).rejects.toMatchObject({
      message: '每格不能超过 2000 个字，什么都没有导入',
      issues: [{ path: ['row', 4, 2], message: '第 4 行 B 列：有 2001 个字，请精简到 2000 个字以内' }],
    });
    const fits = workbookOf([
      ['某省标准'],
      HEADINGS,
      ['一、组织领导坚强有力（6分）'],
      ['1.1', '很'.repeat(2000), 2, '有文件', '档案资料', '双拥办', '2027-04-30'],
    ]);
    expect((await parseStandard(fits, DEMO_ORGANIZATION, CAMPAIGN_END)).areas[0]?.tasks[0]?.content).toHaveLength(2000);
  });

  test('a sheet from Excel reads as before: shared strings after the sheet, rich text, formulas, dates, the first tab', async () => {
    const ExcelJS = require('exceljs') as typeof ExcelJSModule;
    const book = new ExcelJS.Workbook();
    // Added first, so it is the first tab; the second sheet must not be read.
    const sheet = book.addWorksheet('考评标准');
    book.addWorksheet('说明').addRow(['1.9', '说明页上的行不是任务']);
    sheet.addRow(['某省双拥模范县考评标准']);
    sheet.addRow(HEADINGS);
    sheet.addRow(['一、组织领导坚强有力（6分）']);
    const task = sheet.addRow([
      '1.1',
      { richText: [{ text: '制定' }, { font: { bold: true }, text: '创建规划' }] },
      { formula: '1+1', result: 2 },
      '有文件',
      '档案资料',
      '双拥办、教育局',
      new Date(Date.UTC(2027, 3, 30)),
      '',
      '推进中',
      1.5,
    ]);
    task.getCell(7).numFmt = 'yyyy-mm-dd';
    // exceljs's stream reader parks a sheet that comes before the shared strings in a temporary file (tmp-<pid>-…);
    // the parts are reordered so that it never has to.
    const parked = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`)).length;
    const parkedBefore = parked();
    const parsed = await parseStandard(Buffer.from(await book.xlsx.writeBuffer()), DEMO_ORGANIZATION, CAMPAIGN_END);
    expect(parked()).toBe(parkedBefore);
    expect(parsed).toEqual({
      title: '某省双拥模范县考评标准',
      rows: 1,
      areas: [
        {
          name: '组织领导坚强有力',
          points: 6,
          tasks: [
            {
              code: '1.1',
              content: '制定创建规划',
              points: 2,
              criteria: '有文件',
              evidenceKind: '档案资料',
              ownerDepartments: ['office', 'edu'],
              deadline: '2027-04-30',
              status: 'in_progress',
              selfScore: 1.5,
            },
          ],
        },
      ],
    });
  });

  test('what is not an .xlsx is refused as such', async () => {
    await expect(parseStandard(Buffer.from('这不是表格'), DEMO_ORGANIZATION, CAMPAIGN_END)).rejects.toMatchObject({
      message: '文件不是有效的 .xlsx 表格',
    });
    const noSheet = zip(workbookParts('').filter((p) => p.name !== 'xl/worksheets/sheet1.xml'));
    await expect(parseStandard(noSheet, DEMO_ORGANIZATION, CAMPAIGN_END)).rejects.toMatchObject({ message: '表格里没有工作表' });
  });
});
