/**
 * The requester's side of an assistance request: resident-1 describes the trouble in their own words,
 * sees it suggested as 子女教育 for 教育局, adds a photo, submits and gets a tracking number; the case page
 * shows the timeline in plain words. 教育局 then signs for it and asks for material (through the API: the
 * workbench is its own journey); the resident sees what is needed, supplements it, finds the message in
 * the local outbox, and follows the case from 我的求助. 长辈模式 on the case page and the form. Resolved,
 * the resident rates it 没有解决 and it is reopened (重办).
 */
import type { Page } from 'playwright-core';
import {
  button,
  chooseIdentity,
  E2EFailure,
  expectText,
  log,
  noHorizontalOverflow,
  openTab,
  shown,
  STEP_TIMEOUT,
  text,
  type Screens,
} from '../harness';

const WORDS = '孩子明年要上小学，想问问军人子女入学有什么优待';
// A 1×1 PNG: enough for the upload and the thumbnail.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** What a department does from its workbench, called as that department's staff. */
async function asStaff(url: string, openid: string, event: Record<string, unknown>) {
  const res = await fetch(`${url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': openid },
    body: JSON.stringify(event),
  });
  const body = (await res.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new E2EFailure(`${openid} ${String(event.action)} 失败：${body.error?.message ?? res.status}`);
}

/** Taro scrolls inside the page: back to the top so a screenshot starts where a person starts. */
async function top(page: Page) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelectorAll('.taro_page').forEach((p) => {
      (p as HTMLElement).scrollTop = 0;
    });
  });
}

async function setElder(page: Page, on: boolean, url: string) {
  // From a subpackage page there is no tab bar: go to 我的 by its address.
  await page.goto(`${url}/#/pages/me/index`);
  const sw = shown(page, '#elder-switch input');
  if ((await sw.isChecked()) !== on) await sw.click();
  if (on) await shown(page, '.page--elder').waitFor({ timeout: STEP_TIMEOUT });
  else await page.waitForFunction(() => !document.querySelector('.page--elder'), undefined, { timeout: STEP_TIMEOUT });
}

export async function casesJourney(page: Page, url: string, shots: Screens) {
  log('resident-1: 办事 → 我要求助');
  await page.goto(`${url}/`);
  await chooseIdentity(page, '群众一');
  await expectText(shown(page, '#me-role'), '群众', '群众一的身份');
  await openTab(page, '办事');
  await expectText(text(page, '遇到困难，在这里求助'), '遇到困难，在这里求助', '办事页的求助入口');
  await shots.take('resident-1', 'services-with-request');
  await button(page, '我要求助').click();

  log('resident-1: the trouble in their own words; the category is suggested');
  const description = shown(page, '#field-description textarea');
  await description.waitFor({ timeout: STEP_TIMEOUT });
  await shots.take('resident-1', 'new-request');
  await description.fill(WORDS);
  await expectText(shown(page, '#suggestions'), /子女教育教育局/, '建议的类别和部门');
  await expectText(shown(page, '#expectation'), '子女教育 · 教育局受理，一般 5 个工作日内答复', '预计的办理部门和时限');
  await shots.take('resident-1', 'new-request-suggested');

  log('resident-1: a photo, the 乡镇 and contact, consent');
  const choosing = page.waitForEvent('filechooser', { timeout: STEP_TIMEOUT });
  await shown(page, '#attachment-add').click();
  // Photos need the privacy consent first (WeChat's rule); a browser that already agreed goes straight on.
  const agree = button(page, '同意并继续');
  if (
    await agree.waitFor({ timeout: 1500 }).then(
      () => true,
      () => false,
    )
  ) {
    await shots.take('resident-1', 'new-request-privacy');
    await agree.click();
  }
  await (await choosing).setFiles({ name: 'hukou.png', mimeType: 'image/png', buffer: PNG });
  await expectText(shown(page, '#attachment-0 [role="status"]'), '已上传', '照片上传');
  // resident-1 has a saved profile: the contact comes filled in; the person can still change it.
  if (!(await shown(page, '#field-contactName input').inputValue())) throw new E2EFailure('联系人没有从个人信息里带出来');
  const region = shown(page, '#field-region').getByText('河口镇', { exact: true });
  if (!((await region.getAttribute('class')) ?? '').includes('chip--on')) await region.click();
  await shown(page, '#field-contactName input').fill('王建军');
  await shown(page, '#field-contactPhone input').fill('13800138000');
  await shown(page, '#consent').click();
  await top(page);
  await shots.take('resident-1', 'new-request-filled');

  log('resident-1: the draft survives leaving the page');
  await page.goBack();
  await expectText(text(page, '遇到困难，在这里求助'), '遇到困难，在这里求助', '回到办事页');
  await button(page, '我要求助').click();
  await expectText(shown(page, '#draft-restored'), /上次没填完的内容已经为您保留/, '草稿恢复');
  if ((await shown(page, '#field-description textarea').inputValue()) !== WORDS) throw new E2EFailure('回来后情况说明不见了');
  await expectText(shown(page, '#attachment-0 [role="status"]'), '已上传', '草稿里的照片');
  await shown(page, '#consent').click();

  log('resident-1: submit; the tracking number');
  await button(page, '提交求助').click();
  const trackingNo = (await expectText(shown(page, '#tracking-no'), /^SY \d{6} \d{3}$/, '受理编号')).replace(/\s/g, '');
  await expectText(shown(page, '#done-due'), /^教育局将在 \d+月\d+日（周.） 前答复您$/, '答复时限');
  await shots.take('resident-1', 'submitted');
  log(`resident-1: case ${trackingNo}`);

  log('resident-1: the case page and its timeline');
  await button(page, '查看办理进度').click();
  const timeline = shown(page, '#timeline');
  await expectText(timeline, new RegExp(`已收到您的求助，受理编号 ${trackingNo}`), '时间线：已收到');
  await expectText(timeline, /已转给教育局办理，教育局将在.+前答复您/, '时间线：已转给教育局');
  await expectText(shown(page, '#step-now'), /^教育局将在.+前签收$/, '现在的情况');
  await shots.take('resident-1', 'case');
  const caseId = new URL(page.url().replace('#/', '')).searchParams.get('id');
  if (!caseId) throw new E2EFailure(`案件页地址里没有 id：${page.url()}`);

  log('教育局 signs for it and asks for material (API); the resident sees what is needed');
  await asStaff(url, 'staff-edu', { action: 'accept', caseId });
  await asStaff(url, 'staff-edu', { action: 'requestInfo', caseId, text: '孩子的户口本首页和本人页照片' });
  await page.reload();
  await expectText(shown(page, '#step-need'), '孩子的户口本首页和本人页照片', '需要您做');
  await expectText(shown(page, '#timeline'), /教育局已签收，正在办理/, '时间线：已签收');
  await top(page);
  await shots.take('resident-1', 'case-needs-material');

  log('resident-1: the signing message in the local outbox');
  await text(page, '本地演示：消息发件箱').click();
  await expectText(shown(page, '#local-outbox'), /您的求助已签收/, '发件箱里的签收通知');
  await shots.take('resident-1', 'case-outbox');

  log('resident-1: supplement');
  await shown(page, '#field-text textarea').fill('户口本首页和孩子那一页都拍好了，孩子 2020 年 5 月出生');
  await button(page, '提交补充材料').click();
  await expectText(shown(page, '#outcome'), /^已补充教育局会接着办理/, '补充后的确认');
  await expectText(shown(page, '#timeline'), /您补充了材料：户口本首页/, '时间线：已补充');
  await top(page);
  await shots.take('resident-1', 'case-supplemented');

  log('resident-1: 长辈模式 on the case page and the form');
  await setElder(page, true, url);
  await shown(page, '#link-my-cases').click();
  await shown(page, `#case-${trackingNo}`).waitFor({ timeout: STEP_TIMEOUT });
  await expectText(shown(page, `#case-${trackingNo}`), /正在办理/, '我的求助里的状态');
  await noHorizontalOverflow(page, '长辈模式的我的求助');
  await shots.take('resident-1', 'my-cases-elder');
  await shown(page, `#case-${trackingNo}`).click();
  await expectText(shown(page, '#timeline'), /您补充了材料/, '长辈模式的案件页');
  const size = await shown(page, '#step-now').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  if (size < 20) throw new E2EFailure(`长辈模式下“现在”只有 ${size}px`);
  await noHorizontalOverflow(page, '长辈模式的案件页');
  await shots.take('resident-1', 'case-elder');
  await page.goBack();
  await shown(page, '#mine-new-request').click();
  await shown(page, '#field-description textarea').waitFor({ timeout: STEP_TIMEOUT });
  await noHorizontalOverflow(page, '长辈模式的求助表单');
  await shots.take('resident-1', 'new-request-elder');
  await setElder(page, false, url);

  log('教育局 resolves it (API); the resident rates it 没有解决 and it is reopened');
  await asStaff(url, 'staff-edu', {
    action: 'resolve',
    caseId,
    summary: '已登记军人子女入学优待，请于 8 月 20 日前带户口本到城关小学报名',
  });
  await shown(page, '#link-my-cases').click();
  await expectText(shown(page, `#case-${trackingNo}`), /已办结，待您评价/, '我的求助里的待评价');
  await shots.take('resident-1', 'my-cases-resolved');
  await shown(page, `#case-${trackingNo}`).click();
  await shown(page, '#rate-form').waitFor({ timeout: STEP_TIMEOUT });
  await expectText(shown(page, '#resolution'), /城关小学报名/, '办理结果');
  await shown(page, '#star-2').click();
  await text(page, '没有解决').click();
  await expectText(shown(page, '#reopen-note'), /重新交给教育局办理/, '没有解决的说明');
  await shown(page, '#field-comment textarea').fill('学校说名额满了，还是没办下来');
  await shots.take('resident-1', 'case-rate');
  await button(page, '提交评价').click();
  await expectText(shown(page, '#outcome'), /^已重新办理已重新交给教育局办理/, '重办的确认');
  await expectText(shown(page, '#timeline'), /您反映问题没有解决，已重新交给教育局办理/, '时间线：重办');
  await top(page);
  await shots.take('resident-1', 'case-reopened');
}
