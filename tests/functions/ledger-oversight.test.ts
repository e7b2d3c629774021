import type { Workbook } from 'exceljs';
import * as yauzl from 'yauzl';
import { startTestCloud, type TestCloud } from './harness';

/**
 * The 迎查 package and the 组织部's annual assessment, through the ledger function: the zip read back
 * entry by entry (folders, file names, the index workbook), and the assessment's sheet.
 */

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['ledger', 'files'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterEach(() => t.close());

const ledger = (event: Record<string, unknown>, openid: string | null) => t.call<Data>('ledger', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};

/** Every entry of a zip, with the contents of those `keep` asks for. */
async function readZip(zip: Buffer, keep: (name: string) => boolean = () => false) {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const names: string[] = [];
  const contents = new Map<string, Buffer>();
  const utf8: boolean[] = [];
  for (;;) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      file.once('entry', resolve);
      file.once('end', () => resolve(null));
      file.once('error', reject);
      file.readEntry();
    });
    file.removeAllListeners();
    if (!entry) break;
    names.push(entry.fileName);
    // Bit 11: the names are UTF-8, so Chinese names read right on every desktop.
    utf8.push((entry.generalPurposeBitFlag & 0x800) !== 0);
    if (keep(entry.fileName)) {
      const stream = await file.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      contents.set(entry.fileName, Buffer.concat(chunks));
    }
  }
  return { names, contents, utf8 };
}

async function sheetRows(content: Buffer) {
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as never);
  const sheet = book.worksheets[0]!;
  const rows: { values: string[]; red: boolean }[] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    rows.push({ values, red: row.getCell(1).font?.color?.argb === 'FFC00000' });
  });
  return rows;
}

test('the 迎查 package holds each task’s evidence in folders that match the standard, and an index of every task', async () => {
  const tasks: Data[] = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items;
  const board = await ok(ledger({ action: 'board' }, 'dispatcher'));
  const edu = tasks.filter((x) => x.ownerDepartments.includes('edu'));
  expect(edu.length).toBeGreaterThan(0);
  const [withFiles, textOnly] = [edu[0]!, tasks.find((x) => !x.ownerDepartments.includes('edu'))!];

  // 教育局 uploads two files of one name and a scan, and puts them on its task; the 双拥办 gives text only on another.
  const photo = await t.upload('staff-edu', '入学照片.jpg', Buffer.alloc(2048, 7));
  const photo2 = await t.upload('staff-edu', '入学照片2.jpg', Buffer.alloc(1024, 9));
  const scan = await t.upload('staff-edu', 'scan.PDF', '%PDF-1.4 入学名单');
  for (const [name, fileID] of [
    ['入学照片', photo],
    ['入学照片', photo2],
    ['入学名单/秋季', scan],
  ] as const)
    await ok(ledger({ action: 'addEvidence', taskId: withFiles.id, name, description: '2026 年秋季入学', fileID }, 'staff-edu'));
  await ok(ledger({ action: 'addEvidence', taskId: textOnly.id, name: '情况说明', description: '已召开专题会议' }, 'dispatcher'));

  const answer = await ok(ledger({ action: 'evidencePackage' }, 'dispatcher'));
  expect(answer).toMatchObject({
    name: '迎查材料包-2026-11-02.zip',
    tasks: tasks.length,
    files: 3,
    url: expect.stringContaining('/storage/'),
  });
  const zip = await readZip(t.cloud.storage.get(answer.fileID) as Buffer, (n) => n.endsWith('.xlsx') || n.endsWith('.pdf'));
  expect(zip.utf8.every(Boolean)).toBe(true);

  // The index at the top; a folder per area, numbered in the standard's order, and one per task within it.
  expect(zip.names[0]).toBe('迎查材料索引.xlsx');
  const areaFolders = board.areas.map((a: Data, i: number) => `${i + 1}-${a.name}/`);
  expect(zip.names.filter((n) => /^[^/]+\/$/.test(n))).toEqual(areaFolders);
  const areaOf = new Map(board.areas.map((a: Data, i: number) => [a.areaId, areaFolders[i]]));
  // Every task has its folder: `<area>/<序号>/`, or a 乡镇's part of a row `<area>/<row 序号>/<序号>-<乡镇>/`.
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const task of tasks) {
    const area = escape(areaOf.get(task.areaId) as string);
    const expected = task.part
      ? new RegExp(`^${area}${escape(task.part.code)}/${escape(task.code)}-[^/]+/$`)
      : new RegExp(`^${area}${escape(task.code)}/$`);
    expect(zip.names.filter((n) => expected.test(n))).toHaveLength(1);
  }
  const taskFolders = zip.names.filter((n) => n.endsWith('/') && n.split('/').length > 2);
  expect(taskFolders.length).toBe(tasks.length + new Set(tasks.flatMap((x) => (x.part ? [x.part.code] : []))).size);
  const folder = zip.names.find((n) => n.startsWith(`${areaOf.get(withFiles.areaId)}`) && n.endsWith(`/${withFiles.code}/`))!;
  expect(folder).toBeDefined();
  expect(zip.names.filter((n) => n.startsWith(folder) && n !== folder)).toEqual([
    `${folder}${withFiles.code}-入学照片.jpg`,
    `${folder}${withFiles.code}-入学照片(2).jpg`,
    `${folder}${withFiles.code}-入学名单_秋季.pdf`,
  ]);
  expect(zip.contents.get(`${folder}${withFiles.code}-入学名单_秋季.pdf`)?.toString()).toBe('%PDF-1.4 入学名单');

  // The index lists every task with its evidence; a task without any is marked and red.
  const rows = await sheetRows(zip.contents.get('迎查材料索引.xlsx')!);
  const taskRows = new Map(rows.filter((r) => tasks.some((x) => x.code === r.values[0])).map((r) => [r.values[0], r]));
  expect([...taskRows.keys()].sort()).toEqual(tasks.map((x) => x.code).sort());
  const evidenced = taskRows.get(withFiles.code)!;
  expect(evidenced.values[8]).toBe(
    [
      `1. ${withFiles.code}-入学照片.jpg（2026-11-02）`,
      `2. ${withFiles.code}-入学照片(2).jpg（2026-11-02）`,
      `3. ${withFiles.code}-入学名单_秋季.pdf（2026-11-02）`,
    ].join('\n'),
  );
  expect(evidenced.values[6]).toBe('教育局');
  expect(taskRows.get(textOnly.code)!.values[8]).toBe('1. 情况说明（2026-11-02，文字说明，无附件）');
  const bare = tasks.find((x) => x.id !== withFiles.id && x.id !== textOnly.id)!;
  expect(taskRows.get(bare.code)).toMatchObject({ red: true });
  expect(taskRows.get(bare.code)!.values[9]).toBe('未完成；缺佐证材料');
});

test('a file storage lost is listed as missing; only the 双拥办, admins and leaders may package', async () => {
  const task = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items.find((x: Data) => x.ownerDepartments.includes('edu'));
  const kept = await t.upload('staff-edu', 'kept.pdf', 'kept');
  const lost = await t.upload('staff-edu', 'lost.pdf', 'lost');
  for (const fileID of [kept, lost])
    await ok(ledger({ action: 'addEvidence', taskId: task.id, name: '名单', description: '名单', fileID }, 'staff-edu'));
  t.cloud.storage.remove(lost);

  for (const who of ['staff-edu', 'resident-1'])
    expect(await ledger({ action: 'evidencePackage' }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const answer = await ok(ledger({ action: 'evidencePackage' }, 'leader'));
  expect(answer.files).toBe(1);
  const zip = await readZip(t.cloud.storage.get(answer.fileID) as Buffer, (n) => n.endsWith('.xlsx'));
  expect(zip.names.filter((n) => n.endsWith('.pdf'))).toEqual([
    expect.stringMatching(new RegExp(`/${task.code}/${task.code}-名单\\.pdf$`)),
  ]);
  const row = (await sheetRows(zip.contents.get('迎查材料索引.xlsx')!)).find((r) => r.values[0] === task.code)!;
  expect(row.values[8]).toContain(`${task.code}-名单(2).pdf（2026-11-02，文件缺失）`);
  expect(row).toMatchObject({ red: true });
  // The package is the leader's own export: nobody else gets a link to it.
  const links = await t.call<Data>('files', { action: 'urls', fileIDs: [answer.fileID] }, 'dispatcher');
  expect(links).toMatchObject({ ok: true, data: { items: [] } });
});

test('the annual assessment: one row per unit, and its sheet', async () => {
  const tasks: Data[] = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items;
  const task = tasks.find((x) => x.ownerDepartments[0] === 'edu')!;
  await ok(ledger({ action: 'addEvidence', taskId: task.id, name: '名单', description: '入学名单' }, 'staff-edu'));
  await ok(ledger({ action: 'updateTask', id: task.id, status: 'ready', selfScore: task.points }, 'staff-edu'));
  const accepted = await ok(ledger({ action: 'accept', taskId: task.id, score: task.points / 2 }, 'dispatcher'));
  expect(accepted.acceptedAt).toBe(new Date('2026-11-02T01:00:00.000Z').toISOString());

  expect(await ledger({ action: 'assessment', year: 2026 }, 'staff-edu')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await ledger({ action: 'assessment', year: 2027 }, 'leader')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  const a = await ok(ledger({ action: 'assessment', year: 2026 }, 'leader'));
  expect(a).toMatchObject({ year: 2026, asOf: '2026-11-02' });
  const held = tasks.filter((x) => x.ownerDepartments.includes('edu'));
  const edu = a.units.find((u: Data) => u.departmentId === 'edu');
  expect(edu).toMatchObject({
    name: '教育局',
    lead: held.filter((x) => x.ownerDepartments[0] === 'edu').length,
    assist: held.filter((x) => x.ownerDepartments[0] !== 'edu').length,
    earned: task.points / 2,
    expected: task.points,
    possible: held.reduce((n, x) => n + x.points, 0),
    onTime: task.deadline >= '2026-11-02' ? 1 : 0,
  });
  expect(a.total.tasks).toBe(tasks.length);

  const file = await ok(ledger({ action: 'exportAssessment', year: 2026 }, 'dispatcher'));
  expect(file.name).toBe('2026年度创建工作考评.xlsx');
  const rows = await sheetRows(t.cloud.storage.get(file.fileID) as Buffer);
  expect(rows[2]!.values.slice(0, 3)).toEqual(['单位', '牵头任务', '配合任务']);
  expect(rows.find((r) => r.values[0] === '教育局')!.values.slice(1, 3)).toEqual([String(edu.lead), String(edu.assist)]);
  expect(rows.at(-1)!.values[0]).toBe('全县合计（任务数）');
  expect(rows.length).toBe(3 + a.units.length + 1);
});
