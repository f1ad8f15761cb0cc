// The timing post-processor on the 3-minute interview: open it from the keyboard, see the preview list of every
// change, change a step and see the preview follow, apply as one undo step (the saved file is the core's result),
// undo restores the file byte for byte; Cancel changes nothing.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { History } from '../../src-shared/history';
import { PROFILES } from '../../src-shared/profiles';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { type PostProcessOptions, postProcessTiming } from '../../src-shared/timing/post-process';
import { setupE2eSession } from '../support/e2e-session';
import { readFixtureText } from '../support/fixtures';

const { copyFixture, launch } = setupE2eSession('timing-post-process');
const original = readFixtureText('interview-3min.srt');

/** What the core makes of the fixture with these steps, written as SRT. */
function expected(options: PostProcessOptions): { text: string; count: number } {
  const { doc } = readSrt(original);
  const result = postProcessTiming(doc, PROFILES.default, options);
  new History(doc).execute(result.command);
  return { text: writeSrt(doc), count: result.changes.length };
}

async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
  await expect.poll(() => page.getByTestId('file-name').textContent()).not.toContain('•');
}

describe('timing post-processor', () => {
  it('previews every change, applies them as one undo step, and undo restores the file', async () => {
    const file = copyFixture('interview-3min.srt');
    const { page } = await launch({ files: [file] });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });

    await page.keyboard.press('Control+Alt+T');
    const dialog = page.getByRole('dialog', { name: 'Timing post-processor' });
    await dialog.waitFor();
    const rows = dialog.getByRole('list', { name: 'Changes' }).getByRole('listitem');
    // The defaults: chain gaps under 300 ms and the minimum duration.
    const chained = expected({ chainGapUnderMs: 300, enforceMinDuration: true });
    expect(chained.count).toBeGreaterThan(5);
    await expect.poll(() => rows.count()).toBe(chained.count);
    // Turn lead-in on at 120 ms: the preview follows.
    await dialog.getByRole('checkbox', { name: 'Add lead-in' }).check();
    await dialog.getByRole('textbox', { name: 'Lead-in (ms)' }).fill('120');
    const steps = { leadInMs: 120, chainGapUnderMs: 300, enforceMinDuration: true };
    const after = expected(steps);
    await expect.poll(() => rows.count()).toBe(after.count);
    await expect.poll(() => dialog.locator('[aria-live]').textContent()).toBe(`${after.count} cues change`);
    // A row shows the cue, its times before and after, and why.
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toMatch(/^Cue \d+: \d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3} → \d\d:\d\d:\d\d,\d{3} --> /);
    expect(first).toMatch(/lead-in|chained|extended/);
    // A bad amount disables Apply and says why.
    await dialog.getByRole('textbox', { name: 'Lead-in (ms)' }).fill('abc');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('lead-in');
    expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Lead-in (ms)' }).fill('120');
    await expect.poll(() => rows.count()).toBe(after.count);

    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`changed ${after.count} cues`);
    await save(page);
    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toBe(original);
    expect(saved).toBe(after.text);

    // One undo step restores every cue.
    await page.keyboard.press('Control+Z');
    await save(page);
    expect(readFileSync(file, 'utf8')).toBe(original);

    // Cancel changes nothing.
    await page.keyboard.press('Control+Alt+T');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('file-name').textContent()).not.toContain('•');
  }, 120_000);
});
