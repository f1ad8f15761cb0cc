// Auto sync with pieces in the built renderer: a generated recording with a 30 s ad break 30 % in (speech over a
// music bed, human cue timing). The dialog lists two pieces, the timeline shows them as bands, a piece can be
// rejected and accepted again, and applying the accepted pieces is one undo step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { setupE2eSession } from '../support/e2e-session';
import { startErrors } from '../support/realistic/evaluate';
import { generateCase, standardCases } from '../support/realistic/generate';

const { work, launch } = setupE2eSession('editor-sync-pieces');

describe('auto sync pieces', () => {
  it('shows the pieces of an ad break on the timeline, lets the user reject one, applies as one undo step', async () => {
    const spec = standardCases(1 / 3).find((c) => c.name === 'ad-break-30');
    if (!spec) throw new Error('no ad-break-30 case');
    const made = generateCase(spec, path.join(work(), 'ad-break-30'));
    const app = await launch({ files: [made.damagedSrtPath, made.audioPath] });
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    const lane = page.getByRole('img', { name: 'Speech activity' });
    await expect.poll(() => lane.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');

    await page.getByRole('button', { name: 'Auto sync...' }).click();
    const dialog = page.getByRole('dialog', { name: 'Auto sync' });
    const pieces = dialog.getByRole('table', { name: 'Pieces' });
    await pieces.waitFor({ timeout: 20_000 });
    expect(await pieces.getByRole('row').count()).toBe(3);
    expect(await dialog.getByTestId('piece-offset-1').textContent()).toBe('+0.000 s');
    const second = Number(
      /^([+-]\d+\.\d+) s$/.exec((await dialog.getByTestId('piece-offset-2').textContent()) ?? '')?.[1],
    );
    expect(Math.abs(second * 1000 - 30_000)).toBeLessThanOrEqual(100);

    // The bands on the timeline follow the choice.
    const layer = page.getByRole('img', { name: 'Sync pieces' });
    expect(await layer.getAttribute('data-pieces')).toBe('2');
    expect(await layer.getAttribute('data-accepted')).toBe('2');
    await page.screenshot({ path: path.join(work(), 'pieces.png') });
    await dialog.getByRole('checkbox', { name: 'Apply piece 2' }).uncheck();
    await expect.poll(() => layer.getAttribute('data-accepted')).toBe('1');
    // Piece 1 moves nothing: with piece 2 rejected there is nothing to apply.
    expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Apply piece 2' }).check();
    await expect.poll(() => layer.getAttribute('data-accepted')).toBe('2');

    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await layer.isHidden()).toBe(true);
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('file-name').textContent()).not.toContain('•');
    const synced = readSrt(readFileSync(made.damagedSrtPath, 'utf8')).doc.cues;
    const errors = startErrors(synced, made.truth);
    expect(errors.medianMs).toBeLessThanOrEqual(50);
    expect(errors.p95Ms).toBeLessThanOrEqual(200);

    // One undo step restores every cue.
    await page.keyboard.press('Control+Z');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  }, 180_000);
});
