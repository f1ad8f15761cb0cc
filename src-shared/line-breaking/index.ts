/**
 * Line breaking of cue text to a profile's limits, after the Netflix timed text style guides: keep a line that fits
 * on one line; otherwise break into as few lines as the limit allows, balanced, at natural break points. Latin text
 * breaks at spaces, preferring after punctuation and before conjunctions and prepositions, never after an article
 * or a preposition (en: 42 characters a line). Chinese text breaks at `Intl.Segmenter` word boundaries (zh), never
 * inside a word, never before closing punctuation (zh-Hans: 16 characters a line). Formatting tags (`<i>`,
 * `{\an8}`) are kept where they were and not counted. Pure: no DOM, no Node.
 */
import { visibleLength } from '../text-metrics';

/** The limits line breaking works to (a ValidationProfile has both). */
export interface LineLimits {
  /** Most visible characters a line should have; 0 means no limit (the text is only unbroken). */
  readonly maxLineLength: number;
  /** Most lines a cue should have (more are made only when the text cannot fit otherwise). */
  readonly maxLines: number;
}

const TAG = /<\/?(?:[ibus]|font|c|v|lang|ruby|rt)(?:[\s.][^<>]*)?>|\{\\[^{}]*\}/gi;
const CLOSING_TAG = /^<\//;
const HAN = /\p{Script=Han}/u;
/** Han ideographs and the CJK / full-width punctuation written with them. */
const CHINESE_CHAR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Marks a line must not start with (Chinese and Latin closing punctuation). */
const NO_LINE_START = /[，。、；：？！」』）》〉】〕”’…,.;:?!)\]}%]/u;
/** Marks a line must not end with (opening brackets and quotes). */
const NO_LINE_END = /[「『（《〈【〔“‘([{]/u;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/** Words a Latin line may start with: breaking before them reads naturally. */
const CONJUNCTIONS = new Set([
  'and',
  'but',
  'or',
  'nor',
  'so',
  'yet',
  'because',
  'although',
  'though',
  'while',
  'whereas',
  'if',
  'unless',
  'when',
  'whenever',
  'where',
  'since',
  'until',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'as',
  'than',
]);
const PREPOSITIONS = new Set([
  'to',
  'of',
  'in',
  'on',
  'at',
  'for',
  'with',
  'from',
  'by',
  'about',
  'into',
  'onto',
  'over',
  'under',
  'after',
  'before',
  'between',
  'through',
  'without',
  'within',
  'during',
  'against',
  'like',
]);
/** Words a Latin line must not end with: they belong to the word after them. */
const BINDING = new Set([
  'a',
  'an',
  'the',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'this',
  'these',
  'those',
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'i',
  ...PREPOSITIONS,
]);

/** Whether a character (one code point) is Chinese: a Han ideograph or CJK punctuation. */
export function isChineseChar(char: string): boolean {
  return CHINESE_CHAR.test(char);
}

/** Whether the text is Chinese for line breaking: it has Han ideographs. Mixed lines (`我在Meta工作`) count as Chinese. */
export function isChineseText(text: string): boolean {
  return HAN.test(text);
}

/** A visible character of a text: its raw span and the character. */
interface Glyph {
  start: number;
  end: number;
  char: string;
}

/** Visible code points of `text` with their raw offsets, skipping tags. */
function glyphsOf(text: string): Glyph[] {
  const glyphs: Glyph[] = [];
  const tags: [number, number][] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) tags.push([m.index, m.index + m[0].length]);
  let tag = 0;
  for (let i = 0; i < text.length; ) {
    const span = tags[tag];
    if (span && i === span[0]) {
      i = span[1];
      tag++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const end = i + (cp > 0xffff ? 2 : 1);
    glyphs.push({ start: i, end, char: text.slice(i, end) });
    i = end;
  }
  return glyphs;
}

/** Whether the lines are a dialogue (every line starts with a dash): they are never joined or rebalanced. */
function isDialogue(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  return lines.every((line) => /^\s*(?:<[^>]*>|\{\\[^{}]*\})*\s*[-‐–—]/u.test(line));
}

/**
 * Joins the lines of `text` into one: a single space between Latin lines, nothing between two Chinese fragments
 * (`你好\n世界` gives `你好世界`). Spaces around each break collapse; tags stay. Dialogues (every line starting with
 * a dash) are kept as they are.
 */
export function unbreakText(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  if (isDialogue(lines)) return text;
  let out = '';
  for (const raw of lines) {
    const line = out === '' ? raw.replace(/\s+$/u, '') : raw.trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    out += joinerBetween(out, line) + line;
  }
  return out;
}

/** What goes between two text fragments being joined: '' when both sides are Chinese, else a space. */
export function joinerBetween(before: string, after: string): string {
  const last = glyphsOf(before).at(-1)?.char ?? '';
  const first = glyphsOf(after)[0]?.char ?? '';
  if (last === '' || first === '') return '';
  return isChineseChar(last) && isChineseChar(first) ? '' : ' ';
}

/** A place a line may break: before visible glyph `at`; `space` when the break replaces the spaces there. */
interface BreakPoint {
  /** Index of the first glyph of the next line. */
  next: number;
  /** Index one past the last glyph of the line before (excludes the spaces removed). */
  end: number;
  /** Lower is better (added to the balance cost). */
  penalty: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

function wordBefore(glyphs: readonly Glyph[], end: number): string {
  let i = end;
  while (i > 0 && !/\s/u.test((glyphs[i - 1] as Glyph).char)) i--;
  return glyphs
    .slice(i, end)
    .map((g) => g.char)
    .join('');
}

function wordAfter(glyphs: readonly Glyph[], from: number): string {
  let i = from;
  while (i < glyphs.length && WORD_CHAR.test((glyphs[i] as Glyph).char)) i++;
  return glyphs
    .slice(from, i)
    .map((g) => g.char)
    .join('');
}

/** Penalty of breaking a Latin line between `before` (the word ending the line) and `after` (the next word). */
function latinPenalty(before: string, after: string): number {
  const lastChar = before.at(-1) ?? '';
  const next = after.toLowerCase();
  if (/[.!?…]["'’”)]?$/u.test(before) && !BINDING.has(before.toLowerCase())) return -60;
  if (/[,;:]["'’”)]?$/u.test(before)) return -45;
  if (lastChar === '-' || lastChar === '–' || lastChar === '—') return -20;
  if (BINDING.has(before.toLowerCase())) return 80;
  if (CONJUNCTIONS.has(next)) return -30;
  if (PREPOSITIONS.has(next)) return -15;
  // A name or title split from its capitalised follower (`Mr Smith`, `New York`) reads badly.
  if (/^\p{Lu}/u.test(before) && /^\p{Lu}/u.test(after)) return 20;
  return 0;
}

/** Break points of one line's glyphs: at spaces, and (in Chinese text) at word boundaries between characters. */
function breakPoints(glyphs: readonly Glyph[], chinese: boolean): BreakPoint[] {
  const points: BreakPoint[] = [];
  const isSpace = (i: number) => /\s/u.test((glyphs[i] as Glyph).char);
  // Spaces: a run of spaces between two visible words is one break point that removes the run.
  for (let i = 1; i < glyphs.length; i++) {
    if (!isSpace(i) || isSpace(i - 1)) continue;
    let next = i;
    while (next < glyphs.length && isSpace(next)) next++;
    if (next >= glyphs.length) break;
    const before = wordBefore(glyphs, i);
    const after = wordAfter(glyphs, next);
    let penalty = latinPenalty(before, after);
    if (chinese) {
      // A space in Chinese text separates phrases: the most natural place for a break.
      const last = (glyphs[i - 1] as Glyph).char;
      penalty = isChineseChar(last) || isChineseChar((glyphs[next] as Glyph).char) ? -24 : penalty;
    }
    points.push({ next, end: i, penalty });
  }
  if (!chinese) return points;
  // Chinese: boundaries of the zh word segmenter between two non-space glyphs, never inside a word.
  const visible = glyphs.map((g) => g.char).join('');
  const glyphAt = new Map<number, number>();
  let offset = 0;
  for (let i = 0; i < glyphs.length; i++) {
    glyphAt.set(offset, i);
    offset += (glyphs[i] as Glyph).char.length;
  }
  for (const segment of segmenter('zh').segment(visible)) {
    const at = glyphAt.get(segment.index);
    if (at === undefined || at === 0) continue;
    const prev = (glyphs[at - 1] as Glyph).char;
    const cur = (glyphs[at] as Glyph).char;
    if (/\s/u.test(prev) || /\s/u.test(cur)) continue;
    if (NO_LINE_START.test(cur) || NO_LINE_END.test(prev)) continue;
    // Never inside a Latin word or number written in the Chinese line.
    if (!isChineseChar(prev) && !isChineseChar(cur)) continue;
    // A number stays with its measure word or unit (`10年`, `2015年`, `3个`).
    if (/\p{N}/u.test(prev)) continue;
    const penalty = /[，。；：？！、]/u.test(prev) ? -20 : 0;
    points.push({ next: at, end: at, penalty });
  }
  points.sort((a, b) => a.next - b.next);
  // Never inside brackets when there is another choice: `（前同事）` and `(laughs)` stay on one line.
  const depth = bracketDepths(glyphs);
  for (const point of points) if ((depth[point.next] as number) > 0) point.penalty += 80;
  return points;
}

const OPENING = /[（(［[【「『《〈〔]/u;
const CLOSING = /[）)］\]】」』》〉〕]/u;

/** How many brackets are open before each glyph. */
function bracketDepths(glyphs: readonly Glyph[]): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const glyph of glyphs) {
    depths.push(depth);
    if (OPENING.test(glyph.char)) depth++;
    else if (CLOSING.test(glyph.char)) depth = Math.max(0, depth - 1);
  }
  return depths;
}

/**
 * Prefix sums of the glyphs' visible widths (1, or 0 for combining marks and format characters), so the length of
 * any span is two look-ups: the breaker measures many candidate lines per cue.
 */
function prefixWidths(glyphs: readonly Glyph[]): Int32Array {
  const prefix = new Int32Array(glyphs.length + 1);
  for (let i = 0; i < glyphs.length; i++) {
    const char = (glyphs[i] as Glyph).char;
    const code = char.charCodeAt(0);
    const width = code >= 0x20 && code < 0x7f ? 1 : code >= 0x4e00 && code <= 0x9fff ? 1 : visibleLength(char);
    prefix[i + 1] = (prefix[i] as number) + width;
  }
  return prefix;
}

const OVERFLOW = 10_000;

/**
 * The best breaks of one line into `lines` lines: balanced line lengths, the break points' penalties, a
 * line over `max` only when nothing else fits. Returns the chosen break points in order, or null when there are
 * fewer break points than needed.
 */
function chooseBreaks(glyphs: readonly Glyph[], points: readonly BreakPoint[], lines: number, max: number) {
  if (points.length < lines - 1) return null;
  const prefix = prefixWidths(glyphs);
  const total = prefix[glyphs.length] as number;
  const ideal = total / lines;
  const lineCost = (from: number, to: number, last: boolean) => {
    const length = (prefix[to] as number) - (prefix[from] as number);
    const over = Math.max(0, length - max);
    // Balanced (linear, so a good break point may cost a few characters of balance), slightly bottom-heavy.
    return 2 * Math.abs(length - ideal) + over * OVERFLOW + (last ? 0 : 0.5 * Math.max(0, length - ideal));
  };
  // cost[k][p]: best cost of the first k+1 lines when line k+1 ends at point p.
  const n = points.length;
  let cost: number[] = points.map((p) => lineCost(0, p.end, false) + p.penalty);
  const from: number[][] = [];
  for (let k = 1; k < lines - 1; k++) {
    const next = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const back = new Array<number>(n).fill(-1);
    for (let p = 0; p < n; p++) {
      for (let q = 0; q < p; q++) {
        if (!Number.isFinite(cost[q] as number)) continue;
        const c =
          (cost[q] as number) +
          lineCost((points[q] as BreakPoint).next, (points[p] as BreakPoint).end, false) +
          (points[p] as BreakPoint).penalty;
        if (c < (next[p] as number)) {
          next[p] = c;
          back[p] = q;
        }
      }
    }
    from.push(back);
    cost = next;
  }
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let p = 0; p < n; p++) {
    if (!Number.isFinite(cost[p] as number)) continue;
    const c = (cost[p] as number) + lineCost((points[p] as BreakPoint).next, glyphs.length, true);
    if (c < bestCost) {
      bestCost = c;
      best = p;
    }
  }
  if (best < 0) return null;
  const chosen = [best];
  for (let k = from.length - 1; k >= 0; k--) chosen.unshift((from[k] as number[])[chosen[0] as number] as number);
  return { points: chosen.map((i) => points[i] as BreakPoint), cost: bestCost };
}

/** Raw offset where a break before glyph `next` goes when no space is removed: after any closing tags. */
function insertionOffset(text: string, glyphs: readonly Glyph[], next: number): number {
  let at = (glyphs[next - 1] as Glyph).end;
  const limit = (glyphs[next] as Glyph).start;
  TAG.lastIndex = at;
  while (at < limit) {
    TAG.lastIndex = at;
    const m = TAG.exec(text);
    if (!m || m.index !== at || !CLOSING_TAG.test(m[0])) break;
    at += m[0].length;
  }
  return at;
}

/** Applies the chosen breaks to a one-line raw text. */
function applyBreaks(text: string, glyphs: readonly Glyph[], chosen: readonly BreakPoint[]): string {
  let out = '';
  let cursor = 0;
  for (const point of chosen) {
    if (point.end < point.next) {
      // Spaces removed: cut from the first space to the first glyph after them (tags in between are kept).
      const spaceStart = (glyphs[point.end] as Glyph).start;
      const nextStart = (glyphs[point.next] as Glyph).start;
      const between = text.slice(spaceStart, nextStart).replace(/\s+/gu, '');
      out += `${text.slice(cursor, spaceStart)}${between === '' ? '' : between}\n`;
      cursor = nextStart;
    } else {
      const at = insertionOffset(text, glyphs, point.next);
      out += `${text.slice(cursor, at)}\n`;
      cursor = at;
    }
  }
  return out + text.slice(cursor);
}

/** Whether every line of `text` fits `max` visible characters. */
function fits(text: string, max: number): boolean {
  return text.split('\n').every((line) => visibleLength(line) <= max);
}

/**
 * Re-breaks `text` to the limits: joins its lines (see unbreakText), keeps it on one line when it fits, else breaks
 * it into the fewest lines that fit (at least two, balanced, at natural break points). Dialogues and texts with no
 * place to break are returned unchanged. Never drops or reorders a visible character other than the spaces it turns
 * into line breaks.
 */
export function breakText(text: string, limits: LineLimits): string {
  const max = limits.maxLineLength;
  if (isDialogue(text.split('\n'))) return breakDialogue(text, limits);
  const joined = unbreakText(text);
  if (max <= 0 || visibleLength(joined) <= max) return joined;
  const glyphs = glyphsOf(joined);
  const chinese = isChineseText(joined);
  const points = breakPoints(glyphs, chinese);
  const total = visibleLength(joined);
  const fewest = Math.max(2, Math.ceil(total / max));
  const most = Math.max(fewest, limits.maxLines, 2);
  // Prefer the fewest lines whose every line fits; when none fits, the fewest lines still allowed.
  let fallback: string | null = null;
  for (let lines = fewest; lines <= Math.min(most, points.length + 1); lines++) {
    const chosen = chooseBreaks(glyphs, points, lines, max);
    if (!chosen) break;
    const broken = applyBreaks(joined, glyphs, chosen.points);
    if (fits(broken, max)) return broken;
    fallback ??= broken;
  }
  return fallback ?? joined;
}

/** A dialogue keeps one speaker a line; a speaker's line that is too long is broken on its own. */
function breakDialogue(text: string, limits: LineLimits): string {
  const max = limits.maxLineLength;
  if (max <= 0) return text;
  return text
    .split('\n')
    .map((line) => (visibleLength(line) <= max ? line : breakText(line, { maxLineLength: max, maxLines: 2 })))
    .join('\n');
}

/** Whether `text` would change if broken to the limits. */
export function needsBreaking(text: string, limits: LineLimits): boolean {
  return breakText(text, limits) !== text;
}
