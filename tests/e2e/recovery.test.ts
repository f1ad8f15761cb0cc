// Recovery in the built app: edits journaled while typing survive a crash and come back when asked for; a document
// with unsaved edits is never replaced without asking; edits undone back to the saved state are not offered.
// A crash is real: the services run in a process of their own, killed with SIGKILL (no shutdown, no flush), and the
// app starts again on the same data folder.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LaunchedApp } from '../support/app';
import type { HostOptions } from '../support/browser-host';
import { setupE2eSession } from '../support/e2e-session';

const session = setupE2eSession('recovery');
const { copyFixture, work } = session;
/** Every launch runs its services in a process of their own, so `crash()` can kill it. */
const launch = (options: HostOptions) => session.launch({ ...options, serviceProcess: true });

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
/** The row of cue number `n` (1-based) in the cue list; the header is row 1. */
const row = (page: Page, n: number) => page.getByRole('grid').locator(`[aria-rowindex="${n + 1}"]`);

/** Every journal log in the data folder, concatenated (to wait until an edit is on disk before crashing). */
function journaled(dataDir: string): string {
  const root = path.join(dataDir, 'recovery');
  let out = '';
  try {
    for (const folder of readdirSync(root))
      for (const name of readdirSync(path.join(root, folder)))
        if (name.endsWith('.log')) out += readFileSync(path.join(root, folder, name), 'utf8');
  } catch {
    // Not there yet.
  }
  return out;
}

async function opened(app: LaunchedApp, name: string): Promise<Page> {
  const { page } = app;
  await expect.poll(() => page.getByTestId('file-name').textContent(), { timeout: 20_000 }).toContain(name);
  return page;
}

/** Types `text` at the end of cue `n`'s Text box, key by key, as a person would. */
async function typeInto(page: Page, n: number, text: string): Promise<void> {
  await row(page, n).click();
  await field(page, 'Text').click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

describe('recovery after a crash', () => {
  it('restores the text typed before the crash', async () => {
    const file = copyFixture('interview-3min.srt');
    const env = { CUEWAVE_DATA_DIR: path.join(work(), 'data-restore') };
    let app = await launch({ files: [file], env });
    const page = await opened(app, path.basename(file));
    await typeInto(page, 4, ' recovered words');
    await expect.poll(() => journaled(env.CUEWAVE_DATA_DIR), { timeout: 10_000 }).toContain('recovered words');
    await app.crash();

    app = await launch({ env });
    const offer = app.page.getByRole('alertdialog', { name: `Recover ${path.basename(file)}` });
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(
      /Unsaved changes to .*interview-3min\.srt were found \(\d+ edits?, last today at/,
    );
    await offer.getByRole('button', { name: 'Compare' }).click();
    expect(await app.page.getByTestId('recovery-compare').textContent()).toContain('recovered words');
    await offer.getByRole('button', { name: 'Restore' }).click();
    const restored = await opened(app, path.basename(file));
    expect(await restored.getByTestId('file-name').textContent()).toContain('•');
    await row(restored, 4).click();
    expect(await field(restored, 'Text').inputValue()).toMatch(/ recovered words$/);
    expect(await offer.count()).toBe(0);
  });

  it('asks before restoring over another file with unsaved edits, and loses neither', async () => {
    const crashed = copyFixture('interview-3min.srt');
    const other = copyFixture('interview-3min-offset.srt');
    const env = { CUEWAVE_DATA_DIR: path.join(work(), 'data-other') };
    let app = await launch({ files: [crashed], env });
    let page = await opened(app, path.basename(crashed));
    await typeInto(page, 2, ' from the crash');
    await expect.poll(() => journaled(env.CUEWAVE_DATA_DIR), { timeout: 10_000 }).toContain('from the crash');
    await app.crash();

    app = await launch({ files: [other], env });
    page = await opened(app, path.basename(other));
    await typeInto(page, 3, ' work of today');
    const offer = page.getByRole('alertdialog', { name: `Recover ${path.basename(crashed)}` });
    await offer.getByRole('button', { name: 'Restore' }).click();
    const prompt = page.getByRole('dialog', { name: 'Unsaved changes' });
    expect(await prompt.textContent()).toContain(path.basename(other));
    // Cancel: nothing changes, the offer stays.
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('file-name').textContent()).toContain(path.basename(other));
    await row(page, 3).click();
    expect(await field(page, 'Text').inputValue()).toMatch(/ work of today$/);
    // Save: today's work is written, then the crashed file's edits are restored.
    await offer.getByRole('button', { name: 'Restore' }).click();
    await prompt.getByRole('button', { name: 'Save', exact: true }).click();
    await opened(app, path.basename(crashed));
    expect(readFileSync(other, 'utf8')).toContain(' work of today\n');
    await row(page, 2).click();
    expect(await field(page, 'Text').inputValue()).toMatch(/ from the crash$/);
  });

  it('offers nothing when the edits were undone back to the saved state before the crash', async () => {
    const file = copyFixture('interview-3min.srt');
    const env = { CUEWAVE_DATA_DIR: path.join(work(), 'data-undone') };
    let app = await launch({ files: [file], env });
    const page = await opened(app, path.basename(file));
    await typeInto(page, 5, ' undone');
    await expect.poll(() => journaled(env.CUEWAVE_DATA_DIR), { timeout: 10_000 }).toContain('undone');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('file-name').textContent()).not.toContain('•');
    // The journal is gone once the undo reached main.
    await expect.poll(() => journaled(env.CUEWAVE_DATA_DIR), { timeout: 10_000 }).toBe('');
    await app.crash();

    app = await launch({ files: [file], env });
    await opened(app, path.basename(file));
    // Give a late offer every chance to appear: the startup call has answered once the file is shown.
    await app.page.waitForTimeout(300);
    expect(await app.page.getByTestId('recovery').count()).toBe(0);
  });
});
