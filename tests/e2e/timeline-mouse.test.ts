// Hand timing with the mouse on the 3-minute interview with its audio: click the ruler or a gap to seek, click inside
// the selected block to seek there, click+drag in a gap to create a cue (undo removes it), the waveform's context
// menu, Shift+click / Ctrl+click for start / end, an edge drag with its live readout, zoom down to 1 ms per pixel
// with the range peaks drawn, and amplitude zoom. With CUEWAVE_SCREENSHOTS=1 the edge drag replaces
// docs/screenshots/edge-drag.png.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { formatSrtTime, parseTime } from '../../src-shared/time';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath, readFixtureText } from '../support/fixtures';

const { copyFixture, launch } = setupE2eSession('timeline-mouse');
const cues = readSrt(readFixtureText('interview-3min.srt')).doc.cues;
const cue = (n: number) => cues[n - 1] as (typeof cues)[number];
const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS =
  process.env.CUEWAVE_SCREENSHOTS === '1'
    ? path.join(ROOT, 'docs/screenshots')
    : mkdtempSync(path.join(tmpdir(), 'cuewave-mouse-shots-'));

const status = async (page: Page) => (await page.getByRole('status').textContent()) ?? '';
/** The playhead as the status bar says it, in ms. */
const playheadMs = async (page: Page) =>
  parseTime(/Playhead (\d\d:\d\d:\d\d,\d\d\d)/.exec(await status(page))?.[1] ?? '');
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const count = async (page: Page) => Number(await page.getByTestId('cue-count').textContent());
const waveform = (page: Page) => page.getByRole('img', { name: 'Waveform' });
const main = (page: Page) => page.locator('.timeline-main');
const block = (page: Page, n: number) =>
  page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: `Cue ${n}`, exact: true });

/** The timeline's view as the canvas tells it. */
async function view(page: Page): Promise<{ startMs: number; pxPerSec: number }> {
  return waveform(page).evaluate((canvas: HTMLCanvasElement) => ({
    startMs: Number(canvas.dataset.viewStartMs),
    pxPerSec: Number(canvas.dataset.pxPerSec),
  }));
}

/** Page x of a time on the timeline; fails when the time is not in view. */
async function xAt(page: Page, ms: number): Promise<number> {
  const box = await main(page).boundingBox();
  const v = await view(page);
  if (!box) throw new Error('timeline not laid out');
  const x = box.x + ((ms - v.startMs) * v.pxPerSec) / 1000;
  expect(x, `${formatSrtTime(ms)} is in view`).toBeGreaterThan(box.x);
  expect(x, `${formatSrtTime(ms)} is in view`).toBeLessThan(box.x + box.width);
  return x;
}

/** Page y in the middle of the waveform area (where the blocks are). */
async function midY(page: Page): Promise<number> {
  const box = await main(page).boundingBox();
  return (box?.y ?? 0) + (box?.height ?? 0) / 2;
}

async function open(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
  await expect.poll(() => waveform(page).getAttribute('data-state')).toBe('ready');
}

async function goTo(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+G');
  const box = page.getByRole('textbox', { name: 'Go to time' });
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => page.getByRole('dialog', { name: 'Go to time' }).count()).toBe(0);
}

/** Selects cue n (the playhead goes to its start) and zooms in about it to at least `pxPerSec`. */
async function focusCue(page: Page, n: number, pxPerSec = 130): Promise<void> {
  await goTo(page, `#${n}`);
  await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(n).startMs));
  await expect.poll(() => playheadMs(page)).toBe(cue(n).startMs);
  await page.getByRole('region', { name: 'Timeline' }).locator('.ruler').hover();
  for (let zoom = (await view(page)).pxPerSec; zoom < pxPerSec; ) {
    await page.keyboard.press('=');
    const before = zoom;
    await expect.poll(async () => (zoom = (await view(page)).pxPerSec)).not.toBe(before);
  }
}

/** Cue 22 ends at 00:00:34,900 and cue 23 starts at 00:00:35,466: a 566 ms gap to work in. */
const GAP = { from: cue(22).endMs, to: cue(23).startMs };

describe('timing with the mouse', () => {
  it('seeks on the ruler, in a gap and inside the selected block', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    expect(GAP.to - GAP.from).toBe(566);
    await focusCue(page, 22);
    const onePx = 1000 / (await view(page)).pxPerSec;

    // The ruler.
    const ruler = await page.locator('.ruler').boundingBox();
    const t1 = cue(22).startMs + 700;
    await page.mouse.click(await xAt(page, t1), (ruler?.y ?? 0) + 10);
    await expect.poll(async () => Math.abs(((await playheadMs(page)) ?? 0) - t1)).toBeLessThanOrEqual(onePx);

    // A gap between blocks.
    const t2 = GAP.from + 250;
    await page.mouse.click(await xAt(page, t2), await midY(page));
    await expect.poll(async () => Math.abs(((await playheadMs(page)) ?? 0) - t2)).toBeLessThanOrEqual(onePx);
    expect(await count(page)).toBe(cues.length);

    // Clicking an unselected block selects it (the playhead goes to its start); inside the selected one, it seeks.
    const t3 = cue(23).startMs + 400;
    await page.mouse.click(await xAt(page, t3), await midY(page));
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(23).startMs));
    await expect.poll(() => playheadMs(page)).toBe(cue(23).startMs);
    await page.mouse.click(await xAt(page, t3), await midY(page));
    await expect.poll(async () => Math.abs(((await playheadMs(page)) ?? 0) - t3)).toBeLessThanOrEqual(onePx);
    expect(await field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(23).startMs));
  }, 120_000);

  it('creates a cue by click+drag in a gap, with a live readout, and undo removes it', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    await focusCue(page, 22);
    const y = await midY(page);
    await page.mouse.move(await xAt(page, GAP.from + 60), y);
    await page.mouse.down();
    await page.mouse.move(await xAt(page, GAP.from + 300), y, { steps: 5 });
    await page.mouse.move(await xAt(page, GAP.to - 60), y, { steps: 5 });
    const readout = page.getByTestId('drag-readout');
    await expect
      .poll(() => readout.textContent())
      .toMatch(/^Start 00:00:34,9\d\d · End 00:00:35,4\d\d · Duration 0\.4\d\d s$/);
    await page.mouse.up();
    await expect.poll(() => count(page)).toBe(cues.length + 1);
    expect(await readout.count()).toBe(0);
    const start = parseTime(await field(page, 'Start').inputValue()) ?? 0;
    const end = parseTime(await field(page, 'End').inputValue()) ?? 0;
    const onePx = 1000 / (await view(page)).pxPerSec;
    expect(Math.abs(start - (GAP.from + 60))).toBeLessThanOrEqual(onePx);
    expect(Math.abs(end - (GAP.to - 60))).toBeLessThanOrEqual(onePx);
    // It sits between cues 22 and 23 and is cue 23 now.
    expect(await block(page, 23).getAttribute('aria-pressed')).toBe('true');
    // One undo step removes it.
    await page.keyboard.press('Escape');
    await page.locator('.ruler').hover();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => count(page)).toBe(cues.length);
  }, 120_000);

  it('offers Set start here, Set end here, Split here and Insert cue here on the waveform, each undoable', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    await focusCue(page, 22);
    const y = await midY(page);
    const menu = page.getByRole('menu', { name: 'Waveform' });
    const item = (name: string) => menu.getByRole('menuitem', { name });
    const undo = async () => {
      await page.locator('.ruler').hover();
      await page.keyboard.press('Control+Z');
    };

    // Set end here: in the gap after cue 22 (selected).
    const endAt = GAP.from + 200;
    await page.mouse.click(await xAt(page, endAt), y, { button: 'right' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Set start here',
      'Set end here',
      'Split here',
      'Insert cue here',
    ]);
    // Every item is on screen and not covered or clipped (the menu opens over the panels below the timeline).
    for (const name of ['Set start here', 'Insert cue here']) {
      const b = await item(name).boundingBox();
      if (!b) throw new Error(`${name} not laid out`);
      const hit = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x as number, y as number)?.textContent ?? null,
        [b.x + b.width / 2, b.y + b.height / 2],
      );
      expect(hit).toBe(name);
    }
    // The gap has no cue to split.
    expect(await item('Split here').isDisabled()).toBe(true);
    await item('Set end here').click();
    await expect.poll(() => menu.count()).toBe(0);
    const end = parseTime(await field(page, 'End').inputValue()) ?? 0;
    const onePx = 1000 / (await view(page)).pxPerSec;
    expect(Math.abs(end - endAt)).toBeLessThanOrEqual(onePx);
    await undo();
    await expect.poll(() => field(page, 'End').inputValue()).toBe(formatSrtTime(cue(22).endMs));

    // Set start here: inside cue 22.
    const startAt = cue(22).startMs + 500;
    await page.mouse.click(await xAt(page, startAt), y, { button: 'right' });
    await item('Set start here').click();
    await expect
      .poll(async () => Math.abs((parseTime(await field(page, 'Start').inputValue()) ?? 0) - startAt))
      .toBeLessThanOrEqual(onePx);
    await undo();
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(22).startMs));

    // Split here: cue 22 ends at the clicked time and a new cue 23 starts there.
    const splitAt = cue(22).startMs + 1000;
    await page.mouse.click(await xAt(page, splitAt), y, { button: 'right' });
    await item('Split here').click();
    await expect.poll(() => count(page)).toBe(cues.length + 1);
    const splitEnd = parseTime(await field(page, 'End').inputValue()) ?? 0;
    expect(Math.abs(splitEnd - splitAt)).toBeLessThanOrEqual(onePx);
    await undo();
    await expect.poll(() => count(page)).toBe(cues.length);
    await expect.poll(() => field(page, 'End').inputValue()).toBe(formatSrtTime(cue(22).endMs));

    // Insert cue here: in the gap, the new cue fills it from the clicked time without overlapping cue 23.
    const insertAt = GAP.from + 100;
    await page.mouse.click(await xAt(page, insertAt), y, { button: 'right' });
    await item('Insert cue here').click();
    await expect.poll(() => count(page)).toBe(cues.length + 1);
    const newStart = parseTime(await field(page, 'Start').inputValue()) ?? 0;
    const newEnd = parseTime(await field(page, 'End').inputValue()) ?? 0;
    expect(Math.abs(newStart - insertAt)).toBeLessThanOrEqual(onePx);
    expect(newEnd).toBeLessThanOrEqual(GAP.to);
    expect(newEnd).toBeGreaterThan(newStart);
    await undo();
    await expect.poll(() => count(page)).toBe(cues.length);

    // Escape closes the menu without an edit.
    await page.mouse.click(await xAt(page, insertAt), y, { button: 'right' });
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await count(page)).toBe(cues.length);
  }, 120_000);

  it('sets the selected cue’s start with Shift+click and its end with Ctrl+click', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    await focusCue(page, 22);
    const y = await midY(page);
    const onePx = 1000 / (await view(page)).pxPerSec;
    // Ctrl+click in the gap after cue 22: its end goes there.
    const endAt = GAP.from + 300;
    await page.keyboard.down('Control');
    await page.mouse.click(await xAt(page, endAt), y);
    await page.keyboard.up('Control');
    await expect
      .poll(async () => Math.abs((parseTime(await field(page, 'End').inputValue()) ?? 0) - endAt))
      .toBeLessThanOrEqual(onePx);
    expect(await field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(22).startMs));
    // Select cue 23, then Shift+click in the gap before it: its start goes there.
    await page.mouse.click(await xAt(page, cue(23).startMs + 300), y);
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(23).startMs));
    const startAt = GAP.from + 400;
    await page.keyboard.down('Shift');
    await page.mouse.click(await xAt(page, startAt), y);
    await page.keyboard.up('Shift');
    await expect
      .poll(async () => Math.abs((parseTime(await field(page, 'Start').inputValue()) ?? 0) - startAt))
      .toBeLessThanOrEqual(onePx);
    expect(await field(page, 'End').inputValue()).toBe(formatSrtTime(cue(23).endMs));
    expect(await count(page)).toBe(cues.length);
    // Two undo steps put both back.
    await page.locator('.ruler').hover();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(23).startMs));
    await page.keyboard.press('Control+Z');
    await goTo(page, '#22');
    await expect.poll(() => field(page, 'End').inputValue()).toBe(formatSrtTime(cue(22).endMs));
  }, 120_000);

  it('drags an edge with a live start/end/duration readout beside the pointer, and undoes it', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    await focusCue(page, 22);
    const y = await midY(page);
    const endX = await xAt(page, cue(22).endMs);
    await page.mouse.move(endX - 3, y);
    await page.mouse.down();
    // Alt: no snapping, so the end follows the pointer exactly.
    await page.keyboard.down('Alt');
    const target = cue(22).endMs + 300;
    await page.mouse.move(await xAt(page, target - 150), y, { steps: 4 });
    await page.mouse.move((await xAt(page, target)) - 3, y, { steps: 4 });
    const readout = page.getByTestId('drag-readout');
    await readout.waitFor();
    const text = (await readout.textContent()) ?? '';
    const match = /^Start (\S+) · End (\S+) · Duration (\d+)\.(\d{3}) s$/.exec(text);
    expect(match, text).not.toBeNull();
    expect(match?.[1]).toBe(formatSrtTime(cue(22).startMs));
    const liveEnd = parseTime(match?.[2] ?? '') ?? 0;
    const onePx = 1000 / (await view(page)).pxPerSec;
    expect(Math.abs(liveEnd - target)).toBeLessThanOrEqual(onePx);
    expect(Number(match?.[3]) * 1000 + Number(match?.[4])).toBe(liveEnd - cue(22).startMs);
    // Beside the pointer.
    const box = await readout.boundingBox();
    expect(Math.abs((box?.x ?? 0) - (await xAt(page, target)))).toBeLessThan(40);
    const timeline = await page.getByRole('region', { name: 'Timeline' }).boundingBox();
    if (!timeline) throw new Error('timeline not laid out');
    await page.screenshot({ path: path.join(SHOTS, 'edge-drag.png'), clip: timeline });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await expect.poll(() => readout.count()).toBe(0);
    await expect.poll(() => field(page, 'End').inputValue()).toBe(formatSrtTime(liveEnd));
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field(page, 'End').inputValue()).toBe(formatSrtTime(cue(22).endMs));

    // Moving the whole block: the readout shows both times moving and the duration kept.
    const middle = await xAt(page, (cue(22).startMs + cue(22).endMs) / 2);
    await page.mouse.move(middle, y);
    await page.mouse.down();
    await page.keyboard.down('Alt');
    await page.mouse.move(middle + 30, y, { steps: 5 });
    await readout.waitFor();
    const moved = /^Start (\S+) · End (\S+) · Duration (\S+) s$/.exec((await readout.textContent()) ?? '');
    const shift = (parseTime(moved?.[1] ?? '') ?? 0) - cue(22).startMs;
    expect(Math.abs(shift - 30 * onePx)).toBeLessThanOrEqual(onePx);
    expect(parseTime(moved?.[2] ?? '')).toBe(cue(22).endMs + shift);
    expect(moved?.[3]).toBe('2.334');
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(22).startMs + shift));
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(cue(22).startMs));
  }, 120_000);

  it('keeps both edges of a zero-length cue grabbable', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    await focusCue(page, 23);
    const start = cue(23).startMs;
    await field(page, 'End').fill(formatSrtTime(start));
    await field(page, 'End').press('Enter');
    await expect.poll(() => field(page, 'Duration').inputValue()).toBe('0.000');
    const y = await midY(page);
    const at = await xAt(page, start);
    const onePx = 1000 / (await view(page)).pxPerSec;
    // The right half grabs the end: drag it 40 px later.
    await page.mouse.move(at + 3, y);
    await page.mouse.down();
    await page.keyboard.down('Alt');
    await page.mouse.move(at + 43, y, { steps: 5 });
    await page.getByTestId('drag-readout').waitFor();
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await expect
      .poll(async () => Math.abs((parseTime(await field(page, 'End').inputValue()) ?? 0) - (start + 40 * onePx)))
      .toBeLessThanOrEqual(onePx);
    expect(await field(page, 'Start').inputValue()).toBe(formatSrtTime(start));
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field(page, 'Duration').inputValue()).toBe('0.000');
    // The left half grabs the start: drag it 30 px earlier.
    await page.mouse.move(at - 3, y);
    await page.mouse.down();
    await page.keyboard.down('Alt');
    await page.mouse.move(at - 33, y, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await expect
      .poll(async () => Math.abs((parseTime(await field(page, 'Start').inputValue()) ?? 0) - (start - 30 * onePx)))
      .toBeLessThanOrEqual(onePx);
    expect(await field(page, 'End').inputValue()).toBe(formatSrtTime(start));
  }, 120_000);

  it('seeks on the overview to the point clicked and drags its window from where it was grabbed, finely with Shift', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    const overview = page.getByRole('slider', { name: 'Overview' });
    const box = await overview.boundingBox();
    if (!box) throw new Error('overview not laid out');
    const duration = Number(await overview.getAttribute('aria-valuemax'));
    expect(duration).toBeGreaterThanOrEqual(180_000);
    const perPx = duration / box.width;
    // Click at 75 %: the playhead goes there (to within a pixel of the strip) and the view is centred on it.
    const x = box.x + box.width * 0.75;
    await page.mouse.click(x, box.y + box.height / 2);
    await expect
      .poll(async () => Math.abs(((await playheadMs(page)) ?? 0) - 0.75 * duration))
      .toBeLessThanOrEqual(perPx);
    const v = await view(page);
    const centre = v.startMs + ((await main(page).boundingBox())?.width ?? 0) * (1000 / v.pxPerSec) * 0.5;
    expect(Math.abs(centre - 0.75 * duration)).toBeLessThan(perPx * 2);
    // Grab the window (its middle is where we clicked) and drag: no jump, the view follows the pointer.
    const grabbedStart = v.startMs;
    await page.mouse.move(x, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(x - 20, box.y + box.height / 2, { steps: 4 });
    await expect.poll(async () => Math.abs((await view(page)).startMs - (grabbedStart - 20 * perPx))).toBeLessThan(2);
    // With Shift, a twentieth as fast: 20 px more move the view by one pixel's worth of the strip.
    await page.keyboard.down('Shift');
    await page.mouse.move(x - 40, box.y + box.height / 2, { steps: 4 });
    await expect
      .poll(async () => Math.abs((await view(page)).startMs - (grabbedStart - 20 * perPx - perPx)))
      .toBeLessThan(2);
    await page.keyboard.up('Shift');
    await page.mouse.up();
    // Dragging scrolls only: the playhead stayed where the click put it.
    expect(Math.abs(((await playheadMs(page)) ?? 0) - 0.75 * duration)).toBeLessThanOrEqual(perPx);
  }, 120_000);

  it('zooms to 1 ms per pixel with the range peaks drawn, and zooms the amplitude with keys and Shift+wheel', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    await focusCue(page, 5, 1000);
    expect((await view(page)).pxPerSec).toBe(1000);
    await expect.poll(() => waveform(page).getAttribute('data-detail'), { timeout: 10_000 }).toBe('range');
    // The ruler labels in the file's form, 100 ms apart at this zoom.
    const labels = await page.locator('.ruler .tick-label').allTextContents();
    expect(labels.length).toBeGreaterThan(3);
    for (const label of labels) expect(label).toMatch(/^\d\d:\d\d:\d\d,\d00$/);

    /** Height (px) of the bar drawn in each pixel column of [fromMs, toMs). */
    const heights = async (fromMs: number, toMs: number): Promise<number[]> => {
      const a = Math.round((await xAt(page, fromMs)) - ((await main(page).boundingBox())?.x ?? 0));
      const b = Math.round((await xAt(page, toMs)) - ((await main(page).boundingBox())?.x ?? 0));
      return waveform(page).evaluate(
        (canvas: HTMLCanvasElement, [x0, x1]) => {
          const ratio = canvas.width / canvas.clientWidth;
          const ctx = canvas.getContext('2d');
          if (!ctx) return [];
          const image = ctx.getImageData(Math.round(x0 * ratio), 0, Math.round((x1 - x0) * ratio), canvas.height);
          const out: number[] = [];
          for (let x = 0; x < image.width; x += Math.max(1, Math.round(ratio))) {
            let drawn = 0;
            for (let y = 0; y < image.height; y++)
              if ((image.data[(y * image.width + x) * 4 + 3] as number) > 0) drawn++;
            out.push(drawn / ratio);
          }
          return out;
        },
        [a, b] as const,
      );
    };
    const tallest = async (fromMs: number, toMs: number) => Math.max(...(await heights(fromMs, toMs)));
    // At 1 ms per pixel the speech onset at cue 5's start is sharp: flat for the 150 ms before, loud within 30 ms.
    const start = cue(5).startMs;
    const quiet = await tallest(start - 150, start - 5);
    const loud = await tallest(start, start + 30);
    expect(quiet).toBeLessThan(4);
    expect(loud).toBeGreaterThan(20);
    // One pair per pixel, not the cached 5 ms pairs stretched over 5 columns: most neighbouring columns differ.
    const speech = await heights(start, start + 200);
    const changes = speech.slice(1).filter((h, i) => h !== speech[i]).length;
    expect(changes / (speech.length - 1)).toBeGreaterThan(0.5);

    // Amplitude: Ctrl+Alt+Up twice doubles it, the quiet stretch grows; Shift+wheel; Ctrl+Alt+0 resets.
    await page.keyboard.press('Control+Alt+ArrowUp');
    await page.keyboard.press('Control+Alt+ArrowUp');
    await expect.poll(() => waveform(page).getAttribute('data-amplitude')).toBe('2');
    await expect.poll(() => status(page)).toContain('Amplitude ×2');
    await page.mouse.move(await xAt(page, start - 100), await midY(page));
    await page.keyboard.down('Shift');
    await page.mouse.wheel(0, -100);
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Shift');
    await expect.poll(() => waveform(page).getAttribute('data-amplitude')).toBe('4');
    await expect.poll(() => tallest(start - 150, start - 5)).toBeGreaterThan(quiet);
    await page.keyboard.press('Control+Alt+ArrowDown');
    await expect.poll(() => waveform(page).getAttribute('data-amplitude')).toBe('2.828');
    await page.keyboard.press('Control+Alt+0');
    await expect.poll(() => waveform(page).getAttribute('data-amplitude')).toBe('1');
    // The wheel without Shift still scrolls, not the amplitude.
    expect((await view(page)).pxPerSec).toBe(1000);
  }, 120_000);
});
