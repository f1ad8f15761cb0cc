/** Dragging cue blocks: how a pointer movement becomes new times, with snapping to the playhead and neighbour edges. */

/** What part of a block is dragged. */
export type DragKind = 'move' | 'start' | 'end';

export interface Times {
  startMs: number;
  endMs: number;
}

/** The candidate closest to `ms` within `thresholdMs`, or null. */
export function nearestCandidate(ms: number, candidates: readonly number[], thresholdMs: number): number | null {
  let best: number | null = null;
  let bestDistance = thresholdMs;
  for (const candidate of candidates) {
    const distance = Math.abs(candidate - ms);
    if (distance <= bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** New times and the snap line to draw (null when nothing snapped). */
export interface DragResult extends Times {
  snappedMs: number | null;
}

/**
 * Applies a drag of `deltaMs` to `original`. A move keeps the duration and snaps whichever edge is closer to a
 * candidate; an edge drag snaps that edge and never crosses the other edge. Times stay integers and >= 0.
 * `snap` false (Alt held) disables snapping.
 */
export function dragTimes(
  kind: DragKind,
  original: Times,
  deltaMs: number,
  candidates: readonly number[],
  thresholdMs: number,
  snap = true,
): DragResult {
  const delta = Math.round(deltaMs);
  const lo = Math.min(original.startMs, original.endMs);
  const hi = Math.max(original.startMs, original.endMs);
  if (kind === 'move') {
    let shift = Math.max(delta, -lo);
    let snappedMs: number | null = null;
    if (snap) {
      const start = nearestCandidate(lo + shift, candidates, thresholdMs);
      const end = nearestCandidate(hi + shift, candidates, thresholdMs);
      const dStart = start === null ? Number.POSITIVE_INFINITY : Math.abs(start - (lo + shift));
      const dEnd = end === null ? Number.POSITIVE_INFINITY : Math.abs(end - (hi + shift));
      if (start !== null && dStart <= dEnd && start - lo >= -lo) {
        shift = start - lo;
        snappedMs = start;
      } else if (end !== null && end - hi >= -lo) {
        shift = end - hi;
        snappedMs = end;
      }
    }
    return { startMs: original.startMs + shift, endMs: original.endMs + shift, snappedMs };
  }
  const moving = kind === 'start' ? original.startMs : original.endMs;
  let ms = Math.max(0, moving + delta);
  let snappedMs: number | null = null;
  if (snap) {
    const target = nearestCandidate(ms, candidates, thresholdMs);
    if (target !== null) {
      ms = target;
      snappedMs = target;
    }
  }
  if (kind === 'start') {
    const limit = original.endMs;
    if (ms > limit) {
      ms = limit;
      snappedMs = null;
    }
    return { startMs: ms, endMs: original.endMs, snappedMs };
  }
  const limit = original.startMs;
  if (ms < limit) {
    ms = limit;
    snappedMs = null;
  }
  return { startMs: original.startMs, endMs: ms, snappedMs };
}
