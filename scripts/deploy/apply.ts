/**
 * Applies a plan to a CloudBase environment through the management SDK (@cloudbase/manager-node), only
 * where the environment differs: a second run against the same environment and the same bundles changes
 * nothing. `Manager` names exactly the SDK calls used, so tests can hand it a fake.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { indexName, type IndexDecl } from './environment';
import type { FunctionPlan, Plan } from './plan';

interface IndexInfo {
  Name: string;
  Keys: { Name?: string; Direction?: string }[];
  Unique?: boolean;
}

interface FunctionDetail {
  Runtime: string;
  Timeout: number;
  MemorySize: number;
  Description?: string;
  Environment?: { Variables?: { Key: string; Value: string }[] };
  Triggers?: { TriggerName: string; Type: string; TriggerDesc: string }[];
}

interface FunctionParams {
  name: string;
  runtime?: string;
  handler?: string;
  timeout?: number;
  memorySize?: number;
  description?: string;
  installDependency?: boolean;
  envVariables?: Record<string, string>;
  triggers?: { name: string; type: string; config: string }[];
}

/** The subset of `new CloudBase({ envId, secretId, secretKey })` that a deploy calls. */
export interface Manager {
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
    createCollection(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<{ Indexes?: IndexInfo[] }>;
    updateCollection(
      name: string,
      info: {
        CreateIndexes: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[];
      },
    ): Promise<unknown>;
  };
  permission: {
    describeResourcePermission(o: {
      resourceType: 'collection';
      resources: string[];
    }): Promise<{ Data: { PermissionList: { Resource?: string; Permission?: string }[] } }>;
    modifyResourcePermission(o: { resourceType: 'collection'; resource: string; permission: Plan['permission'] }): Promise<unknown>;
  };
  functions: {
    listFunctions(limit?: number, offset?: number): Promise<Record<string, string>[]>;
    getFunctionDetail(name: string): Promise<FunctionDetail>;
    createFunction(p: { func: FunctionParams; functionRootPath: string; force: boolean }): Promise<unknown>;
    updateFunctionCode(p: { func: FunctionParams; functionRootPath: string }): Promise<unknown>;
    updateFunctionConfig(func: FunctionParams): Promise<unknown>;
    createFunctionTriggers(name: string, triggers: { name: string; type: string; config: string }[]): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
  };
}

export interface ApplyOptions {
  /** dist/cloudfunctions: one built folder per function. */
  functionRoot: string;
  /** Values for the declared variables (the deployer's shell); a variable given no value keeps the function's. */
  values: Record<string, string | undefined>;
  log?: (line: string) => void;
}

const dirOf = (d: 'asc' | 'desc') => (d === 'asc' ? '1' : '-1');
const keySignature = (keys: { Name?: string; Direction?: string }[]) => keys.map((k) => `${k.Name}:${k.Direction}`).join(',');
const declSignature = (i: IndexDecl) => keySignature(i.fields.map(([Name, d]) => ({ Name, Direction: dirOf(d) })));

/** A built folder's content hash, kept in the function's description to tell whether its code changed. */
export function folderHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const f of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, f);
    if (!fs.statSync(file).isFile()) continue;
    hash.update(`${f}\0`).update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const description = (hash: string) => `双拥服务 bundle ${hash}`;

/** A trigger's cron as the SDK answers it (a JSON `{"cron": …}` or the bare expression). */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: string };
    if (parsed && typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    // a bare cron expression
  }
  return desc;
}

/** Applies `plan`; answers the changes made, one line each (none: the environment already matched). */
export async function applyPlan(manager: Manager, plan: Plan, options: ApplyOptions): Promise<string[]> {
  const changes: string[] = [];
  const change = (line: string) => {
    changes.push(line);
    options.log?.(`  + ${line}`);
  };

  for (const c of plan.collections) {
    const { Exists } = await manager.database.checkCollectionExists(c.name);
    if (!Exists) {
      await manager.database.createCollection(c.name);
      change(`collection ${c.name} created`);
    }
    const perm = await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: [c.name] });
    const current = perm.Data.PermissionList.find((p) => p.Resource === c.name)?.Permission;
    if (current !== plan.permission) {
      await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: plan.permission });
      change(`collection ${c.name} permission ${current ?? 'default'} → ${plan.permission}`);
    }
    if (!c.indexes.length) continue;
    const existing = (await manager.database.describeCollection(c.name)).Indexes ?? [];
    const signatures = new Set(existing.map((i) => keySignature(i.Keys)));
    const names = new Set(existing.map((i) => i.Name));
    const missing = c.indexes.filter((i) => !signatures.has(declSignature(i)));
    for (const i of missing)
      if (names.has(indexName(i)))
        throw new Error(`${c.name}: an index named ${indexName(i)} exists with other fields; drop it in the console first`);
    if (missing.length) {
      await manager.database.updateCollection(c.name, {
        CreateIndexes: missing.map((i) => ({
          IndexName: indexName(i),
          MgoKeySchema: { MgoIndexKeys: i.fields.map(([Name, d]) => ({ Name, Direction: dirOf(d) })), MgoIsUnique: !!i.unique },
        })),
      });
      for (const i of missing) change(`index ${c.name}.${indexName(i)} created`);
    }
  }

  const deployed = new Set((await manager.functions.listFunctions(100, 0)).map((f) => f.FunctionName));
  for (const f of plan.functions) await applyFunction(manager, f, deployed.has(f.name), options, change);
  return changes;
}

async function applyFunction(manager: Manager, f: FunctionPlan, exists: boolean, options: ApplyOptions, change: (line: string) => void) {
  const dir = path.join(options.functionRoot, f.name);
  if (!fs.existsSync(path.join(dir, 'index.js'))) throw new Error(`${dir}/index.js is missing: run npm run build:functions first`);
  const hash = folderHash(dir);
  const triggers = f.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config }));
  const detail = exists ? await manager.functions.getFunctionDetail(f.name) : null;
  const had = Object.fromEntries((detail?.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));
  const envVariables: Record<string, string> = { ...had };
  for (const v of f.envVariables) {
    const value = options.values[v.name] ?? had[v.name];
    if (value === undefined || value === '') {
      if (v.required) throw new Error(`${f.name}: ${v.name} has no value; set it in the shell (${v.what})`);
      continue;
    }
    envVariables[v.name] = value;
  }
  const func: FunctionParams = {
    name: f.name,
    runtime: f.runtime,
    handler: f.handler,
    timeout: f.timeout,
    memorySize: f.memorySize,
    description: description(hash),
    installDependency: true,
    envVariables,
  };

  if (!detail) {
    await manager.functions.createFunction({ func: { ...func, triggers }, functionRootPath: options.functionRoot, force: false });
    change(`function ${f.name} created (${f.runtime}, ${triggers.length} trigger(s))`);
    return;
  }
  if (detail.Runtime !== f.runtime)
    throw new Error(
      `${f.name} runs on ${detail.Runtime}, the plan says ${f.runtime}: CloudBase fixes the runtime at creation; delete and redeploy it`,
    );
  if (detail.Description !== description(hash)) {
    await manager.functions.updateFunctionCode({ func, functionRootPath: options.functionRoot });
    change(`function ${f.name} code uploaded (${hash})`);
  }
  const sameVars =
    Object.keys(envVariables).length === Object.keys(had).length && Object.entries(envVariables).every(([k, v]) => had[k] === v);
  if (detail.Timeout !== f.timeout || detail.MemorySize !== f.memorySize || detail.Description !== description(hash) || !sameVars) {
    await manager.functions.updateFunctionConfig(func);
    change(`function ${f.name} configuration updated`);
  }
  const live = new Map((detail.Triggers ?? []).map((t) => [t.TriggerName, t]));
  const stale = [...live.values()].filter((t) => !triggers.some((w) => w.name === t.TriggerName && cronOf(t.TriggerDesc) === w.config));
  for (const t of stale) {
    await manager.functions.deleteFunctionTrigger(f.name, t.TriggerName);
    change(`trigger ${f.name}.${t.TriggerName} removed`);
  }
  const wanted = triggers.filter((w) => !live.has(w.name) || stale.some((t) => t.TriggerName === w.name));
  if (wanted.length) {
    await manager.functions.createFunctionTriggers(f.name, wanted);
    for (const w of wanted) change(`trigger ${f.name}.${w.name} "${w.config}" created`);
  }
}
