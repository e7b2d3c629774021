import path from 'node:path';
import { LocalClock } from './clock';
import { runAs } from './context';
import { LocalDatabase } from './engine/database';
import { loadBundles } from './functions';
import { forgetPushes, patchSdk, type LoadedFunction } from './runtime';
import { seedIfEmpty } from './seed';
import { LocalStorage } from './storage';
import { Timers } from './timers';

export interface LocalCloudOptions {
  dataDir: string;
  /** Start the clock at this instant (LOCAL_NOW). */
  startAt?: string;
  /** Where the deployable bundles are, or a loader of the functions (tests load them from source). */
  functions: string | (() => Map<string, LoadedFunction>);
  adminOpenids?: string;
  /** A clock that moves only when told (tests); the host's clock runs. */
  frozenClock?: boolean;
}

const LOCAL_CLOCK = Symbol.for('shuangyong.localClock');

/** The local cloud: one engine, one clock, one storage folder, every function, their timers. */
export class LocalCloud {
  readonly clock: LocalClock;
  readonly database: LocalDatabase;
  readonly storage: LocalStorage;
  readonly functions: Map<string, LoadedFunction>;
  readonly timers: Timers;

  constructor(options: LocalCloudOptions) {
    this.clock = new LocalClock(options.startAt, { frozen: options.frozenClock ?? false });
    (globalThis as Record<symbol, unknown>)[LOCAL_CLOCK] = this.clock.now;
    process.env.ADMIN_OPENIDS ??= options.adminOpenids ?? 'admin';
    this.database = new LocalDatabase(path.join(options.dataDir, 'db.sqlite'), this.clock.now);
    this.storage = new LocalStorage(path.join(options.dataDir, 'files'));
    patchSdk({ database: this.database, storage: this.storage, now: this.clock.now, invoke: (n, e, o, s) => this.invoke(n, e, o, s) });
    seedIfEmpty(this.database, new Date(this.clock.now()));
    // Bundles are required after the SDK is patched: their module scope calls cloud.init().
    this.functions = typeof options.functions === 'string' ? loadBundles(options.functions) : options.functions();
    this.timers = new Timers(this.functions, this.clock.now, (fn, trigger, at) =>
      this.invoke(fn, { Type: 'Timer', TriggerName: trigger, Time: new Date(at).toISOString() }, null, 'wx_timer'),
    );
  }

  has(name: string): boolean {
    return this.functions.has(name);
  }

  /** Runs one invocation with its own caller context, as CloudBase would. */
  async invoke(name: string, event: unknown, openid: string | null, source = 'wx_client'): Promise<unknown> {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`no cloud function named ${name}`);
    return runAs(openid, source, () => fn.main(event, { function_name: name, request_id: `local-${Date.now()}` }));
  }

  close(): void {
    forgetPushes();
    this.timers.stop();
    this.database.close();
  }
}
