/**
 * After `npm run build:weapp`: the size of the main package (everything under dist/weapp outside a
 * subpackage root) and of each subpackage, against WeChat's limits and our budgets.
 * Exits 1 when the main package exceeds WEAPP_MAIN_BUDGET_KB (default 450, the design budget) or a subpackage 300 KB.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', 'dist', 'weapp');
const MAIN_BUDGET_KB = Number(process.env.WEAPP_MAIN_BUDGET_KB ?? 450);
const SUBPACKAGE_BUDGET_KB = 300;
// DevTools' own project files are not part of the uploaded code package.
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function main(): number {
  const appJsonPath = path.join(ROOT, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    console.error(`没有找到 ${path.relative(process.cwd(), appJsonPath)}：请先运行 npm run build:weapp`);
    return 1;
  }
  const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as AppJson;
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));

  const main = { bytes: 0, files: [] as { file: string; bytes: number }[] };
  const subs = new Map(roots.map((r) => [r, 0]));
  for (const full of walk(ROOT)) {
    const rel = path.relative(ROOT, full).split(path.sep).join('/');
    if (NOT_UPLOADED.has(rel)) continue;
    const bytes = fs.statSync(full).size;
    const root = roots.find((r) => rel.startsWith(`${r}/`));
    if (root) subs.set(root, (subs.get(root) ?? 0) + bytes);
    else {
      main.bytes += bytes;
      main.files.push({ file: rel, bytes });
    }
  }

  const failures: string[] = [];
  console.log(`weapp 主包        ${kb(main.bytes).padStart(8)} KB  (预算 ${MAIN_BUDGET_KB} KB，微信上限 2048 KB)`);
  for (const f of main.files.sort((a, b) => b.bytes - a.bytes).slice(0, 6)) {
    console.log(`  ${f.file.padEnd(28)} ${kb(f.bytes).padStart(8)} KB`);
  }
  if (main.bytes > MAIN_BUDGET_KB * 1024) failures.push(`主包 ${kb(main.bytes)} KB 超过预算 ${MAIN_BUDGET_KB} KB`);
  for (const [root, bytes] of subs) {
    console.log(`分包 ${root.padEnd(24)} ${kb(bytes).padStart(8)} KB  (预算 ${SUBPACKAGE_BUDGET_KB} KB)`);
    if (bytes > SUBPACKAGE_BUDGET_KB * 1024) failures.push(`分包 ${root} ${kb(bytes)} KB 超过预算 ${SUBPACKAGE_BUDGET_KB} KB`);
  }
  const total = main.bytes + [...subs.values()].reduce((a, b) => a + b, 0);
  console.log(`合计              ${kb(total).padStart(8)} KB  (微信整包上限 20480 KB)`);

  for (const f of failures) console.error(`✗ ${f}`);
  return failures.length ? 1 : 0;
}

process.exitCode = main();
