/**
 * The county's own standard, as its 双拥办 writes it in Excel: a title, headings in its own order with a
 * column of its own, 大项 merged down its rows, 责任单位 by alias with 配合 units, one row for 各乡镇（街道）,
 * 完成时限 as 4月底 and 常态化. It imports in one step; with one misspelled unit it is refused naming the
 * row and the unit meant, and nothing changes; a revised sheet keeps the evidence, scores and problems.
 */
import type ExcelJSModule from 'exceljs';
import { SAMPLE_STANDARD, type SampleRow } from '../../core/ledger/sample-standard';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['ledger', 'files'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterEach(() => t.close());

const ledger = (event: Record<string, unknown>, openid: string) => t.call<Data>('ledger', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};
const stored = () => JSON.stringify(['ledger_areas', 'ledger_tasks', 'ledger_problems'].map((c) => t.cloud.database.all(c)));
const tasks = async () => (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items as Data[];
const byCode = async (code: string) => (await tasks()).find((x) => x.code === code) as Data;

/** The sheet's columns, in the county's order rather than the ledger's, with a column of its own. */
const HEADINGS = ['大项', '序号', '考评内容', '分值', '责任单位', '评分标准', '佐证材料', '完成时限', '备注'];

/**
 * The 78 rows of the demo standard written as a county keeps them; `change` may rewrite a row (by 序号).
 * Answers the workbook and the spreadsheet row of each 序号.
 */
async function countySheet(change: (code: string, row: SampleRow) => SampleRow | null = (_, row) => row, extra: SampleRow[] = []) {
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('考评细则');
  sheet.addRow(['某县创建全国双拥模范县工作任务分解表']);
  sheet.mergeCells(1, 1, 1, HEADINGS.length);
  sheet.addRow(HEADINGS);
  const rowOf = new Map<string, number>();
  SAMPLE_STANDARD.forEach((area, i) => {
    const first = sheet.rowCount + 1;
    const rows = [...area.tasks, ...(i === 0 ? extra : [])];
    rows.forEach((original, j) => {
      const code = `${i + 1}.${j + 1}`;
      const row = change(code, original);
      if (!row) return;
      const [content, points, criteria, owners, deadline, evidence] = row;
      const note = owners.includes('各乡镇') ? '由各乡镇（街道）分别落实' : '';
      sheet.addRow([
        sheet.rowCount + 1 === first ? `${'一二三四五六七八九十'[i]}、${area.name}（${area.points}分）` : '',
        code,
        content,
        points,
        owners,
        criteria,
        evidence,
        deadline,
        note,
      ]);
      rowOf.set(code, sheet.rowCount);
    });
    // The 大项 cell merged down its rows, as counties lay it out.
    sheet.mergeCells(first, 1, sheet.rowCount, 1);
  });
  return { content: Buffer.from(await book.xlsx.writeBuffer()), rowOf };
}

const upload = (content: Buffer) => t.upload('dispatcher', '考评细则.xlsx', content);

function emptyLedger() {
  for (const c of ['ledger_areas', 'ledger_tasks'])
    for (const d of t.cloud.database.all(c))
      t.cloud.database.handle('database.removeDocument', { collectionName: c, query: JSON.stringify({ _id: d._id }), multi: false });
}

test('the county’s 78-row sheet imports in one step: areas, 牵头 and 配合, one task per station, checklists and notes', async () => {
  emptyLedger();
  const { content } = await countySheet();
  const imported = await ok(ledger({ action: 'importStandard', fileID: await upload(content) }, 'dispatcher'));
  expect(imported).toEqual({ title: '某县创建全国双拥模范县工作任务分解表', areas: 10, rows: 78, created: 85, updated: 0 });

  const board = await ok(ledger({ action: 'board' }, 'dispatcher'));
  expect(board.total).toMatchObject({ tasks: 85, points: 100 });
  expect(board.areas.map((a: Data) => [a.name, a.areaPoints, a.points])).toEqual(SAMPLE_STANDARD.map((a) => [a.name, a.points, a.points]));

  // 县民政局、人武部: 民政局 leads, 人武部 works with it; 县人社局 and 法律援助中心 are the county's 人社局 and 司法局.
  expect(await byCode('2.2')).toMatchObject({
    ownerDepartments: ['civil', 'pafd'],
    evidenceNeeded: ['困难家庭台账', '帮扶记录', '回访记录'],
  });
  expect((await byCode('2.4')).ownerDepartments).toEqual(['hrss', 'pafd']);
  expect((await byCode('6.6')).ownerDepartments).toEqual(['justice', 'vab']);
  // 4月底 in the campaign year; 常态化 is the campaign's end, marked.
  expect(await byCode('1.4')).toMatchObject({ deadline: '2027-04-30' });
  expect(await byCode('1.3')).toMatchObject({ deadline: '2027-05-31', ongoing: true });

  // 各乡镇（街道）: each of the eight stations has its part, worth its share of the row's 4 points.
  const parts = (await tasks()).filter((x) => x.part?.code === '10.2');
  expect(parts).toHaveLength(8);
  expect(new Set(parts.map((x) => x.ownerDepartments[0]))).toEqual(
    new Set(
      t.cloud.database
        .all('units')
        .filter((u) => u.kind === 'station')
        .map((u) => u._id),
    ),
  );
  expect(parts.reduce((n, x) => n + x.points, 0)).toBe(4);
  expect(parts[0]).toMatchObject({
    extra: [{ heading: '备注', value: '由各乡镇（街道）分别落实' }],
    evidenceNeeded: ['挂牌照片', '人员名单', '经费拨付凭证', '管理制度'],
  });

  // A station's clerk sees its part as its own.
  const station = parts[0]?.ownerDepartments[0] as string;
  const mine = await ok(ledger({ action: 'tasks', mine: true }, `staff-${station}`));
  expect(mine.items.map((x: Data) => x.code)).toEqual([parts[0]?.code]);
});

test('the same sheet with one misspelled unit is refused naming the row and the unit meant; nothing changes', async () => {
  const { content, rowOf } = await countySheet((code, row) =>
    code === '6.8' ? [row[0], row[1], row[2], '县人设局', row[4], row[5]] : row,
  );
  const before = stored();
  const res = await ledger({ action: 'importStandard', fileID: await upload(content) }, 'dispatcher');
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '表格有 1 处需要修改，什么都没有导入' } });
  if (!res.ok)
    expect(res.error.issues).toEqual([
      { path: ['row', rowOf.get('6.8')], message: `第 ${rowOf.get('6.8')} 行：不认识“县人设局”，是否为 县人社局？` },
    ]);
  expect(stored()).toBe(before);
});

test('a revised sheet keeps each task’s evidence, scores and problems; a changed row is updated, a new one added', async () => {
  const first = await countySheet();
  await ok(ledger({ action: 'importStandard', fileID: await upload(first.content) }, 'dispatcher'));
  const edu = await byCode('2.3');
  await ok(ledger({ action: 'addEvidence', taskId: edu.id, name: '入学安排名单', description: '秋季学期军人子女入学名单' }, 'staff-edu'));
  await ok(ledger({ action: 'updateTask', id: edu.id, status: 'ready', selfScore: 2 }, 'staff-edu'));
  await ok(ledger({ action: 'accept', taskId: edu.id, score: 1.5 }, 'dispatcher'));
  const part = (await tasks()).find((x) => x.part?.code === '10.2') as Data;
  await ok(ledger({ action: 'addEvidence', taskId: part.id, name: '挂牌照片', description: '服务站门牌' }, 'dispatcher'));
  const problem = await ok(
    ledger(
      {
        action: 'saveProblem',
        taskId: edu.id,
        description: '名单缺两名随军子女',
        measure: '补录',
        ownerDepartmentId: 'edu',
        deadline: '2027-01-15',
      },
      'staff-edu',
    ),
  );

  // The 双拥办 revises its sheet: 2.3's wording and deadline change, 5.3's points, and a row is added to 组织领导.
  const revised = await countySheet(
    (code, row) =>
      code === '2.3'
        ? ['军人子女入学入托、转学优待落实', row[1], row[2], row[3], '5月底', '入学安排名单、转学名单']
        : code === '5.3'
          ? [row[0], 2, row[2], row[3], row[4], row[5]]
          : row,
    [['建立双拥工作月调度制度', 1, '每月调度一次', '双拥办', '常态化', '调度记录']],
  );
  const again = await ok(ledger({ action: 'importStandard', fileID: await upload(revised.content) }, 'dispatcher'));
  expect(again).toMatchObject({ areas: 10, rows: 79, created: 1, updated: 85 });

  expect(await byCode('2.3')).toMatchObject({
    id: edu.id,
    content: '军人子女入学入托、转学优待落实',
    deadline: '2027-05-31',
    evidenceNeeded: ['入学安排名单', '转学名单'],
    status: 'accepted',
    selfScore: 2,
    acceptedScore: 1.5,
    evidence: [expect.objectContaining({ name: '入学安排名单' })],
    link: { metric: 'rates', departmentId: 'edu' },
  });
  expect((await byCode(part.code)).evidence).toEqual([expect.objectContaining({ name: '挂牌照片' })]);
  expect((await byCode('5.3')).points).toBe(2);
  expect(await byCode('1.9')).toMatchObject({ status: 'not_started', ownerDepartments: ['office'], ongoing: true });
  expect((await ok(ledger({ action: 'problems', taskId: edu.id }, 'dispatcher'))).items).toEqual([
    expect.objectContaining({ _id: problem._id }),
  ]);
});
