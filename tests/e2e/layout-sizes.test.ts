// The window at 1440, 1280 and 1024×640: the toolbar stays one row with nothing cut (at 1280 and wider every
// command is on it; below, the groups that do not fit are listed under More), and the list, the timeline and the
// Problems panel all stay on screen with room to work. The video overlay's font scales with the video.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath } from '../support/fixtures';

const session = setupE2eSession('layout-sizes');
const TOOLBAR_BUTTONS = 19;

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not rendered');
  return b;
}

/** Every shown toolbar button: its box, and whether its label is cut (wider than the button). */
async function toolbarButtons(page: Page) {
  return page.getByRole('toolbar', { name: 'Editing tools' }).evaluate((toolbar) =>
    [...toolbar.querySelectorAll('button')]
      .filter((b) => b.offsetParent !== null)
      .map((b) => {
        const r = b.getBoundingClientRect();
        return { name: b.textContent, top: r.top, right: r.right, cut: b.scrollWidth > b.clientWidth };
      }),
  );
}

async function checkPanels(page: Page, width: number, height: number) {
  for (const panel of [
    page.getByRole('grid', { name: 'Cues' }),
    page.getByRole('region', { name: 'Timeline' }),
    page.getByRole('region', { name: 'Problems' }),
  ]) {
    const b = await box(panel);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(width + 0.5);
    expect(b.y + b.height).toBeLessThanOrEqual(height + 0.5);
    expect(b.height).toBeGreaterThanOrEqual(110);
    expect(b.width).toBeGreaterThanOrEqual(300);
  }
  // The first problem row is entirely inside the Problems panel: a problem can be read and clicked.
  const problems = await box(page.getByRole('region', { name: 'Problems' }));
  const firstProblem = await box(page.getByRole('region', { name: 'Problems' }).getByRole('listitem').first());
  expect(firstProblem.y + firstProblem.height).toBeLessThanOrEqual(problems.y + problems.height);
  // Column headers of the list are not cut.
  const cutHeaders = await page
    .getByRole('grid', { name: 'Cues' })
    .getByRole('columnheader')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  expect(cutHeaders).toEqual([]);
}

async function open(): Promise<Page> {
  const { page } = await session.launch({
    files: [fixturePath('interview-3min.srt'), fixturePath('interview-3min.mp4')],
  });
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
  return page;
}

async function resize(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  // Two frames: the resize observers run, then the layout settles.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

describe('layout at common window sizes', () => {
  it('keeps the whole toolbar in one row at 1440 and 1280 px, with the panels on screen', async () => {
    const page = await open();
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await resize(page, width, height);
      const buttons = await toolbarButtons(page);
      expect(buttons).toHaveLength(TOOLBAR_BUTTONS);
      expect(new Set(buttons.map((b) => b.top)).size).toBe(1);
      expect(buttons.filter((b) => b.cut)).toEqual([]);
      expect(Math.max(...buttons.map((b) => b.right))).toBeLessThanOrEqual(width);
      expect(await page.getByRole('button', { name: 'More', exact: true }).count()).toBe(0);
      await checkPanels(page, width, height);
      if (width === 1280 && process.env.CUEWAVE_SCREENSHOTS === '1') {
        await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/layout-1280.png') });
      }
    }
  });

  it('at 1024×640 lists what does not fit under More, and keeps the list, timeline and Problems usable', async () => {
    const page = await open();
    await resize(page, 1024, 640);
    const buttons = await toolbarButtons(page);
    expect(new Set(buttons.map((b) => b.top)).size).toBe(1);
    expect(buttons.filter((b) => b.cut)).toEqual([]);
    expect(Math.max(...buttons.map((b) => b.right))).toBeLessThanOrEqual(1024);
    await checkPanels(page, 1024, 640);
    if (process.env.CUEWAVE_SCREENSHOTS === '1') {
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/layout-1024.png') });
    }

    // Every command left out of the row is in the menu, named as in the command table, and runs from there.
    const more = page.getByRole('button', { name: 'More', exact: true });
    await more.click();
    const menu = page.getByRole('menu', { name: 'More tools' });
    const items = await menu.getByRole('menuitem').allTextContents();
    expect(buttons.length - 1 + items.length).toBe(TOOLBAR_BUTTONS);
    expect(items.some((item) => item.startsWith('Shift times…'))).toBe(true);
    // Keyboard: the first item has the focus; Escape closes and gives the focus back to More.
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await more.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await menu.getByRole('menuitem', { name: /^Shift times…/ }).click();
    await page.getByRole('dialog', { name: 'Shift times' }).waitFor();
  });

  it('scales the video overlay font with the video', async () => {
    const page = await open();
    const frame = page.locator('.video-frame');
    const overlay = page.locator('.video-subtitle-text');
    await page.getByRole('grid', { name: 'Cues' }).locator('[aria-rowindex="3"]').click();
    await overlay.waitFor();
    const measure = async () => ({
      frame: (await box(frame)).height,
      font: await overlay.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
    });
    await resize(page, 1440, 1000);
    const large = await measure();
    await resize(page, 1024, 640);
    const small = await measure();
    expect(small.frame).toBeLessThan(large.frame);
    expect(small.font).toBeLessThan(large.font);
    expect(small.font / small.frame).toBeCloseTo(large.font / large.frame, 2);
  });
});
