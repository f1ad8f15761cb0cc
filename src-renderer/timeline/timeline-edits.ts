/**
 * Edits made with the mouse on the timeline at a clicked time: set the selected cue's start or end there (the
 * context menu, Shift+click, Ctrl+click), split the cue under the pointer, insert a cue, create a cue over a dragged
 * range. Each is one undoable core command run through the store, like the keyboard's.
 */
import type { Cue } from '../../src-shared/document';
import { canSplit, insertCue, splitCue } from '../../src-shared/edits';
import { formatSrtTime } from '../../src-shared/time';
import { createCueOverRange } from '../../src-shared/timing/edits';
import { t } from '../i18n';
import { editTimes, focusedCue } from '../store/edit-actions';
import type { EditorStore } from '../store/editor-store';

/** The cue under `ms`: the focused cue when it spans it, else the first cue in the list that does. */
export function cueAt(store: EditorStore, ms: number): Cue | null {
  const spans = (cue: Cue) => Math.min(cue.startMs, cue.endMs) <= ms && ms < Math.max(cue.startMs, cue.endMs);
  const focused = focusedCue(store);
  if (focused && spans(focused)) return focused;
  return store.doc?.cues.find(spans) ?? null;
}

/** Sets the focused cue's start or end at `ms`; says so when no cue is selected. */
export function setEdgeHere(store: EditorStore, edge: 'start' | 'end', ms: number): boolean {
  const cue = focusedCue(store);
  if (!cue) {
    const time = formatSrtTime(ms);
    store.setMessage(t(edge === 'start' ? 'ui:timeline.selectFirstStart' : 'ui:timeline.selectFirstEnd', { time }));
    return false;
  }
  return editTimes(store, cue.id, edge === 'start' ? { startMs: Math.round(ms) } : { endMs: Math.round(ms) });
}

/** Whether "Split here" can split the cue under `ms`. */
export function canSplitHere(store: EditorStore, ms: number): boolean {
  const doc = store.doc;
  const cue = cueAt(store, ms);
  return doc !== null && cue !== null && canSplit(doc, cue.id, { atMs: Math.round(ms) });
}

/** Splits the cue under `ms` at exactly `ms`. */
export function splitHere(store: EditorStore, ms: number): boolean {
  const doc = store.doc;
  const cue = cueAt(store, ms);
  if (!doc || !cue || !canSplit(doc, cue.id, { atMs: Math.round(ms) })) return false;
  const result = splitCue(doc, cue.id, { atMs: Math.round(ms) });
  store.execute(result.command, { select: [cue.id] });
  store.setMessage(
    t('ui:timeline.splitCueAt', { number: doc.indexOf(cue.id) + 1, time: formatSrtTime(result.splitMs) }),
  );
  return true;
}

/** Inserts a cue at `ms` (filling the gap there, or taking the rest of the cue under it) and focuses its text. */
export function insertHere(store: EditorStore, ms: number): boolean {
  const doc = store.doc;
  if (!doc) return false;
  const result = insertCue(doc, { atMs: Math.round(ms) });
  store.execute(result.command, { select: [result.id] });
  store.setMessage(
    t('ui:timeline.inserted', {
      number: result.position + 1,
      start: formatSrtTime(result.startMs),
      end: formatSrtTime(result.endMs),
    }),
  );
  store.requestTextFocus();
  return true;
}

/** Creates a cue over [fromMs, toMs] (a click+drag in a gap), selected, as one undo step. */
export function createOver(store: EditorStore, fromMs: number, toMs: number): boolean {
  const doc = store.doc;
  if (!doc) return false;
  const result = createCueOverRange(doc, Math.round(fromMs), Math.round(toMs));
  store.execute(result.command, { select: [result.id] });
  store.setMessage(
    t('ui:timeline.created', {
      number: result.position + 1,
      start: formatSrtTime(result.startMs),
      end: formatSrtTime(result.endMs),
    }),
  );
  store.requestTextFocus();
  return true;
}
