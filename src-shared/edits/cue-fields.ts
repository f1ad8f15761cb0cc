/** Edits of one cue's fields: text (coalescing typing), start/end times, and swapping reversed times. */
import { type Cue, type SubtitleDoc, withFields } from '../document';
import { type Command, ReplaceCues } from '../history';
import { checkTime, emptyCommand, locate, ReplaceBuilder } from './common';

/** Coalescing key for typing in one cue: consecutive `setText` calls on the same cue become one undo step. */
export function textCoalesceKey(id: number): string {
  return `text:${id}`;
}

/**
 * Sets a cue's text. Line breaks are normalised to `\n` (pasted `a\r\nb` becomes `a\nb`), the
 * form cues hold. Consecutive calls for the same cue coalesce into one undo step until
 * `History.seal()`. Setting the same text gives an empty command.
 */
export function setText(doc: SubtitleDoc, id: number, text: string): Command {
  const { cue, position } = locate(doc, id);
  const normalised = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  if (normalised === cue.text) return emptyCommand('Edit text');
  return new ReplaceCues('Edit text', [position], [cue], [withFields(cue, { text: normalised })], textCoalesceKey(id));
}

/** New times for one cue; an omitted field keeps its value. */
export interface TimesChange {
  startMs?: number;
  endMs?: number;
}

/** Options for time edits. */
export interface TimeEditOptions {
  /** Set while dragging a region edge, so the whole drag is one undo step (e.g. `drag:42`). */
  coalesceKey?: string;
}

/**
 * Sets a cue's start and/or end (integer ms, fractions rounded, negative rejected). An end before
 * the start is allowed: the validator reports it and `swapTimes` fixes it.
 */
export function setTimes(doc: SubtitleDoc, id: number, times: TimesChange, options: TimeEditOptions = {}): Command {
  const { cue, position } = locate(doc, id);
  const startMs = times.startMs === undefined ? cue.startMs : checkTime(times.startMs, 'startMs');
  const endMs = times.endMs === undefined ? cue.endMs : checkTime(times.endMs, 'endMs');
  const label = times.endMs === undefined ? 'Set start' : times.startMs === undefined ? 'Set end' : 'Set times';
  if (startMs === cue.startMs && endMs === cue.endMs) return emptyCommand(label);
  return new ReplaceCues(label, [position], [cue], [withFields(cue, { startMs, endMs })], options.coalesceKey);
}

/** Sets a cue's start time. */
export function setStart(doc: SubtitleDoc, id: number, startMs: number, options?: TimeEditOptions): Command {
  return setTimes(doc, id, { startMs }, options);
}

/** Sets a cue's end time. */
export function setEnd(doc: SubtitleDoc, id: number, endMs: number, options?: TimeEditOptions): Command {
  return setTimes(doc, id, { endMs }, options);
}

/** Whether the cue's end is before its start (negative duration), which `swapTimes` fixes. */
export function canSwapTimes(doc: SubtitleDoc, id: number): boolean {
  const position = doc.indexOf(id);
  if (position < 0) return false;
  const cue = doc.cues[position] as Cue;
  return cue.endMs < cue.startMs;
}

/** Swaps a cue's start and end: the one-click fix for `00:04:27,833 --> 00:04:26,200` (negative duration). */
export function swapTimes(doc: SubtitleDoc, id: number): Command {
  const { cue, position } = locate(doc, id);
  if (cue.startMs === cue.endMs) return emptyCommand('Swap start and end');
  const swapped = withFields(cue, { startMs: cue.endMs, endMs: cue.startMs });
  return new ReplaceCues('Swap start and end', [position], [cue], [swapped]);
}

/** Result of fixing every negative duration at once. */
export interface FixNegativeResult {
  command: Command;
  /** Cues whose start and end were swapped. */
  fixedIds: number[];
}

/** Swaps start and end of every cue whose end is before its start, as one undo step. O(n). */
export function fixNegativeDurations(doc: SubtitleDoc): FixNegativeResult {
  const builder = new ReplaceBuilder();
  const fixedIds: number[] = [];
  const { cues } = doc;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as Cue;
    if (cue.endMs >= cue.startMs) continue;
    builder.add(i, cue, withFields(cue, { startMs: cue.endMs, endMs: cue.startMs }));
    fixedIds.push(cue.id);
  }
  return { command: builder.build('Fix negative durations'), fixedIds };
}
