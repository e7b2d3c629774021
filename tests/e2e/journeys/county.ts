/**
 * The county as data, on the demo county. The admin opens 全县单位 (units by kind), changes 民政局's 办公电话
 * in the unit editor and adds a 乡镇 on the page; meta.get lists both. A routing rule (through the API)
 * sends 帮扶救助 in 河口镇 to 河口服务站; resident-1 asks for relief from 河口镇 through the form and it
 * lands in the station's inbox; the station's clerk signs for it, then 上报县级部门 to 民政局 with a reason;
 * 民政局 finds it 待签收 with a 签收 deadline counted from the escalation; the resident reads in plain words
 * that the station passed it on (and not the station's reason). Then the read-only leader walks the ledger
 * and the 督办清单 and 三率: no button that writes, no full mobile number.
 */
import type { Page } from 'playwright-core';
import { button, chooseIdentity, E2EFailure, expectText, log, openTab, shown, STEP_TIMEOUT, text, type Screens } from '../harness';

const NEW_PHONE = '0000-6204999';
const NEW_REGION = { id: 'xinhe', name: '新河乡' };
const WORDS = '家里前些天遭了火灾，房子烧了一半，生活很困难，想申请临时救助';
const REASON = '服务站已上门核实家庭受灾情况，需要民政局审批临时救助';
/** A full mainland mobile number: what a leader must never see. */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/** What would change something: none of it is offered to a leader. */
const WRITE_WORDS = ['验收', '退回', '督办', '代为登记', '分派', '导入', '签收', '办结'];

interface Unit {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  contact: { phone?: string };
}
interface Meta {
  departments: Unit[];
  regions: { id: string; name: string }[];
}
interface Rule {
  category: string;
  regionId?: string;
  departmentId: string;
}
interface StaffCase {
  status: string;
  departmentId: string;
  routedAt: string;
  signDueAt: string;
  escalations?: { from: string; to: string; at: string; reason: string }[];
}

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

/** The host's clock: deadlines are counted from it, not from this machine's. */
async function hostNow(url: string): Promise<number> {
  return Date.parse((await api<{ now: string }>(url, 'meta', null, { action: 'ping' })).now);
}

/** Back through the history until the tab bar shows (subpackage pages have none). */
async function backToTabs(page: Page) {
  for (let i = 0; i < 10; i++) {
    if (await shown(page, '.weui-tabbar').isVisible()) return;
    await page.goBack();
    await page.waitForTimeout(200);
  }
  throw new E2EFailure('回不到有底部标签栏的页面');
}

/** Taro's H5 modal (Taro.showModal): read what it asks, then press its confirm button. */
async function confirmModal(page: Page, expected: RegExp, what: string) {
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).first();
  await expectText(modal.locator('.taro-modal__text'), expected, what);
  await modal.locator('.taro-model__confirm').click();
}

/** The page on screen (Taro keeps earlier pages hidden in the DOM): its text as a person reads it. */
const pageText = (page: Page) =>
  page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => el.offsetParent !== null);
    return pages[pages.length - 1]?.innerText ?? '';
  });

/**
 * Nothing on the page a leader sees writes or shows a whole mobile number: no button (nor a tile that opens
 * a form) labelled with a write, and no 11-digit mobile number anywhere in its text.
 */
async function readOnlyForLeader(page: Page, where: string) {
  const labels = await page
    .locator('taro-button-core, .link-tiles__title, .link-tiles__item')
    .filter({ visible: true })
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
  const writes = labels.filter((l) => WRITE_WORDS.some((w) => l.startsWith(w)));
  if (writes.length) throw new E2EFailure(`${where}：县领导是只读的，却看到了按钮「${writes.join('」「')}」`);
  const phone = MOBILE.exec(await pageText(page));
  if (phone) throw new E2EFailure(`${where}：县领导看到了完整的手机号 ${phone[0]}`);
}

export async function countyJourney(page: Page, url: string, shots: Screens) {
  const before = await api<Meta>(url, 'meta', null, { action: 'get' });
  const civil = before.departments.find((u) => u.name === '民政局');
  const hekou = before.regions.find((r) => r.name === '河口镇');
  const station = before.departments.find((u) => u.kind === 'station' && u.shortName === '河口服务站');
  if (!civil || !hekou || !station) throw new E2EFailure('演示县里应有民政局、河口镇和河口服务站');
  const byKind = (kind: string) => before.departments.filter((u) => u.kind === kind);
  await page.goto(`${url}/`);

  log('admin: 管理后台 → 全县单位, the units by kind');
  await chooseIdentity(page, '管理员');
  await text(page, '管理后台').click();
  await text(page, '全县单位').click();
  for (const [kind, title] of [
    ['county', '县直单位'],
    ['station', '退役军人服务站'],
    ['military', '驻地部队'],
  ] as const) {
    const group = shown(page, `#county-units-${kind}`);
    await expectText(group.locator('.section__title'), `${title}（${byKind(kind).length}）`, `全县单位里的${title}`);
  }
  await expectText(shown(page, `#county-units-county #unit-${civil.id} .list-item__title`), /^民政局/, '县直单位里的民政局');
  await expectText(
    shown(page, `#county-units-station #unit-${station.id} .list-item__desc`),
    /河口服务站 · 河口镇/,
    '服务站里的河口服务站',
  );
  await shots.take('admin', 'county');

  log('admin: 民政局 in the unit editor, a new 办公电话');
  await shown(page, `#unit-${civil.id}`).locator('taro-button-core').filter({ hasText: '修改' }).click();
  await expectText(shown(page, '#unit-id'), civil.id, '单位编辑页的编号');
  const phone = shown(page, '#field-phone input');
  if ((await phone.inputValue()) !== (civil.contact.phone ?? '')) throw new E2EFailure('单位编辑页里的办公电话不是原来的');
  await phone.fill(NEW_PHONE);
  await shots.take('admin', 'unit-edit');
  await shown(page, '#unit-save').click();
  // Saved, the editor goes back to the list, which reads the county again.
  await expectText(shown(page, `#unit-${civil.id} .list-item__title`), /^民政局/, '保存后回到全县单位');
  await shown(page, `#unit-${civil.id}`).locator('taro-button-core').filter({ hasText: '修改' }).click();
  await expectText(shown(page, '#unit-id'), civil.id, '再次打开民政局');
  if ((await shown(page, '#field-phone input').inputValue()) !== NEW_PHONE) throw new E2EFailure('再打开民政局，办公电话没有保存');
  await page.goBack();

  log('admin: a new 乡镇 on the page');
  await shown(page, '#county-add-region').click();
  await shown(page, '#field-region-id input').fill(NEW_REGION.id);
  await shown(page, '#field-region-name input').fill(NEW_REGION.name);
  await shown(page, '#field-region-kind').getByText('乡', { exact: true }).click();
  await shots.take('admin', 'region-new');
  await shown(page, '#region-save').click();
  await expectText(
    shown(page, `#region-${NEW_REGION.id}`),
    new RegExp(`${NEW_REGION.name}.*乡 · ${NEW_REGION.id} · 还没有服务站`),
    '新增的乡镇',
  );
  await shots.take('admin', 'county-region-added');
  const after = await api<Meta>(url, 'meta', null, { action: 'get' });
  if (after.departments.find((u) => u.id === civil.id)?.contact.phone !== NEW_PHONE)
    throw new E2EFailure('meta.get 里民政局的办公电话没有变');
  if (!after.regions.some((r) => r.id === NEW_REGION.id && r.name === NEW_REGION.name)) throw new E2EFailure('meta.get 里没有新增的乡镇');
  await backToTabs(page);

  log('routing (API): 帮扶救助 in 河口镇 goes to 河口服务站');
  const { rules } = await api<{ rules: Rule[] }>(url, 'meta', 'admin', { action: 'routing' });
  await api(url, 'meta', 'admin', {
    action: 'saveRouting',
    rules: [
      ...rules.filter((r) => !(r.category === 'relief' && r.regionId === hekou.id)),
      { category: 'relief', regionId: hekou.id, departmentId: station.id },
    ],
  });
  // A fresh load: the app reads meta.get (and so the routing) once a session.
  await page.goto(`${url}/`);
  await page.reload();

  log('resident-1: a relief request from 河口镇 through the form');
  await chooseIdentity(page, '群众一');
  await openTab(page, '办事');
  await button(page, '我要求助').click();
  const description = shown(page, '#field-description textarea');
  await description.waitFor({ timeout: STEP_TIMEOUT });
  await description.fill(WORDS);
  const region = shown(page, '#field-region').getByText('河口镇', { exact: true });
  if (!((await region.getAttribute('class')) ?? '').includes('chip--on')) await region.click();
  await expectText(shown(page, '#expectation'), /^帮扶救助 · 河口镇退役军人服务站受理/, '河口镇的帮扶救助由服务站受理');
  if (!(await shown(page, '#field-contactName input').inputValue())) await shown(page, '#field-contactName input').fill('王建国');
  if (!(await shown(page, '#field-contactPhone input').inputValue())) await shown(page, '#field-contactPhone input').fill('13800000001');
  await shown(page, '#consent').click();
  await shots.take('resident-1', 'relief-request');
  await button(page, '提交求助').click();
  const trackingNo = (await expectText(shown(page, '#tracking-no'), /^SY \d{6} \d{3}$/, '受理编号')).replace(/\s/g, '');
  await expectText(shown(page, '#done-due'), /^河口镇退役军人服务站将在 .+ 前答复您$/, '服务站的答复时限');
  await shots.take('resident-1', 'relief-submitted');
  await button(page, '查看办理进度').click();
  await expectText(shown(page, '#timeline'), /已转给河口镇退役军人服务站办理/, '时间线：转给服务站');
  const caseId = new URL(page.url().replace('#/', '')).searchParams.get('id');
  if (!caseId) throw new E2EFailure(`案件页地址里没有 id：${page.url()}`);
  log(`resident-1: case ${trackingNo} → 河口服务站`);
  await backToTabs(page);

  log('河口服务站: the case in the inbox; 签收, then 上报县级部门 to 民政局');
  await chooseIdentity(page, '河口服务站工作人员');
  await text(page, '工作台').click();
  await expectText(shown(page, '#workbench-title'), '河口镇退役军人服务站 · 工作台', '服务站的工作台');
  await expectText(shown(page, `#case-${trackingNo}`), /帮扶救助.*待签收/, '服务站收件箱里的求助');
  await shots.take('staff-station-hekou', 'inbox');
  await shown(page, `#case-${trackingNo}`).click();
  await expectText(shown(page, '#case-status'), '待签收', '服务站看到的状态');
  await button(page, '签收').click();
  await confirmModal(page, /确定签收吗/, '签收前的确认');
  await expectText(shown(page, '#case-status'), '已签收', '服务站签收后');
  await shown(page, '#action-escalate').click();
  await shown(page, '#escalate-departments').getByText('民政局', { exact: true }).click();
  await shown(page, '#sheet-escalate textarea').fill(REASON);
  await shots.take('staff-station-hekou', 'escalate-sheet');
  const escalatedFrom = await hostNow(url);
  await button(page, '确认上报').click();
  await confirmModal(page, /交给民政局办理，从现在起重新计时/, '上报前的确认');
  const notice = await expectText(shown(page, '#case-notice'), /^已上报民政局，须在.+前签收、.+前办结。$/, '上报后的提示');
  const signBy = /须在(.+)前签收/.exec(notice)?.[1] ?? '';
  await shots.take('staff-station-hekou', 'escalated');
  log(`河口服务站: ${notice}`);

  const held = await api<StaffCase>(url, 'cases', 'staff-civil', { action: 'get', caseId });
  if (held.departmentId !== civil.id || held.status !== 'assigned')
    throw new E2EFailure(`上报后应由民政局待签收，实际是 ${held.departmentId} ${held.status}`);
  // Counted from the escalation: the unit's clock starts when the case reached it, not at submission.
  if (Date.parse(held.routedAt) < escalatedFrom - 60_000 || Date.parse(held.signDueAt) <= Date.parse(held.routedAt))
    throw new E2EFailure(`民政局的签收时限应从上报时算起：转到 ${held.routedAt}，签收期限 ${held.signDueAt}`);
  await backToTabs(page);

  log('民政局: the case in the inbox, 待签收 with its new deadline');
  await chooseIdentity(page, '民政局工作人员');
  await text(page, '工作台').click();
  await expectText(shown(page, '#workbench-title'), '民政局 · 工作台', '民政局的工作台');
  await shown(page, '#tab-new').click();
  const card = shown(page, `#case-${trackingNo}`);
  await expectText(card, /帮扶救助.*待签收/, '民政局新派单里的求助');
  const due = await expectText(card.locator('.case-card__due'), `请在${signBy}前签收`, '民政局的签收期限（上报时告诉服务站的那个）');
  await shots.take('staff-civil', 'inbox-escalated');
  await card.click();
  await expectText(shown(page, '#case-timeline'), new RegExp(`河口镇退役军人服务站上报民政局：${REASON}`), '民政局看到的上报理由');
  await shots.take('staff-civil', 'case-escalated');
  log(`民政局: ${due}`);
  await backToTabs(page);

  log('resident-1: the timeline says the station passed it to 民政局');
  await chooseIdentity(page, '群众一');
  await shown(page, '#link-my-cases').click();
  await shown(page, `#case-${trackingNo}`).click();
  await expectText(shown(page, '#timeline'), /河口镇退役军人服务站已把您的求助转给民政局办理/, '时间线：服务站转给民政局');
  if ((await shown(page, '#timeline').textContent())?.includes(REASON)) throw new E2EFailure('群众不应看到服务站写给民政局的上报理由');
  await shots.take('resident-1', 'case-escalated');
  await backToTabs(page);

  log('leader: a request for the 双拥办 to dispatch (API), so the lists have a case with a phone');
  const unrouted = await api<{ trackingNo: string; departmentId: string }>(url, 'cases', 'resident-2', {
    action: 'submit',
    requestId: `e2e-county-leader-${Date.now()}`,
    category: 'other',
    description: '想问问县里有没有给军属的法律咨询，不知道该找哪个部门，请帮忙转一下。',
    region: 'chengguan',
    contact: { name: '李秀兰', phone: '13800000002' },
    consent: true,
  });

  log('leader: 我的 → 创建台账, the board, the report and the standard: read only');
  await chooseIdentity(page, '县领导（只读）');
  await expectText(shown(page, '#me-role'), /县领导/, '县领导的身份');
  await readOnlyForLeader(page, '县领导的我的');
  await shown(page, '#link-ledger').click();
  await expectText(shown(page, '#ledger-title'), '双拥模范县创建台账（只读）', '县领导的台账标题');
  await expectText(shown(page, '#task-2\\.3'), /军人子女入学入托优待落实/, '县领导看到的任务');
  await readOnlyForLeader(page, '县领导的创建台账');
  await shots.take('leader', 'ledger');
  await shown(page, '#task-2\\.3').click();
  await expectText(shown(page, '#task-title'), '军人子女入学入托优待落实', '县领导打开的任务');
  for (const control of ['#evidence-form', '#self-ready', '#problem-add'])
    if (await shown(page, control).isVisible()) throw new E2EFailure(`县领导的任务页上不应有 ${control}`);
  await readOnlyForLeader(page, '县领导的任务页');
  await shots.take('leader', 'task');
  await page.goBack();
  await shown(page, '#link-board').click();
  await shown(page, '#board-overdue').waitFor({ timeout: STEP_TIMEOUT });
  await expectText(shown(page, '#board-ready .section__title'), /^等待验收（\d+）$/, '县领导看到的等待验收');
  await readOnlyForLeader(page, '县领导的创建进度');
  await shots.take('leader', 'board');
  await page.goBack();
  await shown(page, '#link-report').click();
  await shown(page, '#report-summary').waitFor({ timeout: STEP_TIMEOUT });
  await readOnlyForLeader(page, '县领导的定期报告');
  await shots.take('leader', 'report');
  await page.goBack();
  await shown(page, '#link-standard').click();
  await shown(page, '#standard-export').waitFor({ timeout: STEP_TIMEOUT });
  if (await shown(page, '#standard-import').isVisible()) throw new E2EFailure('县领导的考评标准页上不应有导入');
  await readOnlyForLeader(page, '县领导的考评标准');
  await shots.take('leader', 'standard');
  await backToTabs(page);

  log('leader: 督办清单和三率: every list, a case with its phone masked, the 三率');
  await openTab(page, '我的');
  await shown(page, '#link-office').click();
  await expectText(shown(page, '.hero__title'), '督办清单（只读）', '县领导的督办清单');
  for (const tab of ['unrouted', 'returned', 'flagged', 'overdue', 'report', 'followup']) {
    await shown(page, `#tab-${tab}`).click();
    await shown(page, '#queue-list, .state--empty').waitFor({ timeout: STEP_TIMEOUT });
    await readOnlyForLeader(page, `县领导的督办清单（${tab}）`);
  }
  await shown(page, '#tab-unrouted').click();
  const leaderCard = shown(page, `#case-${unrouted.trackingNo}`);
  await expectText(leaderCard, /其他/, '待分派里的求助');
  await shots.take('leader', 'office');
  await leaderCard.click();
  await expectText(shown(page, '#case-actions'), /您是只读身份/, '县领导看到的办理区');
  await expectText(shown(page, '#case-phone'), /^138\*{4}0002（/, '县领导看到的手机号（打码）');
  await readOnlyForLeader(page, '县领导打开的求助');
  await shots.take('leader', 'office-case');
  await page.goBack();
  await shown(page, '#link-stats').click();
  await expectText(shown(page, `#dept-${civil.id} .dept__name`), '民政局', '三率里的民政局');
  await expectText(shown(page, `#dept-${station.id}`), /上报县级 1 件/, '三率里河口服务站的上报');
  await readOnlyForLeader(page, '县领导的三率统计');
  await shots.take('leader', 'stats');
  await backToTabs(page);
}
