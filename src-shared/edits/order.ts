/** Whole-document fixes of order and numbering: renumber, sort by start time, fix overlaps. */

import { type Cue, type SubtitleDoc, withFields } from '../document';
import { type Command, ReplaceAll, SetRenumbered } from '../history';
import { type CoreMessage, msg } from '../messages';
import { formatSrtTime } from '../time';
import { checkTime, emptyCommand, ReplaceBuilder } from './common';

/** Whether renumbering would change anything: the writer does not number by position yet. */
export function canRenumber(doc: SubtitleDoc): boolean {
  return !doc.renumbered;
}

/**
 * Builds a renumbering: from then on the writer numbers cues 1..n by position (fixing a
 * missing `600` or a duplicated `700`). Cue values do not change, so only index lines differ.
 */
export function renumber(doc: SubtitleDoc): Command {
  return doc.renumbered ? emptyCommand('Renumber') : new SetRenumbered('Renumber', true);
}

/** Whether every cue starts at or after the one before it. O(n). */
export function isSortedByStart(doc: SubtitleDoc): boolean {
  const { cues } = doc;
  for (let i = 1; i < cues.length; i++) if ((cues[i] as Cue).startMs < (cues[i - 1] as Cue).startMs) return false;
  return true;
}

/** Result of sorting: the command and how many positions hold a different cue afterwards. */
export interface SortResult {
  command: Command;
  movedCount: number;
}

/**
 * Builds a stable sort by start time (cues starting together keep their order). Reordering
 * renumbers; an already sorted document gives an empty command and keeps its numbering.
 * O(n) when sorted, O(n log n) otherwise.
 */
export function sortByStart(doc: SubtitleDoc): SortResult {
  if (isSortedByStart(doc)) return { command: emptyCommand('Sort by start time'), movedCount: 0 };
  const before = doc.cues.slice();
  // Array.prototype.sort is stable (ES2019), so equal starts keep document order.
  const after = before.slice().sort((a, b) => a.startMs - b.startMs);
  let movedCount = 0;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) movedCount++;
  return { command: new ReplaceAll('Sort by start time', before, after, true), movedCount };
}

/** Options for `fixOverlaps`, taken from the active profile by the caller. */
export interface OverlapOptions {
  /** Gap to leave before the next cue's start (0: the end may touch it). */
  minGapMs: number;
  /** A trimmed cue never gets shorter than this. */
  minDurationMs: number;
}

/** A cue whose end was trimmed. */
export interface OverlapFix {
  id: number;
  /** The cue it overlapped (the next one in time order). */
  nextId: number;
  oldEndMs: number;
  newEndMs: number;
}

/** An overlap that was left alone, with the reason. */
export interface OverlapLeft {
  id: number;
  nextId: number;
  reason: 'min-duration';
  /** Why, as a catalog message. */
  message: CoreMessage;
}

/** Result of fixing overlaps. */
export interface OverlapResult {
  command: Command;
  fixed: OverlapFix[];
  unfixed: OverlapLeft[];
}

/**
 * Builds the fix of overlapping cues: in time order (document order breaks ties), a cue whose
 * end is after the next cue's start gets its end trimmed to that start minus `minGapMs`, but
 * never below `minDurationMs` (and never to zero length). When even the shortest allowed cue would still overlap
 * (e.g. both start at the same time) the pair is left alone and reported. The document's order
 * is not changed. O(n) on a sorted document.
 */
export function fixOverlaps(doc: SubtitleDoc, options: OverlapOptions): OverlapResult {
  const minGapMs = checkTime(options.minGapMs, 'minGapMs');
  const minDurationMs = checkTime(options.minDurationMs, 'minDurationMs');
  const { cues } = doc;
  const order = timeOrder(doc);
  const builder = new ReplaceBuilder();
  const fixed: OverlapFix[] = [];
  const unfixed: OverlapLeft[] = [];
  for (let k = 0; k + 1 < order.length; k++) {
    const position = order[k] as number;
    const cue = cues[position] as Cue;
    const next = cues[order[k + 1] as number] as Cue;
    if (cue.endMs <= next.startMs) continue;
    // e.g. 00:59:55,900 --> 01:00:01,200 before a cue at 01:00:00,800: the end becomes 01:00:00,800 - gap.
    // At least 1 ms even with no minimum: a zero-length cue would trade the overlap for another error.
    const newEndMs = Math.max(next.startMs - minGapMs, cue.startMs + Math.max(minDurationMs, 1));
    if (newEndMs > next.startMs) {
      unfixed.push({
        id: cue.id,
        nextId: next.id,
        reason: 'min-duration',
        message: msg('validation:fix.overlapTooShort', {
          time: formatSrtTime(next.startMs - minGapMs),
          ms: Math.max(minDurationMs, 1),
        }),
      });
      continue;
    }
    builder.add(position, cue, withFields(cue, { endMs: newEndMs }));
    fixed.push({ id: cue.id, nextId: next.id, oldEndMs: cue.endMs, newEndMs });
  }
  return { command: builder.build('Fix overlaps'), fixed, unfixed };
}

/** Positions in time order: by start, then by position. Identity (no sort) for a sorted document. */
function timeOrder(doc: SubtitleDoc): number[] {
  const { cues } = doc;
  const order = new Array<number>(cues.length);
  for (let i = 0; i < cues.length; i++) order[i] = i;
  if (isSortedByStart(doc)) return order;
  return order.sort((a, b) => (cues[a] as Cue).startMs - (cues[b] as Cue).startMs || a - b);
}
