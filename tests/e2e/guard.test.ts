// What the user sees when the safety net matters: an uncertain encoding is said and can be reopened in another one,
// a catastrophic regular expression cannot freeze the window, and a failed save names the file, keeps the edits
// and leaves Save As working.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupE2eSession } from '../support/e2e-session';

const { app, launch, work } = setupE2eSession('guard');

async function open(files: string[]): Promise<Page> {
  const launched = await launch({ files });
  await launched.page.setViewportSize({ width: 1440, height: 900 });
  await launched.page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
  return launched.page;
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Cues' });
const cueText = (page: Page, n: number) =>
  grid(page)
    .locator(`[aria-rowindex="${n + 1}"]`)
    .locator('[role="gridcell"]')
    .nth(5)
    .textContent();

function srt(lines: readonly string[]): string[] {
  return lines.map((line, i) => `${i + 1}\n00:00:0${i + 1},000 --> 00:00:0${i + 1},900\n${line}\n\n`);
}

const RU = ['Привет, как дела?', 'Я не знаю, что сказать.', 'Мы пойдём в кино завтра.', 'Это очень хорошая идея.'];

describe('guarding the user’s work', () => {
  it('an encoding guess is said with the file name, and Reopen with Encoding… reads the file again', async () => {
    // Cue 1 in UTF-8, the others in Windows-1251: no single encoding reads every line.
    const file = path.join(work(), 'mixed.srt');
    const blocks = srt(RU);
    writeFileSync(
      file,
      Buffer.concat(blocks.map((b, i) => (i === 0 ? Buffer.from(b) : iconv.encode(b, 'windows-1251')))),
    );
    const page = await open([file]);
    const banner = page.getByTestId('encoding-guess');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      /^mixed\.srt: the encoding is a guess: .*mixes encodings: 1 line is UTF-8/,
    );
    // Guessed as Windows-1251: the legacy lines read right, the UTF-8 line is mojibake until reopened as UTF-8.
    expect(await page.getByTestId('encoding').textContent()).toBe('windows-1251');
    expect(await cueText(page, 2)).toBe(RU[1]);
    expect(await cueText(page, 1)).not.toBe(RU[0]);
    await banner.getByRole('button', { name: 'Reopen with Encoding…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reopen with Encoding' });
    await dialog.getByRole('combobox', { name: 'Encoding' }).selectOption('utf-8');
    await dialog.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => page.getByTestId('encoding').textContent()).toBe('utf-8');
    await expect.poll(() => banner.count()).toBe(0);
    expect(await cueText(page, 1)).toBe(RU[0]);
    // The lines that are not UTF-8 are said to be replaced (and lost on save), never silently.
    expect(await page.getByTestId('status').textContent()).toMatch(
      /Reopened mixed\.srt as utf-8\. \d+ invalid byte sequences in utf-8 replaced with U\+FFFD/,
    );
  });

  it('(a+)+$ on a 31-character cue neither freezes the window nor fails; replace is safe too', async () => {
    const file = path.join(work(), 'evil.srt');
    writeFileSync(file, srt([`${'a'.repeat(30)}!`, 'plain words', 'aaa']).join(''));
    const page = await open([file]);
    await page.keyboard.press('Control+H');
    const dialog = page.getByRole('dialog', { name: 'Find and replace' });
    await dialog.getByLabel('Regular expression').check();
    await dialog.getByRole('textbox', { name: 'Find' }).fill('(a+)+$');
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Find next' }).click();
    // The page answers at once (a backtracking engine would block it for many seconds here).
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await expect.poll(() => dialog.locator('[aria-live]').textContent(), { timeout: 5000 }).toBe('Cue 3');
    await dialog.getByRole('textbox', { name: 'Replace with' }).fill('[$1]');
    await dialog.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => dialog.locator('[aria-live]').textContent()).toBe('Replaced in 1 cue');
    expect(Date.now() - started).toBeLessThan(10_000);
    // RE2 differences and syntax errors are explained once, without a repeated prefix.
    await dialog.getByRole('textbox', { name: 'Find' }).fill('(a');
    await dialog.getByRole('button', { name: 'Find next' }).click();
    expect(await dialog.locator('[aria-live]').textContent()).toBe(
      'Invalid regular expression: missing closing ): `(a`',
    );
    await dialog.getByRole('textbox', { name: 'Find' }).fill('a(?=!)');
    await dialog.getByRole('button', { name: 'Find next' }).click();
    expect(await dialog.locator('[aria-live]').textContent()).toMatch(/^Lookahead .* not supported/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await cueText(page, 3)).toBe('[aaa]');
    expect(await cueText(page, 1)).toBe(`${'a'.repeat(30)}!`);
  });

  it('a failed save names the file and what to do, keeps the edits, and Save As still works', async () => {
    const file = path.join(work(), 'locked.srt');
    const original = srt(['first line', 'second line']).join('');
    writeFileSync(file, original);
    chmodSync(file, 0o444);
    const page = await open([file]);
    await grid(page).locator('[aria-rowindex="2"]').click();
    await page.getByRole('textbox', { name: 'Text', exact: true }).fill('edited line');
    await app().menu('file.save');
    const status = page.getByTestId('status');
    await expect.poll(() => status.textContent()).toContain(`Could not save ${file}: you do not have permission`);
    expect(await status.textContent()).toMatch(/Save As…/);
    expect(await status.textContent()).not.toMatch(/EACCES|EPERM/);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(await page.getByTestId('file-name').textContent()).toContain('•');
    expect(await cueText(page, 1)).toBe('edited line');
    const elsewhere = path.join(work(), 'saved-elsewhere.srt');
    await app().dialogs.queueSave(elsewhere);
    await app().menu('file.saveAs');
    await expect.poll(() => status.textContent()).toContain('Saved saved-elsewhere.srt');
    expect(readFileSync(elsewhere, 'utf8')).toContain('edited line');
  });

  it('the page cannot hand a path of its own to the allow-list: dropPaths is not offered and is refused', async () => {
    const file = path.join(work(), 'any.srt');
    writeFileSync(file, srt(['hello']).join(''));
    const page = await open([file]);
    const result = await page.evaluate(async () => {
      const api = (window as unknown as { cuewave: Record<string, unknown> }).cuewave;
      const invoke = (window as unknown as { __cuewaveInvoke: (c: string, r: string, p: null) => Promise<string> })
        .__cuewaveInvoke;
      const forged = JSON.parse(await invoke('dropPaths', JSON.stringify({ paths: ['/etc/hostname'] }), null));
      const read = await (api.openDocument as (r: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)({
        path: '/etc/hostname',
      });
      const dropped = await (api.dropFiles as (f: unknown[]) => Promise<unknown>)([new File(['x'], '/etc/hostname')]);
      return { hasDropPaths: 'dropPaths' in api, forged, read, dropped };
    });
    expect(result.hasDropPaths).toBe(false);
    expect(result.forged).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(result.read).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.dropped).toEqual({ ok: true, value: { subtitle: null, media: null } });
  });

  it('start-up notices from main (damaged settings set aside) are shown in words, once', async () => {
    const dataDir = path.join(work(), 'data-damaged');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'settings.json'), '{ "theme": ');
    const file = path.join(work(), 'notice.srt');
    writeFileSync(file, srt(['hello']).join(''));
    const launched = await launch({ files: [file], env: { CUEWAVE_DATA_DIR: dataDir } });
    const page = launched.page;
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    const notice = page.getByTestId('startup-notice');
    await notice.first().waitFor();
    expect(await notice.first().textContent()).toMatch(/settings/i);
    await page.screenshot({ path: path.join(work(), 'notices.png') });
    await notice.first().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    // A reload of the page does not say it again.
    await page.reload();
    await page.getByTestId('app').waitFor();
    // The start-up call of the reloaded page has answered once the theme from the settings is applied.
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('startup-notice').count()).toBe(0);
  });
});
