import type { Workbook } from 'exceljs';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
let t: TestCloud;
const cases = (event: Record<string, unknown>, openid: string | null) => t.call<Data>('cases', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};

/**
 * Known cases, routed Monday 2026-11-02 09:00 (+08:00), signing due Tuesday 09:00, resolving due 11-09 09:00:
 *   edu  A: signed on time, resolved on time, rated 5 (solved)
 *   edu  B: signed late (Wed), resolved late (11-10), rated 3 (solved, not satisfied)
 *   edu  C: never signed
 *   edu  F: signed on time, resolved, rated 1 (not solved) → reopened → resolved again on time
 *   hrss D: signed on time, resolved on time, 回访 satisfied
 *   hrss E: withdrawn before signing
 */
beforeAll(async () => {
  t = startTestCloud({ functions: ['cases'], startAt: '2026-11-02T09:00:00+08:00' });
  const submit = (who: string, category: string) => ok(cases(aSubmission({ category }), who)).then((r) => r.caseId as string);
  const [A, B, C, F] = [
    await submit('a', 'children'),
    await submit('b', 'children'),
    await submit('c', 'children'),
    await submit('f', 'children'),
  ];
  const [D, E] = [await submit('d', 'employment'), await submit('e', 'employment')];
  void C;
  t.cloud.clock.set('2026-11-02T10:00:00+08:00');
  for (const id of [A, F]) await ok(cases({ action: 'accept', caseId: id }, 'staff-edu'));
  await ok(cases({ action: 'accept', caseId: D }, 'staff-hrss'));
  await ok(cases({ action: 'withdraw', caseId: E }, 'e'));
  t.cloud.clock.set('2026-11-04T10:00:00+08:00');
  await ok(cases({ action: 'accept', caseId: B }, 'staff-edu'));
  for (const id of [A, F]) await ok(cases({ action: 'resolve', caseId: id, summary: '已办结' }, 'staff-edu'));
  await ok(cases({ action: 'resolve', caseId: D, summary: '已推荐岗位' }, 'staff-hrss'));
  await ok(cases({ action: 'rate', caseId: A, score: 5, solved: true }, 'a'));
  await ok(cases({ action: 'rate', caseId: F, score: 1, solved: false }, 'f'));
  await ok(cases({ action: 'followUp', caseId: D, satisfied: true }, 'dispatcher'));
  t.cloud.clock.set('2026-11-05T10:00:00+08:00');
  await ok(cases({ action: 'resolve', caseId: F, summary: '重新办理完毕' }, 'staff-edu'));
  t.cloud.clock.set('2026-11-10T10:00:00+08:00');
  await ok(cases({ action: 'resolve', caseId: B, summary: '已办结' }, 'staff-edu'));
  await ok(cases({ action: 'rate', caseId: B, score: 3, solved: true }, 'b'));
});
afterAll(() => t.close());

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator ? Math.round((numerator / denominator) * 1000) / 1000 : null,
});

test('the 三率 per department match a hand count', async () => {
  const stats = await ok(cases({ action: 'stats', from: '2026-11-01', to: '2026-11-30' }, 'dispatcher'));
  const edu = stats.departments.find((d: Data) => d.departmentId === 'edu');
  const hrss = stats.departments.find((d: Data) => d.departmentId === 'hrss');
  expect(edu).toMatchObject({
    received: 4,
    responseRate: rate(2, 4),
    resolutionRate: rate(2, 3),
    satisfactionRate: rate(1, 3),
    onTimeRate: rate(2, 3),
    reopened: 1,
    open: 1,
  });
  expect(hrss).toMatchObject({
    received: 2,
    withdrawn: 1,
    responseRate: rate(1, 2),
    resolutionRate: rate(1, 1),
    satisfactionRate: rate(1, 1),
    onTimeRate: rate(1, 1),
  });
  // A: 2 working days; B: Mon 09:00 → Tue 11-10 10:00 is 6 days 1 hour; F: 3 days 1 hour. Mean of 2, 6.04, 3.04.
  expect(edu.avgWorkdaysToResolve).toBeCloseTo(3.7, 1);
  expect(stats.total).toMatchObject({ received: 6, responseRate: rate(3, 6) });
  expect(stats.categories.find((c: Data) => c.category === 'children')).toMatchObject({ received: 4 });
});

test('a period before the cases is empty, and a reversed period is INVALID_INPUT', async () => {
  const empty = await ok(cases({ action: 'stats', from: '2026-10-01', to: '2026-10-31' }, 'dispatcher'));
  expect(empty.total).toMatchObject({ received: 0, responseRate: { value: null } });
  expect(await cases({ action: 'stats', from: '2026-11-30', to: '2026-11-01' }, 'dispatcher')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await cases({ action: 'stats', from: '2026-11-01', to: '2026-11-30' }, 'resident-1')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

test('the .xlsx ledger opens in a spreadsheet reader and holds the same figures', async () => {
  const file = await ok(cases({ action: 'exportStats', from: '2026-11-01', to: '2026-11-30' }, 'dispatcher'));
  const content = t.cloud.storage.get(file.fileID);
  expect(content).not.toBeNull();
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as never);
  const summary = book.getWorksheet('汇总')!;
  expect(String(summary.getCell(1, 1).value)).toContain('2026-11-01 至 2026-11-30');
  const rows = new Map<string, unknown[]>();
  summary.eachRow((row) => rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1)));
  expect(rows.get('教育局')).toEqual(['教育局', 4, '50.0%', '2/4', '66.7%', '2/3', '33.3%', '1/3', '66.7%', 3.7, 1, 1]);
  expect(rows.get('人力资源和社会保障局')?.slice(0, 4)).toEqual(['人力资源和社会保障局', 2, '50.0%', '1/2']);
  const eduSheet = book.getWorksheet('教育局')!;
  const trackingNos: string[] = [];
  eduSheet.eachRow((row) => {
    const v = String(row.getCell(1).value);
    if (/^SY\d{9}$/.test(v)) trackingNos.push(v);
  });
  expect(trackingNos).toHaveLength(4);
  // The summary, then one sheet for each unit of the county: the ten county units and the eight stations.
  const names = book.worksheets.map((w) => w.name);
  expect(names[0]).toBe('汇总');
  expect(names.slice(1).sort()).toEqual(DEMO_ORGANIZATION.units.map((u) => u.name).sort());
  expect(names).toContain('柳林乡退役军人服务站');
});

test("a department's export lists its own cases only; the league table of figures stays whole for every unit", async () => {
  const load = async (who: string) => {
    const file = await ok(cases({ action: 'exportStats', from: '2026-11-01', to: '2026-11-30' }, who));
    const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(t.cloud.storage.get(file.fileID) as never);
    const trackingNos = new Set<string>();
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (/^SY\d{9}$/.test(String(cell.value))) trackingNos.add(String(cell.value));
        }),
      ),
    );
    return { book, trackingNos };
  };
  const held = (departmentId: string) =>
    new Set(
      t.cloud.database
        .all('cases')
        .filter((c) => c.departmentId === departmentId)
        .map((c) => c.trackingNo as string),
    );
  const edu = await load('staff-edu');
  expect(edu.book.worksheets.map((w) => w.name)).toEqual(['汇总', '教育局']);
  expect(edu.trackingNos).toEqual(held('edu'));
  const hrss = await load('staff-hrss');
  expect(hrss.book.worksheets.map((w) => w.name)).toEqual(['汇总', '人力资源和社会保障局']);
  expect(hrss.trackingNos).toEqual(held('hrss'));
  for (const who of ['dispatcher', 'admin']) expect((await load(who)).trackingNos).toEqual(new Set([...held('edu'), ...held('hrss')]));
  // The summary (figures per department, no case) is the same for everyone, and so is cases.stats.
  const summaryOf = (book: Workbook) => JSON.stringify(book.getWorksheet('汇总')!.getSheetValues());
  expect(summaryOf(edu.book)).toBe(summaryOf((await load('dispatcher')).book));
  const stats = await ok(cases({ action: 'stats', from: '2026-11-01', to: '2026-11-30' }, 'staff-edu'));
  expect(stats.departments.find((d: Data) => d.departmentId === 'hrss')).toMatchObject({ received: 2 });
});

test('the 回访 list holds resolved, unrated cases 2 working days on; the audit trail records staff views and changes', async () => {
  const queue = await ok(cases({ action: 'queue', list: 'followup' }, 'dispatcher'));
  expect(queue.items).toEqual([]);
  expect(queue.counts).toMatchObject({ followup: 0, overdue: 1 });
  const [first] = t.cloud.database.all('cases').filter((c) => c.status === 'closed');
  const trail = await ok(cases({ action: 'audit', caseId: first!._id }, 'admin'));
  expect(trail.items.map((e: Data) => e.action)).toEqual(expect.arrayContaining(['accept', 'resolve']));
  expect(await cases({ action: 'audit', caseId: first!._id }, 'dispatcher')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
