/**
 * WebVTT codec after the W3C WebVTT parsing rules: the `WEBVTT` signature and header, blocks separated by blank
 * lines, an optional cue identifier line, `[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm settings`, and a payload that ends
 * at a blank line or at a line holding `-->`. NOTE, STYLE and REGION blocks, identifiers and settings are kept,
 * so an unedited file writes back byte for byte; blocks the rules would discard are kept too, and reported.
 */

import type { Cue, LineEnding, SubtitleDoc } from '../document';
import { msg } from '../messages';
import {
  Diagnostics,
  type FormatReadResult,
  formatDotTime,
  makeDoc,
  nonBlankLines,
  RawLines,
  writeCueStream,
} from './common';
import { alignmentToVttSettings, leadingAlignment, modelTextToVtt, vttTextToModel } from './markup';

const DIGIT_0 = 48;
const COLON = 58;
const DOT = 46;

/** Scratch result of readTimestamp. */
let stampMs = 0;

/** Reads digits at `pos`; returns the position after them (or `pos` when none), the value in `digitValue`. */
let digitValue = 0;
function readDigits(text: string, pos: number): number {
  let value = 0;
  let p = pos;
  for (;;) {
    const code = text.charCodeAt(p) - DIGIT_0;
    if (!(code >= 0 && code <= 9)) break;
    value = value * 10 + code;
    p++;
  }
  digitValue = value;
  return p;
}

/**
 * Reads a WebVTT timestamp at `pos` into `stampMs`, by the rules: `[H+:]MM:SS.mmm`, minutes and seconds 00-59,
 * exactly three fraction digits; without hours the first field must be two digits. Returns the end, or -1.
 */
function readTimestamp(text: string, pos: number): number {
  let p = readDigits(text, pos);
  const firstWidth = p - pos;
  if (firstWidth === 0 || text.charCodeAt(p) !== COLON) return -1;
  const first = digitValue;
  const secondStart = p + 1;
  p = readDigits(text, secondStart);
  if (p - secondStart !== 2) return -1;
  const second = digitValue;
  let hours = 0;
  let minutes = first;
  let seconds = second;
  if (text.charCodeAt(p) === COLON) {
    const thirdStart = p + 1;
    p = readDigits(text, thirdStart);
    if (p - thirdStart !== 2) return -1;
    hours = first;
    minutes = second;
    seconds = digitValue;
  } else if (firstWidth !== 2) return -1;
  if (text.charCodeAt(p) !== DOT) return -1;
  const fractionStart = p + 1;
  p = readDigits(text, fractionStart);
  if (p - fractionStart !== 3 || minutes > 59 || seconds > 59) return -1;
  stampMs = ((hours * 60 + minutes) * 60 + seconds) * 1000 + digitValue;
  return p;
}

/** A WebVTT timestamp at the start of `text` as ms and its length, or null (minutes and seconds must be 00-59). */
export function parseVttTimestamp(text: string): { ms: number; length: number } | null {
  const end = readTimestamp(text, 0);
  return end < 0 ? null : { ms: stampMs, length: end };
}

function skipSpaces(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    const code = text.charCodeAt(p);
    if (code !== 32 && code !== 9) return p;
    p++;
  }
}

/** A timing line's start, end and settings, or null when it does not follow the rules. */
export function parseVttTiming(line: string): { startMs: number; endMs: number; settings: string } | null {
  let p = readTimestamp(line, skipSpaces(line, 0));
  if (p < 0) return null;
  const startMs = stampMs;
  p = skipSpaces(line, p);
  if (!line.startsWith('-->', p)) return null;
  p = readTimestamp(line, skipSpaces(line, p + 3));
  if (p < 0) return null;
  if (p === line.length) return { startMs, endMs: stampMs, settings: '' };
  const next = line.charCodeAt(p);
  if (next !== 32 && next !== 9) return null;
  return { startMs, endMs: stampMs, settings: line.slice(p).trim() };
}

function isNote(line: string): boolean {
  return /^NOTE(?:[ \t]|$)/.test(line);
}

/** Reads WebVTT text (decoded, BOM removed). Never throws: what is not a cue is kept in place and reported. */
export function readWebVtt(text: string): FormatReadResult {
  const lines = new RawLines(text);
  const diagnostics = new Diagnostics();
  const count = lines.count;
  // Each line's content, sliced once; blank lines are '' (a whitespace-only line counts as blank, as in SRT).
  const contents: string[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const line = lines.content(k);
    contents[k] = line === '' || line.trim() === '' ? '' : line;
  }
  // Cues as read, their trailers set once the next cue (or the end) is found.
  const cues: Cue[] = [];
  let open: Omit<Cue, 'trailer'> | null = null;
  let openTrailerFrom = 0;
  let leadingEnd = count;
  const close = (to: number) => {
    if (open === null) return;
    const trailer = lines.raw(openTrailerFrom, to);
    const { id, startMs, endMs, text: cueText, settings, source, line } = open as Cue;
    cues.push({ id, startMs, endMs, text: cueText, settings, source, trailer, line } as Cue);
    open = null;
  };
  const lastId = () => (open as Cue | null)?.id ?? cues.at(-1)?.id ?? null;
  let nextId = 1;
  let i = 0;
  if (!/^WEBVTT(?:[ \t].*)?$/.test(count > 0 ? (contents[0] as string) : '')) {
    diagnostics.add('orphan-text', 1, null, msg('validation:webvtt.noSignature'));
  }
  // The header: the signature line and the lines after it up to a blank line (or a cue timing line).
  if (count > 0) i = 1;
  while (i < count && contents[i] !== '' && !(contents[i] as string).includes('-->')) i++;
  let styles = 0;
  let regions = 0;
  let notes = 0;
  while (i < count) {
    const first = contents[i] as string;
    if (first === '') {
      i++;
      continue;
    }
    // Collect a block: lines up to a blank line, or up to a second line holding `-->`.
    const blockStart = i;
    let timingAt = -1;
    if (first.includes('-->')) timingAt = i;
    else if (i + 1 < count && (contents[i + 1] as string).includes('-->')) timingAt = i + 1;
    let end = (timingAt < 0 ? i : timingAt) + 1;
    while (end < count && contents[end] !== '' && !(contents[end] as string).includes('-->')) end++;
    if (timingAt < 0) {
      if (isNote(first)) notes++;
      else if (/^STYLE[ \t]*$/.test(first) && cues.length === 0 && open === null) styles++;
      else if (/^REGION[ \t]*$/.test(first) && cues.length === 0 && open === null) regions++;
      else {
        const message = /^(?:STYLE|REGION)[ \t]*$/.test(first)
          ? msg('validation:webvtt.lateBlock', { block: first.trim() })
          : msg('validation:webvtt.notACue');
        diagnostics.add('orphan-text', i + 1, lastId(), message);
      }
      i = end;
      continue;
    }
    const timing = parseVttTiming(contents[timingAt] as string);
    if (!timing) {
      diagnostics.add(
        'invalid-timestamp',
        timingAt + 1,
        lastId(),
        msg('validation:webvtt.badTiming', { line: (contents[timingAt] as string).trim() }),
      );
      i = end;
      continue;
    }
    if (open === null && cues.length === 0) leadingEnd = blockStart;
    close(blockStart);
    let payload = timingAt + 1 < end ? (contents[timingAt + 1] as string) : '';
    for (let k = timingAt + 2; k < end; k++) payload += `\n${contents[k] as string}`;
    open = {
      id: nextId++,
      startMs: timing.startMs,
      endMs: timing.endMs,
      text: vttTextToModel(payload),
      settings: timing.settings,
      source: {
        indexLine: timingAt > blockStart ? lines.raw(blockStart, timingAt) : null,
        index: null,
        body: lines.raw(timingAt, end),
      },
      line: timingAt + 1,
    };
    openTrailerFrom = end;
    i = end;
  }
  close(count);
  const leading = text.slice(0, lines.start(leadingEnd));
  if (styles > 0) diagnostics.add('format-kept', 1, null, msg('validation:webvtt.styles', { count: styles }));
  if (regions > 0) diagnostics.add('format-kept', 1, null, msg('validation:webvtt.regions', { count: regions }));
  if (notes > 0) diagnostics.add('format-kept', 1, null, msg('validation:webvtt.notes', { count: notes }));
  return { doc: makeDoc('webvtt', cues, lines, leading), problems: diagnostics.problems, format: 'webvtt' };
}

/** The timing line and payload of an edited or new cue. */
export function vttCueBody(cue: Cue, eol: LineEnding): string {
  let settings = cue.settings.trim();
  // A position typed the SRT way (`{\an8}`) becomes cue settings, unless the cue already has its own.
  if (!/(?:^|[ \t])(?:line|align):/.test(settings)) {
    const placed = alignmentToVttSettings(leadingAlignment(cue.text));
    if (placed !== '') settings = settings === '' ? placed : `${settings} ${placed}`;
  }
  const timing = `${formatDotTime(cue.startMs, 2)} --> ${formatDotTime(cue.endMs, 2)}${settings ? ` ${settings}` : ''}`;
  const payload = nonBlankLines(modelTextToVtt(cue.text).replaceAll('-->', '--&gt;'));
  return [timing, ...payload].join(eol);
}

/** Writes a WebVTT document: unedited cues as read, edited ones canonically; a document without a header gets `WEBVTT`. */
export function writeWebVtt(doc: SubtitleDoc): string {
  const eol = doc.format.eol;
  const leading = /^WEBVTT/.test(doc.leading) ? doc.leading : `WEBVTT${eol}${eol}${doc.leading.trimStart()}`;
  return writeCueStream(doc, { blocks: true, body: vttCueBody, leading });
}
