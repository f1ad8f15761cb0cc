/**
 * Pieces every non-SRT codec shares: raw lines with their endings, the read result with its diagnostics, and a
 * writer that puts unedited cues back from their source text (byte for byte) and edited ones in canonical form.
 */

import { type Cue, type LineEnding, SubtitleDoc } from '../document';
import type { CoreMessage } from '../messages';
import type { ReadProblem, ReadProblemCode } from '../problems';
import { dominantEol, endsWithLineBreak, type LineTable, scanLines } from '../text-lines';
import type { SubtitleFormat } from './detect';

/** A read document, what was wrong with its text, and its format. */
export interface FormatReadResult {
  doc: SubtitleDoc;
  problems: ReadProblem[];
  format: SubtitleFormat;
}

/** The lines of a text, each with its content and its raw extent including the line ending. */
export class RawLines {
  readonly table: LineTable;
  constructor(readonly text: string) {
    this.table = scanLines(text);
  }
  get count(): number {
    return this.table.count;
  }
  /** Content of line `i` (0-based), without its ending. */
  content(i: number): string {
    return this.text.slice(this.table.starts[i], this.table.contentEnds[i]);
  }
  /** Offset where line `i` starts (`count` gives the text length). */
  start(i: number): number {
    return this.table.starts[i] as number;
  }
  /** Raw text of lines `from` (inclusive) to `to` (exclusive), with their endings. */
  raw(from: number, to: number): string {
    return this.text.slice(this.start(from), this.start(to));
  }
  isBlank(i: number): boolean {
    return this.content(i).trim() === '';
  }
  get eol(): LineEnding {
    return dominantEol(this.table);
  }
  get finalNewline(): boolean {
    return endsWithLineBreak(this.text);
  }
}

/** Collects diagnostics in line order. */
export class Diagnostics {
  readonly problems: ReadProblem[] = [];
  add(code: ReadProblemCode, line: number, cueId: number | null, message: CoreMessage): void {
    this.problems.push({ code, line, cueId, message });
  }
}

/** A cue read from the file: its raw text is its source, so an unedited cue is written back as read. */
export function sourcedCue(
  id: number,
  fields: { startMs: number; endMs: number; text: string; settings: string },
  indexLine: string | null,
  body: string,
  line: number,
): Cue {
  return {
    id,
    startMs: fields.startMs,
    endMs: fields.endMs,
    text: fields.text,
    settings: fields.settings,
    source: { indexLine, index: null, body },
    trailer: '',
    line,
  };
}

/** A document of `format` from read cues; cues get their trailers from `trailers` (same order). */
export function makeDoc(
  format: SubtitleFormat,
  cues: Cue[],
  lines: RawLines,
  leading: string,
  info: SubtitleDoc['formatInfo'] = {},
): SubtitleDoc {
  const doc = new SubtitleDoc(cues, { eol: lines.eol, finalNewline: lines.finalNewline || lines.count === 0 }, leading);
  doc.sourceFormat = format;
  doc.formatInfo = info;
  return doc;
}

function endsWithBreak(text: string): boolean {
  return text === '' || endsWithLineBreak(text);
}

/** Whether `text` ends with a blank line (an empty or whitespace-only line followed by a break), or is empty. */
function endsWithBlankLine(text: string): boolean {
  if (text === '') return true;
  if (!endsWithLineBreak(text)) return false;
  const withoutBreak = text.replace(/(\r\n|\r|\n)$/, '');
  if (withoutBreak === '') return true;
  const lastBreak = Math.max(withoutBreak.lastIndexOf('\n'), withoutBreak.lastIndexOf('\r'));
  return withoutBreak.slice(lastBreak + 1).trim() === '';
}

const TAIL_CHARS = 64;

export interface StreamShape {
  /** Cues are blocks separated by a blank line (WebVTT, SBV); otherwise one line each (ASS, MicroDVD). */
  blocks: boolean;
  /** The cue's canonical text without a final line ending (timing line and text lines for blocks). */
  body(cue: Cue, eol: LineEnding): string;
  /** The identifier line (with ending) an edited or new cue is written with; '' for none. */
  idLine?(cue: Cue, eol: LineEnding): string;
  /** Raw text written after the last cue (ASS sections after [Events]). */
  epilogue?: string;
  /** Text written before the first cue instead of `doc.leading` (a header the document lacks). */
  leading?: string;
}

/**
 * Writes leading text, cues and trailers. Unedited cues are their source text; an edited or new cue is its
 * canonical body; a blank line is added only between cues that were not neighbours as read, so an unedited
 * document comes back byte for byte.
 */
export function writeCueStream(doc: SubtitleDoc, shape: StreamShape): string {
  const { cues, format } = doc;
  const eol = format.eol;
  const leading = shape.leading ?? doc.leading;
  const out: string[] = [leading];
  // The end of the output so far: enough to tell whether it ends with a line break or a blank line.
  let tail = leading.slice(-TAIL_CHARS);
  const push = (piece: string) => {
    if (piece === '') return;
    out.push(piece);
    tail = piece.length >= TAIL_CHARS ? piece.slice(-TAIL_CHARS) : (tail + piece).slice(-TAIL_CHARS);
  };
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as Cue;
    const previous = i > 0 ? (cues[i - 1] as Cue) : undefined;
    const isLast = i === cues.length - 1;
    if (!endsWithBreak(tail)) push(eol);
    const asRead = cue.source !== undefined && (previous === undefined || previous.source !== undefined);
    if (shape.blocks && (!asRead || doc.renumbered) && !endsWithBlankLine(tail)) push(eol);
    if (cue.source) {
      push(cue.source.indexLine ?? '');
      push(cue.source.body);
    } else {
      push(cue.origin?.indexLine ?? shape.idLine?.(cue, eol) ?? '');
      push(shape.body(cue, eol));
      if (!(isLast && cue.trailer === '' && !format.finalNewline && (shape.epilogue ?? '') === '')) push(eol);
    }
    push(cue.trailer);
  }
  if (shape.epilogue !== undefined && shape.epilogue !== '') {
    if (!endsWithBreak(tail)) push(eol);
    push(shape.epilogue);
  } else if (format.finalNewline && !endsWithBreak(tail)) push(eol);
  return out.join('');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `HH:MM:SS.mmm` (WebVTT, at least two hour digits) or `H:MM:SS.mmm` (SBV). Negative times are written as 0. */
export function formatDotTime(ms: number, hourDigits: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours, hourDigits)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(total % 1000, 3)}`;
}

/** Cue text as lines, without blank lines (a blank line would end a block); '' when nothing is left. */
export function nonBlankLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}
