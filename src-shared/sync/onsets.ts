/**
 * Fine sync: a Hough-style vote that moves cue starts onto speech onsets. For each candidate scale near
 * the coarse one, every (cue start, nearby onset) pair votes for the offset that would join them; the
 * sharpest peak wins, and a least-squares fit over the pairs at the peak gives ms precision.
 */

import { lowerBound, nearest } from './raster';
import { leastSquares, type WeightedPoint } from './robust';

/** The correction t' = scale * t + offsetMs from subtitle time to audio time. */
export interface LinearMap {
  scale: number;
  offsetMs: number;
}

/** Applies a map to a time. */
export function mapTime(map: LinearMap, ms: number): number {
  return map.scale * ms + map.offsetMs;
}

export interface OnsetOptions {
  /** Fit the scale too; when false it stays at the initial map's. */
  fitDrift: boolean;
  /** The scale stays within 1 +/- maxDrift. */
  maxDrift: number;
  /** How far (ms) the offset may move from the initial map (default 1000). */
  searchMs?: number;
}

/** Outcome of the onset refinement. */
export interface OnsetFit {
  map: LinearMap;
  /** Share of cue starts in the winning vote beyond what chance gives (0..1). */
  support: number;
  /** Cue starts within MATCH_MS of an onset under the refined map. */
  matchedCount: number;
}

const BIN_MS = 5;
/** Votes are summed over +/- this many bins around each offset, absorbing onset jitter. */
const SMOOTH_BINS = 4;
/** Scale candidates displace the earliest and latest cue by multiples of this... */
const EDGE_STEP_MS = 10;
/** ...up to this far either way. */
const EDGE_RANGE_MS = 300;
/** Pair tolerances of the successive least-squares fits, tightening around the vote's peak. */
const FIT_TOLERANCES_MS = [40, 25, 15];
/** A cue start counts as matched when an onset lies this close. */
export const MATCH_MS = 50;

/** Refines `initial` so cue starts (subtitle time) land on speech onsets (audio time, ascending); null without data. */
export function refineWithOnsets(
  cueStarts: readonly number[],
  onsets: Float64Array,
  initial: LinearMap,
  options: OnsetOptions,
): OnsetFit | null {
  if (cueStarts.length === 0 || onsets.length === 0) return null;
  const searchMs = options.searchMs ?? 1000;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  for (const s of cueStarts) {
    minMs = Math.min(minMs, s);
    maxMs = Math.max(maxMs, s);
  }
  // Scales pivot on the middle cue so a scale change does not also move the bulk of the cues.
  const pivotMs = (minMs + maxMs) / 2;
  const halfSpanMs = Math.max(1, (maxMs - minMs) / 2);
  const pivotTarget = mapTime(initial, pivotMs);
  const scaleStep = EDGE_STEP_MS / halfSpanMs;
  const steps = options.fitDrift ? Math.round(EDGE_RANGE_MS / EDGE_STEP_MS) : 0;
  const bins = Math.round((2 * searchMs) / BIN_MS) + 1;
  let best = { votes: -1, scale: initial.scale, shiftMs: 0, background: 0 };
  for (let k = -steps; k <= steps; k++) {
    const scale = initial.scale + k * scaleStep;
    if (Math.abs(scale - 1) > options.maxDrift + 1e-12) continue;
    const histogram = voteOffsets(cueStarts, onsets, (s) => pivotTarget + scale * (s - pivotMs), searchMs, bins);
    const { index, votes, mean } = smoothedPeak(histogram);
    if (votes > best.votes) best = { votes, scale, shiftMs: index * BIN_MS - searchMs, background: mean };
  }
  let map: LinearMap = { scale: best.scale, offsetMs: pivotTarget + best.shiftMs - best.scale * pivotMs };
  for (const tolerance of FIT_TOLERANCES_MS) {
    const fitted = fitPairs(cueStarts, onsets, map, tolerance, pivotMs, options);
    if (fitted) map = fitted;
  }
  const support = Math.max(0, Math.min(1, (best.votes - best.background) / cueStarts.length));
  return { map, support, matchedCount: countMatched(cueStarts, onsets, map, MATCH_MS) };
}

/** Histogram of (onset - mapped start) over all pairs closer than searchMs, in BIN_MS bins. */
function voteOffsets(
  cueStarts: readonly number[],
  onsets: Float64Array,
  map: (ms: number) => number,
  searchMs: number,
  bins: number,
): Float64Array {
  const histogram = new Float64Array(bins);
  for (const s of cueStarts) {
    const mapped = map(s);
    for (let i = lowerBound(onsets, mapped - searchMs); i < onsets.length; i++) {
      const delta = (onsets[i] as number) - mapped;
      if (delta > searchMs) break;
      const bin = Math.round((delta + searchMs) / BIN_MS);
      histogram[bin] = (histogram[bin] as number) + 1;
    }
  }
  return histogram;
}

/** Peak of the histogram summed over +/- SMOOTH_BINS, and the mean of those sums (the chance level). */
function smoothedPeak(histogram: Float64Array): { index: number; votes: number; mean: number } {
  let index = 0;
  let votes = -1;
  let total = 0;
  let window = 0;
  for (let i = 0; i < Math.min(SMOOTH_BINS, histogram.length); i++) window += histogram[i] as number;
  for (let i = 0; i < histogram.length; i++) {
    window += (histogram[i + SMOOTH_BINS] ?? 0) - (histogram[i - SMOOTH_BINS - 1] ?? 0);
    total += window;
    if (window > votes) {
      votes = window;
      index = i;
    }
  }
  return { index, votes, mean: total / Math.max(1, histogram.length) };
}

/** Least-squares map through the (start, nearest onset) pairs within `toleranceMs`; null when too few pairs. */
function fitPairs(
  cueStarts: readonly number[],
  onsets: Float64Array,
  map: LinearMap,
  toleranceMs: number,
  pivotMs: number,
  options: OnsetOptions,
): LinearMap | null {
  const points: WeightedPoint[] = [];
  for (const s of cueStarts) {
    const mapped = mapTime(map, s);
    const onset = nearest(onsets, mapped);
    if (onset !== undefined && Math.abs(onset - mapped) <= toleranceMs) {
      // Fit the residual against the pivoted time, so a fixed scale leaves only the offset to find.
      points.push({ x: s - pivotMs, y: onset - map.scale * (s - pivotMs), weight: 1 });
    }
  }
  if (points.length < 3) return null;
  const line = leastSquares(points, options.fitDrift);
  if (!line) return null;
  const scale = map.scale + line.slope;
  if (Math.abs(scale - 1) > options.maxDrift + 1e-12) return null;
  return { scale, offsetMs: line.intercept - scale * pivotMs };
}

/** Cue starts whose mapped time has an onset within `toleranceMs`. */
export function countMatched(
  cueStarts: readonly number[],
  onsets: Float64Array,
  map: LinearMap,
  toleranceMs: number,
): number {
  let matched = 0;
  for (const s of cueStarts) {
    const mapped = mapTime(map, s);
    const onset = nearest(onsets, mapped);
    if (onset !== undefined && Math.abs(onset - mapped) <= toleranceMs) matched++;
  }
  return matched;
}
