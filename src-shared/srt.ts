/** SRT codec: a tolerant, lossless reader (damage is reported, never dropped) and a writer that round-trips unedited text byte for byte. */

import { type Cue, type CueOrigin, type CueSource, type LineEnding, SubtitleDoc } from './document';
import { type CoreList, type CoreMessage, list, msg } from './messages';
import type { ReadProblem, ReadProblemCode } from './problems';
import {
  dominantEol,
  endsWithLineBreak,
  firstLineEnding,
  isBlankRange,
  isSpaceCode,
  type LineTable,
  scanLines,
  splitLines,
} from './text-lines';
import { formatSrtTime, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from './time';

/** A read document and what was wrong with the text it came from. */
export interface ReadResult {
  doc: SubtitleDoc;
  problems: ReadProblem[];
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const COMMA = 44;
const DOT = 46;
const DASH = 45;
const GREATER = 62;
const LF = 10;
const CR = 13;
/** More digits than this in one field is not a time (keeps values exact and bounded). */
const MAX_FIELD_DIGITS = 9;

// Local aliases, read once: hot loops then call the functions directly instead of going through an
// imported binding's accessor on every call (which costs measurably when the module is transpiled to CJS).
const isSpace = isSpaceCode;
const isBlank = isBlankRange;
const endsWithBreak = endsWithLineBreak;
const HOUR_MS = MS_PER_HOUR;
const MINUTE_MS = MS_PER_MINUTE;
const SECOND_MS = MS_PER_SECOND;

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

// Scratch results of the scanners below, reused so a timing line costs no allocation when it is standard.
let digitsValue = 0;
let timeMs = 0;
let timeEnd = 0;
let timeMalformed: CoreMessage[] | null = null;
let timeInvalid: CoreMessage[] | null = null;
/** Set when a time of the line being parsed was negative (read as 0): rewriting the line would lose it. */
let timeNegative = false;

/** Reads a run of up to MAX_FIELD_DIGITS + 1 digits at `pos` into `digitsValue`; returns how many were read. */
function readDigits(text: string, pos: number, end: number): number {
  let value = 0;
  let p = pos;
  while (p < end && p - pos <= MAX_FIELD_DIGITS) {
    const code = text.charCodeAt(p);
    if (code < DIGIT_0 || code > DIGIT_9) break;
    value = value * 10 + (code - DIGIT_0);
    p++;
  }
  digitsValue = value;
  return p - pos;
}

function note(notes: CoreMessage[] | null, key: string, values?: Record<string, string | number>): CoreMessage[] {
  const message = msg(`validation:read.note.${key}`, values);
  if (notes === null) return [message];
  notes.push(message);
  return notes;
}

/** Whether a `:` at `p` continues the timecode with another digit field. */
function colonThenDigit(text: string, p: number, end: number): boolean {
  return p + 1 < end && text.charCodeAt(p) === COLON && isDigit(text.charCodeAt(p + 1));
}

/**
 * Reads a timecode starting at `pos` into the scratch variables, leniently: `HH:MM:SS,mmm` is
 * standard; also accepted (as malformed) are `.` or `:` before the milliseconds (`00:07:30.600`), 1-digit
 * hours (`1:00:16,866` = 1 h), fields missing leading zeros (`0:0:5,7` = 5.007 s: the digits are the
 * value, as most parsers read them; but `00:00:05,7` = 5.700 s, a cut fraction), no hours (`05:30,000`),
 * no milliseconds (`00:00:05`) and more than 3 millisecond digits (`00:00:05,1234`, read as a fraction).
 * Hours may have any number of digits (`108:19:52,600`). Minutes or seconds of 60+ carry over
 * (`00:05:60,433` = 00:06:00,433) and are reported as invalid, as is `,1000` milliseconds (a rounding
 * overflow: one whole second).
 * Returns false when there is no timecode at `pos`.
 */
function readTime(text: string, pos: number, end: number): boolean {
  let p = pos;
  const width0 = readDigits(text, p, end);
  if (width0 === 0 || width0 > MAX_FIELD_DIGITS) return false;
  const field0 = digitsValue;
  p += width0;
  if (!colonThenDigit(text, p, end)) return false;
  p++;
  const width1 = readDigits(text, p, end);
  if (width1 > MAX_FIELD_DIGITS) return false;
  const field1 = digitsValue;
  p += width1;
  let groups = 2;
  let width2 = 0;
  let field2 = 0;
  if (colonThenDigit(text, p, end)) {
    p++;
    width2 = readDigits(text, p, end);
    if (width2 > MAX_FIELD_DIGITS) return false;
    field2 = digitsValue;
    p += width2;
    groups = 3;
  }
  let malformed: CoreMessage[] | null = null;
  let invalid: CoreMessage[] | null = null;
  let millis = 0;
  let millisDigits = 3;
  const separator = p < end ? text.charCodeAt(p) : 0;
  const colonMillis = separator === COLON && groups === 3;
  if ((separator === COMMA || separator === DOT || colonMillis) && p + 1 < end && isDigit(text.charCodeAt(p + 1))) {
    if (separator !== COMMA) malformed = note(malformed, 'separator', { char: text[p] as string });
    const digits = readDigits(text, p + 1, end);
    if (digits > MAX_FIELD_DIGITS) return false;
    millis = digitsValue;
    millisDigits = digits;
    // `,1000` is the classic rounding overflow (999.6 ms rounded up, printed with %03d): a whole second,
    // carried over like `00:05:60`; other long fields are decimal fractions (`,2506` = 250.6 ms).
    if (digits === 4 && millis === SECOND_MS) invalid = note(invalid, 'millisecondsOverflow');
    else if (digits > 3) millis = Math.round((millis / 10 ** digits) * SECOND_MS);
    if (digits !== 3) malformed = note(malformed, 'millisecondDigits', { digits });
    p += 1 + digits;
  } else if (groups === 3) {
    malformed = note(malformed, 'noMilliseconds');
  } else {
    // `12:30` alone is too ambiguous (MM:SS or HH:MM) to be a timecode.
    return false;
  }
  let hours = 0;
  let minutes = field0;
  let seconds = field1;
  let minuteWidth = width0;
  let secondWidth = width1;
  if (groups === 3) {
    hours = field0;
    minutes = field1;
    seconds = field2;
    minuteWidth = width1;
    secondWidth = width2;
    if (width0 < 2) malformed = note(malformed, 'hourDigits', { digits: width0 });
  } else malformed = note(malformed, 'noHours');
  if (minuteWidth !== 2) malformed = note(malformed, 'minuteDigits', { digits: minuteWidth });
  if (secondWidth !== 2) malformed = note(malformed, 'secondDigits', { digits: secondWidth });
  // Short milliseconds in an otherwise padded timecode were cut, not left unpadded: `00:07:30,6` is
  // 30.600 s (as `parseTime` reads it). With unpadded fields (`0:0:5,7`) the digits are the value.
  if (millisDigits < 3 && groups === 3 && width0 >= 2 && width1 === 2 && width2 === 2)
    millis *= millisDigits === 1 ? 100 : 10;
  if (minutes > 59) invalid = note(invalid, 'minutesOutOfRange', { value: minutes });
  if (seconds > 59) invalid = note(invalid, 'secondsOutOfRange', { value: seconds });
  timeMs = hours * HOUR_MS + minutes * MINUTE_MS + seconds * SECOND_MS + millis;
  timeEnd = p;
  timeMalformed = malformed;
  timeInvalid = invalid;
  return true;
}

/**
 * Marks the time just read as negative (`-00:00:01,000`, written by tools that shift past zero): SRT has no
 * negative times, so it is read as 00:00:00,000 and reported as out of range rather than losing the cue.
 */
function negativeTime(): void {
  if (timeMs === 0) return;
  timeInvalid = note(timeInvalid, 'negativeTime', { time: formatSrtTime(timeMs) });
  timeMs = 0;
  timeNegative = true;
}

/** A parsed timing line; one instance is reused (see `timing`), the reader copies what it keeps. */
interface Timing {
  startMs: number;
  endMs: number;
  settings: string;
  malformed: CoreList | null;
  invalid: CoreList | null;
  /** A time was negative and is held as 0: only the text as read still has it. */
  negative: boolean;
}

const timing: Timing = { startMs: 0, endMs: 0, settings: '', malformed: null, invalid: null, negative: false };

function skipSpaces(text: string, pos: number, end: number): number {
  let p = pos;
  while (p < end && isSpace(text.charCodeAt(p))) p++;
  return p;
}

/** "start time: 1-digit hours, 2-digit seconds; read as 01:00:05,000" (`which`: start or end). */
function describeTime(which: 'start' | 'end', ms: number, notes: CoreMessage[] | null): CoreMessage | null {
  if (notes === null) return null;
  return msg(`validation:read.${which}Time`, { notes: list('validation:list.comma', notes), time: formatSrtTime(ms) });
}

/** The notes that are there, joined with semicolons; null when none is. */
function joinNotes(...notes: (CoreMessage | null)[]): CoreList | null {
  const items = notes.filter((n): n is CoreMessage => n !== null);
  return items.length === 0 ? null : list('validation:list.semicolon', items);
}

/**
 * Parses `text.slice(start, end)` as a timing line into `timing`; returns false when it is not one.
 * Lenient: surrounding whitespace (`00:34:20,200 --> 00:34:22,466  \t`), no spaces around the arrow
 * (`00:37:06,600-->00:37:07,166`), anything after the end time kept as settings
 * (`... --> 00:00:02,000 X1:100 X2:200 Y1:10 Y2:20`). An arrow of other length (`->`, `--->`) is malformed.
 */
function parseTimingLine(text: string, start: number, end: number): boolean {
  timeNegative = false;
  let p = skipSpaces(text, start, end);
  if (p >= end) return false;
  let negative = text.charCodeAt(p) === DASH;
  if (negative) p++;
  if (p >= end || !isDigit(text.charCodeAt(p))) return false;
  if (!readTime(text, p, end)) return false;
  if (negative) negativeTime();
  const startMs = timeMs;
  const startMalformed = timeMalformed;
  const startInvalid = timeInvalid;
  p = skipSpaces(text, timeEnd, end);
  let dashes = 0;
  while (p < end && text.charCodeAt(p) === DASH) {
    dashes++;
    p++;
  }
  if (dashes === 0 || p >= end || text.charCodeAt(p) !== GREATER) return false;
  p = skipSpaces(text, p + 1, end);
  negative = p < end && text.charCodeAt(p) === DASH;
  if (negative) p++;
  if (p >= end || !isDigit(text.charCodeAt(p))) return false;
  if (!readTime(text, p, end)) return false;
  if (negative) negativeTime();
  const settingsStart = skipSpaces(text, timeEnd, end);
  let settingsEnd = end;
  while (settingsEnd > settingsStart && isSpace(text.charCodeAt(settingsEnd - 1))) settingsEnd--;
  timing.startMs = startMs;
  timing.endMs = timeMs;
  timing.settings = settingsStart < settingsEnd ? text.slice(settingsStart, settingsEnd) : '';
  timing.malformed = null;
  timing.invalid = null;
  timing.negative = timeNegative;
  if (startMalformed !== null || timeMalformed !== null || dashes !== 2) {
    const arrow = dashes === 2 ? null : msg('validation:read.arrow', { count: dashes });
    timing.malformed = joinNotes(
      describeTime('start', startMs, startMalformed),
      describeTime('end', timeMs, timeMalformed),
      arrow,
    );
  }
  if (startInvalid !== null || timeInvalid !== null) {
    timing.invalid = joinNotes(describeTime('start', startMs, startInvalid), describeTime('end', timeMs, timeInvalid));
  }
  return true;
}

/** Reads `text.slice(start, end)` as an index line: digits only (surrounding whitespace allowed). Returns the number or -1. */
function parseIndexLine(text: string, start: number, end: number): number {
  const from = skipSpaces(text, start, end);
  let to = end;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (from === to || to - from > 15) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

const LINE_BREAKS = /\r\n?/g;

/**
 * Reader state for one text. The cue being read is kept as line positions in plain fields and
 * turned into a Cue once the next cue (or the end of the text) fixes where its trailer stops.
 */
class SrtReader {
  readonly cues: Cue[] = [];
  readonly problems: ReadProblem[] = [];
  leading = '';
  private readonly hasCr: boolean;
  private readonly starts: Int32Array;
  private readonly contentEnds: Int32Array;
  /** Whether a cue is open; the fields below describe it (line numbers are 0-based, -1 = none). */
  private open = false;
  private indexLine = -1;
  private index: number | null = null;
  private timingLine = -1;
  private startMs = 0;
  private endMs = 0;
  private settings = '';
  private firstText = -1;
  private lastText = -1;
  /** Whether the open cue's text has a blank line inside (text after a blank line that starts no cue). */
  private blankInText = false;
  /** Index of the previous cue (as read, or its position when it had none), for sequence checks. */
  private previousIndex: number | null = null;

  constructor(
    private readonly text: string,
    private readonly lines: LineTable,
  ) {
    this.hasCr = lines.cr + lines.crlf > 0;
    this.starts = lines.starts;
    this.contentEnds = lines.contentEnds;
  }

  private report(code: ReadProblemCode, line0: number, cueId: number | null, message: CoreMessage): void {
    this.problems.push({ code, line: line0 + 1, cueId, message });
  }

  /**
   * Opens a cue at `firstLine` (its index line, or its timing line when it has none) from the parsed
   * `timing`; `afterText` means the line before it is not blank (the separator is missing).
   */
  private startCue(firstLine: number, indexLine: number, timingLine: number, afterText: boolean): void {
    const { starts } = this;
    if (this.open) this.close(starts[firstLine] as number);
    else this.leading = this.text.slice(0, starts[firstLine]);
    const id = this.cues.length + 1;
    const index =
      indexLine >= 0
        ? parseIndexLine(this.text, starts[indexLine] as number, this.contentEnds[indexLine] as number)
        : -1;
    this.open = true;
    this.indexLine = indexLine;
    this.index = index >= 0 ? index : null;
    this.timingLine = timingLine;
    this.startMs = timing.startMs;
    this.endMs = timing.endMs;
    this.settings = timing.settings;
    this.firstText = -1;
    this.lastText = -1;
    this.blankInText = false;
    if (afterText)
      this.report('missing-blank-line', firstLine, id, msg('validation:read.missingBlankLine', { cue: id }));
    this.checkIndex(id, this.index, indexLine >= 0 ? indexLine : timingLine);
    if (timing.invalid !== null) {
      const message = msg('validation:read.invalidTimestamp', { notes: timing.invalid });
      if (timing.negative)
        this.problems.push({
          code: 'invalid-timestamp',
          line: timingLine + 1,
          cueId: id,
          message,
          timeLostByRewrite: true,
        });
      else this.report('invalid-timestamp', timingLine, id, message);
    }
    if (timing.malformed !== null)
      this.report(
        'malformed-timestamp',
        timingLine,
        id,
        msg('validation:read.malformedTimestamp', { notes: timing.malformed }),
      );
  }

  /**
   * An index is in sequence when it equals the cue's position or the previous index + 1, so a file
   * numbered from 0 or with one gap gets one warning, not one per following cue.
   */
  private checkIndex(position: number, index: number | null, line0: number): void {
    const previous = this.previousIndex;
    this.previousIndex = index ?? position;
    if (index === null) {
      this.report('bad-index', line0, position, msg('validation:read.missingIndex', { expected: position }));
      return;
    }
    if (index === position || (previous !== null && index === previous + 1)) return;
    const message =
      index === previous
        ? msg('validation:read.repeatedIndex', { index })
        : msg('validation:read.indexOutOfSequence', { index, expected: position });
    this.report('bad-index', line0, position, message);
  }

  private addText(line0: number): void {
    if (this.firstText < 0) this.firstText = line0;
    this.lastText = line0;
  }

  private addOrphan(line0: number): void {
    const cueId = this.open ? this.cues.length + 1 : null;
    const text = this.preview(line0);
    const message =
      cueId === null
        ? msg('validation:read.orphanTextFirst', { text })
        : msg('validation:read.orphanText', { cue: cueId, text });
    this.report('orphan-text', line0, cueId, message);
  }

  /** Text after a blank line inside the open cue: it stays the cue's text, as other readers keep it. */
  private addTextAfterBlank(line0: number): void {
    const cueId = this.cues.length + 1;
    this.report(
      'text-after-blank-line',
      line0,
      cueId,
      msg('validation:read.textAfterBlankLine', { cue: cueId, text: this.preview(line0) }),
    );
    this.blankInText = true;
    this.addText(line0);
  }

  /** A cue number alone (no timing line after it), e.g. a cut-off last cue: kept as written in the trailer. */
  private addLoneIndex(line0: number): void {
    const cueId = this.open ? this.cues.length + 1 : null;
    const text = this.preview(line0).trim();
    const message =
      cueId === null
        ? msg('validation:read.loneIndexFirst', { text })
        : msg('validation:read.loneIndex', { cue: cueId, text });
    this.report('lone-index', line0, cueId, message);
  }

  private preview(line0: number): string {
    const start = this.starts[line0] as number;
    return this.text.slice(start, Math.min(this.contentEnds[line0] as number, start + 40));
  }

  /** Whether the line after `line0` is blank or the end of the text: `line0` is a run of one line. */
  private endsRun(line0: number): boolean {
    const next = line0 + 1;
    if (next >= this.lines.count) return true;
    return isBlank(this.text, this.starts[next] as number, this.contentEnds[next] as number);
  }

  /**
   * Whether `line0` is a run of one line: the next line is blank, the end of the text or the start of a cue. A
   * number alone there reads the same whatever follows it, so it stays a lone index when an edit changes its
   * neighbour (the next cue removed, or a blank line written before it).
   */
  private standsAlone(line0: number): boolean {
    return this.endsRun(line0) || this.startsCue(line0 + 1);
  }

  /** Whether a cue starts at `line0`: a timing line, or a digits-only line directly followed by one. */
  private startsCue(line0: number): boolean {
    return this.timingLineOfCueAt(line0) >= 0;
  }

  /** The timing line of a cue starting at `line0`, or -1 when none starts there. */
  private timingLineOfCueAt(line0: number): number {
    const { text, starts, contentEnds } = this;
    const count = this.lines.count;
    if (line0 >= count) return -1;
    const start = starts[line0] as number;
    const end = contentEnds[line0] as number;
    if (parseTimingLine(text, start, end)) return line0;
    // `2024` is text unless the next line is a timing line; then it is the next cue's number.
    const next = line0 + 1;
    if (
      next < count &&
      parseIndexLine(text, start, end) >= 0 &&
      parseTimingLine(text, starts[next] as number, contentEnds[next] as number)
    )
      return next;
    return -1;
  }

  /** Finishes the open cue; its trailer runs up to `nextStart` (the next cue's first line or the end of the text). */
  private close(nextStart: number): void {
    const { text, starts, contentEnds } = this;
    const bodyStart = starts[this.timingLine] as number;
    const bodyEnd = starts[(this.lastText >= 0 ? this.lastText : this.timingLine) + 1] as number;
    let cueText = '';
    if (this.firstText >= 0) {
      cueText = text.slice(starts[this.firstText], contentEnds[this.lastText]);
      if (this.hasCr && cueText.indexOf('\r') !== -1) cueText = cueText.replace(LINE_BREAKS, '\n');
      // The blank lines SRT cannot hold inside a cue are not text; the source keeps them for a verbatim write.
      if (this.blankInText)
        cueText = splitLines(cueText)
          .filter((line) => line.trim() !== '')
          .join('\n');
    }
    const source: CueSource = {
      indexLine: this.indexLine >= 0 ? text.slice(starts[this.indexLine], bodyStart) : null,
      index: this.index,
      body: text.slice(bodyStart, bodyEnd),
    };
    this.cues.push({
      id: this.cues.length + 1,
      startMs: this.startMs,
      endMs: this.endMs,
      text: cueText,
      settings: this.settings,
      source,
      trailer: bodyEnd === nextStart ? '' : text.slice(bodyEnd, nextStart),
      line: this.timingLine + 1,
    });
    this.open = false;
  }

  /**
   * One pass over the lines. A cue starts at a timing line, or at a digits-only line directly followed
   * by one. After the timing line, non-blank lines are the cue's text until a blank (or whitespace-only)
   * line. Text after that which starts no cue stays the cue's text, as other readers (Subtitle Edit, ffmpeg)
   * keep it, with a `text-after-blank-line` warning; so damage like
   *   `5\n00:00:09,000 --> 00:00:10,000\nfirst line\n\nstray second paragraph\n\n6\n...`
   * gives cue 5 the text `first line\nstray second paragraph`. A cue number alone on its lines (a cut-off cue)
   * is a `lone-index` warning, kept raw in the trailer; text before the first cue is `orphan-text`, kept in `leading`.
   */
  run(): void {
    const { text, starts, contentEnds } = this;
    const count = this.lines.count;
    let inBody = false;
    let previousBlank = true;
    let line = 0;
    while (line < count) {
      const start = starts[line] as number;
      const end = contentEnds[line] as number;
      if (isBlank(text, start, end)) {
        inBody = false;
        previousBlank = true;
        line++;
        continue;
      }
      const timingLine = this.timingLineOfCueAt(line);
      const indexLine = timingLine > line ? line : -1;
      if (timingLine >= 0) {
        this.startCue(line, indexLine, timingLine, !previousBlank);
        inBody = true;
        previousBlank = false;
        line = timingLine + 1;
        continue;
      }
      if (inBody) this.addText(line);
      else if (previousBlank && this.open && parseIndexLine(text, start, end) >= 0 && this.standsAlone(line))
        this.addLoneIndex(line);
      else if (previousBlank && this.open) {
        this.addTextAfterBlank(line);
        inBody = true;
      } else if (previousBlank) this.addOrphan(line);
      previousBlank = false;
      line++;
    }
    if (this.open) this.close(text.length);
    else this.leading = text;
  }
}

/** Reads SRT text (already decoded, BOM removed). Never throws: whatever cannot be placed in a cue is kept and reported. */
export function readSrt(text: string): ReadResult {
  const lines = scanLines(text);
  const reader = new SrtReader(text, lines);
  reader.run();
  const finalNewline = endsWithBreak(text);
  const doc = new SubtitleDoc(reader.cues, { eol: dominantEol(lines), finalNewline }, reader.leading);
  return { doc, problems: reader.problems };
}

/**
 * The canonical block for a cue numbered `index`: number, timing line, text lines, joined by `eol`,
 * with no line break after the last line. Blank lines inside the text are dropped because SRT cannot
 * express them (a blank line ends the cue): `'a\n\nb'` is written as the lines `a` and `b`.
 */
export function formatCueBlock(cue: Cue, index: number, eol: LineEnding): string {
  const out = new Output();
  out.addCueBlock(cue, index, eol);
  return out.text();
}

/** Whether every `\n`-separated line of `text` has a non-whitespace character (no line would read as a separator). */
function allLinesFilled(text: string): boolean {
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) {
      if (!filled) return false;
      filled = false;
    } else if (!filled && !isSpace(code)) filled = true;
  }
  return filled;
}

/** Cue text as SRT text lines joined by `eol`, without blank lines; '' when nothing is left. */
function textLines(text: string, eol: LineEnding): string {
  if (text === '') return '';
  // Fast path for the usual text: no CR and no blank line, so nothing to split.
  if (text.indexOf('\r') === -1 && allLinesFilled(text)) return eol === '\n' ? text : text.replaceAll('\n', eol);
  return splitLines(text)
    .filter((line) => line.trim() !== '')
    .join(eol);
}

/** Whether raw trailer text holds a blank (empty or whitespace-only) line, i.e. already separates two cues. */
function hasBlankLine(trailer: string): boolean {
  let lineStart = 0;
  for (let i = 0; i < trailer.length; i++) {
    const code = trailer.charCodeAt(i);
    if (code !== LF && code !== CR) continue;
    if (isBlank(trailer, lineStart, i)) return true;
    lineStart = code === CR && trailer.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    if (lineStart > i + 1) i++;
  }
  // A last line without a break (`'  '` at the end of a file) counts: the writer terminates it.
  return lineStart < trailer.length && isBlank(trailer, lineStart, trailer.length);
}

/**
 * Whether raw trailer text ends with a blank (empty or whitespace-only) line, i.e. already separates its cue,
 * or the orphan text after it, from the next cue. A last line without a break counts: the writer terminates it.
 */
function endsWithBlankLine(trailer: string): boolean {
  if (trailer === '') return false;
  let end = trailer.length;
  const last = trailer.charCodeAt(end - 1);
  if (last === LF) {
    end--;
    if (end > 0 && trailer.charCodeAt(end - 1) === CR) end--;
  } else if (last === CR) end--;
  let start = end;
  while (start > 0) {
    const code = trailer.charCodeAt(start - 1);
    if (code === LF || code === CR) break;
    start--;
  }
  return isBlank(trailer, start, end);
}

/**
 * The index line to write at 1-based `position` for a cue read from the file (unedited: `origin` is its source;
 * edited: its origin). Its own line stays until the document is renumbered, then the position, in the cue's line ending.
 */
function originalIndexLine(origin: CueOrigin, position: number, renumbered: boolean, eol: LineEnding): string {
  if (!renumbered) return origin.indexLine ?? '';
  if (origin.indexLine !== null && origin.index === position) return origin.indexLine;
  const body = 'body' in origin ? (origin as CueSource).body : '';
  const ending = (origin.indexLine !== null ? firstLineEnding(origin.indexLine) : firstLineEnding(body)) ?? eol;
  return `${position}${ending}`;
}

/** Whether the last line of a cue's text is a number alone (what an index line looks like). */
function endsWithNumberLine(text: string): boolean {
  const start = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  return parseIndexLine(text, start, text.length) >= 0;
}

/** Whether a cue was read from the file (edited since or not), so it keeps its index line and separators. */
function fromFile(cue: Cue): boolean {
  return cue.source !== undefined || cue.origin !== undefined;
}

/** Pieces joined into one flat chunk at a time: short-lived pieces die young instead of a rope of ~1M nodes surviving to the end. */
const PIECES_PER_CHUNK = 4096;

/**
 * Output being written. It tracks the last character so that a line break it adds can never merge
 * with a neighbour: a lone CR followed by an LF reads as one CRLF break, so `a\r` + `\n` would lose a line.
 */
class Output {
  private readonly chunks: string[] = [];
  private pieces: string[] = [];

  /** `lastCode`: the last character code written before this output (-1: none), which added line breaks must not merge with. */
  constructor(private lastCode = -1) {}

  get lastCharCode(): number {
    return this.lastCode;
  }

  add(piece: string): void {
    if (piece === '') return;
    this.pieces.push(piece);
    this.lastCode = piece.charCodeAt(piece.length - 1);
    if (this.pieces.length >= PIECES_PER_CHUNK) {
      this.chunks.push(this.pieces.join(''));
      this.pieces = [];
    }
  }

  /** Adds a cue's canonical block (see formatCueBlock) piece by piece, with no intermediate strings to build and drop. */
  addCueBlock(cue: Cue, index: number, eol: LineEnding): void {
    this.add(String(index));
    this.add(eol);
    this.addCueBody(cue, eol);
  }

  /** Adds a cue's timing line and text lines in canonical form, without an index line. */
  addCueBody(cue: Cue, eol: LineEnding): void {
    const settings = cue.settings.trim();
    this.add(formatSrtTime(cue.startMs));
    this.add(' --> ');
    this.add(formatSrtTime(cue.endMs));
    if (settings !== '') {
      this.add(' ');
      this.add(settings);
    }
    const lines = textLines(cue.text, eol);
    if (lines !== '') {
      this.add(eol);
      this.add(lines);
    }
  }

  /** The whole output as one string. */
  text(): string {
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
    return this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join('');
  }

  get atLineStart(): boolean {
    return this.lastCode === LF || this.lastCode === CR || this.lastCode === -1;
  }

  /** Removes one line break (LF, CRLF or CR) from the end of the output, if it ends with one. */
  dropFinalBreak(): void {
    if (this.pieces.length === 0 && this.chunks.length > 0) this.pieces.push(this.chunks.pop() as string);
    const last = this.pieces.pop();
    if (last === undefined) return;
    let cut = last.length;
    if (last.charCodeAt(cut - 1) === LF) cut--;
    if (last.charCodeAt(cut - 1) === CR && (cut === last.length || last.charCodeAt(cut) === LF)) cut--;
    const kept = last.slice(0, cut);
    if (kept !== '') this.pieces.push(kept);
    const tail = this.pieces.length > 0 ? (this.pieces[this.pieces.length - 1] as string) : (this.chunks.at(-1) ?? '');
    this.lastCode = tail === '' ? -1 : tail.charCodeAt(tail.length - 1);
  }

  /** Adds a line break in the style `eol`, adjusted when it would merge with the CR before it or the LF after it (`following`). */
  addBreak(eol: LineEnding, following: string): void {
    let lineBreak: string = eol;
    if (eol === '\n' && this.lastCode === CR) lineBreak = '\r';
    else if (eol === '\r' && following.charCodeAt(0) === LF) lineBreak = '\r\n';
    this.add(lineBreak);
  }
}

/**
 * A trailer without its trailing blank lines: what is left of the raw text after a cue that is now the last
 * one although it was not as read (its blank separators belonged between two cues, not at the end of the file).
 */
function withoutTrailingBlankLines(trailer: string): string {
  let end = trailer.length;
  let lineEnd = end;
  for (let i = end - 1; i >= 0; i--) {
    const code = trailer.charCodeAt(i);
    if (code === LF || code === CR) {
      lineEnd = i;
      continue;
    }
    if (isSpace(code)) continue;
    // The last non-blank line: keep it and its line break.
    end = lineEnd;
    if (trailer.charCodeAt(end) === CR) end++;
    if (trailer.charCodeAt(end) === LF) end++;
    return trailer.slice(0, end);
  }
  return '';
}

/**
 * Writes a document. Unedited cues are written from their source text, so reading and writing an
 * unedited document gives back the input byte for byte, damage included. Edited cues are written in
 * canonical form with the document's line ending. Where an edit, insertion or reordering puts two
 * cues together without a blank line between them (e.g. after a cue that ended the file without a
 * final newline), a separator is added.
 */
export function writeSrt(doc: SubtitleDoc): string {
  const { cues, format, renumbered } = doc;
  const eol = format.eol;
  const head = new Output();
  head.add(doc.leading);
  if (cues.length > 0 && !head.atLineStart) head.addBreak(eol, '');
  const parts = [head.text()];
  let lastCode = head.lastCharCode;
  const previous = lastWrites.get(doc);
  const context = `${eol}|${format.finalNewline}|${renumbered}`;
  const blocks: WrittenBlock[] = [];
  let offset = parts[0]?.length ?? 0;
  for (let from = 0; from < cues.length; from += BLOCK_CUES) {
    const to = Math.min(cues.length, from + BLOCK_CUES);
    const reused = previous?.context === context ? reusable(previous, cues, from, to, lastCode) : null;
    let text: string;
    let lastCodeOut: number;
    if (reused) {
      text = (previous as LastWrite).text.slice(reused.start, reused.end);
      lastCodeOut = reused.lastCodeOut;
    } else {
      const out = new Output(lastCode);
      for (let i = from; i < to; i++) writeCue(out, doc, i);
      text = out.text();
      lastCodeOut = out.lastCharCode;
    }
    parts.push(text);
    blocks.push({ start: offset, end: offset + text.length, lastCodeIn: lastCode, lastCodeOut });
    offset += text.length;
    lastCode = lastCodeOut;
  }
  const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
  lastWrites.set(doc, { context, text, cues: cues.slice(), blocks });
  return text;
}

/**
 * Cues written as one block. A Save after typing rewrites only the block of the edited cue: the other blocks are
 * the same cues at the same places as in the last write, so their text is taken from it (a 232,400-cue document
 * is then ~450 slices, not ~1M pieces).
 */
const BLOCK_CUES = 512;

interface WrittenBlock {
  start: number;
  end: number;
  /** The last character code before the block and at its end: a line break added at its start depends on it. */
  lastCodeIn: number;
  lastCodeOut: number;
}

interface LastWrite {
  /** Line ending, final newline and renumbering as written: any change rewrites everything. */
  context: string;
  text: string;
  /** The cues as written (cues are immutable: the same object is the same cue). */
  cues: Cue[];
  blocks: WrittenBlock[];
}

/** The last text written for each document, to reuse the blocks whose cues did not change. */
const lastWrites = new WeakMap<SubtitleDoc, LastWrite>();

/**
 * The block of `cues` from `from` to `to` in the last write, when writing it again gives the same text: the same cue
 * objects at the same positions (index numbers depend on them), the same cue after it (the separator written after
 * the block's last cue depends on it), the same ending of the document, and the same character before it.
 */
function reusable(last: LastWrite, cues: readonly Cue[], from: number, to: number, lastCodeIn: number) {
  const block = last.blocks[from / BLOCK_CUES];
  if (block === undefined || block.lastCodeIn !== lastCodeIn) return null;
  if ((to === cues.length) !== (to === last.cues.length) || cues[to] !== last.cues[to]) return null;
  for (let i = from; i < to; i++) if (cues[i] !== last.cues[i]) return null;
  return block;
}

/** Writes cue `i` of `doc` and the separator after it. */
function writeCue(out: Output, doc: SubtitleDoc, i: number): void {
  const { cues, format, renumbered } = doc;
  const eol = format.eol;
  const lastIndex = cues.length - 1;
  const cue = cues[i] as Cue;
  const isLast = i === lastIndex;
  const source = cue.source;
  // Once cues were moved, inserted or removed, the last one may have been a middle one: the file's own
  // ending (final newline or not) is used instead of the blank lines that separated it from its old neighbour.
  const trailer = isLast && renumbered ? withoutTrailingBlankLines(cue.trailer) : cue.trailer;
  if (source) {
    out.add(originalIndexLine(source, i + 1, renumbered, eol));
    out.add(source.body);
  } else {
    if (cue.origin) {
      out.add(originalIndexLine(cue.origin, i + 1, renumbered, eol));
      out.addCueBody(cue, eol);
    } else out.addCueBlock(cue, i + 1, eol);
    // The last cue of a file without a final newline ends right after its last text line.
    if (!(isLast && trailer === '' && !format.finalNewline)) out.addBreak(eol, trailer);
  }
  out.add(trailer);
  if (isLast) {
    if (format.finalNewline && !out.atLineStart) out.addBreak(eol, '');
    else if (!format.finalNewline && renumbered) out.dropFinalBreak();
    return;
  }
  const unterminated = !out.atLineStart;
  if (unterminated) out.addBreak(eol, '');
  // Cues that were not neighbours as read need a blank line between them; neighbours keep what they had,
  // edited or not (an edit rewrites a cue's timing and text lines, never the separators around it).
  // A cue that stays where it was keeps its separation as read (orphan text then a cue, say); one that now
  // meets another cue needs a blank line after whatever its trailer ends with.
  const moved = renumbered || unterminated;
  // A written text whose last line is a number, right before the next cue's timing line, would read as that
  // cue's index: a blank line keeps it text.
  const rejoined =
    moved || !fromFile(cue) || !fromFile(cues[i + 1] as Cue) || (!source && endsWithNumberLine(cue.text));
  if (rejoined && !(moved ? endsWithBlankLine(trailer) : hasBlankLine(trailer))) out.addBreak(eol, '');
}
