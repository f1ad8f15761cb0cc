/** Splitting a cue in two (at a time or at a text offset) and merging consecutive cues into one. */
import { type Cue, type SubtitleDoc, withFields } from '../document';
import { type Command, SpliceCues } from '../history';
import { joinerBetween } from '../line-breaking';
import { textLength } from '../text-metrics';
import { locate, positionsOf } from './common';
import { splitTextAtOffset, splitTextByRatio } from './text-split';

/** Where to split: at a time inside the cue, or at a caret offset in its text; a bare number is a time. */
export type SplitPoint = { readonly atMs: number } | { readonly textOffset: number } | number;

/** Result of a split: the first half keeps the cue's id, the second half gets `newId`. */
export interface SplitResult {
  command: Command;
  /** Id of the second half. */
  newId: number;
  /** Where the first half ends and the second starts. */
  splitMs: number;
  firstText: string;
  secondText: string;
}

interface SplitPlan {
  cue: Cue;
  position: number;
  splitMs: number;
  firstText: string;
  secondText: string;
}

/**
 * Whether the cue can be split there: a time strictly inside [start, end), or a text offset
 * with visible text on both sides in a cue at least 2 ms long (each half gets at least 1 ms).
 */
export function canSplit(doc: SubtitleDoc, id: number, at: SplitPoint): boolean {
  const position = doc.indexOf(id);
  if (position < 0) return false;
  return planSplit(doc.cues[position] as Cue, position, at) !== null;
}

function planSplit(cue: Cue, position: number, point: SplitPoint): SplitPlan | null {
  const { startMs, endMs } = cue;
  const at = typeof point === 'number' ? { atMs: point } : point;
  if ('atMs' in at) {
    if (!Number.isFinite(at.atMs)) return null;
    const splitMs = Math.round(at.atMs);
    if (splitMs <= startMs || splitMs >= endMs) return null;
    const [firstText, secondText] = splitTextByRatio(cue.text, (splitMs - startMs) / (endMs - startMs));
    return { cue, position, splitMs, firstText, secondText };
  }
  if (!Number.isFinite(at.textOffset) || endMs - startMs < 2) return null;
  const [firstText, secondText] = splitTextAtOffset(cue.text, at.textOffset);
  if (firstText === '' || secondText === '') return null;
  // Time follows the visible text: `Hello` | `everyone here` in a 1.8 s cue splits at 5/17 of it.
  const firstChars = textLength(firstText);
  const totalChars = firstChars + textLength(secondText);
  const share = totalChars === 0 ? 0.5 : firstChars / totalChars;
  const splitMs = Math.min(endMs - 1, Math.max(startMs + 1, startMs + Math.round((endMs - startMs) * share)));
  return { cue, position, splitMs, firstText, secondText };
}

/**
 * Builds the split of a cue into [start, t) and [t, end). The first half keeps the id, settings
 * and position; the second gets a fresh id and the cue's trailer (what followed it in the file).
 * Throws a RangeError when `canSplit` is false.
 */
export function splitCue(doc: SubtitleDoc, id: number, at: SplitPoint): SplitResult {
  const { cue, position } = locate(doc, id);
  const plan = planSplit(cue, position, at);
  if (plan === null) {
    const where =
      typeof at === 'number' ? `at ${at} ms` : 'atMs' in at ? `at ${at.atMs} ms` : `at text offset ${at.textOffset}`;
    throw new RangeError(`Cue ${id} [${cue.startMs}, ${cue.endMs}) cannot be split ${where}`);
  }
  const first: Cue = { ...withFields(cue, { endMs: plan.splitMs, text: plan.firstText }), trailer: '' };
  const second = doc.createCue(
    { startMs: plan.splitMs, endMs: cue.endMs, text: plan.secondText, settings: cue.settings },
    cue.trailer,
  );
  return {
    command: new SpliceCues('Split cue', position, [cue], [first, second]),
    newId: second.id,
    splitMs: plan.splitMs,
    firstText: plan.firstText,
    secondText: plan.secondText,
  };
}

/** Splits at a time inside the cue (see splitCue). */
export function splitAtTime(doc: SubtitleDoc, id: number, atMs: number): SplitResult {
  return splitCue(doc, id, { atMs });
}

/** Splits at a caret offset in the cue's text; the time is shared in proportion to the visible text (see splitCue). */
export function splitAtOffset(doc: SubtitleDoc, id: number, textOffset: number): SplitResult {
  return splitCue(doc, id, { textOffset });
}

/** Whether `ids` name two or more distinct cues that sit next to each other in the document. */
export function canMerge(doc: SubtitleDoc, ids: readonly number[]): boolean {
  if (ids.length < 2) return false;
  if (!ids.every((id) => doc.indexOf(id) >= 0)) return false;
  const positions = positionsOf(doc, ids);
  return positions.length >= 2 && positions.length === ids.length && isContiguous(positions);
}

function isContiguous(positions: readonly number[]): boolean {
  return (positions[positions.length - 1] as number) - (positions[0] as number) === positions.length - 1;
}

/** Result of a merge: the merged cue keeps the first cue's id. */
export interface MergeResult {
  command: Command;
  id: number;
  startMs: number;
  endMs: number;
  text: string;
}

/**
 * Builds the merge of consecutive cues into one: texts joined with `\n` in document order (empty
 * texts skipped, since a blank line cannot live inside an SRT cue) except two Chinese fragments, which join with
 * no break and no space (`你好` + `世界` = `你好世界`), start = earliest start, end =
 * latest end. It keeps the first cue's id and settings and the last cue's trailer. Throws a
 * RangeError when `canMerge` is false.
 */
export function mergeCues(doc: SubtitleDoc, ids: readonly number[]): MergeResult {
  if (!canMerge(doc, ids)) throw new RangeError(`Cues ${ids.join(', ')} are not two or more adjacent cues`);
  const positions = positionsOf(doc, ids);
  const from = positions[0] as number;
  const parts = doc.cues.slice(from, from + positions.length);
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  const texts: string[] = [];
  for (const cue of parts) {
    startMs = Math.min(startMs, cue.startMs);
    endMs = Math.max(endMs, cue.endMs);
    if (cue.text.trim() !== '') texts.push(cue.text);
  }
  const first = parts[0] as Cue;
  const last = parts[parts.length - 1] as Cue;
  let text = '';
  for (const part of texts) {
    if (text === '') text = part;
    else text += (joinerBetween(text, part) === '' ? '' : '\n') + part;
  }
  const merged: Cue = { ...withFields(first, { startMs, endMs, text }), trailer: last.trailer };
  return { command: new SpliceCues('Merge cues', from, parts, [merged]), id: first.id, startMs, endMs, text };
}
