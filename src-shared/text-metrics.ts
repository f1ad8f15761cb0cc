/** What a viewer reads: tag-free text, user-perceived character counts, line lengths and reading speed. */
import type { Cue } from './document';

/**
 * Formatting tags as written in SRT files: HTML-like `<i>`, `</b>`, `<font color="#fff">`,
 * WebVTT-style `<c.yellow>`, and ASS overrides `{\an8}`, `{\i1}`, `{\pos(10,20)}`. Only known tag
 * names are stripped, so literal angle brackets survive: `a < b`, `x<y>z`, `<3`.
 */
const TAG = /<\/?(?:[ibus]|font|c|v|lang|ruby|rt)(?:[\s.][^<>]*)?>|\{\\[^{}]*\}/gi;

const ZWJ = 0x200d;

/** Returns `text` without formatting tags; the same string when it has none (no allocation). */
export function visibleText(text: string): string {
  if (text.indexOf('<') === -1 && text.indexOf('{') === -1) return text;
  return text.replace(TAG, '');
}

/*
 * Classification of code points, filled lazily 256 BMP code points at a time by Unicode property
 * tests, so only blocks actually seen pay for it (once per process).
 * ZERO_WIDTH: combining marks (`e\u0301` is one character), controls (including the line feed),
 * format characters (ZWJ, LRM, BOM, soft hyphen) and conjoining Hangul vowels/finals.
 * PICTOGRAPHIC: emoji that a ZWJ may join into one glyph (`👩‍💻`).
 */
const COUNTED = 0;
const ZERO_WIDTH = 1;
const PICTOGRAPHIC = 2;
const NOT_COUNTED = /^[\p{M}\p{Cc}\p{Cf}]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
const bmpClass = new Uint8Array(0x10000);
const blockFilled = new Uint8Array(0x100);
const astralClass = new Map<number, number>();

function classify(cp: number): number {
  if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return ZERO_WIDTH;
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return ZERO_WIDTH; // emoji skin-tone modifiers attach to the previous emoji
  if (cp >= 0xd800 && cp <= 0xdfff) return COUNTED; // a lone surrogate still shows as a replacement glyph
  const char = String.fromCodePoint(cp);
  if (NOT_COUNTED.test(char)) return ZERO_WIDTH;
  return EMOJI.test(char) ? PICTOGRAPHIC : COUNTED;
}

function classOf(cp: number): number {
  if (cp <= 0xffff) {
    const block = cp >> 8;
    if (blockFilled[block] === 0) {
      const first = block << 8;
      for (let c = first; c < first + 0x100; c++) bmpClass[c] = classify(c);
      blockFilled[block] = 1;
    }
    return bmpClass[cp] as number;
  }
  if (cp >= 0x20000 && cp <= 0x3ffff) return COUNTED; // CJK extension ideographs
  let known = astralClass.get(cp);
  if (known === undefined) {
    known = classify(cp);
    astralClass.set(cp, known);
  }
  return known;
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/**
 * Counts characters in `text[from, to)`, a span of tag-free text: one per user-perceived
 * character. Code points, not UTF-16 units (`😀` is 1); combining marks, controls (including the
 * line feed) and format characters are 0; an emoji joined to the previous emoji by a ZWJ is 0
 * (`👩‍💻` is 1); a pair of regional indicators is one flag (`🇺🇸`). CJK ideographs count 1 each.
 */
function countSpan(text: string, from: number, to: number): number {
  let count = 0;
  let previousEmoji = false;
  let joinNext = false;
  let pendingFlag = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // Fast path: printable ASCII and the CJK Unified Ideographs block cover almost all subtitle text.
    if ((code >= 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff)) {
      count++;
      previousEmoji = joinNext = pendingFlag = false;
      continue;
    }
    let cp = code;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (cp === ZWJ) {
      joinNext = previousEmoji;
      continue;
    }
    const kind = classOf(cp);
    if (kind === ZERO_WIDTH) continue;
    const joined = joinNext && kind === PICTOGRAPHIC;
    joinNext = false;
    previousEmoji = kind === PICTOGRAPHIC;
    if (joined) continue;
    if (isRegionalIndicator(cp)) {
      pendingFlag = !pendingFlag;
      if (!pendingFlag) continue; // second half of a flag
    } else pendingFlag = false;
    count++;
  }
  return count;
}

/** Number of characters a viewer sees in `line` (tags are not counted; see countSpan for the rules). */
export function visibleLength(line: string): number {
  const visible = visibleText(line);
  return countSpan(visible, 0, visible.length);
}

/** Visible characters of every line of `text` (lines split at `\n`), e.g. `'<i>Hi</i>\nyou'` gives [2, 3]. */
export function lineLengths(text: string): number[] {
  const visible = visibleText(text);
  const lengths: number[] = [];
  let start = 0;
  for (;;) {
    const end = visible.indexOf('\n', start);
    if (end === -1) {
      lengths.push(countSpan(visible, start, visible.length));
      return lengths;
    }
    lengths.push(countSpan(visible, start, end));
    start = end + 1;
  }
}

/** One pass over a cue's text, for validation. */
export interface TextMeasure {
  /** Visible characters of all lines; line breaks are not counted, spaces are (Netflix rule). */
  readonly chars: number;
  /** Number of lines, counting every `\n`-separated line of the text as written. */
  readonly lines: number;
  /** Visible length of the longest line. */
  readonly longestLength: number;
  /** 1-based number of the (first) longest line. */
  readonly longestLine: number;
  /** True when nothing visible is left: no characters, or only spaces (`'<i> </i>'`, `'\u3000'`). */
  readonly blank: boolean;
}

/** Whether `text` has only whitespace; stops at the first other character, so it is O(1) for normal text. */
function isWhitespaceOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space =
      code <= 0x20 || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b);
    if (!space) return false;
  }
  return true;
}

/**
 * Code units that count as exactly one character each: printable ASCII, general punctuation
 * quotes and dashes, CJK symbols and punctuation, kana (without the combining voicing marks
 * U+3099/309A), CJK ideographs, Hangul syllables and full-width forms. Text made only of these
 * (nearly every subtitle line, e.g. `就是说，对吧？` or `Hello, world!`) is counted by its length.
 * 1 = such a unit, 2 = also a line feed, 0 = needs careful counting. `<` and `{` are 3: they may
 * open a tag. A table lookup per unit is several times faster than a regex call per cue.
 */
const SIMPLE = 1;
const NEWLINE = 2;
const MAYBE_TAG = 3;
const unitKind = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x20, 0x7e],
  [0x2010, 0x2027],
  [0x3000, 0x3029],
  [0x3030, 0x3098],
  [0x309b, 0x30ff],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xff00, 0xffef],
] as const) {
  unitKind.fill(SIMPLE, from, to + 1);
}
unitKind[0x0a] = NEWLINE;
unitKind[0x3c] = MAYBE_TAG; // <
unitKind[0x7b] = MAYBE_TAG; // {

/** Whether every unit of `text` is SIMPLE or NEWLINE (no tags, nothing to count carefully). */
function isSimpleText(text: string, allowNewline: boolean): boolean {
  const limit = allowNewline ? NEWLINE : SIMPLE;
  for (let i = 0; i < text.length; i++) {
    const kind = unitKind[text.charCodeAt(i)] as number;
    if (kind === 0 || kind > limit) return false;
  }
  return true;
}

/** Measures `text` in one scan: character total, line count and longest line. */
export function measureText(text: string): TextMeasure {
  if (isSimpleText(text, false)) {
    const chars = text.length;
    return { chars, lines: 1, longestLength: chars, longestLine: 1, blank: chars === 0 || isWhitespaceOnly(text) };
  }
  const visible = visibleText(text);
  const simple = isSimpleText(visible, true);
  let chars = 0;
  let lines = 0;
  let longestLength = -1;
  let longestLine = 1;
  let start = 0;
  const length = visible.length;
  for (;;) {
    let end = visible.indexOf('\n', start);
    if (end === -1) end = length;
    const lineLength = simple ? end - start : countSpan(visible, start, end);
    lines++;
    chars += lineLength;
    if (lineLength > longestLength) {
      longestLength = lineLength;
      longestLine = lines;
    }
    if (end >= length) break;
    start = end + 1;
  }
  return { chars, lines, longestLength, longestLine, blank: chars === 0 || isWhitespaceOnly(visible) };
}

/** Visible characters of all lines of `text`, line breaks excluded. */
export function textLength(text: string): number {
  const visible = visibleText(text);
  return countSpan(visible, 0, visible.length);
}

/** Characters per second for `chars` shown for `durationMs`: Infinity when text has no time, 0 without text. */
export function charsPerSecond(chars: number, durationMs: number): number {
  if (chars === 0) return 0;
  if (durationMs <= 0) return Number.POSITIVE_INFINITY;
  return (chars * 1000) / durationMs;
}

/** Reading speed of a cue in characters per second (visible characters of all lines / duration in s). */
export function cps(cue: Pick<Cue, 'startMs' | 'endMs' | 'text'>): number {
  return charsPerSecond(textLength(cue.text), cue.endMs - cue.startMs);
}
