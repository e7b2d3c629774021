/**
 * `npm run bench`: the budgets of DESIGN.md, each as a ratio to a floor measured in the same run
 * (the machines are shared and noisy, so medians and ratios, never absolute timings in tests).
 * Later features add their rows (search, submit, concurrent sign-ups) to BENCHES.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildFunctions, functionNames } from './build-functions';
import { root } from './stale';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

interface Row {
  what: string;
  median: number;
  floor: number;
  budget: number;
}
const rows: Row[] = [];

/** Milliseconds for a fresh Node process to require `target`, measured inside that process. */
function requireTime(target: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(target)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`;
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
}

function coldStarts(runs: number) {
  const sdk = path.join(root, 'node_modules/wx-server-sdk');
  const floor: number[] = [];
  const per = new Map<string, number[]>(functionNames().map((n) => [n, []]));
  // Interleaved so that a noisy moment hurts floor and functions alike.
  for (let i = 0; i < runs; i++) {
    floor.push(requireTime(sdk));
    for (const [name, times] of per) times.push(requireTime(path.join(root, 'dist/cloudfunctions', name, 'index.js')));
  }
  for (const [name, times] of per) rows.push({ what: `cold start: ${name}`, median: median(times), floor: median(floor), budget: 1.3 });
}

async function throughHost(calls: number) {
  const { LocalCloud } = await import('../local/cloud');
  const { createHostServer } = await import('../local/http');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const cloud = new LocalCloud({ dataDir, functions: path.join(root, 'dist/cloudfunctions') });
  const server = createHostServer({ cloud });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const time = async (fn: string, event: object, openid?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (openid) headers['x-openid'] = openid;
    const t = performance.now();
    const res = await fetch(`${base}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify(event) });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${fn}.${(event as { action: string }).action} answered ${res.status}`);
    return performance.now() - t;
  };
  const measured: Record<string, number[]> = { ping: [], 'meta.get': [], 'users.me': [] };
  for (let i = 0; i < 20; i++) await time('meta', { action: 'ping' }); // warm-up
  for (let i = 0; i < calls; i++) {
    measured.ping!.push(await time('meta', { action: 'ping' }));
    measured['meta.get']!.push(await time('meta', { action: 'get' }));
    measured['users.me']!.push(await time('users', { action: 'me' }, 'resident-1'));
  }
  const floor = median(measured.ping!);
  // meta.get and users.me have no budget of their own in DESIGN.md; they are held to cases.submit's.
  rows.push({ what: 'meta.get via host', median: median(measured['meta.get']!), floor, budget: 3 });
  rows.push({ what: 'users.me via host', median: median(measured['users.me']!), floor, budget: 3 });
  await new Promise((resolve) => server.close(resolve));
  cloud.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function main() {
  await buildFunctions();
  coldStarts(Number(process.env.BENCH_RUNS ?? 7));
  await throughHost(Number(process.env.BENCH_CALLS ?? 200));
  console.log('\nwhat'.padEnd(34) + 'median ms'.padStart(11) + 'floor ms'.padStart(10) + 'ratio'.padStart(8) + 'budget'.padStart(8));
  let over = 0;
  for (const r of rows) {
    const ratio = r.median / r.floor;
    if (ratio > r.budget) over++;
    console.log(
      `${r.what.padEnd(33)}${r.median.toFixed(2).padStart(11)}${r.floor.toFixed(2).padStart(10)}${ratio.toFixed(2).padStart(8)}${`≤${r.budget}`.padStart(8)}${ratio > r.budget ? '  OVER' : ''}`,
    );
  }
  process.exit(over ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
