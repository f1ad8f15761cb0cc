// The Keyboard Shortcuts editor: rebind a command by pressing its new key, a clash is refused naming the command
// that holds the key, the bindings survive a restart on the same data folder (the new key works, the old one does
// not), and Reset puts the default back. With CUEWAVE_SCREENSHOTS=1 it also writes docs/screenshots/shortcut-editor.png.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath } from '../support/fixtures';

const session = setupE2eSession('shortcut-editor');
const GO_TO = 'Go to time or cue…';
const SET_END_AND_NEXT = 'Set end at playhead and select the next cue';

async function ready(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
}
const editor = (page: Page) => page.getByRole('dialog', { name: 'Edit keyboard shortcuts' });
const keysOf = (page: Page, label: string) =>
  editor(page)
    .getByRole('row', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .getByTestId('keys');
const goToDialog = (page: Page) => page.getByRole('dialog', { name: 'Go to time' });

describe('keyboard shortcuts editor', () => {
  it('rebinds a command, refuses a clash naming the holder, and keeps the binding over a restart', async () => {
    const dataDir = path.join(session.work(), 'data');
    const files = [session.copyFixture('interview-3min.srt'), fixturePath('interview-3min.wav')];
    let app = await session.launch({ files, env: { CUEWAVE_DATA_DIR: dataDir } });
    let { page } = app;
    await ready(page);

    // Opened from the menu (also Ctrl+Alt+K, and from the help overlay).
    await app.menu('help.editShortcuts');
    await editor(page).waitFor();
    expect(await keysOf(page, GO_TO).textContent()).toBe('Ctrl+G');
    // Every command is listed, the timing keys among them.
    for (const [label, keys] of [
      ['Play / pause', 'SpaceCtrl+P'],
      ['Stop', 'Escape'],
      ['Play selected cue', 'SCtrl+Shift+P'],
      [SET_END_AND_NEXT, 'G'],
      ['Start −100 ms', 'Alt+Left'],
      ['End +100 ms', 'Alt+Shift+Right'],
    ] as const) {
      expect(await keysOf(page, label).textContent()).toBe(keys);
    }

    // Rebind Go to time to Ctrl+J by pressing it.
    await editor(page)
      .getByRole('button', { name: `Change the shortcut of ${GO_TO}` })
      .click();
    await page.keyboard.press('Control+J');
    await expect.poll(() => keysOf(page, GO_TO).textContent()).toBe('Ctrl+J');
    expect(await editor(page).getByTestId('shortcut-notice').textContent()).toBe(`${GO_TO}: now Ctrl+J`);

    // A key another command holds is refused, naming that command; nothing changes.
    await editor(page).getByRole('button', { name: 'Change the shortcut of Play / pause' }).click();
    await page.keyboard.press('g');
    await expect
      .poll(() => editor(page).getByRole('alert').textContent())
      .toBe(`G is already the key of "${SET_END_AND_NEXT}"`);
    expect(await keysOf(page, 'Play / pause').textContent()).toBe('SpaceCtrl+P');
    if (process.env.CUEWAVE_SCREENSHOTS === '1') {
      await editor(page)
        .getByRole('row', { name: /^Timing$/ })
        .scrollIntoViewIfNeeded();
      await editor(page)
        .locator('.shortcut-table-scroll')
        .evaluate((element) => {
          element.scrollTop = (element.querySelector('tr.changed') as HTMLElement).offsetTop - 200;
        });
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/shortcut-editor.png') });
    }

    // Escape while waiting for a key cancels the change and leaves the dialog open.
    await editor(page)
      .getByRole('button', { name: `Change the shortcut of ${SET_END_AND_NEXT}` })
      .click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => editor(page).getByTestId('shortcut-notice').textContent())
      .toBe(`${SET_END_AND_NEXT}: unchanged`);
    expect(await editor(page).count()).toBe(1);
    await editor(page).getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => editor(page).count()).toBe(0);

    // At once: Ctrl+J goes to a time, Ctrl+G no longer does.
    await page.keyboard.press('Control+G');
    await page.waitForTimeout(300);
    expect(await goToDialog(page).count()).toBe(0);
    await page.keyboard.press('Control+J');
    await goToDialog(page).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => goToDialog(page).count()).toBe(0);
    // The settings file has the change.
    await expect
      .poll(() => JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).shortcuts)
      .toEqual({ 'timing.goToTime': ['Mod+J'] });

    // Restart on the same data folder: the binding holds.
    await app.close();
    app = await session.launch({ files, env: { CUEWAVE_DATA_DIR: dataDir } });
    page = app.page;
    await ready(page);
    await page.keyboard.press('Control+G');
    await page.waitForTimeout(300);
    expect(await goToDialog(page).count()).toBe(0);
    await page.keyboard.press('Control+J');
    await goToDialog(page).waitFor();
    await page.getByRole('textbox', { name: 'Go to time' }).fill('#5');
    await page.getByRole('textbox', { name: 'Go to time' }).press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/cue 5/);
    // The help overlay lists the new key.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.getByRole('row', { name: new RegExp(`^${GO_TO}`) }).textContent()).toContain('Ctrl+J');

    // Reset from the editor (reached from the help overlay): Ctrl+G again.
    await help.getByRole('button', { name: 'Change shortcuts…' }).click();
    await editor(page).waitFor();
    await editor(page)
      .getByRole('button', { name: `Reset the shortcut of ${GO_TO}` })
      .click();
    await expect.poll(() => keysOf(page, GO_TO).textContent()).toBe('Ctrl+G');
    await editor(page).getByRole('button', { name: 'Close', exact: true }).click();
    await page.keyboard.press('Control+G');
    await goToDialog(page).waitFor();
    await expect
      .poll(() => JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).shortcuts)
      .toEqual({});
  }, 120_000);
});
