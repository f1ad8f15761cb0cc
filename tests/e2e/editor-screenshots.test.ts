// Screenshots of the editor on the interview with its hour of audio, dark and light. The waveform must be drawn and
// the overlap near 01:00:00 in view. With CUEWAVE_SCREENSHOTS=1 they replace the README's docs/screenshots/*.png;
// otherwise they go to a temporary folder, so a test run never changes tracked files.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedApp, launchApp } from '../support/app';
import { ROOT } from '../support/build';
import { fixturePath } from '../support/fixtures';

const KEEP = process.env.CUEWAVE_SCREENSHOTS === '1';
const OUT = KEEP ? path.join(ROOT, 'docs/screenshots') : mkdtempSync(path.join(tmpdir(), 'cuewave-shots-'));
let app: LaunchedApp;

beforeAll(async () => {
  app = await launchApp({ files: [fixturePath('interview-broken.srt'), fixturePath('interview.ogg')] });
  await app.page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await app?.close();
  if (!KEEP) rmSync(OUT, { recursive: true, force: true });
});

describe('editor screenshots', () => {
  it('shows the editor on the interview in dark and light themes', async () => {
    const { page } = app;
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
    // Go to the overlap at the hour mark.
    await page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button', { name: /overlap/ })
      .first()
      .click();
    await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Cue 2141' }).waitFor();
    mkdirSync(OUT, { recursive: true });
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `editor-${colorScheme}.png`) });
    }
  });
});
