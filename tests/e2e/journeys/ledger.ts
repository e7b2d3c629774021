/**
 * The 创建 ledger: 教育局 staff open their tasks, see another department's task read-only, open 2.3
 * (军人子女入学入托优待落实, linked to 教育局's 三率), are refused 「自评达标」 without evidence, add
 * evidence with a file, record a 检视问题 and mark the task ready with a self score. The 双拥办 dispatcher
 * opens the board, accepts 2.3 and sees 教育局's bar move; then the weekly report, the sample template,
 * the export and its import back (2.3 stays accepted); 长辈模式 on the board and the task.
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

// A 1×1 PNG: the photo of the enrolment sheet the department attaches.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EVIDENCE_NAME = '2026年秋季学期军人子女入学安排表';
const EVIDENCE_TEXT = '本学期 12 名军人子女全部按意愿安排到城关小学、河口中学，名单已公示。';
const PROBLEM = '2 名随军子女入托手续还没办完';

/** Back through the history until the tab bar shows (subpackage pages have none). */
async function backToTabs(page: Page) {
  for (let i = 0; i < 10; i++) {
    if (await shown(page, '.weui-tabbar').isVisible()) return;
    await page.goBack();
    await page.waitForTimeout(200);
  }
  throw new E2EFailure('回不到有底部标签栏的页面');
}

async function setElderMode(page: Page, on: boolean) {
  await backToTabs(page);
  await shown(page, '.weui-tabbar').getByText('我的', { exact: true }).click();
  const input = shown(page, '#elder-switch input');
  if ((await input.isChecked()) !== on) await input.click();
  if (on) await shown(page, '.page--elder').waitFor({ timeout: STEP_TIMEOUT });
  else await page.waitForFunction(() => !document.querySelector('.page--elder'), undefined, { timeout: STEP_TIMEOUT });
}

/** Clicks what opens the file chooser (agreeing to the privacy notice if it asks first) and gives it a file. */
async function chooseFile(
  page: Page,
  opener: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  beforeChooser?: () => Promise<void>,
) {
  const chooser = page.waitForEvent('filechooser', { timeout: STEP_TIMEOUT });
  // A step before the chooser may fail first: that failure is the one to report, not an unhandled wait.
  chooser.catch(() => undefined);
  await shown(page, opener).click();
  if (beforeChooser) await beforeChooser();
  const consent = text(page, '同意并继续');
  if (await consent.isVisible().catch(() => false)) await button(page, '同意并继续').click();
  await (await chooser).setFiles(file);
}

/** The share of its track a bar's fill covers, 0–1. */
const fillShare = (page: Page, bar: string) =>
  shown(page, `${bar} .figure-bar__fill`).evaluate(
    (el) => el.getBoundingClientRect().width / (el.parentElement?.getBoundingClientRect().width ?? 1),
  );

export async function ledgerJourney(page: Page, url: string, shots: Screens) {
  await page.goto(`${url}/`);

  log('教育局 staff: 我的任务 in the ledger');
  await chooseIdentity(page, '教育局工作人员');
  await text(page, '创建台账').click();
  await expectText(shown(page, '#ledger-title'), '教育局 · 创建任务', '台账标题');
  const mine = shown(page, '#task-list');
  await expectText(mine.locator('#task-2\\.3'), /军人子女入学入托优待落实.*未开始/, '我的任务里的 2.3');
  if ((await mine.locator('.lg-tag--readonly').count()) > 0) throw new E2EFailure('「我的任务」里不应有只读的任务');
  await shots.take('staff-edu', 'ledger-mine');

  log('教育局 staff: another department’s task is read-only');
  await shown(page, '#tab-all').click();
  await expectText(shown(page, '#task-2\\.2'), /帮扶解困.*只读/, '全部任务里民政局的 2.2');
  await shots.take('staff-edu', 'ledger-all');
  await shown(page, '#task-2\\.2').click();
  await expectText(shown(page, '#readonly-note'), /由民政局、人武部负责，您可以查看，不能修改/, '只读任务的说明');
  for (const control of ['#evidence-form', '#self-ready', '#problem-add']) {
    if (
      await shown(page, control)
        .isVisible()
        .catch(() => false)
    )
      throw new E2EFailure(`只读任务上不应出现 ${control}`);
  }
  await shots.take('staff-edu', 'task-readonly');
  await page.goBack();

  log('教育局 staff: task 2.3, its live 三率, refused without evidence');
  await shown(page, '#tab-mine').click();
  await shown(page, '#task-2\\.3').click();
  await expectText(shown(page, '#task-title'), '军人子女入学入托优待落实', '任务页标题');
  await expectText(shown(page, '#live-figure'), /求助办理三率 · 教育局/, '2.3 的实时数据');
  await expectText(shown(page, '#live-response'), /响应率/, '实时数据里的响应率');
  await shown(page, '#field-self-score input').fill('2');
  await button(page, '标记自评达标').click();
  await expectText(shown(page, '#self-error'), '请先上传至少一份佐证材料，再标记自评达标', '没有材料时的拒绝');
  await shots.take('staff-edu', 'task-refused');

  log('教育局 staff: evidence with a photo, a 检视问题, then 自评达标');
  await shown(page, '#field-evidence-name input').fill(EVIDENCE_NAME);
  await shown(page, '#field-evidence-description textarea').fill(EVIDENCE_TEXT);
  await chooseFile(page, '#evidence-choose', { name: '入学安排表.png', mimeType: 'image/png', buffer: PNG });
  await expectText(shown(page, '#evidence-file-name'), /入学安排表\.png\s*已上传/, '上传的佐证文件');
  await shots.take('staff-edu', 'evidence-form');
  await button(page, '添加材料').click();
  await expectText(
    shown(page, '#task-notice'),
    `已添加佐证材料「${EVIDENCE_NAME}」。材料齐了，就可以在下面标记自评达标。`,
    '添加材料后的提示',
  );
  await expectText(shown(page, '#evidence-list'), new RegExp(`${EVIDENCE_NAME}.*查看文件`), '材料列表');
  await expectText(shown(page, '#task-head'), /推进中/, '有材料后的状态');

  await button(page, '新增检视问题').click();
  await shown(page, '#field-problem-description textarea').fill(PROBLEM);
  await shown(page, '#field-problem-measure textarea').fill('与城关幼儿园对接，12 月 15 日前办结');
  await shown(page, '#field-problem-person input').fill('王科长');
  await shots.take('staff-edu', 'problem-sheet');
  await shown(page, '#problem-sheet').locator('taro-button-core').filter({ hasText: '保存' }).click();
  await expectText(shown(page, '#task-notice'), /已记下这条检视问题/, '保存检视问题后的提示');
  await expectText(shown(page, '#problems'), new RegExp(`${PROBLEM}.*待整改.*王科长`), '检视问题列表');

  await shown(page, '#field-self-score input').fill('2');
  await shown(page, '#field-self-note textarea').fill('入学优待已全部落实，名单和公示照片已上传。');
  await button(page, '标记自评达标').click();
  await expectText(shown(page, '#task-notice'), /^已标记自评达标/, '自评达标后的提示');
  await expectText(shown(page, '#task-head'), /自评达标/, '自评达标后的状态');
  await expectText(shown(page, '#ready-note'), /自评 2 分/, '自评分');
  await expectText(shown(page, '#task-record'), /入学优待已全部落实/, '工作记录');
  await shots.take('staff-edu', 'task-ready');

  log('教育局 staff: 长辈模式 on the task');
  await setElderMode(page, true);
  await text(page, '创建台账').click();
  await shown(page, '#task-2\\.3').click();
  await expectText(shown(page, '#task-title'), '军人子女入学入托优待落实', '长辈模式的任务页');
  await noHorizontalOverflow(page, '长辈模式的任务页');
  await shots.take('staff-edu', 'task-elder');
  await setElderMode(page, false);

  log('双拥办调度: the board; accept 2.3 and 教育局 moves');
  await chooseIdentity(page, '双拥办调度');
  await text(page, '创建台账').click();
  await expectText(shown(page, '#ledger-title'), '双拥模范县创建台账', '双拥办的台账标题');
  await shots.take('dispatcher', 'ledger');
  await shown(page, '#link-board').click();
  const edu = '#bar-dept-edu';
  await expectText(shown(page, `${edu} .figure-bar__detail`), /已验收 0\/2 项，自评达标 1 项/, '验收前教育局的进度');
  await expectText(shown(page, `${edu} .figure-bar__pct`), '25%', '验收前教育局的完成度（两项里一项自评达标，算半项）');
  const before = await fillShare(page, edu);
  const expectedBefore = Number((await shown(page, '#board-expected').textContent()) ?? '0');
  await expectText(shown(page, '#ready-2\\.3'), /军人子女入学入托优待落实.*自评 2\/2 分.*材料 1 份/, '等待验收里的 2.3');
  await shots.take('dispatcher', 'board');
  await shown(page, '#accept-2\\.3').click();
  await shown(page, '#field-accept-score input').fill('2');
  await shots.take('dispatcher', 'accept-sheet');
  await shown(page, '#accept-sheet').locator('taro-button-core').filter({ hasText: '验收通过' }).click();
  await expectText(shown(page, '#board-notice'), '已验收 2.3，得分 2 分。进度已更新。', '验收后的提示');
  await expectText(shown(page, `${edu} .figure-bar__detail`), /已验收 1\/2 项/, '验收后教育局的进度');
  await expectText(shown(page, `${edu} .figure-bar__pct`), '50%', '验收后教育局的完成度');
  const after = await fillShare(page, edu);
  if (Math.abs(before - 0.25) > 0.01 || Math.abs(after - 0.5) > 0.01)
    throw new E2EFailure(`教育局的横条应从 25% 变到 50%，实际从 ${(before * 100).toFixed(0)}% 到 ${(after * 100).toFixed(0)}%`);
  const expectedAfter = Number((await shown(page, '#board-expected').textContent()) ?? '0');
  if (expectedAfter !== expectedBefore) throw new E2EFailure(`自评 2 分、验收 2 分，预计得分不该变：${expectedBefore} → ${expectedAfter}`);
  await shots.take('dispatcher', 'board-accepted');

  log('双拥办调度: 长辈模式 on the board');
  await setElderMode(page, true);
  await text(page, '创建台账').click();
  await shown(page, '#link-board').click();
  await expectText(shown(page, `${edu} .figure-bar__pct`), '50%', '长辈模式的看板');
  await noHorizontalOverflow(page, '长辈模式的看板');
  await shots.take('dispatcher', 'board-elder');
  await setElderMode(page, false);

  log('双拥办调度: the weekly report with its .xlsx');
  await text(page, '创建台账').click();
  await shown(page, '#link-report').click();
  await expectText(shown(page, '#report-changed'), /2\.3 军人子女入学入托优待落实\s*双拥办验收/, '本期更新里的 2.3');
  await expectText(shown(page, '#report-live-2\\.3'), /求助办理三率 · 教育局/, '报告里的实时数据');
  const reportLink = shown(page, '#report-file');
  await expectText(reportLink, /创建工作定期报告-.*\.xlsx/, '报告的 Excel');
  const report = await fetch(new URL((await reportLink.getAttribute('href')) ?? '', url));
  if (!report.ok || (await report.arrayBuffer()).byteLength < 1000) throw new E2EFailure(`报告下载不了（${report.status}）`);
  await shots.take('dispatcher', 'report');
  await page.goBack();

  log('双拥办调度: the sample template; the export, imported back');
  await shown(page, '#link-standard').click();
  await shown(page, '#standard-sample-run').click();
  const sampleLink = shown(page, '#standard-sample-link');
  await expectText(sampleLink, /考评标准-示例模板\.xlsx/, '示例模板');
  const sample = await fetch(new URL((await sampleLink.getAttribute('href')) ?? '', url));
  if (!sample.ok || (await sample.arrayBuffer()).byteLength < 1000) throw new E2EFailure(`示例模板下载不了（${sample.status}）`);
  await shown(page, '#standard-export-run').click();
  const exportLink = shown(page, '#standard-export-link');
  await expectText(exportLink, /创建考评台账\.xlsx/, '导出的台账');
  const exported = await fetch(new URL((await exportLink.getAttribute('href')) ?? '', url));
  if (!exported.ok) throw new E2EFailure(`导出的台账下载不了（${exported.status}）`);
  const exportedBytes = Buffer.from(await exported.arrayBuffer());
  await chooseFile(
    page,
    '#import-choose',
    { name: '创建考评台账.xlsx', mimeType: 'application/octet-stream', buffer: exportedBytes },
    async () => {
      // Taro's H5 modal asks first; its confirm opens the chooser.
      const modal = page.locator('.taro-modal__content').filter({ visible: true }).first();
      await expectText(modal.locator('.taro-modal__text'), /材料、得分、负责人和检视问题都会保留/, '导入前的确认');
      await modal.locator('.taro-model__confirm').click();
    },
  );
  // The export writes each 乡镇's part of 10.2 as a row of its own: 77 rows and 8 parts.
  await expectText(shown(page, '#import-result'), /已导入.*10 个大项、85 项考评内容，新增 0 项任务，更新 85 项/, '导入结果');
  await shots.take('dispatcher', 'standard');
  await page.goBack();
  await expectText(shown(page, '#ledger-summary'), /已验收 1 项/, '导入导出的台账后 2.3 仍是已验收');
  await backToTabs(page);
}
