/** Applying a sync estimate: the per-cue preview and the one-step command that moves every cue in scope. */
import type { Cue, SubtitleDoc } from '../document';
import { type CueScope, resolveScope } from '../edits/common';
import type { Command } from '../history';
import { type CueTimeChange, timeChangesCommand } from './changes';
import { type LinearMap, mapTime } from './onsets';

/** What applying a map would do. */
export interface SyncPlan {
  /** Cues whose times change, in document order. */
  changes: CueTimeChange[];
  /** Applies all `changes` as one undo step. */
  command: Command;
  /** Cues with a time that would be negative and is clamped to 0. */
  clampedIds: number[];
}

/**
 * Plans t' = scale * t + offsetMs for both times of every cue in scope (default all), rounded to
 * integer ms and clamped at 0 like the other timing edits.
 */
export function planSync(doc: SubtitleDoc, map: LinearMap, scope: CueScope = 'all'): SyncPlan {
  const positions = resolveScope(doc, scope);
  const changes: CueTimeChange[] = [];
  const clampedIds: number[] = [];
  for (const position of positions) {
    const cue = doc.cues[position] as Cue;
    const rawStart = Math.round(mapTime(map, cue.startMs));
    const rawEnd = Math.round(mapTime(map, cue.endMs));
    if (rawStart < 0 || rawEnd < 0) clampedIds.push(cue.id);
    const newStart = Math.max(0, rawStart);
    const newEnd = Math.max(0, rawEnd);
    if (newStart === cue.startMs && newEnd === cue.endMs) continue;
    changes.push({ id: cue.id, oldStart: cue.startMs, newStart, oldEnd: cue.endMs, newEnd });
  }
  return { changes, command: timeChangesCommand(doc, changes, 'Sync to audio'), clampedIds };
}
