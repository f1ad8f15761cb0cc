// Localization: the interface speaks English or Simplified Chinese — the OS's language unless the `language`
// setting says otherwise, switched at once from View > Language and remembered; and in the pseudo-locale every
// text on the editor, in each dialog and in the help overlay comes from the catalog (none is written in the code).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppCommandId } from '../../src-shared/ipc-contract';
import type { LaunchedApp } from '../support/app';
import { setupE2eSession } from '../support/e2e-session';
import { strayTexts } from '../support/i18n-scan';

const session = setupE2eSession('localization');

async function launch(options: { system: string; settings?: object; files?: string[] }): Promise<LaunchedApp> {
  const dataDir = path.join(session.work(), `data-${options.system}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  if (options.settings) writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify(options.settings)}\n`);
  const app = await session.launch({
    files: options.files ?? [],
    env: { CUEWAVE_DATA_DIR: dataDir, CUEWAVE_TEST_SYSTEM_LANGUAGES: options.system },
  });
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
  return app;
}

const TOOLBAR_ZH = ['保存', '撤销', '重做', '拆分', '合并'];
/** Screenshots to look at (the README's are made by localization-layout.test.ts and layout-sizes.test.ts). */
const SHOTS = mkdtempSync(path.join(tmpdir(), 'cuewave-i18n-shots-'));

describe('the interface language', { timeout: 300_000 }, () => {
  it('follows the OS: Chinese on a Chinese system, with the toolbar named in Chinese', async () => {
    const app = await launch({ system: 'zh-CN,en-US', files: [session.copyFixture('interview-3min.srt')] });
    const { page } = app;
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    for (const name of TOOLBAR_ZH)
      await expect.poll(() => page.getByRole('button', { name, exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
  });

  it('takes the setting over the OS, switches at once from View > Language and remembers it', async () => {
    const app = await launch({
      system: 'zh-CN',
      settings: { language: 'en' },
      files: [session.copyFixture('interview-3min.srt')],
    });
    const { page } = app;
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    await app.menu('view.languageChinese');
    await page.getByRole('button', { name: '保存', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await expect
      .poll(() => JSON.parse(readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8')).language)
      .toBe('zh-Hans');
    await app.menu('view.languageSystem');
    // The system is Chinese: the interface stays Chinese, the setting is `system` again.
    await page.getByRole('button', { name: '保存', exact: true }).waitFor();
    await expect
      .poll(() => JSON.parse(readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8')).language)
      .toBe('system');
    await app.menu('view.languageEnglish');
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
  });
});

/** Every dialog of the command table, opened by its command (the names differ by language). */
const DIALOGS: (AppCommandId | { key: string })[] = [
  'edit.find',
  'edit.replace',
  'timing.shift',
  { key: 'Control+Shift+Y' },
  'timing.autoSync',
  'timing.snapToSpeech',
  'timing.postProcess',
  'timing.goToTime',
  'help.editShortcuts',
  'text.spellCheck',
  'text.breakLines',
  'text.unbreakLines',
  { key: 'Control+Shift+F' },
  'file.splitBilingual',
  { key: 'F1' },
];

describe('the pseudo-locale', { timeout: 600_000 }, () => {
  it('shows only catalog strings on the editor, in each dialog and in the help overlay', async () => {
    const app = await launch({
      system: 'en-XA',
      files: [session.copyFixture('interview-3min.srt'), session.copyFixture('interview-3min.mp4')],
    });
    const { page } = app;
    await expect.poll(() => page.locator('[data-state="ready"]').count()).toBeGreaterThan(0);
    const stray: string[] = [];
    const collect = async (context: string, within?: string) => {
      for (const { where, text } of await strayTexts(page, within)) stray.push(`${context}: ${where}: ${text}`);
    };
    await collect('editor');
    for (const command of DIALOGS) {
      if (typeof command === 'string') await app.menu(command);
      else {
        await page.getByRole('grid').first().focus();
        await page.keyboard.press(command.key);
      }
      await page.getByRole('dialog').first().waitFor({ timeout: 10_000 });
      await collect(`dialog ${JSON.stringify(command)}`, '[role="dialog"]');
      await page.keyboard.press('Escape');
      const docked = page.locator('[role="dialog"] button.dock-close');
      if (await docked.count()) await docked.first().click();
      await expect
        .poll(() => page.getByRole('dialog').count(), { message: `${JSON.stringify(command)} closes` })
        .toBe(0);
    }
    // The waveform's context menu.
    const wave = await page.locator('canvas.waveform').boundingBox();
    if (!wave) throw new Error('no waveform');
    await page.mouse.click(wave.x + wave.width / 2, wave.y + wave.height / 2, { button: 'right' });
    await page.locator('.waveform-menu').waitFor();
    await collect('waveform menu', '.waveform-menu');
    await page.keyboard.press('Escape');
    // The More menu of a narrower window.
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.locator('button.tool-more').click();
    await collect('More menu', '.toolbar-more');
    await page.keyboard.press('Escape');
    // Unsaved changes, asked before closing an edited file.
    await page.locator('.cue-editor textarea').first().fill('edited');
    await app.menu('file.close');
    await page.getByRole('dialog').first().waitFor();
    await collect('unsaved changes', '[role="dialog"]');
    expect(stray).toEqual([]);
  });
});

describe.each(['en', 'zh-Hans'] as const)('layout in %s', { timeout: 300_000 }, (language) => {
  it('keeps the toolbar in one row with nothing cut at 1280×800 and 1024×640, panels on screen', async () => {
    const app = await launch({
      system: 'en-US',
      settings: { language },
      files: [session.copyFixture('interview-3min.srt'), session.copyFixture('interview-3min.mp4')],
    });
    const { page } = app;
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    await expect.poll(() => page.locator('canvas.waveform').getAttribute('data-state')).toBe('ready');
    for (const [width, height] of [
      [1280, 800],
      [1024, 640],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const buttons = await page.locator('.toolbar').evaluate((toolbar) =>
        [...toolbar.querySelectorAll('button')]
          .filter((b) => b.offsetParent !== null)
          .map((b) => {
            const r = b.getBoundingClientRect();
            return { name: b.textContent, top: r.top, right: r.right, cut: b.scrollWidth > b.clientWidth };
          }),
      );
      expect(new Set(buttons.map((b) => b.top)).size, `${width}: one row`).toBe(1);
      expect(buttons.filter((b) => b.cut)).toEqual([]);
      expect(Math.max(...buttons.map((b) => b.right))).toBeLessThanOrEqual(width);
      // At 1280 every command is on the row (no More menu).
      if (width === 1280) expect(await page.locator('button.tool-more').count()).toBe(0);
      for (const panel of ['.cue-list', 'section.timeline', 'section.problems']) {
        const b = await page.locator(panel).first().boundingBox();
        expect(b, panel).not.toBeNull();
        if (!b) continue;
        expect(b.x + b.width, panel).toBeLessThanOrEqual(width + 0.5);
        expect(b.y + b.height, panel).toBeLessThanOrEqual(height + 0.5);
        expect(b.height, panel).toBeGreaterThanOrEqual(110);
      }
      const cutHeaders = await page
        .locator('.cue-list [role="columnheader"]')
        .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
      expect(cutHeaders).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `editor-${language}-${width}.png`) });
    }
  });
});
