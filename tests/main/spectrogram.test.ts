/** Specification of computeSpectrogram on real media: energy in the right bins, streaming, cache, cancel, errors. */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from '../../src-main/services/media-tools';
import { computeSpectrogram, type SpectrogramProgress } from '../../src-main/services/spectrogram';
import { binOfHz, levelAt, loudestBin, type Spectrogram } from '../../src-shared/spectrogram';
import { fixturePath } from '../support/fixtures';
import { writeToneWav } from '../support/media-layers';

const WAV = fixturePath('interview-3min.wav');
const MP4 = fixturePath('interview-3min.mp4');
const STAMP = 1_700_000_000;

let tmp: string;
let speech: Spectrogram;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cuewave-spectrogram-'));
  speech = await computeSpectrogram(WAV);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Mean level of bins [fromHz, toHz) over the columns of [startMs, endMs). */
function meanLevel(s: Spectrogram, startMs: number, endMs: number, fromHz: number, toHz: number): number {
  let sum = 0;
  let count = 0;
  for (let c = Math.ceil(startMs / 20); c < Math.floor(endMs / 20); c++) {
    for (let b = binOfHz(s, fromHz); b < binOfHz(s, toHz); b++) {
      sum += levelAt(s, c, b);
      count++;
    }
  }
  return sum / count;
}

describe('computeSpectrogram', () => {
  it('puts a 1 kHz tone in the 1 kHz bin for its whole length', async () => {
    const file = path.join(tmp, 'tone-1k.wav');
    await writeToneWav(file, 1000, 4, 0.1);
    const s = await computeSpectrogram(file);
    expect(s.columns).toBe(200);
    expect(loudestBin(s, 1, 199)).toBe(binOfHz(s, 1000));
    for (const column of [1, 100, 198]) expect(levelAt(s, column, binOfHz(s, 1000))).toBeGreaterThan(200);
    expect(levelAt(s, 100, binOfHz(s, 3000))).toBeLessThan(100);
  });

  it('shows the speech of the fixture where the ground truth has speech, and the noise floor in the gaps', () => {
    expect(speech.durationMs).toBe(180_000);
    expect(speech.columns).toBe(9000);
    const truth = JSON.parse(readFileSync(fixturePath('speech-activity.json'), 'utf8')) as {
      segments: [number, number][];
    };
    const segments = truth.segments.filter(([start, end]) => end <= 180_000 && end - start >= 300);
    const gaps: [number, number][] = [];
    for (let i = 1; i < segments.length; i++) {
      const gapStart = (segments[i - 1] as [number, number])[1] + 60;
      const gapEnd = (segments[i] as [number, number])[0] - 60;
      if (gapEnd - gapStart >= 300) gaps.push([gapStart, gapEnd]);
    }
    expect(segments.length).toBeGreaterThan(40);
    expect(gaps.length).toBeGreaterThan(10);
    // Voice band 300-3400 Hz: every long speech segment is far above the loudest gap.
    const speechLevels = segments.map(([a, b]) => meanLevel(speech, a + 40, b - 40, 300, 3400));
    const gapLevels = gaps.map(([a, b]) => meanLevel(speech, a, b, 300, 3400));
    expect(Math.min(...speechLevels)).toBeGreaterThan(Math.max(...gapLevels) + 30);
  });

  it('decodes the audio of a video the same way as a WAV of it', async () => {
    const s = await computeSpectrogram(MP4);
    expect(Math.abs(s.columns - speech.columns)).toBeLessThanOrEqual(3);
    // Same speech energy over the first minute (AAC at 48 kbit/s changes levels by a few steps only).
    const a = meanLevel(s, 0, 60_000, 300, 3400);
    const b = meanLevel(speech, 0, 60_000, 300, 3400);
    expect(Math.abs(a - b)).toBeLessThan(10);
  });

  it('streams chunks in order that together are the whole spectrogram', async () => {
    const events: SpectrogramProgress[] = [];
    const s = await computeSpectrogram(WAV, { onProgress: (event) => events.push(event), chunkColumns: 500 });
    const chunks = events.flatMap((event) => (event.chunk ? [event.chunk] : []));
    expect(chunks.length).toBeGreaterThanOrEqual(10);
    let next = 0;
    const parts: Uint8Array[] = [];
    for (const chunk of chunks) {
      expect(chunk.startColumn).toBe(next);
      next += chunk.data.length / s.bins;
      parts.push(chunk.data);
    }
    expect(next).toBe(s.columns);
    expect(Buffer.concat(parts).equals(Buffer.from(s.data))).toBe(true);
    const done = events.map((event) => event.doneMs);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(events.at(-1)?.totalMs).toBe(180_000);
  });

  it('writes a cache entry and replays it on reopen without decoding; a changed file is a miss', async () => {
    const media = path.join(tmp, 'cached.wav');
    const cacheDir = path.join(tmp, 'cache');
    copyFileSync(WAV, media);
    utimesSync(media, STAMP, STAMP);
    const first = await computeSpectrogram(media, { cacheDir });
    expect(first.fromCache).toBe(false);
    const entries = readdirSync(cacheDir).filter((name) => name.endsWith('.spectrogram'));
    expect(entries).toHaveLength(1);
    const replayed: SpectrogramProgress[] = [];
    const second = await computeSpectrogram(media, { cacheDir, onProgress: (event) => replayed.push(event) });
    expect(second.fromCache).toBe(true);
    expect(Buffer.from(second.data).equals(Buffer.from(first.data))).toBe(true);
    const replayedBytes = replayed.reduce((sum, event) => sum + (event.chunk?.data.length ?? 0), 0);
    expect(replayedBytes).toBe(first.data.length);
    expect(replayed.at(-1)?.doneMs).toBe(first.durationMs);

    utimesSync(media, STAMP + 10, STAMP + 10);
    expect((await computeSpectrogram(media, { cacheDir })).fromCache).toBe(false);

    // A damaged entry reads as a miss and is rewritten.
    const entry = path.join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.spectrogram')) as string);
    for (const name of readdirSync(cacheDir))
      if (path.join(cacheDir, name) !== entry) rmSync(path.join(cacheDir, name));
    truncateSync(entry, 1000);
    const repaired = await computeSpectrogram(media, { cacheDir });
    expect(repaired.fromCache).toBe(false);
    expect((await computeSpectrogram(media, { cacheDir })).fromCache).toBe(true);
  });

  it('stops ffmpeg and rejects with AbortError when aborted', async () => {
    const controller = new AbortController();
    const running = computeSpectrogram(fixturePath('interview.ogg'), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a file that is not media with a message naming it', async () => {
    const file = path.join(tmp, 'notes.wav');
    writeFileSync(file, 'not audio at all');
    const failure = await computeSpectrogram(file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MediaError);
    expect((failure as MediaError).message).toMatch(/^notes\.wav: /);
    expect(existsSync(file)).toBe(true);
  });
});
