/**
 * Split a bilingual document (each cue holds lines of two languages, e.g. Chinese over English) into two documents
 * with the same timing: every line goes to the language of its script (see script.ts). A cue with lines of only one
 * language is missing from the other document and reported; nothing is dropped. Lines whose language is doubtful are
 * reported with what was decided.
 */

import { type Cue, SubtitleDoc } from '../document';
import { type CoreMessage, msg } from '../messages';
import { lineScript, type Script } from './script';

/** A line whose language was not clear-cut, and where it went. */
export interface SplitNote {
  cueId: number;
  /** 1-based position of the cue in the document. */
  position: number;
  /** 1-based line within the cue's text. */
  lineInCue: number;
  text: string;
  doubt: 'mixed' | 'tie' | 'no-letters';
  /** Where the line went. */
  assigned: Script;
  /** The note, put in words when shown. */
  message: CoreMessage;
}

/** A cue that had lines of only one language, so the other document has no cue at its time. */
export interface OneLanguageCue {
  cueId: number;
  position: number;
  script: Script;
}

export interface SplitResult {
  han: SubtitleDoc;
  latin: SubtitleDoc;
  notes: SplitNote[];
  /** Cues with lines of only one language (the other document leaves them out). */
  oneLanguage: OneLanguageCue[];
  /** Ids of cues with no text at all: there is no language to give them to, so neither document has them. */
  empty: number[];
}

/** Why a line's language was in doubt and where it went, as a catalog message. */
function noteText(doubt: SplitNote['doubt'], followed: 'before' | 'after' | 'none'): CoreMessage {
  if (doubt === 'mixed') return msg('validation:bilingual.mixed');
  return msg(`validation:bilingual.${doubt === 'tie' ? 'tie' : 'noLetters'}.${followed}`);
}

/** Splits `doc` by script; the source document is not changed. */
export function splitBilingual(doc: SubtitleDoc): SplitResult {
  const han: Cue[] = [];
  const latin: Cue[] = [];
  const notes: SplitNote[] = [];
  const oneLanguage: OneLanguageCue[] = [];
  const empty: number[] = [];
  const hanDoc = new SubtitleDoc([], doc.format);
  const latinDoc = new SubtitleDoc([], doc.format);
  doc.cues.forEach((cue, index) => {
    const position = index + 1;
    if (cue.text.trim() === '') {
      empty.push(cue.id);
      return;
    }
    const lines = cue.text.split('\n');
    const scripts = lines.map(lineScript);
    // Lines without a clear script follow the line before them, else the first clear line after them.
    const firstClear = scripts.find((s) => s.script !== null)?.script ?? null;
    let previous: Script | null = firstClear;
    let seenClear = false;
    const byScript: Record<Script, string[]> = { han: [], latin: [] };
    lines.forEach((line, i) => {
      const info = scripts[i] as (typeof scripts)[number];
      const assigned = info.script ?? previous ?? 'han';
      const followed = seenClear ? 'before' : firstClear !== null ? 'after' : 'none';
      if (info.script !== null) {
        previous = info.script;
        seenClear = true;
      }
      if (line.trim() === '') return;
      byScript[assigned].push(line);
      if (info.doubt !== null && !(info.doubt === 'mixed' && allOneScript(scripts) && !isClose(info)))
        notes.push({
          cueId: cue.id,
          position,
          lineInCue: i + 1,
          text: line,
          doubt: info.doubt,
          assigned,
          message: msg('validation:bilingual.note', {
            cue: position,
            line: i + 1,
            text: line,
            why: noteText(info.doubt, followed),
            language: msg(`validation:bilingual.script.${assigned}`),
          }),
        });
    });
    const fields = { startMs: cue.startMs, endMs: cue.endMs, settings: cue.settings };
    if (byScript.han.length > 0) han.push(hanDoc.createCue({ ...fields, text: byScript.han.join('\n') }));
    if (byScript.latin.length > 0) latin.push(latinDoc.createCue({ ...fields, text: byScript.latin.join('\n') }));
    if (byScript.han.length === 0 || byScript.latin.length === 0)
      oneLanguage.push({ cueId: cue.id, position, script: byScript.han.length > 0 ? 'han' : 'latin' });
  });
  hanDoc.cues = han;
  latinDoc.cues = latin;
  return { han: hanDoc, latin: latinDoc, notes, oneLanguage, empty };
}

/**
 * Whether every line of the cue leans to the same script: a Chinese line with an English word in it (`我没有access了`)
 * in a cue that has no English line is ordinary code-switching, not a doubt worth listing.
 */
function allOneScript(scripts: readonly { script: Script | null }[]): boolean {
  const seen = new Set(scripts.map((s) => s.script).filter((s) => s !== null));
  return seen.size <= 1;
}

/** A mixed line whose smaller script weighs at least half the larger one (`OK 好`): the call could go either way. */
function isClose(info: { hanChars: number; latinWords: number }): boolean {
  const small = Math.min(info.hanChars, info.latinWords);
  const large = Math.max(info.hanChars, info.latinWords);
  return small * 2 >= large;
}
