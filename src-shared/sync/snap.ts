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
 * that would create or worsen an overlap with a neighbour (moved or not) or leave less than
 * `minDurationMs`; then the next nearest edge is tried, and finally the edge stays. Cues are visited
 * in time order, so a cue only extends into room its neighbours leave. Cues chained end to start
 * stay chained: when both are chosen their shared boundary moves as one edge, to the later cue's
 * nearest speech onset (if both keep their minimum length); any other touching edge stays where it
 * is. `keepTouching` keeps that true for a reviewed subset of the changes.
 */
export function planSnap(
  doc: SubtitleDoc,
  ids: readonly number[] | 'all',
  segments: readonly Span[],
  options: SnapOptions = {},
): SnapPlan {
  const windowMs = options.windowMs ?? 300;
  const minDurationMs = Math.max(1, options.minDurationMs ?? 1);
  const onsets = onsetsOf(segments);
  const offsets = offsetsOf(segments);
  const { cues } = doc;
  const selected = new Set(ids === 'all' ? cues.keys() : positionsOf(doc, ids));
  const order = [...cues.keys()].sort((a, b) => (cues[a] as Cue).startMs - (cues[b] as Cue).startMs || a - b);
  const starts = countTimes(cues, (cue) => cue.startMs);
  const ends = countTimes(cues, (cue) => cue.endMs);
  const changes: CueTimeChange[] = [];
  const limitOf = (cue: Cue) => Math.max(1, Math.min(minDurationMs, cue.endMs - cue.startMs));
  // Latest end among the cues already placed (in time order), after their snaps.
  let placedEndMs = Number.NEGATIVE_INFINITY;
  // The start a cue must take because its touching predecessor moved their shared boundary.
  let forcedStartMs: number | null = null;
  for (let k = 0; k < order.length; k++) {
    const position = order[k] as number;
    const cue = cues[position] as Cue;
    const next = order[k + 1];
    const nextCue = next === undefined ? undefined : (cues[next] as Cue);
    const nextStartMs = nextCue === undefined ? Number.POSITIVE_INFINITY : nextCue.startMs;
    let startMs = cue.startMs;
    let endMs = cue.endMs;
    const forced = forcedStartMs;
    forcedStartMs = null;
    if (selected.has(position)) {
      const self = cue.startMs === cue.endMs ? 1 : 0;
      const startTouches = forced !== null || (ends.get(cue.startMs) ?? 0) - self > 0;
      const endTouches = (starts.get(cue.endMs) ?? 0) - self > 0;
      const covered = placedEndMs > cue.endMs;
      // A boundary shared with the next cue in time order, both chosen: it moves as one edge.
      const joint =
        endTouches &&
        !covered &&
        nextCue !== undefined &&
        next !== undefined &&
        selected.has(next) &&
        nextCue.startMs === cue.endMs &&
        (starts.get(cue.endMs) ?? 0) - self === 1;
      const limit = limitOf(cue);
      const snapped = snapCue(cue, {
        starts: forced !== null ? [forced] : startTouches ? [cue.startMs] : candidates(onsets, cue.startMs, windowMs),
        ends: endTouches ? [cue.endMs] : candidates(offsets, cue.endMs, windowMs),
        earliestStartMs: forced !== null ? forced : placedEndMs,
        // An earlier cue reaching past this one's end already covers the room after it.
        latestEndMs: covered ? cue.endMs : nextStartMs,
        // Never shorter than the minimum, or than the cue already is when it is shorter.
        minDurationMs: limit,
      });
      // A forced start is never dropped: the predecessor already ends there (and left this cue its minimum).
      startMs = forced ?? snapped.startMs;
      endMs = forced !== null && snapped.startMs !== forced ? cue.endMs : snapped.endMs;
      if (joint && nextCue !== undefined) {
        // The next cue's speech onset nearest the boundary, if both cues keep their minimum length.
        const nextLimit = limitOf(nextCue);
        for (const boundaryMs of candidates(onsets, cue.endMs, windowMs)) {
          // Never inside someone's speech: two voices overlapping there keep the boundary where it is.
          if (boundaryMs !== cue.endMs && insideSpeech(onsets, offsets, boundaryMs)) continue;
          if (boundaryMs - startMs >= limit && nextCue.endMs - boundaryMs >= nextLimit) {
            endMs = boundaryMs;
            break;
          }
        }
        forcedStartMs = endMs;
      }
      if (startMs !== cue.startMs || endMs !== cue.endMs) {
        changes.push({ id: cue.id, oldStart: cue.startMs, newStart: startMs, oldEnd: cue.endMs, newEnd: endMs });
      }
    }
    placedEndMs = Math.max(placedEndMs, endMs);
  }
  changes.sort((a, b) => doc.indexOf(a.id) - doc.indexOf(b.id));
  return { changes, command: timeChangesCommand(doc, changes, 'Snap to speech') };
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

/** Whether `ms` lies strictly inside a speech segment (edges rounding to `ms` do not count). */
function insideSpeech(onsets: Float64Array, offsets: Float64Array, ms: number): boolean {
  return lowerBound(onsets, ms - 0.5) > lowerBound(offsets, ms + 0.5);
}

/** How many cues have each time (start or end, by `time`). */
function countTimes(cues: readonly Cue[], time: (cue: Cue) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const cue of cues) counts.set(time(cue), (counts.get(time(cue)) ?? 0) + 1);
  return counts;
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
  return { startMs: cue.startMs, endMs: cue.endMs };
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

/**
 * A reviewed subset of snap changes that still keeps chained cues chained: when only one cue of a
 * touching pair (in `doc` as it is now) is accepted, its edge at their shared boundary goes back to
 * where it was, so applying the subset can open no gap and create no overlap there. O(n + k).
 */
export function keepTouching(doc: SubtitleDoc, accepted: readonly CueTimeChange[]): CueTimeChange[] {
  const byId = new Map(accepted.map((change) => [change.id, change]));
  const startsAt = new Map<number, number[]>();
  const endsAt = new Map<number, number[]>();
  for (const cue of doc.cues) {
    if (cue.startMs === cue.endMs) continue;
    startsAt.set(cue.startMs, [...(startsAt.get(cue.startMs) ?? []), cue.id]);
    endsAt.set(cue.endMs, [...(endsAt.get(cue.endMs) ?? []), cue.id]);
  }
  const result: CueTimeChange[] = [];
  for (const change of accepted) {
    let { newStart, newEnd } = change;
    if (newEnd !== change.oldEnd) {
      const partners = startsAt.get(change.oldEnd) ?? [];
      if (partners.some((id) => id !== change.id && byId.get(id)?.newStart !== newEnd)) newEnd = change.oldEnd;
    }
    if (newStart !== change.oldStart) {
      const partners = endsAt.get(change.oldStart) ?? [];
      if (partners.some((id) => id !== change.id && byId.get(id)?.newEnd !== newStart)) newStart = change.oldStart;
    }
    if (newStart === change.oldStart && newEnd === change.oldEnd) continue;
    result.push({ ...change, newStart, newEnd });
  }
  return result;
}
