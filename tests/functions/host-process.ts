/**
 * The local host as a real child process, for the suites that kill it or copy its data folder while it
 * serves (faults.test.ts, backup.test.ts): start it on a data folder, talk to it over HTTP, kill its whole
 * process group, and clean up after the suite.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../core/envelope';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
export const FUNCTIONS_DIR = path.resolve(ROOT, process.env.FUNCTIONS_DIR ?? 'dist/cloudfunctions');
/** Requests in flight at once, by default, in `pool`. */
export const CONCURRENCY = 32;

export interface Host {
  child: ChildProcess;
  base: string;
  output: string[];
  agent: http.Agent;
}

const children = new Set<ChildProcess>();
const tmpDirs: string[] = [];

/** A fresh folder under the system's temp folder, removed by `cleanupHosts`. */
export function tmpDir(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shuangyong-${tag}-`));
  tmpDirs.push(dir);
  return dir;
}

/** Builds the function bundles (npm run build:functions) unless those named are there already. */
export function ensureBundles(needed: string[]): void {
  const missing = () => needed.filter((n) => !fs.existsSync(path.join(FUNCTIONS_DIR, n, 'index.js')));
  if (missing().length === 0) return;
  if (process.env.FUNCTIONS_DIR) throw new Error(`FUNCTIONS_DIR=${FUNCTIONS_DIR} has no bundle for ${missing().join(', ')}`);
  execFileSync(TSX, ['scripts/build-functions.ts'], { cwd: ROOT, stdio: 'pipe' });
  if (missing().length) throw new Error(`npm run build:functions did not produce ${missing().join(', ')} in ${FUNCTIONS_DIR}`);
}

/** Is any process of the host's group still alive? */
function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-(child.pid as number), 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-(child.pid as number), 'SIGKILL');
  } catch {
    // already gone
  }
}

/** SIGKILLs the whole group (tsx and the node process it starts) and waits until none of it is left. */
export async function killHost(host: Host): Promise<void> {
  killGroup(host.child);
  const exited =
    host.child.exitCode !== null || host.child.signalCode !== null ? Promise.resolve() : new Promise((r) => host.child.once('exit', r));
  await exited;
  while (groupAlive(host.child)) await new Promise((r) => setTimeout(r, 20));
  host.agent.destroy();
  children.delete(host.child);
}

/**
 * Starts `tsx local/main.ts` on a free port in its own process group and waits for /healthz.
 * `fileSizeLimit` (bytes) caps the size of any file the host writes (RLIMIT_FSIZE): a disk that fills up.
 */
export async function startHost(dataDir: string, fileSizeLimit?: number): Promise<Host> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, FUNCTIONS_DIR, ADMIN_OPENIDS: 'admin' };
  delete env.LOCAL_NOW;
  const [cmd, args] =
    fileSizeLimit === undefined
      ? [TSX, ['local/main.ts']]
      : // bash counts ulimit -f in KiB; node ignores SIGXFSZ, so a write past the limit fails with EFBIG.
        ['bash', ['-c', `ulimit -f ${Math.floor(fileSizeLimit / 1024)} && exec "$0" "$@"`, TSX, 'local/main.ts']];
  const child = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const output: string[] = [];
  const base = await new Promise<string>((resolve, reject) => {
    const guard = setTimeout(() => fail(new Error('the host printed no address within 30 s')), 30_000);
    function fail(e: Error) {
      clearTimeout(guard);
      killGroup(child);
      reject(new Error(`${e.message}\n${output.join('\n')}`));
    }
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const m = /本地云已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(output.join(''));
      if (m) {
        clearTimeout(guard);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('exit', (code, signal) => fail(new Error(`the host exited (${code ?? signal}) before it served`)));
    child.once('error', fail);
  });
  const host: Host = { child, base, output, agent: new http.Agent({ keepAlive: true, maxSockets: 64 }) };
  const health = await request(host, 'GET', '/healthz');
  if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
  return host;
}

/** Kills every host still running and removes every folder `tmpDir` made. */
export function cleanupHosts(): void {
  for (const child of children) killGroup(child);
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
}

// ---------- HTTP ----------

export interface Answer {
  status: number;
  /** The envelope every host answer carries. */
  body: Envelope<Record<string, any>>;
}

export function request(
  host: Host,
  method: string,
  p: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${host.base}${p}`, { method, headers, agent: host.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          reject(new Error(`${method} ${p}: not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
        }
      });
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `work` over `items`, `concurrency` at a time; answers the results in order. */
export async function pool<T, R>(items: T[], work: (item: T) => Promise<R>, concurrency = CONCURRENCY): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

export const call = (host: Host, fn: string, event: Record<string, unknown>, openid: string) =>
  request(host, 'POST', `/api/${fn}`, JSON.stringify(event), { 'content-type': 'application/json', 'x-openid': openid });

/** Calls that must answer ok; anything else fails the test with the envelope. */
export async function ok<T = any>(host: Host, fn: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const res = await call(host, fn, event, openid);
  if (res.status !== 200 || !res.body.ok) throw new Error(`${fn}.${event.action} as ${openid}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as T;
}
