/**
 * The playhead follows the work: when the focused cue changes (a click in the list, on a timeline block or a
 * problem, a key, an edit that selects a new cue) and nothing is playing, the playhead moves to the cue's start
 * and the timeline scrolls it into view. Opening a document is not a selection: the playhead stays at 0 there.
 */
import type { Cue } from '../../src-shared/document';
import type { EditorStore } from '../store/editor-store';
import { revealRange, spanMs } from '../timeline/viewport';

/** Subscribes; returns the unsubscribe function. */
export function followSelection(store: EditorStore, seek: (ms: number) => void): () => void {
  let file = store.getState().file;
  let focus = store.getState().selection.focus;
  return store.subscribe(() => {
    const s = store.getState();
    if (s.file !== file) {
      file = s.file;
      focus = s.selection.focus;
      return;
    }
    if (s.selection.focus === focus) return;
    focus = s.selection.focus;
    if (s.playing || focus === null || !s.file) return;
    const position = s.file.doc.indexOf(focus);
    if (position < 0) return;
    const cue = s.file.doc.cues[position] as Cue;
    const startMs = Math.max(0, Math.min(cue.startMs, cue.endMs));
    seek(startMs);
    const view = store.getState().view;
    if (startMs < view.startMs || startMs > view.startMs + spanMs(view)) {
      // A cue longer than the view is shown from its start.
      const endMs = Math.min(Math.max(cue.startMs, cue.endMs), startMs + spanMs(view) * 0.8);
      store.setView(revealRange(view, startMs, endMs, store.durationMs()));
    }
  });
}
