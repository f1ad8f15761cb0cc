/** Inserting a new cue (next to a cue or at a time) and deleting cues by id. */
import type { Cue, CueFields, SubtitleDoc } from '../document';
import { type Command, CompositeCommand, ReplaceAll, SpliceCues } from '../history';
import { checkTime, locate, positionsOf } from './common';

/** Duration of a new cue when no neighbour limits it. */
export const DEFAULT_CUE_DURATION_MS = 2000;

/** Where to insert: next to an existing cue, or at a time (the cue goes where its start keeps time order). */
export type InsertPlace = { readonly before: number } | { readonly after: number } | { readonly atMs: number };

/** Result of an insertion: the command and the id the new cue will have. */
export interface InsertResult {
  command: Command;
  id: number;
  /** Position the cue takes once the command runs. */
  position: number;
  startMs: number;
  endMs: number;
}

/** Options for a new cue; times given here replace the defaults. */
export interface InsertOptions extends Partial<CueFields> {
  /** Length used when the gap to the neighbour does not bound it; default 2 s. */
  defaultDurationMs?: number;
}

/**
 * Builds the insertion of a new cue with a fresh id. Default times fill the gap to the
 * neighbour, at most `defaultDurationMs` (2 s): after a cue ending at 10 s whose next cue starts
 * at 11 s, the new cue is [10 s, 11 s); with no gap (touching or overlapping neighbours, or no
 * neighbour) it gets the full default length.
 */
export function insertCue(doc: SubtitleDoc, place: InsertPlace, options: InsertOptions = {}): InsertResult {
  const lengthMs = checkTime(options.defaultDurationMs ?? DEFAULT_CUE_DURATION_MS, 'defaultDurationMs');
  const { position, startMs, endMs } = defaultSlot(doc, place, lengthMs);
  const start = options.startMs === undefined ? startMs : checkTime(options.startMs, 'startMs');
  const end =
    options.endMs !== undefined
      ? checkTime(options.endMs, 'endMs')
      : options.startMs !== undefined
        ? start + Math.max(0, endMs - startMs)
        : endMs;
  const cue = doc.createCue({ startMs: start, endMs: end, text: options.text ?? '', settings: options.settings ?? '' });
  return {
    command: new SpliceCues('Insert cue', position, [], [cue]),
    id: cue.id,
    position,
    startMs: start,
    endMs: end,
  };
}

interface Slot {
  position: number;
  startMs: number;
  endMs: number;
}

function defaultSlot(doc: SubtitleDoc, place: InsertPlace, lengthMs: number): Slot {
  const { cues } = doc;
  if ('after' in place) {
    const { cue, position } = locate(doc, place.after);
    const startMs = Math.max(0, cue.endMs);
    return { position: position + 1, startMs, endMs: endBefore(cues[position + 1], startMs, lengthMs) };
  }
  if ('before' in place) {
    const { cue, position } = locate(doc, place.before);
    const endMs = Math.max(0, cue.startMs);
    const previous = position > 0 ? cues[position - 1] : undefined;
    const floorMs = previous !== undefined && previous.endMs < endMs ? previous.endMs : 0;
    const startMs = Math.max(floorMs, endMs - lengthMs, 0);
    // Before a cue at 0 there is no room at all: take the default length from 0 (an overlap the validator shows).
    return startMs < endMs ? { position, startMs, endMs } : { position, startMs: endMs, endMs: endMs + lengthMs };
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
  return { position, startMs, endMs: endBefore(cues[position], startMs, lengthMs) };
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
