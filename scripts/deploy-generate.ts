/**
 * `npm run deploy:generate`: rewrites cloudbaserc.json and the index tables in docs/deploy.md from
 * scripts/deploy/environment.ts and the functions' config.json. `-- --check` only reports what is stale
 * (exit 1), as the test does.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { buildPlan, cloudbasercText, root, withIndexTables } from './deploy/plan';

/** What each generated file should hold, formatted as `npm run format` would leave it. */
export async function generated(): Promise<{ file: string; text: string }[]> {
  const plan = buildPlan();
  const doc = path.join(root, 'docs/deploy.md');
  const files = [
    { file: path.join(root, 'cloudbaserc.json'), text: cloudbasercText(plan) },
    { file: doc, text: withIndexTables(fs.readFileSync(doc, 'utf8'), plan) },
  ];
  return Promise.all(
    files.map(async ({ file, text }) => ({
      file,
      text: await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file }),
    })),
  );
}

/** The generated files whose content on disk differs from what the declaration makes. */
export const staleFiles = async (): Promise<string[]> =>
  (await generated())
    .filter(({ file, text }) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text)
    .map(({ file }) => path.relative(root, file));

async function main() {
  const stale = await staleFiles();
  if (process.argv.includes('--check')) {
    if (stale.length) console.error(`stale: ${stale.join(', ')} — run npm run deploy:generate`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const { file, text } of await generated()) fs.writeFileSync(file, text);
  console.log(stale.length ? `rewrote ${stale.join(', ')}` : 'cloudbaserc.json and docs/deploy.md were up to date');
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
