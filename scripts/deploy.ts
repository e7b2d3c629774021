/**
 * `npm run deploy -- --env <envId>`: makes a CloudBase environment hold what scripts/deploy/environment.ts
 * and the functions' config.json declare — collections with their permission, their indexes, the function
 * folders from dist/cloudfunctions (run `npm run build:functions` first) with runtime, timeout, memory,
 * timer triggers and variables. Safe to run again: only what differs is changed.
 * `npm run deploy -- --dry-run` prints the whole plan and touches nothing (no network).
 *
 * Credentials: a Tencent Cloud API key allowed to manage the environment, in TENCENTCLOUD_SECRETID and
 * TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for a temporary one). Variable values come from the
 * shell: `ADMIN_OPENIDS=o1,o2 TEMPLATE_CASE_NEW=… npm run deploy -- --env <envId>`.
 */
import path from 'node:path';
import { applyPlan, type Manager } from './deploy/apply';
import { ENV_VARIABLES } from './deploy/environment';
import { buildPlan, FUNCTION_ROOT, planText, root } from './deploy/plan';

async function main() {
  const args = process.argv.slice(2);
  const plan = buildPlan();
  if (args.includes('--dry-run')) {
    console.log(planText(plan));
    console.log('\n(dry run: nothing was contacted or changed)');
    return;
  }
  const at = args.indexOf('--env');
  const envId = at >= 0 ? args[at + 1] : undefined;
  if (!envId) throw new Error('usage: npm run deploy -- --env <envId>   or   npm run deploy -- --dry-run');
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!secretId || !secretKey)
    throw new Error('set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (an API key that may manage the environment)');
  // Loaded only here: a dry run and the tests never load the SDK.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const manager = new CloudBase({ envId, secretId, secretKey, token: process.env.TENCENTCLOUD_SESSIONTOKEN }) as unknown as Manager;
  console.log(`deploying to ${envId}`);
  const values = Object.fromEntries(ENV_VARIABLES.map((v) => [v.name, process.env[v.name]]));
  const changes = await applyPlan(manager, plan, { functionRoot: path.join(root, FUNCTION_ROOT), values, log: console.log });
  console.log(changes.length ? `${changes.length} change(s) made` : 'nothing to change: the environment matches the plan');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
