/**
 * Accessibility of every page, for each role: each page of src/app.config.ts that the role reaches
 * (tabs and subpackage pages, with real ids looked up or created through the host's API) is opened by
 * its address and checked with axe-core against the WCAG 2.0/2.1 A and AA rules; a serious or critical
 * violation fails the journey with its page, rule and element. Then, in 长辈模式, each page again: its
 * body text must be at least 1.25× the size it had in the normal mode (element by element; headings grow
 * less), no text may be cut off by a box around it or the screen's edge, and an ellipsis or line clamp
 * may not show less of its text than in the normal mode. A screenshot of every page in both modes.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  axeCheck,
  chooseIdentity,
  E2EFailure,
  log,
  measureText,
  openTab,
  ROOT,
  settle,
  shown,
  STEP_TIMEOUT,
  type AxeFinding,
  type Screens,
  type TextMeasure,
} from '../harness';

type RoleId = 'resident-1' | 'staff-edu' | 'dispatcher' | 'admin' | 'leader';

interface Role {
  id: RoleId;
  /** The chip in the H5 identity switcher on 我的. */
  label: string;
}

const ROLES: Role[] = [
  { id: 'resident-1', label: '群众一' },
  { id: 'staff-edu', label: '教育局工作人员' },
  { id: 'dispatcher', label: '双拥办调度' },
  { id: 'admin', label: '管理员' },
  { id: 'leader', label: '县领导（只读）' },
];

/** Real objects the pages open: looked up, or created as the people who would create them. */
interface Fixtures {
  caseId: string;
  trackingNo: string;
  /** The unit the case went to: the admin's unit editor opens it. */
  departmentId: string;
  departmentName: string;
  dueAt: string;
  signDueAt: string;
  policyId: string;
  fairId: string;
  placeId: string;
  storyId: string;
  activityId: string;
  taskId: string;
  /** 教育局: its own campaign page for its staff, and the unit the overseers open from the board. */
  unitId: string;
  /** A weekly report the ledger's timer wrote (its week, e.g. 2027-W18). */
  weeklyId: string;
}

interface PageVisit {
  /** A short name for messages and screenshots. */
  name: string;
  /** The page's path in app.config.ts. */
  path: string;
  query?: (f: Fixtures) => Record<string, string>;
  /** Who reaches it. Public pages are visited by the resident; the others' own pages by them. */
  roles: RoleId[];
  /** What shows once the page has its data (besides the generic settle). */
  ready?: string;
}

const ALL: RoleId[] = ['resident-1', 'staff-edu', 'dispatcher', 'admin', 'leader'];
// 人社局 and 退役军人事务局 staff organize fairs too; their pages are the admin's (fairs journey covers 人社局).
const ORGANIZERS: RoleId[] = ['admin'];
const SUPERVISORS: RoleId[] = ['dispatcher', 'admin'];
/** The read-only leader sees what the 双拥办 supervises: the lists, a case, the 三率 and the whole ledger. */
const OVERSEERS: RoleId[] = [...SUPERVISORS, 'leader'];

/** Every page of src/app.config.ts, with who reaches it. A page whose content changes by role is listed for each. */
const PAGES: PageVisit[] = [
  // Tabs: everyone, and what they show depends on who is asking.
  { name: 'home', path: 'pages/home/index', roles: ALL, ready: '.entries' },
  { name: 'policies', path: 'pages/policies/index', roles: ALL },
  { name: 'services', path: 'pages/services/index', roles: ALL },
  { name: 'me', path: 'pages/me/index', roles: ALL, ready: '#me-role' },
  // The person's own pages.
  { name: 'profile', path: 'subpackages/profile/index', roles: ['resident-1', 'staff-edu'], ready: '#field-name' },
  // The 双拥办's questionnaire, from the card on 首页: residents answer it (staff are told it is for residents).
  { name: 'survey', path: 'subpackages/profile/survey', roles: ['resident-1'], ready: '#survey-form' },
  { name: 'bind', path: 'subpackages/profile/bind', roles: ['resident-1'], ready: '#field-inviteCode' },
  { name: 'case-new', path: 'subpackages/cases/new', roles: ['resident-1'], ready: '#field-description' },
  {
    name: 'case-submitted',
    path: 'subpackages/cases/submitted',
    query: (f) => ({ id: f.caseId, no: f.trackingNo, dept: f.departmentName, due: f.dueAt, sign: f.signDueAt }),
    roles: ['resident-1'],
    ready: '#tracking-no',
  },
  { name: 'cases-mine', path: 'subpackages/cases/mine', roles: ['resident-1'] },
  { name: 'case-detail', path: 'subpackages/cases/detail', query: (f) => ({ id: f.caseId }), roles: ['resident-1'], ready: '#timeline' },
  // Policies.
  { name: 'policy', path: 'subpackages/policy/detail', query: (f) => ({ id: f.policyId }), roles: ['resident-1', 'admin'] },
  { name: 'policy-favorites', path: 'subpackages/policy/favorites', roles: ['resident-1'] },
  { name: 'policy-for-me', path: 'subpackages/policy/for-me', roles: ['resident-1'] },
  { name: 'policy-admin', path: 'subpackages/policy/admin/index', roles: ['admin'] },
  { name: 'policy-edit', path: 'subpackages/policy/admin/edit', query: (f) => ({ id: f.policyId }), roles: ['admin'] },
  // Job fairs.
  { name: 'fairs', path: 'subpackages/fairs/index', roles: ['resident-1'], ready: '#fairs-upcoming' },
  {
    name: 'fair',
    path: 'subpackages/fairs/detail',
    query: (f) => ({ id: f.fairId }),
    roles: ['resident-1', 'admin'],
    ready: '#signup-state',
  },
  { name: 'fairs-mine', path: 'subpackages/fairs/mine', roles: ['resident-1'] },
  { name: 'fairs-manage', path: 'subpackages/fairs/manage', roles: ORGANIZERS, ready: '#new-fair' },
  { name: 'fair-roster', path: 'subpackages/fairs/roster', query: (f) => ({ id: f.fairId }), roles: ORGANIZERS, ready: '#roster-summary' },
  { name: 'fair-checkin', path: 'subpackages/fairs/checkin', query: (f) => ({ id: f.fairId }), roles: ORGANIZERS, ready: '#field-code' },
  { name: 'fair-edit', path: 'subpackages/fairs/edit', query: (f) => ({ id: f.fairId }), roles: ORGANIZERS, ready: '#field-title' },
  // 身边: places, stories, volunteer activities.
  { name: 'nearby', path: 'subpackages/places/index', roles: ['resident-1', 'admin'] },
  { name: 'place', path: 'subpackages/places/place', query: (f) => ({ id: f.placeId }), roles: ['resident-1'], ready: '#place-name' },
  { name: 'stories', path: 'subpackages/places/stories', roles: ['resident-1'], ready: '#stories' },
  { name: 'story', path: 'subpackages/places/story', query: (f) => ({ id: f.storyId }), roles: ['resident-1'], ready: '#story-title' },
  { name: 'activities', path: 'subpackages/places/activities', roles: ['resident-1'], ready: '#activities' },
  {
    name: 'activity',
    path: 'subpackages/places/activity',
    query: (f) => ({ id: f.activityId }),
    roles: ['resident-1'],
    ready: '#activity-state',
  },
  { name: 'places-manage', path: 'subpackages/places/manage', roles: ['admin'], ready: '#manage-list' },
  { name: 'place-edit', path: 'subpackages/places/place-edit', query: (f) => ({ id: f.placeId }), roles: ['admin'] },
  { name: 'story-edit', path: 'subpackages/places/story-edit', query: (f) => ({ id: f.storyId }), roles: ['admin'] },
  { name: 'activity-edit', path: 'subpackages/places/activity-edit', query: (f) => ({ id: f.activityId }), roles: ['admin'] },
  // The departments' workbench and the 双拥办.
  { name: 'workbench', path: 'subpackages/workbench/index', roles: ['staff-edu', 'dispatcher'], ready: '#workbench-title' },
  {
    name: 'workbench-case',
    path: 'subpackages/workbench/case',
    query: (f) => ({ id: f.caseId }),
    roles: ['staff-edu'],
    ready: '#case-status',
  },
  { name: 'office', path: 'subpackages/office/index', roles: OVERSEERS, ready: '#queue-tabs' },
  { name: 'office-case', path: 'subpackages/office/case', query: (f) => ({ id: f.caseId }), roles: OVERSEERS, ready: '#case-status' },
  { name: 'office-record', path: 'subpackages/office/record', roles: ['dispatcher'], ready: '#field-description' },
  { name: 'office-stats', path: 'subpackages/office/stats', roles: OVERSEERS, ready: '#dept-edu' },
  // The 创建 ledger.
  { name: 'ledger', path: 'subpackages/ledger/index', roles: ['staff-edu', 'dispatcher', 'leader'], ready: '#ledger-title' },
  {
    name: 'ledger-task',
    path: 'subpackages/ledger/task',
    query: (f) => ({ id: f.taskId }),
    roles: ['staff-edu', 'dispatcher', 'leader'],
    ready: '#task-title',
  },
  { name: 'ledger-board', path: 'subpackages/ledger/board', roles: OVERSEERS },
  { name: 'ledger-report', path: 'subpackages/ledger/report', roles: ['dispatcher', 'leader'] },
  { name: 'ledger-standard', path: 'subpackages/ledger/standard', roles: ['dispatcher', 'leader'] },
  // The board's countdown: the 双拥办 edits the milestones, the others read them.
  {
    name: 'ledger-milestones',
    path: 'subpackages/ledger/milestones',
    roles: ['staff-edu', 'dispatcher', 'leader'],
    ready: '#milestones-list, #milestones-form',
  },
  { name: 'ledger-reports', path: 'subpackages/ledger/reports', roles: ['staff-edu', 'dispatcher', 'leader'], ready: '#reports-list' },
  {
    name: 'ledger-weekly',
    path: 'subpackages/ledger/weekly',
    query: (f) => ({ id: f.weeklyId }),
    roles: ['staff-edu', 'dispatcher', 'leader'],
    ready: '#weekly-report',
  },
  // The questionnaire's results (and its editor, for the 双拥办), from the ledger's home and the board.
  { name: 'ledger-survey', path: 'subpackages/ledger/survey', roles: ['dispatcher', 'leader'], ready: '#survey-questions' },
  {
    name: 'ledger-unit',
    path: 'subpackages/ledger/unit',
    query: (f) => ({ departmentId: f.unitId }),
    roles: ['staff-edu', 'dispatcher', 'leader'],
    ready: '#unit-points',
  },
  { name: 'ledger-inspection', path: 'subpackages/ledger/inspection', roles: ['dispatcher', 'leader'], ready: '#inspection-package' },
  { name: 'ledger-assessment', path: 'subpackages/ledger/assessment', roles: ['dispatcher', 'leader'], ready: '#assessment-total' },
  // 管理后台.
  { name: 'admin', path: 'subpackages/admin/index', roles: ['admin'] },
  { name: 'admin-templates', path: 'subpackages/admin/templates', roles: ['admin'] },
  { name: 'admin-routing', path: 'subpackages/admin/routing', roles: ['admin'], ready: '#route-children' },
  { name: 'admin-calendar', path: 'subpackages/admin/calendar', roles: ['admin'] },
  { name: 'admin-audit', path: 'subpackages/admin/audit', roles: ['admin'], ready: '#audit-query' },
  { name: 'admin-county', path: 'subpackages/admin/county', roles: ['admin'], ready: '#county-regions' },
  { name: 'admin-unit', path: 'subpackages/admin/unit', query: (f) => ({ id: f.departmentId }), roles: ['admin'], ready: '#unit-editor' },
];

/** 长辈模式 must make body text (at or below the page's base size) at least this much larger… */
const ELDER_RATIO = 1.25;
/** …headings larger too (21px → 25px, 26px → 30px: they start large)… */
const HEADING_RATIO = 1.1;
/** …and display-sized text (a score, a + glyph; WCAG's "large text" is 24px) at least keeps its size. */
const DISPLAY_SIZE = 24;

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
}

/** Every page the app declares, read from src/app.config.ts itself, so a new page cannot go unchecked. */
function configuredPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig };
  g.defineAppConfig ??= (c) => c;
  const config = (require(path.join(ROOT, 'src', 'app.config.ts')) as { default: AppConfig }).default;
  return [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

// ---------- fixtures through the host's API ----------

async function api<T>(url: string, fn: string, openid: string | null, event: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) },
    body: JSON.stringify(event),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!body.ok || body.data === undefined)
    throw new E2EFailure(
      `${fn}.${String(event.action)}（${openid ?? '匿名'}）失败：${body.error?.code ?? res.status} ${body.error?.message ?? ''}`,
    );
  return body.data;
}

function first<T>(items: T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new E2EFailure(`接口里没有可用的${what}`);
  return item;
}

async function fixtures(url: string): Promise<Fixtures> {
  const submitted = await api<{ caseId: string; trackingNo: string; departmentId: string; dueAt: string; signDueAt: string }>(
    url,
    'cases',
    'resident-1',
    {
      action: 'submit',
      requestId: `e2e-a11y-${Date.now()}`,
      category: 'children',
      description: '孩子今年秋天上初中，想问问军人子女在县里就近入学要准备什么材料。',
      region: 'chengguan',
      contact: { name: '王建军', phone: '13800138000' },
      consent: true,
    },
  );
  const meta = await api<{ departments: { id: string; name: string }[] }>(url, 'meta', null, { action: 'get' });
  const department = meta.departments.find((d) => d.id === submitted.departmentId);
  const policy = first((await api<{ items: { id: string }[] }>(url, 'policies', null, { action: 'list' })).items, '政策');
  await api(url, 'policies', 'resident-1', { action: 'toggleFavorite', id: policy.id }).then(async (r) => {
    // Toggling twice across runs must leave it a favorite: the favorites page is checked with an item.
    if (!(r as { favorited: boolean }).favorited) await api(url, 'policies', 'resident-1', { action: 'toggleFavorite', id: policy.id });
  });
  const fairs = (await api<{ items: { id: string; startAt: string }[] }>(url, 'fairs', null, { action: 'list' })).items;
  const fair = first(
    fairs.filter((f) => Date.parse(f.startAt) > Date.now()),
    '未开始的招聘会',
  );
  const places = (await api<{ items: { id: string }[] }>(url, 'places', null, { action: 'list' })).items;
  const stories = (await api<{ items: { id: string }[] }>(url, 'places', null, { action: 'stories' })).items;
  const activities = (await api<{ items: { id: string }[] }>(url, 'places', 'resident-1', { action: 'activities' })).items;
  const tasks = (await api<{ items: { id: string }[] }>(url, 'ledger', 'staff-edu', { action: 'tasks', mine: true })).items;
  const staff = await api<{ departmentId?: string }>(url, 'users', 'staff-edu', { action: 'me' });
  if (!staff.departmentId) throw new E2EFailure('教育局工作人员没有所属单位');
  // An open questionnaire, so a resident has its questions to answer and the 双拥办 its results and editor.
  await api(url, 'ledger', 'dispatcher', {
    action: 'saveSurvey',
    title: '双拥工作群众问卷',
    intro: '每题选一项，不记名。',
    questions: [
      { text: '您知道本县正在创建双拥模范县吗？', choices: ['知道', '不知道'], measure: 'awareness', counts: [0] },
      { text: '您支持创建工作吗？', choices: ['支持', '无所谓', '不支持'], measure: 'support', counts: [0] },
    ],
    open: true,
  });
  return {
    caseId: submitted.caseId,
    trackingNo: submitted.trackingNo,
    departmentId: submitted.departmentId,
    departmentName: department?.name ?? submitted.departmentId,
    dueAt: submitted.dueAt,
    signDueAt: submitted.signDueAt,
    policyId: policy.id,
    fairId: fair.id,
    placeId: first(places, '地点').id,
    storyId: first(stories, '双拥故事').id,
    activityId: first(activities, '志愿活动').id,
    taskId: first(tasks, '教育局的台账任务').id,
    unitId: staff.departmentId,
    weeklyId: await weeklyReport(url),
  };
}

/**
 * The newest weekly report. The ledger's timer writes the one due for the last scheduled hour whenever it
 * runs (no clock to move), and one already written is kept, so running it here changes no other journey.
 */
async function weeklyReport(url: string): Promise<string> {
  const list = () => api<{ items: { id: string }[] }>(url, 'ledger', 'dispatcher', { action: 'reports' });
  let items = (await list()).items;
  if (items.length === 0) {
    const res = await fetch(`${url}/__local/timers/ledger`, { method: 'POST' });
    if (!res.ok) throw new E2EFailure(`台账定时任务没有运行：${res.status}`);
    items = (await list()).items;
  }
  return first(items, '创建周报').id;
}

// ---------- the walk ----------

const address = (url: string, visit: PageVisit, f: Fixtures) => {
  const query = visit.query ? `?${new URLSearchParams(visit.query(f)).toString()}` : '';
  return `${url}/#/${visit.path}${query}`;
};

async function open(page: Page, url: string, visit: PageVisit, f: Fixtures) {
  await page.goto(address(url, visit, f));
  await settle(page, visit.ready);
  const failed = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll<HTMLElement>('.taro_page .state--error')).find((el) => el.offsetParent !== null)?.textContent ??
      null,
  );
  if (failed) throw new E2EFailure(`${visit.name}（${visit.path}）没有打开：${failed}`);
}

async function setElder(page: Page, url: string, on: boolean) {
  await page.goto(`${url}/#/pages/me/index`);
  const sw = shown(page, '#elder-switch input');
  await sw.waitFor({ timeout: STEP_TIMEOUT });
  if ((await sw.isChecked()) !== on) await sw.click();
  if (on) await shown(page, '.page--elder').waitFor({ timeout: STEP_TIMEOUT });
  else await page.waitForFunction(() => !document.querySelector('.page--elder'), undefined, { timeout: STEP_TIMEOUT });
}

export async function accessibilityJourney(page: Page, url: string, shots: Screens) {
  const started = Date.now();
  const f = await fixtures(url);
  log(`fixtures: case ${f.trackingNo}, policy ${f.policyId}, fair ${f.fairId}, place ${f.placeId}, task ${f.taskId}`);
  // A sign-up, so 我的报名 has its code to show.
  await api(url, 'fairs', 'resident-1', {
    action: 'signup',
    fairId: f.fairId,
    requestId: `e2e-a11y-signup-${f.fairId}`,
    name: '王建军',
    phone: '13800138000',
  }).catch((e: unknown) => {
    // Signed up (or cancelled) by the fairs journey: 我的报名 has that to show.
    if (!(e instanceof E2EFailure) || !/失败：CONFLICT/.test(e.message)) throw e;
  });

  const violations: string[] = [];
  const textProblems: string[] = [];
  const configured = new Set(configuredPages());
  let visits = 0;

  await page.goto(`${url}/`);
  for (const role of ROLES) {
    const pages = PAGES.filter((p) => p.roles.includes(role.id));
    log(`${role.label}: ${pages.length} pages, axe and 长辈模式`);
    await chooseIdentity(page, role.label);
    await openTab(page, '首页');
    const normal = new Map<string, TextMeasure>();
    for (const visit of pages) {
      await open(page, url, visit, f);
      const found: AxeFinding[] = await axeCheck(page);
      for (const v of found)
        violations.push(`${role.id} · ${visit.name}（${visit.path}）· ${v.rule} [${v.impact}] ${v.help}：${v.targets.join(' | ')}`);
      const measured = await measureText(page);
      for (const c of measured.cut) textProblems.push(`${role.id} · ${visit.name}（平时）：文字被截断 ${c}`);
      normal.set(visit.name, measured);
      await shots.take(`a11y-${role.id}`, visit.name);
      visits++;
    }
    await setElder(page, url, true);
    let smallestRatio = Infinity;
    let smallestText = Infinity;
    for (const visit of pages) {
      await open(page, url, visit, f);
      const before = normal.get(visit.name);
      if (!before) throw new E2EFailure(`${visit.name} 没有平时的字号可比`);
      const after = await measureText(page);
      if (!after.elder) textProblems.push(`${role.id} · ${visit.name}：没有用上长辈模式（没有 .page--elder）`);
      if (after.bodySize < before.bodySize * ELDER_RATIO - 0.01)
        textProblems.push(`${role.id} · ${visit.name}：正文 ${after.bodySize}px，不到平时 ${before.bodySize}px 的 ${ELDER_RATIO} 倍`);
      // Element by element: text at or below the body size grows by the same ratio; headings at least grow.
      for (const [element, normalSize] of Object.entries(before.sizes)) {
        const elderSize = after.sizes[element];
        if (elderSize === undefined) continue;
        const body = normalSize <= before.bodySize + 0.01;
        const least = body ? ELDER_RATIO : normalSize < DISPLAY_SIZE ? HEADING_RATIO : 1;
        const ratio = elderSize / normalSize;
        if (body) smallestRatio = Math.min(smallestRatio, ratio);
        if (ratio < least - 0.01)
          textProblems.push(
            `${role.id} · ${visit.name}：${element} 长辈模式 ${elderSize}px，平时 ${normalSize}px（${ratio.toFixed(2)} 倍，应至少 ${least} 倍）`,
          );
      }
      smallestText = Math.min(smallestText, after.minSize);
      for (const c of after.cut) textProblems.push(`${role.id} · ${visit.name}：文字被截断 ${c}`);
      for (const [element, share] of Object.entries(after.truncated)) {
        const normalShare = before.truncated[element] ?? 1;
        if (share < normalShare - 0.02)
          textProblems.push(
            `${role.id} · ${visit.name}：${element} 只显示出 ${Math.round(share * 100)}%，平时显示 ${Math.round(normalShare * 100)}%`,
          );
      }
      // 长辈模式 changes sizes (checked above) and colours: contrast is what axe has to look at again.
      const found = await axeCheck(page, ['color-contrast']);
      for (const v of found)
        violations.push(
          `${role.id} · ${visit.name}（${visit.path}，长辈模式）· ${v.rule} [${v.impact}] ${v.help}：${v.targets.join(' | ')}`,
        );
      await shots.take(`a11y-${role.id}`, `${visit.name}-elder`);
      visits++;
    }
    await setElder(page, url, false);
    log(`${role.label}: 长辈模式 body text at least ×${smallestRatio.toFixed(2)}, smallest text ${smallestText}px`);
    for (const visit of pages) configured.delete(visit.path);
  }
  if (configured.size) throw new E2EFailure(`这些页面没有检查到：${[...configured].join('，')}`);
  log(`${visits} page visits checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const problems = [
    ...(violations.length ? [`axe 发现 ${violations.length} 处严重问题：`, ...violations] : []),
    ...(textProblems.length ? [`文字大小和截断有 ${textProblems.length} 处问题：`, ...textProblems] : []),
  ];
  if (problems.length) throw new E2EFailure(problems.join('\n  '));
}
