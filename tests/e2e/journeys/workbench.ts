/**
 * The departments' workbench and the 双拥办: a resident-2 case is created through the API; the admin writes
 * an answer template; 教育局 staff find the case in the inbox, sign for it, reply with the template and
 * resolve it; the dispatcher opens the console and the 三率 chart with 教育局's bars and exports the
 * ledger; the admin reads the case's audit trail. 长辈模式 is checked on the case and the chart.
 */
import type { Page } from 'playwright-core';
import {
  button,
  chooseIdentity,
  E2EFailure,
  expectText,
  log,
  noHorizontalOverflow,
  shown,
  STEP_TIMEOUT,
  text,
  type Screens,
} from '../harness';

const TEMPLATE_TITLE = '入学优待材料清单';
const TEMPLATE_TEXT = '军人子女入学优待需要：户口本、军人证明或部队开具的证明、学籍信息。请带原件到县教育局一楼窗口办理。';
const SUMMARY = '已协调城关小学，孩子下学期开学即可入学，家长已确认';

async function createCase(url: string): Promise<string> {
  const res = await fetch(`${url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': 'resident-2' },
    body: JSON.stringify({
      action: 'submit',
      requestId: `e2e-workbench-${Date.now()}`,
      category: 'children',
      description: '孩子下学期想转到城关小学读书，我是现役军人家属，想问问军人子女入学优待要准备哪些材料。',
      region: 'hekou',
      contact: { name: '李秀兰', phone: '13800000002' },
      consent: true,
    }),
  });
  const body = (await res.json()) as { ok: boolean; data?: { trackingNo: string; departmentId: string }; error?: { message: string } };
  if (!body.ok || !body.data) throw new E2EFailure(`通过接口提交求助失败：${body.error?.message ?? res.status}`);
  if (body.data.departmentId !== 'edu') throw new E2EFailure(`子女教育的求助应转给教育局，实际是 ${body.data.departmentId}`);
  return body.data.trackingNo;
}

/** Back through the history until the tab bar shows (subpackage pages have none). */
async function backToTabs(page: Page) {
  for (let i = 0; i < 8; i++) {
    if (await shown(page, '.weui-tabbar').isVisible()) return;
    await page.goBack();
    await page.waitForTimeout(200);
  }
  throw new E2EFailure('回不到有底部标签栏的页面');
}

/** Taro's H5 modal (Taro.showModal): read what it asks, then press its confirm button. */
async function confirmModal(page: Page, expected: RegExp, what: string) {
  // The modal's own element has no box (its mask and panel are fixed): look for the visible panel.
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).first();
  await expectText(modal.locator('.taro-modal__text'), expected, what);
  await modal.locator('.taro-model__confirm').click();
}

async function setElderMode(page: Page, on: boolean) {
  await backToTabs(page);
  await shown(page, '.weui-tabbar').getByText('我的', { exact: true }).click();
  const input = shown(page, '#elder-switch input');
  if ((await input.isChecked()) !== on) await input.click();
  if (on) await shown(page, '.page--elder').waitFor({ timeout: STEP_TIMEOUT });
  else await page.waitForFunction(() => !document.querySelector('.page--elder'), undefined, { timeout: STEP_TIMEOUT });
}

export async function workbenchJourney(page: Page, url: string, shots: Screens) {
  const trackingNo = await createCase(url);
  log(`resident-2 submitted ${trackingNo} (子女教育 → 教育局) through the API`);
  await page.goto(`${url}/`);

  log('admin: an answer template for 子女教育');
  await chooseIdentity(page, '管理员');
  await text(page, '管理后台').click();
  await expectText(text(page, '办理设置'), '办理设置', '管理后台的办理设置');
  await text(page, '答复模板').click();
  await button(page, '新建答复模板').click();
  await shown(page, '#template-category').getByText('子女教育', { exact: true }).click();
  await shown(page, '#template-title input').fill(TEMPLATE_TITLE);
  await shown(page, '#template-text textarea').fill(TEMPLATE_TEXT);
  await shots.take('admin', 'template-new');
  await button(page, '保存').click();
  await expectText(text(page, TEMPLATE_TITLE), TEMPLATE_TITLE, '保存后的答复模板');
  await shots.take('admin', 'templates');

  log('教育局 staff: the inbox lists the case');
  await backToTabs(page);
  await chooseIdentity(page, '教育局工作人员');
  await text(page, '工作台').click();
  await expectText(shown(page, '#workbench-title'), '教育局 · 工作台', '工作台标题');
  const card = shown(page, `#case-${trackingNo}`);
  await expectText(card, /子女教育/, '收件箱里的新求助');
  await expectText(card, /待签收/, '新求助的状态');
  await shots.take('staff-edu', 'inbox');
  await shown(page, '#tab-new').click();
  await expectText(shown(page, `#case-${trackingNo}`), /请在.*前签收/, '新派单里的求助');
  await shots.take('staff-edu', 'inbox-new');
  await shown(page, `#case-${trackingNo}`).click();

  log('教育局 staff: the case, with the phone unmasked; 签收');
  await expectText(shown(page, '#case-status'), '待签收', '求助的状态');
  await expectText(shown(page, '#case-phone'), '13800000002', '承办部门看到的完整手机号');
  await expectText(shown(page, '#case-routing'), /教育局办理/, '分派理由');
  await shots.take('staff-edu', 'case-new');
  await button(page, '签收').click();
  await confirmModal(page, /确定签收吗/, '签收前的确认');
  await expectText(shown(page, '#case-notice'), /^已签收。请在.*前办结/, '签收后的提示');
  await expectText(shown(page, '#case-status'), '已签收', '签收后的状态');
  await shots.take('staff-edu', 'case-accepted');

  log('教育局 staff: reply with the template');
  await button(page, '答复').click();
  await shown(page, '#template-picker').getByText(TEMPLATE_TITLE, { exact: true }).click();
  const reply = shown(page, '#sheet-reply textarea');
  if ((await reply.inputValue()) !== TEMPLATE_TEXT) throw new E2EFailure('点模板后，答复框里不是模板的内容');
  await shots.take('staff-edu', 'reply-sheet');
  await button(page, '发送答复').click();
  await confirmModal(page, /确定发送吗/, '发送答复前的确认');
  await expectText(shown(page, '#case-notice'), /^答复已发给群众/, '答复后的提示');
  await expectText(shown(page, '#case-timeline'), /教育局答复：军人子女入学优待需要/, '办理经过里的答复');

  log('教育局 staff: 长辈模式 on the case');
  await setElderMode(page, true);
  await text(page, '工作台').click();
  await shown(page, `#case-${trackingNo}`).click();
  await expectText(shown(page, '#case-status'), '办理中', '长辈模式下的求助');
  await noHorizontalOverflow(page, '长辈模式的办理页');
  await shots.take('staff-edu', 'case-elder');
  await setElderMode(page, false);
  await text(page, '工作台').click();
  await shown(page, `#case-${trackingNo}`).click();

  log('教育局 staff: 办结 with a summary');
  await button(page, '办结').click();
  await shown(page, '#sheet-resolve textarea').fill(SUMMARY);
  await shots.take('staff-edu', 'resolve-sheet');
  await button(page, '确认办结').click();
  await confirmModal(page, /确定办结吗/, '办结前的确认');
  await expectText(shown(page, '#case-notice'), /^已办结/, '办结后的提示');
  await expectText(shown(page, '#case-status'), '已办结', '办结后的状态');
  await expectText(shown(page, '#case-timeline'), new RegExp(`教育局已办结：${SUMMARY}`), '办理经过里的办结');
  await shots.take('staff-edu', 'case-resolved');
  await page.goBack();
  await shown(page, '#tab-resolved').click();
  await expectText(shown(page, `#case-${trackingNo}`), /已办结/, '已办结里的求助');
  await shots.take('staff-edu', 'inbox-resolved');

  log('双拥办调度: the console and the 三率 chart with 教育局');
  await backToTabs(page);
  await chooseIdentity(page, '双拥办调度');
  await text(page, '双拥办督办台').click();
  await expectText(shown(page, '#queue-tabs'), /待分派/, '督办台的队列');
  await shots.take('dispatcher', 'office');
  await shown(page, '#tab-followup').click();
  await shots.take('dispatcher', 'office-followup');
  await shown(page, '#link-stats').click();
  const edu = shown(page, '#dept-edu');
  await expectText(edu.locator('.dept__name'), '教育局', '三率图里的教育局');
  const bars = edu.locator('.figure-bar');
  if ((await bars.count()) !== 4) throw new E2EFailure(`教育局应有 4 条率的横条，实际 ${await bars.count()} 条`);
  // Other journeys may have sent 教育局 cases too: check our case is counted and each bar is as wide as n/d.
  for (const [index, label] of [
    [0, '响应率'],
    [3, '按时办结率'],
  ] as const) {
    const bar = bars.nth(index);
    const shownText = await expectText(bar, new RegExp(`^${label}\\d+(\\.\\d)?%\\d+/\\d+$`), `教育局的${label}`);
    const [n, d] = (/(\d+)\/(\d+)$/.exec(shownText) ?? []).slice(1).map(Number) as [number, number];
    if (!(n >= 1 && d >= n)) throw new E2EFailure(`教育局的${label}应至少算上刚办结的这件：${n}/${d}`);
    const ratio = await bar
      .locator('.figure-bar__fill')
      .evaluate((el) => el.getBoundingClientRect().width / (el.parentElement?.getBoundingClientRect().width ?? 1));
    if (Math.abs(ratio - n / d) > 0.01) throw new E2EFailure(`${label} ${n}/${d} 的横条占了 ${(ratio * 100).toFixed(1)}%`);
  }
  await shots.take('dispatcher', 'stats');
  await button(page, '导出台账').click();
  const link = shown(page, '#ledger-link');
  await expectText(link, /三率台账.*\.xlsx/, '导出的台账');
  const href = await link.getAttribute('href');
  const file = await fetch(new URL(href ?? '', url));
  if (!file.ok || (await file.arrayBuffer()).byteLength < 1000) throw new E2EFailure(`台账下载不了（${file.status}）`);
  await shots.take('dispatcher', 'stats-exported');
  await setElderMode(page, true);
  await text(page, '双拥办督办台').click();
  await shown(page, '#link-stats').click();
  await expectText(shown(page, '#dept-edu').locator('.dept__name'), '教育局', '长辈模式的三率图');
  await noHorizontalOverflow(page, '长辈模式的三率页');
  await shots.take('dispatcher', 'stats-elder');
  await setElderMode(page, false);

  log('双拥办调度: a request taken by phone, then dispatched to 教育局');
  await text(page, '双拥办督办台').click();
  await shown(page, '#link-record').click();
  await shown(page, '#field-category').getByText('其他', { exact: true }).click();
  await shown(page, '#field-description textarea').fill('来电说孩子在部队驻地附近上学，想转回老家读书，不知道找哪个部门。');
  await shown(page, '#field-region').getByText('城关街道', { exact: true }).click();
  await shown(page, '#field-name input').fill('王建国');
  await shown(page, '#field-phone input').fill('13800000001');
  await shots.take('dispatcher', 'record');
  await button(page, '登记并转给部门').click();
  const recorded = await expectText(shown(page, '#record-done .state__title'), /^已登记，受理编号 SY\d{9}$/, '代为登记的结果');
  await expectText(shown(page, '#record-done'), /已放进「待分派」/, '没有对应部门的事项待分派');
  await shots.take('dispatcher', 'record-done');
  await button(page, '查看这件求助').click();
  await expectText(shown(page, '#case-tracking-no'), recorded.replace(/^.*受理编号 /, ''), '代为登记的求助');
  await expectText(shown(page, '#case-timeline'), /双拥办接到来电，代为登记了您的求助/, '办理经过里的代为登记');
  await shots.take('dispatcher', 'case-unrouted');
  await button(page, '分派').click();
  await shown(page, '#assign-departments').getByText('教育局', { exact: true }).click();
  await shown(page, '#sheet-assign textarea').fill('孩子转学回老家，属于子女教育，请教育局办理');
  await shots.take('dispatcher', 'assign-sheet');
  await button(page, '确认分派').click();
  await confirmModal(page, /转给教育局/, '分派前的确认');
  await expectText(shown(page, '#case-notice'), /^已分派给教育局，须在.*前签收/, '分派后的提示');
  await shots.take('dispatcher', 'case-assigned');
  await backToTabs(page);

  log('admin: the audit trail of the case, routing and calendar');
  await chooseIdentity(page, '管理员');
  await text(page, '管理后台').click();
  await text(page, '操作记录与保存期限').click();
  await shown(page, '#audit-query input').fill(trackingNo);
  await button(page, '查看记录').click();
  const trail = shown(page, '#audit-list');
  await expectText(trail, /签收/, '操作记录里的签收');
  await expectText(trail, /办结/, '操作记录里的办结');
  // The whole trail, newest first: the search just made is on it too.
  await button(page, '查询').click();
  await expectText(shown(page, '#audit-log-total'), /^共 \d+ 条/, '按条件查到的操作记录');
  await expectText(shown(page, '#audit-log-list'), /查看求助/, '操作记录里的查看求助');
  await shots.take('admin', 'audit');
  await page.goBack();
  await text(page, '分派规则').click();
  await expectText(shown(page, '#route-children'), /教育局/, '分派规则里的子女教育');
  await shots.take('admin', 'routing');
  await page.goBack();
  await text(page, '工作日历').click();
  await expectText(text(page, '官方放假安排'), '官方放假安排', '工作日历');
  await shots.take('admin', 'calendar');
  await backToTabs(page);
}
