// The timeline's media layers: the spectrogram view (toggled with the waveform by a command) and the shot changes
// of a video drawn as lines that cue edges snap to. The video is generated with known cuts at 2, 4 and 6 s.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath } from '../support/fixtures';
import { writeCutVideo } from '../support/media-layers';

const session = setupE2eSession('editor-media-layers');

function timeline(page: Page) {
  return page.getByRole('region', { name: 'Timeline' });
}

/** Pixel statistics of the spectrogram canvas: opaque pixels and distinct colours. */
function canvasStats(page: Page) {
  return page.getByRole('img', { name: 'Spectrogram' }).evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return { opaque: 0, colours: 0, total: 0 };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let opaque = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      opaque++;
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return { opaque, colours: colours.size, total: data.length / 4 };
  });
}

describe('timeline media layers', () => {
  it('shows the spectrogram instead of the waveform on Ctrl+Alt+W, drawn from the speech track', async () => {
    const { page } = await session.launch({
      files: [fixturePath('interview-3min.srt'), fixturePath('interview-3min.wav')],
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
    expect(await page.getByRole('img', { name: 'Spectrogram' }).count()).toBe(0);

    await page.keyboard.press('Control+Alt+W');
    const spectrogram = page.getByRole('img', { name: 'Spectrogram' });
    await expect.poll(() => spectrogram.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    // 180 s at 50 columns per second.
    expect(await spectrogram.getAttribute('data-columns')).toBe('9000');
    await expect.poll(async () => (await canvasStats(page)).colours).toBeGreaterThan(50);
    const stats = await canvasStats(page);
    // The view (about 20 s of a 180 s file) is covered completely, with many levels: speech and pauses differ.
    expect(stats.opaque).toBe(stats.total);

    if (process.env.CUEWAVE_SCREENSHOTS === '1') {
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/spectrogram.png') });
    }

    // Scrolling redraws the newly visible range (virtualized): the picture changes.
    const before = await spectrogram.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.keyboard.press('Control+0');
    await expect.poll(() => spectrogram.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);

    await page.keyboard.press('Control+Alt+W');
    await expect.poll(() => page.getByRole('img', { name: 'Spectrogram' }).count()).toBe(0);
  });

  it('draws shot changes at their times and snaps a dragged cue edge to the nearest one', async () => {
    const work = session.work();
    const video = path.join(work, 'cuts.mp4');
    const cuts = await writeCutVideo(video, ['red', 'blue', 'green', 'white'], 2);
    expect(cuts).toEqual([2000, 4000, 6000]);
    const srt = path.join(work, 'cuts.srt');
    writeFileSync(
      srt,
      '1\n00:00:02,300 --> 00:00:03,500\nAfter the first cut\n\n2\n00:00:04,600 --> 00:00:05,400\nSecond\n',
    );
    const { page } = await session.launch({ files: [srt, video] });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
    const lines = timeline(page).locator('.shot-line');
    await expect.poll(() => lines.count(), { timeout: 60_000 }).toBe(3);
    expect(await lines.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-ms'))))).toEqual(cuts);

    // Each line sits where its time is on the timeline: measured against the cue blocks' own scale.
    const block = timeline(page).getByRole('button', { name: 'Cue 1', exact: true });
    const other = timeline(page).getByRole('button', { name: 'Cue 2', exact: true });
    const a = (await block.boundingBox())!;
    const b = (await other.boundingBox())!;
    const pxPerMs = (b.x - a.x) / (4600 - 2300);
    const xOf = (ms: number) => a.x + (ms - 2300) * pxPerMs;
    const boxes = await lines.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().x));
    for (const [i, ms] of cuts.entries()) expect(Math.abs((boxes[i] as number) - xOf(ms))).toBeLessThanOrEqual(1.5);

    if (process.env.CUEWAVE_SCREENSHOTS === '1') {
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/shot-lines.png') });
    }

    // Drag cue 1's start from 2.300 s to about 2.040 s (a few px right of the cut at 2 s): it snaps onto the cut.
    await block.click();
    const y = a.y + Math.min(10, a.height / 2);
    await page.mouse.move(a.x + 2, y);
    await page.mouse.down();
    for (const x of [a.x - 5, xOf(2100), xOf(2040)]) await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.getByRole('textbox', { name: 'Start' }).inputValue()).toBe('00:00:02,000');
    expect(await page.getByRole('textbox', { name: 'End' }).inputValue()).toBe('00:00:03,500');

    // Alt turns snapping off: the same drag lands where the pointer is, not on the cut.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Start' }).inputValue()).toBe('00:00:02,300');
    await page.keyboard.down('Alt');
    await page.mouse.move(a.x + 2, y);
    await page.mouse.down();
    for (const x of [a.x - 5, xOf(2100), xOf(2040)]) await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await expect.poll(() => page.getByRole('textbox', { name: 'Start' }).inputValue()).not.toBe('00:00:02,300');
    expect(await page.getByRole('textbox', { name: 'Start' }).inputValue()).not.toBe('00:00:02,000');

    // The timing tools reach the cuts too: Ctrl+Alt+] puts the playhead on the next cut, then "Set start" (the
    // toolbar's Set start) puts the selected cue's start exactly there.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Start' }).inputValue()).toBe('00:00:02,300');
    await page.mouse.click(xOf(1000), a.y - 4);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/00:00:01,/);
    await page.locator('body').press('Control+Alt+]');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/00:00:02,000/);
    await page.getByRole('button', { name: 'Set start' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Start' }).inputValue()).toBe('00:00:02,000');
  });
});
