// The toolbar in each language: switched from English to Chinese at a narrow window, the row measures its groups
// again (the labels changed width), so it shows exactly what a Chinese start shows, in one row with nothing cut, and
// the More menu lists the rest with their Chinese labels. Screenshots at 1280×800 and 1024×640 in Chinese (kept
// under docs/screenshots/ with CUEWAVE_SCREENSHOTS=1).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LaunchedApp } from '../support/app';
import { ROOT } from '../support/build';
import { setupE2eSession } from '../support/e2e-session';

const session = setupE2eSession('localization-layout');
const KEEP = process.env.CUEWAVE_SCREENSHOTS === '1';
const OUT = KEEP ? path.join(ROOT, 'docs/screenshots') : mkdtempSync(path.join(tmpdir(), 'cuewave-l10n-shots-'));

async function launch(system: string, width: number, height: number): Promise<LaunchedApp> {
  const dataDir = path.join(session.work(), `data-${system}-${width}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  const app = await session.launch({
    files: [session.copyFixture('interview-3min.srt'), session.copyFixture('interview-3min.mp4')],
    env: { CUEWAVE_DATA_DIR: dataDir, CUEWAVE_TEST_SYSTEM_LANGUAGES: system },
  });
  await app.page.setViewportSize({ width, height });
  await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
  return app;
}

/** The toolbar's shown buttons (More included): name, row, whether the label is cut. */
async function shownButtons(page: Page) {
  return page.locator('.toolbar').evaluate((toolbar) =>
    [...toolbar.querySelectorAll('button')]
      .filter((b) => b.offsetParent !== null && !b.closest('[role="menu"]'))
      .map((b) => {
        const r = b.getBoundingClientRect();
        return {
          name: b.textContent ?? '',
          top: Math.round(r.top),
          right: r.right,
          cut: b.scrollWidth > b.clientWidth,
        };
      }),
  );
}

/** How many toolbar groups are shown once the row has settled after a resize or a language change. */
async function settledGroups(page: Page): Promise<number> {
  let last = -1;
  let same = 0;
  for (let i = 0; i < 40 && same < 3; i++) {
    const now = await page.locator('.toolbar > .toolbar-group:not([hidden])').count();
    same = now === last ? same + 1 : 0;
    last = now;
    await page.waitForTimeout(50);
  }
  return last;
}

describe('the toolbar in each language', { timeout: 300_000 }, () => {
  it('re-measures its groups when the language changes, and shows what a Chinese start shows', async () => {
    const fresh = await launch('zh-CN', 1024, 640);
    await fresh.page.getByRole('button', { name: '保存', exact: true }).waitFor();
    const chineseGroups = await settledGroups(fresh.page);
    await fresh.page.screenshot({ path: path.join(OUT, 'layout-1024-zh-Hans.png') });
    await fresh.page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => fresh.page.getByRole('button', { name: '更多', exact: true }).count()).toBe(0);
    await fresh.page.screenshot({ path: path.join(OUT, 'layout-1280-zh-Hans.png') });
    // The help overlay lists every command, the language commands too, under the groups' Chinese names.
    await fresh.page.getByRole('grid').first().focus();
    await fresh.page.keyboard.press('F1');
    const help = fresh.page.getByRole('dialog', { name: '键盘快捷键' });
    await help.waitFor();
    for (const text of ['语言：跟随系统', '语言：English', '语言：简体中文', '视图', '时间调整'])
      expect(await help.getByText(text, { exact: true }).count(), text).toBe(1);
    await fresh.page.screenshot({ path: path.join(OUT, 'help-1280-zh-Hans.png') });
    // …and its button opens the shortcut editor, grouped the same way.
    await help.getByRole('button', { name: '更改快捷键…' }).click();
    const editor = fresh.page.getByRole('dialog', { name: '编辑键盘快捷键' });
    await editor.waitFor();
    expect(await editor.getByRole('rowheader', { name: '语言：简体中文' }).count()).toBe(1);
    expect(await editor.getByRole('button', { name: '更改“保存”的快捷键' }).count()).toBe(1);
    await fresh.page.screenshot({ path: path.join(OUT, 'shortcuts-1280-zh-Hans.png') });
    await fresh.page.keyboard.press('Escape');

    const app = await launch('en-US', 1024, 640);
    const { page } = app;
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    const englishGroups = await settledGroups(page);
    // The Chinese labels are shorter: a fresh measure fits more groups, so a stale one would show.
    expect(chineseGroups).toBeGreaterThan(englishGroups);

    await app.menu('view.languageChinese');
    await page.getByRole('button', { name: '保存', exact: true }).waitFor();
    expect(await settledGroups(page)).toBe(chineseGroups);
    const buttons = await shownButtons(page);
    expect(new Set(buttons.map((b) => b.top)).size).toBe(1);
    expect(buttons.filter((b) => b.cut)).toEqual([]);
    expect(Math.max(...buttons.map((b) => b.right))).toBeLessThanOrEqual(1024);
    for (const name of ['保存', '撤销', '重做', '拆分', '合并'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);

    // Narrower: what does not fit is under 更多 (More), with the command table's Chinese labels.
    await page.setViewportSize({ width: 800, height: 640 });
    await page.getByRole('button', { name: '更多', exact: true }).click();
    const items = await page.getByRole('menu', { name: '更多工具' }).getByRole('menuitem').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((item) => item.startsWith('偏移时间…'))).toBe(true);
    await page.keyboard.press('Escape');

    // And back to English at the first width: measured again, as many groups as at the English start.
    await page.setViewportSize({ width: 1024, height: 640 });
    await app.menu('view.languageEnglish');
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    expect(await settledGroups(page)).toBe(englishGroups);
  });
});
