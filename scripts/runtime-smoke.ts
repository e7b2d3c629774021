/**
 * The runtime smoke: loads the built function bundles into the local cloud (the real wx-server-sdk over the
 * embedded engine) and calls every action of every function, a few of them through a real flow, then
 * fires every timer trigger. Meant to run under the exact Node release of the declared runtime
 * (tests/functions/runtime-smoke.test.ts starts it with node_modules/.cache/node-<version>/bin/node), so
 * that an API that release lacks fails here rather than in production:
 *
 *   node --import tsx scripts/runtime-smoke.ts [bundles folder, default dist/cloudfunctions]
 *
 * The router turns an unexpected error (a TypeError for a missing API, say) into an INTERNAL envelope and
 * logs it with console.error. So the smoke fails on any INTERNAL envelope, any call that throws, any
 * console.error, any unhandled rejection or uncaught exception, and on a flow step that does not succeed.
 * Answers with other error codes (INVALID_INPUT for an empty input, FORBIDDEN, NOT_FOUND …) are the
 * functions' own decisions and pass. The last line of stdout is `RUNTIME-SMOKE <json report>`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import type { Envelope } from '../core/envelope';
import { LocalCloud } from '../local/cloud';
import { holdPushes, settlePushes } from '../local/runtime';

export interface SmokeReport {
  node: string;
  /** The native-module ABI (better-sqlite3 is built for it). */
  modules: string;
  functions: string[];
  /** `function.action`: what it answered (ok or an error code). */
  actions: Record<string, string>;
  /** `function/trigger`: ok or an error code. */
  timers: Record<string, string>;
  /** The flow steps, in order. */
  flow: { step: string; answer: string }[];
  failures: string[];
  ms: number;
}

const started = Date.now();
const failures: string[] = [];
const logged: string[] = [];
const originalError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  logged.push(format(...args));
  originalError(...args);
};
process.on('unhandledRejection', (reason) => failures.push(`unhandled rejection: ${format(reason)}`));
process.on('uncaughtException', (error) => failures.push(`uncaught exception: ${format(error)}`));

const answer = (e: Envelope<unknown>): string => (e.ok ? 'ok' : e.error.code);

async function run(bundles: string): Promise<SmokeReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-smoke-'));
  const cloud = new LocalCloud({ dataDir, functions: bundles, frozenClock: true, adminOpenids: 'admin' });
  const report: SmokeReport = {
    node: process.version,
    modules: process.versions.modules,
    functions: [...cloud.functions.keys()],
    actions: {},
    timers: {},
    flow: [],
    failures,
    ms: 0,
  };
  const call = async (fn: string, event: Record<string, unknown>, openid: string | null): Promise<Envelope<unknown>> => {
    try {
      const e = (await cloud.invoke(fn, event, openid)) as Envelope<unknown>;
      if (!e.ok && e.error.code === 'INTERNAL') failures.push(`${fn}.${String(event.action)} answered INTERNAL`);
      return e;
    } catch (error) {
      failures.push(`${fn}.${String(event.action)} threw: ${format(error)}`);
      return { ok: false, error: { code: 'THREW', message: String(error) } } as unknown as Envelope<unknown>;
    }
  };
  const step = async <T>(name: string, fn: string, event: Record<string, unknown>, openid: string | null): Promise<T | null> => {
    if (!cloud.has(fn)) return null;
    const e = await call(fn, event, openid);
    report.flow.push({ step: name, answer: answer(e) });
    if (!e.ok) failures.push(`flow step "${name}" answered ${e.error.code}: ${e.error.message}`);
    return e.ok ? (e.data as T) : null;
  };

  try {
    // A few real flows, through the code paths the empty-input sweep below cannot reach.
    holdPushes();
    const today = new Date(cloud.clock.now()).toISOString().slice(0, 10);
    await step('meta.get', 'meta', { action: 'get' }, null);
    await step('meta.calendar', 'meta', { action: 'calendar' }, 'admin');
    await step('users.me', 'users', { action: 'me' }, 'resident-1');
    await step('policies.search', 'policies', { action: 'search', q: '子女入学' }, 'resident-1');
    const submitted = await step<{ caseId?: string; id?: string; _id?: string }>(
      'cases.submit',
      'cases',
      {
        action: 'submit',
        requestId: '6f1c2c62-0d4a-4a8e-9f5e-2f4d2b1d8c11',
        category: 'children',
        description: '孩子明年上小学，想了解军人子女入学的优待政策，需要准备哪些材料？',
        region: 'chengguan',
        contact: { name: '王建国', phone: '13800000001' },
        consent: true,
      },
      'resident-1',
    );
    const caseId = submitted?.caseId ?? submitted?.id ?? submitted?._id;
    if (cloud.has('cases') && !caseId) failures.push(`cases.submit answered no case id: ${JSON.stringify(submitted)}`);
    if (caseId) {
      await step('cases.get', 'cases', { action: 'get', caseId }, 'resident-1');
      // A change to a case: core/cases/use-cases.ts copies it with structuredClone.
      await step('cases.withdraw', 'cases', { action: 'withdraw', caseId, reason: '已经问清楚了' }, 'resident-1');
    }
    // A case through a department (children: the education bureau) to a rating.
    const second = await step<{ caseId?: string }>(
      'cases.submit (second)',
      'cases',
      {
        action: 'submit',
        requestId: '0b7a4f0e-5d7e-4c4b-8f3a-9a1e6c2d4b57',
        category: 'children',
        description: '军人子女转学需要哪些证明材料？想提前准备。',
        region: 'hekou',
        contact: { name: '李秀兰', phone: '13800000002' },
        consent: true,
      },
      'resident-2',
    );
    if (second?.caseId) {
      const id = second.caseId;
      await step('cases.accept', 'cases', { action: 'accept', caseId: id }, 'staff-edu');
      await step('cases.reply', 'cases', { action: 'reply', caseId: id, text: '请携带随军证明和户口簿到教育局窗口办理。' }, 'staff-edu');
      await step('cases.resolve', 'cases', { action: 'resolve', caseId: id, summary: '已答复转学所需材料' }, 'staff-edu');
      await step('cases.rate', 'cases', { action: 'rate', caseId: id, score: 5, solved: true, comment: '谢谢' }, 'resident-2');
    }
    await step(
      'fairs.signup',
      'fairs',
      { action: 'signup', fairId: 'fair-winter', requestId: '3c9d2e1f-7a6b-4c5d-8e9f-0a1b2c3d4e5f', name: '王建国', phone: '13800000001' },
      'resident-1',
    );
    await step('cases.exportStats', 'cases', { action: 'exportStats', from: `${today.slice(0, 4)}-01-01`, to: today }, 'admin');
    await step('ledger.sampleTemplate', 'ledger', { action: 'sampleTemplate' }, 'admin');
    const prepared = await step<{ cloudPath: string }>(
      'files.prepareUpload',
      'files',
      { action: 'prepareUpload', name: 'a.jpg', size: 4 },
      'resident-1',
    );
    if (prepared) {
      const fileID = cloud.storage.put(prepared.cloudPath, Buffer.from('jpeg'));
      // Sends the picture to WeChat's media check, whose verdict is pushed to the files function.
      await step('files.confirmUpload', 'files', { action: 'confirmUpload', fileID }, 'resident-1');
    }
    await settlePushes();

    // Every action of every function, as an admin (who may call all of them) with an empty input. The
    // action names come from the bundle itself: the router lists them when asked for one it lacks.
    for (const fn of report.functions) {
      const listing = await call(fn, { action: '__runtime_smoke__' }, 'admin');
      const names = listing.ok
        ? []
        : (/可用的操作：(.*)$/.exec(listing.error.issues?.[0]?.message ?? '')?.[1] ?? '').split(', ').filter(Boolean);
      if (!names.length) failures.push(`${fn} did not list its actions: ${JSON.stringify(listing)}`);
      for (const name of names) report.actions[`${fn}.${name}`] = answer(await call(fn, { action: name }, 'admin'));
    }
    await settlePushes();

    // Every timer trigger, as CloudBase fires it.
    for (const t of cloud.timers.list()) {
      const at = new Date(cloud.clock.now()).toISOString();
      try {
        const e = (await cloud.invoke(t.fn, { Type: 'Timer', TriggerName: t.trigger, Time: at }, null, 'wx_timer')) as Envelope<unknown>;
        report.timers[`${t.fn}/${t.trigger}`] = answer(e);
        if (!e.ok) failures.push(`timer ${t.fn}/${t.trigger} answered ${e.error.code}: ${e.error.message}`);
      } catch (error) {
        failures.push(`timer ${t.fn}/${t.trigger} threw: ${format(error)}`);
      }
    }
    await settlePushes();
  } finally {
    cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  for (const line of logged) failures.push(`console.error: ${line}`);
  report.ms = Date.now() - started;
  return report;
}

if (require.main === module) {
  const bundles = path.resolve(process.argv[2] ?? path.join(__dirname, '../dist/cloudfunctions'));
  run(bundles)
    .then((report) => {
      process.stdout.write(`RUNTIME-SMOKE ${JSON.stringify(report)}\n`);
      process.exit(report.failures.length ? 1 : 0);
    })
    .catch((e: unknown) => {
      originalError('[runtime-smoke] could not run:', e);
      process.stdout.write(`RUNTIME-SMOKE ${JSON.stringify({ node: process.version, failures: [`could not run: ${format(e)}`] })}\n`);
      process.exit(1);
    });
}
