import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPlan, type Manager } from '../../scripts/deploy/apply';
import { COLLECTIONS, ESBUILD_TARGET, RUNTIME } from '../../scripts/deploy/environment';
import { buildPlan, cloudbaserc, functionFolders, planText } from '../../scripts/deploy/plan';

const root = path.resolve(__dirname, '../..');
const plan = buildPlan();

test('the plan holds every function folder with the declared runtime, its config.json timeout and timers, and ADMIN_OPENIDS', () => {
  const folders = fs.readdirSync(path.join(root, 'cloudfunctions')).filter((n) => !n.startsWith('_'));
  expect(plan.functions.map((f) => f.name)).toEqual(folders.sort());
  expect(functionFolders()).toEqual(expect.arrayContaining(['cases', 'fairs', 'files', 'ledger', 'meta', 'places', 'policies', 'users']));
  for (const f of plan.functions) {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'cloudfunctions', f.name, 'config.json'), 'utf8'));
    expect(f.runtime).toBe(RUNTIME.cloudbase);
    expect(f.timeout).toBe(config.timeout);
    expect(f.triggers).toEqual(config.triggers ?? []);
    expect(f.memorySize).toBeGreaterThanOrEqual(128);
    expect(f.envVariables.map((v) => v.name)).toEqual(
      expect.arrayContaining(['ADMIN_OPENIDS', 'TEMPLATE_CASE_NEW', 'TEMPLATE_CASE_UPDATE']),
    );
  }
  expect(plan.functions.find((f) => f.name === 'cases')?.triggers.map((t) => t.name)).toEqual(['hourly-supervision']);
  expect(plan.functions.find((f) => f.name === 'files')?.triggers.map((t) => t.name)).toEqual(['hourly-cleanup']);
  expect(plan.functions.find((f) => f.name === 'ledger')?.triggers.map((t) => t.name)).toEqual(['hourly-supervision']);
  expect(RUNTIME.cloudbase).toBe(`Nodejs${RUNTIME.node.split('.').slice(0, 2).join('.')}`);
  expect(ESBUILD_TARGET).toBe(`node${RUNTIME.node}`);
});

test('the plan holds every collection the deploy docs name, admin-only, with the indexes the queries need', () => {
  const names = plan.collections.map((c) => c.name);
  for (const n of [
    'users',
    'invites',
    'routing',
    'settings',
    'favorites',
    'cases',
    'counters',
    'audit',
    'templates',
    'policies',
    'policy_history',
    'fairs',
    'activities',
    'signups',
    'places',
    'stories',
    'ledger_areas',
    'ledger_tasks',
    'ledger_problems',
    'ledger_reports',
    'files',
    'upload_quotas',
  ])
    expect(names).toContain(n);
  expect(names).not.toContain('outbox');
  expect(plan.permission).toBe('ADMINONLY');
  const idx = (c: string) => COLLECTIONS.find((x) => x.name === c)?.indexes.map((i) => i.fields.map((f) => f.join(' ')).join(', '));
  expect(idx('cases')).toContain('trackingNo asc');
  expect(COLLECTIONS.find((c) => c.name === 'cases')?.indexes.find((i) => i.fields[0]?.[0] === 'trackingNo')?.unique).toBe(true);
  expect(COLLECTIONS.find((c) => c.name === 'signups')?.indexes.find((i) => i.fields[0]?.[0] === 'checkinCode')?.unique).toBeFalsy();
  expect(idx('files')).toEqual(expect.arrayContaining(['attachedTo asc, createdAt asc', 'expiresAt asc']));
  expect(plan.collections.reduce((n, c) => n + c.indexes.length, 0)).toBeGreaterThanOrEqual(44);
  const text = planText(plan);
  for (const c of plan.collections) expect(text).toContain(`  ${c.name}`);
  for (const f of plan.functions) for (const t of f.triggers) expect(text).toContain(`trigger ${t.name}`);
});

test('cloudbaserc.json and the index tables in docs/deploy.md are what the declaration generates (else: npm run deploy:generate)', async () => {
  // In its own process: prettier, which formats what is generated, does not load inside jest's module sandbox.
  const check = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/deploy-generate.ts', '--check'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
  const rc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'));
  expect(rc).toEqual(cloudbaserc(plan));
  expect(rc.functions.every((f: { runtime: string }) => f.runtime === RUNTIME.cloudbase)).toBe(true);
});

/** An in-memory CloudBase environment answering the management calls a deploy makes, counting the writes. */
function fakeManager() {
  const collections = new Map<
    string,
    { indexes: { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }[]; permission?: string }
  >();
  const functions = new Map<string, any>();
  const writes: string[] = [];
  const manager: Manager = {
    database: {
      checkCollectionExists: async (n) => ({ Exists: collections.has(n) }),
      createCollection: async (n) => {
        writes.push(`createCollection ${n}`);
        collections.set(n, { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }] });
      },
      describeCollection: async (n) => ({ Indexes: collections.get(n)?.indexes }),
      updateCollection: async (n, info) => {
        writes.push(`updateCollection ${n}`);
        for (const i of info.CreateIndexes)
          collections.get(n)?.indexes.push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique });
      },
    },
    permission: {
      describeResourcePermission: async ({ resources }) => ({
        Data: { PermissionList: resources.map((r) => ({ Resource: r, Permission: collections.get(r)?.permission ?? 'PRIVATE' })) },
      }),
      modifyResourcePermission: async ({ resource, permission }) => {
        writes.push(`modifyResourcePermission ${resource}`);
        (collections.get(resource) as { permission?: string }).permission = permission;
      },
    },
    functions: {
      listFunctions: async () => [...functions.keys()].map((FunctionName) => ({ FunctionName })),
      getFunctionDetail: async (n) => {
        const f = functions.get(n);
        if (!f) throw new Error('ResourceNotFound.Function');
        return structuredClone(f);
      },
      createFunction: async ({ func }) => {
        writes.push(`createFunction ${func.name}`);
        functions.set(func.name, {
          Runtime: func.runtime,
          Timeout: func.timeout,
          MemorySize: func.memorySize,
          Description: func.description,
          Environment: { Variables: Object.entries(func.envVariables ?? {}).map(([Key, Value]) => ({ Key, Value })) },
          // As the SDK answers them: the cron inside a JSON description.
          Triggers: (func.triggers ?? []).map((t) => ({
            TriggerName: t.name,
            Type: t.type,
            TriggerDesc: JSON.stringify({ cron: t.config }),
          })),
        });
      },
      updateFunctionCode: async ({ func }) => {
        writes.push(`updateFunctionCode ${func.name}`);
      },
      updateFunctionConfig: async (func) => {
        writes.push(`updateFunctionConfig ${func.name}`);
        const f = functions.get(func.name);
        Object.assign(f, { Timeout: func.timeout, MemorySize: func.memorySize, Description: func.description });
        f.Environment = { Variables: Object.entries(func.envVariables ?? {}).map(([Key, Value]) => ({ Key, Value })) };
      },
      createFunctionTriggers: async (n, triggers) => {
        writes.push(`createFunctionTriggers ${n}`);
        functions
          .get(n)
          .Triggers.push(...triggers.map((t) => ({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) })));
      },
      deleteFunctionTrigger: async (n, name) => {
        writes.push(`deleteFunctionTrigger ${n}.${name}`);
        const f = functions.get(n);
        f.Triggers = f.Triggers.filter((t: { TriggerName: string }) => t.TriggerName !== name);
      },
    },
  };
  return { manager, collections, functions, writes };
}

describe('applying the plan', () => {
  let functionRoot: string;
  beforeAll(() => {
    // Stand-in function folders: the deploy reads and hashes them, the fake uploads nothing.
    functionRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
    for (const f of plan.functions) {
      fs.mkdirSync(path.join(functionRoot, f.name));
      fs.writeFileSync(path.join(functionRoot, f.name, 'index.js'), `exports.main = async () => '${f.name}';\n`);
    }
  });
  afterAll(() => fs.rmSync(functionRoot, { recursive: true, force: true }));

  test('creates everything on an empty environment, and a second run changes nothing', async () => {
    const { manager, collections, functions, writes } = fakeManager();
    const values = { ADMIN_OPENIDS: 'o-admin' };
    const first = await applyPlan(manager, plan, { functionRoot, values });
    expect([...collections.keys()].sort()).toEqual(plan.collections.map((c) => c.name).sort());
    for (const c of plan.collections) {
      expect(collections.get(c.name)?.permission).toBe('ADMINONLY');
      expect(collections.get(c.name)?.indexes.length).toBe(c.indexes.length + 1);
    }
    expect(functions.get('cases').Runtime).toBe(RUNTIME.cloudbase);
    expect(functions.get('cases').Triggers.map((t: { TriggerName: string }) => t.TriggerName)).toEqual(['hourly-supervision']);
    expect(functions.get('meta').Environment.Variables).toEqual([{ Key: 'ADMIN_OPENIDS', Value: 'o-admin' }]);
    expect(first.length).toBeGreaterThan(plan.collections.length + plan.functions.length);

    writes.length = 0;
    // Again, without the variable in the shell: the function keeps the value it has.
    expect(await applyPlan(manager, plan, { functionRoot, values: {} })).toEqual([]);
    expect(writes).toEqual([]);
  });

  test('changes only what drifted: a missing index, a changed bundle, a changed timer, a wrong permission', async () => {
    const { manager, collections, functions, writes } = fakeManager();
    await applyPlan(manager, plan, { functionRoot, values: { ADMIN_OPENIDS: 'o-admin' } });
    writes.length = 0;
    const cases = collections.get('cases');
    if (cases) cases.indexes = cases.indexes.filter((i) => i.Name !== 'trackingNo_asc');
    (collections.get('audit') as { permission?: string }).permission = 'READONLY';
    functions.get('cases').Triggers[0].TriggerDesc = JSON.stringify({ cron: '0 0 3 * * * *' });
    fs.appendFileSync(path.join(functionRoot, 'meta', 'index.js'), '// changed\n');
    const changes = await applyPlan(manager, plan, { functionRoot, values: {} });
    expect(changes).toEqual([
      'index cases.trackingNo_asc created',
      'collection audit permission READONLY → ADMINONLY',
      'trigger cases.hourly-supervision removed',
      'trigger cases.hourly-supervision "0 0 * * * * *" created',
      expect.stringMatching(/^function meta code uploaded \([0-9a-f]{16}\)$/),
      'function meta configuration updated',
    ]);
    expect(await applyPlan(manager, plan, { functionRoot, values: {} })).toEqual([]);
  });

  test('refuses to deploy without ADMIN_OPENIDS, and a function on another runtime', async () => {
    const { manager, functions } = fakeManager();
    await expect(applyPlan(manager, plan, { functionRoot, values: {} })).rejects.toThrow(/ADMIN_OPENIDS has no value/);
    await applyPlan(manager, plan, { functionRoot, values: { ADMIN_OPENIDS: 'o' } });
    functions.get('users').Runtime = 'Nodejs16.13';
    await expect(applyPlan(manager, plan, { functionRoot, values: {} })).rejects.toThrow(/users runs on Nodejs16.13/);
  });
});
