/** Coarse sync: the best local offset of each subtitle window against speech, by FFT cross-correlation of coverage. */
import type { Span } from './activity';
import { crossCorrelate } from './fft';
import { centered, rasterize } from './raster';

/** The local offset found for one window of the subtitles. */
export interface WindowOffset {
  /** Window centre on the subtitle timeline. */
  centerMs: number;
  /** Subtitle time minus audio time that best lines the window's cues up with speech. */
  offsetMs: number;
  /** Peak prominence: how many standard deviations the best lag stands above the mean over the search range. */
  strength: number;
  /** Window length: a drift smears the window's offset over `lengthMs` times the drift. */
  lengthMs: number;
}

/** Where and how far to look. */
export interface WindowSearch {
  /** Largest constant offset to consider (either sign). */
  maxOffsetMs: number;
  /** Largest drift to consider, as a fraction (0.01 = 1 %); widens the search later in the file. */
  maxDrift: number;
}

/** Coarse raster resolution: the windows only need to land within a few hundred ms, onsets do the rest. */
export const COARSE_FRAME_MS = 40;
/** Window length bounds: long enough to be distinctive, short enough that drift barely smears it. */
const MIN_WINDOW_MS = 30_000;
const MAX_WINDOW_MS = 300_000;
/** Aim for about this many windows over the subtitles, each overlapping its neighbours by half. */
const TARGET_WINDOWS = 8;
/** A window with less subtitle coverage than this says too little to place it. */
const MIN_COVERAGE_MS = 3_000;

/** Window length for subtitles spanning `spanMs`. */
export function windowLengthMs(spanMs: number): number {
  return Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, spanMs / TARGET_WINDOWS));
}

/**
 * Splits the subtitle timeline into half-overlapping windows and finds, for each, the offset in
 * [-reach, reach] that maximises the correlation of its (mean-removed) cue coverage with the
 * (mean-removed) speech coverage, where reach grows with the window's time by `maxDrift`.
 * Windows with too little coverage are skipped.
 */
export function windowOffsets(
  cueSpans: readonly Span[],
  speech: { segments: readonly Span[]; durationMs: number },
  search: WindowSearch,
): WindowOffset[] {
  const frameMs = COARSE_FRAME_MS;
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = 0;
  for (const [startMs, endMs] of cueSpans) {
    if (endMs <= startMs) continue;
    firstMs = Math.min(firstMs, Math.max(0, startMs));
    lastMs = Math.max(lastMs, endMs);
  }
  if (!(lastMs > firstMs)) return [];
  const subs = rasterize(cueSpans, frameMs, Math.ceil(lastMs / frameMs));
  const voice = centered(rasterize(speech.segments, frameMs, Math.ceil(speech.durationMs / frameMs)));
  const windowFrames = Math.round(windowLengthMs(lastMs - firstMs) / frameMs);
  const hopFrames = Math.max(1, windowFrames >> 1);
  const firstFrame = Math.floor(firstMs / frameMs);
  const results: WindowOffset[] = [];
  let previousStart = -1;
  for (let from = firstFrame; ; from += hopFrames) {
    // The last window is pulled back to end with the subtitles rather than hang past them.
    const start = Math.max(firstFrame, Math.min(from, subs.length - windowFrames));
    if (start <= previousStart) break;
    previousStart = start;
    const end = Math.min(subs.length, start + windowFrames);
    const found = searchWindow(subs, voice, start, end, frameMs, search);
    if (found) results.push(found);
    if (end >= subs.length) break;
  }
  return results;
}

/** Best offset of subs[start, end) within voice; null when the window has too little coverage. */
function searchWindow(
  subs: Float64Array,
  voice: Float64Array,
  start: number,
  end: number,
  frameMs: number,
  search: WindowSearch,
): WindowOffset | null {
  let covered = 0;
  for (let i = start; i < end; i++) covered += subs[i] as number;
  if (covered * frameMs < MIN_COVERAGE_MS || covered === end - start) return null;
  const window = centered(subs.subarray(start, end));
  const reach = Math.ceil((search.maxOffsetMs + search.maxDrift * end * frameMs) / frameMs);
  // voice[start - reach, end + reach), zero (the centred mean) outside the audio.
  const slice = new Float64Array(end - start + 2 * reach);
  const sliceStart = start - reach;
  for (let i = Math.max(0, -sliceStart); i < slice.length && sliceStart + i < voice.length; i++) {
    slice[i] = voice[sliceStart + i] as number;
  }
  // window[t] (subtitle frame start + t) meets slice[t - lag] (audio frame start - reach + t - lag): offset = reach + lag.
  const correlation = crossCorrelate(window, slice, -2 * reach, 0);
  let best = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < correlation.length; i++) {
    const value = correlation[i] as number;
    sum += value;
    sumSquares += value * value;
    if (value > (correlation[best] as number)) best = i;
  }
  const mean = sum / correlation.length;
  const deviation = Math.sqrt(Math.max(0, sumSquares / correlation.length - mean * mean));
  const peak = correlation[best] as number;
  const strength = deviation > 0 ? (peak - mean) / deviation : 0;
  const offsetFrames = best - reach + parabolicPeak(correlation, best);
  const lengthMs = (end - start) * frameMs;
  return { centerMs: ((start + end) / 2) * frameMs, offsetMs: offsetFrames * frameMs, strength, lengthMs };
}

/** Sub-sample position (-0.5..0.5) of a peak from the parabola through it and its neighbours. */
function parabolicPeak(values: Float64Array, at: number): number {
  const left = values[at - 1];
  const right = values[at + 1];
  if (left === undefined || right === undefined) return 0;
  const mid = values[at] as number;
  const curvature = left - 2 * mid + right;
  if (curvature >= 0) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (left - right)) / curvature));
}
