/**
 * Guard rails for timing edits: the edit still happens (it is undoable), and the status bar then says in words
 * what is wrong with the cues it touched (longer than the profile allows, negative, overlapping a neighbour).
 */
import type { Cue } from '../../src-shared/document';
import { type CoreMessage, sayIn } from '../../src-shared/messages';
import { getProfile } from '../../src-shared/profiles';
import { timingWarnings } from '../../src-shared/timing/warnings';
import { t } from '../i18n';
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
  store.setMessage(warnings.length > 0 ? describeWarnings(warnings) : typeof done === 'string' ? done : done());
  return true;
}

/** At most this many guard-rail sentences in the status bar; the rest are counted. */
const MAX_SHOWN = 3;

/** The status-bar text for timingWarnings' sentences. */
export function describeWarnings(warnings: readonly CoreMessage[]): string {
  const shown = warnings
    .slice(0, MAX_SHOWN)
    .map((warning) => sayIn(t, warning))
    .join(t('ui:messages.warningSeparator'));
  const more = warnings.length - MAX_SHOWN;
  return more > 0
    ? t('ui:messages.warningsMore', { warnings: shown, count: more })
    : t('ui:messages.warnings', { warnings: shown });
}
