/** Where to cut a cue's text in two: between lines, words or CJK characters, keeping formatting tags balanced. */

/**
 * Formatting tags (same set as text-metrics.ts): `<i>`, `</b>`, `<font color="#fff">`, `<c.yellow>`,
 * and ASS overrides `{\an8}`. Literal brackets such as `a < b` are text.
 */
const TAG = /<\/?(?:[ibus]|font|c|v|lang|ruby|rt)(?:[\s.][^<>]*)?>|\{\\[^{}]*\}/gi;
const OPENING_TAG_AT_END = /(?:<(?:[ibus]|font|c|v|lang|ruby|rt)(?:[\s.][^<>]*)?>|\{\\[^{}]*\})$/i;
const CLOSING_TAG_AT_START = /^<\/(?:[ibus]|font|c|v|lang|ruby|rt)(?:[\s.][^<>]*)?>/i;
const HTML_TAG = /^<(\/?)([a-z]+)/i;

/** A visible code point of the text: its raw UTF-16 span (tags excluded). */
interface Unit {
  start: number;
  end: number;
  cp: number;
}

/** A place the text may be cut: raw offset and how many visible units precede it. */
interface Candidate {
  cut: number;
  position: number;
}

interface Span {
  start: number;
  end: number;
}

function tagSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (text.indexOf('<') === -1 && text.indexOf('{') === -1) return spans;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m !== null; m = TAG.exec(text))
    spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Visible code points of `text` in order, skipping tags. */
function visibleUnits(text: string): Unit[] {
  const spans = tagSpans(text);
  const units: Unit[] = [];
  let span = 0;
  for (let i = 0; i < text.length; ) {
    const tag = spans[span];
    if (tag !== undefined && i === tag.start) {
      i = tag.end;
      span++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const end = i + (cp > 0xffff ? 2 : 1);
    units.push({ start: i, end, cp });
    i = end;
  }
  return units;
}

const LF = 0x0a;

function isSpace(cp: number): boolean {
  return cp <= 0x20 || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f;
}

/** Han, kana, CJK punctuation and fullwidth forms: scripts written without spaces, so any character boundary is a word boundary. */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/** Punctuation that must not start a line (`，` `。` `!`), so a cut never goes right before it. */
const NO_LINE_START = new Set(
  [...'，。、！？；：）」』】》〉’”…・·～,.!?;:)]}%！％），．：；？］｝'].map((c) => c.codePointAt(0)),
);
/** Opening brackets and quotes that must not end a line. */
const NO_LINE_END = new Set([...'（「『【《〈‘“([{（［｛'].map((c) => c.codePointAt(0)));

/** Combining marks, joiners and variation selectors belong to the previous character. */
function attachesToPrevious(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x200d
  );
}

function canBreakBetween(before: Unit, after: Unit): boolean {
  if (attachesToPrevious(after.cp) || before.cp === 0x200d) return false;
  return !NO_LINE_START.has(after.cp) && !NO_LINE_END.has(before.cp);
}

/** Line breaks with visible text on both sides; position counts visible units, line breaks excluded. */
function lineCandidates(units: readonly Unit[]): { candidates: Candidate[]; total: number } {
  const candidates: Candidate[] = [];
  let counted = 0;
  let seenText = false;
  let pending: Candidate | null = null;
  for (const unit of units) {
    if (unit.cp === LF) {
      if (seenText && pending === null) pending = { cut: unit.start, position: counted };
      continue;
    }
    if (!isSpace(unit.cp)) {
      if (pending !== null) candidates.push(pending);
      pending = null;
      seenText = true;
    }
    counted++;
  }
  return { candidates, total: counted };
}

/** Word boundaries (whitespace runs), else CJK character boundaries, else any character boundary. */
function wordCandidates(units: readonly Unit[]): Candidate[] {
  const spaces: Candidate[] = [];
  const cjk: Candidate[] = [];
  const chars: Candidate[] = [];
  let lastText = -1;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    if (isSpace(unit.cp)) continue;
    if (lastText >= 0) {
      const previous = units[lastText] as Unit;
      if (lastText < i - 1) {
        // A whitespace run; it counts at its middle: `ab cd` cuts at 2.5.
        spaces.push({ cut: (units[lastText + 1] as Unit).start, position: (lastText + 1 + i) / 2 });
      } else if (canBreakBetween(previous, unit)) {
        const candidate = { cut: unit.start, position: i };
        if (isCjk(previous.cp) || isCjk(unit.cp)) cjk.push(candidate);
        else chars.push(candidate);
      }
    }
    lastText = i;
  }
  // Mixed text (`我们 OK 的`) may cut at spaces and between Han characters alike.
  const words = spaces.concat(cjk).sort((a, b) => a.position - b.position);
  return words.length > 0 ? words : chars;
}

function nearest(candidates: readonly Candidate[], target: number): Candidate {
  let best = candidates[0] as Candidate;
  for (const candidate of candidates) {
    if (Math.abs(candidate.position - target) < Math.abs(best.position - target)) best = candidate;
  }
  return best;
}

/**
 * Splits text so the first part holds about `ratio` (0..1) of its visible characters. Several
 * lines split between lines (`'Hello\nworld'` gives `['Hello', 'world']`); one line splits at the
 * nearest word boundary, or between characters for CJK (`'你好世界'` at 0.5 gives `['你好', '世界']`).
 * Tags stay balanced: `'<i>one two</i>'` gives `['<i>one</i>', '<i>two</i>']`.
 */
export function splitTextByRatio(text: string, ratio: number): [string, string] {
  const units = visibleUnits(text);
  const share = Math.min(1, Math.max(0, Number.isFinite(ratio) ? ratio : 0.5));
  const lines = lineCandidates(units);
  if (lines.candidates.length > 0) return cutText(text, nearest(lines.candidates, share * lines.total).cut);
  const words = wordCandidates(units);
  if (words.length > 0) return cutText(text, nearest(words, share * units.length).cut);
  // One word that cannot be cut (`a`, `😀`): it goes with the larger share of the time.
  return share < 0.5 ? ['', cleanPart(text)] : [cleanPart(text), ''];
}

/**
 * Splits text at a raw UTF-16 offset (a caret position). An offset inside a tag moves to the tag's
 * start, one inside a surrogate pair to the pair's start; the whitespace at the cut is dropped.
 */
export function splitTextAtOffset(text: string, offset: number): [string, string] {
  return cutText(text, snapOffset(text, offset));
}

function snapOffset(text: string, offset: number): number {
  let cut = Math.min(text.length, Math.max(0, Math.round(offset)));
  for (const span of tagSpans(text)) if (span.start < cut && cut < span.end) cut = span.start;
  const code = text.charCodeAt(cut);
  if (cut > 0 && code >= 0xdc00 && code <= 0xdfff) cut--;
  return cut;
}

/**
 * Cuts at `cut` and tidies both parts: whitespace at the cut is dropped, a tag that opens right
 * before the cut moves to the second part and one that closes right after it to the first, and
 * tags still open at the cut are closed in the first part and reopened in the second. ASS
 * overrides at the very start (`{\an8}`, position) apply to both parts.
 */
function cutText(text: string, cut: number): [string, string] {
  let left = text.slice(0, cut);
  let right = text.slice(cut);
  for (let moved = true; moved; ) {
    moved = false;
    left = left.trimEnd();
    right = right.trimStart();
    const opening = OPENING_TAG_AT_END.exec(left);
    if (opening && !isLeadingOverride(left, opening.index)) {
      right = opening[0] + right;
      left = left.slice(0, opening.index);
      moved = true;
    }
    const closing = CLOSING_TAG_AT_START.exec(right);
    if (closing) {
      left += closing[0];
      right = right.slice(closing[0].length);
      moved = true;
    }
  }
  const [closedLeft, reopenedRight] = balanceTags(left, right);
  return [cleanPart(closedLeft), cleanPart(reopenedRight)];
}

/** Whether the tag at `index` is preceded only by other tags (`{\an8}<i>` at the start of the text). */
function isLeadingOverride(text: string, index: number): boolean {
  return text.charAt(index) === '{' && text.slice(0, index).replace(TAG, '').trim() === '';
}

function balanceTags(left: string, right: string): [string, string] {
  const open: Array<{ name: string; tag: string }> = [];
  const leading: string[] = [];
  let sawText = false;
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(left); m !== null; m = TAG.exec(left)) {
    if (left.slice(last, m.index).trim() !== '') sawText = true;
    last = m.index + m[0].length;
    const tag = m[0];
    if (tag.startsWith('{')) {
      if (!sawText) leading.push(tag);
      continue;
    }
    const [, slash, name] = HTML_TAG.exec(tag) as RegExpExecArray;
    const lower = (name as string).toLowerCase();
    if (slash === '') open.push({ name: lower, tag });
    else {
      const at = open.map((o) => o.name).lastIndexOf(lower);
      if (at >= 0) open.splice(at, 1);
    }
  }
  const closers = open
    .map((o) => `</${o.name}>`)
    .reverse()
    .join('');
  const reopeners = open.map((o) => o.tag).join('');
  const carried = right.startsWith(leading.join('')) ? '' : leading.join('');
  return [left + closers, carried + reopeners + right];
}

/** A part with no visible text (only tags or spaces) becomes empty. */
function cleanPart(text: string): string {
  return text.replace(TAG, '').trim() === '' ? '' : text;
}

/** Whether `text` cut at `offset` leaves visible text on both sides. */
export function canSplitTextAt(text: string, offset: number): boolean {
  if (!Number.isFinite(offset)) return false;
  const [left, right] = splitTextAtOffset(text, offset);
  return left !== '' && right !== '';
}
