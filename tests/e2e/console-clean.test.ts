// A clean console through a whole session: open the 3-minute interview with its video, play, edit, save, close. Any
// console error or warning in the renderer (a CSP violation, a 404 such as the favicon, a React warning), any
// uncaught error or unhandled rejection there, and any process warning of the services (Node's "Closing file
// descriptor N on garbage collection" when a media stream is left open, deprecations) fails the test.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupE2eSession } from '../support/e2e-session';

const session = setupE2eSession('console-clean');

// Forcing a collection makes a file handle left to the garbage collector speak now, inside the test.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const processWarnings: string[] = [];
const onWarning = (warning: Error) => processWarnings.push(`${warning.name}: ${warning.message}`);
beforeEach(() => {
  processWarnings.length = 0;
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
});

describe('console', () => {
  it('stays clean in the renderer and in the services through open, play, edit, save and close', async () => {
    const srt = session.copyFixture('interview-3min.srt');
    const mp4 = session.copyFixture('interview-3min.mp4');
    const problems: string[] = [];
    const listen = async (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) => {
        // A media range request the element abandons for a newer one is not a failure the person sees.
        if (!request.url().includes('/media/')) problems.push(`request failed: ${request.url()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await page.addInitScript(() => {
        window.addEventListener('unhandledrejection', (event) =>
          console.error(`unhandled rejection: ${String(event.reason)}`),
        );
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
        );
      });
    };
    const app = await session.launch({ files: [srt, mp4], beforeLoad: listen });
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
    await page.getByRole('region', { name: 'Video' }).locator('video').waitFor();
    // The favicon is the app icon, served by the page's own origin.
    const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '');
    expect(icon).not.toBe('');
    expect((await page.request.get(icon)).status()).toBe(200);

    // The overview waveform keeps wavesurfer's layout without its blocked inline <style> (docs/security.md).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const canvas = document.querySelector('.overview-mount > div')?.shadowRoot?.querySelector('canvas');
          return canvas ? getComputedStyle(canvas).position : 'missing';
        }),
      )
      .toBe('absolute');

    // Play a second, pause, seek about (each seek aborts the element's running range request), play again.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
      .toBeGreaterThan(0.5);
    await page.getByRole('button', { name: 'Pause' }).click();
    const wave = (await page.getByRole('img', { name: 'Waveform' }).boundingBox())!;
    for (const fraction of [0.8, 0.2, 0.6, 0.4]) await page.mouse.click(wave.x + wave.width * fraction, wave.y + 3);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Pause' }).click();

    // Edit the first cue's text, save, close.
    const grid = page.getByRole('grid', { name: 'Cues' });
    await grid.locator('[aria-rowindex="2"]').click();
    const text = page.getByRole('textbox', { name: 'Text', exact: true });
    await text.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited)');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('Saved');
    expect(readFileSync(srt, 'utf8')).toContain('(edited)');
    await app.menu('file.close');
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('No file');

    await app.close();
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 200));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(problems).toEqual([]);
    expect(processWarnings).toEqual([]);
  });
});
