/**
 * After a weapp build: the code package against our budgets and against the rules of WeChat's
 * 代码质量 scan (DevTools' quality panel, `miniprogram-ci checkCodeQuality`), reproduced offline.
 *
 *   tsx scripts/size-weapp.ts             checks dist/weapp
 *   TARO_OUTPUT_ROOT=.tmp/w tsx …          checks the build in .tmp/w (as config/index.ts builds it)
 *
 * Per package (main and each subpackage): the raw size of what WeChat uploads (its file-type
 * whitelist; DevTools' project files and the LICENSE.txt files terser extracts stay behind), and
 * whether its JS, WXSS and WXML are compressed. Then the quality rules: package sizes, images and
 * audio, lazyCodeLoading, the compression switches upload reads, and the dependency graph (files
 * nothing reaches, main-package code only subpackages use, declared components no template uses).
 * Exits 1 on any failure, naming the file and what to do about it.
 *
 * Budgets: main package WEAPP_MAIN_BUDGET_KB (default 450, the design budget), each subpackage 300 KB.
 * See docs/decisions/009-package-budgets.md for why this runs here rather than through miniprogram-ci.
 */
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const ROOT = path.resolve(REPO, process.env.TARO_OUTPUT_ROOT ?? path.join('dist', 'weapp'));
const MAIN_BUDGET_KB = Number(process.env.WEAPP_MAIN_BUDGET_KB ?? 450);
const SUBPACKAGE_BUDGET_KB = 300;

// WeChat's own numbers (https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages.html and
// the quality scan's rules, as miniprogram-ci 2.1.42 ships them in dist/ci/utils/qualitycheckoption.js).
const WECHAT_PACKAGE_LIMIT_KB = 2048;
const WECHAT_TOTAL_LIMIT_KB = 20480;
const QUALITY_PACKAGE_KB = 1.5 * 1024; // PACKAGE_SIZE_LIMIT: every package under 1.5 MB
const QUALITY_MEDIA_KB = 200; // IMAGE_AND_AUDIO_LIMIT (the scan adds up all images and audio)
const MEDIA = new Set('.jpg .jpeg .png .svg .webp .gif .flac .m4a .ogg .ape .amr .wma .wav .mp3 .mp4 .aac .aiff .caf'.split(' '));

// What upload takes (miniprogram-ci's default white list; anything else stays on the machine).
const UPLOADED = new Set(
  '.wxml .wxss .wxs .png .jpg .jpeg .gif .svg .js .json .cer .mp3 .aac .m4a .mp4 .wav .ogg .silk .wasm .br .cur .ico .skel .crt .cert'.split(
    ' ',
  ),
);
const PROJECT_FILES = new Set(['project.config.json', 'project.private.config.json']);
const CODE = new Set(['.js', '.json', '.wxml', '.wxss', '.wxs']);

/**
 * Compression: the share of a file that a minifier would still remove (indentation at line starts,
 * comments other than `/*!` license markers, blank lines). terser and Taro's CSS minimizer leave
 * about 0%; an unminified webpack bundle is 15-30%. Taro writes its templates with two-space
 * indentation (base.wxml measures about 2.8%), and upload compresses WXML (setting.minifyWXML):
 * Taro's own build-time switch, mini.minifyXML, drops the end tag of <input> and breaks the page.
 */
const MAX_SLACK: Record<'js' | 'wxss' | 'wxml', number> = { js: 0.02, wxss: 0.02, wxml: 0.05 };
const SLACK_FLOOR_BYTES = 256; // a few stray bytes in a tiny file are not worth a failure

type Kind = 'js' | 'wxss' | 'wxml' | 'json' | 'media' | 'other';
const kindOf = (ext: string): Kind =>
  ext === '.js' || ext === '.wxs'
    ? 'js'
    : ext === '.wxss'
      ? 'wxss'
      : ext === '.wxml'
        ? 'wxml'
        : ext === '.json'
          ? 'json'
          : MEDIA.has(ext)
            ? 'media'
            : 'other';

interface FileInfo {
  rel: string;
  ext: string;
  kind: Kind;
  bytes: number;
  pkg: string; // '' for the main package, else the subpackage root
  slack: number;
}

interface SubPackage {
  root: string;
  pages?: string[];
  plugins?: Record<string, { provider: string }>;
}
interface AppJson {
  pages?: string[];
  subPackages?: SubPackage[];
  subpackages?: SubPackage[];
  usingComponents?: Record<string, string>;
  plugins?: Record<string, { provider: string }>;
  lazyCodeLoading?: string;
  sitemapLocation?: string;
  themeLocation?: string;
}
interface ComponentJson {
  component?: boolean;
  usingComponents?: Record<string, string>;
  componentPlaceholder?: Record<string, string>;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const posix = (p: string) => p.split(path.sep).join('/');
/** Pads to a terminal width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Bytes a minifier would still take out of this text. */
function slackBytes(text: string, kind: 'js' | 'wxss' | 'wxml'): number {
  let slack = 0;
  for (const m of text.matchAll(/^[ \t]+/gm)) slack += m[0].length; // indentation
  for (const m of text.matchAll(/\n(?=[ \t]*\n)/g)) slack += m[0].length; // blank lines
  if (kind === 'wxml') for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) slack += m[0].length;
  else {
    for (const m of text.matchAll(/\/\*(?!!)[\s\S]*?\*\//g)) slack += m[0].length;
    if (kind === 'js') for (const m of text.matchAll(/^[ \t]*\/\/.*$/gm)) slack += m[0].trimStart().length;
  }
  return slack;
}

const readText = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const exists = (rel: string) => fs.existsSync(path.join(ROOT, rel)) && fs.statSync(path.join(ROOT, rel)).isFile();
function readJson<T>(rel: string): T | undefined {
  try {
    return JSON.parse(readText(rel)) as T;
  } catch {
    return undefined;
  }
}

/** A path the mini-program names from `fromFile`: '/x' is from the package root, anything else relative. */
function resolveFrom(fromFile: string, request: string): string {
  const clean = request.replace(/[?#].*$/, '');
  return clean.startsWith('/') ? path.posix.normalize(clean.slice(1)) : path.posix.join(path.posix.dirname(fromFile), clean);
}
function resolveWithExt(fromFile: string, request: string, ext: string): string | undefined {
  const base = resolveFrom(fromFile, request);
  for (const candidate of [base, `${base}${ext}`, `${base}/index${ext}`])
    if (candidate.endsWith(ext) && exists(candidate)) return candidate;
  return undefined;
}

/**
 * The dependency graph the quality scan builds: app.json → pages → their four files; a page's or a
 * component's usingComponents → the component's files; JS require(), WXML import/include/wxs,
 * WXSS @import, WXS require(). `parents` maps each reached file to the files that reach it.
 */
function dependencyGraph(app: AppJson, subRoots: string[]) {
  const parents = new Map<string, Set<string>>();
  const components = new Set<string>(); // component stems (path without extension)
  const pageStems = new Set<string>();
  const queue: string[] = [];
  const link = (from: string, to: string | undefined) => {
    if (!to || !exists(to)) return;
    let set = parents.get(to);
    if (!set) {
      set = new Set();
      parents.set(to, set);
      queue.push(to);
    }
    if (from !== to) set.add(from);
  };
  const linkStem = (from: string, stem: string) => {
    for (const ext of ['.json', '.js', '.wxml', '.wxss']) link(from, `${stem}${ext}`);
  };

  parents.set('app.json', new Set());
  for (const f of ['app.js', 'app.wxss']) link('app.json', f);
  for (const key of ['sitemapLocation', 'themeLocation'] as const) if (app[key]) link('app.json', path.posix.normalize(app[key]));
  for (const page of app.pages ?? []) {
    pageStems.add(page);
    linkStem('app.json', page);
  }
  for (const sub of app.subPackages ?? app.subpackages ?? []) {
    const root = sub.root.replace(/\/+$/, '');
    for (const page of sub.pages ?? []) {
      const stem = `${root}/${page}`;
      pageStems.add(stem);
      // A subpackage's pages hang from the subpackage, not from the main package.
      linkStem(`${root}/`, stem);
    }
  }
  for (const [, target] of Object.entries(app.usingComponents ?? {})) {
    if (target.startsWith('plugin://')) continue;
    const stem = resolveFrom('app.json', target);
    components.add(stem);
    linkStem('app.json', stem);
  }

  while (queue.length) {
    const file = queue.shift() as string;
    const ext = path.posix.extname(file);
    if (ext === '.json' && file !== 'app.json') {
      const json = readJson<ComponentJson>(file);
      for (const target of Object.values(json?.usingComponents ?? {})) {
        if (target.startsWith('plugin://')) continue;
        const stem = resolveFrom(file, target);
        components.add(stem);
        linkStem(file, stem);
      }
    } else if (ext === '.js' || ext === '.wxs') {
      for (const m of readText(file).matchAll(/\brequire\(\s*(["'])([^"']+)\1\s*\)/g))
        link(file, resolveWithExt(file, m[2] as string, ext));
    } else if (ext === '.wxml') {
      for (const m of readText(file).matchAll(/<(import|include|wxs)\b[^>]*?\bsrc\s*=\s*(["'])([^"']+)\2/g)) {
        link(file, resolveWithExt(file, m[3] as string, m[1] === 'wxs' ? '.wxs' : '.wxml'));
      }
    } else if (ext === '.wxss') {
      for (const m of readText(file).matchAll(/@import\s+(?:url\()?\s*(["'])([^"']+)\1/g))
        link(file, resolveWithExt(file, m[2] as string, '.wxss'));
    }
  }
  const pkgOf = (rel: string) => subRoots.find((r) => rel.startsWith(`${r}/`)) ?? '';
  return { parents, components, pageStems, pkgOf };
}

/** Tags a template uses, following its import/include chain. */
function tagsUsed(wxml: string, seen = new Set<string>()): Set<string> {
  const tags = new Set<string>();
  if (seen.has(wxml) || !exists(wxml)) return tags;
  seen.add(wxml);
  const text = readText(wxml);
  for (const m of text.matchAll(/<([A-Za-z][\w-]*)/g)) tags.add(m[1] as string);
  for (const m of text.matchAll(/<(?:import|include)\b[^>]*?\bsrc\s*=\s*(["'])([^"']+)\1/g)) {
    const next = resolveWithExt(wxml, m[2] as string, '.wxml');
    if (next) for (const t of tagsUsed(next, seen)) tags.add(t);
  }
  return tags;
}

function main(): number {
  const shown = posix(path.relative(process.cwd(), ROOT)) || '.';
  if (!exists('app.json')) {
    console.error(
      `没有找到 ${shown}/app.json：请先构建 weapp（npm run build:weapp，或 TARO_OUTPUT_ROOT=${shown} NODE_ENV=production npx taro build --type weapp）`,
    );
    return 1;
  }
  const app = readJson<AppJson>('app.json') ?? {};
  const subs = app.subPackages ?? app.subpackages ?? [];
  const subRoots = subs.map((s) => s.root.replace(/\/+$/, ''));
  const pkgName = (pkg: string) => (pkg ? `分包 ${pkg}` : '主包');
  const failures: string[] = [];
  const fail = (rule: string, message: string) => failures.push(`[${rule}] ${message}`);

  // ── files and packages ─────────────────────────────────────────────────────────────────────
  const files: FileInfo[] = [];
  const left: string[] = [];
  for (const full of walk(ROOT)) {
    const rel = posix(path.relative(ROOT, full));
    const ext = path.posix.extname(rel).toLowerCase();
    if (PROJECT_FILES.has(rel) || !UPLOADED.has(ext)) {
      left.push(rel);
      continue;
    }
    const kind = kindOf(ext);
    const bytes = fs.statSync(full).size;
    const slack = kind === 'js' || kind === 'wxss' || kind === 'wxml' ? slackBytes(fs.readFileSync(full, 'utf8'), kind) : 0;
    files.push({ rel, ext, kind, bytes, slack, pkg: subRoots.find((r) => rel.startsWith(`${r}/`)) ?? '' });
  }

  console.log(`weapp 代码包 ${shown}（上传的文件：微信的文件类型白名单，不含 project.config.json）`);
  const NAME = 30;
  console.log(
    `${padEnd('包', NAME)}${padStart('原始大小', 11)}${padStart('预算', 9)}  ${['JS', 'WXSS', 'WXML'].map((k) => padStart(`${k} 冗余/大小`, 15)).join('')}`,
  );
  let total = 0;
  for (const pkg of ['', ...subRoots]) {
    const mine = files.filter((f) => f.pkg === pkg);
    const bytes = mine.reduce((a, f) => a + f.bytes, 0);
    total += bytes;
    const budget = pkg ? SUBPACKAGE_BUDGET_KB : MAIN_BUDGET_KB;
    const cols = (['js', 'wxss', 'wxml'] as const).map((kind) => {
      const of = mine.filter((f) => f.kind === kind);
      const size = of.reduce((a, f) => a + f.bytes, 0);
      const slack = of.reduce((a, f) => a + f.slack, 0);
      return padStart(size ? `${pct(slack / size)} / ${kb(size)}K` : '—', 15);
    });
    console.log(`${padEnd(pkgName(pkg), NAME)}${padStart(`${kb(bytes)} KB`, 11)}${padStart(`${budget} KB`, 9)}  ${cols.join('')}`);
    if (!pkg) {
      for (const f of [...mine].sort((a, b) => b.bytes - a.bytes).slice(0, 5))
        console.log(`    ${padEnd(f.rel, NAME - 4)}${padStart(`${kb(f.bytes)} KB`, 11)}`);
    }
    if (bytes > budget * 1024) fail('预算', `${pkgName(pkg)} ${kb(bytes)} KB 超过预算 ${budget} KB`);
    if (bytes > WECHAT_PACKAGE_LIMIT_KB * 1024)
      fail('微信上限', `${pkgName(pkg)} ${kb(bytes)} KB 超过单包上限 ${WECHAT_PACKAGE_LIMIT_KB} KB，无法上传`);
    else if (bytes > QUALITY_PACKAGE_KB * 1024) fail('PACKAGE_SIZE_LIMIT', `${pkgName(pkg)} ${kb(bytes)} KB 超过 1.5 MB（代码质量扫描）`);
    for (const f of mine) {
      if (f.kind !== 'js' && f.kind !== 'wxss' && f.kind !== 'wxml') continue;
      if (f.slack > SLACK_FLOOR_BYTES && f.slack > MAX_SLACK[f.kind] * f.bytes) {
        const rule = `${f.kind.toUpperCase()}_COMPRESS`;
        const hint =
          f.kind === 'wxml'
            ? '模板里有大段缩进或注释：去掉它们，或确认这个文件确实由 Taro 生成'
            : '没有经过压缩：用生产模式构建（NODE_ENV=production taro build --type weapp），不要关掉 terser/csso';
        fail(rule, `${f.rel} 有 ${pct(f.slack / f.bytes)}（${f.slack} 字节）是缩进、空行或注释，上限 ${pct(MAX_SLACK[f.kind])}：${hint}`);
      }
    }
  }
  console.log(
    `${padEnd('合计', NAME)}${padStart(`${kb(total)} KB`, 11)}${padStart(`${WECHAT_TOTAL_LIMIT_KB} KB`, 9)}  （微信整包上限；单包上限 ${WECHAT_PACKAGE_LIMIT_KB} KB）`,
  );
  if (total > WECHAT_TOTAL_LIMIT_KB * 1024) fail('微信上限', `整个小程序 ${kb(total)} KB 超过 ${WECHAT_TOTAL_LIMIT_KB} KB`);
  if (left.length) console.log(`不上传：${left.join(', ')}`);

  // ── the quality scan's rules ───────────────────────────────────────────────────────────────
  console.log('\n代码质量（微信开发者工具「代码质量」的规则，离线复现）');
  const results: [string, boolean, string][] = [];
  /** `text` says what holds when it passes; `failure` what is wrong and what to do. */
  const check = (rule: string, ok: boolean, text: string, failure: string) => {
    results.push([rule, ok, ok ? text : failure]);
    if (!ok) fail(rule, failure);
  };

  const media = files.filter((f) => f.kind === 'media');
  const mediaBytes = media.reduce((a, f) => a + f.bytes, 0);
  const bigMedia = media.filter((f) => f.bytes > QUALITY_MEDIA_KB * 1024);
  check(
    'IMAGE_AND_AUDIO_LIMIT',
    bigMedia.length === 0 && mediaBytes <= QUALITY_MEDIA_KB * 1024,
    `图片和音频 ${media.length} 个，共 ${kb(mediaBytes)} KB（上限 ${QUALITY_MEDIA_KB} KB）`,
    bigMedia.length
      ? `这些图片或音频超过 ${QUALITY_MEDIA_KB} KB，请放到云存储或 CDN 用 URL 引用：${bigMedia.map((f) => `${f.rel} ${kb(f.bytes)} KB`).join(', ')}`
      : `包里的图片和音频共 ${kb(mediaBytes)} KB，超过 ${QUALITY_MEDIA_KB} KB：大的请放到云存储或 CDN`,
  );

  check(
    'LAZYCODE_LOADING_OPEN',
    app.lazyCodeLoading === 'requiredComponents',
    `app.json lazyCodeLoading = ${JSON.stringify(app.lazyCodeLoading)}`,
    'app.json 没有 lazyCodeLoading: "requiredComponents"（组件按需注入）：在 src/app.config.ts 里打开',
  );

  // Upload (DevTools, miniprogram-ci) compresses according to the project file it is given: the copy
  // Taro writes into the output folder, and the repository's own, which DevTools opens.
  const projectFiles = [path.join(ROOT, 'project.config.json'), path.join(REPO, 'project.config.json')].filter((p) => fs.existsSync(p));
  for (const [rule, key] of [
    ['JS_COMPRESS_OPEN', 'minified'],
    ['WXSS_COMPRESS_OPEN', 'minifyWXSS'],
    ['WXML_COMPRESS_OPEN', 'minifyWXML'],
  ] as const) {
    const off = projectFiles.filter(
      (p) => (JSON.parse(fs.readFileSync(p, 'utf8')) as { setting?: Record<string, unknown> }).setting?.[key] !== true,
    );
    check(
      rule,
      projectFiles.length > 0 && off.length === 0,
      `project.config.json setting.${key} = true`,
      projectFiles.length
        ? `${off.map((p) => posix(path.relative(process.cwd(), p))).join(', ')} 的 setting.${key} 不是 true：上传时不会压缩`
        : `没有 project.config.json，上传时的 setting.${key} 无从确认`,
    );
  }

  const { parents, components, pageStems, pkgOf } = dependencyGraph(app, subRoots);
  const unreached = files.filter((f) => CODE.has(f.ext) && !parents.has(f.rel));
  check(
    'CONTAINS_UNUSED_CODES',
    unreached.length === 0,
    `从 app.json 出发能走到全部 ${files.filter((f) => CODE.has(f.ext)).length} 个代码文件`,
    `没有任何页面或组件引用这些文件（无依赖文件）：${unreached.map((f) => f.rel).join(', ')}`,
  );

  const inMain = (node: string) => !subRoots.some((r) => node === `${r}/` || node.startsWith(`${r}/`));
  const mainJs = files.filter((f) => f.ext === '.js' && !f.pkg && parents.has(f.rel));
  const onlyOthersJs = mainJs.filter((f) => ![...(parents.get(f.rel) ?? [])].some(inMain));
  check(
    'CONTAINS_OTHER_PKG_JS',
    onlyOthersJs.length === 0,
    `主包的 ${mainJs.length} 个 JS 文件都有主包内的引用者`,
    `主包里这些 JS 只被分包引用，应挪进分包：${onlyOthersJs.map((f) => `${f.rel} ${kb(f.bytes)} KB`).join(', ')}`,
  );

  // A main-package component whose users, followed up through other components, are all in subpackages.
  const usedFromMain = (stem: string, seen = new Set<string>()): boolean => {
    if (seen.has(stem)) return false;
    seen.add(stem);
    for (const parent of parents.get(`${stem}.json`) ?? []) {
      if (parent === 'app.json') return true;
      if (!inMain(parent)) continue;
      const parentStem = parent.replace(/\.json$/, '');
      if (pageStems.has(parentStem) || usedFromMain(parentStem, seen)) return true;
    }
    return false;
  };
  const mainComponents = [...components].filter((c) => !pkgOf(c) && exists(`${c}.json`));
  const onlyOthersComp = mainComponents.filter((c) => !usedFromMain(c));
  check(
    'CONTAINS_OTHER_PKG_COMPONENTS',
    onlyOthersComp.length === 0,
    `主包的 ${mainComponents.length} 个组件都有主包页面在用`,
    `主包里这些组件只有分包在用，应挪进分包：${onlyOthersComp.join(', ')}`,
  );

  const unusedDecl: string[] = [];
  for (const stem of [...pageStems, ...components]) {
    const json = readJson<ComponentJson>(`${stem}.json`);
    if (!json?.usingComponents) continue;
    const used = tagsUsed(`${stem}.wxml`);
    const placeholders = new Set(Object.values(json.componentPlaceholder ?? {}));
    for (const tag of Object.keys(json.usingComponents))
      if (!used.has(tag) && !placeholders.has(tag)) unusedDecl.push(`${stem}.json 的 ${tag}`);
  }
  check(
    'CONTAINS_UNUSED_COMPONENTS',
    unusedDecl.length === 0,
    '每个 usingComponents 里声明的组件都有模板在用',
    `声明了却没有模板使用的组件（从 usingComponents 里去掉）：${unusedDecl.join(', ')}`,
  );

  const declaredPlugins = [app.plugins ?? {}, ...subs.map((s) => s.plugins ?? {})].flatMap((p) => Object.entries(p));
  const everything = declaredPlugins.length
    ? files
        .filter((f) => f.ext === '.json' || f.ext === '.js')
        .map((f) => readText(f.rel))
        .join('\n')
    : '';
  const unusedPlugins = declaredPlugins.filter(
    ([name]) =>
      !everything.includes(`plugin://${name}/`) &&
      !everything.includes(`requirePlugin("${name}")`) &&
      !everything.includes(`requirePlugin('${name}')`),
  );
  check(
    'CONTAINS_UNUSED_PLUGINS',
    unusedPlugins.length === 0,
    declaredPlugins.length ? `声明的 ${declaredPlugins.length} 个插件都在用` : '没有声明插件',
    `声明了却没有使用的插件（从 app.json 里去掉）：${unusedPlugins.map(([name, p]) => `${name} (${p.provider})`).join(', ')}`,
  );

  for (const [rule, ok, text] of results) console.log(`  ${ok ? '✓' : '✗'} ${padEnd(rule, 30)} ${text}`);

  if (failures.length) console.error('');
  for (const f of failures) console.error(`✗ ${f}`);
  return failures.length ? 1 : 0;
}

process.exitCode = main();
