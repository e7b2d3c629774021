/**
 * Policies: resident-1 (a 退役士兵 in the seed) sees 为您推荐 on 首页, searches the 政策 tab for 孩子上学 as
 * people type it, sees the matched words marked, opens the first result, ticks a step, favorites it and
 * taps 就这件事求助, which opens the new-request page with 子女教育 already chosen. Pinyin initials, a
 * category chip, 长辈模式 on the tab and the detail page; the admin's catalog and edit page.
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

async function search(page: Page, q: string) {
  const box = shown(page, '#policy-search input');
  await box.waitFor({ timeout: STEP_TIMEOUT });
  await box.fill(q);
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

async function setElder(page: Page, url: string, on: boolean) {
  await page.goto(`${url}/#/pages/me/index`);
  const sw = shown(page, '#elder-switch input');
  if ((await sw.isChecked()) !== on) await sw.click();
  if (on) await shown(page, '.page--elder').waitFor({ timeout: STEP_TIMEOUT });
  else await page.waitForFunction(() => !document.querySelector('.page--elder'), undefined, { timeout: STEP_TIMEOUT });
}

export async function policiesJourney(page: Page, url: string, shots: Screens) {
  log('resident-1: 为您推荐 on 首页 from the saved identities');
  await page.goto(`${url}/`);
  await chooseIdentity(page, '群众一');
  await expectText(shown(page, '#me-role'), '群众', '群众一的身份');
  await openTab(page, '首页');
  await expectText(shown(page, '#home-recommended .section__hint'), /按您的身份（退役士兵）/, '首页的为您推荐');
  await shots.take('resident-1', 'home-recommended');

  log('resident-1: 政策 tab, search 孩子上学 as you type');
  await openTab(page, '政策');
  await expectText(shown(page, '#policy-list .list-item__title'), /\S/, '政策列表');
  await shots.take('resident-1', 'policies');
  await search(page, '孩子上学');
  await expectText(shown(page, '.policy-understood'), /按「子女」「入学」/, '搜索结果上方的理解');
  const first = shown(page, '.policy-row');
  await expectText(first.locator('.policy-row__title'), /子女/, '第一条结果');
  await expectText(first.locator('.hl').first(), /子女|入学/, '标出的匹配词');
  await shots.take('resident-1', 'policies-search');

  log('resident-1: open the first result; tick a step; favorite it');
  const title = (await first.locator('.policy-row__title').textContent())?.trim() ?? '';
  await first.click();
  await expectText(shown(page, '#policy-title'), title, '政策详情的标题');
  await expectText(shown(page, '#policy-department'), /拨打 0000-/, '部门电话');
  const step = shown(page, '#policy-steps [role="checkbox"]');
  await step.click();
  if ((await step.getAttribute('aria-checked')) !== 'true') throw new E2EFailure('点了第一步，没有勾上');
  await button(page, '☆ 收藏').click();
  await expectText(shown(page, '#policy-favorite'), '★ 已收藏', '收藏后的按钮');
  await top(page);
  await shots.take('resident-1', 'policy-detail');

  log('resident-1: 就这件事求助 opens the new-request page with the category');
  await button(page, '就这件事求助').click();
  await page.waitForURL(/#\/subpackages\/cases\/new\?category=children/, { timeout: STEP_TIMEOUT });
  await shown(page, '#field-description textarea').waitFor({ timeout: STEP_TIMEOUT });
  await expectText(shown(page, '#expectation'), /子女教育/, '求助页预先选好的类别');
  await top(page);
  await shots.take('resident-1', 'new-request-from-policy');

  log('resident-1: pinyin initials and a category chip; the favorite is listed');
  await page.goto(`${url}/#/pages/policies/index`);
  await search(page, 'ydz');
  await expectText(shown(page, '.policy-row .policy-row__title'), /优待证/, 'ydz 的第一条结果');
  await shots.take('resident-1', 'policies-search-initials');
  await search(page, '');
  await shown(page, '.policy-chips').getByText('医疗优待', { exact: true }).click();
  await expectText(shown(page, '.policy-understood'), /医疗优待类共 \d+ 条/, '按类别看');
  await text(page, '我的收藏').click();
  await expectText(shown(page, '.list-item__title'), title, '我的收藏里的政策');
  await shots.take('resident-1', 'policy-favorites');
  await page.goto(`${url}/#/subpackages/policy/for-me`);
  await expectText(shown(page, '.section__title'), /退役安置（\d+）/, '适合我的政策');
  await shots.take('resident-1', 'policy-for-me');

  log('resident-1: 长辈模式 on the tab and the detail page');
  await setElder(page, url, true);
  await page.goto(`${url}/#/pages/policies/index`);
  await search(page, '孩子上学');
  // 医疗优待 is still chosen from before: the empty result offers to look in every category.
  await button(page, '在全部类别中查找').click();
  await expectText(shown(page, '.policy-row .policy-row__title'), /子女/, '长辈模式下的搜索结果');
  await noHorizontalOverflow(page, '长辈模式的政策页');
  await shots.take('resident-1', 'policies-search-elder');
  await shown(page, '.policy-row').click();
  await expectText(shown(page, '#policy-title'), title, '长辈模式的政策详情');
  const size = await shown(page, '#policy-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  if (size < 24) throw new E2EFailure(`长辈模式下政策标题只有 ${size}px`);
  await noHorizontalOverflow(page, '长辈模式的政策详情');
  await top(page);
  await shots.take('resident-1', 'policy-detail-elder');
  await setElder(page, url, false);

  log('admin: the catalog with drafts and the edit page with its history');
  await chooseIdentity(page, '管理员');
  await openTab(page, '政策');
  await text(page, '管理政策').click();
  await expectText(shown(page, '.section__hint'), /草稿和已下线的政策只有管理员能看到/, '政策管理');
  await shots.take('admin', 'policy-admin');
  await shown(page, '.list-item--link').click();
  await expectText(shown(page, '#policy-history .section__title'), '修改记录', '编辑页的修改记录');
  await top(page);
  await shots.take('admin', 'policy-edit');
}
