import fs from 'node:fs';
import path from 'node:path';
import type { FunctionConfig, LoadedFunction } from './runtime';

/** Loads the deployable bundles from dist/cloudfunctions: `<name>/index.js` and `<name>/config.json`. */
export function loadBundles(dir: string): Map<string, LoadedFunction> {
  const functions = new Map<string, LoadedFunction>();
  if (!fs.existsSync(dir)) throw new Error(`no cloud functions at ${dir}: run npm run build:functions`);
  for (const name of fs.readdirSync(dir).sort()) {
    const entry = path.join(dir, name, 'index.js');
    if (!fs.existsSync(entry)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundles are CommonJS, loaded at run time
    const mod = require(path.resolve(entry)) as { main?: LoadedFunction['main'] };
    if (typeof mod.main !== 'function') throw new Error(`${entry} does not export main`);
    const configFile = path.join(dir, name, 'config.json');
    const config = fs.existsSync(configFile) ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as FunctionConfig) : {};
    functions.set(name, { main: mod.main, config });
  }
  return functions;
}
