/** Translation mode and bilingual files: what the commands do (reading and writing files only through main). */
import type { Cue } from '../../src-shared/document';
import { readSubtitle, writeSubtitle } from '../../src-shared/formats';
import { ReplaceAll } from '../../src-shared/history';
import { writeSrt } from '../../src-shared/srt';
import { withMissingCues } from '../../src-shared/translation/pairing';
import { call } from '../api';
import { t } from '../i18n';
import type { EditorStore } from '../store/editor-store';
import { type BilingualPreview, previewJoin, previewSplit } from './bilingual-preview';
import { coverageOf, createOriginalTrack } from './original-track';

/** Shows `text` (read from `name`) as the original of the open document; returns false without a document. */
export function attachOriginal(store: EditorStore, name: string, text: string): boolean {
  const file = store.getState().file;
  if (!file) return false;
  const track = createOriginalTrack(name, text, file.doc);
  store.setOriginal(track);
  const missing = coverageOf(track, file.doc, store.getState().timingVersion).untranslated.length;
  const values = { name, cues: track.doc.cues.length, missing, file: file.info.name };
  store.setMessage(
    track.readProblems > 0
      ? t('dialogs:original.attachedProblems', { ...values, problems: track.readProblems })
      : t('dialogs:original.attached', values),
  );
  return true;
}

/** File > Open Original…: the open dialog, then the chosen file beside the document. */
export async function openOriginal(store: EditorStore): Promise<void> {
  const chosen = await call('openSubtitleTextDialog', { purpose: 'original' });
  if (chosen === null) return;
  attachOriginal(store, chosen.name, chosen.text);
  if (chosen.warnings.length > 0) store.setMessage(`${store.getState().message} ${chosen.warnings.join(' ')}`);
}

export function closeOriginal(store: EditorStore): void {
  const original = store.getState().original;
  if (!original) return;
  store.setOriginal(null);
  store.setMessage(t('dialogs:original.closed', { name: original.name }));
}

/**
 * File > Save Original As…: writes the original, with the times the translation's timing edits gave it, through the
 * save dialog (in the format it was read in; its text is never edited). Returns the path written, or null.
 */
export async function saveOriginalAs(store: EditorStore): Promise<string | null> {
  const original = store.getState().original;
  if (!original) return null;
  const outcome = await call('saveNewSubtitle', { suggestedName: original.name, text: writeSubtitle(original.doc) });
  if (outcome.status !== 'saved') return null;
  store.setMessage(t('dialogs:original.savedAs', { path: outcome.path }));
  return outcome.path;
}

/**
 * Adds an empty cue, with the original's times, for every original cue that has no translation (one undo step), so
 * each can be translated in place; returns how many were added.
 */
export function addMissingTranslations(store: EditorStore): number {
  const { file, original } = store.getState();
  if (!file || !original) return 0;
  const before = file.doc.cues.slice();
  const { cues, added } = withMissingCues(file.doc, original.pairs);
  if (added.length === 0) {
    store.setMessage(t('dialogs:original.allTranslated'));
    return 0;
  }
  for (const { cue, position } of added) original.pairs.assign(cue.id, position);
  store.execute(new ReplaceAll(t('dialogs:original.addMissing', { count: added.length }), before, cues, true), {
    select: [(added[0] as { cue: Cue }).cue.id],
  });
  store.reveal((added[0] as { cue: Cue }).cue.id);
  store.setMessage(t('dialogs:original.added', { count: added.length }));
  return added.length;
}

/** Selects the next translation cue after the focused one whose text is still empty, or with untranslated originals after it. */
export function nextUntranslated(store: EditorStore): boolean {
  const { file, original, selection, timingVersion } = store.getState();
  if (!file || !original) return false;
  const { missingAfter } = coverageOf(original, file.doc, timingVersion);
  const cues = file.doc.cues;
  const from = selection.focus === null ? -1 : file.doc.indexOf(selection.focus);
  for (let k = 1; k <= cues.length; k++) {
    const cue = cues[(from + k) % cues.length] as Cue;
    if (cue.text.trim() === '' || missingAfter.has(cue.id)) {
      store.select(cue.id, 'replace', true);
      return true;
    }
  }
  store.setMessage(t('dialogs:original.nothingLeft'));
  return false;
}

/** File > Split bilingual…: the preview of the open document split by script. */
export function showSplitPreview(store: EditorStore): void {
  const file = store.getState().file;
  if (!file) return;
  store.openDialog({ kind: 'bilingual', preview: previewSplit(file.doc, file.info.name) });
}

/** File > Join bilingual…: asks for the second file, then the preview of the open document over it. */
export async function showJoinPreview(store: EditorStore): Promise<void> {
  const chosen = await call('openSubtitleTextDialog', { purpose: 'join' });
  const file = store.getState().file;
  if (chosen === null || !file) return;
  const other = readSubtitle(chosen.text).doc;
  store.openDialog({ kind: 'bilingual', preview: previewJoin(file.doc, file.info.name, other, chosen.name) });
}

/** Writes every output of a preview through main's save dialog; returns the paths written. */
export async function saveBilingual(store: EditorStore, preview: BilingualPreview): Promise<string[]> {
  const written: string[] = [];
  for (const output of preview.outputs) {
    const outcome = await call('saveNewSubtitle', { suggestedName: output.suggestedName, text: writeSrt(output.doc) });
    if (outcome.status === 'saved') written.push(outcome.path);
  }
  store.closeDialog();
  store.setMessage(
    written.length > 0
      ? t('dialogs:bilingual.saved', { paths: written.join(', ') })
      : t('dialogs:bilingual.nothingSaved'),
  );
  return written;
}
