/**
 * `knip`: no unused file, export or dependency (run by `npm test`). The entry points are what the tools
 * start from: each page of the app (a page is the `.tsx` beside its `.config.ts`, which Taro reads too), both halves of every
 * platform pair (the `.d.ts` is what the code imports; the build picks the half), each cloud function,
 * the local host, the scripts, the benchmarks and the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KnipConfig } from 'knip';

function pagesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.config.ts'))
    .map((file) => path.join(dir, file.replace(/\.config\.ts$/, '.tsx')))
    .filter((page) => fs.existsSync(page));
}

const config: KnipConfig = {
  entry: [
    'src/app.ts',
    'src/**/*.config.ts',
    ...pagesUnder('src/pages'),
    ...pagesUnder('src/subpackages'),
    'src/**/*.{h5,weapp}.{ts,tsx}',
    'cloudfunctions/*/index.ts',
    'scripts/*.ts',
    'bench/*.ts',
    'config/*.ts',
    // Run as child processes by the functions tests (a host to kill, a writer to crash).
    'tests/functions/fixtures/*.ts',
    'tests/functions/host-process.ts',
    // Type tests: never run, compiled by `tsc` (their `@ts-expect-error` lines are the assertions).
    'tests/**/*.test-d.ts',
  ],
  project: [
    'src/**/*.{ts,tsx}',
    'core/**/*.ts',
    'cloudfunctions/**/*.ts',
    'local/**/*.ts',
    'scripts/**/*.ts',
    'bench/**/*.ts',
    'tests/**/*.{ts,tsx,cjs}',
    'config/**/*.{ts,mjs}',
  ],
  ignore: ['bench/empty-app/**'],
  // A constant or type a module uses itself and also exports for its readers is not dead code.
  ignoreExportsUsedInFile: true,
  // Loaded by Taro's build and runtime by name, never imported by the code.
  ignoreDependencies: [
    '@babel/runtime',
    '@tarojs/plugin-framework-react',
    '@tarojs/plugin-platform-h5',
    '@tarojs/plugin-platform-weapp',
    '@tarojs/react',
    '@tarojs/router',
    '@tarojs/runtime',
    '@tarojs/taro-h5',
    '@tarojs/plugin-inject',
    '@tarojs/taro-loader',
    '@tarojs/webpack5-runner',
  ],
  // The end-to-end runner installs Chromium with Debian's package manager when it is missing.
  ignoreBinaries: ['apt-get'],
};

export default config;
