// The editing tools in the built renderer: split (caret, playhead), merge, insert/delete, shift, two-point sync,
// find and replace, undo/redo, the unsaved-changes prompt, the help overlay, and cue text that must stay text.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath } from '../support/fixtures';

const { app, copyFixture, launch, work } = setupE2eSession('editor-tools');

async function open(files: string[]): Promise<Page> {
  const app = await launch({ files });
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
  return app.page;
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Cues' });
/** The row of cue number `n` (1-based); the header is row 1. Only rows in view exist (virtualized). */
const row = (page: Page, n: number) => grid(page).locator(`[aria-rowindex="${n + 1}"]`);
/** Scrolls the list so the row of cue `n` exists, then returns it. */
async function rowInView(page: Page, n: number) {
  await grid(page).evaluate(
    (element, top) => {
      element.scrollTop = top;
    },
    Math.max(0, (n - 3) * 26),
  );
  const located = row(page, n);
  await located.waitFor();
  return located;
}
const cueCount = async (page: Page) => Number(await page.getByTestId('cue-count').textContent());
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describe('editing tools', () => {
  it('splits at the text caret and at the playhead, merges back, undoes and redoes everything', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    expect(await cueCount(page)).toBe(101);
    await row(page, 7).click();
    expect(await field(page, 'Text').inputValue()).toBe('才发现你在Meta已经工作10年了');
    // Caret after "才发现你在Meta" (9 characters), then Split from the toolbar (it keeps the caret).
    await field(page, 'Text').click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Split' }).click();
    expect(await cueCount(page)).toBe(102);
    expect(await row(page, 7).locator('[role="gridcell"]').nth(5).textContent()).toBe('才发现你在Meta');
    expect(await row(page, 8).locator('[role="gridcell"]').nth(5).textContent()).toBe('已经工作10年了');
    // Merge the selected cue with the next one.
    await row(page, 7).click();
    await page.getByRole('button', { name: 'Merge' }).click();
    expect(await cueCount(page)).toBe(101);
    // Split at the playhead: click the timeline inside cue 7 (00:00:11,166 - 00:00:13,866), keyboard shortcut.
    await row(page, 7).click();
    const block = page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Cue 7', exact: true });
    const box = (await block.boundingBox())!;
    const waveform = (await page.getByRole('img', { name: 'Waveform' }).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, waveform.y + 3);
    await page.keyboard.press('Control+Shift+K');
    expect(await cueCount(page)).toBe(102);
    const splitAt = await field(page, 'End').inputValue();
    expect(splitAt > '00:00:11,166' && splitAt < '00:00:13,866').toBe(true);
    // Undo everything (split, merge, split), then redo it all.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Z');
    expect(await cueCount(page)).toBe(101);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('file-name').textContent()).not.toContain('•');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Redo' }).click();
    expect(await cueCount(page)).toBe(102);
    expect(await page.getByTestId('file-name').textContent()).toContain('•');
  });

  it('inserts after and before, types into the new cue and deletes it', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    await row(page, 4).click();
    await page.getByRole('button', { name: 'Insert after' }).click();
    expect(await cueCount(page)).toBe(102);
    // The new cue fills the gap to the next cue (00:00:07,800 - 00:00:08,166) and its Text box has the focus.
    expect(await field(page, 'Start').inputValue()).toBe('00:00:07,800');
    expect(await field(page, 'End').inputValue()).toBe('00:00:08,166');
    await page.keyboard.type('新的 cue');
    expect(await row(page, 5).locator('[role="gridcell"]').nth(5).textContent()).toBe('新的 cue');
    await page.getByRole('button', { name: 'Delete' }).click();
    expect(await cueCount(page)).toBe(101);
    await page.getByRole('button', { name: 'Insert before' }).click();
    expect(await cueCount(page)).toBe(102);
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    expect(await cueCount(page)).toBe(101);
  });

  it('shifts all cues by a duration and the selection to the playhead', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    await page.getByRole('button', { name: 'Shift...' }).click();
    const dialog = page.getByRole('dialog', { name: 'Shift times' });
    await dialog.getByRole('textbox', { name: 'Shift by' }).fill('+2.35s');
    await dialog.getByRole('button', { name: 'Shift' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await row(page, 1).click();
    expect(await field(page, 'Start').inputValue()).toBe('00:00:02,583');
    // From cue 50 on, by -350 ms.
    await (await rowInView(page, 50)).click();
    const before50 = await field(page, 'Start').inputValue();
    await page.keyboard.press('Control+Shift+T');
    await dialog.getByLabel('From the selected cue on').check();
    await dialog.getByRole('textbox', { name: 'Shift by' }).fill('-350ms');
    await dialog.getByRole('textbox', { name: 'Shift by' }).press('Enter');
    const after50 = await field(page, 'Start').inputValue();
    expect(before50 > after50).toBe(true);
    await (await rowInView(page, 49)).click();
    // Cue 49 kept its time (+2.35 s only).
    const seed = readFileSync(fixturePath('interview-3min.srt'), 'utf8').split('\n');
    const seed49 = seed[seed.indexOf('49') + 1]?.slice(0, 12) as string;
    expect(await field(page, 'Start').inputValue()).not.toBe(seed49);
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    expect(await field(page, 'Start').inputValue()).toBe(seed49);
    // The selected cue so it starts at the playhead (set by clicking the waveform).
    await (await rowInView(page, 10)).click();
    const wave = (await page.getByRole('img', { name: 'Waveform' }).boundingBox())!;
    await page.mouse.click(wave.x + 200, wave.y + 3);
    const playhead = /\d\d:\d\d:\d\d,\d\d\d/.exec((await page.getByRole('status').textContent()) ?? '')?.[0];
    await page.keyboard.press('Control+Shift+T');
    await dialog.getByLabel('Selected cues').check();
    await dialog.getByLabel(/So the selected cue starts at the playhead/).check();
    await dialog.getByRole('button', { name: 'Shift' }).click();
    expect(await field(page, 'Start').inputValue()).toBe(playhead);
  });

  it('two-point sync corrects an offset file', async () => {
    const page = await open([copyFixture('interview-3min-offset.srt')]);
    await page.keyboard.press('Control+Shift+Y');
    const dialog = page.getByRole('dialog', { name: 'Two-point sync' });
    await dialog.getByRole('spinbutton', { name: 'First cue' }).fill('1');
    await dialog.getByRole('textbox', { name: 'First new start' }).fill('00:00:00,233');
    await dialog.getByRole('spinbutton', { name: 'Second cue' }).fill('100');
    const seed = readFileSync(fixturePath('interview-3min.srt'), 'utf8').split('\n');
    const start100 = seed[seed.indexOf('100') + 1]?.slice(0, 12) as string;
    await dialog.getByRole('textbox', { name: 'Second new start' }).fill(start100);
    await dialog.getByRole('button', { name: 'Sync' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await (await rowInView(page, 50)).click();
    const start50 = seed[seed.indexOf('50') + 1]?.slice(0, 12) as string;
    expect(await field(page, 'Start').inputValue()).toBe(start50);
  });

  it('finds and replaces with a regular expression as one undo step', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    await page.keyboard.press('Control+H');
    const dialog = page.getByRole('dialog', { name: 'Find and replace' });
    await dialog.getByRole('textbox', { name: 'Find' }).fill('Meta(\\S*)');
    await dialog.getByRole('textbox', { name: 'Replace with' }).fill('Facebook$1');
    await dialog.getByLabel('Regular expression').check();
    await dialog.getByRole('button', { name: 'Find next' }).click();
    expect(await field(page, 'Text').inputValue()).toContain('Meta');
    await dialog.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => dialog.locator('[aria-live]').textContent()).toMatch(/Replaced in \d+ cues/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await row(page, 7).locator('[role="gridcell"]').nth(5).textContent()).toBe(
      '才发现你在Facebook已经工作10年了',
    );
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await row(page, 7).locator('[role="gridcell"]').nth(5).textContent()).toBe('才发现你在Meta已经工作10年了');
  });

  it('asks Save / Don’t Save / Cancel before opening over unsaved changes', async () => {
    const file = copyFixture('interview-3min.srt');
    const page = await open([file]);
    await field(page, 'Text').fill('edited');
    expect(await page.getByTestId('file-name').textContent()).toContain('•');
    await app().dialogs.queueOpen(fixturePath('interview-3min-offset.srt'));
    await app().menu('file.open');
    const prompt = page.getByRole('dialog', { name: 'Unsaved changes' });
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('file-name').textContent()).toContain(path.basename(file));
    // Save: written, then the other file opens.
    await app().menu('file.open');
    await prompt.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('interview-3min-offset.srt');
    expect(readFileSync(file, 'utf8')).toContain('\nedited\n');
    // Don't Save: discarded.
    await field(page, 'Text').fill('thrown away');
    await app().dialogs.queueOpen(fixturePath('interview-3min.srt'));
    await app().menu('file.open');
    await prompt.getByRole('button', { name: "Don't Save" }).click();
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('interview-3min.srt');
  });

  it('shows cue text as text: markup in a cue runs nothing', async () => {
    const file = path.join(work(), 'xss.srt');
    writeFileSync(file, '1\n00:00:01,000 --> 00:00:02,000\n<img src=x onerror=alert(1)><b>bold</b>\n');
    const dialogs: string[] = [];
    const page = await open([file]);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    expect(await row(page, 1).locator('[role="gridcell"]').nth(5).textContent()).toBe(
      '<img src=x onerror=alert(1)>bold',
    );
    expect(await field(page, 'Text').inputValue()).toBe('<img src=x onerror=alert(1)><b>bold</b>');
    await page.waitForTimeout(300);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('points aria-activedescendant only at a rendered row', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    const grid = page.getByRole('grid', { name: 'Cues' });
    await row(page, 3).click();
    const active = await grid.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(await page.locator(`#${active}`).getAttribute('aria-rowindex')).toBe('4');
    await grid.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect.poll(() => grid.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('lists every shortcut in the help overlay (F1 or ?)', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    await grid(page).focus();
    // The list moves the selection with the arrow keys; Shift extends it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await row(page, 2).getAttribute('aria-selected')).toBe('true');
    expect(await row(page, 3).getAttribute('aria-selected')).toBe('true');
    expect(await row(page, 1).getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const key of ['Ctrl+Shift+K', 'Ctrl+Shift+J', 'Ctrl+Z', 'Ctrl+Shift+T', 'Ctrl+Shift+Y', 'F1']) {
      expect(await help.getByText(key, { exact: true }).count()).toBeGreaterThan(0);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    await page.keyboard.press('F1');
    await help.waitFor();
  });
});
