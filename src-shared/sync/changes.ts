/** Reviewable timing changes: a per-cue before/after list that becomes one undoable command. */
import { type Cue, type SubtitleDoc, withFields } from '../document';
import { positionOf, ReplaceBuilder } from '../edits/common';
import type { Command } from '../history';

/** One cue's proposed times in ms (old = as now, new = after applying). */
export interface CueTimeChange {
  id: number;
  oldStart: number;
  newStart: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * One command (a single undo step) that gives each listed cue its new times. The list may be a
 * reviewed subset of a plan's changes; unknown ids throw, entries that change nothing are skipped.
 */
export function timeChangesCommand(doc: SubtitleDoc, changes: readonly CueTimeChange[], label: string): Command {
  const builder = new ReplaceBuilder();
  const ordered = changes
    .map((change) => ({ change, position: positionOf(doc, change.id) }))
    .sort((a, b) => a.position - b.position);
  for (const { change, position } of ordered) {
    const cue = doc.cues[position] as Cue;
    if (cue.startMs === change.newStart && cue.endMs === change.newEnd) continue;
    builder.add(position, cue, withFields(cue, { startMs: change.newStart, endMs: change.newEnd }));
  }
  return builder.build(label);
}
