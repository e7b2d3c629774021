/**
 * The county's organization is data: the handlers read units and 乡镇 from the database, and an input
 * naming a unit or 乡镇 the county does not have (or has retired) is refused by the use case, INVALID_INPUT
 * at the field, with nothing written. A data folder seeded before the organization was data gets it on start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Unit } from '../../core/org/model';
import { LocalCloud } from '../../local/cloud';
import { DEMO_ORGANIZATION, DEMO_REGIONS, DEMO_UNITS } from '../../local/seed/org';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;

const settings = require('../../cloudfunctions/_lib/settings') as { forgetOrganization(): void; forgetRoutingTable(): void };

describe('units and 乡镇 the county does not have', () => {
  let t: TestCloud;
  beforeEach(() => {
    t = startTestCloud({ functions: ['cases', 'users', 'ledger', 'meta'], startAt: '2026-11-02T09:00:00+08:00' });
  });
  afterEach(() => t.close());

  const ok = async (p: Promise<{ ok: boolean; data?: unknown }>) => {
    const res = await p;
    if (!res.ok) throw new Error(JSON.stringify(res));
    return res.data as Data;
  };
  const stored = (...collections: string[]) => JSON.stringify(collections.map((c) => t.cloud.database.all(c)));
  /** An edit made straight in the database, as an import would make it; the functions read it at once. */
  const editUnits = (units: Unit[]) => {
    for (const { id, ...u } of units) t.cloud.database.write('units', id, { ...u, updatedAt: new Date().toISOString() });
    settings.forgetOrganization();
    settings.forgetRoutingTable();
  };
  const retire = (id: string) => editUnits([{ ...DEMO_UNITS.find((u) => u.id === id)!, retired: true }]);
  const refusedAt = (path: (string | number)[], id: string) => ({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [expect.objectContaining({ path, message: expect.stringContaining(id) })] },
  });

  test('cases.assign to an unknown or retired unit is refused and the case stays where it is', async () => {
    const { caseId } = await ok(t.call('cases', aSubmission(), 'resident-1'));
    const before = stored('cases');
    const assign = (departmentId: string) => t.call('cases', { action: 'assign', caseId, departmentId, reason: '改派核对' }, 'dispatcher');
    expect(await assign('finance')).toMatchObject(refusedAt(['departmentId'], 'finance'));
    retire('hrss');
    expect(await assign('hrss')).toMatchObject(refusedAt(['departmentId'], 'hrss'));
    expect(stored('cases')).toBe(before);
    // A township's station is a unit like any other.
    expect(await ok(assign('station-hekou'))).toMatchObject({ departmentId: 'station-hekou', departmentName: '河口镇退役军人服务站' });
  });

  test('users.createInvite for an unknown unit is refused; for a unit the county just added it works', async () => {
    const before = stored('users', 'invites');
    const invite = (departmentId: string) => t.call('users', { action: 'createInvite', departmentId }, 'admin');
    expect(await invite('finance')).toMatchObject(refusedAt(['departmentId'], 'finance'));
    retire('medins');
    expect(await invite('medins')).toMatchObject(refusedAt(['departmentId'], 'medins'));
    expect(stored('users', 'invites')).toBe(before);

    const finance = { ...DEMO_UNITS.find((u) => u.id === 'civil')!, id: 'finance', name: '财政局', shortName: '财政局', aliases: [] };
    editUnits([finance]);
    const { code } = await ok(invite('finance'));
    expect(await ok(t.call('users', { action: 'bindStaff', inviteCode: code }, 'new-clerk'))).toMatchObject({
      role: 'staff',
      departmentId: 'finance',
      unit: { name: '财政局' },
    });
  });

  test('ledger.saveProblem naming an unknown unit as owner is refused and no problem is stored', async () => {
    const task = t.cloud.database.all('ledger_tasks')[0] as Data;
    const before = stored('ledger_problems', 'ledger_tasks');
    const problem = (ownerDepartmentId: string) =>
      t.call(
        'ledger',
        {
          action: 'saveProblem',
          taskId: task._id,
          description: '台账不全',
          measure: '补齐台账',
          ownerDepartmentId,
          deadline: '2026-12-31',
        },
        'dispatcher',
      );
    expect(await problem('finance')).toMatchObject(refusedAt(['ownerDepartmentId'], 'finance'));
    expect(stored('ledger_problems', 'ledger_tasks')).toBe(before);
    expect(await ok(problem('station-liulin'))).toMatchObject({ ownerDepartmentId: 'station-liulin' });
  });

  test('meta.saveRouting naming an unknown unit or 乡镇 is refused at each rule, and the table stays', async () => {
    const { rules } = await ok(t.call('meta', { action: 'routing' }, 'admin'));
    const summaryBefore = (await ok(t.call('meta', { action: 'get' }))).routing;
    const before = stored('routing', 'settings');
    const res = await t.call(
      'meta',
      {
        action: 'saveRouting',
        rules: [
          ...rules,
          { category: 'relief', regionId: 'atlantis', departmentId: 'civil' },
          { category: 'housing', regionId: 'hekou', departmentId: 'finance' },
        ],
      },
      'admin',
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const paths = res.ok ? [] : res.error.issues?.map((i) => i.path);
    expect(paths).toEqual([
      ['rules', rules.length + 1, 'departmentId'],
      ['rules', rules.length, 'regionId'],
    ]);
    expect(stored('routing', 'settings')).toBe(before);
    expect((await ok(t.call('meta', { action: 'get' }))).routing).toEqual(summaryBefore);
  });

  test("a regional rule sends a township's relief requests to its station's inbox", async () => {
    const { rules } = await ok(t.call('meta', { action: 'routing' }, 'admin'));
    await ok(
      t.call(
        'meta',
        { action: 'saveRouting', rules: [...rules, { category: 'relief', regionId: 'liulin', departmentId: 'station-liulin' }] },
        'admin',
      ),
    );
    const here = await ok(
      t.call(
        'cases',
        aSubmission({ category: 'relief', region: 'liulin', description: '家里老人生病住院，生活一时困难，想申请临时救助' }),
        'resident-1',
      ),
    );
    const elsewhere = await ok(
      t.call(
        'cases',
        aSubmission({ category: 'relief', region: 'baiyun', description: '家里房子漏雨，生活困难，想申请临时救助' }),
        'resident-2',
      ),
    );
    expect(t.cloud.database.read('cases', here.caseId)).toMatchObject({ departmentId: 'station-liulin', regionId: 'liulin' });
    expect(t.cloud.database.read('cases', elsewhere.caseId)).toMatchObject({ departmentId: 'civil' });
    const inbox = await ok(t.call('cases', { action: 'inbox', filter: 'all' }, 'staff-station-liulin'));
    expect(inbox.items.map((i: Data) => i.caseId)).toEqual([here.caseId]);
    expect(inbox.items[0]).toMatchObject({ departmentName: '柳林乡退役军人服务站' });
    const civil = await ok(t.call('cases', { action: 'inbox', filter: 'all' }, 'staff-civil'));
    expect(civil.items.map((i: Data) => i.caseId)).toEqual([elsewhere.caseId]);
  });
});

describe('a data folder seeded before the organization was data', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuangyong-org-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const start = () => new LocalCloud({ dataDir, startAt: '2026-11-02T09:00:00+08:00', frozenClock: true, functions: () => new Map() });
  const remove = (cloud: LocalCloud, collectionName: string, id: string) =>
    cloud.database.handle('database.removeDocument', { collectionName, query: JSON.stringify({ _id: id }), multi: false });

  test('gets the demo organization on start, and nothing else seeded again', () => {
    // A folder as an earlier version left it: seeded without `org`, and lived in since (a user gone).
    const old = start();
    for (const c of ['units', 'regions']) for (const d of old.database.all(c)) remove(old, c, d._id as string);
    remove(old, 'settings', 'org');
    remove(old, 'users', 'resident-2');
    const seed = old.database.read('_local', 'seed') as unknown as { seeders: string[] };
    expect(seed.seeders).toContain('org');
    old.database.write('_local', 'seed', { ...seed, seeders: seed.seeders.filter((s) => s !== 'org') });
    expect(old.database.count('units')).toBe(0);
    old.close();

    const upgraded = start();
    expect(
      upgraded.database
        .all('units')
        .map((u) => u._id)
        .sort(),
    ).toEqual(DEMO_UNITS.map((u) => u.id).sort());
    expect(
      upgraded.database
        .all('regions')
        .map((r) => r._id)
        .sort(),
    ).toEqual(DEMO_REGIONS.map((r) => r.id).sort());
    expect(upgraded.database.read('settings', 'org')).toMatchObject({ dispatchUnitId: DEMO_ORGANIZATION.dispatchUnitId });
    expect((upgraded.database.read('_local', 'seed') as unknown as { seeders: string[] }).seeders).toContain('org');
    // The other seeders did not run again: the user the county removed stays removed.
    expect(upgraded.database.read('users', 'resident-2')).toBeNull();
    // An admin's later edit survives the next start: the organization is seeded once.
    upgraded.database.write('units', 'civil', { ...(upgraded.database.read('units', 'civil') as Data), name: '县民政局' });
    upgraded.close();

    const again = start();
    expect(again.database.read('units', 'civil')).toMatchObject({ name: '县民政局' });
    again.close();
  });
});
