/**
 * The speech lane's geometry, pure: which pixel columns of the visible range have speech. Segments are sorted and
 * disjoint (as detectSpeech returns them), so the visible ones are found by binary search: O(log n + visible).
 */
import type { Viewport } from '../timeline/viewport';

/** A [startMs, endMs) speech segment. */
export type SpeechSpan = readonly [startMs: number, endMs: number];

/** Index of the first segment that ends after `ms` (segments sorted by start, disjoint). */
export function firstEndingAfter(segments: readonly SpeechSpan[], ms: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid] as SpeechSpan)[1] <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Pixel runs [x0, x1) of the viewport covered by speech, merged where they touch. Every visible segment gets at
 * least one pixel, so a short word stays visible when zoomed out.
 */
export function speechRuns(segments: readonly SpeechSpan[], view: Viewport): [number, number][] {
  const width = Math.max(0, Math.round(view.widthPx));
  if (width === 0 || view.pxPerSec <= 0) return [];
  const pxPerMs = view.pxPerSec / 1000;
  const endMs = view.startMs + width / pxPerMs;
  const runs: [number, number][] = [];
  for (let i = firstEndingAfter(segments, view.startMs); i < segments.length; i++) {
    const [startMs, stopMs] = segments[i] as SpeechSpan;
    if (startMs >= endMs) break;
    const x0 = Math.max(0, Math.floor((startMs - view.startMs) * pxPerMs));
    const x1 = Math.min(width, Math.max(x0 + 1, Math.ceil((stopMs - view.startMs) * pxPerMs)));
    const last = runs[runs.length - 1];
    if (last && x0 <= last[1]) last[1] = Math.max(last[1], x1);
    else runs.push([x0, x1]);
  }
  return runs;
}

/** Share of [fromMs, toMs) covered by speech (for the lane's accessible description). */
export function speechShare(segments: readonly SpeechSpan[], fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  let covered = 0;
  for (let i = firstEndingAfter(segments, fromMs); i < segments.length; i++) {
    const [startMs, stopMs] = segments[i] as SpeechSpan;
    if (startMs >= toMs) break;
    covered += Math.min(stopMs, toMs) - Math.max(startMs, fromMs);
  }
  return covered / (toMs - fromMs);
}
