/**
 * `npm run verify:cloud`: creates a scratch collection, runs the database checks on it and on the local
 * engine, runs the timer probe, prints the push instructions, and removes everything it created — also
 * when a step fails half-way. The SDKs are handed in, so tests give fakes and nothing reaches the network.
 */
import { randomBytes } from 'node:crypto';
import { compare, DB_CHECKS, observe, rowsText, type CheckDb } from './database';
import { PROBE_TRIGGER, pushInstructions, runProbe, type VerifyManager } from './probe';

export interface VerifyDeps {
  manager: VerifyManager;
  /** wx-server-sdk's database, initialised for the real environment. */
  db: CheckDb;
  /** Runs `run` with the same `db` answered by the local engine (scripts/verify-cloud/local.ts). */
  withLocalEngine<T>(run: () => Promise<T>): Promise<T>;
  log: (line: string) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export interface VerifyOptions {
  envId: string;
  /** Skip the timer probe (no function is created). */
  probe: boolean;
  waitMs: number;
  sdkVersion: string;
  /** The random part of the names (tests fix it). */
  suffix?: string;
  tmpRoot?: string;
}

export interface VerifyOutcome {
  ok: boolean;
  collection: string;
  probe: string;
}

export const scratchNames = (suffix: string) => ({ collection: `verify_scratch_${suffix}`, probe: `verify_probe_${suffix}` });

export const DEFAULT_WAIT_S = 180;

/** What a run would do, for `--dry-run`: no SDK is loaded, nothing is contacted. */
export function dryRunText(o: { envId?: string; probe: boolean; waitMs: number }): string {
  const names = scratchNames('<random>');
  const lines = [
    `verify:cloud against ${o.envId ?? '<envId>'} would:`,
    `  1. create the scratch collection ${names.collection}`,
    '  2. run each database check there, through wx-server-sdk with TENCENTCLOUD_SECRETID/SECRETKEY, and the same on the',
    '     local engine in this process, and print both answers, ✓ where they agree with what the code assumes:',
  ];
  for (const c of DB_CHECKS) {
    lines.push(`     - ${c.id} (${c.usedBy}) on ${JSON.stringify(c.before)}`);
    lines.push(`       ${c.call}`);
  }
  if (o.probe)
    lines.push(
      `  3. create the function ${names.probe} (records getWXContext() into the scratch collection) with the timer`,
      `     trigger "${PROBE_TRIGGER.config}", call it once through the API, wait up to ${Math.round(o.waitMs / 1000)} s for a timer run, and`,
      "     print its OPENID and SOURCE and whether the router's isTimerEvent takes it as the timer",
    );
  else lines.push('  3. (--no-probe: no probe function, no timer check)');
  lines.push(
    '  4. print how to check the image-check push by hand (only WeChat can send it)',
    `  5. remove ${o.probe ? `${names.probe} and ` : ''}${names.collection}, whatever happened before`,
  );
  return lines.join('\n');
}

/** Runs the whole verification; `ok` is false when any check differs. Removes what it created in every case. */
export async function verifyCloud(deps: VerifyDeps, options: VerifyOptions): Promise<VerifyOutcome> {
  const names = scratchNames(options.suffix ?? randomBytes(4).toString('hex'));
  const { log } = deps;
  let collectionCreated = false;
  let probeCreated = false;
  let ok = true;
  log(`verify:cloud against ${options.envId}`);
  try {
    log(`\ncreating the scratch collection ${names.collection}`);
    collectionCreated = true; // a create that fails after the server made it still leaves it: remove it anyway
    await deps.manager.database.createCollection(names.collection);

    log('\nDatabase behaviours (CloudBase next to the local engine):');
    const cloud = await observe(deps.db, names.collection);
    const local = await deps.withLocalEngine(() => observe(deps.db, names.collection));
    const rows = compare(cloud, local);
    for (const line of rowsText(rows)) log(line);
    ok = rows.every((r) => r.ok);

    log('\nTimer source (cloudfunctions/_lib/router.ts isTimerEvent):');
    if (options.probe) {
      const probe = await runProbe(deps.manager, deps.db, {
        name: names.probe,
        collection: names.collection,
        waitMs: options.waitMs,
        tmpRoot: options.tmpRoot,
        sdkVersion: options.sdkVersion,
        log,
        sleep: deps.sleep,
        now: deps.now,
        created: () => {
          probeCreated = true;
        },
      });
      for (const line of probe.lines) log(line);
      ok &&= probe.ok;
    } else {
      log('  - skipped (--no-probe): set a one-minute trigger on a test function by hand (docs/deploy.md)');
    }

    log('\nImage-check push source (isPushEvent):');
    for (const line of pushInstructions()) log(line);
  } finally {
    log('\ncleaning up');
    const failures: string[] = [];
    if (probeCreated) await remove(`function ${names.probe}`, () => deps.manager.functions.deleteFunction(names.probe), log, failures);
    if (collectionCreated)
      await remove(`collection ${names.collection}`, () => deps.manager.database.deleteCollection(names.collection), log, failures);
    if (failures.length) log(`  remove by hand in the console: ${failures.join(', ')}`);
  }
  log(ok ? '\nall checks agree ✓' : '\nsome checks differ ✗ (see above; docs/deploy.md names the code that relies on each)');
  return { ok, ...names };
}

async function remove(what: string, run: () => Promise<unknown>, log: (line: string) => void, failures: string[]) {
  try {
    await run();
    log(`  - ${what} removed`);
  } catch (e) {
    failures.push(what);
    log(`  ! ${what} could not be removed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
