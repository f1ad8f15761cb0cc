/** Break / balance lines and Unbreak on the selection or the whole file: planned as a preview, applied as one undo step. */
import type { Cue } from '../../src-shared/document';
import { withFields } from '../../src-shared/document';
import { ReplaceBuilder } from '../../src-shared/edits';
import { breakText, type LineLimits, unbreakText } from '../../src-shared/line-breaking';
import { getProfile, PROFILES } from '../../src-shared/profiles';
import type { EditorStore } from '../store/editor-store';
import { selectedInOrder } from '../store/selection';

export type LineMode = 'break' | 'unbreak';
export type LineScope = 'selection' | 'all';

/** One cue the operation changes. */
export interface LineChange {
  id: number;
  /** 1-based cue number. */
  number: number;
  before: string;
  after: string;
}

/** The limits of the active profile. */
export function limitsOf(store: EditorStore): LineLimits {
  return getProfile(store.getState().profile) ?? PROFILES.default;
}

function positionsOf(store: EditorStore, scope: LineScope): number[] {
  const { file, selection } = store.getState();
  if (!file) return [];
  const { doc } = file;
  return scope === 'all' ? doc.cues.map((_, i) => i) : selectedInOrder(doc, selection).map((id) => doc.indexOf(id));
}

function planRange(
  store: EditorStore,
  mode: LineMode,
  positions: readonly number[],
  from: number,
  to: number,
  changes: LineChange[],
): void {
  const doc = store.doc;
  if (!doc) return;
  const limits = limitsOf(store);
  for (let i = from; i < to; i++) {
    const position = positions[i] as number;
    const cue = doc.cues[position] as Cue;
    const after = mode === 'break' ? breakText(cue.text, limits) : unbreakText(cue.text);
    if (after !== cue.text) changes.push({ id: cue.id, number: position + 1, before: cue.text, after });
  }
}

/** Every cue of the scope whose text would change. */
export function planLines(store: EditorStore, mode: LineMode, scope: LineScope): LineChange[] {
  const positions = positionsOf(store, scope);
  const changes: LineChange[] = [];
  planRange(store, mode, positions, 0, positions.length, changes);
  return changes;
}

/** Cues planned per slice of planLinesInSlices: a few milliseconds of work, so the window keeps painting. */
const SLICE_CUES = 2000;

/**
 * planLines in slices between which the renderer paints and handles input (the 232,400-cue file takes about a
 * second or two to plan); `onProgress` gets the share done. Calling the returned function cancels it.
 */
export function planLinesInSlices(
  store: EditorStore,
  mode: LineMode,
  scope: LineScope,
  onDone: (changes: LineChange[]) => void,
  onProgress: (done: number) => void = () => {},
): () => void {
  const positions = positionsOf(store, scope);
  const changes: LineChange[] = [];
  let from = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const step = () => {
    const to = Math.min(positions.length, from + SLICE_CUES);
    planRange(store, mode, positions, from, to, changes);
    from = to;
    if (from >= positions.length) {
      timer = null;
      onDone(changes);
      return;
    }
    onProgress(from / positions.length);
    timer = setTimeout(step, 0);
  };
  if (positions.length <= SLICE_CUES) step();
  else timer = setTimeout(step, 0);
  return () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}

/** Applies planned changes as one undo step; cues edited since the plan are left alone. Returns how many changed. */
export function applyLines(store: EditorStore, mode: LineMode, changes: readonly LineChange[]): number {
  const doc = store.doc;
  if (!doc) return 0;
  const builder = new ReplaceBuilder();
  const ids: number[] = [];
  for (const change of changes) {
    const position = doc.indexOf(change.id);
    const cue = doc.cues[position];
    if (!cue || cue.text !== change.before) continue;
    builder.add(position, cue, withFields(cue, { text: change.after }));
    ids.push(cue.id);
  }
  if (ids.length === 0) return 0;
  const label = mode === 'break' ? 'Break lines' : 'Unbreak lines';
  store.execute(builder.build(`${label} (${ids.length} ${ids.length === 1 ? 'cue' : 'cues'})`), {
    ...(ids.length <= 64 ? { changed: ids } : {}),
    timing: false,
  });
  return ids.length;
}
