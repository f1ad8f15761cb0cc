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
  /** A snapped cue keeps at least this duration (default 1 ms: never zero or negative). */
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
 * that would create or worsen an overlap with a neighbour (moved or not) or leave less than
 * `minDurationMs`; then the next nearest edge is tried, and finally the edge stays. Cues are visited
 * in time order, so a cue only extends into room its neighbours leave.
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
  const changes: CueTimeChange[] = [];
  // Latest end among the cues already placed (in time order), after their snaps.
  let placedEndMs = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < order.length; k++) {
    const position = order[k] as number;
    const cue = cues[position] as Cue;
    const next = order[k + 1];
    const nextStartMs = next === undefined ? Number.POSITIVE_INFINITY : (cues[next] as Cue).startMs;
    let startMs = cue.startMs;
    let endMs = cue.endMs;
    if (selected.has(position)) {
      const snapped = snapCue(cue, {
        starts: candidates(onsets, cue.startMs, windowMs),
        ends: candidates(offsets, cue.endMs, windowMs),
        earliestStartMs: placedEndMs,
        // An earlier cue reaching past this one's end already covers the room after it.
        latestEndMs: placedEndMs > cue.endMs ? cue.endMs : nextStartMs,
        minDurationMs,
      });
      startMs = snapped.startMs;
      endMs = snapped.endMs;
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

/** Ascending `edges` with `extra` merged in (unchanged when there are none). */
function withExtraEdges(edges: Float64Array, extra: readonly number[] | undefined): Float64Array {
  if (!extra || extra.length === 0) return edges;
  return Float64Array.from([...edges, ...extra]).sort();
}
