/**
 * The county's standard sheet: read by its headings (core/server/standard-xlsx.ts) and resolved against
 * the county's units (core/ledger/standard-sheet.ts) — 大项 merged down its rows, headings in any order
 * under a title, units by alias with 牵头 first, 各乡镇（街道） as one task per 乡镇, deadlines as counties
 * write them, and every unknown unit named by its row with the closest known one.
 */
import type ExcelJSModule from 'exceljs';
import { AppError } from '../../core/envelope';
import { mergeStandard } from '../../core/ledger/standard-import';
import { deadlineOf, evidenceItems, resolveStandard, splitPoints, type StandardRows } from '../../core/ledger/standard-sheet';
import { editDistance, suggestUnit } from '../../core/org/suggest';
import { readStandardRows } from '../../core/server/standard-xlsx';
import { aSheet, aSheetRow, aTask, anEvidence } from './builders/ledger';
import { demoOrg, withRetired, withUnit } from './builders/org';

const END = '2027-05-31';
const resolve = (sheet: StandardRows, org = demoOrg) => resolveStandard(sheet, org, { campaignEnd: END });
const tasksOf = (sheet: StandardRows, org = demoOrg) => resolve(sheet, org).areas.flatMap((a) => a.tasks);

/** The refusal's issue messages, or a failure when the sheet was taken. */
function refusal(sheet: StandardRows, org = demoOrg): { message: string; issues: string[]; more?: number } {
  try {
    resolve(sheet, org);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { message: e.message, issues: (e.issues ?? []).map((i) => i.message), ...(e.moreIssues ? { more: e.moreIssues } : {}) };
  }
  throw new Error('the sheet was taken');
}

/** An .xlsx written with exceljs as a county's clerk would, read back by heading. */
async function workbook(fill: (sheet: ExcelJSModule.Worksheet) => void): Promise<StandardRows> {
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('考评细则'));
  return readStandardRows(Buffer.from(await book.xlsx.writeBuffer()));
}

describe('reading the sheet by its headings', () => {
  test('a title row, headings in another order, 大项 merged down its rows and an extra column kept as a note', async () => {
    const rows = await workbook((sheet) => {
      sheet.addRow(['某县创建全国双拥模范县考评细则（2027年）']);
      sheet.mergeCells(1, 1, 1, 9);
      sheet.addRow(['序号', '大项', '责任单位', '考评内容', '分值（分）', '完成时限', '评分标准', '佐证材料', '分管县领导']);
      sheet.addRow(['1.1', '一、组织领导（3分）', '双拥办', '纳入发展规划', 2, '2027-04-30', '有文件得 2 分', '规划文件', '王副县长']);
      sheet.addRow(['1.2', '', '县人社局、人武部', '随军家属就业', 1, '4月底', '安置率 100%', '安置名单、就业协议', '']);
      sheet.mergeCells(3, 2, 4, 2);
      sheet.addRow(['2.1', '二、拥军优属', '各乡镇（街道）', '服务站建设', 4, '常态化', '每站 0.5 分', '挂牌照片', '李副县长']);
      sheet.addRow(['', '合计', '', '', 7]);
    });
    expect(rows.title).toBe('某县创建全国双拥模范县考评细则（2027年）');
    expect(rows.headings?.row).toBe(2);
    // Merged: the 大项 is in the first row's cell only, and is carried down.
    expect(rows.rows.map((r) => (r.kind === 'task' ? [r.row, r.area] : r))).toEqual([
      [3, '一、组织领导（3分）'],
      [4, '一、组织领导（3分）'],
      [5, '二、拥军优属'],
    ]);
    const standard = resolve(rows);
    expect(standard.areas.map((a) => [a.name, a.points, a.tasks.length])).toEqual([
      ['组织领导', 3, 2],
      // No points in its heading: the 大项 is worth its tasks.
      ['拥军优属', 4, 8],
    ]);
    expect(standard.rows).toBe(3);
    const [first, second] = standard.areas[0]?.tasks ?? [];
    expect(first).toMatchObject({ code: '1.1', ownerDepartments: ['office'], extra: [{ heading: '分管县领导', value: '王副县长' }] });
    expect(second).toMatchObject({ ownerDepartments: ['hrss', 'pafd'], deadline: '2027-04-30', evidenceNeeded: ['安置名单', '就业协议'] });
    expect(second).not.toHaveProperty('extra');
  });

  test('the ledger’s own export reads too: 大项 as heading rows, status and scores', async () => {
    const rows = await workbook((sheet) => {
      sheet.addRow(['双拥模范县创建考评台账']);
      sheet.addRow(['状态和得分为导出时的情况']);
      sheet.addRow(['序号', '考评内容', '分值', '评分标准', '证据类型', '责任单位', '完成时限', '佐证材料', '考评得分', '状态', '自评分']);
      sheet.addRow(['一、组织领导坚强有力（6分）']);
      sheet.mergeCells(4, 1, 4, 11);
      sheet.addRow(['1.1', '有规划', 2, '有文件', '档案资料', '双拥办', '2027-04-30', '规划文件', '', '自评达标', 1.5]);
      sheet.addRow(['10.2-3', '服务站建设', 0.5, '达标', '基础设施', '西城街道退役军人服务站', '常态化', '', '', '', '']);
    });
    expect(rows.rows.map((r) => r.kind)).toEqual(['area', 'task', 'task']);
    const [office, part] = tasksOf(rows);
    expect(office).toMatchObject({ evidenceKind: '档案资料', status: 'ready', selfScore: 1.5, evidenceNeeded: ['规划文件'] });
    // A 乡镇's part stays that 乡镇's part when the export comes back.
    expect(part).toMatchObject({ code: '10.2-3', part: { code: '10.2', unitId: 'station-xicheng' }, ongoing: true, deadline: END });
  });

  test('no heading row among the first rows: one issue saying what the headings are', async () => {
    const rows = await workbook((sheet) => {
      sheet.addRow(['一、组织领导（6分）']);
      sheet.addRow(['1.1', '有规划', 2, '有文件', '档案资料', '双拥办', '2027-04-30']);
    });
    expect(rows.headings).toBeNull();
    expect(refusal(rows).issues).toEqual(['没有找到表头：前几行里要有“序号”“考评内容”“分值”“责任单位”“完成时限”这些列名']);
  });
});

describe('责任单位', () => {
  test('by name, short name or alias, with or without 县; the first is 牵头, duplicates once', () => {
    const [task] = tasksOf(aSheet([{ owners: '县退役军人事务局（牵头）、人力社保局，法律援助中心；县人武部、退役局' }]));
    expect(task?.ownerDepartments).toEqual(['vab', 'hrss', 'justice', 'pafd']);
  });

  test('牵头单位 and 配合单位 in columns of their own', () => {
    const sheet = aSheet([]);
    sheet.headings = { row: 2, columns: ['area', 'code', 'content', 'points', 'lead', 'partners', 'deadline'] };
    sheet.rows = [
      {
        kind: 'task',
        row: 3,
        area: '一、组织领导',
        cells: { ...aSheetRow({ owners: '' }), lead: '民政局', partners: '人武部、双拥办' },
        extra: [],
      },
    ];
    expect(tasksOf(sheet)[0]?.ownerDepartments).toEqual(['civil', 'pafd', 'office']);
  });

  test('各乡镇（街道）: one task per station when the county has no 乡镇 units, numbered, points split, the other units kept', () => {
    const tasks = tasksOf(aSheet([{ code: '10.2', owners: '退役军人事务局、各乡镇（街道）', points: '3', evidence: '挂牌照片' }]));
    expect(tasks).toHaveLength(8);
    expect(tasks.map((t) => t.code)).toEqual(['10.2-1', '10.2-2', '10.2-3', '10.2-4', '10.2-5', '10.2-6', '10.2-7', '10.2-8']);
    // In the order of their names: 白云乡, 城关街道, …
    expect(tasks[0]).toMatchObject({ ownerDepartments: ['vab', 'station-baiyun'], part: { code: '10.2', unitId: 'station-baiyun' } });
    expect(tasks.map((t) => t.points)).toEqual([0.38, 0.38, 0.38, 0.38, 0.37, 0.37, 0.37, 0.37]);
    expect(tasks.every((t) => t.evidenceNeeded?.[0] === '挂牌照片' && t.content === tasks[0]?.content)).toBe(true);
  });

  test.each(['各乡镇', '各街道', '各乡镇街道', '各乡镇、街道', '各镇（街道）'])('%s is every 乡镇 too', (owners) => {
    expect(tasksOf(aSheet([{ owners }]))).toHaveLength(8);
  });

  test('a county with 乡镇 governments gives the row to them, not to the stations', () => {
    let org = withUnit(demoOrg, { id: 'gov-hekou', name: '河口镇人民政府', kind: 'township', regionId: 'hekou' });
    org = withUnit(org, { id: 'gov-liulin', name: '柳林乡人民政府', kind: 'township', regionId: 'liulin' });
    expect(tasksOf(aSheet([{ owners: '各乡镇（街道）', points: '1' }]), org).map((t) => [t.ownerDepartments, t.points])).toEqual([
      [['gov-hekou'], 0.5],
      [['gov-liulin'], 0.5],
    ]);
  });

  test('an unknown unit is named by its row with the closest known name, in the writer’s own style', () => {
    const { message, issues } = refusal(
      aSheet([
        { code: '1.1' },
        { code: '1.2', owners: '县人设局、人武部' },
        { code: '1.3', owners: '退役军人事物局' },
        { code: '1.4', owners: '火星局' },
      ]),
    );
    expect(message).toBe('表格有 3 处需要修改，什么都没有导入');
    expect(issues).toEqual([
      '第 4 行：不认识“县人设局”，是否为 县人社局？',
      '第 5 行：不认识“退役军人事物局”，是否为 退役军人事务局？',
      '第 6 行：不认识“火星局”，本县没有这个单位（可在县情设置里添加别名）',
    ]);
  });

  test('a retired unit takes no task; a county with no 乡镇 or station cannot share a row among them', () => {
    expect(refusal(aSheet([{ owners: '教育局' }]), withRetired(demoOrg, 'edu')).issues).toEqual([
      '第 3 行：“教育局”已撤销，不能再承担任务',
    ]);
    const noTownships = { ...demoOrg, units: demoOrg.units.filter((u) => u.kind !== 'station') };
    expect(refusal(aSheet([{ owners: '各乡镇（街道）' }]), noTownships).issues).toEqual([
      '第 3 行：“各乡镇（街道）”：本县还没有乡镇（街道）或服务站，请先在县情设置里导入',
    ]);
  });

  test('closeness: one edit in three characters, none when nothing is close', () => {
    expect(editDistance('人设局', '人社局')).toBe(1);
    expect(editDistance('𠀋局', '局')).toBe(1);
    expect(suggestUnit(demoOrg, '县人设局')?.name).toBe('县人社局');
    expect(suggestUnit(demoOrg, '教育厅')?.unit.id).toBe('edu');
    expect(suggestUnit(demoOrg, '火星局')).toBeUndefined();
    expect(suggestUnit(withRetired(demoOrg, 'edu'), '教育厅')).toBeUndefined();
  });
});

describe('完成时限', () => {
  test.each([
    ['2027-04-30', '2027-04-30'],
    ['2027/4/30', '2027-04-30'],
    ['2027.4.3', '2027-04-03'],
    ['2027年4月30日', '2027-04-30'],
    ['2027年4月30日前', '2027-04-30'],
    ['2027年2月底', '2027-02-28'],
    ['4月30日', '2027-04-30'],
    ['4月底', '2027-04-30'],
    ['5月底前', '2027-05-31'],
    ['2月底', '2027-02-28'],
    // The twelve months that end with the campaign: December comes before May.
    ['12月底', '2026-12-31'],
    ['6月15日', '2026-06-15'],
  ])('%s → %s', (text, day) => {
    expect(deadlineOf(text, END)).toEqual({ deadline: day });
  });

  test.each(['长期', '常态化', ' 常态化 '])('%s: no day of its own, the campaign’s end', (text) => {
    expect(deadlineOf(text, END)).toEqual({ deadline: END, ongoing: true });
  });

  test.each(['明年', '2027-02-30', '13月底', '4月31日', '', '46142'])('“%s” is not a day', (text) => {
    expect(deadlineOf(text, END)).toBeNull();
  });

  test('a sheet with a deadline it cannot read names the row and the forms it can', () => {
    expect(refusal(aSheet([{ deadline: '年底前后' }])).issues).toEqual([
      '第 3 行：完成时限“年底前后”看不懂：可以写 2027-04-30、2027年4月30日、4月30日、4月底或“常态化”',
    ]);
  });
});

describe('every row is checked, and nothing is taken from a sheet with any problem', () => {
  test('each row’s problems, by the row the spreadsheet numbers', () => {
    const { issues } = refusal(
      aSheet([{ code: '1.1' }, { code: '1.1', content: '' }, { code: '一', points: '两分' }, { code: '1.4', owners: '' }]),
    );
    expect(issues).toEqual([
      '第 4 行：序号 1.1 与第 3 行重复',
      '第 4 行：缺少考评内容',
      '第 5 行：序号“一”要是数字，例如 1.2',
      '第 5 行：分值要是正数，不认识“两分”',
      '第 6 行：缺少责任单位',
    ]);
  });

  test('the first 50 issues and a count of the rest', () => {
    const sheet = aSheet(Array.from({ length: 60 }, (_, i) => ({ code: `1.${i + 1}`, owners: '县人设局' })));
    const { issues, more, message } = refusal(sheet);
    expect(message).toBe('表格有 60 处需要修改，什么都没有导入');
    expect(issues).toHaveLength(50);
    expect(more).toBe(10);
  });

  test('a missing column is named once, at the heading row', () => {
    const sheet = aSheet([{}]);
    sheet.headings = { row: 2, columns: ['area', 'code', 'content', 'criteria', 'owners'] };
    expect(refusal(sheet).issues[0]).toBe('第 2 行：表头缺少 “分值”“完成时限” 列');
  });
});

test('佐证材料: one item per 、 or line, without numbering; the class of evidence read from what the task asks', () => {
  expect(evidenceItems('（1）会议纪要、2.签到表；照片\n① 经费凭证。')).toEqual(['会议纪要', '签到表', '照片', '经费凭证']);
  const [infrastructure, policy, activity, records] = tasksOf(
    aSheet([
      { code: '1', content: '建设双拥主题公园' },
      { code: '2', content: '抚恤优待金足额发放' },
      { code: '3', content: '八一走访慰问' },
      { code: '4', content: '领导小组健全', evidence: '调整文件' },
    ]),
  );
  expect([infrastructure, policy, activity, records].map((t) => t?.evidenceKind)).toEqual(['基础设施', '政策落实', '活动', '档案资料']);
});

test('points split among 乡镇 add up to the row’s points exactly', () => {
  for (const [points, parts] of [
    [4, 8],
    [3, 8],
    [1, 3],
    [0.5, 7],
  ] as const) {
    const split = splitPoints(points, parts);
    expect(split).toHaveLength(parts);
    expect(Math.round(split.reduce((n, p) => n + p, 0) * 100)).toBe(Math.round(points * 100));
  }
});

describe('a revised standard merged over the ledger', () => {
  const at = new Date('2027-01-10T01:00:00.000Z');
  let n = 0;
  const newId = () => `new-${++n}`;

  test('each 乡镇 keeps its own part, evidence and score when a 乡镇 is retired and another added', () => {
    const first = mergeStandard([], resolve(aSheet([{ code: '10.2', owners: '各乡镇（街道）', points: '4' }])).areas, at, newId).tasks;
    const xicheng = first.find((t) => t.part?.unitId === 'station-xicheng') as (typeof first)[number];
    const worked = first.map((t) => (t === xicheng ? { ...t, status: 'ready' as const, selfScore: 0.5, evidence: [anEvidence()] } : t));
    // 白云乡's station closes; a new 乡镇 (its name sorts first) opens one.
    const org = withUnit(withRetired(demoOrg, 'station-baiyun'), { id: 'station-anle', name: '安乐乡退役军人服务站', kind: 'station' });
    const again = mergeStandard(worked, resolve(aSheet([{ code: '10.2', owners: '各乡镇（街道）', points: '4' }]), org).areas, at, newId);
    expect(again).toMatchObject({ created: 1, updated: 7 });
    expect(again.tasks.find((t) => t.part?.unitId === 'station-xicheng')).toMatchObject({
      _id: xicheng._id,
      code: xicheng.code,
      status: 'ready',
      selfScore: 0.5,
      evidence: [anEvidence()],
    });
    // The new part takes a number no task has: the retired station's 10.2-1 stays its own.
    const codes = again.tasks.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(again.tasks.find((t) => t.part?.unitId === 'station-anle')?.code).toBe('10.2-9');
  });

  test('a re-import keeps evidence, scores and the persons of units still responsible; the new wording replaces the old', () => {
    const stored = aTask({
      code: '1.1',
      ownerDepartments: ['civil', 'edu'],
      persons: [
        { departmentId: 'civil', name: '王科长' },
        { departmentId: 'edu', name: '刘老师' },
      ],
      evidence: [anEvidence()],
      status: 'accepted',
      acceptedScore: 2,
      evidenceNeeded: ['旧清单'],
      ongoing: true,
    });
    const [task] = mergeStandard(
      [stored],
      resolve(aSheet([{ owners: '民政局、人武部', evidence: '会议纪要、照片' }])).areas,
      at,
      newId,
    ).tasks;
    expect(task).toMatchObject({
      _id: stored._id,
      status: 'accepted',
      acceptedScore: 2,
      evidence: [anEvidence()],
      ownerDepartments: ['civil', 'pafd'],
      persons: [{ departmentId: 'civil', name: '王科长' }],
      evidenceNeeded: ['会议纪要', '照片'],
      deadline: '2027-04-30',
    });
    expect(task).not.toHaveProperty('ongoing');
  });
});
