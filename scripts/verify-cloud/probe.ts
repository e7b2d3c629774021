/**
 * The timer-source probe: a throwaway function that writes `cloud.getWXContext()` of every call into the
 * scratch collection, with a one-minute timer trigger, so the deployer sees what a real timer run carries
 * and whether the router's rule (cloudfunctions/_lib/event-source.ts) takes it as the timer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPushContext, isTimerContext } from '../../cloudfunctions/_lib/event-source';
import { RUNTIME } from '../deploy/environment';
import type { CheckDb } from './database';

export const PROBE_TRIGGER = { name: 'verify-every-minute', type: 'timer', config: '0 */1 * * * * *' } as const;

/** The probe's code: plain CommonJS, wx-server-sdk installed by CloudBase from its package.json. */
export const PROBE_SOURCE = `const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
exports.main = async (event) => {
  const ctx = cloud.getWXContext();
  const record = {
    kind: event && event.Type === 'Timer' ? 'timer' : 'other',
    eventType: (event && event.Type) || null,
    trigger: (event && event.TriggerName) || null,
    OPENID: ctx.OPENID || '',
    SOURCE: ctx.SOURCE === undefined ? null : ctx.SOURCE,
    at: new Date(),
  };
  await cloud.database().collection(process.env.VERIFY_COLLECTION).add({ data: record });
  return record;
};
`;

export const probePackage = (sdkVersion: string) =>
  `${JSON.stringify({ name: 'verify-probe', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2)}\n`;

/** The part of `new CloudBase({ envId, secretId, secretKey })` (@cloudbase/manager-node) verify:cloud calls. */
export interface VerifyManager {
  database: {
    createCollection(name: string): Promise<unknown>;
    deleteCollection(name: string): Promise<unknown>;
  };
  functions: {
    createFunction(p: {
      func: {
        name: string;
        runtime: string;
        handler: string;
        timeout: number;
        installDependency: boolean;
        envVariables: Record<string, string>;
        triggers: { name: string; type: string; config: string }[];
      };
      functionRootPath: string;
      force: boolean;
    }): Promise<unknown>;
    invokeFunction(name: string, params?: Record<string, unknown>): Promise<{ RetMsg?: string }>;
    deleteFunction(name: string): Promise<unknown>;
  };
}

export interface ProbeRecord {
  kind: 'timer' | 'other';
  OPENID: string;
  SOURCE: string | null;
  trigger?: string | null;
}

export interface ProbeOptions {
  name: string;
  collection: string;
  /** How long to wait for the timer's first run. */
  waitMs: number;
  /** Where the probe's folder is written (removed afterwards). */
  tmpRoot?: string;
  sdkVersion: string;
  log: (line: string) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Set once the function exists (or may exist): the caller removes it whatever happens next. */
  created: () => void;
}

export interface ProbeResult {
  ok: boolean;
  lines: string[];
}

const POLL_MS = 10_000;

async function records(db: CheckDb, collection: string, kind: ProbeRecord['kind']): Promise<ProbeRecord[]> {
  return ((await db.collection(collection).where({ kind }).get()) as { data: ProbeRecord[] }).data;
}

export const judgeTimer = (r: ProbeRecord) => isTimerContext({ OPENID: r.OPENID, SOURCE: r.SOURCE ?? undefined });

/** Deploys the probe, lets the timer fire once, and reports what it carried. Never removes the probe itself. */
export async function runProbe(manager: VerifyManager, db: CheckDb, o: ProbeOptions): Promise<ProbeResult> {
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(o.tmpRoot ?? os.tmpdir(), 'verify-probe-'));
  try {
    fs.mkdirSync(path.join(dir, o.name));
    fs.writeFileSync(path.join(dir, o.name, 'index.js'), PROBE_SOURCE);
    fs.writeFileSync(path.join(dir, o.name, 'package.json'), probePackage(o.sdkVersion));
    o.log(
      `  creating probe function ${o.name} (${RUNTIME.cloudbase}, trigger "${PROBE_TRIGGER.config}"): CloudBase installs wx-server-sdk, ~1 minute`,
    );
    o.created();
    await manager.functions.createFunction({
      func: {
        name: o.name,
        runtime: RUNTIME.cloudbase,
        handler: 'index.main',
        timeout: 10,
        installDependency: true,
        envVariables: { VERIFY_COLLECTION: o.collection },
        triggers: [{ ...PROBE_TRIGGER }],
      },
      functionRootPath: dir,
      force: true,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // A call through the management API, for comparison (it is neither a timer nor a person).
  try {
    await manager.functions.invokeFunction(o.name, { probe: 'api' });
    const api = (await records(db, o.collection, 'other'))[0];
    if (api)
      lines.push(`    called through the API (for comparison): OPENID ${JSON.stringify(api.OPENID)}, SOURCE ${JSON.stringify(api.SOURCE)}`);
  } catch (e) {
    lines.push(`    (calling the probe through the API failed: ${e instanceof Error ? e.message : String(e)})`);
  }

  o.log(`  waiting up to ${Math.round(o.waitMs / 1000)} s for the one-minute timer to run the probe …`);
  const deadline = o.now() + o.waitMs;
  for (;;) {
    const timer = (await records(db, o.collection, 'timer'))[0];
    if (timer) {
      const ok = judgeTimer(timer);
      lines.unshift(
        `  ${ok ? '✓' : '✗'} a timer run carried OPENID ${JSON.stringify(timer.OPENID)}, SOURCE ${JSON.stringify(timer.SOURCE)}: ` +
          (ok
            ? "the router's isTimerEvent takes it as the timer"
            : "the router's isTimerEvent would NOT take it as the timer: no hourly supervision, retention or reminder would run (cloudfunctions/_lib/event-source.ts)"),
      );
      return { ok, lines };
    }
    if (o.now() >= deadline) {
      lines.unshift(
        `  ✗ no timer run within ${Math.round(o.waitMs / 1000)} s. Not a verdict on the rule: look at 云函数 → ${o.name} → 日志 ` +
          'while this runs, or run again with a longer --wait <seconds>.',
      );
      return { ok: false, lines };
    }
    await o.sleep(Math.min(POLL_MS, Math.max(0, deadline - o.now())));
  }
}

/** The push source cannot be produced from here: what to do by hand, and the rule it is judged by. */
export function pushInstructions(): string[] {
  const rejects = isPushContext({ SOURCE: 'wx_client' }) ? 'accepts' : 'rejects';
  return [
    '  ? the image-check push (消息推送, Event wxa_media_check) cannot be sent by this script: only WeChat sends it,',
    '    after a real media check. Check it by hand once the app is deployed:',
    '    1. 云开发控制台 → 设置 → 消息推送: the event wxa_media_check goes to the `files` function (docs/deploy.md).',
    '    2. In the mini-program (体验版), attach a picture to a request; WeChat answers within 30 minutes.',
    '    3. 云函数 → files → 日志: the push call answers ok with { traceId, state } (the check verdict on the file record).',
    "       If it answers 没有这个操作, the push came with SOURCE 'wx_client' and isPushEvent refused it.",
    `    The rule (cloudfunctions/_lib/event-source.ts isPushContext): any SOURCE but 'wx_client'; it ${rejects} 'wx_client'.`,
  ];
}
