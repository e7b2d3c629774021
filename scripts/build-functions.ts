/**
 * `npm run build:functions`: bundles each cloudfunctions/<name>/ into dist/cloudfunctions/<name>/ — a
 * deployable folder with index.js, package.json (wx-server-sdk only) and config.json — that loads on
 * its own. Folders starting with `_` hold shared plumbing and are not functions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ESBUILD_TARGET } from './deploy/environment';

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'cloudfunctions');
const outDir = path.join(root, 'dist/cloudfunctions');
const rootDeps = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
  .dependencies;

/**
 * Left out of the bundle and declared in the function's package.json instead (CloudBase installs them):
 * the SDK, and libraries too big to parse on every cold start that an action requires only when it runs.
 */
const EXTERNAL = ['wx-server-sdk', 'exceljs', 'yazl', 'opencc-js', 'pinyin-pro'];

export const functionNames = (from = srcDir): string[] =>
  fs
    .readdirSync(from)
    .filter((n) => !n.startsWith('_') && fs.existsSync(path.join(from, n, 'index.ts')))
    .sort();

/**
 * Builds every function of `srcDir` into `outDir` (by default cloudfunctions/ into dist/cloudfunctions/).
 * The runtime smoke builds into its own folder, so that a test rebuilding dist/ meanwhile cannot race it.
 */
export async function buildFunctions(options: { srcDir?: string; outDir?: string } = {}): Promise<{ name: string; bytes: number }[]> {
  const { srcDir: from = srcDir, outDir: to = outDir } = options;
  const results: { name: string; bytes: number }[] = [];
  for (const name of functionNames(from)) {
    const dest = path.join(to, name);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(dest, { recursive: true });
    const result = await build({
      entryPoints: [path.join(from, name, 'index.ts')],
      outfile: path.join(dest, 'index.js'),
      bundle: true,
      platform: 'node',
      // The runtime the functions are declared and deployed on (scripts/deploy/environment.ts).
      target: ESBUILD_TARGET,
      format: 'cjs',
      external: EXTERNAL,
      // The answer check is for the tests, which run the functions from source (cloudfunctions/_lib/router.ts):
      // a deployable bundle leaves it out, and with it every function's answer schemas.
      define: { 'process.env.CHECK_ANSWERS': '"0"' },
      metafile: true,
      minify: true,
      keepNames: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    const config = path.join(from, name, 'config.json');
    fs.writeFileSync(
      path.join(dest, 'config.json'),
      fs.existsSync(config) ? fs.readFileSync(config) : `${JSON.stringify({ permissions: { openapi: [] }, timeout: 10 }, null, 2)}\n`,
    );
    const imported = new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)));
    const uses = (pkg: string) => [...imported].some((i) => i === pkg || i.startsWith(`${pkg}/`));
    const dependencies = Object.fromEntries(EXTERNAL.filter(uses).map((e) => [e, rootDeps[e] as string]));
    fs.writeFileSync(
      path.join(dest, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`,
    );
    results.push({ name, bytes: fs.statSync(path.join(dest, 'index.js')).size });
  }
  // Marks when the bundles were last built, for `npm start` to tell whether they are stale.
  fs.writeFileSync(path.join(to, '.built'), `${new Date().toISOString()}\n`);
  return results;
}

if (require.main === module) {
  const started = Date.now();
  buildFunctions()
    .then((results) => {
      for (const r of results) console.log(`  ${r.name.padEnd(10)} ${(r.bytes / 1024).toFixed(1)} KB`);
      console.log(`built ${results.length} cloud functions into dist/cloudfunctions in ${Date.now() - started} ms`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
