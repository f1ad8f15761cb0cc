/** Snap to speech: moves cue edges to the nearest speech onset (starts) or offset (ends) within a window. */
import type { Cue, SubtitleDoc } from '../document';
import { positionsOf } from '../edits/common';
import type { Command } from '../history';
import type { Span } from './activity';
import { type CueTimeChange, timeChangesCommand } from './changes';
import { lowerBound, offsetsOf, onsetsOf } from './raster';

/** Tuning of `planSnap`. */
export interface SnapOptions {
  /** An edge moves only to a speech edge at most this far away (default 300 ms). */
  windowMs?: number;
  /**
   * The profile's minimum duration (default 1 ms: never zero or negative). A snap never makes a cue
   * shorter than this; a cue that is already shorter never gets shorter than it is.
   */
  minDurationMs?: number;
  /** Extra edges (ms) both starts and ends may snap to besides speech, e.g. the video's shot changes. */
  extraEdgesMs?: readonly number[];
}

/** Proposed snaps for review, and the command applying them all as one undo step. */
export interface SnapPlan {
  /** Cues whose times change, in document order. */
  changes: CueTimeChange[];
  command: Command;
}

/**
 * Plans snapping the edges of the chosen cues (ids, or 'all') onto speech `segments` ([startMs, endMs)).
 * Each start goes to the nearest onset within the window and each end to the nearest offset, unless
 * that would create or worsen an overlap with a neighbour (moved or not) or make the cue shorter than
 * `minDurationMs` (or than it is, when it is already shorter); then the next nearest edge is tried,
 * and finally the edge stays. Cues are visited in time order, so a cue only extends into room its
 * neighbours leave.
 *
 * Touching cues stay touching. A boundary where one cue ends and the next starts (and no other cue
 * of non-zero length starts or ends) is one edge: when both cues are chosen it moves, both cues'
 * times together, to the later cue's nearest speech onset that lies in no speech segment, keeps both
 * cues long enough (also when only one side of it is applied, see `withSharedBoundaries`) and passes
 * no other cue; otherwise it stays. Any other edge that touches a cue stays where it is. Cues of zero
 * length have no extent to fit to speech: they are left as they are and share no boundary.
 */
export function planSnap(
  doc: SubtitleDoc,
  ids: readonly number[] | 'all',
  segments: readonly Span[],
  options: SnapOptions = {},
): SnapPlan {
  const windowMs = options.windowMs ?? 300;
  const minDurationMs = Math.max(1, options.minDurationMs ?? 1);
  const onsets = withExtraEdges(onsetsOf(segments), options.extraEdgesMs);
  const offsets = withExtraEdges(offsetsOf(segments), options.extraEdgesMs);
  const { cues } = doc;
  const selected = new Set(ids === 'all' ? cues.keys() : positionsOf(doc, ids));
  const order = [...cues.keys()].sort((a, b) => (cues[a] as Cue).startMs - (cues[b] as Cue).startMs || a - b);
  const rankOf = new Map(order.map((position, rank) => [position, rank]));
  const boundaries = boundaryIndex(cues);
  /** The shortest a cue may become: the minimum, or its own length when that is shorter (at least 1 ms). */
  const limitOf = (cue: Cue) => Math.max(1, Math.min(minDurationMs, cue.endMs - cue.startMs));
  const changes: CueTimeChange[] = [];
  // Latest end among the cues already placed (in time order), after their snaps.
  let placedEndMs = Number.NEGATIVE_INFINITY;
  // The start the cue at `forced.position` must take: its predecessor moved their shared boundary there.
  let forced: { position: number; startMs: number } | null = null;
  for (let k = 0; k < order.length; k++) {
    const position = order[k] as number;
    const cue = cues[position] as Cue;
    let startMs = cue.startMs;
    let endMs = cue.endMs;
    const forcedStart = forced?.position === position ? forced.startMs : null;
    if (forcedStart !== null) forced = null;
    if (selected.has(position) && cue.endMs > cue.startMs) {
      const next = order[k + 1];
      const nextStartMs = next === undefined ? Number.POSITIVE_INFINITY : (cues[next] as Cue).startMs;
      const covered = placedEndMs > cue.endMs;
      const limit = limitOf(cue);
      const partner = covered ? undefined : boundaries.partnerAfter(position);
      const partnerRank = partner === undefined ? -1 : (rankOf.get(partner) as number);
      // Moves as one edge only with a chosen partner next in time order (zero-length cues aside).
      const joint = partner !== undefined && selected.has(partner) && onlyPointsBetween(cues, order, k, partnerRank);
      let ends: number[];
      if (joint) {
        const partnerCue = cues[partner] as Cue;
        const after = order[partnerRank + 1];
        const afterStartMs = after === undefined ? Number.POSITIVE_INFINITY : (cues[after] as Cue).startMs;
        const partnerLimit = limitOf(partnerCue);
        ends = candidates(onsets, cue.endMs, windowMs).filter(
          (boundaryMs) =>
            boundaryMs === cue.endMs ||
            // Never inside someone's speech: two voices overlapping there keep the boundary where it is.
            (!insideSpeech(onsets, offsets, boundaryMs) &&
              // Earlier: clear of every cue before this one; later: short of the cue after the partner.
              boundaryMs >= placedEndMs &&
              boundaryMs <= afterStartMs &&
              // Both keep their length also when only one side of the boundary is applied.
              boundaryMs - cue.startMs >= limit &&
              partnerCue.endMs - boundaryMs >= partnerLimit),
        );
      } else if (boundaries.touchesEnd(cue)) {
        ends = [cue.endMs];
      } else {
        ends = candidates(offsets, cue.endMs, windowMs);
      }
      let starts: number[];
      if (forcedStart !== null) starts = [forcedStart];
      else if (boundaries.touchesStart(cue)) starts = [cue.startMs];
      else starts = candidates(onsets, cue.startMs, windowMs);
      const snapped = snapCue(cue, {
        starts,
        ends,
        // A forced start was checked against the earlier cues when the boundary moved.
        earliestStartMs: forcedStart ?? placedEndMs,
        // An earlier cue reaching past this one's end already covers the room after it; a shared
        // boundary's candidates were checked against the cues after it.
        latestEndMs: joint ? Number.POSITIVE_INFINITY : covered ? cue.endMs : nextStartMs,
        minDurationMs: limit,
      });
      startMs = snapped.startMs;
      endMs = snapped.endMs;
      if (joint) forced = { position: partner, startMs: endMs };
      if (startMs !== cue.startMs || endMs !== cue.endMs) {
        changes.push({ id: cue.id, oldStart: cue.startMs, newStart: startMs, oldEnd: cue.endMs, newEnd: endMs });
      }
    }
    placedEndMs = Math.max(placedEndMs, endMs);
  }
  changes.sort((a, b) => doc.indexOf(a.id) - doc.indexOf(b.id));
  return { changes, command: timeChangesCommand(doc, changes, 'Snap to speech') };
}

/**
 * A reviewed subset of `planSnap`'s changes made whole again: a shared boundary (see `planSnap`) is one
 * edge, so accepting either side of it moves both cues' times there. The partner that was not
 * accepted itself gets only that edge (its other edge stays). `doc` is the document the plan was made
 * on. O(n + k).
 */
export function withSharedBoundaries(doc: SubtitleDoc, accepted: readonly CueTimeChange[]): CueTimeChange[] {
  const boundaries = boundaryIndex(doc.cues);
  const result = new Map(accepted.map((change) => [change.id, { ...change }]));
  const take = (partner: number, edge: 'start' | 'end', ms: number) => {
    const cue = doc.cues[partner] as Cue;
    const change = result.get(cue.id) ?? {
      id: cue.id,
      oldStart: cue.startMs,
      newStart: cue.startMs,
      oldEnd: cue.endMs,
      newEnd: cue.endMs,
    };
    if (edge === 'start') change.newStart = ms;
    else change.newEnd = ms;
    result.set(cue.id, change);
  };
  for (const change of accepted) {
    const position = doc.indexOf(change.id);
    if (position < 0) continue;
    if (change.newEnd !== change.oldEnd) {
      const partner = boundaries.partnerAfter(position);
      if (partner !== undefined) take(partner, 'start', change.newEnd);
    }
    if (change.newStart !== change.oldStart) {
      const partner = boundaries.partnerBefore(position);
      if (partner !== undefined) take(partner, 'end', change.newStart);
    }
  }
  return [...result.values()].sort((a, b) => doc.indexOf(a.id) - doc.indexOf(b.id));
}

/** Which cues (of non-zero length) touch: who starts and who ends at each time. */
function boundaryIndex(cues: readonly Cue[]) {
  const startsAt = new Map<number, number[]>();
  const endsAt = new Map<number, number[]>();
  cues.forEach((cue, position) => {
    if (cue.endMs <= cue.startMs) return;
    startsAt.set(cue.startMs, [...(startsAt.get(cue.startMs) ?? []), position]);
    endsAt.set(cue.endMs, [...(endsAt.get(cue.endMs) ?? []), position]);
  });
  /** The one cue on the other side of a boundary only these two cues share. */
  const only = (ms: number, mine: Map<number, number[]>, theirs: Map<number, number[]>) => {
    const other = theirs.get(ms);
    return mine.get(ms)?.length === 1 && other?.length === 1 ? other[0] : undefined;
  };
  return {
    /** The cue starting where the cue at `position` ends, when the two alone meet there. */
    partnerAfter: (position: number) => {
      const cue = cues[position] as Cue;
      return cue.endMs > cue.startMs ? only(cue.endMs, endsAt, startsAt) : undefined;
    },
    /** The cue ending where the cue at `position` starts, when the two alone meet there. */
    partnerBefore: (position: number) => {
      const cue = cues[position] as Cue;
      return cue.endMs > cue.startMs ? only(cue.startMs, startsAt, endsAt) : undefined;
    },
    /** Whether some cue starts where `cue` (of non-zero length) ends. */
    touchesEnd: (cue: Cue) => startsAt.has(cue.endMs),
    /** Whether some cue ends where `cue` (of non-zero length) starts. */
    touchesStart: (cue: Cue) => endsAt.has(cue.startMs),
  };
}

/** Whether every cue ranked strictly between ranks `from` and `to` of `order` has zero length. */
function onlyPointsBetween(cues: readonly Cue[], order: readonly number[], from: number, to: number): boolean {
  for (let rank = from + 1; rank < to; rank++) {
    const cue = cues[order[rank] as number] as Cue;
    if (cue.endMs !== cue.startMs) return false;
  }
  return true;
}

/** Whether `ms` lies strictly inside a speech segment (edges rounding to `ms` do not count). */
function insideSpeech(onsets: Float64Array, offsets: Float64Array, ms: number): boolean {
  // Segments begun before ms (onsets < ms - 0.5) outnumber those ended by it (offsets <= ms + 0.5).
  return lowerBound(onsets, ms - 0.5) > lowerBound(offsets, ms + 0.5);
}

interface SnapLimits {
  /** Candidate new starts and ends, nearest first, each list ending with the current time. */
  starts: number[];
  ends: number[];
  /** A start may move earlier only down to here (the previous cue's end). */
  earliestStartMs: number;
  /** An end may move later only up to here (the next cue's start, or no later when an earlier cue covers it). */
  latestEndMs: number;
  minDurationMs: number;
}

/** The first (start, end) pair, nearest edges first, that creates no overlap and keeps the minimum duration. */
function snapCue(cue: Cue, limits: SnapLimits): { startMs: number; endMs: number } {
  for (const startMs of limits.starts) {
    // Moving later (shrinking) never creates an overlap; moving earlier must stay clear of the previous cue.
    if (startMs < cue.startMs && startMs < limits.earliestStartMs) continue;
    for (const endMs of limits.ends) {
      if (endMs > cue.endMs && endMs > limits.latestEndMs) continue;
      if (endMs - startMs >= limits.minDurationMs) return { startMs, endMs };
    }
  }
  // Not reached for a cue of non-zero length (its own times always fit); a forced start is kept.
  return { startMs: limits.starts[limits.starts.length - 1] as number, endMs: cue.endMs };
}

/** Times of ascending `edges` within windowMs of `ms`, nearest first (earlier on ties), then `ms` itself. */
function candidates(edges: Float64Array, ms: number, windowMs: number): number[] {
  const found: number[] = [];
  for (let i = lowerBound(edges, ms - windowMs); i < edges.length && (edges[i] as number) <= ms + windowMs; i++) {
    found.push(Math.round(edges[i] as number));
  }
  found.sort((a, b) => Math.abs(a - ms) - Math.abs(b - ms) || a - b);
  found.push(ms);
  return found;
}

/** Ascending `edges` with `extra` merged in (unchanged when there are none). */
function withExtraEdges(edges: Float64Array, extra: readonly number[] | undefined): Float64Array {
  if (!extra || extra.length === 0) return edges;
  return Float64Array.from([...edges, ...extra]).sort();
}
