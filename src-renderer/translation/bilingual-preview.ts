/**
 * Split / Join bilingual as the editor offers them: the result is computed from the open document (and, for a join,
 * a second file) and shown in a dialog before anything is written; Save writes new files through main's save
 * dialog, never over the open document.
 */
import { joinBilingual, type UnmatchedCue } from '../../src-shared/bilingual/join';
import { type SplitNote, splitBilingual } from '../../src-shared/bilingual/split';
import type { SubtitleDoc } from '../../src-shared/document';
import type { Translate } from '../../src-shared/i18n/translator';
import { t as windowT } from '../i18n';

/** One file the preview would write. */
export interface PreviewOutput {
  /** Name offered in the save dialog. */
  suggestedName: string;
  /** What it holds, for the dialog's heading. */
  label: string;
  doc: SubtitleDoc;
}

export type BilingualPreview =
  | {
      mode: 'split';
      source: string;
      outputs: PreviewOutput[];
      notes: SplitNote[];
      /** Cues of the source with lines of only one language: in one output only. */
      oneLanguage: number;
      /** Cues without any text: in neither output. */
      empty: number;
    }
  | {
      mode: 'join';
      upperName: string;
      lowerName: string;
      outputs: PreviewOutput[];
      pairs: number;
      unmatched: (UnmatchedCue & { name: string })[];
      /** The two documents, so the dialog can swap which goes on top. */
      upper: SubtitleDoc;
      lower: SubtitleDoc;
    };

/** `clip.srt` -> `clip`. */
export function baseName(name: string): string {
  return name.replace(/\.srt$/i, '');
}

export function previewSplit(doc: SubtitleDoc, name: string, t: Translate = windowT): BilingualPreview {
  const result = splitBilingual(doc);
  const base = baseName(name);
  return {
    mode: 'split',
    source: name,
    outputs: [
      { suggestedName: `${base}.zh.srt`, label: t('dialogs:bilingual.chinese'), doc: result.han },
      { suggestedName: `${base}.en.srt`, label: t('dialogs:bilingual.english'), doc: result.latin },
    ],
    notes: result.notes,
    oneLanguage: result.oneLanguage.length,
    empty: result.empty.length,
  };
}

export function previewJoin(
  upper: SubtitleDoc,
  upperName: string,
  lower: SubtitleDoc,
  lowerName: string,
  t: Translate = windowT,
): BilingualPreview {
  const result = joinBilingual(upper, lower);
  return {
    mode: 'join',
    upperName,
    lowerName,
    outputs: [
      {
        suggestedName: `${baseName(upperName)}.bilingual.srt`,
        label: t('dialogs:bilingual.over', { upper: upperName, lower: lowerName }),
        doc: result.doc,
      },
    ],
    pairs: result.pairs.length,
    unmatched: result.unmatched.map((u) => ({ ...u, name: u.side === 'upper' ? upperName : lowerName })),
    upper,
    lower,
  };
}

/** The same join with the other file on top. */
export function swapJoin(
  preview: Extract<BilingualPreview, { mode: 'join' }>,
  t: Translate = windowT,
): BilingualPreview {
  return previewJoin(preview.lower, preview.lowerName, preview.upper, preview.upperName, t);
}

/** What the preview dialog says above the lists: what goes where, and what did not pair up or was not clear-cut. */
export function bilingualSummary(preview: BilingualPreview, t: Translate = windowT): string {
  if (preview.mode === 'join') {
    return t('dialogs:bilingual.joinSummary', {
      upper: preview.upperName,
      lower: preview.lowerName,
      pairs: preview.pairs,
      unmatched: preview.unmatched.length,
    });
  }
  const outputs = preview.outputs
    .map((output) => t('dialogs:bilingual.outputCount', { label: output.label, count: output.doc.cues.length }))
    .join(t('dialogs:bilingual.listSeparator'));
  const values = { source: preview.source, outputs, oneLanguage: preview.oneLanguage, notes: preview.notes.length };
  return preview.empty > 0
    ? t('dialogs:bilingual.splitSummaryEmpty', { ...values, empty: preview.empty })
    : t('dialogs:bilingual.splitSummary', values);
}
