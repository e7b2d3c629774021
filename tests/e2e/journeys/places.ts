/**
 * 身边: resident-1 names 城关街道 (headless Chromium shares no location), sees places nearest first with
 * their distances, filters to 优待证 places, opens one and reads its offer; 首页 then shows the nearest
 * station and 优待 places. Stories and a volunteer sign-up (报名成功, then cancelled after a confirmation),
 * and the same pages in 长辈模式 with nothing cut off.
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
  settle,
  shown,
  text,
  type Screens,
} from '../harness';

const ROLE = 'resident-1-places';

/** The ids of the place rows on screen, in order. */
const rowIds = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#places [id^="place-"]'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.id),
  );

/** Taro's H5 modal: check what it says, then press its confirm button. */
async function confirmModal(page: Page, expected: RegExp, what: string) {
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).first();
  await expectText(modal.locator('.taro-modal__text'), expected, what);
  await modal.locator('.taro-model__confirm').click();
}

export async function placesJourney(page: Page, url: string, shots: Screens) {
  log('resident-1: 首页 asks where, 身边 opens on the 乡镇 list');
  await page.goto(`${url}/`);
  await chooseIdentity(page, '群众一');
  await openTab(page, '首页');
  await shown(page, '#home-choose-where').click();
  await expectText(text(page, '您在哪个乡镇/街道？'), '您在哪个乡镇/街道？', '身边的乡镇选择');
  await shots.take(ROLE, 'nearby-choose-region');
  await shown(page, '#region-chips').getByText('城关街道', { exact: true }).click();
  await expectText(shown(page, '#where-label'), '城关街道', '身边按城关街道排列');

  log('resident-1: nearest first, each with its distance; the H5 list links to a map app');
  await expectText(shown(page, '#place-st-chengguan .pl-distance'), /^\d+ 米$/, '城关街道服务站的距离');
  const all = await rowIds(page);
  if (all[0] !== 'place-st-chengguan') throw new E2EFailure(`离城关街道最近的应是城关街道服务站，实际是 ${all[0]}`);
  const distances = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#places .pl-distance'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const t = el.textContent ?? '';
        return t.includes('公里') ? parseFloat(t) * 1000 : parseFloat(t);
      }),
  );
  if (distances.length !== all.length || distances.some((d, i) => i > 0 && d < (distances[i - 1] ?? 0)))
    throw new E2EFailure(`身边的地点没有由近到远排列：${distances.join(', ')}`);
  const mapHref = await shown(page, '#place-st-chengguan .pl-maplink').getAttribute('href');
  if (!mapHref?.startsWith('https://uri.amap.com/marker?position=114.')) throw new E2EFailure(`地图链接不对：${mapHref}`);
  await shots.take(ROLE, 'nearby');

  log('resident-1: only places that take the 优待证');
  await shown(page, '#filter-preferential').click();
  await page.waitForFunction(() => !document.querySelector('#place-st-chengguan'), undefined, { timeout: 15_000 });
  const preferential = await rowIds(page);
  if (preferential.length === 0 || preferential.length >= all.length)
    throw new E2EFailure(`优待证筛选后应少于全部 ${all.length} 处，实际 ${preferential.length} 处`);
  const untagged = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll<HTMLElement>('#places [id^="place-"]')).filter(
        (el) => el.offsetParent !== null && !el.textContent?.includes('可用优待证'),
      ).length,
  );
  if (untagged > 0) throw new E2EFailure(`筛选后还有 ${untagged} 处不能用优待证`);
  await shots.take(ROLE, 'nearby-preferential');

  log('resident-1: open 县革命历史纪念馆 and read its offer');
  await shown(page, '#place-pf-museum').click();
  await expectText(shown(page, '#place-name'), '县革命历史纪念馆', '地点页的名称');
  await expectText(shown(page, '#place-offers'), /优待证持有人\s*讲解优先预约/, '地点页的优待内容');
  await expectText(shown(page, '#place-distance'), /^距城关街道约 .+(米|公里)$/, '地点页的距离');
  await button(page, '打电话').waitFor();
  await shots.take(ROLE, 'place-preferential');
  await page.goBack();
  await shown(page, '#place-ms-renmin').click();
  await expectText(shown(page, '#place-offers'), /优待证/, '商业街的优待内容');
  await shots.take(ROLE, 'place-street');
  await page.goBack();

  log('resident-1: a station page shows its stars, hours and services');
  await shown(page, '#filter-preferential').click();
  await shown(page, '#place-st-chengguan').click();
  await expectText(shown(page, '#place-stars'), /五星级服务站/, '服务站的星级');
  await expectText(shown(page, '#place-hours'), /工作日/, '服务站的开放时间');
  await expectText(shown(page, '#place-services'), /优待证办理/, '服务站的服务项目');
  await shots.take(ROLE, 'place-station');
  await page.goBack();

  log('resident-1: 首页 now shows the nearest station and three 优待 places');
  await page.goBack();
  await expectText(shown(page, '#home-station'), /城关街道退役军人服务站/, '首页最近的服务站');
  const offers = await page.locator('#home-nearby [id^="home-offer-"]').filter({ visible: true }).count();
  if (offers !== 3) throw new E2EFailure(`首页应列出 3 个最近的优待场所，实际 ${offers} 个`);
  await shots.take(ROLE, 'home-nearby');

  log('resident-1: stories feed and one story');
  await text(page, '双拥故事').click();
  await expectText(shown(page, '#stories'), /兵支书/, '双拥故事列表');
  await shots.take(ROLE, 'stories');
  await shown(page, '#story-story-zhang').click();
  await expectText(shown(page, '#story-title'), /张国强/, '故事标题');
  await button(page, '复制链接分享').waitFor();
  await shots.take(ROLE, 'story');
  await page.goBack();
  await shown(page, '#stories').waitFor();
  await page.goBack();
  await shown(page, '#home-station').waitFor();

  log('resident-1: sign up for a volunteer activity, then cancel it');
  await shown(page, '#home-nearby-all').click();
  // The list comes in above the link: wait for it, so the link has stopped moving.
  await shown(page, '#place-st-chengguan').waitFor();
  await shown(page, '#link-activities').click();
  await expectText(shown(page, '#activities'), /烈士陵园清扫祭扫志愿服务/, '志愿活动列表');
  await shots.take(ROLE, 'activities');
  await shown(page, '#activity-act-clean').click();
  await expectText(shown(page, '#activity-state'), /还有 30 个名额/, '报名前的名额');
  await button(page, '我要报名').click();
  // The name and phone come from resident-1's profile.
  await page.waitForFunction(
    () => /^1\d{10}$/.test(document.querySelector<HTMLInputElement>('#signup-sheet #field-phone input')?.value ?? ''),
    undefined,
    { timeout: 15_000 },
  );
  await shots.take(ROLE, 'activity-signup');
  await shown(page, '#confirm-signup').click();
  // In a browser that has not agreed yet (this journey run on its own), the consent sheet comes first.
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll<HTMLElement>('.sheet__title')).some(
        (el) => el.offsetParent !== null && el.textContent === '个人信息保护说明',
      ) || /报名成功/.test(document.querySelector('#activity-state')?.textContent ?? ''),
    undefined,
    { timeout: 15_000 },
  );
  if (await text(page, '个人信息保护说明').isVisible()) await button(page, '同意并继续').click();
  await expectText(shown(page, '#activity-state'), /报名成功/, '报名结果');
  await shots.take(ROLE, 'activity-confirmed');
  await button(page, '取消报名').click();
  await confirmModal(page, /名额/, '取消报名的确认');
  await expectText(shown(page, '#activity-state'), /还有 30 个名额/, '取消后的名额');
  await shots.take(ROLE, 'activity-cancelled');

  log('resident-1: 身边 and a place page in 长辈模式');
  // activity → activities → 身边 → 首页
  for (let i = 0; i < 3; i++) await page.goBack();
  await text(page, '长辈模式').click();
  await shown(page, '.page--elder').waitFor();
  await shown(page, '#home-station').waitFor();
  await noHorizontalOverflow(page, '长辈模式的首页');
  await shots.take(ROLE, 'home-nearby-elder');
  await shown(page, '#home-nearby-all').click();
  await shown(page, '#place-st-chengguan').waitFor();
  await noHorizontalOverflow(page, '长辈模式的身边');
  const size = await shown(page, '#place-st-chengguan .pl-row__name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  if (size < 20) throw new E2EFailure(`长辈模式下地点名称只有 ${size}px`);
  await shots.take(ROLE, 'nearby-elder');
  await shown(page, '#place-pf-museum').click();
  await expectText(shown(page, '#place-offers'), /讲解优先预约/, '长辈模式的地点页');
  await noHorizontalOverflow(page, '长辈模式的地点页');
  await shots.take(ROLE, 'place-elder');
  await page.goBack();
  await page.goBack();
  await text(page, '长辈模式：已开').click();
  await page.waitForFunction(() => !document.querySelector('.page--elder'), undefined, { timeout: 15_000 });

  log('admin: add a place from 管理身边; residents then find it in 身边');
  await chooseIdentity(page, '管理员');
  await openTab(page, '首页');
  await shown(page, '#home-nearby-all').click();
  // The list and the admin check come in above and at the link: let them settle so it holds still.
  await settle(page, '#link-manage');
  await shown(page, '#link-manage').click();
  await expectText(shown(page, '#manage-list'), /城关街道退役军人服务站/, '管理身边的地点列表');
  await shots.take('admin', 'places-manage');
  await button(page, '新增地点').click();
  await shown(page, '#field-name input').fill('城关老兵驿站');
  await shown(page, '#field-kind').getByText('优待商户和场所', { exact: true }).click();
  await shown(page, '#field-regionId').getByText('城关街道', { exact: true }).click();
  await shown(page, '#field-address input').fill('城关街道人民路 90 号');
  await shown(page, '#field-lat input').fill('30.5124');
  await shown(page, '#field-lng input').fill('114.3022');
  await shown(page, '#edit-preferential').click();
  await text(page, '＋ 添加一项优待').click();
  await shown(page, '#offer-0').locator('input').nth(0).fill('优待证持有人');
  await shown(page, '#offer-0').locator('input').nth(1).fill('免费茶水，代办快递');
  await shots.take('admin', 'place-new');
  await button(page, '保存').click();
  await expectText(shown(page, '#manage-list'), /城关老兵驿站/, '保存后的地点列表');
  await text(page, '志愿活动').click();
  await shown(page, '#manage-act-clean').click();
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('#field-title input')?.value === '烈士陵园清扫祭扫志愿服务',
    undefined,
    { timeout: 15_000 },
  );
  await shown(page, '#activity-roster, .state--empty').waitFor();
  await shots.take('admin', 'activity-edit');
  await page.goBack();
  await page.goBack();
  // Back on 身边, the list is read again: the new place, a few metres from 城关街道's centre, comes first.
  await expectText(shown(page, '#places .pl-row__name'), '城关老兵驿站', '身边列表里的新地点');
  await shots.take('admin', 'nearby-with-new-place');
}
