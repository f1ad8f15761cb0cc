/**
 * Split / Join bilingual as the editor offers them: the result is computed from the open document (and, for a join,
 * a second file) and shown in a dialog before anything is written; Save writes new files through main's save
 * dialog, never over the open document.
 */
import { joinBilingual, type UnmatchedCue } from '../../src-shared/bilingual/join';
import { scriptLabel } from '../../src-shared/bilingual/script';
import { type SplitNote, splitBilingual } from '../../src-shared/bilingual/split';
import type { SubtitleDoc } from '../../src-shared/document';

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

export function previewSplit(doc: SubtitleDoc, name: string): BilingualPreview {
  const result = splitBilingual(doc);
  const base = baseName(name);
  return {
    mode: 'split',
    source: name,
    outputs: [
      { suggestedName: `${base}.zh.srt`, label: scriptLabel('han'), doc: result.han },
      { suggestedName: `${base}.en.srt`, label: scriptLabel('latin'), doc: result.latin },
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
): BilingualPreview {
  const result = joinBilingual(upper, lower);
  return {
    mode: 'join',
    upperName,
    lowerName,
    outputs: [
      {
        suggestedName: `${baseName(upperName)}.bilingual.srt`,
        label: `${upperName} over ${lowerName}`,
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
export function swapJoin(preview: Extract<BilingualPreview, { mode: 'join' }>): BilingualPreview {
  return previewJoin(preview.lower, preview.lowerName, preview.upper, preview.upperName);
}
