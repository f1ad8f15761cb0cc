// Auto sync to a reference subtitle in the built renderer: a generated recording with a 30 s ad break 30 % in; the
// subtitles to fix lack the break, the reference (true.srt) is correctly timed. The reference is chosen through
// main's open dialog (stubbed by the host), the dialog names it and lists the two pieces it implies, the timeline
// shows them, and applying is one undo step that puts the cues where the reference says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { setupE2eSession } from '../support/e2e-session';
import { startErrors } from '../support/realistic/evaluate';
import { generateCase, standardCases } from '../support/realistic/generate';

const { work, launch } = setupE2eSession('editor-sync-reference');

describe('auto sync to a reference subtitle', () => {
  it('syncs to a reference chosen in the dialog, shows its pieces, applies as one undo step', async () => {
    const spec = standardCases(1 / 3).find((c) => c.name === 'ad-break-30');
    if (!spec) throw new Error('no ad-break-30 case');
    const made = generateCase(spec, path.join(work(), 'ad-break-30'));
    const app = await launch({ files: [made.damagedSrtPath, made.audioPath] });
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Auto sync...' }).click();
    const dialog = page.getByRole('dialog', { name: 'Auto sync' });
    // Until a reference is chosen the target is the speech, heard by Silero VAD (music bed: auto picked it in main).
    await expect
      .poll(() => dialog.getByTestId('sync-target').textContent(), { timeout: 30_000 })
      .toMatch(/^Target: the speech in the media \(speech .* dB above the noise floor .*Silero VAD\)$/);
    // Canceling the open dialog changes nothing: the target stays the speech.
    await app.dialogs.queueOpen(null);
    await dialog.getByRole('button', { name: 'Reference subtitle…' }).click();
    await expect.poll(() => dialog.getByTestId('sync-target').textContent()).toMatch(/^Target: the speech/);

    await app.dialogs.queueOpen(made.trueSrtPath);
    await dialog.getByRole('button', { name: 'Reference subtitle…' }).click();
    await expect
      .poll(() => dialog.getByTestId('sync-target').textContent())
      .toBe(`Target: reference subtitle true.srt (${made.truth.length} cues)`);
    const pieces = dialog.getByRole('table', { name: 'Pieces' });
    await pieces.waitFor({ timeout: 20_000 });
    expect(await pieces.getByRole('row').count()).toBe(3);
    expect(await dialog.getByTestId('piece-offset-1').textContent()).toBe('+0.000 s');
    const second = Number(
      /^([+-]\d+\.\d+) s$/.exec((await dialog.getByTestId('piece-offset-2').textContent()) ?? '')?.[1],
    );
    expect(Math.abs(second * 1000 - 30_000)).toBeLessThanOrEqual(20);
    const layer = page.getByRole('img', { name: 'Sync pieces' });
    expect(await layer.getAttribute('data-pieces')).toBe('2');
    await page.screenshot({ path: path.join(work(), 'reference-pieces.png') });

    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('file-name').textContent()).not.toContain('•');
    const synced = readSrt(readFileSync(made.damagedSrtPath, 'utf8')).doc.cues;
    const errors = startErrors(synced, made.truth);
    expect(errors.medianMs).toBeLessThanOrEqual(5);
    expect(errors.p95Ms).toBeLessThanOrEqual(50);

    await page.keyboard.press('Control+Z');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  }, 180_000);
});
