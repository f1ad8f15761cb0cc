/**
 * Spectrogram of a media file's first audio stream: the same ffmpeg decode as the waveform peaks (mono 16-bit PCM
 * at 8 kHz, ffmpegPcmArgs), folded into short-time FFT columns while it streams (src-shared/spectrogram.ts),
 * reported in chunks and cached on disk beside the peaks.
 */
import path from 'node:path';
import { type Spectrogram, SpectrogramAccumulator, spectrogramParams } from '../../src-shared/spectrogram';
import { requireFile } from './media-probe';
import { streamPcm } from './pcm-stream';
import { abortError } from './peaks';
import type { PeaksSource } from './peaks-cache';
import { readSpectrogramCache, spectrogramCacheFile, writeSpectrogramCache } from './spectrogram-cache';

/** Columns per progress chunk while decoding: 250 = 5 s of audio. */
const DEFAULT_CHUNK_COLUMNS = 250;
/** Columns per chunk when replaying a cache hit: 1 minute. */
const CACHED_CHUNK_COLUMNS = 3000;

/** A run of columns [startColumn, startColumn + data.length / bins). */
export interface SpectrogramChunk {
  startColumn: number;
  data: Uint8Array;
}

export interface SpectrogramProgress {
  doneMs: number;
  totalMs: number | undefined;
  chunk?: SpectrogramChunk;
}

export interface ComputeSpectrogramOptions {
  /** Called as decoding advances; chunks arrive in order and together cover every column (a cache hit too). */
  onProgress?: (info: SpectrogramProgress) => void;
  /** Aborting kills ffmpeg and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Folder of the cache (the peaks cache folder); no caching without it. */
  cacheDir?: string;
  /** Columns per progress chunk (default 250, 5 s). */
  chunkColumns?: number;
}

/** Whether the last computeSpectrogram result came from the cache (for tests and logs). */
export interface SpectrogramResult extends Spectrogram {
  fromCache: boolean;
}

async function decode(filePath: string, options: ComputeSpectrogramOptions, chunkColumns: number) {
  const params = spectrogramParams();
  const { signal, onProgress } = options;
  const accumulator = new SpectrogramAccumulator(params, 1 << 14);
  let totalMs: number | undefined;
  let reported = 0;
  let pendingByte = -1;
  const report = (force: boolean): void => {
    const columns = accumulator.columns;
    if (!onProgress || (!force && columns - reported < chunkColumns)) return;
    const doneMs = (accumulator.samples * 1000) / params.sampleRate;
    const chunk = columns > reported ? { startColumn: reported, data: accumulator.copyColumns(reported) } : undefined;
    reported = columns;
    onProgress(chunk ? { doneMs, totalMs, chunk } : { doneMs, totalMs });
  };
  const push = (bytes: Buffer): void => {
    let rest: Uint8Array = bytes;
    if (pendingByte >= 0 && rest.byteLength > 0) {
      accumulator.push(new Int16Array(Uint8Array.of(pendingByte, rest[0] as number).buffer));
      pendingByte = -1;
      rest = rest.subarray(1);
    }
    if (rest.byteLength & 1) pendingByte = rest[rest.byteLength - 1] as number;
    const count = rest.byteLength >> 1;
    // Buffers from the pipe may sit at an odd offset: copy those before viewing them as 16-bit samples.
    const aligned = rest.byteOffset % 2 === 0 ? rest : rest.slice(0, count * 2);
    accumulator.push(new Int16Array(aligned.buffer, aligned.byteOffset, count));
  };
  await streamPcm(filePath, params.sampleRate, {
    signal,
    onBytes: (bytes, duration) => {
      totalMs = duration;
      push(bytes);
      report(false);
    },
  });
  const spectrogram = accumulator.finish();
  report(true);
  return spectrogram;
}

/**
 * The spectrogram of a media file: 50 columns per second of 128 bins (0-4 kHz, 31.25 Hz each), levels 0..255 for
 * -100..-10 dBFS. With `cacheDir`, an intact entry for the same path, size and mtime is replayed in chunks without
 * decoding; a fresh result is written back. Rejects with MediaError or AbortError.
 */
export async function computeSpectrogram(
  filePath: string,
  options: ComputeSpectrogramOptions = {},
): Promise<SpectrogramResult> {
  const { signal, cacheDir, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);
  const absolute = path.resolve(filePath);
  const info = await requireFile(absolute);
  const source: PeaksSource = { path: absolute, sizeBytes: info.size, mtimeMs: info.mtimeMs };
  const params = spectrogramParams();
  const cacheFile = cacheDir ? spectrogramCacheFile(cacheDir, source, params) : undefined;
  if (cacheFile) {
    const cached = await readSpectrogramCache(cacheFile, source, params);
    if (cached) {
      for (let start = 0; start < cached.columns; start += CACHED_CHUNK_COLUMNS) {
        if (signal?.aborted) throw abortError(signal);
        const end = Math.min(cached.columns, start + CACHED_CHUNK_COLUMNS);
        onProgress?.({
          doneMs: (end / cached.columns) * cached.durationMs,
          totalMs: cached.durationMs,
          chunk: { startColumn: start, data: cached.data.subarray(start * cached.bins, end * cached.bins) },
        });
      }
      return { ...cached, fromCache: true };
    }
  }
  const spectrogram = await decode(absolute, options, Math.max(1, options.chunkColumns ?? DEFAULT_CHUNK_COLUMNS));
  if (cacheFile) await writeSpectrogramCache(cacheFile, spectrogram, source).catch(() => {});
  return { ...spectrogram, fromCache: false };
}
