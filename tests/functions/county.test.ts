/**
 * A county from data: the setup workbook out and back in, units and 乡镇 edited one at a time, and cases
 * routed to a new township's station.
 */
import type { Workbook } from 'exceljs';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['meta', 'cases', 'users', 'files'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterEach(() => t.close());

const meta = (event: Record<string, unknown>, openid: string | null = 'admin') => t.call<Data>('meta', event, openid);
const ok = async <T = Data>(p: Promise<{ ok: boolean; data?: unknown }>): Promise<T> => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as T;
};
const ExcelJS = () => require('exceljs') as { Workbook: new () => Workbook };

/** The workbook `meta.exportCounty` made, as exceljs reads it. */
async function exported(): Promise<Workbook> {
  const file = await ok(meta({ action: 'exportCounty' }));
  const book = new (ExcelJS().Workbook)();
  // exceljs types its input as the Node Buffer of its own @types/node.
  await book.xlsx.load(t.cloud.storage.get(file.fileID) as never);
  return book;
}

const upload = async (book: Workbook, who = 'admin') => t.upload(who, 'county.xlsx', Buffer.from(await book.xlsx.writeBuffer()));

/** Adds a row under the sheet's headings, by heading name. */
function addRow(book: Workbook, sheet: string, cells: Record<string, string>) {
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const headings = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  ws.addRow(headings.slice(1).map((h) => cells[h] ?? ''));
}

const snapshot = () => JSON.stringify(['units', 'regions', 'settings'].map((c) => t.cloud.database.all(c)));

test('the exported workbook, with 20 units and 4 townships added, imports and meta.get lists them', async () => {
  const book = await exported();
  expect(book.worksheets.map((w) => w.name)).toEqual(['成员单位', '乡镇街道', '服务站']);
  const before = await ok(meta({ action: 'get' }, null));
  const extraUnits = [
    '组织部',
    '宣传部',
    '发改委',
    '公安局',
    '财政局',
    '交通运输局',
    '农业农村局',
    '商务局',
    '文化和旅游局',
    '应急管理局',
    '市场监管局',
    '统计局',
    '林业局',
    '水利局',
    '自然资源局',
    '生态环境局',
    '总工会',
    '团县委',
    '妇联',
    '驻军某部',
  ];
  for (const [i, name] of extraUnits.entries()) {
    addRow(book, '成员单位', {
      单位名称: name,
      类型: i === 19 ? '驻地部队' : '县直单位',
      别名: `县${name}`,
      默认事项: i === 0 ? '褒扬纪念' : '',
    });
  }
  for (const name of ['新华镇', '杨柳乡', '南湖街道', '北山镇']) addRow(book, '乡镇街道', { 名称: name });
  addRow(book, '服务站', { 名称: '新华镇退役军人服务站', 简称: '新华服务站', 所在乡镇: '新华镇', 默认事项: '' });

  const counts = await ok(meta({ action: 'importCounty', fileID: await upload(book) }));
  // Every row read: the exported ones update (unchanged), the new ones add.
  expect(counts).toEqual({
    units: before.departments.filter((u: Data) => u.kind !== 'station').length + 20,
    regions: before.regions.length + 4,
    stations: before.stations.length + 1,
    added: 25,
    updated: before.departments.length + before.regions.length,
  });
  const after = await ok(meta({ action: 'get' }, null));
  expect(after.departments.map((u: Data) => u.name)).toEqual(expect.arrayContaining(extraUnits));
  expect(after.regions.map((r: Data) => r.name)).toEqual(expect.arrayContaining(['新华镇', '杨柳乡', '南湖街道', '北山镇']));
  // The kind of a 乡镇 is read from its name when the column is left empty.
  expect(after.regions.find((r: Data) => r.name === '南湖街道')).toMatchObject({ kind: '街道', retired: false });
  const station = after.stations.find((s: Data) => s.name === '新华镇退役军人服务站');
  expect(station).toMatchObject({ kind: 'station', regionId: after.regions.find((r: Data) => r.name === '新华镇').id });
  // New ids are spelled from the names; the demo units keep theirs.
  expect(after.departments.find((u: Data) => u.name === '组织部').id).toBe('zuzhibu');
  expect(after.departments.find((u: Data) => u.id === 'civil').name).toBe('民政局');
  // The default routing follows the data: a new unit's default category goes to it.
  expect(after.routing.rules.find((r: Data) => r.category === 'honor').departmentId).toBe('vab');

  // A second import of the same workbook changes nothing but updates every row.
  const again = await ok(meta({ action: 'importCounty', fileID: await upload(await exported()) }));
  expect(again).toMatchObject({ added: 0 });
  expect((await ok(meta({ action: 'get' }, null))).departments).toEqual(after.departments);
});

test('a relief request from a new township goes to its station by a regional rule', async () => {
  const book = await exported();
  addRow(book, '乡镇街道', { 名称: '新华镇', 类型: '镇' });
  addRow(book, '服务站', { 编号: 'station-xinhua', 名称: '新华镇退役军人服务站', 所在乡镇: '新华镇' });
  await ok(meta({ action: 'importCounty', fileID: await upload(book) }));
  const { regions } = await ok(meta({ action: 'get' }, null));
  const xinhua = regions.find((r: Data) => r.name === '新华镇').id;

  const { rules } = await ok(meta({ action: 'routing' }));
  await ok(meta({ action: 'saveRouting', rules: [...rules, { category: 'relief', regionId: xinhua, departmentId: 'station-xinhua' }] }));

  // Station staff are invited like any unit's.
  const invite = await ok(t.call('users', { action: 'createInvite', departmentId: 'station-xinhua' }, 'admin'));
  await ok(t.call('users', { action: 'bindStaff', inviteCode: invite.code }, 'zhanzhang'));

  await ok(t.call('users', { action: 'saveProfile', regionId: xinhua }, 'resident-x'));
  const submitted = await ok(t.call('cases', aSubmission({ category: 'relief', region: xinhua }), 'resident-x'));
  expect(submitted).toMatchObject({ departmentId: 'station-xinhua', departmentName: '新华镇退役军人服务站' });
  const inbox = await ok(t.call('cases', { action: 'inbox' }, 'zhanzhang'));
  expect(inbox.items.map((c: Data) => c.caseId)).toEqual([submitted.caseId]);
  // The station cannot settle it: it escalates to 民政局, whose deadlines count from the escalation.
  t.cloud.clock.advance('PT26H');
  const escalated = await ok(
    t.call('cases', { action: 'escalate', caseId: submitted.caseId, departmentId: 'civil', reason: '需要县里审批临时救助金' }, 'zhanzhang'),
  );
  expect(escalated).toMatchObject({ departmentId: 'civil', status: 'assigned', returned: false });
  const civil = await ok(t.call('cases', { action: 'inbox' }, 'staff-civil'));
  const mine = civil.items.find((c: Data) => c.caseId === submitted.caseId);
  // Submitted Monday 09:00, escalated Tuesday 11:00: one working day to sign from then.
  expect([submitted.signDueAt, mine.signDueAt]).toEqual(['2026-11-03T09:00:00+08:00', '2026-11-04T11:00:00+08:00']);
  const seen = await ok(t.call('cases', { action: 'get', caseId: submitted.caseId }, 'resident-x'));
  expect(seen.timeline.map((e: Data) => e.text).join('\n')).toMatch(/新华镇退役军人服务站已把您的求助转给民政局办理/);
  const staffSide = await ok(t.call('cases', { action: 'get', caseId: submitted.caseId }, 'staff-civil'));
  expect(staffSide.timeline.find((e: Data) => e.type === 'escalated')).toMatchObject({
    internal: true,
    text: expect.stringContaining('需要县里审批临时救助金'),
  });
  // Counted apart from 退单: the station's row says how many it escalated; nothing went back to the 双拥办.
  const stats = await ok(t.call('cases', { action: 'stats', from: '2026-11-01', to: '2026-11-30' }, 'dispatcher'));
  expect(stats.departments.find((d: Data) => d.departmentId === 'station-xinhua')).toMatchObject({ escalated: 1 });
  expect(stats.departments.find((d: Data) => d.departmentId === 'civil')).toMatchObject({ received: 1, escalated: 0 });
  // Only a station escalates, and only what it holds.
  expect(
    await t.call('cases', { action: 'escalate', caseId: submitted.caseId, departmentId: 'vab', reason: '再转' }, 'staff-civil'),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect(
    await t.call('cases', { action: 'escalate', caseId: submitted.caseId, departmentId: 'vab', reason: '再转' }, 'zhanzhang'),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });

  // The same request from a demo township still goes to 民政局.
  const elsewhere = await ok(
    t.call('cases', aSubmission({ category: 'relief', region: 'hekou', requestId: 'req-hekou-0001' }), 'resident-y'),
  );
  expect(elsewhere.departmentId).toBe('civil');
});

test('a workbook with an unknown category in row 7 of 成员单位 is refused whole, naming sheet and row', async () => {
  const book = await exported();
  addRow(book, '乡镇街道', { 名称: '新华镇' });
  const ws = book.getWorksheet('成员单位');
  if (!ws) throw new Error('no sheet');
  // Row 7 is a demo unit's row: its default category is now a word the product does not have.
  const row = ws.getRow(7);
  const column = (ws.getRow(1).values as unknown[]).indexOf('默认事项');
  row.getCell(column).value = '心理疏导';
  row.commit();
  const before = snapshot();
  const res = await meta({ action: 'importCounty', fileID: await upload(book) });
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  if (res.ok) return;
  expect(res.error.issues).toEqual([
    expect.objectContaining({
      path: ['sheet', '成员单位', 'row', 7],
      message: expect.stringMatching(/^成员单位 第 7 行：不认识的事项类别“心理疏导”/),
    }),
  ]);
  // Nothing is half-imported: the new 乡镇 on the other sheet is not there either.
  expect(snapshot()).toBe(before);
});

test('every problem is named: a duplicate name, a station whose township is missing, a bad id', async () => {
  const book = await exported();
  addRow(book, '成员单位', { 单位名称: '民政局' });
  addRow(book, '服务站', { 名称: '月亮湾服务站', 所在乡镇: '月亮湾镇' });
  addRow(book, '乡镇街道', { 编号: 'Bad Id', 名称: '星星乡' });
  const res = await meta({ action: 'importCounty', fileID: await upload(book) });
  expect(res.ok).toBe(false);
  if (res.ok) return;
  const messages = (res.error.issues ?? []).map((i) => i.message);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^成员单位 第 \d+ 行：名称或别名与成员单位第 \d+ 行重复：民政局/),
      expect.stringMatching(/^服务站 第 \d+ 行：所在乡镇“月亮湾镇”不在乡镇街道表里/),
      expect.stringMatching(/^乡镇街道 第 \d+ 行：编号“Bad Id”/),
    ]),
  );
  expect(res.error.message).toMatch(/什么都没有导入/);
});

test('only admins import or export the county; a file that is not theirs is not read', async () => {
  expect(await meta({ action: 'exportCounty' }, 'dispatcher')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const fileID = await upload(await exported(), 'dispatcher');
  expect(await meta({ action: 'importCounty', fileID }, 'dispatcher')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await meta({ action: 'importCounty', fileID }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

test('a unit with history cannot be removed, only retired; a retired unit takes no new cases', async () => {
  const submitted = await ok(t.call('cases', aSubmission({ category: 'children' }), 'resident-1'));
  expect(submitted.departmentId).toBe('edu');
  const refused = await meta({ action: 'removeUnit', id: 'edu' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/1 件求助.*只能|已撤销/) } });

  const { departments } = await ok(meta({ action: 'get' }, null));
  const edu = departments.find((u: Data) => u.id === 'edu');
  await ok(meta({ action: 'saveUnit', ...edu, retired: true }));
  const next = await ok(t.call('cases', aSubmission({ category: 'children', requestId: 'req-after-retire' }), 'resident-1'));
  expect(next.departmentId).toBe('office');
  // Its old case still shows its name.
  const old = await ok(t.call('cases', { action: 'get', caseId: submitted.caseId }, 'resident-1'));
  expect(old.departmentName).toBe('教育局');
  // The dispatch unit is neither removed nor retired.
  expect(await meta({ action: 'removeUnit', id: 'office' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const office = departments.find((u: Data) => u.id === 'office');
  expect(await meta({ action: 'saveUnit', ...office, retired: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

  // A unit nothing names yet can go.
  await ok(
    meta({
      action: 'saveUnit',
      ...edu,
      id: 'typo-unit',
      name: '教育局（误建）',
      shortName: '误建',
      aliases: [],
      defaultCategories: [],
      retired: false,
    }),
  );
  expect(await ok(meta({ action: 'removeUnit', id: 'typo-unit' }))).toEqual({ id: 'typo-unit', removed: true });
  expect((await ok(meta({ action: 'get' }, null))).departments.some((u: Data) => u.id === 'typo-unit')).toBe(false);
});

test('the dispatch unit is a setting: what no rule claims goes to the unit it names', async () => {
  await ok(meta({ action: 'setDispatchUnit', unitId: 'vab' }));
  const { rules } = await ok(meta({ action: 'routing' }));
  await ok(meta({ action: 'saveRouting', rules: rules.filter((r: Data) => r.category !== 'legal') }));
  const submitted = await ok(t.call('cases', aSubmission({ category: 'legal' }), 'resident-1'));
  expect(submitted.departmentId).toBe('vab');
  expect((await ok(meta({ action: 'get' }, null))).routing.fallbackDepartmentId).toBe('vab');
  expect(await meta({ action: 'setDispatchUnit', unitId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('a county with no units yet refuses a request plainly, and its admin can still set it up', async () => {
  for (const c of ['units', 'regions'])
    for (const d of t.cloud.database.all(c))
      t.cloud.database.handle('database.removeDocument', { collectionName: c, query: JSON.stringify({ _id: d._id }), multi: false });
  t.cloud.database.handle('database.removeDocument', { collectionName: 'settings', query: JSON.stringify({ _id: 'org' }), multi: false });
  (require('../../cloudfunctions/_lib/settings') as { forgetOrganization(): void }).forgetOrganization();
  const empty = await ok(meta({ action: 'get' }, null));
  expect([empty.departments, empty.regions, empty.stations]).toEqual([[], [], []]);
  expect(await t.call('cases', aSubmission(), 'resident-1')).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringContaining('还没有设置好') },
  });
  expect(t.cloud.database.all('cases')).toEqual([]);

  const book = await exported();
  expect(book.getWorksheet('成员单位')?.rowCount).toBe(1);
  addRow(book, '乡镇街道', { 名称: '城关镇' });
  addRow(book, '成员单位', { 单位名称: '双拥工作领导小组办公室', 简称: '双拥办', 默认事项: '其他', 分派单位: '是' });
  addRow(book, '成员单位', { 单位名称: '教育局', 默认事项: '子女教育' });
  expect(await ok(meta({ action: 'importCounty', fileID: await upload(book) }))).toMatchObject({ units: 2, regions: 1, added: 3 });
  const { regions } = await ok(meta({ action: 'get' }, null));
  const submitted = await ok(t.call('cases', aSubmission({ region: regions[0].id }), 'resident-1'));
  expect(submitted).toMatchObject({ departmentId: 'jiaoyuju', departmentName: '教育局' });
});

test('a workbook that marks no dispatch unit for a county without one is refused', async () => {
  t.cloud.database.handle('database.removeDocument', { collectionName: 'settings', query: JSON.stringify({ _id: 'org' }), multi: false });
  (require('../../cloudfunctions/_lib/settings') as { forgetOrganization(): void }).forgetOrganization();
  const res = await meta({ action: 'importCounty', fileID: await upload(await exported()) });
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('分派单位') } });
});

test('records that name a unit or 乡镇 retired since stay editable; an old invite to it no longer binds', async () => {
  const { departments, regions } = await ok(meta({ action: 'get' }, null));
  await ok(t.call('users', { action: 'saveProfile', name: '王建国', regionId: 'liulin' }, 'resident-9'));
  const invite = await ok(t.call('users', { action: 'createInvite', departmentId: 'justice' }, 'admin'));
  // The admin has saved the table once, so it is stored with its rule for 司法局.
  await ok(meta({ action: 'saveRouting', rules: (await ok(meta({ action: 'routing' }))).rules }));
  await ok(meta({ action: 'saveUnit', ...departments.find((u: Data) => u.id === 'justice'), retired: true }));
  await ok(meta({ action: 'saveRegion', ...regions.find((r: Data) => r.id === 'liulin'), retired: true }));

  // The resident keeps the 乡镇 on file and can still change their name; choosing it anew is refused.
  expect(await ok(t.call('users', { action: 'saveProfile', name: '王建军', regionId: 'liulin' }, 'resident-9'))).toMatchObject({
    profile: { name: '王建军', regionId: 'liulin' },
  });
  expect(await t.call('users', { action: 'saveProfile', regionId: 'liulin' }, 'resident-8')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  // The routing table that still names 司法局 can be saved as it is.
  const { rules } = await ok(meta({ action: 'routing' }));
  expect(rules.some((r: Data) => r.departmentId === 'justice')).toBe(true);
  await ok(meta({ action: 'saveRouting', rules }));
  expect(await t.call('users', { action: 'bindStaff', inviteCode: invite.code }, 'new-clerk')).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringContaining('撤销') },
  });
});
