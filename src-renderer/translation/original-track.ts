/** Translation mode's original: a second subtitle file (any readable format) read as text, held read-only beside the document being translated. */
import type { SubtitleDoc } from '../../src-shared/document';
import { readSubtitle } from '../../src-shared/formats';
import { type Coverage, OriginalPairs } from '../../src-shared/translation/pairing';

export interface OriginalTrack {
  /** File name, for the column header and messages. */
  name: string;
  /**
   * The original's cues: text read-only; times moved along by the translation's timing edits (follow-timing.ts);
   * written only by File > Save Original As.
   */
  doc: SubtitleDoc;
  /** Which original cue each translation cue translates. */
  pairs: OriginalPairs;
  /** What the reader found wrong in the original's text (for the message; the original is not validated). */
  readProblems: number;
  /** Coverage at one timing version of the translation (memo for the list and the commands). */
  coverageCache: { version: number; coverage: Coverage } | null;
}

/** Reads `text` as the original of `translation` and pairs their cues by time. */
export function createOriginalTrack(name: string, text: string, translation: SubtitleDoc): OriginalTrack {
  const { doc, problems } = readSubtitle(text);
  return {
    name,
    doc,
    pairs: new OriginalPairs(doc.cues, translation.cues),
    readProblems: problems.length,
    coverageCache: null,
  };
}

/** The same original paired with a document read again (its cues have new ids): by time, as when it was opened. */
export function pairedAgain(track: OriginalTrack, translation: SubtitleDoc): OriginalTrack {
  return { ...track, pairs: new OriginalPairs(track.doc.cues, translation.cues), coverageCache: null };
}

/**
 * Which original cues have no translation. It depends only on which cues there are and on their times, so it is
 * computed once per `timingVersion` of the store (typing in a cue does not redo it).
 */
export function coverageOf(track: OriginalTrack, translation: SubtitleDoc, timingVersion: number): Coverage {
  const cached = track.coverageCache;
  if (cached && cached.version === timingVersion) return cached.coverage;
  const coverage = track.pairs.coverage(translation.cues);
  track.coverageCache = { version: timingVersion, coverage };
  return coverage;
}
