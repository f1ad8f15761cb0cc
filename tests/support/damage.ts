/**
 * Plants real-world SRT defects into a clean seed (like make-fixtures.py does for interview-broken.srt, but at
 * any cue and in any combination) and says what a correct reader/validator must report, and where.
 */
import type { LineEnding } from '../../src-shared/document';
import type { ProblemCode } from '../../src-shared/problems';

/** One cue of a clean seed. */
export interface SeedCue {
  n: number;
  startMs: number;
  endMs: number;
  lines: string[];
}

/** Formats ms as `HH:MM:SS,mmm` (independent of src-shared/time.ts on purpose). */
export function fmt(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const x = ms % 1000;
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(h, 2)}:${p(m, 2)}:${p(s, 2)},${p(x, 3)}`;
}

const STRICT = /^(\d{2}):(\d{2}):(\d{2}),(\d{3}) --> (\d{2}):(\d{2}):(\d{2}),(\d{3})$/;

/** Parses a clean LF seed strictly (throws on anything unexpected), like make-fixtures.py's parse_strict. */
export function parseSeed(text: string): SeedCue[] {
  const cues: SeedCue[] = [];
  for (const block of text.replace(/\n+$/, '').split('\n\n')) {
    const lines = block.split('\n');
    const m = STRICT.exec(lines[1] ?? '');
    if (!m) throw new Error(`bad seed timing line: ${lines[1]}`);
    const g = m.slice(1).map(Number) as number[];
    const ms = (i: number) =>
      (((g[i] as number) * 60 + (g[i + 1] as number)) * 60 + (g[i + 2] as number)) * 1000 + (g[i + 3] as number);
    cues.push({ n: Number(lines[0]), startMs: ms(0), endMs: ms(4), lines: lines.slice(2) });
  }
  return cues;
}

/** A block as it will be written: every part can be damaged independently. `startMs`/`endMs` are the intended values. */
export interface Block {
  orig: number;
  num: string | null;
  start: string;
  end: string;
  arrow: string;
  trail: string;
  text: string[];
  /** Lines after the block (a clean file has one empty line). */
  sep: string[];
  /** Lines before the block's number (stray text before the first cue). */
  before?: string[];
  startMs: number;
  endMs: number;
}

export function toBlocks(cues: readonly SeedCue[]): Block[] {
  return cues.map((c) => ({
    orig: c.n,
    num: String(c.n),
    start: fmt(c.startMs),
    end: fmt(c.endMs),
    arrow: ' --> ',
    trail: '',
    text: [...c.lines],
    sep: [''],
    startMs: c.startMs,
    endMs: c.endMs,
  }));
}

/** Where in a block a problem points: its number line, timing line, a text line, or its first line. */
export type Key = 'num' | 'timing' | 'first' | { text: number } | { sep: number } | { before: number };

export interface Expectation {
  title: string;
  /** Code that must be reported, or null: the defect must be read silently (no reader problem, no error on the cue). */
  code: ProblemCode | null;
  /** The block (seed number) the problem is about. */
  orig: number;
  /** The problem belongs to no cue (text before the first cue). */
  noCue?: boolean;
  /** The 1-based line the reader/validator reports. */
  readerKey: Key;
  /** The line `check --json` reports: the cue's timing line, or for orphans the orphan's first line. */
  cliKey: Key;
  /** Codes that may also be reported on this block (a harmless note such as a warning about an odd but valid form). */
  allowed?: ProblemCode[];
}

/** A damaged text with the positions of every block. */
export interface Damaged {
  text: string;
  blocks: Block[];
  expectations: Expectation[];
  /** 1-based position of a block in the file (= cue number after reading). */
  position(orig: number): number;
  line(orig: number, key: Key): number;
}

interface Positions {
  before: number[];
  num: number | null;
  timing: number;
  text: number[];
  sep: number[];
}

/**
 * Writes blocks. `eol` may be one ending or a function choosing each line's ending (mixed endings); the
 * last line gets a break unless its block's `sep` is empty (no final newline).
 */
export function serialize(
  blocks: readonly Block[],
  expectations: Expectation[],
  eol: LineEnding | ((line: number) => LineEnding) = '\n',
  leading: readonly string[] = [],
): Damaged {
  const lines: string[] = [...leading];
  const pos = new Map<number, Positions>();
  const order = new Map<number, number>();
  blocks.forEach((b, i) => {
    order.set(b.orig, i + 1);
    const p: Positions = { before: [], num: null, timing: 0, text: [], sep: [] };
    for (const s of b.before ?? []) {
      lines.push(s);
      p.before.push(lines.length);
    }
    if (b.num !== null) {
      lines.push(b.num);
      p.num = lines.length;
    }
    lines.push(`${b.start}${b.arrow}${b.end}${b.trail}`);
    p.timing = lines.length;
    for (const t of b.text) {
      lines.push(t);
      p.text.push(lines.length);
    }
    for (const s of b.sep) {
      lines.push(s);
      p.sep.push(lines.length);
    }
    pos.set(b.orig, p);
  });
  // A clean file ends `text\n` + `` (its last separator is the empty string after the final break); a
  // last separator that does not end with '' means no final newline.
  const last = blocks[blocks.length - 1];
  const finalNewline = last !== undefined && last.sep.length > 0 && last.sep[last.sep.length - 1] === '';
  const count = finalNewline ? lines.length - 1 : lines.length;
  const ending = typeof eol === 'function' ? eol : () => eol;
  let text = '';
  let previous: LineEnding | null = null;
  for (let i = 0; i < count; i++) {
    text += lines[i];
    if (i < count - 1 || finalNewline) {
      let chosen = ending(i + 1);
      // A lone CR, an empty line and an LF would read as one CRLF: one line fewer than planted.
      if (previous === '\r' && lines[i] === '' && chosen === '\n') chosen = '\r\n';
      text += chosen;
      previous = chosen;
    }
  }
  const line = (orig: number, key: Key): number => {
    const p = pos.get(orig);
    if (!p) throw new Error(`no block ${orig}`);
    if (key === 'num') {
      if (p.num === null) throw new Error(`block ${orig} has no number`);
      return p.num;
    }
    if (key === 'timing') return p.timing;
    if (key === 'first') return p.num ?? p.timing;
    if ('text' in key) return p.text[key.text] as number;
    if ('before' in key) return p.before[key.before] as number;
    return p.sep[key.sep] as number;
  };
  const position = (orig: number): number => {
    const at = order.get(orig);
    if (at === undefined) throw new Error(`no block ${orig}`);
    return at;
  };
  return { text, blocks: [...blocks], expectations, position, line };
}

// ------------------------------------------------------------------------------------------ defects

/** A planter damages block `k` (and maybe neighbours) and returns what must be reported; null when `k` does not fit. */
export type Planter = (blocks: Block[], k: number) => Expectation[] | null;

function at(blocks: Block[], k: number): Block | undefined {
  return blocks.find((b) => b.orig === k);
}

function index(blocks: Block[], k: number): number {
  return blocks.findIndex((b) => b.orig === k);
}

function silent(title: string, orig: number, key: Key = 'timing'): Expectation {
  return { title, code: null, orig, readerKey: key, cliKey: 'timing' };
}

function timingProblem(title: string, code: ProblemCode, orig: number): Expectation {
  return { title, code, orig, readerKey: 'timing', cliKey: 'timing' };
}

export const PLANTERS = {
  overlap(blocks, k) {
    const b = at(blocks, k);
    const n = at(blocks, k + 1);
    // The earlier cue keeps at least a second once trimmed, so `fix` can always repair the overlap.
    if (!b || !n || n.startMs < b.startMs + 1000 || n.endMs <= n.startMs + 400 || b.endMs > n.startMs) return null;
    b.endMs = n.startMs + 400;
    b.end = fmt(b.endMs);
    return [timingProblem('overlap', 'overlap', k)];
  },
  endBeforeStart(blocks, k) {
    const b = at(blocks, k);
    if (!b || b.endMs <= b.startMs) return null;
    [b.startMs, b.endMs] = [b.endMs, b.startMs];
    [b.start, b.end] = [b.end, b.start];
    return [timingProblem('end before start', 'negative-duration', k)];
  },
  dotSeparator(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.start = b.start.replace(',', '.');
    return [timingProblem("'.' separator", 'malformed-timestamp', k)];
  },
  dotSeparatorBoth(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.start = b.start.replace(',', '.');
    b.end = b.end.replace(',', '.');
    return [timingProblem("'.' separators", 'malformed-timestamp', k)];
  },
  twoDigitMillis(blocks, k) {
    // `00:07:30,600` written `00:07:30,60`: same value read as a fraction.
    const b = at(blocks, k);
    if (!b || b.startMs % 10 !== 0) return null;
    b.start = b.start.slice(0, -1);
    return [timingProblem('2-digit milliseconds', 'malformed-timestamp', k)];
  },
  oneDigitHours(blocks, k) {
    const b = at(blocks, k);
    if (!b || b.startMs >= 10 * 3_600_000) return null;
    b.start = b.start.slice(1);
    return [timingProblem('1-digit hours', 'malformed-timestamp', k)];
  },
  threeDigitHours(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.start = `0${b.start}`;
    b.end = `0${b.end}`;
    return [{ ...silent('3-digit hours', k), allowed: ['malformed-timestamp'] }];
  },
  sixtySeconds(blocks, k) {
    // Value preserving, as in make-fixtures.py: 00:07:05,400 written as 00:06:65,400.
    const b = at(blocks, k);
    // Only seconds 0..39 (60..99 when written): three-digit seconds are another defect.
    if (!b || b.startMs < 60_000 || b.startMs % 60_000 >= 40_000) return null;
    const t = b.startMs;
    const mm = Math.floor(t / 60_000) - 1;
    const ss = Math.floor((t % 60_000) / 1000) + 60;
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    b.start = `${p(Math.floor(mm / 60))}:${p(mm % 60)}:${p(ss)},${p(t % 1000, 3)}`;
    return [timingProblem('seconds out of range', 'invalid-timestamp', k)];
  },
  sixtyMinutes(blocks, k) {
    const b = at(blocks, k);
    if (!b || b.endMs < 3_600_000) return null;
    const t = b.endMs;
    const hh = Math.floor(t / 3_600_000) - 1;
    const mm = Math.floor((t % 3_600_000) / 60_000) + 60;
    b.end = `${String(hh).padStart(2, '0')}:${mm}${fmt(t).slice(5)}`;
    return [timingProblem('minutes out of range', 'invalid-timestamp', k)];
  },
  outOfOrder(blocks, k) {
    const i = index(blocks, k);
    const a = blocks[i];
    const b = blocks[i + 1];
    if (!a || !b || b.orig !== k + 1 || !(a.startMs < b.startMs) || a.num === null || b.num === null) return null;
    blocks[i] = b;
    blocks[i + 1] = a;
    // Block k now follows k + 1 and starts before it; both numbers are out of sequence.
    return [
      timingProblem('out of order', 'out-of-order', k),
      { title: 'out of sequence', code: 'bad-index', orig: k, readerKey: 'num', cliKey: 'timing' },
      { title: 'out of sequence', code: 'bad-index', orig: k + 1, readerKey: 'num', cliKey: 'timing' },
    ];
  },
  missingBlankLine(blocks, k) {
    const i = index(blocks, k);
    const prev = blocks[i - 1];
    const b = blocks[i];
    if (!prev || !b || b.num === null || prev.text.length === 0 || prev.sep.join('') !== '' || prev.sep.length !== 1)
      return null;
    prev.sep = [];
    return [{ title: 'missing blank line', code: 'missing-blank-line', orig: k, readerKey: 'num', cliKey: 'timing' }];
  },
  extraBlankLines(blocks, k) {
    const prev = blocks[index(blocks, k) - 1];
    if (prev?.sep.length !== 1) return null;
    prev.sep = ['', '', '', ''];
    return [silent('extra blank lines', k)];
  },
  whitespaceSeparator(blocks, k) {
    const prev = blocks[index(blocks, k) - 1];
    if (prev?.sep.length !== 1) return null;
    prev.sep = ['  \t'];
    return [silent('whitespace-only separator', k)];
  },
  missingNumber(blocks, k) {
    const b = at(blocks, k);
    if (!b || b.num === null) return null;
    b.num = null;
    return [timingProblem('missing cue number', 'bad-index', k)];
  },
  duplicateNumber(blocks, k) {
    const i = index(blocks, k);
    const b = blocks[i];
    const prev = blocks[i - 1];
    if (!b || !prev || prev.num === null || b.num === null) return null;
    b.num = prev.num;
    return [{ title: 'duplicate cue number', code: 'bad-index', orig: k, readerKey: 'num', cliKey: 'timing' }];
  },
  zeroBasedNumber(blocks, k) {
    const b = at(blocks, k);
    if (!b || b.num === null) return null;
    b.num = String(Number(b.num) - 1);
    return [{ title: 'number one too low', code: 'bad-index', orig: k, readerKey: 'num', cliKey: 'timing' }];
  },
  zeroLength(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.endMs = b.startMs;
    b.end = b.start;
    return [timingProblem('zero length', 'zero-duration', k)];
  },
  emptyText(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.text = [];
    return [timingProblem('empty text', 'empty-text', k)];
  },
  numberTextLine(blocks, k) {
    const b = at(blocks, k);
    if (!b || b.text.length === 0) return null;
    b.text.push('2024');
    return [silent('number-only text line', k, { text: b.text.length - 1 })];
  },
  numberFirstTextLine(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.text.unshift('1984');
    return [silent('number-only first text line', k, { text: 0 })];
  },
  tags(blocks, k) {
    const b = at(blocks, k);
    if (!b || b.text.length === 0) return null;
    b.text[0] = `{\\an8}<i>${b.text[0]}</i>`;
    return [silent('tags', k, { text: 0 })];
  },
  trailingWhitespace(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.trail = '  \t';
    return [silent('trailing whitespace on timing line', k)];
  },
  arrowWithoutSpaces(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.arrow = '-->';
    return [silent('arrow without spaces', k)];
  },
  arrowWithTabs(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.arrow = '\t-->\t';
    return [silent('arrow with tabs', k)];
  },
  leadingSpaces(blocks, k) {
    const b = at(blocks, k);
    if (!b || b.num === null) return null;
    b.num = ` ${b.num} `;
    b.start = `  ${b.start}`;
    return [silent('spaces around number and timing line', k)];
  },
  positionCoordinates(blocks, k) {
    const b = at(blocks, k);
    if (!b) return null;
    b.trail = ' X1:100 X2:600 Y1:50 Y2:80';
    return [silent('position coordinates', k)];
  },
  blankLineInText(blocks, k) {
    // A blank line inside the text: the second paragraph stays the cue's text, with a warning.
    const b = at(blocks, k);
    if (!b || b.text.length === 0 || b.sep.length !== 1) return null;
    b.sep = ['', 'stray second paragraph', ''];
    return [
      {
        title: 'blank line inside text',
        code: 'text-after-blank-line',
        orig: k,
        readerKey: { sep: 1 },
        cliKey: { sep: 1 },
      },
    ];
  },
  orphanBlockBetweenCues(blocks, k) {
    // A damaged block whose timing line cannot be read: its lines join the cue before it, reported once for the run.
    const b = at(blocks, k);
    if (b?.sep.length !== 1) return null;
    b.sep = ['', '??', '00:00:0x,000 -> ??', 'lost line', ''];
    return [
      { title: 'unreadable block', code: 'text-after-blank-line', orig: k, readerKey: { sep: 1 }, cliKey: { sep: 1 } },
    ];
  },
  outOfOrderAtEnd(blocks) {
    // The last two blocks swapped: sorting makes a middle block the last one.
    const n = blocks.length;
    const a = blocks[n - 2];
    const b = blocks[n - 1];
    if (!a || !b || !(a.startMs < b.startMs) || a.num === null || b.num === null) return null;
    [a.sep, b.sep] = [b.sep, a.sep];
    blocks[n - 2] = b;
    blocks[n - 1] = a;
    return [
      timingProblem('out of order at the end', 'out-of-order', a.orig),
      { title: 'out of sequence', code: 'bad-index', orig: a.orig, readerKey: 'num', cliKey: 'timing' },
      { title: 'out of sequence', code: 'bad-index', orig: b.orig, readerKey: 'num', cliKey: 'timing' },
    ];
  },
  negativeFirstStart(blocks) {
    const b = blocks[0];
    if (!b || b.startMs > 1500 || b.endMs <= 1500) return null;
    b.start = `-${fmt(1500 - b.startMs)}`;
    b.startMs = 0;
    return [timingProblem('negative start time', 'invalid-timestamp', b.orig)];
  },
  strayTextBeforeFirst(blocks) {
    const b = blocks[0];
    if (!b) return null;
    b.before = ['Subtitles downloaded from www.example.com', 'Enjoy!', '', ''];
    return [
      {
        title: 'stray text before the first cue',
        code: 'orphan-text',
        orig: b.orig,
        noCue: true,
        readerKey: { before: 0 },
        cliKey: { before: 0 },
      },
    ];
  },
  junkAfterLast(blocks) {
    const b = blocks[blocks.length - 1];
    if (!b) return null;
    b.sep = ['', '', 'THE END', '-- ripped by nobody --', ...(b.sep.at(-1) === '' ? [''] : [])];
    return [
      {
        title: 'junk after the last cue',
        code: 'text-after-blank-line',
        orig: b.orig,
        readerKey: { sep: 2 },
        cliKey: { sep: 2 },
      },
    ];
  },
  noFinalNewline(blocks) {
    const b = blocks[blocks.length - 1];
    if (!b || b.text.length === 0 || b.sep.at(-1) !== '') return null;
    b.sep = b.sep.slice(0, -1);
    return [silent('no final newline', b.orig, { text: 0 })];
  },
} satisfies Record<string, Planter>;

export type DefectName = keyof typeof PLANTERS;

/** Planters that ignore `k`: they damage the start or the end of the file. */
const GLOBAL = new Set<DefectName>([
  'negativeFirstStart',
  'strayTextBeforeFirst',
  'junkAfterLast',
  'outOfOrderAtEnd',
  'noFinalNewline',
]);

/** The 19 defects of interview-broken.md (trailing whitespace counts twice there). */
export const BROKEN_MD_DEFECTS: readonly DefectName[] = [
  'overlap',
  'endBeforeStart',
  'dotSeparator',
  'oneDigitHours',
  'sixtySeconds',
  'outOfOrder',
  'missingBlankLine',
  'extraBlankLines',
  'whitespaceSeparator',
  'missingNumber',
  'duplicateNumber',
  'zeroLength',
  'emptyText',
  'numberTextLine',
  'tags',
  'trailingWhitespace',
  'trailingWhitespace',
  'arrowWithoutSpaces',
  'noFinalNewline',
];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlantOptions {
  seed: number;
  eol?: LineEnding | 'mixed';
  /** Minimum distance between damaged cues, so defects do not interact. */
  spacing?: number;
}

/**
 * Plants each named defect at a random cue of `seedCues` (none within `spacing` of another) and serializes the result.
 * Cues within `spacing` of the file's end are only used by `noFinalNewline`.
 */
export function plantDefects(
  seedCues: readonly SeedCue[],
  names: readonly DefectName[],
  options: PlantOptions,
): Damaged {
  const random = rng(options.seed);
  const spacing = options.spacing ?? 4;
  const blocks = toBlocks(seedCues);
  const expectations: Expectation[] = [];
  const used: number[] = [];
  const count = seedCues.length;
  for (const name of names) {
    if (GLOBAL.has(name)) {
      const got = (PLANTERS[name] as Planter)(blocks, 0);
      if (got) expectations.push(...got);
      continue;
    }
    let placed = false;
    for (let attempt = 0; attempt < 1000 && !placed; attempt++) {
      const k = 2 + Math.floor(random() * (count - 2 * spacing - 2));
      if (used.some((u) => Math.abs(u - k) < spacing)) continue;
      const snapshot = blocks.map((b) => ({ ...b, text: [...b.text], sep: [...b.sep] }));
      const got = (PLANTERS[name] as Planter)(blocks, k);
      if (got === null) {
        blocks.splice(0, blocks.length, ...snapshot);
        continue;
      }
      expectations.push(...got);
      used.push(k);
      placed = true;
    }
    if (!placed) throw new Error(`could not place ${name}`);
  }
  const eol = options.eol ?? '\n';
  const endings: LineEnding[] = ['\n', '\r\n', '\r'];
  const mixed = rng(options.seed + 1);
  const lineEnding = eol === 'mixed' ? () => endings[Math.floor(mixed() * 3)] as LineEnding : eol;
  return serialize(blocks, expectations, lineEnding);
}

/** The intended text of a block as the reader should return it (lines joined by LF). */
export function blockText(b: Block): string {
  // Lines after a blank line that start no cue stay the cue's text (a text-after-blank-line warning).
  return [...b.text, ...b.sep.filter((line) => line.trim() !== '')].join('\n');
}
