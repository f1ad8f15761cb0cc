// Align with audio in the built renderer: the speech lane, Auto sync (preview, cancel, apply as one undo step,
// save) and Snap to speech (review, accept) on interview-3min-offset.srt with interview-3min.wav.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { formatSrtTime } from '../../src-shared/time';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath, readFixtureText } from '../support/fixtures';

const { copyFixture, launch } = setupE2eSession('editor-sync');

const grid = (page: Page) => page.getByRole('grid', { name: 'Cues' });
/** Scrolls the virtualized list so the row of cue `n` (1-based) exists, then returns it. */
async function rowInView(page: Page, n: number) {
  await grid(page).evaluate(
    (element, top) => {
      element.scrollTop = top;
    },
    Math.max(0, (n - 3) * 26),
  );
  const located = grid(page).locator(`[aria-rowindex="${n + 1}"]`);
  await located.waitFor();
  return located;
}
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const startsOf = (text: string) => readSrt(text).doc.cues.map((cue) => cue.startMs);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe('align with audio', () => {
  it('auto-syncs an offset file from the speech, saves, undoes, and snaps jittered cues back to speech', async () => {
    const file = copyFixture('interview-3min-offset.srt');
    const app = await launch({ files: [file, fixturePath('interview-3min.wav')] });
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    const truth = startsOf(readFixtureText('interview-3min.srt'));
    const offsetStarts = startsOf(readFixtureText('interview-3min-offset.srt'));

    // The speech lane fills in after the waveform.
    const lane = page.getByRole('img', { name: 'Speech activity' });
    await expect.poll(() => lane.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(Number(await lane.getAttribute('data-segments'))).toBeGreaterThan(20);

    // Auto sync: preview, then Cancel leaves the document untouched.
    await page.getByRole('button', { name: 'Auto sync...' }).click();
    const dialog = page.getByRole('dialog', { name: 'Auto sync' });
    const offset = dialog.getByTestId('sync-offset');
    await offset.waitFor({ timeout: 20_000 });
    const shownMs = Number(/^([+-]\d+\.\d+) s$/.exec((await offset.textContent()) ?? '')?.[1]) * 1000;
    expect(Math.abs(shownMs - -2350)).toBeLessThanOrEqual(20);
    expect(await dialog.getByTestId('sync-drift').textContent()).toMatch(/^[+-]0\.00\d %/);
    expect(await dialog.getByRole('table', { name: 'Sample of changes' }).getByRole('row').count()).toBe(9);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('file-name').textContent()).not.toContain('•');

    // Apply (shortcut this time), save, and compare with the true timing.
    await page.keyboard.press('Control+Shift+A');
    await offset.waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('file-name').textContent()).not.toContain('•');
    const synced = startsOf(readFileSync(file, 'utf8'));
    expect(synced.length).toBe(truth.length);
    expect(median(synced.map((ms, i) => Math.abs(ms - (truth[i] as number))))).toBeLessThanOrEqual(40);

    // One undo step restores the offset timing; redo brings the sync back.
    await (await rowInView(page, 1)).click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe('00:00:02,583');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await page.keyboard.press('Control+Y');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(synced[0] as number));

    // Jitter cues 31-35 by +150 ms, then snap them back to the speech onsets after a review.
    await (await rowInView(page, 31)).click();
    await (await rowInView(page, 35)).click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Shift...' }).click();
    const shiftDialog = page.getByRole('dialog', { name: 'Shift times' });
    await shiftDialog.getByLabel('Selected cues').check();
    await shiftDialog.getByRole('textbox', { name: 'Shift by' }).fill('+150ms');
    await shiftDialog.getByRole('button', { name: 'Shift' }).click();
    await expect.poll(() => shiftDialog.count()).toBe(0);

    await page.getByRole('button', { name: 'Snap to speech...' }).click();
    const snap = page.getByRole('dialog', { name: 'Snap to speech' });
    expect(await snap.getByRole('radio', { name: /Selected cues \(5\)/ }).isChecked()).toBe(true);
    await expect.poll(() => snap.getByRole('textbox', { name: 'Snap window (ms)' }).inputValue()).toBe('300');
    const proposals = snap.getByRole('list', { name: 'Proposed changes' }).getByRole('checkbox');
    await expect.poll(() => proposals.count()).toBeGreaterThanOrEqual(4);
    const count = await proposals.count();
    await snap.getByRole('button', { name: 'Accept none' }).click();
    expect(await snap.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await snap.getByRole('button', { name: 'Accept all' }).click();
    await expect
      .poll(() => snap.locator('[aria-live]').first().textContent())
      .toBe(`${count} of ${count} proposed changes accepted`);
    await snap.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => snap.count()).toBe(0);
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('file-name').textContent()).not.toContain('•');
    const snapped = startsOf(readFileSync(file, 'utf8')).slice(30, 35);
    const errors = snapped.map((ms, k) => Math.abs(ms - (truth[30 + k] as number)));
    // Most starts are back on their onsets; none ends up worse than the jitter was.
    expect(errors.filter((error) => error <= 40).length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...errors)).toBeLessThanOrEqual(160);
    // The untouched neighbours kept the synced times.
    const after = startsOf(readFileSync(file, 'utf8'));
    expect(after[29]).toBe(synced[29]);
    expect(after[35]).toBe(synced[35]);
    expect(offsetStarts[0]).toBe(2583);
  }, 90_000);

  it('two-point sync takes picked cues and the playhead, and syncs from a cue on (partial sync)', async () => {
    const file = copyFixture('interview-3min-offset.srt');
    const app = await launch({ files: [file] });
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    const truth = startsOf(readFixtureText('interview-3min.srt'));
    const offsetStarts = startsOf(readFixtureText('interview-3min-offset.srt'));
    await page.keyboard.press('Control+Shift+Y');
    const dialog = page.getByRole('dialog', { name: 'Two-point sync' });
    // The dialog floats: cues are picked in the list while it stays open.
    await (await rowInView(page, 10)).click();
    await dialog.getByRole('button', { name: 'Use selected cue as the first cue' }).click();
    expect(await dialog.getByRole('spinbutton', { name: 'First cue' }).inputValue()).toBe('10');
    expect(await dialog.getByRole('textbox', { name: 'First new start' }).inputValue()).toBe(
      formatSrtTime(offsetStarts[9] as number),
    );
    await (await rowInView(page, 60)).click();
    await dialog.getByRole('button', { name: 'Use selected cue as the second cue' }).click();
    expect(await dialog.getByRole('spinbutton', { name: 'Second cue' }).inputValue()).toBe('60');
    // ... and the playhead is moved on the timeline and taken over.
    const wave = (await page.getByRole('img', { name: 'Waveform' }).boundingBox())!;
    await page.mouse.click(wave.x + 300, wave.y + 3);
    const playhead = /\d\d:\d\d:\d\d,\d\d\d/.exec((await dialog.getByTestId('sync-playhead').textContent()) ?? '')?.[0];
    expect(playhead).not.toBe('00:00:00,000');
    await dialog.getByRole('button', { name: 'Use playhead as the second new start' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Second new start' }).inputValue()).toBe(playhead);
    // Partial sync: from cue 10 on, onto the true times of cues 10 and 60.
    await dialog.getByRole('textbox', { name: 'First new start' }).fill(formatSrtTime(truth[9] as number));
    await dialog.getByRole('textbox', { name: 'Second new start' }).fill(formatSrtTime(truth[59] as number));
    await dialog.getByLabel('From a cue on (partial sync)').check();
    expect(await dialog.getByRole('spinbutton', { name: 'From cue' }).inputValue()).toBe('10');
    await dialog.getByRole('button', { name: 'Sync' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('file-name').textContent()).not.toContain('•');
    const saved = startsOf(readFileSync(file, 'utf8'));
    expect(saved.slice(0, 9)).toEqual(offsetStarts.slice(0, 9));
    expect(saved.slice(9)).toEqual(truth.slice(9));
  }, 60_000);
});
