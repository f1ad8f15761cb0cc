// The broken interview with its hour of audio: find the overlap at 01:00:00 in Problems, fix it by dragging the
// cue's end onto the next cue (snapping) and by typing the end time, save, and compare the saved bytes.
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedApp, launchApp } from '../support/app';
import { fixturePath, readFixtureText } from '../support/fixtures';

let app: LaunchedApp;
let work: string;
let file: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'cuewave-editor-fix-'));
  file = path.join(work, 'interview-broken.srt');
  copyFileSync(fixturePath('interview-broken.srt'), file);
  chmodSync(file, 0o644);
  app = await launchApp({ files: [file, fixturePath('interview.ogg')] });
  await app.page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await app?.close();
  rmSync(work, { recursive: true, force: true });
});

const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const overlapItems = (page: Page) => problems(page).getByRole('listitem').filter({ hasText: 'overlap' });

describe('fixing the overlap at 01:00:00', () => {
  it('opens the file with its audio and draws the waveform', async () => {
    const { page } = app;
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
    await expect.poll(() => page.getByTestId('cue-count').textContent()).toBe('2324');
    expect(await page.getByRole('grid', { name: 'Cues' }).getAttribute('aria-rowcount')).toBe('2325');
    expect(await page.getByRole('status').textContent()).toMatch(/5 errors/);
  });

  it('finds the overlap in Problems and selects the cue in list and timeline', async () => {
    const { page } = app;
    const item = overlapItems(page);
    await expect.poll(() => item.count()).toBe(1);
    // One listitem per problem: the interview's 242 are all in the list, not just the visible rows.
    const problems = page.getByRole('region', { name: 'Problems' });
    const total = Number((await problems.getByRole('button', { name: /^All \d+$/ }).textContent())?.split(' ')[1]);
    expect(total).toBeGreaterThan(200);
    expect(await problems.getByRole('listitem').count()).toBe(total);
    expect(await item.textContent()).toContain('01:00:00,800');
    await item.getByRole('button').first().click();
    const row = page.getByRole('grid', { name: 'Cues' }).locator('[aria-rowindex="2142"]');
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    await timeline(page).getByRole('button', { name: 'Cue 2141', exact: true }).waitFor();
    await timeline(page).getByRole('button', { name: 'Cue 2142', exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'End' }).inputValue()).toBe('01:00:01,200');
  });

  it('reads 01:00:00 on the ruler at every zoom', async () => {
    const { page } = app;
    const ruler = page.getByRole('group', { name: 'Time ruler' });
    const hourLabel = ruler.getByText(/^01:00:00,000$/);
    expect(await hourLabel.count()).toBe(1);
    // Click the ruler at the 01:00:00 tick (3 px left of its label): the playhead goes there and the zoom buttons
    // zoom about it, down to 1 ms per pixel.
    const label = await hourLabel.boundingBox();
    if (!label) throw new Error('ruler not laid out');
    await page.mouse.click(label.x - 3, label.y + label.height / 2);
    for (let i = 0; i < 6; i++) {
      await page.getByRole('button', { name: 'Zoom in' }).click();
      expect(await ruler.getByText(/^00:60/).count()).toBe(0);
    }
    expect(await hourLabel.count()).toBe(1);
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await hourLabel.count()).toBe(1);
  });

  it('fixes it by dragging the end onto the next cue (snapping), as one undo step', async () => {
    const { page } = app;
    const block = timeline(page).getByRole('button', { name: 'Cue 2141', exact: true });
    const next = timeline(page).getByRole('button', { name: 'Cue 2142', exact: true });
    const a = await block.boundingBox();
    const b = await next.boundingBox();
    if (!a || !b) throw new Error('blocks not laid out');
    const y = a.y + Math.min(10, a.height / 2);
    await page.mouse.move(a.x + a.width - 2, y);
    await page.mouse.down();
    // Land 3 px right of the next cue's start: snapping pulls the end onto it.
    for (const x of [a.x + a.width - 20, b.x + 20, b.x + 3]) await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.getByRole('textbox', { name: 'End' }).inputValue()).toBe('01:00:00,800');
    await expect.poll(() => overlapItems(page).count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toMatch(/4 errors/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'End' }).inputValue()).toBe('01:00:01,200');
    await expect.poll(() => overlapItems(page).count()).toBe(1);
  });

  it('fixes it by typing the end time, then saves only that cue differently', async () => {
    const { page } = app;
    const end = page.getByRole('textbox', { name: 'End' });
    await end.fill('01:00:00,800');
    await end.press('Enter');
    await expect.poll(() => overlapItems(page).count()).toBe(0);
    expect(await page.getByTestId('file-name').textContent()).toBe('interview-broken.srt •');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved interview-broken.srt');
    const original = readFixtureText('interview-broken.srt');
    const expected = original.replace('00:59:55,900 --> 01:00:01,200', '00:59:55,900 --> 01:00:00,800');
    expect(expected).not.toBe(original);
    const saved = readFileSync(file);
    // UTF-8 without BOM, LF, no final newline, every other cue byte for byte.
    expect(saved[0]).not.toBe(0xef);
    expect(saved.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(await page.getByTestId('file-name').textContent()).toBe('interview-broken.srt');
  });
});
