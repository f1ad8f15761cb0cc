/**
 * Edits the editor performs, built from the core edit operations and run through the store as single undo steps.
 * Each passes the store a hint (which cues changed in place, whether times changed) so validation and the time
 * index stay incremental. Plain functions of the store: the commands, toolbar, dialogs and timeline share them.
 */
import type { Cue } from '../../src-shared/document';
import { withFields } from '../../src-shared/document';
import {
  type CueScope,
  canMerge,
  canSplit,
  deleteCues,
  fixOverlaps,
  insertCue,
  isNoop,
  mergeCues,
  ReplaceBuilder,
  setText,
  setTimes,
  shiftCues,
  splitCue,
  swapTimes,
  twoPointSync,
} from '../../src-shared/edits';
import { compileSearch, type SearchOptions, type SearchPattern } from '../../src-shared/find/search-pattern';
import type { CoreMessage } from '../../src-shared/messages';
import { count } from '../../src-shared/plural';
import { rewriteTimings } from '../../src-shared/problem-fixes';
import { getProfile } from '../../src-shared/profiles';
import { applySafeFixes, type SafeFixReport } from '../../src-shared/safe-fixes';
import { formatDuration, formatSrtTime } from '../../src-shared/time';
import { t } from '../i18n';
import { withTimingReport } from '../timing/timing-report';
import type { EditorStore } from './editor-store';
import { selectedInOrder } from './selection';

function profileOf(store: EditorStore) {
  return getProfile(store.getState().profile) ?? (getProfile('default') as NonNullable<ReturnType<typeof getProfile>>);
}

/** The focused cue (the one the editor shows), or null. */
export function focusedCue(store: EditorStore): Cue | null {
  const { file, selection } = store.getState();
  if (!file || selection.focus === null) return null;
  const position = file.doc.indexOf(selection.focus);
  return position < 0 ? null : (file.doc.cues[position] as Cue);
}

/** Selected ids in document order. */
export function selectedIds(store: EditorStore): number[] {
  const { file, selection } = store.getState();
  return file ? selectedInOrder(file.doc, selection) : [];
}

export function editText(store: EditorStore, id: number, text: string): void {
  const doc = store.doc;
  if (!doc) return;
  store.execute(setText(doc, id, text), { changed: [id], timing: false });
}

/**
 * Sets a cue's times (one undo step); the status bar then names what the new times break, if anything. Typing the
 * value a cue already has still commits: a cue read from the file gets its timing line written anew (how an
 * out-of-range `00:05:60,433` carried over to 00:06:00,433 is accepted).
 */
export function editTimes(store: EditorStore, id: number, times: { startMs?: number; endMs?: number }): boolean {
  const doc = store.doc;
  if (!doc) return false;
  return withTimingReport(
    store,
    [id],
    () => {
      const command = setTimes(doc, id, times);
      const run = isNoop(command) ? rewriteTimings(doc, [id], command.label) : command;
      return store.execute(run, { changed: [id], timing: true });
    },
    () => {
      const position = doc.indexOf(id);
      const cue = doc.cues[position] as Cue;
      return t('ui:messages.cueTimes', {
        number: position + 1,
        start: formatSrtTime(cue.startMs),
        end: formatSrtTime(cue.endMs),
      });
    },
  );
}

/** Where a split happens: at the caret of the Text box when it has the focus inside the cue's text, else at the playhead. */
export function splitTarget(store: EditorStore): { id: number; at: { textOffset: number } | { atMs: number } } | null {
  const doc = store.doc;
  const cue = focusedCue(store);
  if (!doc || !cue) return null;
  const caret = store.caret;
  if (caret?.focused && caret.id === cue.id && canSplit(doc, cue.id, { textOffset: caret.offset })) {
    return { id: cue.id, at: { textOffset: caret.offset } };
  }
  const playhead = store.getState().playheadMs;
  if (canSplit(doc, cue.id, { atMs: playhead })) return { id: cue.id, at: { atMs: playhead } };
  const middle = Math.round((cue.startMs + cue.endMs) / 2);
  if (canSplit(doc, cue.id, { atMs: middle })) return { id: cue.id, at: { atMs: middle } };
  return null;
}

export function split(store: EditorStore): boolean {
  const doc = store.doc;
  const target = splitTarget(store);
  if (!doc || !target) return false;
  const result = splitCue(doc, target.id, target.at);
  store.execute(result.command, { select: [target.id] });
  store.setMessage(t('ui:messages.splitAt', { time: formatSrtTime(result.splitMs) }));
  return true;
}

/** Ids a merge would join: the selection when it is two or more adjacent cues, else the focused cue and the next. */
export function mergeTarget(store: EditorStore): number[] | null {
  const doc = store.doc;
  if (!doc) return null;
  const { selection } = store.getState();
  // Merging thousands of cues is never meant; checking it would sort them on every render.
  if (selection.ids.size > 1000) return null;
  const ids = selectedIds(store);
  if (ids.length >= 2) return canMerge(doc, ids) ? ids : null;
  return mergeNextTarget(store);
}

export function mergeNextTarget(store: EditorStore): number[] | null {
  const doc = store.doc;
  const cue = focusedCue(store);
  if (!doc || !cue) return null;
  const next = doc.cues[doc.indexOf(cue.id) + 1];
  return next ? [cue.id, next.id] : null;
}

export function merge(store: EditorStore, ids: number[] | null = mergeTarget(store)): boolean {
  const doc = store.doc;
  if (!doc || !ids) return false;
  const result = mergeCues(doc, ids);
  store.execute(result.command, { select: [result.id] });
  store.setMessage(t('ui:messages.merged', { count: ids.length }));
  return true;
}

export function insert(store: EditorStore, where: 'before' | 'after'): boolean {
  const doc = store.doc;
  if (!doc) return false;
  const cue = focusedCue(store);
  const place = cue
    ? where === 'before'
      ? { before: cue.id }
      : { after: cue.id }
    : { atMs: Math.round(store.getState().playheadMs) };
  const result = insertCue(doc, place);
  store.execute(result.command, { select: [result.id] });
  store.reveal(result.id);
  store.requestTextFocus();
  return true;
}

export function remove(store: EditorStore): boolean {
  const doc = store.doc;
  const ids = selectedIds(store);
  if (!doc || ids.length === 0) return false;
  const firstPosition = doc.indexOf(ids[0] as number);
  store.execute(deleteCues(doc, ids));
  const next = doc.cues[Math.min(firstPosition, doc.cues.length - 1)];
  store.selectIds(next ? [next.id] : []);
  store.setMessage(t('ui:messages.deleted', { count: ids.length }));
  return true;
}

export function setEdgeAtPlayhead(store: EditorStore, edge: 'start' | 'end'): boolean {
  const cue = focusedCue(store);
  if (!cue) return false;
  const ms = Math.round(store.getState().playheadMs);
  return editTimes(store, cue.id, edge === 'start' ? { startMs: ms } : { endMs: ms });
}

/** Scope choices of the Shift dialog. */
export type ShiftScopeChoice = 'all' | 'selection' | 'from';

export function scopeOf(store: EditorStore, choice: ShiftScopeChoice): CueScope | null {
  if (choice === 'all') return 'all';
  const ids = selectedIds(store);
  if (ids.length === 0) return null;
  return choice === 'selection' ? { ids } : { fromId: ids[0] as number };
}

export function shift(store: EditorStore, choice: ShiftScopeChoice, byMs: number): boolean {
  const doc = store.doc;
  const scope = scopeOf(store, choice);
  if (!doc || scope === null) return false;
  const result = shiftCues(doc, { by: byMs, scope });
  const changed = store.execute(result.command, { timing: true });
  const values = { count: result.changedCount, by: formatDuration(byMs), clamped: result.clampedCount };
  store.setMessage(t(result.clampedCount > 0 ? 'ui:messages.shiftedClamped' : 'ui:messages.shifted', values));
  return changed;
}

export function sync(
  store: EditorStore,
  first: { id: number; newStartMs: number },
  second: { id: number; newStartMs: number },
  scope: CueScope = 'all',
): string | null {
  const doc = store.doc;
  if (!doc) return t('ui:messages.noDocument');
  const result = twoPointSync(doc, { first, second, scope });
  if (!result.ok) return result.error;
  store.execute(result.command, { timing: true });
  store.setMessage(
    t('ui:messages.synced', {
      count: result.changedCount,
      scale: result.scale.toFixed(6),
      offset: Math.round(result.offsetMs),
    }),
  );
  return null;
}

export function fixAllOverlaps(store: EditorStore): boolean {
  const doc = store.doc;
  if (!doc) return false;
  const profile = profileOf(store);
  const result = fixOverlaps(doc, { minGapMs: profile.minGapMs, minDurationMs: profile.minDurationMs });
  const changed = store.execute(result.command, { changed: result.fixed.map((f) => f.id), timing: true });
  const left = result.unfixed.length;
  const values = { count: result.fixed.length, left };
  store.setMessage(t(left > 0 ? 'ui:messages.fixedOverlapsLeft' : 'ui:messages.fixedOverlaps', values));
  return changed;
}

/** One-click fix of one overlap: trims the cue's end to the next cue's start (minus the profile's gap). */
export function trimOverlap(store: EditorStore, id: number): boolean {
  const doc = store.doc;
  if (!doc) return false;
  const position = doc.indexOf(id);
  if (position < 0) return false;
  const index = store.timeIndex();
  const rank = index.rankOf(position);
  if (rank < 0 || rank + 1 >= index.length) return false;
  const cue = doc.cues[position] as Cue;
  const next = doc.cues[index.positionAt(rank + 1)] as Cue;
  if (cue.endMs <= next.startMs) return false;
  const profile = profileOf(store);
  const endMs = Math.max(next.startMs - profile.minGapMs, cue.startMs + Math.max(profile.minDurationMs, 1));
  if (endMs > next.startMs) {
    store.setMessage(t('ui:messages.trimTooShort'));
    return false;
  }
  return editTimes(store, id, { endMs });
}

export function swap(store: EditorStore, id: number): boolean {
  const doc = store.doc;
  if (!doc || doc.indexOf(id) < 0) return false;
  return store.execute(swapTimes(doc, id), { changed: [id], timing: true });
}

/** "Fix all safe": sort, normalise timestamps, renumber, trim overlaps; one undo step. */
export function fixAllSafe(store: EditorStore): CoreMessage[] {
  const file = store.getState().file;
  if (!file) return [];
  let report: SafeFixReport = { changes: [], left: [] };
  store.withHistory((history) => {
    report = applySafeFixes(history, file.readProblems, profileOf(store));
  });
  store.setMessage(
    report.changes.length === 0
      ? t('ui:messages.nothingSafe')
      : t('ui:messages.fixedSafe', { count: report.changes.length }),
  );
  return report.changes;
}

// ----- find and replace ------------------------------------------------------------------------------------------

export type FindOptions = SearchOptions;

/**
 * The pattern for a search, or a message for the user. Regular expressions run on RE2 (linear time), so no pattern
 * can freeze the window; see src-shared/find/search-pattern.ts.
 */
export function compilePattern(options: FindOptions): SearchPattern | string {
  return compileSearch(options);
}

/** Position of the next cue after `fromPosition` (wrapping) whose text matches, or -1. */
export function findNext(cues: readonly Cue[], pattern: SearchPattern, fromPosition: number): number {
  const n = cues.length;
  for (let step = 1; step <= n; step++) {
    const position = (fromPosition + step + n) % n;
    if (pattern.test((cues[position] as Cue).text)) return position;
  }
  return -1;
}

/**
 * Selects every cue whose text matches (Find all), the first match focused and shown, so the matches can then be
 * shifted, deleted or checked one by one; returns how many there are (the selection is left alone when none).
 */
export function selectAllMatches(store: EditorStore, pattern: SearchPattern): number {
  const doc = store.doc;
  if (!doc) return 0;
  const ids: number[] = [];
  for (const cue of doc.cues) if (pattern.test(cue.text)) ids.push(cue.id);
  // selectIds focuses the last id given: the first match goes last.
  if (ids.length > 0) store.selectIds([...ids.slice(1), ids[0] as number], true);
  return ids.length;
}

/** Replaces every match in every cue as one undo step; returns how many cues changed. */
export function replaceAll(store: EditorStore, pattern: SearchPattern, replacement: string): number {
  const doc = store.doc;
  if (!doc) return 0;
  const builder = new ReplaceBuilder();
  const ids: number[] = [];
  for (let i = 0; i < doc.cues.length; i++) {
    const cue = doc.cues[i] as Cue;
    if (!pattern.test(cue.text)) continue;
    const text = pattern.replace(cue.text, replacement);
    if (text === cue.text) continue;
    builder.add(i, cue, withFields(cue, { text }));
    ids.push(cue.id);
  }
  if (builder.count === 0) return 0;
  store.execute(
    builder.build(`Replace ${count(ids.length, 'cue')}`),
    ids.length <= 64 ? { changed: ids, timing: false } : {},
  );
  return ids.length;
}

/** Replaces the matches in one cue. */
export function replaceInCue(store: EditorStore, id: number, pattern: SearchPattern, replacement: string): boolean {
  const doc = store.doc;
  if (!doc) return false;
  const cue = doc.cues[doc.indexOf(id)];
  if (!cue) return false;
  const text = pattern.replace(cue.text, replacement);
  if (text === cue.text) return false;
  store.execute(setText(doc, id, text), { changed: [id], timing: false });
  store.seal();
  return true;
}
