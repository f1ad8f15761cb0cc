/** Line splitting by char-code scan: where every line starts and ends, for LF, CRLF and lone CR (mixed too). */

import type { LineEnding } from './document';

const LF = 10;
const CR = 13;

/** Offsets of every line of a text; line i is `text.slice(starts[i], contentEnds[i])`, its ending runs to `starts[i + 1]`. */
export interface LineTable {
  /** Number of lines; a final line break does not open an empty last line (`'a\n'` has 1 line, `''` has 0). */
  readonly count: number;
  /** Start offset of each line, plus a sentinel `starts[count] = text.length`. */
  readonly starts: Int32Array;
  /** Offset just past each line's content, before its line ending. */
  readonly contentEnds: Int32Array;
  /** How many lines end with LF, CRLF and lone CR. */
  readonly lf: number;
  readonly crlf: number;
  readonly cr: number;
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Splits `text` into lines without copying it. */
export function scanLines(text: string): LineTable {
  const length = text.length;
  let starts = new Int32Array(Math.max(16, (length >> 5) + 2));
  let contentEnds = new Int32Array(starts.length);
  let count = 0;
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let lineStart = 0;
  const hasCr = text.indexOf('\r') !== -1;
  let pos = 0;
  while (pos < length) {
    // indexOf is native and much faster than a JS loop; the CR-aware scan runs only when a CR exists.
    let breakAt: number;
    let breakLength = 1;
    if (!hasCr) {
      breakAt = text.indexOf('\n', pos);
      if (breakAt === -1) break;
      lf++;
    } else {
      breakAt = pos;
      let code = 0;
      while (breakAt < length) {
        code = text.charCodeAt(breakAt);
        if (code === LF || code === CR) break;
        breakAt++;
      }
      if (breakAt >= length) break;
      if (code === CR && text.charCodeAt(breakAt + 1) === LF) {
        breakLength = 2;
        crlf++;
      } else if (code === CR) cr++;
      else lf++;
    }
    if (count + 2 > starts.length) {
      starts = grow(starts);
      contentEnds = grow(contentEnds);
    }
    starts[count] = lineStart;
    contentEnds[count] = breakAt;
    count++;
    pos = breakAt + breakLength;
    lineStart = pos;
  }
  if (lineStart < length) {
    if (count + 2 > starts.length) {
      starts = grow(starts);
      contentEnds = grow(contentEnds);
    }
    starts[count] = lineStart;
    contentEnds[count] = length;
    count++;
  }
  starts[count] = length;
  return { count, starts, contentEnds, lf, crlf, cr };
}

/** The most frequent line ending of a scanned text; LF when there are none (ties prefer CRLF, then LF). */
export function dominantEol(lines: Pick<LineTable, 'lf' | 'crlf' | 'cr'>): LineEnding {
  if (lines.crlf >= lines.lf && lines.crlf >= lines.cr && lines.crlf > 0) return '\r\n';
  if (lines.cr > lines.lf) return '\r';
  return '\n';
}

/** Whether a UTF-16 code unit is whitespace, exactly as `String.prototype.trim` sees it (tab, space, NBSP, U+3000, BOM...). */
export function isSpaceCode(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether `text.slice(start, end)` is empty or whitespace only (e.g. `'  \t'`, which counts as a blank separator). */
export function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a string ends with a line break (LF or CR). */
export function endsWithLineBreak(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === LF || last === CR;
}

/** The line ending that terminates the first line of `text`, or null when it has none. */
export function firstLineEnding(text: string): LineEnding | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) return '\n';
    if (code === CR) return text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
  }
  return null;
}

/** Splits text on any line ending (LF, CRLF, CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
