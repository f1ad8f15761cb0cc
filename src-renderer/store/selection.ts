/** Selection of cues by id: pure reducers for click, Shift-extend (a range in document order) and Ctrl-toggle. */
import type { Cue, SubtitleDoc } from '../../src-shared/document';

export interface Selection {
  /** Selected cue ids. */
  readonly ids: ReadonlySet<number>;
  /** The cue the editor shows and keyboard moves start from (the last one clicked); null when nothing is selected. */
  readonly focus: number | null;
  /** Where a Shift-extension starts. */
  readonly anchor: number | null;
}

export const EMPTY_SELECTION: Selection = Object.freeze({ ids: new Set<number>(), focus: null, anchor: null });

/** How a click combines with the current selection. */
export type SelectMode = 'replace' | 'extend' | 'toggle';

/** Selects one cue (replace), a range from the anchor (extend) or adds/removes it (toggle). */
export function selectCue(doc: SubtitleDoc, current: Selection, id: number, mode: SelectMode = 'replace'): Selection {
  if (doc.indexOf(id) < 0) return current;
  if (mode === 'toggle') {
    const ids = new Set(current.ids);
    if (ids.has(id)) {
      ids.delete(id);
      const focus = current.focus === id ? (ids.size > 0 ? ([...ids].pop() as number) : null) : current.focus;
      return { ids, focus, anchor: focus };
    }
    ids.add(id);
    return { ids, focus: id, anchor: id };
  }
  if (mode === 'extend' && current.anchor !== null && doc.indexOf(current.anchor) >= 0) {
    const a = doc.indexOf(current.anchor);
    const b = doc.indexOf(id);
    const ids = new Set<number>();
    for (let i = Math.min(a, b); i <= Math.max(a, b); i++) ids.add((doc.cues[i] as Cue).id);
    return { ids, focus: id, anchor: current.anchor };
  }
  return { ids: new Set([id]), focus: id, anchor: id };
}

/** Selects exactly these ids (the last one gets the focus). */
export function selectIds(ids: readonly number[]): Selection {
  if (ids.length === 0) return EMPTY_SELECTION;
  const last = ids[ids.length - 1] as number;
  return { ids: new Set(ids), focus: last, anchor: last };
}

/** Moves the focus by `delta` positions (clamped); with `extend` the range from the anchor grows. */
export function moveSelection(doc: SubtitleDoc, current: Selection, delta: number, extend = false): Selection {
  const count = doc.cues.length;
  if (count === 0) return EMPTY_SELECTION;
  const from = current.focus === null ? -1 : doc.indexOf(current.focus);
  const target = from < 0 ? (delta >= 0 ? 0 : count - 1) : Math.max(0, Math.min(count - 1, from + delta));
  const id = (doc.cues[target] as Cue).id;
  return selectCue(doc, current, id, extend ? 'extend' : 'replace');
}

/** Drops ids that no longer exist; keeps the same object when nothing changed. */
export function pruneSelection(doc: SubtitleDoc, current: Selection): Selection {
  let missing = false;
  for (const id of current.ids) {
    if (doc.indexOf(id) < 0) {
      missing = true;
      break;
    }
  }
  const focusGone = current.focus !== null && doc.indexOf(current.focus) < 0;
  const anchorGone = current.anchor !== null && doc.indexOf(current.anchor) < 0;
  if (!missing && !focusGone && !anchorGone) return current;
  const ids = new Set([...current.ids].filter((id) => doc.indexOf(id) >= 0));
  const focus = focusGone ? (ids.size > 0 ? ([...ids].pop() as number) : null) : current.focus;
  return { ids, focus, anchor: anchorGone ? focus : current.anchor };
}

/** Selected ids in document order. */
export function selectedInOrder(doc: SubtitleDoc, selection: Selection): number[] {
  return [...selection.ids].filter((id) => doc.indexOf(id) >= 0).sort((a, b) => doc.indexOf(a) - doc.indexOf(b));
}
