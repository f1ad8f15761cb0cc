// Video preview: with media that has video, the frame at the playhead is shown with the current subtitle drawn over
// it as text. interview-3min.mp4 has a burned-in running timecode, and its cues come from interview-3min.srt.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSrt } from '../../src-shared/srt';
import { visibleText } from '../../src-shared/text-metrics';
import { parseTime } from '../../src-shared/time';
import { ROOT } from '../support/build';
import { setupE2eSession } from '../support/e2e-session';
import { fixturePath, readFixtureText } from '../support/fixtures';

const session = setupE2eSession('editor-video');
const cues = readSrt(readFixtureText('interview-3min.srt')).doc.cues;

describe('video preview', () => {
  it('shows the video frame at the playhead with the cue under the playhead drawn over it', async () => {
    const { page } = await session.launch({
      files: [fixturePath('interview-3min.srt'), fixturePath('interview-3min.mp4')],
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('img', { name: 'Waveform' }).getAttribute('data-state')).toBe('ready');
    const preview = page.getByRole('region', { name: 'Video' });
    await preview.waitFor();
    const overlay = preview.locator('.video-subtitle-text');
    const wave = (await page.getByRole('img', { name: 'Waveform' }).boundingBox())!;

    // Click the waveform (its top edge, above the cue blocks) until the playhead lands inside a cue, then compare the
    // overlay with that cue.
    let checked = 0;
    for (let x = 40; x < wave.width - 20 && checked < 3; x += 97) {
      await page.mouse.click(wave.x + x, wave.y + 3);
      const status = (await page.getByRole('status').textContent()) ?? '';
      const playheadMs = parseTime(/\d\d:\d\d:\d\d,\d\d\d/.exec(status)?.[0] ?? '');
      expect(playheadMs).not.toBeNull();
      const cue = cues.find((c) => c.startMs <= playheadMs! && playheadMs! < c.endMs);
      if (!cue) {
        await expect.poll(() => overlay.count()).toBe(0);
        continue;
      }
      await expect.poll(() => overlay.textContent()).toBe(visibleText(cue.text));
      // The media element follows the playhead (seeking through the media protocol's Range responses).
      await expect
        .poll(() => preview.locator('video').evaluate((v: HTMLVideoElement) => Math.round(v.currentTime * 1000)))
        .toBeGreaterThanOrEqual(playheadMs! - 50);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    const size = await preview.locator('video').evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight]);
    expect(size).toEqual([320, 180]);
    if (process.env.CUEWAVE_SCREENSHOTS === '1') {
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/editor-video.png') });
    }
  });
});
