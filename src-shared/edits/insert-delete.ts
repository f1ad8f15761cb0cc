/** Inserting a new cue (next to a cue or at a time) and deleting cues by id. */
import { type Cue, type CueFields, type SubtitleDoc, withFields } from '../document';
import { type Command, CompositeCommand, ReplaceAll, ReplaceCues, SpliceCues } from '../history';
import { checkTime, locate, positionsOf } from './common';

/** Duration of a new cue when no neighbour limits it. */
export const DEFAULT_CUE_DURATION_MS = 2000;

/** Where to insert: next to an existing cue, or at a time (the cue goes where its start keeps time order). */
export type InsertPlace = { readonly before: number } | { readonly after: number } | { readonly atMs: number };

/** A neighbour whose time an insertion takes (when the new cue has no free gap to fill). */
export interface ShortenedNeighbour {
  id: number;
  oldStartMs: number;
  oldEndMs: number;
  newStartMs: number;
  newEndMs: number;
}

/** Result of an insertion: the command and the id the new cue will have. */
export interface InsertResult {
  command: Command;
  id: number;
  /** Position the cue takes once the command runs. */
  position: number;
  startMs: number;
  endMs: number;
  /** The neighbour that gives up part of its time, when there was no gap; absent otherwise. */
  shortened?: ShortenedNeighbour;
}

/** Options for a new cue; times given here replace the defaults. */
export interface InsertOptions extends Partial<CueFields> {
  /** Length used when the gap to the neighbour does not bound it; default 2 s. */
  defaultDurationMs?: number;
}

/**
 * Builds the insertion of a new cue with a fresh id. Default times never create an overlap: they
 * fill the gap to the neighbour, at most `defaultDurationMs` (2 s): after a cue ending at 10 s whose
 * next cue starts at 11 s, the new cue is [10 s, 11 s). With no gap (touching or overlapping
 * neighbours, the 1,800 touching pairs of the interview) the new cue takes time from the cue it is
 * inserted next to: after a cue it takes that cue's second half (at most the default length), before
 * a cue its first half, and that cue is shortened accordingly (same undo step). At a time inside a
 * cue, that cue ends at the time and the new cue gets the rest. Times given in `options` are used
 * as they are.
 */
export function insertCue(doc: SubtitleDoc, place: InsertPlace, options: InsertOptions = {}): InsertResult {
  const lengthMs = checkTime(options.defaultDurationMs ?? DEFAULT_CUE_DURATION_MS, 'defaultDurationMs');
  const explicit = options.startMs !== undefined || options.endMs !== undefined;
  const slot = defaultSlot(doc, place, lengthMs);
  const { position, startMs, endMs } = slot;
  const start = options.startMs === undefined ? startMs : checkTime(options.startMs, 'startMs');
  const end =
    options.endMs !== undefined
      ? checkTime(options.endMs, 'endMs')
      : options.startMs !== undefined
        ? start + Math.max(0, endMs - startMs)
        : endMs;
  const cue = doc.createCue({ startMs: start, endMs: end, text: options.text ?? '', settings: options.settings ?? '' });
  const splice = new SpliceCues('Insert cue', position, [], [cue]);
  const result: InsertResult = { command: splice, id: cue.id, position, startMs: start, endMs: end };
  if (explicit || slot.shorten === undefined) return result;
  const { at, startMs: newStart, endMs: newEnd } = slot.shorten;
  const neighbour = doc.cues[at] as Cue;
  // The neighbour keeps its position until the splice, which comes second (and is reverted first).
  const shorten = new ReplaceCues(
    'Insert cue',
    [at],
    [neighbour],
    [withFields(neighbour, { startMs: newStart, endMs: newEnd })],
  );
  result.command = new CompositeCommand('Insert cue', [shorten, splice]);
  result.shortened = {
    id: neighbour.id,
    oldStartMs: neighbour.startMs,
    oldEndMs: neighbour.endMs,
    newStartMs: newStart,
    newEndMs: newEnd,
  };
  return result;
}

interface Slot {
  position: number;
  startMs: number;
  endMs: number;
  /** The cue at position `at` (before the insertion) gets these times. */
  shorten?: { at: number; startMs: number; endMs: number };
}

function defaultSlot(doc: SubtitleDoc, place: InsertPlace, lengthMs: number): Slot {
  const { cues } = doc;
  if ('after' in place) {
    const { cue, position } = locate(doc, place.after);
    const next = cues[position + 1];
    const startMs = Math.max(0, cue.endMs);
    if (next === undefined || next.startMs > startMs) {
      return { position: position + 1, startMs, endMs: endBefore(next, startMs, lengthMs) };
    }
    // No gap: take the second half of the anchor (up to the next cue's start when they overlap).
    const limitMs = Math.max(cue.startMs, Math.min(cue.endMs, next.startMs));
    const taken = Math.min(lengthMs, Math.floor((limitMs - cue.startMs) / 2));
    if (taken > 0) {
      const splitMs = limitMs - taken;
      return {
        position: position + 1,
        startMs: splitMs,
        endMs: limitMs,
        shorten: { at: position, startMs: cue.startMs, endMs: splitMs },
      };
    }
    return nothingFree(position + 1, Math.min(startMs, next.startMs));
  }
  if ('before' in place) {
    const { cue, position } = locate(doc, place.before);
    const endMs = Math.max(0, cue.startMs);
    const previous = position > 0 ? cues[position - 1] : undefined;
    const floorMs = previous === undefined ? 0 : previous.endMs;
    if (floorMs < endMs) return { position, startMs: Math.max(floorMs, endMs - lengthMs, 0), endMs };
    // No gap (touching or overlapping the previous cue, or a cue at 0): take the anchor's first half.
    const taken = Math.min(lengthMs, Math.floor((cue.endMs - cue.startMs) / 2));
    if (taken > 0) {
      const splitMs = cue.startMs + taken;
      return {
        position,
        startMs: cue.startMs,
        endMs: splitMs,
        shorten: { at: position, startMs: splitMs, endMs: cue.endMs },
      };
    }
    return nothingFree(position, endMs);
  }
  const startMs = checkTime(place.atMs, 'atMs');
  // After every cue starting at or before the time, so a sorted document stays sorted.
  let position = cues.length;
  for (let i = 0; i < cues.length; i++) {
    if ((cues[i] as Cue).startMs > startMs) {
      position = i;
      break;
    }
  }
  const previous = position > 0 ? (cues[position - 1] as Cue) : undefined;
  const next = cues[position];
  if (previous !== undefined && previous.endMs > startMs) {
    // Inside a cue: it ends here and the new cue gets the rest (up to the next start).
    const endMs = next !== undefined ? Math.min(previous.endMs, Math.max(startMs, next.startMs)) : previous.endMs;
    if (startMs > previous.startMs) {
      return { position, startMs, endMs, shorten: { at: position - 1, startMs: previous.startMs, endMs: startMs } };
    }
    // Both start at the same time: split that cue in half instead.
    const taken = Math.min(lengthMs, Math.floor((endMs - previous.startMs) / 2));
    if (taken > 0) {
      const splitMs = endMs - taken;
      return {
        position,
        startMs: splitMs,
        endMs,
        shorten: { at: position - 1, startMs: previous.startMs, endMs: splitMs },
      };
    }
    return nothingFree(position, startMs);
  }
  return { position, startMs, endMs: endBefore(next, startMs, lengthMs) };
}

/** No room anywhere (a 0 or 1 ms neighbour): a zero-length cue at the boundary, which overlaps nothing. */
function nothingFree(position: number, atMs: number): Slot {
  return { position, startMs: atMs, endMs: atMs };
}

/** End of a new cue starting at `startMs`: up to the next cue's start if that leaves room, else the default length. */
function endBefore(next: Cue | undefined, startMs: number, lengthMs: number): number {
  if (next !== undefined && next.startMs > startMs) return Math.min(next.startMs, startMs + lengthMs);
  return startMs + lengthMs;
}

/** Whether `ids` name at least one cue and all of them exist. */
export function canDelete(doc: SubtitleDoc, ids: number | readonly number[]): boolean {
  const list = typeof ids === 'number' ? [ids] : ids;
  return list.length > 0 && list.every((id) => doc.indexOf(id) >= 0);
}

/** Above this many separate runs, one O(n) array replacement beats one O(n) splice per run. */
const MAX_SPLICE_RUNS = 8;

/** Builds the deletion of one or many cues (duplicates ignored, unknown ids rejected); one undo step. */
export function deleteCues(doc: SubtitleDoc, ids: number | readonly number[]): Command {
  const list = typeof ids === 'number' ? [ids] : ids;
  const positions = positionsOf(doc, list);
  const label = positions.length === 1 ? 'Delete cue' : `Delete ${positions.length} cues`;
  const runs = contiguousRuns(positions);
  const { cues } = doc;
  if (runs.length > MAX_SPLICE_RUNS) {
    const remaining: Cue[] = [];
    let next = 0;
    for (let i = 0; i < cues.length; i++) {
      if (next < positions.length && positions[next] === i) next++;
      else remaining.push(cues[i] as Cue);
    }
    return new ReplaceAll(label, cues.slice(), remaining, true);
  }
  // Last run first, so the positions of earlier runs stay valid while applying (and reverting in reverse).
  const parts: Command[] = [];
  for (let r = runs.length - 1; r >= 0; r--) {
    const [from, to] = runs[r] as [number, number];
    parts.push(new SpliceCues(label, from, cues.slice(from, to), []));
  }
  return parts.length === 1 ? (parts[0] as Command) : new CompositeCommand(label, parts);
}

/** Groups ascending positions into [from, to) runs: [2, 3, 4, 9] gives [[2, 5], [9, 10]]. */
function contiguousRuns(positions: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const position of positions) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === position) last[1] = position + 1;
    else runs.push([position, position + 1]);
  }
  return runs;
}
