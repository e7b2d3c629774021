/**
 * What every end-to-end journey stands on: the machine (Chromium and a CJK font), the real local host
 * on a free port with a temporary DATA_DIR, and helpers to find what is on screen and take screenshots.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SHOTS = path.join(ROOT, 'artifacts', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT_DIR = '/usr/share/fonts/truetype/wqy';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const STEP_TIMEOUT = 15_000;

export class E2EFailure extends Error {}

export function log(message: string) {
  console.log(`[e2e] ${message}`);
}

// ---------- the machine ----------

export function ensureBrowserAndFont() {
  const hasFont = fs.existsSync(CJK_FONT_DIR) && fs.readdirSync(CJK_FONT_DIR).some((f) => f.startsWith('wqy-microhei'));
  if (fs.existsSync(CHROMIUM) && hasFont) return;
  const missing = [!fs.existsSync(CHROMIUM) && 'chromium', !hasFont && 'fonts-wqy-microhei'].filter(Boolean).join(' ');
  if (process.getuid?.() !== 0) {
    throw new E2EFailure(`缺少 ${missing}。请先安装：sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei`);
  }
  log(`installing ${missing} (apt-get)…`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-wqy-microhei'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export function ensureBuilt() {
  const missing = [
    !fs.existsSync(path.resolve(ROOT, process.env.H5_DIR ?? 'dist/h5', 'index.html')) && 'dist/h5 (npm run build:h5)',
    !fs.existsSync(path.resolve(ROOT, process.env.FUNCTIONS_DIR ?? 'dist/cloudfunctions')) && 'dist/cloudfunctions (npm run build:functions)',
  ].filter(Boolean);
  if (missing.length) throw new E2EFailure(`还没有构建：${missing.join('，')}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// ---------- the host ----------

export interface Host {
  url: string;
  child: ChildProcess;
  output: string[];
}

export async function startHost(port: number, dataDir: string): Promise<Host> {
  const output: string[] = [];
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const host = { url: `http://127.0.0.1:${port}`, child, output };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new E2EFailure(`本地云没有启动（退出码 ${child.exitCode}）`);
    try {
      const res = await fetch(`${host.url}/healthz`);
      if (res.ok) return host;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new E2EFailure('本地云 60 秒内没有就绪（GET /healthz）');
}

export async function stopHost(host: Host | null) {
  if (!host?.child.pid || host.child.exitCode !== null) return;
  const exited = new Promise((resolve) => host.child.once('exit', resolve));
  try {
    process.kill(-host.child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-host.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

// ---------- the browser ----------

/** Taro keeps every visited tab page in the DOM (hidden): look only at what is on screen. */
export const shown = (page: Page, selector: string): Locator => page.locator(selector).filter({ visible: true }).first();
export const text = (page: Page, value: string): Locator => page.getByText(value, { exact: true }).filter({ visible: true }).first();
/** A Taro/NutUI button (the button element takes the click, not the text inside it). */
export const button = (page: Page, label: string): Locator =>
  page
    .locator('taro-button-core')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`), visible: true })
    .first();

export async function expectText(locator: Locator, expected: string | RegExp, what: string) {
  try {
    await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    const deadline = Date.now() + STEP_TIMEOUT;
    for (;;) {
      const actual = (await locator.textContent())?.trim() ?? '';
      if (typeof expected === 'string' ? actual === expected : expected.test(actual)) return actual;
      if (Date.now() > deadline) throw new E2EFailure(`${what}：期望 ${String(expected)}，实际是「${actual}」`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    if (e instanceof E2EFailure) throw e;
    throw new E2EFailure(`${what}：没有出现（${(e as Error).message.split('\n')[0]}）`);
  }
}

export class Screens {
  private count = new Map<string, number>();
  constructor(private readonly page: Page) {}
  async take(role: string, name: string) {
    const n = (this.count.get(role) ?? 0) + 1;
    this.count.set(role, n);
    const dir = path.join(SHOTS, role);
    fs.mkdirSync(dir, { recursive: true });
    // Let toasts and transitions settle so the picture is what a person sees.
    await this.page.waitForTimeout(300);
    // Taro scrolls inside the page element, not the document: grow the window to the whole page.
    const viewport = this.page.viewportSize() ?? { width: 390, height: 844 };
    const height = await this.page.evaluate(() => {
      const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => el.offsetParent !== null);
      const current = pages[pages.length - 1];
      return current ? current.scrollHeight + (window.innerHeight - current.clientHeight) : window.innerHeight;
    });
    if (height > viewport.height) await this.page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
    await this.page.screenshot({ path: path.join(dir, `${String(n).padStart(2, '0')}-${name}.png`) });
    if (height > viewport.height) await this.page.setViewportSize(viewport);
  }
}

export async function openTab(page: Page, label: '首页' | '政策' | '办事' | '我的') {
  await shown(page, '.weui-tabbar').getByText(label, { exact: true }).click();
}

export async function chooseIdentity(page: Page, label: string) {
  await openTab(page, '我的');
  await text(page, label).click();
}

export async function noHorizontalOverflow(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth + 1)
    throw new E2EFailure(`${where}：内容比屏幕宽（${scrollWidth}px > ${innerWidth}px），长辈模式下有内容被截断`);
}
