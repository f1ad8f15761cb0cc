// The Problems panel on interview-broken.srt in the built renderer: group by code with counts (collapsible),
// filter by severity and code, F8 / Shift+F8, fix the invalid timestamp from the panel, fix all of one code after a
// preview, and a screenshot of the grouped panel.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupE2eSession } from '../support/e2e-session';

const { copyFixture, launch, work } = setupE2eSession('problems-panel');

async function open(): Promise<Page> {
  const app = await launch({ files: [copyFixture('interview-broken.srt')] });
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
  await expect.poll(() => app.page.getByTestId('cue-count').textContent()).toBe('2324');
  return app.page;
}

const panel = (page: Page) => page.getByRole('region', { name: 'Problems' });
const items = (page: Page) => panel(page).getByRole('listitem');
const focusedNumber = async (page: Page) =>
  Number(
    await page
      .getByRole('grid', { name: 'Cues' })
      .locator('[aria-selected="true"]')
      .first()
      .getAttribute('aria-rowindex'),
  ) - 1;

describe('Problems panel', () => {
  it('groups by code with counts, collapses a group, filters by severity and by code', async () => {
    const page = await open();
    const all = Number(
      (
        await panel(page)
          .getByRole('button', { name: /^All \d+$/ })
          .textContent()
      )?.split(' ')[1],
    );
    expect(all).toBeGreaterThan(200);

    await panel(page).getByRole('checkbox', { name: 'Group by code' }).check();
    const tooShort = panel(page).getByRole('button', { name: /^too-short: \d+$/ });
    const shortCount = Number((await tooShort.getAttribute('aria-label'))?.split(': ')[1]);
    expect(shortCount).toBeGreaterThan(100);
    expect(await panel(page).getByRole('button', { name: 'overlap: 1' }).count()).toBe(1);
    expect(await items(page).count()).toBe(all);
    mkdirSync(process.env.CUEWAVE_SHOTS ?? path.join(work(), 'shots'), { recursive: true });
    await panel(page).screenshot({
      path: path.join(process.env.CUEWAVE_SHOTS ?? path.join(work(), 'shots'), 'problems-grouped.png'),
    });

    // Collapsing the big group hides its rows; its header stays with the count.
    await tooShort.click();
    expect(await tooShort.getAttribute('aria-expanded')).toBe('false');
    expect(await items(page).count()).toBe(all - shortCount);
    await tooShort.click();
    expect(await items(page).count()).toBe(all);

    await panel(page).getByRole('button', { name: 'Errors 5' }).click();
    expect(await items(page).count()).toBe(5);
    const codes = await items(page).locator('.code').allTextContents();
    expect(codes.sort()).toEqual([
      'invalid-timestamp',
      'negative-duration',
      'out-of-order',
      'overlap',
      'zero-duration',
    ]);

    await panel(page)
      .getByRole('button', { name: /^All \d+$/ })
      .click();
    await panel(page).getByRole('combobox', { name: 'Problem code' }).selectOption('malformed-timestamp');
    expect(await items(page).count()).toBe(2);
    expect(await items(page).locator('.problem-cue').allTextContents()).toEqual(['#250', '#2150']);
  });

  it('walks the problems with F8 and Shift+F8, marking the current one', async () => {
    const page = await open();
    await panel(page).getByRole('button', { name: 'Errors 5' }).click();
    await page.getByRole('grid', { name: 'Cues' }).focus();
    await page.keyboard.press('F8');
    await expect.poll(() => focusedNumber(page)).toBe(150);
    await page.keyboard.press('F8');
    await expect.poll(() => focusedNumber(page)).toBe(204);
    expect(await panel(page).locator('[aria-current="true"] .code').textContent()).toBe('invalid-timestamp');
    await page.keyboard.press('Shift+F8');
    await expect.poll(() => focusedNumber(page)).toBe(150);
    // It works from the Text box too: function keys type nothing.
    await page.getByRole('textbox', { name: 'Text', exact: true }).focus();
    await page.keyboard.press('F8');
    await expect.poll(() => focusedNumber(page)).toBe(204);
  });

  it('fixes the invalid timestamp from the panel, showing the carried-over value first, and undoes it', async () => {
    const page = await open();
    await panel(page).getByRole('combobox', { name: 'Problem code' }).selectOption('invalid-timestamp');
    const fix = panel(page).getByRole('button', { name: 'Write 00:06:00,433 --> 00:06:01,300 of cue 204' });
    expect(await fix.getAttribute('title')).toBe(
      'Replace "00:05:60,433 --> 00:06:01,300" with "00:06:00,433 --> 00:06:01,300"',
    );
    await fix.click();
    await expect.poll(() => items(page).count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toMatch(/4 errors/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => items(page).count()).toBe(1);
  });

  it('accepts a retyped start time as the fix', async () => {
    const page = await open();
    await panel(page).getByRole('combobox', { name: 'Problem code' }).selectOption('invalid-timestamp');
    await items(page).getByRole('button').first().click();
    const start = page.getByRole('textbox', { name: 'Start', exact: true });
    await expect.poll(() => start.inputValue()).toBe('00:06:00,433');
    // Typed again over the value, key by key, as a person would.
    await start.selectText();
    await page.keyboard.type('00:06:00,433');
    await start.press('Enter');
    await expect.poll(() => items(page).count()).toBe(0);
  });

  it('fixes all cues out of order after a preview of what moves, as one undo step', async () => {
    const page = await open();
    await panel(page).getByRole('combobox', { name: 'Problem code' }).selectOption('out-of-order');
    await panel(page).getByRole('button', { name: 'Fix all out-of-order…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fix all out-of-order' });
    await dialog.waitFor();
    expect(await dialog.getByText('2 cues out of order to fix').count()).toBe(1);
    expect(await dialog.getByTestId('after').allTextContents()).toEqual(['cue 300', 'cue 301']);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => items(page).count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toContain('Fixed 2 cues out of order');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => items(page).count()).toBe(1);
  });
});
