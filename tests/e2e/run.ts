/**
 * End-to-end in real Chromium against the real local host (`tsx local/main.ts`), on what is built:
 * dist/h5 and dist/cloudfunctions (`npm run build:h5 && npm run build:functions` first). The journeys run
 * in order in one browser against one host; each lives in journeys/. A screenshot of every page visited
 * goes to artifacts/screenshots/<role>/. Exits 1 on failure; the host is always stopped. `E2E_ONLY=places`
 * runs only the journeys named (comma-separated, by the word before the colon).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  E2EFailure,
  ROOT,
  SHOTS,
  STEP_TIMEOUT,
  Screens,
  ensureBrowserAndFont,
  ensureBuilt,
  freePort,
  log,
  startHost,
  stopHost,
  type Host,
} from './harness';
import { platformJourney } from './journeys/platform';
import { policiesJourney } from './journeys/policies';
import { fairsJourney } from './journeys/fairs';
import { workbenchJourney } from './journeys/workbench';
import { casesJourney } from './journeys/cases';
import { placesJourney } from './journeys/places';
import { ledgerJourney } from './journeys/ledger';
import { countyJourney } from './journeys/county';
import { accessibilityJourney } from './journeys/accessibility';

const JOURNEYS: { name: string; run: (page: Page, url: string, shots: Screens) => Promise<void> }[] = [
  { name: 'platform: tabs, profile, 长辈模式, invite and binding', run: platformJourney },
  { name: 'policies: search 孩子上学, open it, 就这件事求助; initials, chips, favorites, for me, 长辈模式, admin', run: policiesJourney },
  { name: 'fairs: sign up, QR code in 我的报名, cancel; the organizer’s roster, door and export', run: fairsJourney },
  { name: 'workbench: 教育局 signs, replies and resolves; the 双拥办 sees the 三率 chart', run: workbenchJourney },
  { name: 'cases: a resident asks in their own words, gets a tracking number, supplements, rates 没有解决', run: casesJourney },
  {
    name: 'places: 身边 by 城关街道, 优待证 filter, a place’s offer; 首页 nearest; stories; volunteer sign-up; 长辈模式',
    run: placesJourney,
  },
  { name: 'ledger: 教育局 adds evidence and marks 2.3 ready; the 双拥办 accepts it and the board moves', run: ledgerJourney },
  {
    name: 'county: 全县单位 edited; a 河口镇 relief case escalated by the station to 民政局; the leader reads only',
    run: countyJourney,
  },
  {
    name: 'accessibility: every page of each role through axe-core (WCAG 2 A/AA); 长辈模式 text ×1.25 and nothing cut off',
    run: accessibilityJourney,
  },
];

/** `E2E_ONLY=places` (or `places,ledger`) runs only the journeys whose names start with those words. */
function chosenJourneys() {
  const only = (process.env.E2E_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (only.length === 0) return JOURNEYS;
  const chosen = JOURNEYS.filter((j) => only.some((o) => j.name.split(':')[0] === o));
  if (chosen.length === 0) throw new E2EFailure(`E2E_ONLY=${only.join(',')} 没有对应的旅程`);
  return chosen;
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
    const chosen = chosenJourneys();
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
    const shots = new Screens(page);
    for (const journey of chosen) {
      log(`— ${journey.name}`);
      await journey.run(page, host.url, shots);
    }
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
