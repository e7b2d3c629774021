/** What `npm run backup` and `npm run restore` share: the repository root, options, sizes. */
import path from 'node:path';
import { BackupError } from '../local/backup';

export const root = path.resolve(__dirname, '..');

/** The value after `--name` (or in `--name=value`), if given. */
export function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) {
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new BackupError(`${name} 后面要跟一个目录`);
    return value;
  }
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Relative to the working directory when inside it, else absolute. */
export function shortPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
