/**
 * Half-width punctuation in Chinese text: `，。？！：；` where the sentence is Chinese. A mark is Chinese when the
 * character before it (spaces and tags aside) is a Han character, or when it sits between a Latin word of a Chinese
 * sentence and more Chinese (`用 iPhone,很好`). Decimal points, ellipses and name dots (`丹利.周`) are left alone;
 * the spaces around a converted mark go, as full-width marks carry their own.
 */
import { onVisible } from './mask';
import type { TextRule } from './rule';

const FULL: Readonly<Record<string, string>> = { ',': '，', '.': '。', '?': '？', '!': '！', ':': '：', ';': '；' };
const HALF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(FULL).map(([h, f]) => [f, h]));

const HAN = /\p{Script=Han}/u;
/** Closing marks a Chinese sentence may end in before its punctuation. */
const CHINESE_CLOSE = /[」』）》〉]/u;
const MARK = /[ \t\u00A0]*([,.?!:;])[ \t\u00A0]*/g;

function isSpaceOrTag(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\u00A0' || char === '\uE000';
}

/** The nearest character before `index` that is not a space or tag, or ''. */
function before(text: string, index: number): string {
  for (let i = index - 1; i >= 0; i--) {
    const char = text[i] as string;
    if (char === '\n') return '';
    if (!isSpaceOrTag(char)) return char;
  }
  return '';
}

/** The nearest character from `index` on that is not a space or tag, or '' at the end of the line. */
function after(text: string, index: number): string {
  for (let i = index; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\n') return '';
    if (!isSpaceOrTag(char)) return char;
  }
  return '';
}

/** Whether the clause before `index` (back to the previous mark or the line start) has a Han character. */
function clauseIsChinese(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const char = text[i] as string;
    if (char === '\n' || /[,.?!:;，。？！：；]/.test(char)) return false;
    if (HAN.test(char)) return true;
  }
  return false;
}

function convert(text: string): string {
  return text.replace(MARK, (match: string, mark: string, offset: number) => {
    const at = offset + match.indexOf(mark);
    const end = offset + match.length;
    const previous = before(text, at);
    const next = after(text, at + 1);
    // Ellipses, `?!` runs of Latin text and decimals stay: a neighbouring half-width mark or digit.
    if (text[at - 1] === '.' || text[at + 1] === '.' || /[,.?!:;]/.test(text[at + 1] ?? '')) return match;
    if (/\p{N}/u.test(previous) && /\p{N}/u.test(next)) return match;
    const chineseBefore = HAN.test(previous) || CHINESE_CLOSE.test(previous);
    const chinese = chineseBefore || (clauseIsChinese(text, at) && HAN.test(next));
    if (!chinese) return match;
    // A dot straight between Han characters separates a transliterated name (丹利.周), it does not end a sentence.
    if (mark === '.' && next !== '' && text[at + 1] !== ' ' && !CHINESE_CLOSE.test(next)) return match;
    // Keep a line break or tags next to the mark; only the spaces go.
    const lead = text.slice(offset, at).replace(/[ \t\u00A0]/g, '');
    const tail = text.slice(at + 1, end).replace(/[ \t\u00A0]/g, '');
    return `${lead}${FULL[mark]}${tail}`;
  });
}

export const chinesePunctuation: TextRule = {
  id: 'chinese-punctuation',
  defaultOn: true,
  fix: (text) => (/[,.?!:;]/.test(text) && HAN.test(text) ? onVisible(text, convert) : text),
  project: (text) => text.replace(/[，。？！：；]/g, (mark) => HALF[mark] as string),
};
