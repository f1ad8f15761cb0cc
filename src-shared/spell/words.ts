/**
 * The words of a cue's text a spell checker looks at, with their offsets in the raw text (so an editor can underline
 * them): runs of Latin letters with inner apostrophes (`don't`, `l’amour`). Skipped: formatting tags (`<i>`,
 * `{\an8}`), Chinese and other non-Latin scripts (never flagged), numbers and words glued to digits (`10th`, `3pm`),
 * single letters, words in capitals (acronyms: `CEO`, `NASA`), and web or mail addresses.
 */

/** One word to check: where it is in the raw text and what it is. */
export interface SpellWord {
  /** UTF-16 offset of the word in the raw text. */
  offset: number;
  /** UTF-16 length. */
  length: number;
  word: string;
}

const TAG = /<\/?(?:[ibus]|font|c|v|lang|ruby|rt)(?:[\s.][^<>]*)?>|\{\\[^{}]*\}/gi;
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;
const WORD = /\p{Script=Latin}+(?:['’]\p{Script=Latin}+)*/gu;
const DIGIT = /\p{N}/u;

/** `text` with every tag and address replaced by spaces of the same length, so offsets stay those of the raw text. */
function masked(text: string): string {
  if (text.indexOf('<') === -1 && text.indexOf('{') === -1 && !/[@.]/.test(text)) return text;
  return text.replace(TAG, (m) => ' '.repeat(m.length)).replace(ADDRESS, (m) => ' '.repeat(m.length));
}

/** The words of `text` to spell-check, in order. */
export function spellWords(text: string): SpellWord[] {
  const out: SpellWord[] = [];
  const plain = masked(text);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(plain); m !== null; m = WORD.exec(plain)) {
    const word = m[0];
    const offset = m.index;
    const end = offset + word.length;
    if (word.length < 2) continue;
    // Glued to a digit (`3pm`, `10th`); glued to Chinese (`Meta已经`) is still a word.
    const before = plain[offset - 1] ?? '';
    const after = plain[end] ?? '';
    if (DIGIT.test(before) || DIGIT.test(after)) continue;
    if (word === word.toUpperCase()) continue;
    out.push({ offset, length: word.length, word });
  }
  return out;
}
