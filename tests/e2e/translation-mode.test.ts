// Translation mode in the built renderer: the interview (3 minutes) opened as the read-only original beside an English
// translation of its first 40 cues made by a script (tests/support/translation.ts); Save writes only the translation.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { formatSrtTime, parseTime } from '../../src-shared/time';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath, readFixtureBytes, readFixtureText } from '../support/fixtures';
import { makeEnglishTranslation } from '../support/translation';

const { copyFixture, launch, work } = setupE2eSession('translation-mode');
const ORIGINAL_CUES = readSrt(readFixtureText('interview-3min.srt')).doc.cues;

const grid = (page: Page) => page.getByRole('grid', { name: 'Cues' });
const row = (page: Page, n: number) => grid(page).locator(`[aria-rowindex="${n + 1}"]`);
const cell = (page: Page, n: number, column: string) => row(page, n).locator(`.${column}`);
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function translating(
  media: string[] = [],
): Promise<{ page: Page; translation: string; original: string; launched: Awaited<ReturnType<typeof launch>> }> {
  const translation = path.join(work(), `${Date.now()}-interview.en.srt`);
  writeFileSync(translation, makeEnglishTranslation(readFixtureText('interview-3min.srt'), 1, 40));
  const original = copyFixture('interview-3min.srt');
  const launched = await launch({ files: [translation, ...media] });
  const page = launched.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
  await launched.dialogs.queueOpen(original);
  await launched.menu('file.openOriginal');
  await grid(page).getByRole('columnheader', { name: 'Original (61 untranslated)' }).waitFor();
  return { page, translation, original, launched };
}

describe('translation mode', () => {
  it('shows the original beside the translation, read-only above the Text box, untranslated cues marked', async () => {
    const { page } = await translating();
    expect(await cell(page, 1, 'col-original').textContent()).toBe(ORIGINAL_CUES[0]!.text);
    expect(await cell(page, 1, 'col-text').textContent()).toMatch(/^Line 1: /);
    await row(page, 3).click();
    const original = field(page, 'Original text');
    expect(await original.inputValue()).toBe(ORIGINAL_CUES[2]!.text);
    expect(await original.getAttribute('readonly')).not.toBeNull();
    expect(await field(page, 'Text').inputValue()).toMatch(/^Line 3: /);
    // The 61 original cues after the 40th have no translation: its row carries the mark.
    await grid(page).evaluate((element) => {
      element.scrollTop = 40 * 26;
    });
    expect(await cell(page, 40, 'col-original').locator('.untranslated-mark').textContent()).toBe('+61');
    await page.screenshot({ path: path.join(tmpdir(), 'cuewave-translation-mode.png') });
  });

  it('a timing edit moves the translation with its original; Save writes only the translation', async () => {
    const { page, translation, original } = await translating();
    await row(page, 3).click();
    // Move cue 3 to 20 s, where original cue 14 plays: it stays beside its own original, which moves with it (the
    // label would name the original's times if they differed).
    await field(page, 'End').fill('00:00:21,000');
    await field(page, 'End').press('Enter');
    await field(page, 'Start').fill('00:00:20,000');
    await field(page, 'Start').press('Enter');
    expect(await field(page, 'Original text').inputValue()).toBe(ORIGINAL_CUES[2]!.text);
    expect(await page.locator('.original-text .field-label').textContent()).toBe(
      `Original (${path.basename(original)})`,
    );
    await field(page, 'Text').fill('So I can do whatever I want now');
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => !document.querySelector('[data-testid="file-name"]')?.textContent?.includes('•'));
    const saved = readSrt(readFileSync(translation, 'utf8')).doc.cues;
    expect(saved).toHaveLength(40);
    expect(saved.find((c) => c.text === 'So I can do whatever I want now')).toMatchObject({
      startMs: 20_000,
      endMs: 21_000,
    });
    expect(saved.some((c) => /\p{Script=Han}/u.test(c.text))).toBe(false);
    expect(readFileSync(original)).toEqual(readFixtureBytes('interview-3min.srt'));
  });

  it('dragging a cue on the timeline moves its original too; Save Original As writes it; one undo restores both', async () => {
    const { page, launched } = await translating([fixturePath('interview-3min.wav')]);
    await expect.poll(() => page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
    await row(page, 3).click();
    const block = page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Cue 3', exact: true });
    const box = await block.boundingBox();
    if (!box) throw new Error('cue 3 is not on the timeline');
    expect(box.width).toBeGreaterThan(40);
    // Drag the body 60 px later, Alt held (no snapping).
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.keyboard.down('Alt');
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    const cue3 = ORIGINAL_CUES[2]!;
    await expect.poll(() => field(page, 'Start').inputValue()).not.toBe(formatSrtTime(cue3.startMs));
    const startMs = parseTime(await field(page, 'Start').inputValue()) as number;
    const shift = startMs - cue3.startMs;
    expect(shift).toBeGreaterThan(500);
    expect(await field(page, 'End').inputValue()).toBe(formatSrtTime(cue3.endMs + shift));

    // The original moved by the same amount: File > Save Original As… writes it so.
    const saved = path.join(work(), `${Date.now()}-retimed.zh.srt`);
    await launched.dialogs.queueSave(saved);
    await launched.menu('file.saveOriginalAs');
    await expect.poll(() => existsSync(saved)).toBe(true);
    const retimed = readSrt(readFileSync(saved, 'utf8')).doc.cues;
    expect(retimed.map((c) => c.text)).toEqual(ORIGINAL_CUES.map((c) => c.text));
    expect(retimed.map((c) => [c.startMs, c.endMs])).toEqual(
      ORIGINAL_CUES.map((c, i) => (i === 2 ? [c.startMs + shift, c.endMs + shift] : [c.startMs, c.endMs])),
    );

    // One undo puts both back: the translation's cue 3, and the original byte for byte.
    await grid(page).focus();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(cue3.startMs));
    expect(await field(page, 'End').inputValue()).toBe(formatSrtTime(cue3.endMs));
    const restored = path.join(work(), `${Date.now()}-restored.zh.srt`);
    await launched.dialogs.queueSave(restored);
    await launched.menu('file.saveOriginalAs');
    await expect.poll(() => existsSync(restored)).toBe(true);
    expect(readFileSync(restored)).toEqual(readFixtureBytes('interview-3min.srt'));
  }, 120_000);

  it('adds empty cues for the untranslated originals; they are marked until translated', async () => {
    const { page } = await translating();
    await grid(page).focus();
    await page.keyboard.press('Control+Alt+M');
    await grid(page).getByRole('columnheader', { name: 'Original', exact: true }).waitFor();
    expect(await page.getByTestId('cue-count').textContent()).toBe('101');
    // The first added cue (41) is selected, empty and marked; its original is above the Text box.
    expect(await field(page, 'Original text').inputValue()).toBe(ORIGINAL_CUES[40]!.text);
    expect(await field(page, 'Text').inputValue()).toBe('');
    expect(await row(page, 41).getAttribute('class')).toContain('untranslated');
    await field(page, 'Text').fill('Translated now');
    expect(await row(page, 41).getAttribute('class')).not.toContain('untranslated');
  });
});
