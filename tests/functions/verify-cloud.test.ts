import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { isPushContext, isTimerContext } from '../../cloudfunctions/_lib/event-source';
import { LocalDatabase } from '../../local/engine/database';
import { checkPinnedSdk, installDatabaseTransport } from '../../local/engine/transport';
import { compare, DB_CHECKS, observe, type CheckDb, type Observation } from '../../scripts/verify-cloud/database';
import { withLocalEngine } from '../../scripts/verify-cloud/local';
import { PROBE_SOURCE, PROBE_TRIGGER, type VerifyManager } from '../../scripts/verify-cloud/probe';
import { verifyCloud, type VerifyDeps } from '../../scripts/verify-cloud/run';

const root = path.resolve(__dirname, '../..');

/**
 * The "real" CloudBase of these tests: wx-server-sdk's requests answered in-process by an engine that can be
 * told to differ from the local one — compare `_.neq` with whole arrays, refuse a mixed update, fail.
 */
interface CloudQuirks {
  wholeArrayNeq?: boolean;
  refuseMixedUpdate?: boolean;
  /** Throws on the nth database request (1-based): a network failure half-way. */
  failAtRequest?: number;
}

/** Whole-array `$ne`: an array never equals a string, so each `field: { $ne: 'x' }` holds and drops out. */
function rewriteNeq(query: unknown): unknown {
  const q = (typeof query === 'string' ? JSON.parse(query) : structuredClone(query)) as Record<string, unknown>;
  for (const [field, cond] of Object.entries(q))
    if (cond && typeof cond === 'object' && Object.keys(cond).length === 1 && '$ne' in cond) delete q[field];
  return typeof query === 'string' ? JSON.stringify(q) : q;
}

let quirks: CloudQuirks = {};
let cloudEngine: LocalDatabase;
let requests = 0;
const originalSend = checkPinnedSdk().TcbDBApiHttpRequester.prototype.send;
const sdk = require('wx-server-sdk') as { init(c: Record<string, unknown>): void; database(): unknown };

beforeAll(() => {
  // Placeholder credentials: every request is answered below, none leaves the process.
  sdk.init({ env: 'fake-env', secretId: 'fake-id', secretKey: 'fake-key' });
});

beforeEach(() => {
  quirks = {};
  requests = 0;
  cloudEngine = new LocalDatabase(':memory:', Date.now);
  const fake = {
    handle(action: string, params: Record<string, unknown>) {
      requests++;
      if (quirks.failAtRequest === requests) throw new Error('connect ETIMEDOUT (fake)');
      if (action === 'database.modifyDocument') {
        const data = String(params.data);
        if (quirks.refuseMixedUpdate && ['$pull', '$push', '$inc'].every((op) => data.includes(op)))
          return { code: 'DATABASE_REQUEST_FAILED', message: 'Updating the path would create a conflict (fake)', requestId: 'x' };
        if (quirks.wholeArrayNeq && params.query) params = { ...params, query: rewriteNeq(params.query) };
      }
      return cloudEngine.handle(action, params);
    },
  };
  installDatabaseTransport(fake as unknown as LocalDatabase);
});

afterEach(() => cloudEngine.close());
afterAll(() => {
  checkPinnedSdk().TcbDBApiHttpRequester.prototype.send = originalSend;
});

const db = () => sdk.database() as CheckDb;

/** manager-node's calls verify:cloud makes; a created probe "runs" its timer with `timerContext` while we wait. */
function fakeManager(o: { timerContext?: { OPENID: string; SOURCE: string } | null; failOn?: string } = {}) {
  const calls: string[] = [];
  const collections = new Set<string>();
  const functions = new Map<string, { collection: string; files: string[] }>();
  const maybeFail = (what: string) => {
    if (o.failOn === what) throw new Error(`${what} failed (fake)`);
  };
  const record = (name: string, data: Record<string, unknown>) =>
    db()
      .collection(functions.get(name)!.collection)
      .add({ data: { ...data, at: new Date() } });
  const manager: VerifyManager = {
    database: {
      createCollection: async (n) => {
        calls.push(`createCollection ${n}`);
        maybeFail('createCollection');
        collections.add(n);
      },
      deleteCollection: async (n) => {
        calls.push(`deleteCollection ${n}`);
        collections.delete(n);
      },
    },
    functions: {
      createFunction: async ({ func, functionRootPath }) => {
        calls.push(`createFunction ${func.name} ${func.runtime} ${func.triggers.map((t) => `${t.type}:${t.config}`).join()}`);
        const files = fs.readdirSync(path.join(functionRootPath, func.name)).sort();
        functions.set(func.name, { collection: func.envVariables.VERIFY_COLLECTION!, files });
        maybeFail('createFunction');
      },
      invokeFunction: async (n) => {
        calls.push(`invokeFunction ${n}`);
        maybeFail('invokeFunction');
        await record(n, { kind: 'other', OPENID: '', SOURCE: 'tcb_api' });
        return { RetMsg: '{}' };
      },
      deleteFunction: async (n) => {
        calls.push(`deleteFunction ${n}`);
        functions.delete(n);
      },
    },
  };
  // The one-minute timer fires during the first wait.
  let fired = false;
  const sleep = async () => {
    clock += 10_000;
    if (!fired && o.timerContext && functions.size) {
      fired = true;
      for (const name of functions.keys()) await record(name, { kind: 'timer', eventType: 'Timer', ...o.timerContext });
    }
  };
  let clock = 0;
  return { manager, calls, collections, functions, sleep, now: () => clock };
}

function deps(f: ReturnType<typeof fakeManager>, lines: string[]): VerifyDeps {
  return { manager: f.manager, db: db(), withLocalEngine, log: (l) => lines.push(l), sleep: f.sleep, now: f.now };
}

const options = { envId: 'env-test', probe: true, waitMs: 60_000, sdkVersion: '4.0.2', suffix: 'abcd1234' };

test('the local engine answers what the code assumes for every check', async () => {
  const local = await withLocalEngine(() => observe(db(), 'scratch'));
  for (const c of DB_CHECKS) expect(local.get(c.id)).toEqual(c.expected);
  // …and the redirection is undone: the "cloud" engine sees nothing of it until asked.
  expect(cloudEngine.count('scratch')).toBe(0);
});

test('compare marks ✓ only where CloudBase, the local engine and the assumption agree', () => {
  const local = new Map<string, Observation>(DB_CHECKS.map((c) => [c.id, c.expected]));
  const cloud = new Map(local);
  cloud.set('neq-seated', { updated: 1, doc: { seated: ['s1'], waitQueue: ['s1'] } });
  cloud.set('mixed-update', { error: 'conflict' });
  const rows = compare(cloud, local);
  expect(rows.filter((r) => !r.ok).map((r) => r.check.id)).toEqual(['neq-seated', 'mixed-update']);
  expect(rows.find((r) => r.check.id === 'mixed-update')?.note).toMatch(/promoteHead relies on/);
  const drifted = new Map(local);
  drifted.set('neq-absent', { updated: 0, doc: null });
  expect(compare(drifted, drifted).find((r) => r.check.id === 'neq-absent')?.note).toMatch(/local engine no longer/);
});

test('an environment that behaves like the local engine: every row ✓, timer accepted, everything removed', async () => {
  const f = fakeManager({ timerContext: { OPENID: '', SOURCE: 'wx_timer' } });
  const lines: string[] = [];
  const outcome = await verifyCloud(deps(f, lines), options);
  const text = lines.join('\n');
  expect(outcome).toEqual({ ok: true, collection: 'verify_scratch_abcd1234', probe: 'verify_probe_abcd1234' });
  for (const c of DB_CHECKS) expect(text).toContain(`✓ ${c.id}`);
  expect(text).toContain('CloudBase:    updated 1, {"capacity":2,"confirmedCount":1,"seated":["s1"],"waitQueue":["s2"]}');
  expect(text).toMatch(/✓ a timer run carried OPENID "", SOURCE "wx_timer": the router's isTimerEvent takes it/);
  expect(text).toContain('called through the API (for comparison): OPENID "", SOURCE "tcb_api"');
  expect(text).toMatch(/only WeChat sends it/);
  // The scratch documents were written to the "real" database, the probe with the declared runtime and a minute timer.
  expect(cloudEngine.count('verify_scratch_abcd1234')).toBe(DB_CHECKS.length + 2);
  expect(f.calls[0]).toBe('createCollection verify_scratch_abcd1234');
  expect(f.calls).toContain(`createFunction verify_probe_abcd1234 Nodejs20.19 timer:${PROBE_TRIGGER.config}`);
  expect(f.calls.slice(-2)).toEqual(['deleteFunction verify_probe_abcd1234', 'deleteCollection verify_scratch_abcd1234']);
  expect(f.collections.size + f.functions.size).toBe(0);
});

test('differences are marked ✗ next to the local answer, and the outcome is not ok', async () => {
  const f = fakeManager({ timerContext: { OPENID: 'o-someone', SOURCE: 'wx_client' } });
  quirks = { wholeArrayNeq: true, refuseMixedUpdate: true };
  const lines: string[] = [];
  const outcome = await verifyCloud(deps(f, lines), options);
  const text = lines.join('\n');
  expect(outcome.ok).toBe(false);
  for (const id of ['neq-seated', 'neq-queued', 'neq-take-seat', 'mixed-update']) expect(text).toContain(`✗ ${id}`);
  expect(text).toContain('✓ neq-absent');
  expect(text).toMatch(/CloudBase: {4}error: .*conflict/);
  expect(text).toContain('local engine: updated 1, {"capacity":2,"confirmedCount":1,"seated":["s1"],"waitQueue":["s2"]}');
  expect(text).toMatch(/✗ a timer run carried OPENID "o-someone", SOURCE "wx_client": the router's isTimerEvent would NOT/);
  expect(f.collections.size + f.functions.size).toBe(0);
});

test('no timer run within the wait: a clear ✗, and the probe is still removed', async () => {
  const f = fakeManager({ timerContext: null });
  const lines: string[] = [];
  const outcome = await verifyCloud(deps(f, lines), { ...options, waitMs: 30_000 });
  expect(outcome.ok).toBe(false);
  expect(lines.join('\n')).toMatch(/✗ no timer run within 30 s\. Not a verdict on the rule: look at 云函数 → verify_probe_abcd1234 → 日志/);
  expect(f.calls.slice(-2)).toEqual(['deleteFunction verify_probe_abcd1234', 'deleteCollection verify_scratch_abcd1234']);
});

test.each([
  ['the database fails half-way through the checks', { failAtRequest: 4 }, undefined, /ETIMEDOUT/, false],
  ['creating the probe fails after CloudBase made it', {}, 'createFunction', /createFunction failed/, true],
  ['the timer wait fails', {}, 'sleep', /sleep failed/, true],
] as const)('%s: the scratch collection and the probe are removed all the same', async (_name, q, failOn, error, probeMade) => {
  const f = fakeManager({ timerContext: null, failOn });
  quirks = { ...q };
  const lines: string[] = [];
  const d = deps(f, lines);
  if (failOn === 'sleep')
    d.sleep = async () => {
      throw new Error('sleep failed (fake)');
    };
  // The database failure is caught per check (✗), so make the outcome visible through the wait failing too.
  if (failOn === undefined) {
    const outcome = await verifyCloud(d, { ...options, probe: false });
    expect(outcome.ok).toBe(false);
    expect(lines.join('\n')).toMatch(error);
  } else {
    await expect(verifyCloud(d, options)).rejects.toThrow(error);
  }
  expect(f.calls).toContain('deleteCollection verify_scratch_abcd1234');
  expect(f.calls.includes('deleteFunction verify_probe_abcd1234')).toBe(probeMade);
  expect(f.collections.size + f.functions.size).toBe(0);
  expect(lines.join('\n')).toContain('cleaning up');
});

test('a failing removal is reported for removing by hand, and the other one still happens', async () => {
  const f = fakeManager({ timerContext: { OPENID: '', SOURCE: 'wx_timer' } });
  f.manager.functions.deleteFunction = async () => {
    throw new Error('ResourceInUse (fake)');
  };
  const lines: string[] = [];
  await verifyCloud(deps(f, lines), options);
  expect(lines.join('\n')).toMatch(/! function verify_probe_abcd1234 could not be removed: ResourceInUse/);
  expect(lines.join('\n')).toContain('remove by hand in the console: function verify_probe_abcd1234');
  expect(f.calls).toContain('deleteCollection verify_scratch_abcd1234');
});

test('the probe is plain CommonJS that records the context into the collection its variable names', () => {
  expect(PROBE_SOURCE).toContain("require('wx-server-sdk')");
  expect(PROBE_SOURCE).toContain('cloud.getWXContext()');
  expect(PROBE_SOURCE).toContain('process.env.VERIFY_COLLECTION');
  expect(() => new Function('require', 'exports', 'process', PROBE_SOURCE)).not.toThrow();
});

test('the router rules the probe is judged by', () => {
  expect(isTimerContext({ OPENID: '', SOURCE: 'wx_timer' })).toBe(true);
  expect(isTimerContext({ SOURCE: undefined })).toBe(true);
  expect(isTimerContext({ OPENID: 'o1', SOURCE: 'wx_timer' })).toBe(false);
  expect(isTimerContext({ OPENID: '', SOURCE: 'wx_client' })).toBe(false);
  expect(isPushContext({ SOURCE: 'wx_client' })).toBe(false);
  expect(isPushContext({ SOURCE: 'wx_http' })).toBe(true);
});

test('--dry-run prints the plan, loads no SDK and exits 0', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-dry-'));
  try {
    const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/verify-cloud.ts', '--dry-run', '--env', 'env-x'], {
      cwd: root,
      encoding: 'utf8',
      // No credentials: a dry run needs none.
      env: { ...process.env, TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '', TMPDIR: tmp },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('verify:cloud against env-x would:');
    for (const c of DB_CHECKS) expect(run.stdout).toContain(c.id);
    expect(run.stdout).toContain('remove verify_probe_<random> and verify_scratch_<random>');
    expect(run.stdout).toContain('dry run: nothing was contacted or changed');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
