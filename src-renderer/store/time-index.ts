/**
 * Time-ordered index over a document's cues, rebuilt once per timing version (text edits keep it):
 * the timeline binary-searches it for the visible cues, the player for the cue under the playhead.
 * Cues are sorted by start in most files, so the index is the identity then and costs one O(n) scan.
 */
import type { Cue } from '../../src-shared/document';

export class TimeIndex {
  /** Positions in time order (start, then position); null when the document is already sorted. */
  readonly order: Int32Array | null;
  /** Start (the earlier time, for a reversed cue) of the k-th cue in time order. */
  readonly starts: Float64Array;
  /** Largest |end - start| of any cue: how far before a window a cue reaching into it may start. */
  readonly maxExtentMs: number;
  /** Latest end (or start, for reversed cues) of any cue: where the document's timeline ends. */
  readonly lastMs: number;
  readonly length: number;

  constructor(cues: readonly Cue[]) {
    const n = cues.length;
    this.length = n;
    // Keyed by the earlier of start and end, so a reversed cue (end before start) is found where it is drawn.
    const lo = (cue: Cue) => Math.min(cue.startMs, cue.endMs);
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) if (lo(cues[i] as Cue) < lo(cues[i - 1] as Cue)) sorted = false;
    let order: Int32Array | null = null;
    if (!sorted) {
      const positions = Array.from({ length: n }, (_, i) => i);
      positions.sort((a, b) => lo(cues[a] as Cue) - lo(cues[b] as Cue) || a - b);
      order = Int32Array.from(positions);
    }
    this.order = order;
    const starts = new Float64Array(n);
    let maxExtent = 0;
    let last = 0;
    for (let k = 0; k < n; k++) {
      const cue = cues[order === null ? k : (order[k] as number)] as Cue;
      starts[k] = lo(cue);
      const extent = Math.abs(cue.endMs - cue.startMs);
      if (extent > maxExtent) maxExtent = extent;
      const end = Math.max(cue.startMs, cue.endMs);
      if (end > last) last = end;
    }
    this.starts = starts;
    this.maxExtentMs = maxExtent;
    this.lastMs = last;
  }

  /** Position of the k-th cue in time order. */
  positionAt(k: number): number {
    return this.order === null ? k : (this.order[k] as number);
  }

  /** First k whose start is >= ms (length when none). */
  lowerBound(ms: number): number {
    let lo = 0;
    let hi = this.length;
    const { starts } = this;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First k whose start is > ms. */
  upperBound(ms: number): number {
    let lo = 0;
    let hi = this.length;
    const { starts } = this;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Positions of the cues that intersect [fromMs, toMs] (a zero-length cue counts when its instant is inside),
   * in time order. At most `limit` are returned, and the search stops there (a whole-file view of 232,400 cues
   * costs no more than a zoomed one); `truncated` says whether there were more.
   */
  visible(cues: readonly Cue[], fromMs: number, toMs: number, limit = Number.POSITIVE_INFINITY): VisibleCues {
    const positions: number[] = [];
    const first = this.lowerBound(fromMs - this.maxExtentMs);
    const last = this.upperBound(toMs);
    for (let k = first; k < last; k++) {
      const position = this.positionAt(k);
      const cue = cues[position] as Cue;
      const lo = Math.min(cue.startMs, cue.endMs);
      const hi = Math.max(cue.startMs, cue.endMs);
      if (hi < fromMs || lo > toMs) continue;
      if (positions.length >= limit) return { positions, truncated: true };
      positions.push(position);
    }
    return { positions, truncated: false };
  }

  /** Position of the cue showing at `ms` (start <= ms < end; the latest-starting one wins), or -1. */
  cueAt(cues: readonly Cue[], ms: number): number {
    let k = this.upperBound(ms) - 1;
    const stop = this.lowerBound(ms - this.maxExtentMs);
    for (; k >= stop && k >= 0; k--) {
      const position = this.positionAt(k);
      const cue = cues[position] as Cue;
      if (cue.startMs <= ms && ms < cue.endMs) return position;
    }
    return -1;
  }

  /** Rank of a position in time order (O(1) when sorted, O(n) otherwise). */
  rankOf(position: number): number {
    if (this.order === null) return position;
    return this.order.indexOf(position);
  }
}

/** Visible cues of a window. */
export interface VisibleCues {
  positions: number[];
  /** More cues than `limit` intersect the window. */
  truncated: boolean;
}
