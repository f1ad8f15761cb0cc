// The real Electron app (Playwright's _electron): window security, the preload bridge, opening from the command
// line, and refusals. Skips itself, saying why, where no Electron binary exists.
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { LOCAL_HELPERS, PAGE_CHANNELS } from '../../src-shared/ipc-contract';
import { type ElectronHost, launchElectronHost } from '../support/electron-host';
import { fixturePath } from '../support/fixtures';

const binary = findElectronBinary();
if (!binary.found)
  console.log(`Electron suite skipped: no Electron binary at ${binary.path} (run \`npx install-electron\`).`);

describe.skipIf(!binary.found)('Electron app', () => {
  let host: ElectronHost;
  let page: Page;
  let electronApp: ElectronApplication;

  beforeAll(async () => {
    host = await launchElectronHost({ files: [fixturePath('interview.srt')] });
    page = host.page;
    electronApp = host.app;
  });
  afterAll(async () => {
    await host?.close();
  });

  it('opens the command-line file and shows its cue count and encoding', async () => {
    await page.getByTestId('cue-count').waitFor();
    expect(await page.getByTestId('cue-count').textContent()).toBe('2324');
    expect(await page.getByTestId('encoding').textContent()).toBe('utf-8');
  });

  it('sets the window title from the document', async () => {
    await expect
      .poll(() => electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
      .toBe('interview.srt — Cuewave');
  });

  it('runs the renderer sandboxed, isolated and without Node', async () => {
    const prefs = await electronApp.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      const p = (contents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return { sandbox: p.sandbox, contextIsolation: p.contextIsolation, nodeIntegration: p.nodeIntegration };
    });
    expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  it('exposes exactly the contract on window.cuewave', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { cuewave: object }).cuewave).sort());
    expect(keys).toEqual([...PAGE_CHANNELS, ...LOCAL_HELPERS].sort());
  });

  it('refuses paths the user never chose', async () => {
    const result = await page.evaluate(() =>
      (window as unknown as { cuewave: { openDocument(r: unknown): Promise<unknown> } }).cuewave.openDocument({
        path: '/etc/passwd',
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('opens File > Open from the menu through the dialog', async () => {
    await host.dialogs.queueOpen(fixturePath('interview-gb18030.srt'));
    await electronApp.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('file.open')?.click());
    await expect.poll(() => page.getByTestId('encoding').textContent()).toBe('gb18030');
  });
});
