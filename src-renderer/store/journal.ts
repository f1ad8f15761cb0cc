/**
 * The recovery journal's feed: while the document has unsaved edits, its text goes to main at most `delayMs` after
 * the first edit main has not seen yet. Later edits and other store changes (the playhead moves every frame while
 * playing) do not restart the wait, so steady typing or playback cannot keep edits out of the journal.
 */
import { writeSrt } from '../../src-shared/srt';
import type { EditorStore } from './editor-store';

/** Watches `store`, handing `report` the document's handle and text; returns the function that stops watching. */
export function watchJournal(
  store: EditorStore,
  report: (handle: string, text: string) => void,
  delayMs: number,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let journaled: { doc: unknown; version: number } = { doc: null, version: -1 };
  const off = store.subscribe(() => {
    const { file, dirty } = store.getState();
    if (timer !== null || !file || !dirty) return;
    if (journaled.doc === file.doc && journaled.version === file.doc.version) return;
    const { doc } = file;
    timer = setTimeout(() => {
      timer = null;
      const now = store.getState();
      // Closed, replaced or saved meanwhile: nothing to journal.
      if (now.file?.doc !== doc || !now.dirty) return;
      journaled = { doc, version: doc.version };
      report(now.file.info.handle, writeSrt(doc));
    }, delayMs);
  });
  return () => {
    off();
    if (timer !== null) clearTimeout(timer);
  };
}
