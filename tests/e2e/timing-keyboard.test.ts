// Hand timing with the keyboard only, on the 3-minute interview with its video: select (the playhead follows), hear
// (the media element plays), nudge edges, set the end and go to the next cue, go to a time, insert between touching
// cues, undo each; Space plays and pauses with a button focused; the two-point sync panel docks beside the timeline
// and the timing keys keep working while it is open.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { formatSrtTime, parseTime } from '../../src-shared/time';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath, readFixtureText } from '../support/fixtures';

const { copyFixture, launch } = setupE2eSession('timing-keyboard');
const cues = readSrt(readFixtureText('interview-3min.srt')).doc.cues;
const startOf = (n: number) => formatSrtTime((cues[n - 1] as (typeof cues)[number]).startMs);
const endOf = (n: number) => formatSrtTime((cues[n - 1] as (typeof cues)[number]).endMs);

const status = async (page: Page) => (await page.getByRole('status').textContent()) ?? '';
/** The playhead as the status bar says it: `Playhead HH:MM:SS,mmm`. */
const playhead = async (page: Page) => /Playhead (\d\d:\d\d:\d\d,\d\d\d)/.exec(await status(page))?.[1] ?? null;
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const grid = (page: Page) => page.getByRole('grid', { name: 'Cues' });
const video = (page: Page) => page.getByTestId('media-player');
const currentMs = (page: Page) =>
  video(page).evaluate((element: HTMLVideoElement) => Math.round(element.currentTime * 1000));
const paused = (page: Page) => video(page).evaluate((element: HTMLVideoElement) => element.paused);
/** The Start and End cells of cue `n` in the list (scrolled into view). */
async function rowTimes(page: Page, n: number): Promise<[string, string]> {
  await grid(page).evaluate(
    (element, top) => {
      element.scrollTop = top;
    },
    Math.max(0, (n - 3) * 26),
  );
  const row = grid(page).locator(`[aria-rowindex="${n + 1}"]`);
  await row.waitFor();
  const cells = row.getByRole('gridcell');
  return [(await cells.nth(1).textContent()) ?? '', (await cells.nth(2).textContent()) ?? ''];
}

async function open(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
  await expect.poll(() => page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
  await expect.poll(() => video(page).evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThan(0);
}

async function goTo(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+G');
  const box = page.getByRole('textbox', { name: 'Go to time' });
  await box.waitFor();
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => page.getByRole('dialog', { name: 'Go to time' }).count()).toBe(0);
}

describe('timing with the keyboard', () => {
  it('selects, hears, nudges, sets the end and goes on, goes to a time, and undoes each step', async () => {
    const file = copyFixture('interview-3min.srt');
    const app = await launch({ files: [file, fixturePath('interview-3min.mp4')] });
    const { page } = app;
    await open(page);
    expect(await playhead(page)).toBe('00:00:00,000');

    // Select from the keyboard in the grid: the playhead follows to the cue's start.
    await grid(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(startOf(2));
    await expect.poll(() => playhead(page)).toBe(startOf(2));
    await expect.poll(() => currentMs(page)).toBe(cues[1]?.startMs);

    // S plays the cue (the media element's clock runs), Escape stops it.
    await page.keyboard.press('s');
    await expect.poll(() => currentMs(page), { timeout: 10_000 }).toBeGreaterThan((cues[1]?.startMs ?? 0) + 300);
    expect(await paused(page)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => paused(page)).toBe(true);
    const stoppedAt = await currentMs(page);
    expect(stoppedAt).toBeLessThan(cues[1]?.endMs ?? 0);

    // Q plays the 500 ms before the start and stops at the start; W the 500 ms after the end.
    await page.keyboard.press('q');
    await expect.poll(() => paused(page), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => paused(page), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => playhead(page)).toBe(startOf(2));
    await page.keyboard.press('w');
    await expect.poll(() => paused(page), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => paused(page), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => playhead(page)).toBe(formatSrtTime((cues[1]?.endMs ?? 0) + 500));
    // E and D: the first and last 500 ms of the cue.
    await page.keyboard.press('e');
    await expect.poll(() => paused(page), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => paused(page), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => playhead(page)).toBe(formatSrtTime((cues[1]?.startMs ?? 0) + 500));
    await page.keyboard.press('d');
    await expect.poll(() => paused(page), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => playhead(page), { timeout: 10_000 }).toBe(endOf(2));

    // Nudges: Alt+Right moves the start +100 ms, Alt+Shift+Left the end -100 ms, Ctrl+Alt+Right the start +10 ms,
    // Alt+. the start one video frame (10 fps) later; each is one undo step.
    const start2 = cues[1]?.startMs ?? 0;
    const end2 = cues[1]?.endMs ?? 0;
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(start2 + 100));
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(() => field(page, 'End').inputValue()).toBe(formatSrtTime(end2 - 100));
    await page.keyboard.press('Control+Alt+ArrowRight');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(start2 + 110));
    await page.keyboard.press('Alt+.');
    await expect
      .poll(() => field(page, 'Start').inputValue())
      .toBe(formatSrtTime(Math.ceil((start2 + 110 + 1) / 100) * 100));
    for (const [start, end] of [
      [start2 + 110, end2 - 100],
      [start2 + 100, end2 - 100],
      [start2 + 100, end2],
      [start2, end2],
    ] as const) {
      await page.keyboard.press('Control+Z');
      await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(start));
      expect(await field(page, 'End').inputValue()).toBe(formatSrtTime(end));
    }

    // Guard rail: moving the start 200 ms earlier makes cue 2 overlap cue 1 (they touch); it happens, undoably,
    // and the status bar says so naming the cue.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime(start2 - 200));
    await expect.poll(() => status(page)).toMatch(/cue [12]\b.*overlap|overlap.*cue [12]\b/i);
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(startOf(2));

    // Go to time: exactly the time typed, and the cue under it is selected.
    await goTo(page, '00:00:04,800');
    await expect.poll(() => playhead(page)).toBe('00:00:04,800');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(startOf(2));
    await expect.poll(() => currentMs(page)).toBe(4800);

    // G: the end goes to the playhead and the next cue is selected, the playhead at its start.
    await page.keyboard.press('g');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(startOf(3));
    await expect.poll(() => playhead(page)).toBe(startOf(3));
    expect(await rowTimes(page, 2)).toEqual([startOf(2), '00:00:04,800']);
    // The gap it opened is no problem; undo puts the end back.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => rowTimes(page, 2)).toEqual([startOf(2), endOf(2)]);

    // Go to #N, MM:SS and plain seconds.
    await goTo(page, '#10');
    await expect.poll(() => playhead(page)).toBe(startOf(10));
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(startOf(10));
    await goTo(page, '01:30');
    await expect.poll(() => playhead(page)).toBe('00:01:30,000');
    const under = cues.findIndex((cue) => cue.startMs <= 90_000 && 90_000 < cue.endMs);
    expect(under).toBeGreaterThanOrEqual(0);
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(startOf(under + 1));
    await goTo(page, '95.5');
    await expect.poll(() => playhead(page)).toBe('00:01:35,500');
    // A typo is refused in words; the playhead stays.
    await page.keyboard.press('Control+G');
    await page.getByRole('textbox', { name: 'Go to time' }).fill('1:99');
    await page.getByRole('textbox', { name: 'Go to time' }).press('Enter');
    await expect
      .poll(() => page.getByRole('dialog', { name: 'Go to time' }).getByRole('alert').textContent())
      .toMatch(/not a time/);
    await page.keyboard.press('Escape');
    expect(await playhead(page)).toBe('00:01:35,500');

    // Insert after, between the touching cues 1 and 2: no overlap is created; undo removes it.
    expect(cues[0]?.endMs).toBe(cues[1]?.startMs);
    const errorsBefore = /(\d+) errors?/.exec(await status(page))?.[1];
    await goTo(page, '#1');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('cue-count').textContent()).toBe(String(cues.length + 1));
    const [newStart, newEnd] = await rowTimes(page, 2);
    const [, firstEnd] = await rowTimes(page, 1);
    const [nextStart] = await rowTimes(page, 3);
    expect(parseTime(firstEnd)).toBeLessThanOrEqual(parseTime(newStart) as number);
    expect(parseTime(newEnd)).toBeLessThanOrEqual(parseTime(nextStart) as number);
    expect(parseTime(newEnd)).toBeGreaterThan(parseTime(newStart) as number);
    expect(/(\d+) errors?/.exec(await status(page))?.[1]).toBe(errorsBefore);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.getByTestId('cue-count').textContent()).toBe(String(cues.length));
    expect(await rowTimes(page, 1)).toEqual([startOf(1), endOf(1)]);
    expect(await rowTimes(page, 2)).toEqual([startOf(2), endOf(2)]);
  }, 120_000);

  it('plays and pauses on Space with a button or a cue block focused, without pressing it', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    const insertBefore = page.getByRole('button', { name: 'Insert before' });
    await insertBefore.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => paused(page)).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => paused(page)).toBe(true);
    expect(await page.getByTestId('cue-count').textContent()).toBe(String(cues.length));
    // A cue block on the timeline has the focus: Space still plays; Escape stops.
    const block = page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Cue 2', exact: true });
    await block.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => paused(page)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => paused(page)).toBe(true);
    // Speed: ] is faster with the pitch kept, \\ back to normal.
    await page.keyboard.press(']');
    await expect
      .poll(() => video(page).evaluate((element: HTMLVideoElement) => [element.playbackRate, element.preservesPitch]))
      .toEqual([1.25, true]);
    await expect.poll(() => status(page)).toContain('Speed 1.25×');
    await page.keyboard.press('\\');
    await expect.poll(() => video(page).evaluate((element: HTMLVideoElement) => element.playbackRate)).toBe(1);
    // L loops the selected cue (cue 1, 1.9 s): still playing, inside the cue, after more than its length.
    await page.keyboard.press('l');
    await expect.poll(() => status(page)).toContain('Loop on');
    await page.waitForTimeout(2600);
    expect(await paused(page)).toBe(false);
    const looped = await currentMs(page);
    expect(looped).toBeGreaterThanOrEqual((cues[0]?.startMs ?? 0) - 50);
    expect(looped).toBeLessThanOrEqual((cues[0]?.endMs ?? 0) + 100);
    await page.keyboard.press('Escape');
    await expect.poll(() => paused(page)).toBe(true);
    expect(await status(page)).not.toContain('Loop on');
    // In a text field Space is a space.
    await field(page, 'Text').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    expect(await paused(page)).toBe(true);
    expect(await field(page, 'Text').inputValue()).toBe(`${cues[0]?.text} `);
  });

  it('docks the two-point sync beside the timeline, with the timeline and its keys still working', async () => {
    const app = await launch({ files: [copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')] });
    const { page } = app;
    await open(page);
    await page.keyboard.press('Control+Shift+Y');
    const panel = page.getByRole('dialog', { name: 'Two-point sync' });
    await panel.waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const [p, t] = [(await panel.boundingBox())!, (await timeline.boundingBox())!];
    // Beside, not over: no horizontal overlap with the timeline, and on the same row.
    expect(p.x).toBeGreaterThanOrEqual(t.x + t.width - 1);
    expect(p.y).toBeLessThan(t.y + t.height);
    expect(p.y + p.height).toBeGreaterThan(t.y);
    // Keys work: select the next cue from the grid, G sets the end, the playhead follows.
    await grid(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => playhead(page)).toBe(startOf(2));
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => field(page, 'Start').inputValue()).toBe(formatSrtTime((cues[1]?.startMs ?? 0) + 100));
    // The panel sees the playhead and the selection.
    await expect
      .poll(() => panel.getByTestId('sync-playhead').textContent())
      .toContain(formatSrtTime(cues[1]?.startMs ?? 0));
    await expect.poll(() => panel.getByTestId('sync-playhead').textContent()).toContain('selected cue 2');
    // Clicking the timeline still seeks.
    const wave = (await page.getByRole('img', { name: 'Waveform' }).boundingBox())!;
    await page.mouse.click(wave.x + 200, wave.y + 3);
    await expect.poll(() => playhead(page)).not.toBe(startOf(2));
    await panel.getByRole('button', { name: 'Close panel' }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });
});
