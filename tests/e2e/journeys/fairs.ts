/**
 * Job fairs: resident-1 opens 招聘会 from 首页, signs up for the winter fair in two taps, sees 报名成功 and
 * the QR code in 我的报名 (also in 长辈模式), cancels after reading what that does and sees it cancelled.
 * Then 人社局 staff open 招聘会管理: the roster, the door (an unknown code is refused), the export, the editor.
 */
import type { Page } from 'playwright-core';
import {
  button,
  chooseIdentity,
  expectText,
  E2EFailure,
  log,
  noHorizontalOverflow,
  openTab,
  shown,
  STEP_TIMEOUT,
  text,
  type Screens,
} from '../harness';

const FAIR = '冬季退役军人专场招聘会';

/** Taro's H5 modal: check what it says, then press its confirm button. */
async function confirmModal(page: Page, expected: RegExp, what: string) {
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).first();
  await expectText(modal.locator('.taro-modal__text'), expected, what);
  await modal.locator('.taro-model__confirm').click();
}

/** Browser back, then wait for what the previous page shows. */
async function back(page: Page, selector: string) {
  await page.goBack();
  await shown(page, selector).waitFor({ timeout: STEP_TIMEOUT });
}

async function elderMode(page: Page, on: boolean) {
  await openTab(page, '我的');
  const toggle = shown(page, '#elder-switch input');
  if ((await toggle.isChecked()) !== on) await toggle.click();
  if (on) await shown(page, '.page--elder').waitFor({ timeout: STEP_TIMEOUT });
  else await page.waitForFunction(() => !document.querySelector('.page--elder'), undefined, { timeout: STEP_TIMEOUT });
}

export async function fairsJourney(page: Page, url: string, shots: Screens) {
  log('resident-1: 首页 → 招聘会 → the winter fair');
  await page.goto(`${url}/`);
  await chooseIdentity(page, '群众一');
  await openTab(page, '首页');
  await text(page, '招聘会').click();
  await expectText(text(page, FAIR), FAIR, '招聘会列表');
  await expectText(shown(page, '#fairs-past'), /往期[\s\S]*秋季退役军人专场招聘会/, '往期招聘会在下面');
  await shots.take('resident-1', 'fairs');
  await text(page, FAIR).click();
  await expectText(shown(page, '#signup-state .signup-state__title'), /^还有 \d+ 个名额$/, '报名前的状态');
  await expectText(text(page, '县城投物业服务有限公司'), '县城投物业服务有限公司', '参加单位');
  await shots.take('resident-1', 'fair-detail');

  log('resident-1: sign up in two taps');
  await button(page, '我要报名').click();
  const name = shown(page, '#signup-sheet #field-name input');
  await name.waitFor({ timeout: STEP_TIMEOUT });
  // Prefilled from the profile when the platform journey saved one; a fresh database has none.
  if (!(await name.inputValue())) await name.fill('王建军');
  const phone = shown(page, '#signup-sheet #field-phone input');
  if (!(await phone.inputValue())) await phone.fill('13800138000');
  await shown(page, '#signup-sheet').getByText('B2 驾驶员', { exact: true }).click();
  await shots.take('resident-1', 'fair-signup');
  await button(page, '确认报名').click();
  const consent = text(page, '同意并继续');
  if (await consent.isVisible().catch(() => false)) await button(page, '同意并继续').click();
  await expectText(shown(page, '#signup-state .signup-state__title'), '报名成功', '报名后的状态');
  await shots.take('resident-1', 'fair-signed-up');

  log('resident-1: 我的报名 shows the QR code and the code');
  await button(page, '查看签到码').click();
  const code = await expectText(shown(page, '#code-fair-winter .fair-code__text'), /^[A-Z2-9]{8}$/, '我的报名里的签到码');
  const qr = shown(page, '#code-fair-winter .qr');
  await qr.waitFor({ timeout: STEP_TIMEOUT });
  const modules = await qr.getAttribute('data-modules');
  const rows = await qr.locator('.qr__row').count();
  if (modules !== '21' || rows !== 21) throw new E2EFailure(`二维码应是 21×21，实际 data-modules=${modules}，${rows} 行`);
  const box = await qr.boundingBox();
  if (!box || box.width < 150 || Math.abs(box.width - box.height) > 3) throw new E2EFailure(`二维码的大小不对：${JSON.stringify(box)}`);
  await shots.take('resident-1', 'fair-mine');
  log(`resident-1: check-in code ${code}`);

  log('resident-1: the same pages in 长辈模式, reached from 我的 → 我的报名');
  // One step back at a time: the router settles each page before the next.
  await back(page, '#signup-state');
  await back(page, '#fairs-upcoming');
  await back(page, '.weui-tabbar');
  await elderMode(page, true);
  await text(page, '我的报名').click();
  await expectText(shown(page, '#code-fair-winter .fair-code__text'), code, '长辈模式的我的报名');
  await noHorizontalOverflow(page, '长辈模式的我的报名');
  await shots.take('resident-1', 'fair-mine-elder');
  await shown(page, '#signup-fair-winter').getByText(FAIR, { exact: true }).click();
  await expectText(shown(page, '#signup-state .signup-state__title'), '报名成功', '长辈模式的招聘会详情');
  await noHorizontalOverflow(page, '长辈模式的招聘会详情');
  await shots.take('resident-1', 'fair-detail-elder');
  await back(page, '#signup-fair-winter');

  log('resident-1: cancel, after reading what it does');
  await shown(page, '#signup-fair-winter').locator('taro-button-core').filter({ hasText: '取消报名' }).click();
  await shots.take('resident-1', 'fair-cancel-confirm');
  await confirmModal(page, /名额/, '取消报名的确认');
  await expectText(shown(page, '#signup-fair-winter .signup-state__title'), '已取消报名', '取消后的状态');
  if ((await page.locator('#code-fair-winter').filter({ visible: true }).count()) > 0) throw new E2EFailure('取消后还显示签到码');
  await shots.take('resident-1', 'fair-cancelled');
  await back(page, '.weui-tabbar');
  await elderMode(page, false);

  log('人社局: 招聘会管理 → roster, the door, the export, the editor');
  await chooseIdentity(page, '人社局工作人员');
  await text(page, '招聘会管理').click();
  await expectText(text(page, FAIR), FAIR, '招聘会管理的列表');
  await shots.take('staff-hrss', 'fair-manage');
  await text(page, FAIR).click();
  await expectText(shown(page, '#stat-cancelled .fair-stat__value'), /^[1-9]\d*$/, '名单上的已取消人数');
  await shots.take('staff-hrss', 'fair-roster');
  await button(page, '现场签到').click();
  await shown(page, '#field-code input').fill('ZZZZZZZZ');
  await button(page, '签到').click();
  await expectText(shown(page, '#checkin-result .signup-state__title'), '查无此码', '未知签到码');
  await shown(page, '#field-code input').fill(code);
  await button(page, '签到').click();
  await expectText(shown(page, '#checkin-result .signup-state__detail'), /取消/, '已取消的签到码');
  await shots.take('staff-hrss', 'fair-checkin');
  await back(page, '#roster-summary');
  await button(page, '导出名单').click();
  await expectText(shown(page, '#roster-file'), /报名名单\.xlsx/, '导出的名单');
  await shots.take('staff-hrss', 'fair-export');
  await button(page, '编辑').click();
  const title = shown(page, '#field-title input');
  await title.waitFor({ timeout: STEP_TIMEOUT });
  if ((await title.inputValue()) !== FAIR) throw new E2EFailure('编辑页没有带出招聘会名称');
  await shots.take('staff-hrss', 'fair-edit');
  await back(page, '#roster-summary');
  await back(page, '#new-fair');
  await button(page, '发布新的招聘会').click();
  await shown(page, '#field-title input').waitFor({ timeout: STEP_TIMEOUT });
  await button(page, '发布招聘会').click();
  await expectText(shown(page, '#error-title'), '请填写招聘会名称', '空表单的提示');
  await shots.take('staff-hrss', 'fair-new-invalid');
  await back(page, '#new-fair');
  await back(page, '.weui-tabbar');
  await openTab(page, '首页');
}
