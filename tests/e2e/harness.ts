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
    !fs.existsSync(path.resolve(ROOT, process.env.FUNCTIONS_DIR ?? 'dist/cloudfunctions')) &&
      'dist/cloudfunctions (npm run build:functions)',
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
/** A Taro button (the button element takes the click, not the text inside it). */
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

// ---------- settling, axe-core and text measurements (the accessibility journey) ----------

const inFlight = new WeakMap<Page, { count: number; last: number }>();

/** Counts the page's calls to the host's /api, so `settle` can wait until none is in flight. */
function trackApi(page: Page) {
  let state = inFlight.get(page);
  if (state) return state;
  const s = { count: 0, last: Date.now() };
  const isApi = (u: string) => new URL(u).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (isApi(r.url())) s.count++;
  });
  const done = (r: { url(): string }) => {
    if (isApi(r.url())) {
      s.count = Math.max(0, s.count - 1);
      s.last = Date.now();
    }
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  inFlight.set(page, s);
  state = s;
  return state;
}

/**
 * Waits until the page on screen has its data: `ready` (when given) is visible, no loading state shows,
 * and no /api call has been in flight for `quietMs`.
 */
export async function settle(page: Page, ready?: string, quietMs = 200) {
  const api = trackApi(page);
  if (ready) await shown(page, ready).waitFor({ timeout: STEP_TIMEOUT });
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const loading = await page.evaluate(() => {
      const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => el.offsetParent !== null);
      const current = pages[pages.length - 1];
      if (!current?.querySelector('.page')) return true;
      return Array.from(current.querySelectorAll<HTMLElement>('.state--loading')).some((el) => el.offsetParent !== null);
    });
    if (!loading && api.count === 0 && Date.now() - api.last >= quietMs) return;
    if (Date.now() > deadline) throw new E2EFailure(`页面 ${page.url()} 15 秒内没有加载完（${api.count} 个请求未返回）`);
    await page.waitForTimeout(50);
  }
}

const AXE_SOURCE = path.join(path.dirname(require.resolve('axe-core/package.json')), 'axe.min.js');

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Elements whose violation comes from Taro's own markup, which the app cannot change. Each
 * is one rule on one selector, with the reason; nothing is excluded globally.
 */
export const AXE_EXCEPTIONS: { rule: string; selector: string; why: string }[] = [
  {
    rule: 'scrollable-region-focusable',
    selector: '.taro_page',
    why:
      'Taro’s H5 router makes each page its own scrolling box (.taro_page), outside what the app renders. ' +
      'In WeChat the page scrolls natively, and Chromium (since 130) lets the keyboard focus and scroll such a box itself.',
  },
];

/**
 * Runs axe-core on what is on screen: the WCAG 2.0/2.1 A and AA rules, or only the rules named in `only`.
 * Answers the serious and critical violations.
 */
export async function axeCheck(page: Page, only?: string[]): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(
    async ({ exceptions, only }) => {
      interface AxeNode {
        target: string[];
        element?: Element;
      }
      interface AxeResult {
        id: string;
        impact: string | null;
        help: string;
        nodes: AxeNode[];
      }
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
      const result = await axe.run(document, {
        runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
        elementRef: true,
      });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          rule: v.id,
          impact: v.impact ?? '',
          help: v.help,
          targets: v.nodes
            .filter((n) => !exceptions.some((x) => x.rule === v.id && n.element?.closest(x.selector)))
            .map((n) => n.target.join(' ')),
        }))
        .filter((v) => v.targets.length > 0);
    },
    { exceptions: AXE_EXCEPTIONS, only },
  );
}

export interface TextMeasure {
  /** The page shows in 长辈模式 (.page--elder). */
  elder: boolean;
  /** The font size of the page's own box (.page), in px. */
  bodySize: number;
  /** The font size of each visible piece of text on the page (not its title bar), by element, in px. */
  sizes: Record<string, number>;
  /** The smallest visible text on the page, in px. */
  minSize: number;
  /**
   * Text that shortens itself (an ellipsis or a line clamp), by element: the share of it that shows (0–1).
   * A list may show the start of a long text; 长辈模式 must not show less of it than the normal mode.
   */
  truncated: Record<string, number>;
  /** Text that is cut off: by a box around it, by the screen's edge, or a page title that does not fit. */
  cut: string[];
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(...)`: give the page
 * that helper, so functions passed to page.evaluate may name their helpers.
 */
async function allowNamedFunctions(page: Page) {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}

/** Font sizes and cut-off text of the page on screen, its title bar included. */
export async function measureText(page: Page): Promise<TextMeasure> {
  await allowNamedFunctions(page);
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => el.offsetParent !== null);
    const current = pages[pages.length - 1];
    const shell = current?.querySelector<HTMLElement>('.page');
    if (!current || !shell) return { elder: false, bodySize: 0, sizes: {}, minSize: 0, truncated: {}, cut: ['页面没有内容'] };
    const roots: HTMLElement[] = [current, ...Array.from(document.querySelectorAll<HTMLElement>('.taro-navigation-bar-title'))];
    const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const cuts = (v: string) => v === 'hidden' || v === 'clip';
    const describe = (el: Element, text: string) => {
      const id = el.closest('[id]')?.id;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${id ? `#${id} ` : ''}${el.tagName.toLowerCase()}${cls}「${text.slice(0, 24)}」`;
    };
    const sizes: Record<string, number> = {};
    const truncated: Record<string, number> = {};
    const cut = new Set<string>();
    const vw = window.innerWidth;
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const el = node.parentElement;
        if (!text || !el || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (root === current) sizes[describe(el, text)] = size(el);
        // Its own box: an ellipsis or a line clamp that is hiding something.
        const own = getComputedStyle(el);
        const wide = el.clientWidth > 0 && (own.textOverflow === 'ellipsis' || cuts(own.overflowX)) && el.scrollWidth > el.clientWidth + 1;
        const tall = el.clientHeight > 0 && cuts(own.overflowY) && el.scrollHeight > el.clientHeight + 1;
        if (wide || tall) {
          const share = Math.min(el.clientWidth / el.scrollWidth, el.clientHeight / el.scrollHeight);
          const what = `${describe(el, text)} 只显示出 ${Math.round(share * 100)}%（${el.clientWidth}×${el.clientHeight}px，内容 ${el.scrollWidth}×${el.scrollHeight}px）`;
          if (el.closest('.taro-navigation-bar-title')) cut.add(`页面标题${what}`);
          else truncated[describe(el, text)] = share;
          continue;
        }
        // A box around it that hides what sticks out (a scrolling box lets one reach it: not cut off).
        let scrollsX = false;
        let scrollsY = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const cs = getComputedStyle(a);
          const r = a.getBoundingClientRect();
          if (!scrollsX && cuts(cs.overflowX) && (box.left < r.left - 1 || box.right > r.right + 1)) {
            cut.add(`${describe(el, text)} 超出了 ${describe(a, '').replace(/「」$/, '')} 的左右边`);
            break;
          }
          if (!scrollsY && cuts(cs.overflowY) && (box.top < r.top - 1 || box.bottom > r.bottom + 1)) {
            cut.add(`${describe(el, text)} 超出了 ${describe(a, '').replace(/「」$/, '')} 的上下边`);
            break;
          }
          if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') scrollsX = true;
          if (cs.overflowY === 'auto' || cs.overflowY === 'scroll') scrollsY = true;
          if (a === root) break;
        }
        if (!scrollsX && (box.right > vw + 1 || box.left < -1))
          cut.add(`${describe(el, text)} 超出了屏幕（${Math.round(box.left)}–${Math.round(box.right)}px）`);
      }
    }
    return {
      elder: shell.classList.contains('page--elder'),
      bodySize: size(shell),
      sizes,
      minSize: Math.min(...Object.values(sizes)),
      truncated,
      cut: [...cut],
    };
  });
}
