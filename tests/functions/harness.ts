import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type WxServerSdk from 'wx-server-sdk';
import type { Envelope } from '../../core/envelope';
import { LocalCloud } from '../../local/cloud';
import type { LoadedFunction } from '../../local/runtime';

type SdkModule = typeof WxServerSdk;

export interface TestCloud {
  cloud: LocalCloud;
  dataDir: string;
  /** The real wx-server-sdk, redirected to this cloud's engine, initialised. */
  sdk: SdkModule;
  db: ReturnType<SdkModule['database']>;
  /** Calls a function as `openid` (null: anonymous) and returns its envelope. */
  call<T = unknown>(fn: string, event: Record<string, unknown>, openid?: string | null): Promise<Envelope<T>>;
  /** Uploads a file as `openid` the way the app does (the files function needs to be loaded): its file ID. */
  upload(openid: string, name: string, content: Buffer | string): Promise<string>;
  close(): void;
}

/** The cloud functions, loaded from source: the same handlers the bundles are built from. */
function sourceFunctions(names: string[]): Map<string, LoadedFunction> {
  const functions = new Map<string, LoadedFunction>();
  for (const name of names) {
    const dir = path.resolve(__dirname, '../../cloudfunctions', name);
    // Loaded after the SDK is patched.
    const mod = require(path.join(dir, 'index.ts')) as { main: LoadedFunction['main'] };
    const configFile = path.join(dir, 'config.json');
    const config = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {};
    functions.set(name, { main: mod.main, config });
  }
  return functions;
}

export function startTestCloud(options: { functions?: string[]; startAt?: string } = {}): TestCloud {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuangyong-test-'));
  const names = options.functions ?? [];
  // LocalCloud patches the SDK before it loads the functions (their module scope calls cloud.init).
  const cloud = new LocalCloud({ dataDir, startAt: options.startAt, frozenClock: true, functions: () => sourceFunctions(names) });
  // Each test cloud starts with its own settings, not what a warm instance cached for the previous one.
  const settings = require('../../cloudfunctions/_lib/settings') as {
    forgetOrganization(): void;
    forgetRoutingTable(): void;
    forgetCalendarOverrides(): void;
  };
  settings.forgetOrganization();
  settings.forgetRoutingTable();
  settings.forgetCalendarOverrides();
  const sdk = require('wx-server-sdk') as SdkModule;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });
  return {
    cloud,
    dataDir,
    sdk,
    db: sdk.database(),
    call: (fn, event, openid = null) => cloud.invoke(fn, event, openid) as never,
    async upload(openid, name, content) {
      const body = Buffer.from(content);
      const prepared = (await cloud.invoke('files', { action: 'prepareUpload', name, size: body.length }, openid)) as Envelope<{
        cloudPath: string;
      }>;
      if (!prepared.ok) throw new Error(`upload refused: ${prepared.error.message}`);
      const fileID = cloud.storage.put(prepared.data.cloudPath, body);
      await cloud.invoke('files', { action: 'confirmUpload', fileID }, openid);
      return fileID;
    },
    close() {
      cloud.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
