/**
 * scripts/check-weapp.ts can fail: a fake dist/weapp with an undeclared privacy API, a chooseImage, no
 * sitemap or one that indexes a personal page, templates without accessible names; and a fake src/ whose
 * subscribe call comes after an await.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSubscribeCalls, checkWeapp, type Finding } from '../../scripts/check-weapp';
import { readmeIsCurrent, regenerated } from '../../scripts/privacy-readme';

const REPO = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-weapp-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

const APP = {
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [{ root: 'subpackages/cases', pages: ['new', 'detail'] }],
  sitemapLocation: 'sitemap.json',
};
const GOOD_SITEMAP = {
  rules: [
    { action: 'allow', page: 'pages/home/index' },
    { action: 'disallow', page: '*' },
  ],
};

/** base.wxml as config/index.ts has @tarojs/plugin-inject build it; Taro's own drops aria-* and role. */
const ARIA_BASE = [
  '<template name="tmpl_0_7"><view aria-label="{{i.p3}}" aria-role="{{i.p4||i.role}}" aria-checked="{{i.p1}}" class="{{i.cl}}"/></template>',
  '<template name="tmpl_0_3"><view class="{{i.cl}}"/></template>',
  '<template name="tmpl_0_9"><text aria-label="{{i.p1}}" aria-role="{{i.p2||i.role}}" class="{{i.cl}}"/></template>',
].join('\n');
const TARO_BASE =
  '<template name="tmpl_0_view"><view class="{{i.cl}}"/></template>\n<template name="tmpl_0_text"><text class="{{i.cl}}"/></template>';
const PAGE_WXML = (depth: number) => `<import src="${'../'.repeat(depth)}base.wxml"/>\n<template is="taro_tmpl" data="{{root:root}}" />`;

function fakeDist({ js = '', sitemap = GOOD_SITEMAP as unknown, app = APP as unknown, base = ARIA_BASE, pages = true } = {}) {
  write('app.json', JSON.stringify(app));
  write('base.wxml', base);
  if (pages)
    for (const page of ['pages/home/index', 'pages/me/index', 'subpackages/cases/new', 'subpackages/cases/detail'])
      write(`${page}.wxml`, PAGE_WXML(2));
  // Taro's runtime lists every API name as a string: not a call.
  write('taro.js', '["chooseImage","getUserProfile","setClipboardData","saveImageToPhotosAlbum"]');
  write('subpackages/cases/new.js', js);
  if (sitemap) write('sitemap.json', JSON.stringify(sitemap));
  return checkWeapp({ dist: dir, repo: REPO, distOnly: true });
}
const failures = (findings: Finding[]) => findings.filter((f) => !f.ok).map((f) => `${f.rule}: ${f.detail}`);

test('a clean fake build passes, and Taro’s list of API names is not a call', () => {
  expect(failures(fakeDist({ js: 'n().chooseMedia({count:1,mediaType:["image"]});a().setClipboardData({data:c})' }))).toEqual([]);
});

test('an undeclared privacy API fails', () => {
  const f = failures(fakeDist({ js: 'e().saveImageToPhotosAlbum({filePath:t});o().chooseMedia({count:1})' }));
  expect(f).toEqual([expect.stringMatching(/^隐私接口: saveImageToPhotosAlbum（相册（仅写入））在 subpackages\/cases\/new\.js 里调用/)]);
});

test('an undeclared privacy component (open-type getPhoneNumber) fails', () => {
  expect(failures(fakeDist({ js: '(0,r.jsx)(s.Button,{openType:"getPhoneNumber"})' }))).toEqual([
    expect.stringMatching(/^隐私接口: openType:getPhoneNumber/),
  ]);
});

test('chooseImage fails as deprecated (and as a privacy API nobody declared)', () => {
  const f = failures(fakeDist({ js: 'case 3:return e.p=3,e.n=4,v().chooseImage({count:1})' }));
  expect(f).toEqual(
    expect.arrayContaining([expect.stringMatching(/^废弃接口: chooseImage 已废弃/), expect.stringMatching(/^隐私接口: chooseImage/)]),
  );
});

test('no sitemap fails; a sitemap that lets a personal page be indexed fails', () => {
  expect(failures(fakeDist({ sitemap: null }))).toEqual([expect.stringMatching(/^sitemap: 没有 sitemap\.json/)]);
  expect(failures(fakeDist({ app: { ...APP, sitemapLocation: undefined } }))).toEqual([
    expect.stringMatching(/^sitemap: app\.json 没有 sitemapLocation/),
  ]);
  const leaky = {
    rules: [
      { action: 'disallow', page: 'pages/me/index' },
      { action: 'allow', page: '*' },
    ],
  };
  expect(failures(fakeDist({ sitemap: leaky }))).toEqual([
    expect.stringMatching(/^sitemap: .*subpackages\/cases\/new, subpackages\/cases\/detail/),
  ]);
});

test('a download outside open-file.weapp.ts fails, and so does cloud.downloadFile', () => {
  expect(failures(fakeDist({ js: 'a().downloadFile({url:t})' }))).toEqual([expect.stringMatching(/^下载: .*subpackages\/cases\/new\.js/)]);
  expect(failures(fakeDist({ js: 'a().cloud.downloadFile({fileID:t});a().openDocument({filePath:p})' }))).toEqual([
    expect.stringMatching(/^下载: cloud\.downloadFile/),
  ]);
});

describe('accessible names reach the weapp templates', () => {
  // Compiled JSX as terser leaves it: the QR code's and a chip's props.
  const named = '(0,r.jsx)(s.View,{className:"qr",role:"img","aria-label":n});(0,r.jsx)(s.View,{role:"radio","aria-checked":c})';

  test('templates with aria-label and aria-role, fed by role, pass', () => {
    const f = fakeDist({ js: named });
    expect(failures(f)).toEqual([]);
    expect(f.filter((x) => x.rule === '无障碍').map((x) => x.detail)).toEqual([
      expect.stringMatching(/<view><text> 模板带 aria-label/),
      expect.stringMatching(/aria-checked、aria-label 都在/),
      expect.stringMatching(/role 在 base\.wxml 里成为 aria-role/),
      expect.stringMatching(/4 个页面都由 base\.wxml/),
    ]);
  });

  test('Taro’s own templates, without aria-*, fail', () => {
    expect(failures(fakeDist({ js: named, base: TARO_BASE }))).toEqual([
      expect.stringMatching(/^无障碍: base\.wxml 的 <view> 没有 aria-label、<text> 没有 aria-label、<view> 没有 aria-role/),
      expect.stringMatching(/^无障碍: 代码设置了 aria-checked、aria-label，base\.wxml 的模板却没有/),
      expect.stringMatching(/^无障碍: 代码设置了 role，base\.wxml 的 aria-role 却不读 i\.role/),
    ]);
  });

  test('an aria-* the code sets that no template carries fails, and so does aria-role without role', () => {
    expect(
      failures(fakeDist({ js: '(0,r.jsx)(s.View,{"aria-modal":"true",role:"dialog"})', base: ARIA_BASE.replace(/\|\|i\.role/g, '') })),
    ).toEqual([expect.stringMatching(/^无障碍: 代码设置了 aria-modal，/), expect.stringMatching(/^无障碍: 代码设置了 role，/)]);
  });

  test('a page that does not render through base.wxml fails, and no base.wxml fails', () => {
    write('subpackages/cases/detail.wxml', '<view>详情</view>');
    expect(failures(fakeDist({ pages: false }))).toEqual([
      expect.stringMatching(
        /^无障碍: 这些页面的 WXML 不经过 base\.wxml.*pages\/home\/index, pages\/me\/index, subpackages\/cases\/new, subpackages\/cases\/detail$/,
      ),
    ]);
    expect(failures(fakeDist({ base: '' }))).toEqual([expect.stringMatching(/^无障碍: 没有 base\.wxml/)]);
  });
});

test('the app’s own src/ passes the subscribe rule', () => {
  const findings = checkSubscribeCalls(path.join(REPO, 'src'));
  expect(findings.length).toBeGreaterThan(0);
  expect(failures(findings)).toEqual([]);
});

describe('subscribe consent is asked inside the tap, before any await', () => {
  const src = (files: Record<string, string>) => {
    for (const [rel, text] of Object.entries(files)) write(`src/${rel}`, text);
    return checkSubscribeCalls(path.join(dir, 'src'));
  };

  test('a call after an await fails', () => {
    const f = failures(
      src({
        'form.tsx': `export function Form() {
  const send = async () => {
    const chosen = await suggest();
    await requestSubscribe(['t']);
  };
  return <Button onClick={() => void send()}>提交</Button>;
}`,
      }),
    );
    expect(f).toEqual([expect.stringMatching(/^订阅消息: .*form\.tsx:4: send\(\) 在第 3 行先 await 了/)]);
  });

  test('a call in a function no tap reaches fails', () => {
    const f = failures(
      src({
        'page.tsx': `export function Page() { useEffect(() => { void ask(); }, []); const ask = () => requestSubscribe(['t']); return null; }`,
      }),
    );
    expect(f).toEqual([expect.stringMatching(/ask\(\) 没有从 onClick 调用/)]);
  });

  test('direct taps, conditional handlers, forwarded props and renamed hook results pass', () => {
    const findings = src({
      'a.tsx': `export function A() { const ask = () => { const p = requestSubscribe(['t']); void p.then(() => {}); }; return <Button onClick={busy ? undefined : ask} />; }`,
      'hook.ts': `export function useRemind() { const toggle = async () => { if (on) return; await requestSubscribe(['t']); }; return { toggle }; }`,
      'b.tsx': `export function B() { const { toggle: toggleRemind } = useRemind(); return <View onClick={() => void toggleRemind()} />; }`,
      'banner.tsx': `export function Banner({ onAsk }) { return <Button onClick={onAsk} />; }`,
      'c.tsx': `export function C() { const please = () => requestSubscribe(['t']); return <Banner onAsk={please} />; }`,
    });
    expect(failures(findings)).toEqual([]);
    expect(findings).toHaveLength(3);
  });
});

test('the README privacy section is generated from privacy.json, and a stale one is caught', () => {
  expect(readmeIsCurrent(REPO)).toBe(true);
  const declaration = JSON.parse(fs.readFileSync(path.join(REPO, 'privacy.json'), 'utf8')) as { apis: unknown[] };
  declaration.apis.push({ info: '剪切板', apis: ['getClipboardData'], purpose: '测试', where: '测试' });
  write('privacy.json', JSON.stringify(declaration));
  fs.copyFileSync(path.join(REPO, 'README.md'), path.join(dir, 'README.md'));
  expect(readmeIsCurrent(dir)).toBe(false);
  write('README.md', regenerated(dir));
  expect(readmeIsCurrent(dir)).toBe(true);
  expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/\| `wx\.getClipboardData` +\| 测试 +\|/);
});
