/** Waveform peaks: decode audio with ffmpeg to 8 kHz mono PCM, fold it into min/max pairs while it streams, cache. */
import path from 'node:path';
import {
  PEAKS_SAMPLE_RATE,
  PEAKS_SAMPLES_PER_PIXEL,
  type Peaks,
  type PeaksLevel,
  type PeaksProgress,
  peaksFromBase,
} from '../../src-shared/waveform';
import { requireFile } from './media-probe';
import { abortError, streamPcm } from './pcm-stream';
import { type PeaksSource, peaksCacheFile, peaksCacheKey, readPeaksCache, writePeaksCache } from './peaks-cache';

// The ffmpeg PCM helpers live with the shared decode; other services have always imported them from here.
export { abortError, decodeFailure, ffmpegPcmArgs, parseFfmpegDurationMs } from './pcm-stream';

/** Default base-level pairs per progress chunk: 1000 pairs = 5 s of audio at 200 pairs/s. */
const DEFAULT_CHUNK_PAIRS = 1000;

export interface ComputePeaksOptions {
  /** Called as decoding advances; chunks of the base level arrive in order (once with everything on a cache hit). */
  onProgress?: (info: PeaksProgress) => void;
  /** Aborting kills ffmpeg and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Folder for the peaks cache; no caching without it. */
  cacheDir?: string;
  /** Minimum base-level pairs per progress chunk (default 1000, i.e. 5 s of audio). */
  chunkPairs?: number;
}

/**
 * Folds a stream of native-endian 16-bit PCM bytes into interleaved min/max pairs of `samplesPerPixel` samples.
 * Chunks may split a sample (odd byte counts) and sit at odd offsets; the last partial pixel counts on `finish`.
 */
export class PeaksAccumulator {
  /** Samples consumed so far. */
  samples = 0;
  /** Complete pairs so far. */
  pairs = 0;
  private data: Int16Array;
  private min = 32767;
  private max = -32768;
  private filled = 0;
  private pendingByte = -1;
  private readonly joint = new Uint8Array(2);

  constructor(
    readonly samplesPerPixel: number = PEAKS_SAMPLES_PER_PIXEL,
    expectedPairs = 4096,
  ) {
    this.data = new Int16Array(Math.max(2, expectedPairs) * 2);
  }

  /** Adds a chunk of PCM bytes. */
  push(bytes: Uint8Array): void {
    let rest = bytes;
    if (this.pendingByte >= 0 && rest.byteLength > 0) {
      this.joint[0] = this.pendingByte;
      this.joint[1] = rest[0] as number;
      this.pendingByte = -1;
      this.fold(new Int16Array(this.joint.buffer));
      rest = rest.subarray(1);
    }
    const count = rest.byteLength >> 1;
    if (rest.byteLength & 1) this.pendingByte = rest[rest.byteLength - 1] as number;
    if (count === 0) return;
    const samples =
      rest.byteOffset % 2 === 0
        ? new Int16Array(rest.buffer, rest.byteOffset, count)
        : new Int16Array(rest.slice(0, count * 2).buffer);
    this.fold(samples);
  }

  /** Pairs `[from, pairs)` of the base level as a standalone array (for progress chunks). */
  copyPairs(from: number, to: number = this.pairs): Int16Array {
    return this.data.slice(from * 2, to * 2);
  }

  /** Closes the last partial pixel and returns the base level (trimmed to size). */
  finish(): PeaksLevel {
    if (this.filled > 0) {
      this.append(this.min, this.max);
      this.filled = 0;
    }
    const data = this.data.length === this.pairs * 2 ? this.data : this.data.slice(0, this.pairs * 2);
    return { samplesPerPixel: this.samplesPerPixel, length: this.pairs, data };
  }

  /** The hot loop: min/max over runs of samples, state carried across chunks. */
  private fold(samples: Int16Array): void {
    const spp = this.samplesPerPixel;
    const n = samples.length;
    let min = this.min;
    let max = this.max;
    let filled = this.filled;
    let i = 0;
    while (i < n) {
      const end = Math.min(n, i + spp - filled);
      filled += end - i;
      for (; i < end; i++) {
        const v = samples[i] as number;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (filled === spp) {
        this.append(min, max);
        min = 32767;
        max = -32768;
        filled = 0;
      }
    }
    this.min = min;
    this.max = max;
    this.filled = filled;
    this.samples += n;
  }

  private append(min: number, max: number): void {
    if (this.pairs * 2 >= this.data.length) {
      const grown = new Int16Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.pairs * 2] = min;
    this.data[this.pairs * 2 + 1] = max;
    this.pairs++;
  }
}

interface DecodeRun {
  onProgress: ((info: PeaksProgress) => void) | undefined;
  signal: AbortSignal | undefined;
  chunkPairs: number;
}

/** Runs ffmpeg on a file and folds its PCM into the base level, reporting chunks as they fill. */
async function decodeBaseLevel(filePath: string, run: DecodeRun): Promise<{ base: PeaksLevel; samples: number }> {
  const accumulator = new PeaksAccumulator(PEAKS_SAMPLES_PER_PIXEL, 1 << 16);
  let totalMs: number | undefined;
  let reportedPairs = 0;
  const report = (force: boolean): void => {
    const pairs = accumulator.pairs;
    if (!run.onProgress || (!force && pairs - reportedPairs < run.chunkPairs)) return;
    const doneMs = (accumulator.samples * 1000) / PEAKS_SAMPLE_RATE;
    const chunk =
      pairs > reportedPairs ? { startPair: reportedPairs, data: accumulator.copyPairs(reportedPairs) } : undefined;
    reportedPairs = pairs;
    run.onProgress(chunk ? { doneMs, totalMs, chunk } : { doneMs, totalMs });
  };
  await streamPcm(filePath, PEAKS_SAMPLE_RATE, {
    signal: run.signal,
    onBytes: (bytes, duration) => {
      totalMs = duration;
      accumulator.push(bytes);
      report(false);
    },
  });
  const base = accumulator.finish();
  report(true);
  return { base, samples: accumulator.samples };
}

/** Calls the progress callback once with the whole base level (cache hits look like a one-chunk computation). */
function reportWhole(peaks: Peaks, onProgress: ((info: PeaksProgress) => void) | undefined): void {
  onProgress?.({
    doneMs: peaks.durationMs,
    totalMs: peaks.durationMs,
    chunk: { startPair: 0, data: peaks.data },
  });
}

/**
 * Waveform peaks of a media file's first audio stream: 200 min/max pairs per second (8 kHz, 40 samples per pair)
 * plus x4, x16, x64 and x256 coarser levels. With `cacheDir`, an intact cache entry for the same path, size and
 * mtime is returned without decoding; a fresh result is written back. Rejects with MediaError or AbortError.
 */
export async function computePeaks(filePath: string, options: ComputePeaksOptions = {}): Promise<Peaks> {
  const { onProgress, signal, cacheDir, chunkPairs = DEFAULT_CHUNK_PAIRS } = options;
  if (signal?.aborted) throw abortError(signal);
  const absolute = path.resolve(filePath);
  const info = await requireFile(absolute);
  const source: PeaksSource = { path: absolute, sizeBytes: info.size, mtimeMs: info.mtimeMs };
  const params = { sampleRate: PEAKS_SAMPLE_RATE, samplesPerPixel: PEAKS_SAMPLES_PER_PIXEL };
  const cacheFile = cacheDir ? peaksCacheFile(cacheDir, peaksCacheKey(source, params)) : undefined;
  if (cacheFile) {
    const cached = await readPeaksCache(cacheFile, source);
    if (cached) {
      if (signal?.aborted) throw abortError(signal);
      reportWhole(cached, onProgress);
      return cached;
    }
  }
  const run = { onProgress, signal, chunkPairs: Math.max(1, chunkPairs) };
  const { base, samples } = await decodeBaseLevel(absolute, run);
  const peaks = peaksFromBase(PEAKS_SAMPLE_RATE, base, (samples * 1000) / PEAKS_SAMPLE_RATE);
  if (cacheFile) await writePeaksCache(cacheFile, peaks, source).catch(() => {});
  return peaks;
}
