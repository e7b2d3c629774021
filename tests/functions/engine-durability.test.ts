import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as WxServerSdk from 'wx-server-sdk';
import { LocalCloud } from '../../local/cloud';

/**
 * An acknowledged write survives `kill -9`: a separate process writes through the real SDK and prints
 * each acknowledged id; we kill it mid-stream, reopen the same data folder here and look for every id.
 */

const ROOT = path.resolve(__dirname, '../..');
const WRITER = path.join(__dirname, 'fixtures', 'writer.ts');
// Enough acknowledged writes that the kill lands in the middle of a steady stream of inserts.
const KILL_AFTER = 400;

interface Killed {
  acknowledged: Map<string, number>;
  signal: NodeJS.Signals | null;
}

/** Runs the writer until it has acknowledged KILL_AFTER documents, then SIGKILLs it. */
function runWriterAndKill(dataDir: string): Promise<Killed> {
  return new Promise((resolve, reject) => {
    // node --import tsx keeps the writer in this one process: the tsx CLI would run it in a child
    // that a SIGKILL of the CLI leaves running.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged = new Map<string, number>();
    let pending = '';
    let stderr = '';
    let killed = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer acknowledged only ${acknowledged.size} writes in 20 s; stderr: ${stderr}`));
    }, 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [id, seq] = line.split(' ');
        if (id && seq !== undefined) acknowledged.set(id, Number(seq));
      }
      if (!killed && acknowledged.size >= KILL_AFTER) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      // Lines read after the kill count too: they were in the pipe, so they were acknowledged before it.
      if (!killed) reject(new Error(`writer ended by itself (${signal}); stderr: ${stderr}`));
      else resolve({ acknowledged, signal });
    });
  });
}

let dataDir: string;
let cloud: LocalCloud | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuangyong-durability-'));
});
afterAll(() => {
  cloud?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('kill -9 of a writing process loses no acknowledged write', async () => {
  const { acknowledged, signal } = await runWriterAndKill(dataDir);
  expect(signal).toBe('SIGKILL');
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

  // Reopen the same data folder in this process and read back through the SDK.
  cloud = new LocalCloud({ dataDir, functions: () => new Map() });
  const sdk = require('wx-server-sdk') as typeof WxServerSdk;
  sdk.init({ env: 'local' });
  const durable: any = sdk.database().collection('durable');
  const { total }: { total: number } = await durable.count();
  expect(total).toBeGreaterThanOrEqual(acknowledged.size);

  const stored = new Map<string, number>();
  for (let offset = 0; offset < total; offset += 1000) {
    const page: { data: { _id: string; seq: number; payload: string }[] } = await durable
      .orderBy('seq', 'asc')
      .skip(offset)
      .limit(1000)
      .get();
    for (const doc of page.data) {
      expect(doc.payload).toBe(`document ${doc.seq}`);
      stored.set(doc._id, doc.seq);
    }
  }
  const lost = [...acknowledged].filter(([id, seq]) => stored.get(id) !== seq);
  expect(lost).toEqual([]);
  // Writes were sequential, so what survived is exactly a prefix 0..total-1.
  expect([...stored.values()]).toEqual(Array.from({ length: total }, (_v, i) => i));
});
