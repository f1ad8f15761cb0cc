/**
 * A text as one change to an earlier text: the span that differs between them (common start and end kept), so a save
 * can carry a few bytes instead of the whole document when main already holds the text it last read or wrote.
 * `applyTextChange(base, textChange(base, text))` is `text`, code unit for code unit.
 */

/** `deleteCount` code units at `at` of the base become `insert`; `length` is the length of the result. */
export interface TextChange {
  at: number;
  deleteCount: number;
  insert: string;
  length: number;
}

/** Compared in slices of this many code units first (native string compare), then unit by unit. */
const STEP = 4096;

/** Length of the common start of `a` and `b`. */
function commonStart(a: string, b: string, max: number): number {
  let i = 0;
  while (i + STEP <= max && a.slice(i, i + STEP) === b.slice(i, i + STEP)) i += STEP;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of `a` and `b`, at most `max`. */
function commonEnd(a: string, b: string, max: number): number {
  let n = 0;
  while (n + STEP <= max && a.slice(a.length - n - STEP, a.length - n) === b.slice(b.length - n - STEP, b.length - n))
    n += STEP;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The change that turns `base` into `text`. */
export function textChange(base: string, text: string): TextChange {
  const at = commonStart(base, text, Math.min(base.length, text.length));
  const end = commonEnd(base, text, Math.min(base.length, text.length) - at);
  return { at, deleteCount: base.length - at - end, insert: text.slice(at, text.length - end), length: text.length };
}

/** `base` with `change` applied, or null when the change does not fit `base` (not the text it was made against). */
export function applyTextChange(base: string, change: TextChange): string | null {
  const { at, deleteCount, insert, length } = change;
  if (at < 0 || deleteCount < 0 || at + deleteCount > base.length) return null;
  if (base.length - deleteCount + insert.length !== length) return null;
  return base.slice(0, at) + insert + base.slice(at + deleteCount);
}
