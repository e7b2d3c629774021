import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '..');

/** Newest modification time of any file under the given paths (missing paths count as 0). */
export function newest(paths: string[]): number {
  let max = 0;
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else max = Math.max(max, st.mtimeMs);
  };
  for (const p of paths) walk(path.resolve(root, p));
  return max;
}

const mtime = (p: string) => (fs.existsSync(path.resolve(root, p)) ? fs.statSync(path.resolve(root, p)).mtimeMs : 0);

const SHARED = ['core', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** What each build reads and the file whose age says when it last ran. */
export const TARGETS = {
  h5: { inputs: [...SHARED, 'src', 'config', 'babel.config.js', '.env'], output: 'dist/h5/index.html' },
  functions: { inputs: [...SHARED, 'cloudfunctions', 'scripts/build-functions.ts'], output: 'dist/cloudfunctions/.built' },
} as const;

export function isStale(target: keyof typeof TARGETS): boolean {
  const { inputs, output } = TARGETS[target];
  const built = mtime(output);
  return built === 0 || newest([...inputs]) > built;
}
