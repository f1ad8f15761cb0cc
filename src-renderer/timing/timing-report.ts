/**
 * Guard rails for timing edits: the edit still happens (it is undoable), and the status bar then says in words
 * what is wrong with the cues it touched (longer than the profile allows, negative, overlapping a neighbour).
 */
import type { Cue } from '../../src-shared/document';
import { getProfile } from '../../src-shared/profiles';
import { timingWarnings } from '../../src-shared/timing';
import type { EditorStore } from '../store/editor-store';

function profileOf(store: EditorStore) {
  return getProfile(store.getState().profile) ?? (getProfile('default') as NonNullable<ReturnType<typeof getProfile>>);
}

/**
 * Runs a timing edit of the cues `ids` and reports it: timingWarnings' sentences when there are any, else `done`.
 * Returns whether the document changed.
 */
export function withTimingReport(
  store: EditorStore,
  ids: readonly number[],
  run: () => boolean,
  done: string | (() => string),
): boolean {
  const doc = store.doc;
  if (!doc) return false;
  // The document changes in place: keep the cues as they were (cue objects are replaced, never mutated).
  const before: Cue[] = [...doc.cues];
  const changed = run();
  if (!changed) return false;
  const warnings = timingWarnings(before, doc.cues, ids, profileOf(store));
  store.setMessage(warnings.length > 0 ? warnings.join(' ') : typeof done === 'string' ? done : done());
  return true;
}
