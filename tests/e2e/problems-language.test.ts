// The problems of the broken interview in the language shown: Chinese on a Chinese system (the cue numbers, times
// and plurals as in English), English again at once after View > Language > English, in the Problems panel, the
// cue editor and the status bar (F8).
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupE2eSession } from '../support/e2e-session';

const session = setupE2eSession('problems-language');
/** Where the screenshot is kept to be looked at. */
const SHOTS = path.join(os.tmpdir(), 'cuewave-shots');

const messages = (page: Page) => page.locator('.problems .problem-message');

describe('problem messages in the language shown', { timeout: 300_000 }, () => {
  it('are Chinese on a Chinese system and English after switching, without reopening the file', async () => {
    const dataDir = path.join(session.work(), 'data-zh');
    mkdirSync(dataDir, { recursive: true });
    const app = await session.launch({
      files: [session.copyFixture('interview-broken.srt')],
      env: { CUEWAVE_DATA_DIR: dataDir, CUEWAVE_TEST_SYSTEM_LANGUAGES: 'zh-CN' },
    });
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');

    // Errors come first: the overlap at 01:00:00 is among them, in Chinese with its numbers and times.
    const overlapZh = '第 2141 条字幕与第 2142 条字幕重叠 400 毫秒（结束于 01:00:01,200，下一条开始于 01:00:00,800）';
    await expect.poll(() => messages(page).allTextContents()).toContain(overlapZh);
    const texts = await messages(page).allTextContents();
    expect(texts).toContain('第 150 条字幕的结束时间早于开始时间（00:04:27,833 --> 00:04:26,200，-1633 毫秒）');
    expect(texts.join('\n')).not.toMatch(/\bCue \d|overlaps|ends before/);
    // The tooltip says the same.
    const overlapRow = page.locator('.problems li.problem', { hasText: overlapZh });
    expect(await overlapRow.locator('.problem-go').getAttribute('title')).toBe(overlapZh);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'problems-zh-1280x800.png') });

    // F8 names the first problem in the status bar, in Chinese.
    await page.locator('.cue-list').click({ position: { x: 5, y: 40 } });
    await page.keyboard.press('F8');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/问题 1\/\d+：第 \d+ 条字幕时长 \d+ 毫秒/);

    await app.menu('view.languageEnglish');
    await expect
      .poll(() => messages(page).allTextContents())
      .toContain('Cue 2141 overlaps cue 2142 by 400 ms (ends 01:00:01,200, next starts 01:00:00,800)');
    expect((await messages(page).allTextContents()).join('\n')).not.toMatch(/条字幕|毫秒/);
  });
});
