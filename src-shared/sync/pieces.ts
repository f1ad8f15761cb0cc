/**
 * Applying a piecewise alignment: each cue takes the map of the piece its start falls in (rejected pieces keep
 * their times), and where two pieces move towards each other the tail of the earlier piece is squeezed into the
 * time before the later piece starts, so the result has no overlap the input did not have. One undo step.
 */
import type { Cue, SubtitleDoc } from '../document';
import type { Command } from '../history';
import type { Alignment } from './align';
import { type CueTimeChange, timeChangesCommand } from './changes';
import { type LinearMap, mapTime } from './onsets';

/** What applying an alignment would do. */
export interface AlignmentPlan {
  changes: CueTimeChange[];
  /** All `changes` as one undo step. */
  command: Command;
  /** Cues with a time that would be negative and is clamped to 0. */
  clampedIds: number[];
  /** Cues squeezed to make room where two pieces meet. */
  squeezedIds: number[];
  /** For each cue id, the index of the piece that moved it (absent: not moved). */
  pieceOf: Map<number, number>;
}

const IDENTITY: LinearMap = { scale: 1, offsetMs: 0 };
/** Cues squeezed at a piece boundary keep at least this gap before the next piece. */
const BOUNDARY_GAP_MS = 1;

/** The index of the piece whose subtitle time range holds `startMs` (pieces in time order), or -1. */
export function pieceIndexAt(alignment: Alignment, startMs: number): number {
  const pieces = alignment.pieces;
  for (let i = pieces.length - 1; i >= 0; i--) {
    if (startMs >= (pieces[i]?.fromMs ?? 0)) return i;
  }
  return pieces.length > 0 ? 0 : -1;
}

/**
 * Plans the alignment for every cue of `doc`. `accepted` lists the piece indices to apply (default all); the cues
 * of other pieces keep their times. Times are rounded to ms and clamped at 0.
 */
export function planAlignment(
  doc: SubtitleDoc,
  alignment: Alignment,
  accepted: ReadonlySet<number> | null = null,
  label = 'Sync to audio',
): AlignmentPlan {
  const order = doc.cues.map((cue, position) => ({ cue, position })).sort((a, b) => a.cue.startMs - b.cue.startMs);
  const pieceOf = new Map<number, number>();
  const moved = order.map(({ cue }) => {
    const index = pieceIndexAt(alignment, cue.startMs);
    const use = index >= 0 && (accepted === null || accepted.has(index));
    const map = use ? (alignment.pieces[index] as LinearMap) : IDENTITY;
    if (use) pieceOf.set(cue.id, index);
    return { cue, piece: use ? index : -1, start: mapTime(map, cue.startMs), end: mapTime(map, cue.endMs) };
  });

  // Where a later piece starts before an earlier one's cues end, squeeze those cues into the room before it.
  const squeezed = new Set<number>();
  for (let b = 1; b < moved.length; b++) {
    const next = moved[b] as (typeof moved)[number];
    const previous = moved[b - 1] as (typeof moved)[number];
    if (next.piece === previous.piece) continue;
    const limit = next.start - BOUNDARY_GAP_MS;
    // Only overlaps the map creates: cues that did not overlap the boundary cue before.
    let first = b;
    while (first > 0) {
      const candidate = moved[first - 1] as (typeof moved)[number];
      if (candidate.end <= limit || candidate.cue.endMs > next.cue.startMs) break;
      first--;
    }
    if (first === b) continue;
    const floor = first > 0 ? Math.max(0, (moved[first - 1] as (typeof moved)[number]).end) : 0;
    const from = Math.max(floor, Math.min((moved[first] as (typeof moved)[number]).start, limit));
    const spanStart = (moved[first] as (typeof moved)[number]).start;
    const spanEnd = (moved[b - 1] as (typeof moved)[number]).end;
    const room = Math.max(0, limit - from);
    const scale = spanEnd > spanStart ? room / (spanEnd - spanStart) : 0;
    for (let i = first; i < b; i++) {
      const item = moved[i] as (typeof moved)[number];
      item.start = from + (item.start - spanStart) * scale;
      item.end = from + (item.end - spanStart) * scale;
      squeezed.add(item.cue.id);
    }
  }

  const changes: CueTimeChange[] = [];
  const clampedIds: number[] = [];
  for (const item of moved) {
    const rawStart = Math.round(item.start);
    const rawEnd = Math.round(item.end);
    if (rawStart < 0 || rawEnd < 0) clampedIds.push(item.cue.id);
    const newStart = Math.max(0, rawStart);
    const newEnd = Math.max(newStart, rawEnd);
    if (newStart === item.cue.startMs && newEnd === item.cue.endMs) continue;
    changes.push({ id: item.cue.id, oldStart: item.cue.startMs, newStart, oldEnd: item.cue.endMs, newEnd });
  }
  // Document order for the preview.
  const position = new Map(order.map(({ cue, position }) => [cue.id, position]));
  changes.sort((a, b) => (position.get(a.id) as number) - (position.get(b.id) as number));
  return {
    changes,
    command: timeChangesCommand(doc, changes, label),
    clampedIds,
    squeezedIds: [...squeezed],
    pieceOf,
  };
}

/** The cue's new start and end under the plan (unchanged cues as they are). */
export function plannedTimes(cue: Cue, plan: AlignmentPlan): { startMs: number; endMs: number } {
  const change = plan.changes.find((c) => c.id === cue.id);
  return change ? { startMs: change.newStart, endMs: change.newEnd } : { startMs: cue.startMs, endMs: cue.endMs };
}
