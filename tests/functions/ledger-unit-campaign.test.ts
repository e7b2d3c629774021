import { startTestCloud, type TestCloud } from './harness';

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

test("教育局's staff read their own campaign page: its tasks led and assisted, and what each still needs", async () => {
  const all = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items as Data[];
  const eduTasks = all.filter((x) => x.ownerDepartments.includes('edu'));
  expect(eduTasks.length).toBeGreaterThan(0);

  const page = await ok(ledger({ action: 'unitCampaign' }, 'staff-edu'));
  expect(page).toMatchObject({ departmentId: 'edu', name: '教育局' });
  const ids = (rows: Data[]) => rows.map((r) => r.id).sort();
  expect(ids(page.lead)).toEqual(ids(eduTasks.filter((x) => x.ownerDepartments[0] === 'edu')));
  expect(ids(page.assist)).toEqual(ids(eduTasks.filter((x) => x.ownerDepartments[0] !== 'edu')));
  const possible = (rows: Data[]) => Math.round(rows.reduce((n, r) => n + r.points, 0) * 10) / 10;
  expect(page.points.lead.possible).toBe(possible(eduTasks.filter((x) => x.ownerDepartments[0] === 'edu')));

  // A piece of evidence that answers an item takes it off the list of what is missing.
  const needing = eduTasks.find((x) => (x.evidenceNeeded ?? []).length > 0 && x.evidence.length === 0);
  expect(needing).toBeDefined();
  const item: string = needing!.evidenceNeeded[0];
  const missingOf = (p: Data) => [...p.lead, ...p.assist].find((r: Data) => r.id === needing!.id).missing.flatMap((g: Data) => g.items);
  expect(missingOf(page)).toContain(item);
  await ok(ledger({ action: 'addEvidence', taskId: needing!.id, name: item, description: '按佐证材料清单整理' }, 'staff-edu'));
  expect(missingOf(await ok(ledger({ action: 'unitCampaign', departmentId: 'edu' }, 'staff-edu')))).not.toContain(item);
});

test("another unit's staff are refused 教育局's page; the leader and the 双拥办 read any unit's", async () => {
  expect(await ledger({ action: 'unitCampaign', departmentId: 'edu' }, 'staff-civil')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect((await ok(ledger({ action: 'unitCampaign' }, 'staff-civil'))).departmentId).toBe('civil');
  const fromLeader = await ok(ledger({ action: 'unitCampaign', departmentId: 'edu' }, 'leader'));
  const fromStaff = await ok(ledger({ action: 'unitCampaign' }, 'staff-edu'));
  expect(fromLeader).toEqual(fromStaff);
  expect((await ok(ledger({ action: 'unitCampaign', departmentId: 'civil' }, 'dispatcher'))).name).toBe('民政局');
  expect(await ledger({ action: 'unitCampaign', departmentId: 'no-such-unit' }, 'leader')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: ['departmentId'] }] },
  });
  expect(await ledger({ action: 'unitCampaign' }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
