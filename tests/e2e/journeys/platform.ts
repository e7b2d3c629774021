/**
 * The platform: anonymous 首页/政策/办事/我的; resident-1 saves a profile through the consent sheet and keeps
 * 长辈模式 across a reload; the admin creates an invite; a new user binds with it and is 教育局 staff.
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

export async function platformJourney(page: Page, url: string, shots: Screens) {
  log('anonymous: 首页 shows the categories from meta.get');
  await page.goto(`${url}/`);
  await expectText(text(page, '退役安置'), '退役安置', '首页的服务类别');
  await expectText(text(page, '现役军人家庭'), '现役军人家庭', '首页的服务类别');
  await shots.take('anonymous', 'home');
  await openTab(page, '政策');
  await expectText(text(page, '大家常搜：'), '大家常搜：', '政策页');
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
  await shown(page, '#invite-units').getByText('教育局', { exact: true }).click();
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
