/**
 * The clients of the load table (bench/load.ts). They run in a worker thread — this same module, started
 * as the worker's entry — so their own HTTP and JSON work does not take turns with the host on its event
 * loop. Each client sends its next call as soon as the last one answered (a closed loop).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** One call a client makes: the function, the caller (x-openid) and the event. */
export interface Call {
  fn: string;
  openid?: string;
  event: Record<string, unknown>;
}

/** An answer that was not `ok: true`, or a call that got no answer at all (status 0). */
export interface Failure {
  status: number;
  code: string;
  message: string;
}

/** What one cell measured: each answered call's latency, the wall time of the whole cell, what failed. */
export interface CellResult {
  latencies: number[];
  wallMs: number;
  failures: Failure[];
}

interface Job {
  id: number;
  calls: Call[];
  clients: number;
}

type Done = CellResult & { id: number };

/** Tells the module, when it is a worker's entry, that it was started by LoadClient. */
interface ClientData {
  loadClient: true;
  base: string;
}

interface Envelope {
  ok?: unknown;
  error?: { code?: unknown; message?: unknown };
}

/** One call through the host's HTTP API: how long it took, and what went wrong if anything did. */
async function one(base: string, call: Call): Promise<{ ms: number; failure: Failure | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.openid) headers['x-openid'] = call.openid;
  const t = performance.now();
  const res = await fetch(`${base}/api/${call.fn}`, { method: 'POST', headers, body: JSON.stringify(call.event) });
  const text = await res.text();
  const ms = performance.now() - t;
  let body: Envelope | null = null;
  try {
    body = JSON.parse(text) as Envelope;
  } catch {
    // Not JSON: counted as a failure below, with the start of the text as its message.
  }
  if (body?.ok === true) return { ms, failure: null };
  const code = typeof body?.error?.code === 'string' ? body.error.code : 'NOT_JSON';
  const message = typeof body?.error?.message === 'string' ? body.error.message : text;
  return { ms, failure: { status: res.status, code, message: message.slice(0, 120) } };
}

/** Runs `calls` with `clients` concurrent clients in a closed loop; a call that threw has no latency. */
export async function runCalls(base: string, calls: readonly Call[], clients: number): Promise<CellResult> {
  const latencies: number[] = new Array<number>(calls.length).fill(Number.NaN);
  const failures: Failure[] = [];
  let next = 0;
  const client = async () => {
    while (next < calls.length) {
      const i = next++;
      try {
        const r = await one(base, calls[i] as Call);
        latencies[i] = r.ms;
        if (r.failure) failures.push(r.failure);
      } catch (e) {
        const err = e as { message?: string; cause?: { code?: string; message?: string } };
        const cause = err.cause ? ` (${err.cause.code ?? err.cause.message ?? String(err.cause)})` : '';
        failures.push({ status: 0, code: 'FETCH', message: `${err.message ?? String(e)}${cause}` });
      }
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  return { latencies: latencies.filter((x) => !Number.isNaN(x)), wallMs: performance.now() - t, failures };
}

/** The main thread's handle on the worker: one cell at a time is sent, and its result comes back. */
export class LoadClient {
  private readonly worker: Worker;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: CellResult) => void; reject: (e: unknown) => void }>();

  constructor(base: string) {
    const data: ClientData = { loadClient: true, base };
    // This module is TypeScript: the worker loads it through tsx's require hook, the way the bench itself runs.
    this.worker = new Worker(__filename, { workerData: data, execArgv: ['--require', require.resolve('tsx/cjs')] });
    this.worker.on('message', ({ id, ...result }: Done) => {
      this.waiting.get(id)?.resolve(result);
      this.waiting.delete(id);
    });
    this.worker.on('error', (e) => {
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    });
  }

  run(calls: Call[], clients: number): Promise<CellResult> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const job: Job = { id, calls, clients };
      this.worker.postMessage(job);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

// As the worker's entry: answer each job with its cell's result.
if (!isMainThread && parentPort && (workerData as Partial<ClientData> | null)?.loadClient) {
  const port = parentPort;
  const { base } = workerData as ClientData;
  port.on('message', ({ id, calls, clients }: Job) => {
    void runCalls(base, calls, clients).then((result) => port.postMessage({ id, ...result } satisfies Done));
  });
}
