// Panels are resizable and the layout is remembered: drag two splitters, close the app, start it again on the same
// data folder, and the panels come back at their new sizes (kept in settings.json, not in the page's storage). The
// theme setting is honoured too: settings.json asks for dark, which the page shows although the system is light.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PANELS } from '../../src-shared/ipc-contract';
import { type LaunchedApp, launchApp } from '../support/app';
import { fixturePath } from '../support/fixtures';

let dataDir: string;
let app: LaunchedApp | null = null;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'cuewave-editor-layout-'));
  writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ theme: 'dark' })}\n`);
});
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<Page> {
  app = await launchApp({ files: [fixturePath('interview-3min.srt')], env: { CUEWAVE_DATA_DIR: dataDir } });
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
  return page;
}

const splitter = (page: Page, name: string) => page.getByRole('separator', { name, exact: true });
const cueList = (page: Page) => page.getByRole('grid', { name: 'Cues' });
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });

async function box(locator: ReturnType<Page['locator']>) {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error('not laid out');
  return rect;
}

/** Drags a splitter by (dx, dy) with the mouse, in small steps as a hand would. */
async function drag(page: Page, name: string, dx: number, dy: number): Promise<void> {
  const rect = await box(splitter(page, name));
  const x = rect.x + rect.width / 2;
  const y = rect.y + rect.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 10 });
  await page.mouse.up();
}

function storedLayout(): Record<string, number> | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).layout;
  } catch {
    return undefined;
  }
}

describe('panel layout', () => {
  it('starts with the default sizes, in the theme the settings ask for, and splitters people can find', async () => {
    const page = await start();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const list = splitter(page, 'Resize cue list');
    expect(await list.getAttribute('aria-orientation')).toBe('vertical');
    expect(await list.getAttribute('aria-valuenow')).toBe(String(PANELS.listPx.initial));
    expect(await list.getAttribute('aria-valuemin')).toBe(String(PANELS.listPx.min));
    expect(await list.getAttribute('aria-valuemax')).toBe(String(PANELS.listPx.max));
    const time = splitter(page, 'Resize timeline');
    expect(await time.getAttribute('aria-orientation')).toBe('horizontal');
    expect(await time.getAttribute('aria-valuenow')).toBe(String(PANELS.timelinePx.initial));
    expect(await splitter(page, 'Resize editor').getAttribute('aria-valuenow')).toBe(String(PANELS.topPx.initial));
    expect(Math.round((await box(cueList(page))).width)).toBe(PANELS.listPx.initial);
  });

  it('resizes by dragging and saves the sizes to settings.json once the drag has rested', async () => {
    const page = await start();
    await drag(page, 'Resize cue list', -200, 0);
    await drag(page, 'Resize timeline', 0, 60);
    const listPx = PANELS.listPx.initial - 200;
    const timelinePx = PANELS.timelinePx.initial + 60;
    expect(await splitter(page, 'Resize cue list').getAttribute('aria-valuenow')).toBe(String(listPx));
    expect(await splitter(page, 'Resize timeline').getAttribute('aria-valuenow')).toBe(String(timelinePx));
    expect(Math.round((await box(cueList(page))).width)).toBe(listPx);
    expect(Math.round((await box(timeline(page))).height)).toBe(timelinePx);
    await expect.poll(storedLayout, { timeout: 10_000 }).toMatchObject({ listPx, timelinePx });
    expect(storedLayout()).toMatchObject({ topPx: PANELS.topPx.initial });
    // The theme the user chose is still there, and nothing went to the page's own storage.
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).theme).toBe('dark');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it('comes back at the new sizes after a restart on the same data folder', async () => {
    const page = await start();
    const listPx = PANELS.listPx.initial - 200;
    const timelinePx = PANELS.timelinePx.initial + 60;
    await expect.poll(() => splitter(page, 'Resize cue list').getAttribute('aria-valuenow')).toBe(String(listPx));
    expect(await splitter(page, 'Resize timeline').getAttribute('aria-valuenow')).toBe(String(timelinePx));
    expect(await splitter(page, 'Resize editor').getAttribute('aria-valuenow')).toBe(String(PANELS.topPx.initial));
    expect(Math.round((await box(cueList(page))).width)).toBe(listPx);
    expect(Math.round((await box(timeline(page))).height)).toBe(timelinePx);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  });
});
