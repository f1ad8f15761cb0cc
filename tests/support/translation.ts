/**
 * A made-up English translation of a stretch of the interview, for translation-mode and bilingual tests: each cue
 * of the stretch gets a deterministic placeholder sentence (Latin script only) built from its number and its text,
 * with the cue's own timing. Not a real translation: the tests need English text whose cues line up with the
 * Chinese ones, and can tell each cue's translation from the others.
 */
import { SubtitleDoc } from '../../src-shared/document';
import { readSrt, writeSrt } from '../../src-shared/srt';

const WORDS = [
  'really',
  'now',
  'freedom',
  'work',
  'company',
  'years',
  'team',
  'people',
  'small',
  'back',
  'then',
  'interview',
  'started',
  'joined',
  'think',
  'right',
] as const;

/** The English placeholder for cue number `n` (1-based) with Chinese text `text`. */
export function placeholderEnglish(n: number, text: string): string {
  let hash = n;
  for (const ch of text) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const words = [0, 1, 2].map((k) => WORDS[(hash >>> (k * 4)) % WORDS.length]);
  return `Line ${n}: ${words.join(' ')}`;
}

/**
 * English translation (SRT text) of cues `from`..`to` (1-based, inclusive) of `srtText`, numbered from 1, with the
 * same times as the original cues.
 */
export function makeEnglishTranslation(srtText: string, from: number, to: number): string {
  const { doc } = readSrt(srtText);
  const out = new SubtitleDoc([], { eol: '\n', finalNewline: true });
  out.cues = doc.cues
    .slice(from - 1, to)
    .map((cue, i) =>
      out.createCue({ startMs: cue.startMs, endMs: cue.endMs, text: placeholderEnglish(from + i, cue.text) }),
    );
  return writeSrt(out);
}
