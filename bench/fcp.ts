/**
 * `npm run bench:fcp`: the H5 budget — first contentful paint of 首页 under 4x CPU
 * throttling in headless Chromium, at most 1.5x that of the empty Taro 4 React app (bench/empty-app,
 * built with the same compiler settings). Both are built (or reused when nothing they read is newer)
 * into their own folders under .tmp/, each is served by the real local host (`local/main.ts` with
 * H5_DIR; 首页 calls the cloud functions), and each is opened FCP_RUNS times (default 9), interleaved,
 * in a fresh browser context (cold cache). Prints medians, the spread and the ratio; exits 1 when over.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, ensureBrowserAndFont, freePort, startHost, stopHost, type Host } from '../tests/e2e/harness';
import { buildFunctions } from '../scripts/build-functions';
import { isStale, newest, root, TARGETS } from '../scripts/stale';
import { median, ratio, times } from './stats';

export const FCP_BUDGET = 1.5;
const CPU_THROTTLING = 4;
const VIEWPORT = { width: 390, height: 844 };

interface App {
  label: string;
  /** Where `taro build` runs (the folder with config/index.ts). */
  cwd: string;
  /** TARO_OUTPUT_ROOT for that build, relative to `cwd`. */
  outputRoot: string;
  /** What the build reads, relative to the repository root. */
  inputs: string[];
}

const HOME: App = { label: '首页', cwd: root, outputRoot: '.tmp/h5-bench', inputs: [...TARGETS.h5.inputs] };
const EMPTY: App = {
  label: 'empty Taro app',
  cwd: path.join(root, 'bench/empty-app'),
  outputRoot: '../../.tmp/empty-app-h5',
  inputs: ['bench/empty-app', 'babel.config.js', 'package.json', 'package-lock.json'],
};

/** Hosts running now, so an interrupted run stops them too (each is its own process group). */
const running = new Set<Host>();

const outDir = (app: App) => path.resolve(app.cwd, app.outputRoot);

/** Builds the app's H5 (production) unless its index.html is newer than everything the build reads. */
function buildIfStale(app: App): void {
  const index = path.join(outDir(app), 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > 0 && built >= newest(app.inputs)) {
    console.log(`${app.label}: reusing ${path.relative(root, outDir(app))}/`);
    return;
  }
  console.log(`${app.label}: building H5 into ${path.relative(root, outDir(app))}/ …`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: app.cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: app.outputRoot },
  });
  if (r.status !== 0 || !fs.existsSync(index)) {
    console.error(`${r.stdout}\n${r.stderr}`.split('\n').slice(-40).join('\n'));
    throw new Error(`${app.label}: H5 build failed`);
  }
  console.log(`${app.label}: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The bytes of the JS and CSS the page asks for while loading (the host serves them uncompressed). */
function entryAssets(app: App): { js: number; css: number } {
  const html = fs.readFileSync(path.join(outDir(app), 'index.html'), 'utf8');
  const size = (re: RegExp) =>
    [...html.matchAll(re)].reduce((sum, m) => sum + fs.statSync(path.join(outDir(app), (m[1] as string).replace(/^\//, ''))).size, 0);
  return { js: size(/<script[^>]+src="([^"]+)"/g), css: size(/<link[^>]+href="([^"]+\.css)"/g) };
}

interface Sample {
  fcp: number;
  /** Bytes of script and stylesheet responses finished before the first contentful paint. */
  bytesBeforeFcp: number;
  /** Largest contentful paint once the page has settled: when the page's own content is on screen. */
  lcp: number;
  /** The element of the first largest-contentful-paint candidate, which is what paints first. */
  firstPainted: string;
}

/** Installed before the page's own scripts: keeps every largest-contentful-paint candidate. */
const WATCH_LCP = `window.__benchLcp = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const el = e.element;
    const what = el ? el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : '') : e.url || '?';
    window.__benchLcp.push({ time: e.startTime, what });
  }
}).observe({ type: 'largest-contentful-paint', buffered: true });`;

/**
 * Runs in the page: waits for the first-contentful-paint entry and sums the script and stylesheet bytes
 * that had arrived by then. A string, so the bundler that runs this script cannot rename anything in it.
 */
const READ_PAINTS = `new Promise((resolve, reject) => {
  const done = (fcp) => {
    const bytes = performance
      .getEntriesByType('resource')
      .filter((r) => r.responseEnd <= fcp && /\\.(js|css)$/.test(new URL(r.name).pathname))
      .reduce((sum, r) => sum + r.encodedBodySize, 0);
    const lcp = window.__benchLcp;
    resolve({ fcp, bytesBeforeFcp: bytes, lcp: lcp.length ? lcp[lcp.length - 1].time : NaN, firstPainted: lcp.length ? lcp[0].what : '?' });
  };
  const found = performance.getEntriesByName('first-contentful-paint')[0];
  if (found) return done(found.startTime);
  const timer = setTimeout(() => reject(new Error('no first-contentful-paint within 30 s')), 30000);
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (!entry) return;
    observer.disconnect();
    clearTimeout(timer);
    done(entry.startTime);
  }).observe({ type: 'paint', buffered: true });
})`;

/** Opens `url` in a fresh context (cold cache) with the CPU slowed down, and reads its paints. */
async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_LCP);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // 首页 asks the cloud for its content after it loads: let that arrive before reading the LCP.
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    return (await page.evaluate(READ_PAINTS)) as Sample;
  } finally {
    await context.close();
  }
}

export interface FcpResult {
  runs: number;
  home: Sample[];
  empty: Sample[];
  ratio: number;
}

/** Builds what is stale, serves both apps, and measures them `runs` times each, interleaved. */
export async function benchFcp(runs = Number(process.env.FCP_RUNS ?? 9)): Promise<FcpResult> {
  ensureBrowserAndFont();
  buildIfStale(EMPTY);
  buildIfStale(HOME);
  if (isStale('functions')) {
    console.log('building the cloud functions …');
    await buildFunctions();
  }
  // The host loads a copy, so a rebuild of dist/cloudfunctions by someone else cannot pull it from under us.
  const functionsDir = path.join(root, '.tmp/fcp-functions');
  fs.rmSync(functionsDir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'dist/cloudfunctions'), functionsDir, { recursive: true });

  const dataDirs: string[] = [];
  let browser: Browser | null = null;
  const serve = async (app: App) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fcp-'));
    dataDirs.push(dataDir);
    const saved = { H5_DIR: process.env.H5_DIR, FUNCTIONS_DIR: process.env.FUNCTIONS_DIR };
    process.env.H5_DIR = outDir(app);
    process.env.FUNCTIONS_DIR = functionsDir;
    try {
      const host = await startHost(await freePort(), dataDir);
      running.add(host);
      return `${host.url}/`;
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };
  try {
    const emptyUrl = await serve(EMPTY);
    const homeUrl = await serve(HOME);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    console.log(`Chromium ${browser.version()}, CPU throttled ${CPU_THROTTLING}x, ${runs} cold loads of each, interleaved`);
    // One load of each first, not counted: the browser's own processes start on the first navigation.
    await measure(browser, emptyUrl);
    await measure(browser, homeUrl);
    const home: Sample[] = [];
    const empty: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always follows the other.
      const pair = [
        [empty, emptyUrl],
        [home, homeUrl],
      ] as const;
      for (const [samples, url] of i % 2 ? [...pair].reverse() : pair) samples.push(await measure(browser, url));
    }
    return { runs, home, empty, ratio: ratio(median(home.map((s) => s.fcp)), median(empty.map((s) => s.fcp))) };
  } finally {
    await browser?.close();
    for (const host of running) {
      await stopHost(host);
      running.delete(host);
    }
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Pads to a width in terminal columns (a Chinese character takes two). */
const padEnd = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

export function printFcp({ runs, home, empty, ratio }: FcpResult): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const ms = (x: number) => x.toFixed(0);
  const widths = [16, 10, 8, 8, 10, 13, 16];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? padEnd(c, widths[0] as number) : c.padStart(widths[i] as number))).join('');
  const row = (app: App, samples: Sample[]) => {
    const fcps = samples.map((s) => s.fcp);
    const assets = entryAssets(app);
    return line([
      app.label,
      ms(median(fcps)),
      ms(Math.min(...fcps)),
      ms(Math.max(...fcps)),
      ms(median(samples.map((s) => s.lcp))),
      kb(median(samples.map((s) => s.bytesBeforeFcp))),
      `${kb(assets.js)} + ${kb(assets.css)}`,
    ]);
  };
  console.log(`\nH5 first contentful paint, CPU ${CPU_THROTTLING}x slower, ${runs} cold loads each (ms; medians unless named)`);
  console.log(line(['what', 'FCP', 'min', 'max', 'LCP', 'JS+CSS@FCP', 'entry JS+CSS']));
  console.log(row(EMPTY, empty));
  console.log(row(HOME, home));
  const lcp = times(median(home.map((s) => s.lcp)), median(empty.map((s) => s.lcp)));
  console.log(`\nFCP 首页 / empty Taro app: ${ratio.toFixed(2)}x (budget ≤ ${FCP_BUDGET}x)${ratio > FCP_BUDGET ? '  OVER' : '  ok'}`);
  console.log(`LCP 首页 / empty Taro app: ${lcp} (no budget; when the page's own content is on screen)`);
  const firsts = (samples: Sample[]) => [...new Set(samples.map((s) => s.firstPainted))].join(', ');
  console.log(`painted first — empty: ${firsts(empty)} | 首页: ${firsts(home)}`);
  console.log(`every FCP — empty: ${empty.map((s) => ms(s.fcp)).join(' ')} | 首页: ${home.map((s) => ms(s.fcp)).join(' ')}`);
}

if (require.main === module) {
  // Ctrl-C stops the hosts too (benchFcp's finally runs only when it returns or throws).
  process.once('SIGINT', () => {
    for (const host of running) if (host.child.pid) process.kill(-host.child.pid, 'SIGTERM');
    process.exit(130);
  });
  benchFcp()
    .then((result) => {
      printFcp(result);
      process.exit(result.ratio > FCP_BUDGET ? 1 : 0);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
