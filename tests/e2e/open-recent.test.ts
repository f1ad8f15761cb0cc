// Open Recent reopens the subtitle with the media it was being edited with (remembered in settings.json across
// runs); when that media has gone, the subtitle opens alone and a notice says so in words.
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LaunchedApp } from '../support/app';
import { setupE2eSession } from '../support/e2e-session';

const session = setupE2eSession('open-recent');

async function waitForFile(app: LaunchedApp): Promise<void> {
  await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
}
const cueCount = async (app: LaunchedApp) => Number(await app.page.getByTestId('cue-count').textContent());
const videoSource = (app: LaunchedApp) =>
  app.page.locator('video').evaluate((v: HTMLVideoElement) => decodeURIComponent(v.currentSrc || v.src));

describe('Open Recent', () => {
  it('reopens the media that was open with the subtitle, and says so when that media is gone', async () => {
    const srt = session.copyFixture('interview-3min.srt');
    const mp4 = session.copyFixture('interview-3min.mp4');
    const env = { CUEWAVE_DATA_DIR: path.join(session.work(), 'data') };

    // First run: the subtitle and its video, as opened from the command line.
    let app = await session.launch({ files: [srt, mp4], env });
    await waitForFile(app);
    await expect.poll(() => app.page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
    await expect
      .poll(() => JSON.parse(readFileSync(path.join(env.CUEWAVE_DATA_DIR, 'settings.json'), 'utf8')).recentMedia)
      .toEqual({ [srt]: mp4 });
    await app.close();

    // Second run, nothing on the command line: Open Recent brings both back.
    app = await session.launch({ env });
    await app.openRecent(0);
    await waitForFile(app);
    expect(await cueCount(app)).toBe(101);
    await expect.poll(() => app.page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
    expect(await videoSource(app)).toContain(mp4);
    expect(await app.page.getByTestId('startup-notice').count()).toBe(0);
    await app.close();

    // The video was moved: the subtitle opens without it and the notice names the file and what to do.
    renameSync(mp4, `${mp4}.moved`);
    app = await session.launch({ env });
    await app.openRecent(0);
    await waitForFile(app);
    expect(await cueCount(app)).toBe(101);
    await expect(app.page.getByTestId('startup-notice').textContent()).resolves.toContain(
      `The media last used with ${path.basename(srt)} is no longer at ${mp4}: the subtitle was opened without it. ` +
        'Use Open Media to choose it again.',
    );
    expect(await videoSource(app)).toBe('');
  });
});
