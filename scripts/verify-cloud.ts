/**
 * `npm run verify:cloud -- --env <envId>`: a one-off check of the CloudBase behaviours the local engine
 * assumes (docs/deploy.md, "Unverified CloudBase behaviours"), against a real environment, in a few minutes.
 * Creates `verify_scratch_<random>` and `verify_probe_<random>` and removes both, also on failure.
 *
 *   --dry-run          print what it would do; loads no SDK, contacts nothing
 *   --no-probe         only the database checks (no function, no timer wait)
 *   --wait <seconds>   how long to wait for the probe's timer run (default 180)
 *
 * Credentials: TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (TENCENTCLOUD_SESSIONTOKEN for a temporary
 * key), a key that may manage the environment (the same as `npm run deploy`). Exits 1 when a check differs.
 */
import { createRequire } from 'node:module';
import type { CheckDb } from './verify-cloud/database';
import type { VerifyManager } from './verify-cloud/probe';
import { DEFAULT_WAIT_S, dryRunText, verifyCloud } from './verify-cloud/run';

const USAGE = 'usage: npm run verify:cloud -- --env <envId> [--no-probe] [--wait <seconds>]   or   npm run verify:cloud -- --dry-run';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const envId = valueOf('--env');
  const probe = !args.includes('--no-probe');
  const waitS = Number(valueOf('--wait') ?? DEFAULT_WAIT_S);
  if (!Number.isFinite(waitS) || waitS <= 0) throw new Error(`--wait takes a number of seconds\n${USAGE}`);
  if (args.includes('--dry-run')) {
    console.log(dryRunText({ envId, probe, waitMs: waitS * 1000 }));
    console.log('\n(dry run: nothing was contacted or changed)');
    return 0;
  }
  if (!envId) throw new Error(USAGE);
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  const sessionToken = process.env.TENCENTCLOUD_SESSIONTOKEN;
  if (!secretId || !secretKey)
    throw new Error('set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (an API key that may manage the environment)');

  // Loaded only here: a dry run and the tests never load the SDKs.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const manager = new CloudBase({ envId, secretId, secretKey, token: sessionToken }) as unknown as VerifyManager;
  const requireHere = createRequire(__filename);
  const sdk = requireHere('wx-server-sdk') as {
    init(config: Record<string, unknown>): void;
    database(): unknown;
  };
  const sdkVersion = (requireHere('wx-server-sdk/package.json') as { version: string }).version;
  sdk.init({ env: envId, secretId, secretKey, sessionToken });
  const { withLocalEngine } = await import('./verify-cloud/local');

  const outcome = await verifyCloud(
    {
      manager,
      db: sdk.database() as CheckDb,
      withLocalEngine,
      log: (line) => console.log(line),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: Date.now,
    },
    { envId, probe, waitMs: waitS * 1000, sdkVersion },
  );
  return outcome.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
