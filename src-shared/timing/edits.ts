/** Hand-timing edits: nudge edges, set a start and shift the rest, create a cue over a range. */

import { type Cue, type SubtitleDoc, withFields } from '../document';
import { checkDelta, checkTime, locate, positionsOf, ReplaceBuilder } from '../edits/common';
import type { InsertResult } from '../edits/insert-delete';
import { type Command, SpliceCues } from '../history';
import { type CoreMessage, msg } from '../messages';
import { formatSrtTime } from '../time';

/** Which edge a nudge moves. */
export type NudgeEdge = 'start' | 'end' | 'both';

/** What a hand-timing edit did: the command, the cues it changes, and the ones clamped at 0. */
export interface TimingEditResult {
  command: Command;
  /** Ids of the cues whose times change, in document order. */
  changedIds: number[];
  /** Ids of the cues with a time that would have gone below 0 and stopped at 0. */
  clampedIds: number[];
  /** A sentence about clamping for the status bar ("Cue 1 stopped at 00:00:00,000"), or null. */
  clampMessage: CoreMessage | null;
}

/**
 * Builds a nudge of the start, the end or both times of the given cues by a signed delta (10 ms,
 * 100 ms, one frame: the caller computes the frame length). A time that would go below 0 stops at
 * 0 and is reported; an end moved before its start is allowed (the edit is undoable and
 * `timingWarnings` says so). Unknown ids throw. One undo step.
 */
export function nudgeTimes(
  doc: SubtitleDoc,
  ids: readonly number[],
  edge: NudgeEdge,
  deltaMs: number,
): TimingEditResult {
  const delta = checkDelta(deltaMs, 'deltaMs');
  const positions = positionsOf(doc, ids);
  const builder = new ReplaceBuilder();
  const changedIds: number[] = [];
  const clampedIds: number[] = [];
  const clampedPositions: number[] = [];
  for (const position of positions) {
    const cue = doc.cues[position] as Cue;
    const rawStart = edge === 'end' ? cue.startMs : cue.startMs + delta;
    const rawEnd = edge === 'start' ? cue.endMs : cue.endMs + delta;
    const startMs = Math.max(0, rawStart);
    const endMs = Math.max(0, rawEnd);
    if (rawStart < 0 || rawEnd < 0) {
      clampedIds.push(cue.id);
      clampedPositions.push(position);
    }
    if (startMs === cue.startMs && endMs === cue.endMs) continue;
    builder.add(position, cue, withFields(cue, { startMs, endMs }));
    changedIds.push(cue.id);
  }
  const what = edge === 'both' ? 'times' : edge;
  const label = `Nudge ${what} by ${delta > 0 ? '+' : ''}${delta} ms`;
  return { command: builder.build(label), changedIds, clampedIds, clampMessage: clampSentence(clampedPositions) };
}

/**
 * Builds "set start and offset the rest" (Subtitle Edit): the cue moves so that it starts at
 * `startMs` (keeping its duration) and every later cue moves by the same delta. "Later" is every
 * cue after it in the file plus any cue before it in the file that starts after its old start (an
 * unsorted file). Times that would go below 0 stop at 0 and are reported. One undo step.
 */
export function setStartAndShiftLater(doc: SubtitleDoc, id: number, startMs: number): TimingEditResult {
  const target = checkTime(startMs, 'startMs');
  const { cue: anchor, position: anchorPosition } = locate(doc, id);
  const delta = target - anchor.startMs;
  const { cues } = doc;
  const builder = new ReplaceBuilder();
  const changedIds: number[] = [];
  const clampedIds: number[] = [];
  const clampedPositions: number[] = [];
  for (let position = 0; position < cues.length; position++) {
    const cue = cues[position] as Cue;
    const later = position >= anchorPosition || cue.startMs > anchor.startMs;
    if (!later || delta === 0) continue;
    const rawStart = cue.startMs + delta;
    const rawEnd = cue.endMs + delta;
    if (rawStart < 0 || rawEnd < 0) {
      clampedIds.push(cue.id);
      clampedPositions.push(position);
    }
    const next = withFields(cue, { startMs: Math.max(0, rawStart), endMs: Math.max(0, rawEnd) });
    if (next.startMs === cue.startMs && next.endMs === cue.endMs) continue;
    builder.add(position, cue, next);
    changedIds.push(cue.id);
  }
  const label = `Set start and shift ${changedIds.length === 1 ? 'cue' : 'later cues'} by ${delta} ms`;
  return { command: builder.build(label), changedIds, clampedIds, clampMessage: clampSentence(clampedPositions) };
}

/**
 * Builds the insertion of a new cue over [startMs, endMs) (click+drag in an empty waveform area;
 * the two times may come in either order). It goes to its sorted place: after every cue starting
 * at or before its start. Neighbours are not changed; `timingWarnings` reports an overlap if the
 * range covers a cue. Returns the new cue's id and position.
 */
export function createCueOverRange(doc: SubtitleDoc, startMs: number, endMs: number, text = ''): InsertResult {
  const a = checkTime(startMs, 'startMs');
  const b = checkTime(endMs, 'endMs');
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  const { cues } = doc;
  let position = cues.length;
  for (let i = 0; i < cues.length; i++) {
    if ((cues[i] as Cue).startMs > from) {
      position = i;
      break;
    }
  }
  const cue = doc.createCue({ startMs: from, endMs: to, text });
  return { command: new SpliceCues('Create cue', position, [], [cue]), id: cue.id, position, startMs: from, endMs: to };
}

/** "Cue 1 stopped at 00:00:00,000" / "Cues 1 and 2 stopped at ..." / "3 cues (1-3, ...) stopped at ...". */
function clampSentence(positions: readonly number[]): CoreMessage | null {
  if (positions.length === 0) return null;
  const zero = formatSrtTime(0);
  const numbers = positions.map((p) => p + 1);
  const first = numbers[0] as number;
  const last = numbers[numbers.length - 1] as number;
  if (numbers.length === 1) return msg('validation:timing.stoppedOne', { cue: first, zero });
  if (numbers.length === 2) return msg('validation:timing.stoppedTwo', { first, last, zero });
  return msg('validation:timing.stoppedMany', { count: numbers.length, first, last, zero });
}
