/**
 * Dialogue dashes: a line that opens with a dash (`-`, `‐`, `–`, `—`, any spacing) starts `- `; in a two-line
 * cue whose second line is a speaker's turn, the first line gets its dash too (when it ends a sentence).
 */
import { onVisible } from './mask';
import type { TextRule } from './rule';

/** A dash at the start of a line (after tags), before a word: not a negative number, not `--`. */
const LINE_DASH = /^(\uE000*)[ \t]*[-‐–—][ \t]*(?=[^\s\d\-‐–—\uE000])/gm;
const SENTENCE_END = /[.?!…。？！"”’)\]」』]\uE000*[ \t]*$/u;
const STARTS_WITH_DASH = /^\uE000*- /;

function fix(text: string): string {
  return onVisible(text, (t) => {
    const out = t.replace(LINE_DASH, '$1- ');
    const lines = out.split('\n');
    if (lines.length === 2 && STARTS_WITH_DASH.test(lines[1] as string) && !STARTS_WITH_DASH.test(lines[0] as string)) {
      const first = lines[0] as string;
      if (SENTENCE_END.test(first) && /[^\s\uE000]/.test(first)) {
        const lead = /^\uE000*/.exec(first)?.[0] ?? '';
        return `${lead}- ${first.slice(lead.length).trimStart()}\n${lines[1]}`;
      }
    }
    return out;
  });
}

export const dialogueDashes: TextRule = {
  id: 'dialogue-dashes',
  defaultOn: true,
  fix,
  project: (text) => text.replace(/[-‐–—]/g, ''),
};
