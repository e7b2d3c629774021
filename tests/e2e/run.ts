/**
 * End-to-end in real Chromium against the real local host (`tsx local/main.ts`), on what is built:
 * dist/h5 and dist/cloudfunctions (`npm run build:h5 && npm run build:functions` first).
 *
 *   anonymous   首页 loads the categories from meta.get; 政策, 办事, 我的 open
 *   resident-1  saves a profile through the consent sheet and sees it on 我的;
 *               长辈模式 stays on after a reload and nothing runs off the screen
 *   admin       creates an invite code for 教育局
 *   new user    binds with that code and is 教育局 staff
 *
 * A screenshot of every page visited goes to artifacts/screenshots/<role>/. Exits 1 on failure; the
 * host is always stopped.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT_DIR = '/usr/share/fonts/truetype/wqy';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const STEP_TIMEOUT = 15_000;

class E2EFailure extends Error {}

function log(message: string) {
  console.log(`[e2e] ${message}`);
}

// ---------- the machine ----------

function ensureBrowserAndFont() {
  const hasFont = fs.existsSync(CJK_FONT_DIR) && fs.readdirSync(CJK_FONT_DIR).some((f) => f.startsWith('wqy-microhei'));
  if (fs.existsSync(CHROMIUM) && hasFont) return;
  const missing = [!fs.existsSync(CHROMIUM) && 'chromium', !hasFont && 'fonts-wqy-microhei'].filter(Boolean).join(' ');
  if (process.getuid?.() !== 0) {
    throw new E2EFailure(`缺少 ${missing}。请先安装：sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei`);
  }
  log(`installing ${missing} (apt-get)…`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-wqy-microhei'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureBuilt() {
  const missing = [
    !fs.existsSync(path.join(ROOT, 'dist/h5/index.html')) && 'dist/h5 (npm run build:h5)',
    !fs.existsSync(path.join(ROOT, 'dist/cloudfunctions')) && 'dist/cloudfunctions (npm run build:functions)',
  ].filter(Boolean);
  if (missing.length) throw new E2EFailure(`还没有构建：${missing.join('，')}`);
}

function freePort(): Promise<number> {
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

interface Host {
  url: string;
  child: ChildProcess;
  output: string[];
}

async function startHost(port: number, dataDir: string): Promise<Host> {
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

async function stopHost(host: Host | null) {
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
const shown = (page: Page, selector: string): Locator => page.locator(selector).filter({ visible: true }).first();
const text = (page: Page, value: string): Locator => page.getByText(value, { exact: true }).filter({ visible: true }).first();
/** A Taro/NutUI button (the button element takes the click, not the text inside it). */
const button = (page: Page, label: string): Locator =>
  page.locator('taro-button-core').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`), visible: true }).first();

async function expectText(locator: Locator, expected: string | RegExp, what: string) {
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

class Screens {
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

async function openTab(page: Page, label: '首页' | '政策' | '办事' | '我的') {
  await shown(page, '.weui-tabbar').getByText(label, { exact: true }).click();
}

async function chooseIdentity(page: Page, label: string) {
  await openTab(page, '我的');
  await text(page, label).click();
}

async function noHorizontalOverflow(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth > innerWidth + 1) throw new E2EFailure(`${where}：内容比屏幕宽（${scrollWidth}px > ${innerWidth}px），长辈模式下有内容被截断`);
}

// ---------- the journeys ----------

async function journeys(page: Page, url: string) {
  const shots = new Screens(page);

  log('anonymous: 首页 shows the categories from meta.get');
  await page.goto(`${url}/`);
  await expectText(text(page, '退役安置'), '退役安置', '首页的服务类别');
  await expectText(text(page, '现役军人家庭'), '现役军人家庭', '首页的服务类别');
  await shots.take('anonymous', 'home');
  await openTab(page, '政策');
  await expectText(text(page, '政策类别'), '政策类别', '政策页');
  await shots.take('anonymous', 'policies');
  await openTab(page, '办事');
  await expectText(text(page, '什么事找哪个部门'), '什么事找哪个部门', '办事页');
  await expectText(text(page, '人力资源和社会保障局'), '人力资源和社会保障局', '办事页的办理部门');
  await shots.take('anonymous', 'services');
  await openTab(page, '我的');
  await expectText(text(page, '您好，访客'), '您好，访客', '匿名时的我的页');
  await shots.take('anonymous', 'me');

  log('resident-1: switch identity, save a profile, see it on 我的');
  await chooseIdentity(page, '群众一');
  await expectText(shown(page, '#me-role'), '群众', '群众一的身份');
  await shots.take('resident-1', 'me');
  await text(page, '个人信息').click();
  const name = shown(page, '#field-name input');
  await name.waitFor({ timeout: STEP_TIMEOUT });
  await shots.take('resident-1', 'profile');
  await name.fill('王建军');
  await shown(page, '#field-phone input').fill('13800138000');
  await text(page, '河口镇').click();
  const soldier = text(page, '退役士兵');
  if (!((await soldier.getAttribute('class')) ?? '').includes('chip--on')) await soldier.click();
  await button(page, '保存').click();
  // First personal data in this browser: the consent sheet comes before anything is sent.
  await expectText(text(page, '个人信息保护说明'), '个人信息保护说明', '保存前的隐私说明');
  await shots.take('resident-1', 'privacy-consent');
  await button(page, '同意并继续').click();
  await expectText(shown(page, '#me-name'), '王建军', '保存后我的页上的姓名');
  const card = shown(page, '.me-card');
  await expectText(card, /138\*\*\*\*8000/, '我的页上打码的手机号');
  await expectText(card, /河口镇/, '我的页上的乡镇');
  await expectText(card, /退役士兵/, '我的页上的身份类别');
  await shots.take('resident-1', 'me-saved');

  log('resident-1: 长辈模式 on, and still on after a reload');
  await shown(page, '#elder-switch input').click();
  await shown(page, '.page--elder').waitFor({ timeout: STEP_TIMEOUT });
  await page.reload();
  await expectText(shown(page, '#me-name'), '王建军', '刷新后的我的页');
  if ((await page.locator('.page--elder').filter({ visible: true }).count()) === 0) throw new E2EFailure('刷新后长辈模式没有保留');
  if (!(await shown(page, '#elder-switch input').isChecked())) throw new E2EFailure('刷新后长辈模式开关不是开着的');
  const fontSize = await shown(page, '#me-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  if (fontSize < 26) throw new E2EFailure(`长辈模式下姓名只有 ${fontSize}px`);
  await noHorizontalOverflow(page, '长辈模式的我的页');
  await shots.take('resident-1', 'me-elder');
  await openTab(page, '首页');
  await expectText(text(page, '退役安置'), '退役安置', '长辈模式的首页');
  if ((await page.locator('.page--elder').filter({ visible: true }).count()) === 0) throw new E2EFailure('长辈模式没有用到首页');
  await noHorizontalOverflow(page, '长辈模式的首页');
  await shots.take('resident-1', 'home-elder');
  await openTab(page, '我的');
  await shown(page, '#elder-switch input').click();
  await page.waitForFunction(() => !document.querySelector('.page--elder'), undefined, { timeout: STEP_TIMEOUT });

  log('admin: create an invite code for 教育局');
  await chooseIdentity(page, '管理员');
  await expectText(shown(page, '#me-role'), '管理员', '管理员的身份');
  await shots.take('admin', 'me');
  await text(page, '管理后台').click();
  await expectText(text(page, '邀请新同事'), '邀请新同事', '管理后台');
  await shots.take('admin', 'admin');
  await shown(page, '.chips').getByText('教育局', { exact: true }).click();
  await button(page, '生成邀请码').click();
  const code = await expectText(shown(page, '#invite-code'), /^[A-Z2-9]{8}$/, '新的邀请码');
  await shots.take('admin', 'admin-invite');
  log(`admin: invite code ${code}`);

  log('new user: bind with the code and become 教育局 staff');
  await page.goBack();
  await chooseIdentity(page, '新用户');
  await expectText(shown(page, '#me-role'), '群众', '新用户的身份');
  await shots.take('new-user', 'me');
  await text(page, '我是工作人员').click();
  await shown(page, '#field-inviteCode input').fill(code);
  await shots.take('new-user', 'bind');
  await button(page, '绑定').click();
  await expectText(text(page, '绑定成功'), '绑定成功', '绑定结果');
  await expectText(shown(page, '#bind-done'), /您现在是教育局的部门工作人员/, '绑定后的角色');
  await shots.take('new-user', 'bind-done');
  await button(page, '回到我的').click();
  await expectText(shown(page, '#me-role'), '部门工作人员', '绑定后我的页上的身份');
  await expectText(shown(page, '#me-department'), '教育局', '绑定后我的页上的部门');
  await shots.take('new-user', 'me-staff');
}

async function main(): Promise<number> {
  let host: Host | null = null;
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  const pageErrors: string[] = [];
  const started = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-e2e-data-'));
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-e2e-chromium-'));
  try {
    ensureBuilt();
    ensureBrowserAndFont();
    fs.rmSync(SHOTS, { recursive: true, force: true });
    host = await startHost(await freePort(), dataDir);
    log(`host ready at ${host.url}`);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await journeys(page, host.url);
    if (pageErrors.length) throw new E2EFailure(`页面脚本出错：${pageErrors.join(' | ')}`);
    log(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(ROOT, SHOTS)}/`);
    return 0;
  } catch (e) {
    console.error(`[e2e] FAILED: ${e instanceof Error ? e.message : String(e)}`);
    if (!(e instanceof E2EFailure) && e instanceof Error && e.stack) console.error(e.stack);
    if (pageErrors.length) console.error(`[e2e] page errors: ${pageErrors.join(' | ')}`);
    if (page) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true }).catch(() => undefined);
      console.error(`[e2e] the page at the failure: ${path.relative(ROOT, path.join(SHOTS, 'failure.png'))} (${page.url()})`);
    }
    if (host) console.error(`[e2e] last host output:\n${host.output.slice(-20).join('\n')}`);
    return 1;
  } finally {
    await context?.close().catch(() => undefined);
    await stopHost(host);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
