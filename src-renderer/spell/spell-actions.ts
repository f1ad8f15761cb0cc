/** Spell-check edits and look-ups on the store: replacing a misspelt word is one undoable edit. */
import type { Cue } from '../../src-shared/document';
import { withFields } from '../../src-shared/document';
import { ReplaceBuilder } from '../../src-shared/edits';
import type { EditorStore } from '../store/editor-store';

/** One misspelling found by the dialog's check, tied to its cue by id (positions move when cues are added). */
export interface Finding {
  id: number;
  offset: number;
  length: number;
  word: string;
}

/**
 * Replaces the misspelt word of `finding` with `replacement` as its own undo step ("Replace “x”"). The word is looked
 * for at its offset, else (the text was edited since the check) as the nearest whole occurrence; returns the change in
 * length, or null when the word is no longer there.
 */
export function replaceMisspelling(store: EditorStore, finding: Finding, replacement: string): number | null {
  const doc = store.doc;
  if (!doc) return null;
  const position = doc.indexOf(finding.id);
  if (position < 0) return null;
  const cue = doc.cues[position] as Cue;
  const offset = locateWord(cue.text, finding);
  if (offset < 0) return null;
  const text = cue.text.slice(0, offset) + replacement + cue.text.slice(offset + finding.length);
  const builder = new ReplaceBuilder();
  builder.add(position, cue, withFields(cue, { text }));
  store.seal();
  store.execute(builder.build(`Replace “${finding.word}” with “${replacement}”`), {
    changed: [finding.id],
    timing: false,
  });
  store.seal();
  return replacement.length - finding.length;
}

function locateWord(text: string, finding: Finding): number {
  if (text.slice(finding.offset, finding.offset + finding.length) === finding.word) return finding.offset;
  const pattern = new RegExp(
    `(?<![\\p{L}'’])${finding.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}'’])`,
    'gu',
  );
  let best = -1;
  for (const m of text.matchAll(pattern)) {
    if (best < 0 || Math.abs(m.index - finding.offset) < Math.abs(best - finding.offset)) best = m.index;
  }
  return best;
}
