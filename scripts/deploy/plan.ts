/**
 * What a deploy makes the CloudBase environment hold, read from scripts/deploy/environment.ts and each
 * function's config.json: the plan `npm run deploy` applies, and what cloudbaserc.json and the index tables
 * in docs/deploy.md are generated from.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  COLLECTION_PERMISSION,
  COLLECTIONS,
  type CollectionDecl,
  ENV_VARIABLES,
  type EnvVariable,
  type IndexDecl,
  indexName,
  LOCAL_ONLY_COLLECTIONS,
  MEMORY_MB,
  RUNTIME,
} from './environment';

export const root = path.resolve(__dirname, '../..');
const srcDir = path.join(root, 'cloudfunctions');
/** Where the built function folders are, relative to the root (cloudbaserc.json's functionRoot). */
export const FUNCTION_ROOT = 'dist/cloudfunctions';

export interface Trigger {
  name: string;
  type: 'timer';
  config: string;
}

export interface FunctionPlan {
  name: string;
  runtime: string;
  handler: 'index.main';
  timeout: number;
  memorySize: number;
  triggers: Trigger[];
  envVariables: EnvVariable[];
}

export interface Plan {
  runtime: typeof RUNTIME;
  permission: typeof COLLECTION_PERMISSION;
  functions: FunctionPlan[];
  collections: CollectionDecl[];
}

interface FunctionConfig {
  timeout?: number;
  triggers?: { name: string; type: string; config: string }[];
}

/** Function folders: every folder under cloudfunctions/ not starting with `_`. */
export const functionFolders = (): string[] =>
  fs
    .readdirSync(srcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();

export function readFunctionConfig(name: string): FunctionConfig {
  const file = path.join(srcDir, name, 'config.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig) : {};
}

export function buildPlan(): Plan {
  const functions = functionFolders().map((name): FunctionPlan => {
    const config = readFunctionConfig(name);
    const triggers = (config.triggers ?? []).map((t) => {
      if (t.type !== 'timer')
        throw new Error(`cloudfunctions/${name}/config.json: trigger ${t.name} is ${t.type}, only timers are deployed`);
      return { name: t.name, type: 'timer' as const, config: t.config };
    });
    return {
      name,
      runtime: RUNTIME.cloudbase,
      handler: 'index.main',
      timeout: config.timeout ?? 10,
      memorySize: MEMORY_MB[name] ?? MEMORY_MB.default,
      triggers,
      envVariables: ENV_VARIABLES,
    };
  });
  return { runtime: RUNTIME, permission: COLLECTION_PERMISSION, functions, collections: COLLECTIONS };
}

/**
 * The same environment in CloudBase CLI's format (`tcb fn deploy` reads it). Variable values are the CLI's
 * `{{env.NAME}}` placeholders, filled from the deployer's `.env`; the environment id likewise.
 */
export function cloudbaserc(plan: Plan): Record<string, unknown> {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: `./${FUNCTION_ROOT}`,
    functions: plan.functions.map((f) => ({
      name: f.name,
      runtime: f.runtime,
      handler: f.handler,
      timeout: f.timeout,
      memorySize: f.memorySize,
      installDependency: true,
      triggers: f.triggers,
      envVariables: Object.fromEntries(f.envVariables.map((v) => [v.name, `{{env.${v.name}}}`])),
    })),
  };
}

export const cloudbasercText = (plan: Plan): string => `${JSON.stringify(cloudbaserc(plan), null, 2)}\n`;

const fieldsText = (index: IndexDecl) => index.fields.map(([f, d]) => `\`${f}\` ${d}`).join(', ');

/** Breaks prose into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) [lines[lines.length], line] = [line, word];
    else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The "CloudBase indexes" tables of docs/deploy.md, between its generated-section markers. */
export function indexTables(plan: Plan): string {
  const rows = (optional: boolean) =>
    plan.collections.flatMap((c) => c.indexes.filter((i) => !!i.optional === optional).map((i) => ({ c, i })));
  const needed = rows(false).map(({ c, i }) => [
    `\`${c.name}\``,
    fieldsText(i),
    i.unique ? '**yes**' : i.uniqueNote ? `**no** (${i.uniqueNote})` : 'no',
    i.serves,
  ]);
  const optional = rows(true).map(({ c, i }) => [`\`${c.name}\``, fieldsText(i), i.serves]);
  const none = plan.collections.filter((c) => c.indexes.length === 0).map((c) => `\`${c.name}\``);
  const intro = [
    'Create these collections, each with permission "仅管理端可读写" (every read and write goes through the functions):',
    `${plan.collections.map((c) => `\`${c.name}\``).join(', ')}.`,
    `(${LOCAL_ONLY_COLLECTIONS.map((c) => `\`${c}\``).join(' and ')} exist only on the local host, where they stand in for WeChat.)`,
  ].join(' ');
  return [
    wrap(intro, 110),
    '',
    '### Needed',
    '',
    table(['collection', 'index', 'unique', 'serves'], needed),
    '',
    '### Optional (admin pages over a few hundred documents at most; `npm run deploy` creates them too)',
    '',
    table(['collection', 'index', 'serves'], optional),
    '',
    `Collections with no index of their own (read by \`_id\` or whole): ${none.join(', ')}.`,
  ].join('\n');
}

export const DOC_BEGIN = '<!-- BEGIN GENERATED: indexes (npm run deploy:generate; scripts/deploy/environment.ts) -->';
export const DOC_END = '<!-- END GENERATED: indexes -->';

/** `doc` with its generated section replaced; throws when the markers are missing. */
export function withIndexTables(doc: string, plan: Plan): string {
  const begin = doc.indexOf(DOC_BEGIN);
  const end = doc.indexOf(DOC_END);
  if (begin < 0 || end < begin) throw new Error(`docs/deploy.md has no "${DOC_BEGIN}" … "${DOC_END}" section`);
  return `${doc.slice(0, begin + DOC_BEGIN.length)}\n\n${indexTables(plan)}\n\n${doc.slice(end)}`;
}

/** The whole plan as `npm run deploy -- --dry-run` prints it. */
export function planText(plan: Plan): string {
  const out: string[] = [`runtime ${plan.runtime.cloudbase} (bundles built for and tested under Node ${plan.runtime.node})`, ''];
  out.push(`collections (${plan.collections.length}), each with permission ${plan.permission} (仅管理端可读写):`);
  for (const c of plan.collections) {
    out.push(`  ${c.name}`);
    for (const i of c.indexes)
      out.push(
        `    index ${indexName(i)}: ${i.fields.map(([f, d]) => `${f} ${d}`).join(', ')}${i.unique ? ', unique' : ''}${i.optional ? ' (optional)' : ''}`,
      );
  }
  out.push('', `functions (${plan.functions.length}), from ${FUNCTION_ROOT}/<name>:`);
  for (const f of plan.functions) {
    out.push(`  ${f.name}: ${f.runtime}, ${f.handler}, timeout ${f.timeout} s, memory ${f.memorySize} MB`);
    for (const t of f.triggers) out.push(`    trigger ${t.name}: ${t.type} "${t.config}"`);
    out.push(`    variables: ${f.envVariables.map((v) => `${v.name}${v.required ? ' (required)' : ''}`).join(', ')}`);
  }
  return out.join('\n');
}
