/** Specification of computePeaks: resolution, fidelity to the speech ground truth, levels, streaming, cancel, cache. */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError, toolPath } from '../../src-main/services/media-tools';
import { computePeaks, PeaksAccumulator, parseFfmpegDurationMs } from '../../src-main/services/peaks';
import { readPeaksCache } from '../../src-main/services/peaks-cache';
import {
  type Peaks,
  type PeaksLevel,
  type PeaksProgress,
  peakAmplitude,
  toAudiowaveformJson,
} from '../../src-shared/waveform';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const WAV = path.join(FIXTURES, 'interview-3min.wav');
const MP4 = path.join(FIXTURES, 'interview-3min.mp4');
const WAV_DATA_OFFSET = 44;
/** Peak magnitude below which a window counts as quiet: about -30 dBFS, far above the -55 dBFS RMS noise bed. */
const QUIET_PEAK = 1000;
/** A fixed mtime (seconds) for the cache tests' media copies. */
const STAMP = 1_700_000_000;

let tmp: string;
let wavPeaks: Peaks;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cuewave-peaks-'));
  wavPeaks = await computePeaks(WAV);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Speech segments [startMs, endMs) of the ground truth that lie in the first 180 s. */
function speechSegments(): [number, number][] {
  const truth = JSON.parse(readFileSync(path.join(FIXTURES, 'speech-activity.json'), 'utf8')) as {
    segments: [number, number][];
  };
  return truth.segments.filter(([, endMs]) => endMs <= 180_000);
}

/** Silent stretches of at least 300 ms between speech segments, shrunk by 30 ms margins on both sides. */
function gapWindows(segments: [number, number][]): [number, number][] {
  const gaps: [number, number][] = [];
  for (let i = 1; i < segments.length; i++) {
    const gapStart = (segments[i - 1] as [number, number])[1];
    const gapEnd = (segments[i] as [number, number])[0];
    if (gapEnd - gapStart >= 300) gaps.push([gapStart + 30, gapEnd - 30]);
  }
  return gaps;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

/** PIDs of this process's live children (Linux /proc), with their command names. */
function childProcesses(): { pid: number; command: string }[] {
  const children: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (command) state ppid ...": the command may itself contain spaces or parentheses.
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    if (ppid === process.pid) children.push({ pid: Number(entry), command: stat.slice(stat.indexOf('(') + 1, close) });
  }
  return children;
}

/** A copy of `bytes` with every bit of one byte inverted. */
function flipByte(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] as number) ^ 0xff;
  return copy;
}

/** Reference min/max pairs computed the obvious way, sample by sample. */
function naivePairs(samples: Int16Array, samplesPerPixel: number): number[] {
  const out: number[] = [];
  for (let start = 0; start < samples.length; start += samplesPerPixel) {
    const block = Array.from(samples.subarray(start, start + samplesPerPixel));
    out.push(Math.min(...block), Math.max(...block));
  }
  return out;
}

describe('peaks of interview-3min.wav', () => {
  it('resolve at least 200 pairs per second and cover the whole file', () => {
    expect(wavPeaks.sampleRate / wavPeaks.samplesPerPixel).toBeGreaterThanOrEqual(200);
    expect(Math.abs(wavPeaks.durationMs - 180_000)).toBeLessThanOrEqual(1);
    const expectedPairs = Math.ceil((wavPeaks.durationMs / 1000) * (wavPeaks.sampleRate / wavPeaks.samplesPerPixel));
    expect(wavPeaks.length).toBe(expectedPairs);
    expect(wavPeaks.data.length).toBe(wavPeaks.length * 2);
    expect(wavPeaks.bits).toBe(16);
    expect(wavPeaks.data).toBeInstanceOf(Int16Array);
  });

  it('are loud in every speech window and quiet in the gaps between them', () => {
    const segments = speechSegments();
    const gaps = gapWindows(segments);
    expect(segments.length).toBeGreaterThan(50);
    expect(gaps.length).toBeGreaterThan(10);
    const base = wavPeaks.levels[0] as PeaksLevel;
    const gapPeaks = gaps.map(([start, end]) => peakAmplitude(wavPeaks.sampleRate, base, start, end));
    const gapMedian = medianOf(gapPeaks);
    expect(gapMedian).toBeGreaterThan(0); // the noise bed is never digital silence
    for (const [start, end] of segments) {
      expect(peakAmplitude(wavPeaks.sampleRate, base, start, end)).toBeGreaterThan(10 * gapMedian);
    }
    const quiet = gapPeaks.filter((peak) => peak < QUIET_PEAK).length;
    expect(quiet / gapPeaks.length).toBeGreaterThanOrEqual(0.9);
  });

  it('place speech onsets where the ground truth has them (within 15 ms)', () => {
    const base = wavPeaks.levels[0] as PeaksLevel;
    const msPerPair = (base.samplesPerPixel * 1000) / wavPeaks.sampleRate;
    const segments = speechSegments();
    for (const [gapStart, gapEnd] of gapWindows(segments)) {
      // Walk from inside the gap to the first loud pair; the next speech segment starts 30 ms after the window.
      const onsetMs = gapEnd + 30;
      let pair = Math.ceil(gapStart / msPerPair);
      while (
        pair < base.length &&
        Math.max(-(base.data[pair * 2] as number), base.data[pair * 2 + 1] as number) < QUIET_PEAK
      ) {
        pair++;
      }
      expect(Math.abs(pair * msPerPair - onsetMs)).toBeLessThanOrEqual(15);
    }
  });

  it('have coarser levels x4, x16, x64, x256 that are min/max over groups of the finer level', () => {
    const { levels } = wavPeaks;
    expect(levels[0]?.data).toBe(wavPeaks.data);
    expect(levels.map((l) => l.samplesPerPixel / wavPeaks.samplesPerPixel)).toEqual([1, 4, 16, 64, 256]);
    for (let k = 1; k < levels.length; k++) {
      const fine = levels[k - 1] as PeaksLevel;
      const coarse = levels[k] as PeaksLevel;
      expect(coarse.length).toBe(Math.ceil(fine.length / 4));
      for (let i = 0; i < coarse.length; i++) {
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        for (let j = i * 4; j < Math.min(fine.length, i * 4 + 4); j++) {
          min = Math.min(min, fine.data[j * 2] as number);
          max = Math.max(max, fine.data[j * 2 + 1] as number);
        }
        expect(coarse.data[i * 2]).toBe(min);
        expect(coarse.data[i * 2 + 1]).toBe(max);
      }
    }
  });

  it('export as audiowaveform JSON (16 and 8 bits) with the right shape', () => {
    const json = toAudiowaveformJson(wavPeaks);
    expect(json).toMatchObject({ version: 2, channels: 1, sample_rate: 8000, samples_per_pixel: 40, bits: 16 });
    expect(json.length).toBe(wavPeaks.length);
    expect(json.data.length).toBe(json.length * 2 * json.channels);
    const overview = toAudiowaveformJson(wavPeaks, 4, { bits: 8 });
    expect(overview.samples_per_pixel).toBe(40 * 256);
    expect(overview.data.length).toBe(overview.length * 2);
    expect(Math.max(...overview.data)).toBeLessThanOrEqual(127);
    expect(Math.min(...overview.data)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...overview.data)).toBeGreaterThan(32); // speech peaks near -4 dBFS survive the reduction
  });
});

describe('peaks of the mp4 (AAC) track', () => {
  it('line up with the wav peaks on the same timeline', async () => {
    const peaks = await computePeaks(MP4);
    expect(Math.abs(peaks.durationMs - 180_032)).toBeLessThanOrEqual(5);
    const segments = speechSegments();
    const base = peaks.levels[0] as PeaksLevel;
    const gapMedian = medianOf(gapWindows(segments).map(([s, e]) => peakAmplitude(peaks.sampleRate, base, s, e)));
    for (const [start, end] of segments) {
      expect(peakAmplitude(peaks.sampleRate, base, start, end)).toBeGreaterThan(10 * gapMedian);
    }
  });
});

describe('PeaksAccumulator', () => {
  const pcm = readFileSync(WAV).subarray(WAV_DATA_OFFSET, WAV_DATA_OFFSET + 16000 * 2 + 7); // odd byte count

  it('gives the same pairs however the byte stream is split, including odd sizes and offsets', () => {
    const whole = new PeaksAccumulator(40);
    whole.push(pcm);
    const expected = Array.from(whole.finish().data);
    const aligned = new Int16Array(pcm.byteLength >> 1);
    new Uint8Array(aligned.buffer).set(pcm.subarray(0, aligned.byteLength));
    expect(expected).toEqual(naivePairs(aligned, 40));

    const sizes = [1, 3, 2, 77, 1, 1, 4095, 513, 64];
    const split = new PeaksAccumulator(40, 1);
    // Copy each piece into a buffer at an odd offset, as pooled Buffers can be.
    for (let offset = 0, i = 0; offset < pcm.byteLength; i++) {
      const size = sizes[i % sizes.length] as number;
      const piece = pcm.subarray(offset, offset + size);
      const host = new Uint8Array(piece.byteLength + 1);
      host.set(piece, 1);
      split.push(host.subarray(1));
      offset += size;
    }
    expect(Array.from(split.finish().data)).toEqual(expected);
    expect(split.samples).toBe(aligned.length);
  });
});

describe('streaming progress', () => {
  it('delivers the base level in ordered, contiguous chunks while decoding', async () => {
    const updates: PeaksProgress[] = [];
    const peaks = await computePeaks(WAV, { onProgress: (info) => updates.push(info), chunkPairs: 2000 });
    const chunks = updates.flatMap((u) => (u.chunk ? [u.chunk] : []));
    expect(chunks.length).toBeGreaterThan(5);
    let nextPair = 0;
    const joined: number[] = [];
    for (const chunk of chunks) {
      expect(chunk.startPair).toBe(nextPair);
      nextPair += chunk.data.length / 2;
      joined.push(...chunk.data);
    }
    expect(joined).toEqual(Array.from(peaks.data));
    const done = updates.map((u) => u.doneMs);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done[0]).toBeLessThan(180_000);
    expect(done[done.length - 1]).toBeCloseTo(peaks.durationMs, 3);
    expect(Math.abs((updates[0]?.totalMs ?? 0) - 180_000)).toBeLessThanOrEqual(50);
  });

  it('reads the media duration from the ffmpeg banner', () => {
    expect(parseFfmpegDurationMs('  Duration: 01:04:56.47, start: 0.000000, bitrate: 24 kb/s')).toBe(3_896_470);
    expect(parseFfmpegDurationMs('  Duration: N/A, bitrate: N/A')).toBeUndefined();
  });
});

describe('cancel', () => {
  it('aborting mid-way kills ffmpeg and rejects with an AbortError', async () => {
    const controller = new AbortController();
    let doneAtAbortMs = -1;
    let ffmpegSeen = process.platform !== 'linux';
    const promise = computePeaks(WAV, {
      signal: controller.signal,
      chunkPairs: 100,
      onProgress: (info) => {
        if (doneAtAbortMs >= 0) return;
        doneAtAbortMs = info.doneMs;
        if (process.platform === 'linux') ffmpegSeen = childProcesses().some((c) => c.command.includes('ffmpeg'));
        controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(doneAtAbortMs).toBeGreaterThan(0);
    expect(doneAtAbortMs).toBeLessThan(180_000);
    expect(ffmpegSeen).toBe(true);
    if (process.platform === 'linux') expect(childProcesses().filter((c) => c.command.includes('ffmpeg'))).toEqual([]);
  });

  it('a throwing progress callback stops the decode and rejects with its error', async () => {
    const promise = computePeaks(WAV, {
      chunkPairs: 100,
      onProgress: () => {
        throw new Error('renderer went away');
      },
    });
    await expect(promise).rejects.toThrow('renderer went away');
    if (process.platform === 'linux') expect(childProcesses().filter((c) => c.command.includes('ffmpeg'))).toEqual([]);
  });

  it('an already aborted signal rejects without decoding', async () => {
    const updates: PeaksProgress[] = [];
    const promise = computePeaks(WAV, { signal: AbortSignal.abort(), onProgress: (u) => updates.push(u) });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(updates).toEqual([]);
  });
});

describe('disk cache', () => {
  /** A private copy of the wav (so its bytes and mtime can be changed) and an empty cache folder. */
  function workspace(name: string): { media: string; cacheDir: string } {
    const dir = path.join(tmp, name);
    const cacheDir = path.join(dir, 'cache');
    const media = path.join(dir, 'talk.wav');
    mkdirSync(cacheDir, { recursive: true });
    copyFileSync(WAV, media);
    // A whole-second mtime survives the restore in silenceKeepingStamp exactly (sub-ms precision would not).
    utimesSync(media, STAMP, STAMP);
    return { media, cacheDir };
  }

  function cacheFiles(cacheDir: string): string[] {
    return readdirSync(cacheDir).filter((f) => f.endsWith('.peaks'));
  }

  /** Overwrites the PCM with silence, keeping the size and restoring the mtime: only a decode would notice. */
  function silenceKeepingStamp(media: string): void {
    const { size } = statSync(media);
    const fd = openSync(media, 'r+');
    writeSync(fd, Buffer.alloc(size - WAV_DATA_OFFSET), 0, size - WAV_DATA_OFFSET, WAV_DATA_OFFSET);
    closeSync(fd);
    utimesSync(media, STAMP, STAMP);
  }

  it('a hit returns identical data without decoding; a new mtime misses', async () => {
    const { media, cacheDir } = workspace('hit');
    const cold = await computePeaks(media, { cacheDir });
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    silenceKeepingStamp(media);
    const updates: PeaksProgress[] = [];
    const warm = await computePeaks(media, { cacheDir, onProgress: (u) => updates.push(u) });
    expect(warm.levels.map((l) => Array.from(l.data))).toEqual(cold.levels.map((l) => Array.from(l.data)));
    expect(warm.durationMs).toBe(cold.durationMs);
    expect(warm.sampleRate).toBe(cold.sampleRate);
    // One update carrying the whole base level, as if computed in one chunk.
    expect(updates).toHaveLength(1);
    expect(updates[0]?.chunk?.startPair).toBe(0);
    expect(Array.from(updates[0]?.chunk?.data ?? [])).toEqual(Array.from(cold.data));

    utimesSync(media, STAMP + 5, STAMP + 5);
    const fresh = await computePeaks(media, { cacheDir });
    expect(Math.max(...fresh.levels[4]!.data)).toBe(0); // decoded again: the silence shows
    expect(cacheFiles(cacheDir)).toHaveLength(2);
  });

  it('a corrupt, truncated or foreign cache entry is ignored, recomputed and rewritten', async () => {
    const { media, cacheDir } = workspace('corrupt');
    const reference = await computePeaks(media, { cacheDir });
    const [name] = cacheFiles(cacheDir);
    const entry = path.join(cacheDir, name as string);
    const source = { path: media, sizeBytes: statSync(media).size, mtimeMs: statSync(media).mtimeMs };
    const intact = readFileSync(entry);
    const damages: [string, () => void][] = [
      ['flipped data byte', () => writeFileSync(entry, flipByte(intact, intact.length - 100))],
      ['flipped header byte', () => writeFileSync(entry, flipByte(intact, 20))],
      ['truncated', () => truncateSync(entry, Math.floor(intact.length / 2))],
      ['garbage', () => writeFileSync(entry, 'not a peaks file')],
      ['empty', () => writeFileSync(entry, '')],
      [
        'header that is JSON null',
        () =>
          writeFileSync(
            entry,
            withHeader(intact, () => null),
          ),
      ],
      [
        'header with a null level',
        () =>
          writeFileSync(
            entry,
            withHeader(intact, (h) => ({ ...h, levels: [null] })),
          ),
      ],
    ];
    for (const [, damage] of damages) {
      damage();
      expect(await readPeaksCache(entry, source)).toBeNull();
      const again = await computePeaks(media, { cacheDir });
      expect(Array.from(again.data)).toEqual(Array.from(reference.data));
      const rewritten = await readPeaksCache(entry, source);
      expect(rewritten && Array.from(rewritten.data)).toEqual(Array.from(reference.data));
    }
    expect(existsSync(entry)).toBe(true);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

/** The cache entry with its JSON header replaced (same magic, new length prefix, same data). */
function withHeader(entry: Buffer, edit: (header: Record<string, unknown>) => unknown): Buffer {
  const headerBytes = entry.readUInt32LE(4);
  const header = JSON.parse(entry.toString('utf8', 8, 8 + headerBytes)) as Record<string, unknown>;
  const text = Buffer.from(JSON.stringify(edit(header)), 'utf8');
  const prefix = Buffer.alloc(8);
  entry.copy(prefix, 0, 0, 4);
  prefix.writeUInt32LE(text.length, 4);
  return Buffer.concat([prefix, text, entry.subarray(8 + headerBytes)]);
}

describe('refusals', () => {
  it('a file without audio, a text file and a missing file reject with MediaError', async () => {
    const ffmpeg = await toolPath('ffmpeg');
    const silent = path.join(tmp, 'silent.mp4');
    execFileSync(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x120:rate=10', silent]);
    await expect(computePeaks(silent)).rejects.toMatchObject({
      code: 'NO_AUDIO',
      message: 'silent.mp4: no audio stream',
    });
    const notes = path.join(tmp, 'notes.txt');
    writeFileSync(notes, 'just words\n');
    await expect(computePeaks(notes)).rejects.toBeInstanceOf(MediaError);
    await expect(computePeaks(path.join(tmp, 'gone.ogg'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
