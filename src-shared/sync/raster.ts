/** Time spans as frame rasters (for correlation) and sorted edge lists (for onset matching). */
import type { Span } from './activity';

/**
 * A 0/1 raster of `spans` at `frameMs` per frame, `frames` long: a frame is 1 when a span covers
 * its start. Spans past the end are cut; unsorted or overlapping spans are fine.
 */
export function rasterize(spans: readonly Span[], frameMs: number, frames: number): Float64Array {
  const raster = new Float64Array(Math.max(0, frames));
  for (const [startMs, endMs] of spans) {
    const from = Math.max(0, Math.ceil(startMs / frameMs));
    const to = Math.min(raster.length, Math.ceil(endMs / frameMs));
    raster.fill(1, from, Math.max(from, to));
  }
  return raster;
}

/** The raster minus its mean, so correlating it measures agreement beyond what the coverage rates alone give. */
export function centered(raster: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < raster.length; i++) sum += raster[i] as number;
  const mean = raster.length > 0 ? sum / raster.length : 0;
  const out = new Float64Array(raster.length);
  for (let i = 0; i < raster.length; i++) out[i] = (raster[i] as number) - mean;
  return out;
}

/** Span starts, ascending. */
export function onsetsOf(spans: readonly Span[]): Float64Array {
  return Float64Array.from(spans, (span) => span[0]).sort();
}

/** Span ends, ascending. */
export function offsetsOf(spans: readonly Span[]): Float64Array {
  return Float64Array.from(spans, (span) => span[1]).sort();
}

/** Index of the first element of ascending `sorted` that is >= `value` (sorted.length when none). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The element of ascending `sorted` nearest to `value`, or undefined when it is empty. */
export function nearest(sorted: ArrayLike<number>, value: number): number | undefined {
  const i = lowerBound(sorted, value);
  const after = sorted[i];
  const before = sorted[i - 1];
  if (after === undefined) return before;
  if (before === undefined) return after;
  return value - before <= after - value ? before : after;
}
