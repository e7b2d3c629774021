import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildFunctions, functionNames } from '../../scripts/build-functions';
import { RUNTIME } from '../../scripts/deploy/environment';
import { exactNode } from '../../scripts/exact-node';
import type { SmokeReport } from '../../scripts/runtime-smoke';

/**
 * The bundles run on the declared runtime's exact Node release, not only pass a lint for it: the registry's
 * node-<platform>-<arch>@<RUNTIME.node> (cached in node_modules/.cache) runs scripts/runtime-smoke.ts over
 * them (docs/decisions/013-declared-runtime.md).
 */
const root = path.resolve(__dirname, '../..');
let node: string;
let work: string;

beforeAll(async () => {
  node = exactNode();
  // Built here, with the same pipeline as dist/cloudfunctions: tests/functions/bundles.test.ts rebuilds
  // dist/ while other suites run. Under the project, so the bundles resolve wx-server-sdk as deployed.
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  work = fs.mkdtempSync(path.join(root, '.tmp/runtime-smoke-'));
  await buildFunctions({ outDir: path.join(work, 'cloudfunctions') });
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Runs the smoke over `bundles` under the exact Node (with tsx, loaded under that Node too). */
function smoke(bundles: string): { status: number | null; report: SmokeReport; stderr: string } {
  const run = spawnSync(node, ['--import', 'tsx', 'scripts/runtime-smoke.ts', bundles], {
    cwd: root,
    encoding: 'utf8',
    // Nothing of jest's own Node options reaches the other Node.
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  const line = run.stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('RUNTIME-SMOKE '));
  if (!line) throw new Error(`the smoke printed no report (exit ${run.status}):\n${run.stderr}`);
  return { status: run.status, report: JSON.parse(line.slice('RUNTIME-SMOKE '.length)) as SmokeReport, stderr: run.stderr };
}

test('the cached binary is the declared release, with the native ABI of the Node that built better-sqlite3', () => {
  const run = spawnSync(
    node,
    [
      '-e',
      "const D = require('better-sqlite3'); new D(':memory:').close(); process.stdout.write(process.version + ' ' + process.versions.modules)",
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(`v${RUNTIME.node} ${process.versions.modules}`);
});

test('every function and every timer runs on the declared Node release without an error', () => {
  const { status, report, stderr } = smoke(path.join(work, 'cloudfunctions'));
  expect({ failures: report.failures, stderr: report.failures.length ? stderr : '' }).toEqual({ failures: [], stderr: '' });
  expect(status).toBe(0);
  expect(report.node).toBe(`v${RUNTIME.node}`);
  expect(report.functions).toEqual(functionNames());

  // Every function answered at least one call with data, not only an input error.
  const okBy = new Set(
    [...Object.entries(report.actions).map(([k, v]) => [k, v] as const), ...report.flow.map((f) => [f.step, f.answer] as const)]
      .filter(([, answer]) => answer === 'ok')
      .map(([name]) => name.split('.')[0]),
  );
  expect([...okBy].sort()).toEqual(functionNames());
  expect(Object.values(report.actions)).not.toContain('INTERNAL');

  // Every timer trigger of every config.json fired, and succeeded.
  const triggers = functionNames().flatMap((fn) => {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'cloudfunctions', fn, 'config.json'), 'utf8')) as {
      triggers?: { name: string; type: string }[];
    };
    return (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => `${fn}/${t.name}`);
  });
  expect(triggers.length).toBeGreaterThan(0);
  expect(report.timers).toEqual(Object.fromEntries(triggers.map((t) => [t, 'ok'])));
  // The flows reached what the empty-input sweep cannot: a change to a case (structuredClone), exports.
  expect(report.flow.filter((f) => f.answer !== 'ok')).toEqual([]);
  expect(report.flow.map((f) => f.step)).toEqual(
    expect.arrayContaining(['cases.withdraw', 'cases.rate', 'cases.exportStats', 'files.confirmUpload']),
  );
}, 90_000);

test('the smoke rejects a bundle that calls an API newer than the declared runtime (Promise.withResolvers, Node 22)', async () => {
  // Built by the same pipeline as the real functions, through the same router, which turns the TypeError
  // into an INTERNAL envelope: the smoke must still see it. (eslint-plugin-n's rules do not flag this API.)
  const src = path.join(work, 'newer-src');
  fs.mkdirSync(path.join(src, 'newer'), { recursive: true });
  fs.writeFileSync(
    path.join(src, 'newer/index.ts'),
    `import { action, createMain } from ${JSON.stringify(path.join(root, 'cloudfunctions/_lib/router'))};
import { metaContract } from ${JSON.stringify(path.join(root, 'core/contracts/meta'))};
export const main = createMain({
  name: 'newer',
  actions: {
    ping: action({
      access: 'public',
      input: metaContract.ping,
      run: async () => {
        const { promise, resolve } = (Promise as any).withResolvers();
        resolve(true);
        return { pong: await promise };
      },
    }),
  },
});
`,
  );
  const out = path.join(work, 'newer');
  await buildFunctions({ srcDir: src, outDir: out });
  expect(fs.readFileSync(path.join(out, 'newer/index.js'), 'utf8')).toContain('.withResolvers()');

  const { status, report } = smoke(out);
  expect(status).toBe(1);
  expect(report.node).toBe(`v${RUNTIME.node}`);
  expect(report.actions).toEqual({ 'newer.ping': 'INTERNAL' });
  expect(report.failures).toEqual(
    expect.arrayContaining([
      'newer.ping answered INTERNAL',
      expect.stringMatching(/^console\.error: \[newer\] ping failed TypeError: .*withResolvers is not a function/),
    ]),
  );
}, 90_000);
