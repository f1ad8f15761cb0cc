/**
 * Waveform peaks of one stretch of a media file at a fine resolution, for deep zooms (down to 1 ms per pixel) where
 * the cached 5 ms base level is too coarse: ffmpeg seeks to the start, decodes only that stretch to mono PCM at
 * 16 kHz, and the samples are folded into exactly `pairs` min/max pairs over [fromMs, toMs).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import type { Wording } from './i18n';
import { requireFile } from './media-probe';
import { lastErrorLine, mediaError, mediaReason, toolPath } from './media-tools';

/** Rate (Hz) of the PCM a range is decoded to: 16 samples per millisecond, enough for 1 ms per pixel. */
export const RANGE_PEAKS_SAMPLE_RATE = 16_000;
/** Longest stretch one request may decode (a minute: about 2 MB of PCM). */
export const RANGE_PEAKS_MAX_MS = 60_000;
/** Most pairs one request may ask for. */
export const RANGE_PEAKS_MAX_PAIRS = 16_384;

const PCM_FORMAT = os.endianness() === 'LE' ? 's16le' : 's16be';
const STDERR_KEEP_CHARS = 8192;

export interface RangePeaksRequest {
  fromMs: number;
  toMs: number;
  /** Min/max pairs wanted over the range (one per screen pixel). */
  pairs: number;
}

/** Min/max pairs of [fromMs, toMs): pair k covers fromMs + k * (toMs - fromMs) / pairs onwards. */
export interface RangePeaks {
  fromMs: number;
  toMs: number;
  /** Rate of the PCM the pairs were computed from. */
  sampleRate: number;
  /** Interleaved [min0, max0, min1, max1, ...], signed 16-bit; a pair past the end of the audio is [0, 0]. */
  data: Int16Array;
  /** Samples actually decoded (fewer than the range holds when it runs past the end of the audio). */
  samples: number;
}

/** ffmpeg arguments decoding [fromMs, fromMs + durationMs) of the first audio stream to mono PCM on stdout. */
export function rangePcmArgs(filePath: string, fromMs: number, durationMs: number): string[] {
  return [
    ['-hide_banner', '-nostdin', '-nostats'],
    // Input seeking is sample-accurate for audio when decoding (ffmpeg's -accurate_seek is on by default).
    ['-ss', (fromMs / 1000).toFixed(3), '-t', (durationMs / 1000).toFixed(3), '-i', filePath],
    ['-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(RANGE_PEAKS_SAMPLE_RATE)],
    ['-f', PCM_FORMAT, 'pipe:1'],
  ].flat();
}

/** Folds mono 16-bit samples (starting at `fromMs`) into `pairs` min/max pairs over [fromMs, toMs). */
export function foldRange(samples: Int16Array, request: RangePeaksRequest, sampleRate: number): Int16Array {
  const { fromMs, toMs, pairs } = request;
  const out = new Int16Array(pairs * 2);
  const samplesPerMs = sampleRate / 1000;
  const pairMs = (toMs - fromMs) / pairs;
  for (let k = 0; k < pairs; k++) {
    const first = Math.floor(k * pairMs * samplesPerMs);
    const last = Math.max(first + 1, Math.floor((k + 1) * pairMs * samplesPerMs));
    if (first >= samples.length) break;
    let min = 32767;
    let max = -32768;
    for (let i = first; i < Math.min(last, samples.length); i++) {
      const value = samples[i] as number;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    out[k * 2] = min;
    out[k * 2 + 1] = max;
  }
  return out;
}

function checkRequest(filePath: string, request: RangePeaksRequest): void {
  const { fromMs, toMs, pairs } = request;
  const fail = (reason: string | Wording) => {
    throw mediaError('DECODE_FAILED', filePath, reason);
  };
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs < 0 || toMs <= fromMs)
    fail(mediaReason('emptyRange', { from: fromMs, to: toMs }));
  if (toMs - fromMs > RANGE_PEAKS_MAX_MS)
    fail(`waveform range of ${Math.round(toMs - fromMs)} ms is longer than ${RANGE_PEAKS_MAX_MS} ms`);
  if (!Number.isInteger(pairs) || pairs < 1 || pairs > RANGE_PEAKS_MAX_PAIRS)
    fail(`waveform range asks for ${pairs} pairs (1 to ${RANGE_PEAKS_MAX_PAIRS})`);
}

/** Decodes [fromMs, toMs) of `filePath` and folds it into `pairs` min/max pairs. */
export async function computeRangePeaks(
  filePath: string,
  request: RangePeaksRequest,
  signal?: AbortSignal,
): Promise<RangePeaks> {
  checkRequest(filePath, request);
  await requireFile(filePath);
  const binary = await toolPath('ffmpeg');
  const { fromMs, toMs } = request;
  const child = spawn(binary, rangePcmArgs(filePath, fromMs, toMs - fromMs), {
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    ...(signal ? { signal } : {}),
  });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEEP_CHARS);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw mediaError('DECODE_FAILED', filePath, mediaReason('cannotDecodeAudio', { detail: lastErrorLine(stderr) }));
  }
  const bytes = Buffer.concat(chunks);
  // Copy into an aligned buffer: a Buffer from the pool may start at an odd offset.
  const samples = new Int16Array(bytes.byteLength >> 1);
  new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.byteLength));
  return {
    fromMs,
    toMs,
    sampleRate: RANGE_PEAKS_SAMPLE_RATE,
    data: foldRange(samples, request, RANGE_PEAKS_SAMPLE_RATE),
    samples: samples.length,
  };
}
