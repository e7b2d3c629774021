/**
 * After a weapp build: the built mini-program against WeChat's rules that the local cloud cannot see.
 *
 *   tsx scripts/check-weapp.ts             checks dist/weapp
 *   TARO_OUTPUT_ROOT=.tmp/w tsx …          checks the build in .tmp/w (as config/index.ts builds it)
 *
 * - 隐私接口: every privacy API the built code calls is declared in privacy.json (WeChat disables an
 *   undeclared one), and the README's privacy section is the one privacy.json generates.
 * - 废弃接口: no call of an API WeChat has deprecated or withdrawn (chooseImage → chooseMedia …).
 * - sitemap: sitemap.json is there, app.json names it, and it lets WeChat index public pages only.
 * - 订阅消息: every subscribe request in src/ happens in a tap handler before its first await (WeChat
 *   shows the consent dialog only for a call made synchronously inside a tap).
 * - 下载: every download goes through src/services/open-file.weapp.ts (a link the files function signs,
 *   decision 012), and docs/deploy.md tells the deployer to allow-list the download domain.
 * - 无障碍: Taro's templates (base.wxml) carry aria-label and aria-role (config/index.ts injects them), every
 *   aria-* the built code sets is on a template, and every page renders through base.wxml (issue 14).
 * Exits 1 on any failure, naming the file and what to do about it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { readmeIsCurrent } from './privacy-readme';

const REPO = path.resolve(__dirname, '..');

/**
 * WeChat's privacy APIs and what each collects, from 「小程序用户隐私保护指引内容介绍」
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html) and
 * the clipboard entry (privacy_key Clipboard) of its privacy settings. makePhoneCall and scanCode are not
 * on the list. Components (open-type getPhoneNumber / chooseAvatar, <camera>) are matched as openType.
 */
export const PRIVACY_APIS: Record<string, string> = {
  getLocation: '位置信息',
  getFuzzyLocation: '位置信息',
  startLocationUpdate: '位置信息',
  startLocationUpdateBackground: '位置信息',
  choosePoi: '选择的位置信息',
  chooseLocation: '选择的位置信息',
  chooseAddress: '地址',
  chooseInvoice: '发票信息',
  chooseInvoiceTitle: '发票信息',
  getWeRunData: '微信运动步数',
  chooseLicensePlate: '车牌号',
  chooseImage: '选中的照片或视频信息',
  chooseMedia: '选中的照片或视频信息',
  chooseVideo: '选中的照片或视频信息',
  chooseMessageFile: '选中的文件',
  startRecord: '麦克风',
  getRecorderManager: '麦克风',
  joinVoIPChat: '麦克风',
  createVKSession: '摄像头',
  openBluetoothAdapter: '蓝牙',
  createBLEPeripheralServer: '蓝牙',
  saveImageToPhotosAlbum: '相册（仅写入）',
  saveVideoToPhotosAlbum: '相册（仅写入）',
  addPhoneContact: '通讯录（仅写入）',
  addPhoneCalendar: '日历（仅写入）',
  addPhoneRepeatCalendar: '日历（仅写入）',
  setClipboardData: '剪切板',
  getClipboardData: '剪切板',
  'openType:getPhoneNumber': '手机号',
  'openType:getRealtimePhoneNumber': '手机号',
  'openType:chooseAvatar': '昵称、头像',
};

/** Deprecated or withdrawn APIs and what replaces them. */
export const DEPRECATED_APIS: Record<string, string> = {
  chooseImage: 'chooseMedia（mediaType: ["image"]），见 src/services/pick-images.weapp.ts',
  chooseVideo: 'chooseMedia（mediaType: ["video"]）',
  getUserProfile: '已回收：头像昵称填写（open-type="chooseAvatar"、type="nickname"）',
  getUserInfo: '已回收：头像昵称填写',
  startRecord: 'getRecorderManager',
  createAudioContext: 'createInnerAudioContext',
  getSystemInfo: 'getDeviceInfo / getWindowInfo / getAppBaseInfo',
  getSystemInfoSync: 'getDeviceInfo / getWindowInfo / getAppBaseInfo',
};

/** Pages WeChat's search may index: the public policy, fair and place pages (and the two tab pages that list them). */
export const INDEXABLE_PAGES = new Set([
  'pages/home/index',
  'pages/policies/index',
  'subpackages/policy/detail',
  'subpackages/fairs/index',
  'subpackages/fairs/detail',
  'subpackages/places/index',
  'subpackages/places/place',
  'subpackages/places/stories',
  'subpackages/places/story',
  'subpackages/places/activities',
  'subpackages/places/activity',
]);

export interface Finding {
  rule: string;
  ok: boolean;
  /** A warning is printed but does not fail the step. */
  warn?: boolean;
  detail: string;
}

interface Declaration {
  apis: { info: string; apis: string[]; purpose: string; where: string }[];
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** Calls in minified code: `x().chooseImage(`, `wx.chooseImage(`, `x["chooseImage"](`; and `openType:"getPhoneNumber"`. */
export function apiCalls(code: string, names: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const name of names) {
    if (name.startsWith('openType:')) {
      const type = name.slice('openType:'.length);
      if (new RegExp(`openType\\s*:\\s*["']${type}["']|open-type=["']${type}["']`).test(code)) found.add(name);
    } else if (new RegExp(`\\.${name}\\s*\\(|\\[["']${name}["']\\]\\s*\\(`).test(code)) found.add(name);
  }
  return found;
}

interface SitemapRule {
  action?: string;
  page: string;
  params?: string[];
  matching?: string;
  priority?: number;
}

/** Whether the sitemap lets a page (without parameters or with the ones its rule names) be indexed. */
function indexable(rules: SitemapRule[], page: string): boolean {
  const ordered = rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r.priority ?? 0) - (a.r.priority ?? 0) || a.i - b.i)
    .map((x) => x.r);
  // A page counts as indexable if some call of it is: with no parameters, or with the parameters a rule names.
  const variants: string[][] = [[], ...rules.filter((r) => r.page === page && r.params?.length).map((r) => r.params as string[])];
  return variants.some((params) => {
    const hit = ordered.find((r) => {
      if (r.page !== '*' && r.page !== page) return false;
      const want = r.params ?? [];
      if (!want.length) return true;
      const has = (p: string) => params.includes(p);
      switch (r.matching ?? 'inclusive') {
        case 'exact':
          return want.length === params.length && want.every(has);
        case 'exclusive':
          return !want.some(has);
        case 'partial':
          return want.some(has);
        default:
          return want.every(has);
      }
    });
    return (hit?.action ?? 'allow') === 'allow';
  });
}

/** The function that a node sits in, directly (not through a nested function). */
function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n as ts.FunctionLikeDeclaration;
  return undefined;
}

/** An await (or yield) in `fn` that runs before `call`: lexically earlier and not inside a nested function. */
function awaitBefore(fn: ts.FunctionLikeDeclaration, call: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node) => {
    if (found || n.getStart() >= call.getStart()) return;
    if (n !== fn && ts.isFunctionLike(n)) return;
    if ((ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isForOfStatement(n)) && n.getEnd() <= call.getStart()) {
      if (!ts.isForOfStatement(n) || n.awaitModifier) {
        found = n;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/** The name a function is known by: `const send = async () => …`, `function send()`, `{ toggle: async () => … }`. */
function nameOf(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

const TAP_PROPS = new Set(['onClick', 'onTap', 'onLongPress']);

/**
 * Names handed to a tap: `onClick={send}`, `onClick={() => void send()}`, `onClick={() => { send(x); }}`
 * (the call first, before any await). Also the props a component forwards to a tap (`onAsk` when some
 * component does `onClick={onAsk}`), so `<Banner onAsk={ask} />` counts.
 */
function tapNames(sources: ts.SourceFile[]): Set<string> {
  const names = new Set<string>();
  const forwarded = new Set<string>();
  const handed: { prop: string; name: string }[] = [];
  const calleeOf = (e: ts.Expression): string | undefined => {
    let x: ts.Expression = e;
    while (ts.isVoidExpression(x) || ts.isParenthesizedExpression(x) || ts.isAwaitExpression(x)) x = x.expression;
    if (ts.isIdentifier(x)) return x.text;
    if (ts.isCallExpression(x)) {
      const c = x.expression;
      if (ts.isIdentifier(c)) return c.text;
      if (ts.isPropertyAccessExpression(c)) return c.name.text;
    }
    return undefined;
  };
  const handlerNames = (e: ts.Expression): string[] => {
    if (ts.isParenthesizedExpression(e)) return handlerNames(e.expression);
    // `onClick={asking ? undefined : ask}`, `onClick={ready && ask}`
    if (ts.isConditionalExpression(e)) return [...handlerNames(e.whenTrue), ...handlerNames(e.whenFalse)];
    if (ts.isBinaryExpression(e)) return [...handlerNames(e.left), ...handlerNames(e.right)];
    if (ts.isIdentifier(e)) return e.text === 'undefined' ? [] : [e.text];
    if (ts.isPropertyAccessExpression(e)) return [e.name.text];
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) {
      if (!ts.isBlock(e.body)) {
        const n = calleeOf(e.body);
        return n ? [n] : [];
      }
      const first = e.body.statements[0];
      if (first && ts.isExpressionStatement(first)) {
        const n = calleeOf(first.expression);
        return n ? [n] : [];
      }
    }
    return [];
  };
  for (const sf of sources) {
    const visit = (n: ts.Node) => {
      if (ts.isJsxAttribute(n) && n.initializer && ts.isJsxExpression(n.initializer) && n.initializer.expression) {
        const prop = n.name.getText(sf);
        const targets = handlerNames(n.initializer.expression);
        if (TAP_PROPS.has(prop))
          for (const t of targets) {
            names.add(t);
            forwarded.add(t);
          }
        else if (/^on[A-Z]/.test(prop)) for (const t of targets) handed.push({ prop, name: t });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  for (const h of handed) if (forwarded.has(h.prop)) names.add(h.name);
  return names;
}

/**
 * The subscribe rule on the source: each call of requestSubscribe (src/services/subscribe) or of
 * requestSubscribeMessage outside that service sits in a function handed to a tap — directly, through a
 * component's tap prop, or returned by a hook and destructured under another name — with no await before it.
 */
export function checkSubscribeCalls(srcDir: string): Finding[] {
  const files = walk(srcDir).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts') && !/\.h5\.tsx?$/.test(f));
  const sources = files.map((f) =>
    ts.createSourceFile(
      f,
      fs.readFileSync(f, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    ),
  );
  const taps = tapNames(sources);
  // Hook results renamed on the way: `const { toggle: toggleRemind } = useRemind(…)`.
  const aliases = new Map<string, Set<string>>();
  for (const sf of sources) {
    const visit = (n: ts.Node) => {
      if (ts.isBindingElement(n) && n.propertyName && ts.isIdentifier(n.propertyName) && ts.isIdentifier(n.name)) {
        const set = aliases.get(n.propertyName.text) ?? new Set();
        set.add(n.name.text);
        aliases.set(n.propertyName.text, set);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  const reachedByTap = (name: string) => taps.has(name) || [...(aliases.get(name) ?? [])].some((a) => taps.has(a));
  const findings: Finding[] = [];
  for (const sf of sources) {
    const rel = path.relative(REPO, sf.fileName).split(path.sep).join('/');
    const isService = /src\/services\/subscribe\./.test(rel);
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (name === 'requestSubscribe' || (name === 'requestSubscribeMessage' && !isService)) {
          const { line } = sf.getLineAndCharacterOfPosition(n.getStart());
          const at = `${rel}:${line + 1}`;
          const fn = enclosingFunction(n);
          const fnName = fn && nameOf(fn);
          const early = fn && awaitBefore(fn, n);
          if (!fn || !fnName) findings.push({ rule: '订阅消息', ok: false, detail: `${at}: 不在一个有名字的点击处理函数里` });
          else if (early) {
            const l = sf.getLineAndCharacterOfPosition(early.getStart()).line + 1;
            findings.push({
              rule: '订阅消息',
              ok: false,
              detail: `${at}: ${fnName}() 在第 ${l} 行先 await 了，微信不会弹出订阅授权；把 ${name} 提到第一个 await 之前`,
            });
          } else if (!reachedByTap(fnName))
            findings.push({ rule: '订阅消息', ok: false, detail: `${at}: ${fnName}() 没有从 onClick 调用；订阅授权只能在点击里请求` });
          else findings.push({ rule: '订阅消息', ok: true, detail: `${at}: ${fnName}() 由点击调用，之前没有 await` });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return findings;
}

/** The components Taro renders through base.wxml that carry accessible names (config/index.ts injects them). */
const ARIA_TAGS = ['view', 'text', 'image', 'button', 'input'];

/**
 * Accessible names in the weapp templates: Taro's base.wxml drops aria-* and role unless
 * @tarojs/plugin-inject adds them (config/index.ts). Fails when
 * - base.wxml's view, text, image, button and input templates carry no aria-label, or a view none of aria-role;
 * - an aria-* attribute the built code sets (`"aria-checked":…`) is on no template, or `role` is set and
 *   aria-role does not read it (the runtime keeps `role` as `i.role`);
 * - a page's WXML neither imports base.wxml nor carries aria-label itself (the page would render elsewhere).
 * Taro's pure-view and click-view templates are only used for a view with no attribute besides class,
 * style and id, so they need none.
 */
export function checkAria(
  code: { file: string; text: string }[],
  app: { pages?: string[]; subPackages?: { root: string; pages: string[] }[]; subpackages?: { root: string; pages: string[] }[] },
): Finding[] {
  const findings: Finding[] = [];
  const add = (ok: boolean, detail: string) => findings.push({ rule: '无障碍', ok, detail });
  const base = code.find((c) => c.file === 'base.wxml')?.text;
  if (!base) {
    add(false, '没有 base.wxml：Taro 的模板不在，无从检查无障碍属性');
    return findings;
  }
  const tags = new Map<string, string[]>();
  for (const [, tag = '', attrs = ''] of base.matchAll(/<([a-z-]+)\s([^>]*)>/g)) tags.set(tag, [...(tags.get(tag) ?? []), attrs]);
  const missing = ARIA_TAGS.filter((t) => tags.has(t) && !(tags.get(t) ?? []).some((attrs) => /\baria-label=/.test(attrs)));
  const roleless = tags.has('view') && !(tags.get('view') ?? []).some((attrs) => /\baria-role=/.test(attrs));
  const fix = '（config/index.ts 里 @tarojs/plugin-inject 的 components；issue 14）';
  add(
    missing.length === 0 && !roleless,
    missing.length || roleless
      ? `base.wxml 的 ${[...missing.map((t) => `<${t}> 没有 aria-label`), ...(roleless ? ['<view> 没有 aria-role'] : [])].join('、')}：微信里二维码、评分条、标签没有可读名称${fix}`
      : `base.wxml 的 ${ARIA_TAGS.filter((t) => tags.has(t))
          .map((t) => `<${t}>`)
          .join('')} 模板带 aria-label，<view> 带 aria-role`,
  );
  // What the built code sets, as compiled JSX props: `"aria-checked":e`, `role:"radio"`.
  const used = new Set<string>();
  let role = false;
  for (const { file, text } of code) {
    if (!file.endsWith('.js')) continue;
    for (const [, attr = ''] of text.matchAll(/["'](aria-[a-z]+)["']\s*:/g)) used.add(attr);
    if (/[{,]\s*role\s*:\s*["'][a-z]+["']/.test(text)) role = true;
  }
  const unrendered = [...used].filter((a) => !new RegExp(`\\b${a}=`).test(base)).sort();
  add(
    unrendered.length === 0,
    unrendered.length
      ? `代码设置了 ${unrendered.join('、')}，base.wxml 的模板却没有这个属性，微信里读不到${fix}`
      : `代码设置的 ${[...used].sort().join('、') || '（没有 aria-*）'} 都在 base.wxml 的模板上`,
  );
  if (role) {
    const mapped = /aria-role="\{\{[^}]*\bi\.role\b[^}]*\}\}"/.test(base);
    add(
      mapped,
      mapped
        ? '代码的 role 在 base.wxml 里成为 aria-role（i.role）'
        : `代码设置了 role，base.wxml 的 aria-role 却不读 i.role：微信只认 aria-role${fix}`,
    );
  }
  const pages = [
    ...(app.pages ?? []),
    ...(app.subPackages ?? app.subpackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`)),
  ];
  const texts = new Map(code.map((c) => [c.file, c.text]));
  const outside = pages.filter((p) => {
    const wxml = texts.get(`${p}.wxml`);
    return wxml === undefined || !(/<import\s+src="[^"]*base\.wxml"/.test(wxml) || /\baria-label=/.test(wxml));
  });
  add(
    outside.length === 0,
    outside.length
      ? `这些页面的 WXML 不经过 base.wxml 的模板，也没有 aria-label：${outside.join(', ')}`
      : `${pages.length} 个页面都由 base.wxml 的模板渲染`,
  );
  return findings;
}

export interface CheckOptions {
  dist: string;
  repo?: string;
  /** Skip the source checks (subscribe calls, download callers, README) — for a fake dist in tests. */
  distOnly?: boolean;
}

export function checkWeapp({ dist, repo = REPO, distOnly = false }: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, ok: boolean, detail: string, warn = false) => findings.push({ rule, ok, detail, ...(warn ? { warn } : {}) });
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    add('构建', false, `${dist} 里没有 app.json：先 NODE_ENV=production npx taro build --type weapp`);
    return findings;
  }
  const rel = (f: string) => path.relative(dist, f).split(path.sep).join('/');
  const code = walk(dist)
    .filter((f) => /\.(js|wxml)$/.test(f))
    .map((f) => ({ file: rel(f), text: fs.readFileSync(f, 'utf8') }));

  // 隐私接口
  const declaration = JSON.parse(fs.readFileSync(path.join(repo, 'privacy.json'), 'utf8')) as Declaration;
  const declared = new Map(declaration.apis.flatMap((d) => d.apis.map((api) => [api, d] as const)));
  const used = new Map<string, string[]>();
  for (const { file, text } of code)
    for (const api of apiCalls(text, Object.keys(PRIVACY_APIS))) used.set(api, [...(used.get(api) ?? []), file]);
  for (const [api, where] of used) {
    const d = declared.get(api);
    add(
      '隐私接口',
      Boolean(d),
      d
        ? `${api}（${PRIVACY_APIS[api]}）已声明：${d.purpose}`
        : `${api}（${PRIVACY_APIS[api]}）在 ${where.join(', ')} 里调用，却没有写进 privacy.json；微信会禁用未在用户隐私保护指引里声明的接口`,
    );
  }
  for (const api of declared.keys())
    if (!used.has(api)) add('隐私接口', true, `privacy.json 声明了 ${api}，构建里没有调用（可以从声明里去掉）`, true);
  if (!distOnly) {
    const current = readmeIsCurrent(repo);
    add(
      '隐私接口',
      current,
      current ? 'README 的隐私说明与 privacy.json 一致' : 'README 的隐私说明与 privacy.json 不一致：npx tsx scripts/privacy-readme.ts',
    );
  }

  // 废弃接口
  const deprecated = new Map<string, string[]>();
  for (const { file, text } of code)
    if (file.endsWith('.js'))
      for (const api of apiCalls(text, Object.keys(DEPRECATED_APIS))) deprecated.set(api, [...(deprecated.get(api) ?? []), file]);
  for (const [api, where] of deprecated) add('废弃接口', false, `${api} 已废弃（${where.join(', ')}）：改用 ${DEPRECATED_APIS[api]}`);
  if (!deprecated.size) add('废弃接口', true, `没有调用 ${Object.keys(DEPRECATED_APIS).join('、')}`);

  // sitemap
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    pages?: string[];
    subPackages?: { root: string; pages: string[] }[];
    subpackages?: { root: string; pages: string[] }[];
    sitemapLocation?: string;
  };
  const sitemapFile = path.join(dist, app.sitemapLocation ?? 'sitemap.json');
  if (!app.sitemapLocation) add('sitemap', false, 'app.json 没有 sitemapLocation（src/app.config.ts）');
  if (!fs.existsSync(sitemapFile))
    add('sitemap', false, `没有 ${rel(sitemapFile)}：没有它微信会索引所有页面（config/index.ts 的 copy 把 src/sitemap.json 放进来）`);
  else {
    const rules = (JSON.parse(fs.readFileSync(sitemapFile, 'utf8')) as { rules?: SitemapRule[] }).rules ?? [];
    const pages = [
      ...(app.pages ?? []),
      ...(app.subPackages ?? app.subpackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`)),
    ];
    const leaking = pages.filter((p) => !INDEXABLE_PAGES.has(p) && indexable(rules, p));
    const open = pages.filter((p) => indexable(rules, p));
    add(
      'sitemap',
      leaking.length === 0,
      leaking.length
        ? `sitemap.json 允许索引个人或工作人员页面：${leaking.join(', ')}（只允许公开的政策、招聘会、身边页面，最后一条规则 disallow "*"）`
        : `sitemap.json 只允许索引 ${open.length} 个公开页面，其余 ${pages.length - open.length} 个不收录`,
    );
  }

  // 下载
  const downloads = code.filter((c) => c.file.endsWith('.js') && /\.downloadFile\s*\(/.test(c.text));
  const outside = downloads.filter((c) => !/\.openDocument\s*\(/.test(c.text));
  add(
    '下载',
    outside.length === 0,
    outside.length
      ? `这些文件自己下载文件，没有经过 src/services/open-file.weapp.ts：${outside.map((c) => c.file).join(', ')}`
      : `${downloads.length} 处 downloadFile 都是 open-file.weapp.ts（函数签发的临时链接，决定 012）`,
  );
  const cloudDownloads = code.filter(
    (c) => c.file.endsWith('.js') && /\.cloud\.downloadFile\s*\(|\.downloadFile\(\{\s*fileID/.test(c.text),
  );
  if (cloudDownloads.length)
    add(
      '下载',
      false,
      `cloud.downloadFile 按文件 ID 读存储，存储规则只许读自己上传的文件（决定 012）：${cloudDownloads.map((c) => c.file).join(', ')}`,
    );
  if (!distOnly) {
    const src = walk(path.join(repo, 'src')).filter(
      (f) => /\.(ts|tsx)$/.test(f) && !/\.(d|h5)\.tsx?$/.test(f) && !f.endsWith('open-file.weapp.ts'),
    );
    const callers = src.filter((f) => /\bdownloadFile\s*\(/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(repo, f));
    add(
      '下载',
      callers.length === 0,
      callers.length ? `src 里绕过 open-file 的下载：${callers.join(', ')}` : 'src 里只有 services/open-file.weapp.ts 下载文件',
    );
    const deploy = fs.readFileSync(path.join(repo, 'docs/deploy.md'), 'utf8');
    const named = /downloadFile/.test(deploy) && /服务器域名/.test(deploy);
    add(
      '下载',
      named,
      named
        ? 'docs/deploy.md 写明了 downloadFile 合法域名'
        : 'docs/deploy.md 没有写 downloadFile 合法域名（开发管理 → 开发设置 → 服务器域名）',
    );
  }

  // 订阅消息
  if (!distOnly) findings.push(...checkSubscribeCalls(path.join(repo, 'src')));

  // 无障碍
  findings.push(...checkAria(code, app));
  return findings;
}

if (require.main === module) {
  const dist = path.resolve(REPO, process.env.TARO_OUTPUT_ROOT ?? path.join('dist', 'weapp'));
  const findings = checkWeapp({ dist });
  console.log(`微信规则检查 ${path.relative(REPO, dist) || dist}`);
  for (const f of findings) console.log(`  ${!f.ok ? '✗' : f.warn ? '!' : '✓'} ${f.rule.padEnd(6)} ${f.detail}`);
  const failed = findings.filter((f) => !f.ok);
  console.log(failed.length ? `${failed.length} 项不符合` : '全部符合');
  process.exit(failed.length ? 1 : 0);
}
