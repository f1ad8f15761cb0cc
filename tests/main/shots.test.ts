/** Specification of detectShots: cut times of a video with known cuts, none without cuts or video, cache, errors. */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from '../../src-main/services/media-tools';
import { detectShots } from '../../src-main/services/shots';
import { fixturePath } from '../support/fixtures';
import { writeCutVideo } from '../support/media-layers';

let tmp: string;
let video: string;
let cuts: number[];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cuewave-shots-'));
  video = path.join(tmp, 'cuts.mp4');
  // Five solid-colour shots of 1.5 s at 10 fps: cuts at 1500, 3000, 4500 and 6000 ms exactly.
  cuts = await writeCutVideo(video, ['red', 'blue', 'green', 'white', 'black'], 1.5);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('detectShots', () => {
  it('finds every cut of a video at its exact time', async () => {
    expect(cuts).toEqual([1500, 3000, 4500, 6000]);
    const result = await detectShots(video);
    expect(result).toEqual({ shotsMs: cuts, hasVideo: true, fromCache: false });
  });

  it('finds no cut in the fixture video (one continuous shot with a running timecode)', async () => {
    const result = await detectShots(fixturePath('interview-3min.mp4'));
    expect(result.hasVideo).toBe(true);
    expect(result.shotsMs).toEqual([]);
  });

  it('gives no shots for audio-only media, without an error', async () => {
    expect(await detectShots(fixturePath('interview-3min.wav'))).toEqual({
      shotsMs: [],
      hasVideo: false,
      fromCache: false,
    });
  });

  it('ignores a change too small to be a cut (a slight brightness step) but finds the real cut after it', async () => {
    const file = path.join(tmp, 'subtle.mp4');
    const [subtle, real] = await writeCutVideo(file, ['0x808080', '0x868686', 'red'], 1);
    expect([subtle, real]).toEqual([1000, 2000]);
    expect((await detectShots(file)).shotsMs).toEqual([2000]);
  });

  it('caches the result and reuses it until the file changes', async () => {
    const cacheDir = path.join(tmp, 'cache');
    utimesSync(video, 1_700_000_000, 1_700_000_000);
    expect((await detectShots(video, { cacheDir })).fromCache).toBe(false);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.shots.json'))).toHaveLength(1);
    expect(await detectShots(video, { cacheDir })).toEqual({ shotsMs: cuts, hasVideo: true, fromCache: true });
    utimesSync(video, 1_700_000_100, 1_700_000_100);
    expect((await detectShots(video, { cacheDir })).fromCache).toBe(false);
    // A damaged entry is a miss, not a crash.
    for (const name of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, name), '{"version":1,"shotsMs":"x"');
    expect(await detectShots(video, { cacheDir })).toEqual({ shotsMs: cuts, hasVideo: true, fromCache: false });
  });

  it('rejects a file that is not media with a message naming it', async () => {
    const file = path.join(tmp, 'notes.mp4');
    writeFileSync(file, 'no video here');
    const failure = await detectShots(file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MediaError);
    expect((failure as MediaError).message).toMatch(/^notes\.mp4: /);
  });

  it('rejects with AbortError when aborted before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(detectShots(video, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
