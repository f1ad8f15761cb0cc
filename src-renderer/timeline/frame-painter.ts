/** Canvas painting outside React: at most once per animation frame, and only when what the picture shows changed. */
import type { EditorState, EditorStore } from '../store/editor-store';
import { onThemeChange } from '../theme';

export interface FramePainter {
  /** The values the picture depends on; it is repainted when any differs (by identity) from the last paint. */
  keys(state: EditorState): readonly unknown[];
  paint(): void;
  /** Runs on every scheduled frame, changed or not (e.g. moving the playhead line). */
  everyFrame?(state: EditorState): void;
}

/** Subscribes `painter` to the store and to theme changes (which always repaint); returns the unsubscribe. */
export function paintOnChange(store: EditorStore, painter: FramePainter): () => void {
  let frame = 0;
  let last: readonly unknown[] = [];
  const paint = () => {
    frame = 0;
    const state = store.getState();
    painter.everyFrame?.(state);
    const keys = painter.keys(state);
    if (keys.length === last.length && keys.every((key, i) => key === last[i])) return;
    last = keys;
    painter.paint();
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(paint);
  };
  const offTheme = onThemeChange(() => {
    last = [];
    schedule();
  });
  const off = store.subscribe(schedule);
  schedule();
  return () => {
    off();
    offTheme();
    cancelAnimationFrame(frame);
  };
}
