/**
 * `npm test`: everything that must hold before a change lands, in one command —
 * typecheck (the project, then the app alone), lint (with the boundary rules), formatting, unused code
 * (knip), the jest projects (core, functions, app, lint),
 * the weapp build within its package budget and WeChat's rules (privacy declarations, sitemap, …),
 * and the end-to-end test in Chromium against the local host.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './stale';

interface Step {
  name: string;
  cmd: string[];
  env?: Record<string, string>;
  /** Steps that must have passed for this one to mean anything. */
  needs?: string[];
  /** Run a second time after a failure (the browser journeys only). */
  retryOnce?: boolean;
}

const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const jestReport = path.join(root, '.tmp/jest-report.json');

const STEPS: Step[] = [
  { name: 'typecheck', cmd: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  // The app on its own, against the mini-program's globals only (no Node, no Jest).
  { name: 'typecheck:app', cmd: [bin('tsc'), '-p', 'src/tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: [bin('eslint'), '.'] },
  // Formatting drift and unused files, exports or dependencies fail like a lint error.
  { name: 'format', cmd: [bin('prettier'), '--check', '.'] },
  { name: 'knip', cmd: [bin('knip'), '--no-progress'] },
  { name: 'build:functions', cmd: [bin('tsx'), 'scripts/build-functions.ts'] },
  { name: 'jest', cmd: [bin('jest'), '--json', `--outputFile=${jestReport}`], needs: ['build:functions'] },
  { name: 'build:weapp', cmd: [bin('taro'), 'build', '--type', 'weapp'], env: { NODE_ENV: 'production' } },
  { name: 'size:weapp', cmd: [bin('tsx'), 'scripts/size-weapp.ts'], needs: ['build:weapp'] },
  { name: 'check:weapp', cmd: [bin('tsx'), 'scripts/check-weapp.ts'], needs: ['build:weapp'] },
  { name: 'build:h5', cmd: [bin('taro'), 'build', '--type', 'h5'], env: { NODE_ENV: 'production' } },
  { name: 'e2e', cmd: [bin('tsx'), 'tests/e2e/run.ts'], needs: ['build:functions', 'build:h5'], retryOnce: true },
];

const only = process.argv.slice(2);
const results = new Map<string, 'passed' | 'failed' | 'skipped'>();
const retried: string[] = [];
fs.mkdirSync(path.dirname(jestReport), { recursive: true });
fs.rmSync(jestReport, { force: true });

for (const step of STEPS) {
  if (only.length && !only.includes(step.name)) continue;
  const blocked = (step.needs ?? []).filter((n) => results.get(n) === 'failed' || results.get(n) === 'skipped');
  if (blocked.length) {
    console.log(`\n━━ ${step.name}: skipped (needs ${blocked.join(', ')})`);
    results.set(step.name, 'skipped');
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.cmd.map((c) => path.relative(root, c) || c).join(' ')}`);
  const started = Date.now();
  const run = () =>
    spawnSync(step.cmd[0] as string, step.cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } }).status === 0;
  let ok = run();
  if (!ok && step.retryOnce) {
    // A browser run can trip on timing on a loaded machine; a second failure is a real one. Said loudly.
    console.log(`━━ ${step.name}: FAILED once; running it again (a flaky step is a bug to chase, see the log above)`);
    ok = run();
    if (ok) retried.push(step.name);
  }
  results.set(step.name, ok ? 'passed' : 'failed');
  console.log(`━━ ${step.name}: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (retried.length) console.log(`\n━━ passed only on a second run: ${retried.join(', ')}`);

console.log('\n━━ summary');
for (const [name, result] of results) console.log(`  ${result.padEnd(8)} ${name}`);
let passed = [...results.values()].filter((r) => r === 'passed').length;
let failed = [...results.values()].filter((r) => r !== 'passed').length;
if (fs.existsSync(jestReport)) {
  const report = JSON.parse(fs.readFileSync(jestReport, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  console.log(`  jest: ${report.numPassedTests} tests passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
  // Count jest's tests one by one rather than as one step.
  passed += report.numPassedTests - (results.get('jest') === 'passed' ? 1 : 0);
  failed += report.numFailedTests - (results.get('jest') === 'passed' ? 0 : 1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
