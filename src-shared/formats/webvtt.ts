/**
 * WebVTT codec after the W3C WebVTT parsing rules: the `WEBVTT` signature and header, blocks separated by blank
 * lines, an optional cue identifier line, `[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm settings`, and a payload that ends
 * at a blank line or at a line holding `-->`. NOTE, STYLE and REGION blocks, identifiers and settings are kept,
 * so an unedited file writes back byte for byte; blocks the rules would discard are kept too, and reported.
 */

import type { Cue, LineEnding, SubtitleDoc } from '../document';
import {
  Diagnostics,
  type FormatReadResult,
  formatDotTime,
  makeDoc,
  nonBlankLines,
  RawLines,
  sourcedCue,
  writeCueStream,
} from './common';
import { modelTextToVtt, vttTextToModel } from './markup';

const TIMESTAMP = /^(\d+):(\d{2})(?::(\d{2}))?\.(\d{3})/;

/** A WebVTT timestamp at the start of `text` as ms and its length, or null (minutes and seconds must be 00-59). */
export function parseVttTimestamp(text: string): { ms: number; length: number } | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const all = match[0];
  const first = match[1] as string;
  const second = match[2] as string;
  const third = match[3];
  const millis = match[4] as string;
  let hours = 0;
  let minutes: number;
  let seconds: number;
  if (third !== undefined) {
    hours = Number(first);
    minutes = Number(second);
    seconds = Number(third);
  } else {
    // Without hours the first field is the minutes, and it must be exactly two digits.
    if (first.length !== 2) return null;
    minutes = Number(first);
    seconds = Number(second);
  }
  if (minutes > 59 || seconds > 59) return null;
  return { ms: ((hours * 60 + minutes) * 60 + seconds) * 1000 + Number(millis), length: all.length };
}

/** A timing line's start, end and settings, or null when it does not follow the rules. */
export function parseVttTiming(line: string): { startMs: number; endMs: number; settings: string } | null {
  let rest = line.replace(/^[ \t]+/, '');
  const start = parseVttTimestamp(rest);
  if (!start) return null;
  rest = rest.slice(start.length).replace(/^[ \t]+/, '');
  if (!rest.startsWith('-->')) return null;
  rest = rest.slice(3).replace(/^[ \t]+/, '');
  const end = parseVttTimestamp(rest);
  if (!end) return null;
  const after = rest.slice(end.length);
  if (after !== '' && !/^[ \t]/.test(after)) return null;
  return { startMs: start.ms, endMs: end.ms, settings: after.trim() };
}

function isNote(line: string): boolean {
  return /^NOTE(?:[ \t]|$)/.test(line);
}

/** Reads WebVTT text (decoded, BOM removed). Never throws: what is not a cue is kept in place and reported. */
export function readWebVtt(text: string): FormatReadResult {
  const lines = new RawLines(text);
  const diagnostics = new Diagnostics();
  const cues: Cue[] = [];
  let nextId = 1;
  const count = lines.count;
  let leadingEnd = 0;
  let pendingFrom = 0;
  const attach = (to: number) => {
    if (to <= pendingFrom) return;
    const raw = lines.raw(pendingFrom, to);
    const last = cues[cues.length - 1];
    if (last) cues[cues.length - 1] = { ...last, trailer: last.trailer + raw };
    else leadingEnd = to;
    pendingFrom = to;
  };
  let i = 0;
  const signature = count > 0 ? lines.content(0) : '';
  if (!/^WEBVTT(?:[ \t].*)?$/.test(signature)) {
    diagnostics.add('orphan-text', 1, null, 'no WEBVTT signature on the first line: this is not a WebVTT file');
  }
  // The header: the signature line and the lines after it up to a blank line (or a cue timing line).
  if (count > 0) i = 1;
  while (i < count && !lines.isBlank(i) && !lines.content(i).includes('-->')) i++;
  let styles = 0;
  let regions = 0;
  let notes = 0;
  while (i < count) {
    if (lines.isBlank(i)) {
      i++;
      continue;
    }
    // Collect a block: lines up to a blank line, or up to a second line holding `-->`.
    const blockStart = i;
    const first = lines.content(i);
    let timingAt = -1;
    if (first.includes('-->')) timingAt = i;
    else if (i + 1 < count && lines.content(i + 1).includes('-->')) timingAt = i + 1;
    if (timingAt < 0) {
      let end = i + 1;
      while (end < count && !lines.isBlank(end) && !lines.content(end).includes('-->')) end++;
      if (isNote(first)) notes++;
      else if (/^STYLE[ \t]*$/.test(first) && cues.length === 0) styles++;
      else if (/^REGION[ \t]*$/.test(first) && cues.length === 0) regions++;
      else {
        const what = /^(?:STYLE|REGION)[ \t]*$/.test(first)
          ? `a ${first.trim()} block after the first cue (WebVTT only allows it before)`
          : 'text that is not a cue (no timing line)';
        diagnostics.add('orphan-text', i + 1, cues.at(-1)?.id ?? null, `${what}; kept as read, players ignore it`);
      }
      i = end;
      continue;
    }
    const timing = parseVttTiming(lines.content(timingAt));
    let end = timingAt + 1;
    while (end < count && !lines.isBlank(end) && !lines.content(end).includes('-->')) end++;
    if (!timing) {
      diagnostics.add(
        'invalid-timestamp',
        timingAt + 1,
        cues.at(-1)?.id ?? null,
        `"${lines.content(timingAt).trim()}" is not a WebVTT timing line (HH:MM:SS.mmm --> HH:MM:SS.mmm); the block is kept as read, players skip it`,
      );
      i = end;
      continue;
    }
    attach(blockStart);
    const payload: string[] = [];
    for (let k = timingAt + 1; k < end; k++) payload.push(lines.content(k));
    const indexLine = timingAt > blockStart ? lines.raw(blockStart, timingAt) : null;
    const cue = sourcedCue(
      nextId++,
      {
        startMs: timing.startMs,
        endMs: timing.endMs,
        text: vttTextToModel(payload.join('\n')),
        settings: timing.settings,
      },
      indexLine,
      lines.raw(timingAt, end),
      timingAt + 1,
    );
    cues.push(cue);
    pendingFrom = end;
    i = end;
  }
  attach(count);
  const leading = cues.length > 0 ? text.slice(0, lines.start(leadingEnd)) : text;
  if (styles > 0)
    diagnostics.add(
      'format-kept',
      1,
      null,
      `${styles} STYLE block${styles > 1 ? 's' : ''} (CSS) kept as read; Cuewave does not show them, and SRT or ASS exports leave them out`,
    );
  if (regions > 0)
    diagnostics.add(
      'format-kept',
      1,
      null,
      `${regions} REGION block${regions > 1 ? 's' : ''} kept as read; SRT or ASS exports leave them out`,
    );
  if (notes > 0)
    diagnostics.add(
      'format-kept',
      1,
      null,
      `${notes} NOTE comment${notes > 1 ? 's' : ''} kept as read; SRT exports leave them out`,
    );
  return { doc: makeDoc('webvtt', cues, lines, leading), problems: diagnostics.problems, format: 'webvtt' };
}

/** The timing line and payload of an edited or new cue. */
export function vttCueBody(cue: Cue, eol: LineEnding): string {
  const settings = cue.settings.trim();
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
