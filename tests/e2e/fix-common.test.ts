// Fix common errors in the built renderer on interview-broken.srt: the rules (remembered in the settings), a preview
// of every change with before / after and a checkbox each, applied as one undo step, then undone; a screenshot.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupE2eSession } from '../support/e2e-session';
import { readFixtureText } from '../support/fixtures';

const { copyFixture, launch, work } = setupE2eSession('fix-common');

const cueCount = async (page: Page) => Number(await page.getByTestId('cue-count').textContent());

describe('Fix common errors', () => {
  it('previews every change, applies the checked ones as one undo step, and undoes them', async () => {
    const file = copyFixture('interview-broken.srt');
    const app = await launch({ files: [file] });
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => cueCount(page)).toBe(2324);

    await page.getByRole('grid', { name: 'Cues' }).focus();
    await page.keyboard.press('Control+Shift+F');
    const dialog = page.getByRole('dialog', { name: 'Fix common errors' });
    await dialog.waitFor();
    // The optional rules start off.
    expect(await dialog.getByRole('checkbox', { name: /Hearing-impaired text/ }).isChecked()).toBe(false);
    expect(await dialog.getByRole('checkbox', { name: /Full-width punctuation in Chinese/ }).isChecked()).toBe(true);
    const review = dialog.getByRole('list', { name: 'Proposed changes' });
    await review.waitFor();
    const rows = review.getByRole('listitem');
    const total = await rows.count();
    expect(total).toBeGreaterThan(10);
    expect(await dialog.getByText(`${total} of ${total} changes accepted`).count()).toBe(1);
    // Cue 900 has no text: it is deleted; the Chinese commas become full-width.
    const empty = rows.filter({ has: page.getByRole('checkbox', { name: 'Cue 900', exact: true }) });
    expect(await empty.getByTestId('after').textContent()).toBe('(cue deleted)');
    const first = rows.filter({ hasText: ',' }).first();
    const before = await first.getByTestId('before').textContent();
    const after = await first.getByTestId('after').textContent();
    expect(after).toBe(before?.replace(/,/g, '，'));
    await page.screenshot({ path: path.join(process.env.CUEWAVE_SHOTS ?? work(), 'fix-common.png') });

    // Leave the first change out, turn a rule off and on again (remembered), then apply.
    await first.getByRole('checkbox').uncheck();
    expect(await dialog.getByText(`${total - 1} of ${total} changes accepted`).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cueCount(page)).toBe(2323);
    expect(await page.getByRole('status').textContent()).toMatch(
      new RegExp(`Fixed common errors in ${total - 2} cues, removed 1 empty cue`),
    );

    // One undo takes it all back: the saved file is the original, byte for byte.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cueCount(page)).toBe(2324);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved');
    expect(readFileSync(file, 'utf8')).toBe(readFixtureText('interview-broken.srt'));
  });

  it('remembers the rules turned on, and the file’s validation profile, across a restart', async () => {
    const dataDir = path.join(work(), 'data');
    mkdirSync(dataDir, { recursive: true });
    const file = copyFixture('interview-3min.srt');
    const start = async () => {
      const app = await launch({ files: [file], env: { CUEWAVE_DATA_DIR: dataDir } });
      await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
      await expect.poll(() => cueCount(app.page)).toBe(101);
      return app;
    };
    const settings = () => JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
    const first = await start();
    await first.page.getByRole('combobox', { name: 'Validation profile' }).selectOption('netflix-en');
    await first.page.getByRole('grid', { name: 'Cues' }).focus();
    await first.page.keyboard.press('Control+Shift+F');
    const dialog = first.page.getByRole('dialog', { name: 'Fix common errors' });
    await dialog.getByRole('checkbox', { name: /Three dots to an ellipsis/ }).check();
    await expect.poll(() => settings().fixRules).toContain('ellipsis');
    await expect.poll(() => settings().profileByFile?.[file]).toBe('netflix-en');
    await first.close();

    const second = await start();
    expect(await second.page.getByRole('combobox', { name: 'Validation profile' }).inputValue()).toBe('netflix-en');
    await second.page.getByRole('grid', { name: 'Cues' }).focus();
    await second.page.keyboard.press('Control+Shift+F');
    const again = second.page.getByRole('dialog', { name: 'Fix common errors' });
    expect(await again.getByRole('checkbox', { name: /Three dots to an ellipsis/ }).isChecked()).toBe(true);
  });
});
