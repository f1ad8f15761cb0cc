/**
 * SubViewer/SBV codec (YouTube's): blocks of `H:MM:SS.mmm,H:MM:SS.mmm` then text lines, separated by blank lines.
 * No markup; blocks without a timing line are kept in place and reported.
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
  sourcedCue,
  writeCueStream,
} from './common';

const TIMING = /^\s*(\d+):(\d{1,2}):(\d{1,2})\.(\d{1,3})\s*,\s*(\d+):(\d{1,2}):(\d{1,2})\.(\d{1,3})\s*$/;

function toMs(h: string, m: string, s: string, frac: string): number {
  return (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000 + Math.round(Number(`0.${frac}`) * 1000);
}

/** An SBV timing line as start and end ms, or null. */
export function parseSbvTiming(line: string): { startMs: number; endMs: number } | null {
  const m = TIMING.exec(line);
  if (!m) return null;
  const g = m as unknown as string[];
  return { startMs: toMs(g[1]!, g[2]!, g[3]!, g[4]!), endMs: toMs(g[5]!, g[6]!, g[7]!, g[8]!) };
}

/** Reads SBV text (decoded, BOM removed). */
export function readSbv(text: string): FormatReadResult {
  const lines = new RawLines(text);
  const diagnostics = new Diagnostics();
  const cues: Cue[] = [];
  const trailers: string[] = [];
  let leadingEnd = lines.count;
  let pendingFrom = 0;
  let i = 0;
  while (i < lines.count) {
    if (lines.isBlank(i)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.count && !lines.isBlank(end)) end++;
    const timing = parseSbvTiming(lines.content(i));
    if (!timing) {
      diagnostics.add('orphan-text', i + 1, cues.at(-1)?.id ?? null, msg('validation:sbv.noTiming'));
      i = end;
      continue;
    }
    if (cues.length === 0) leadingEnd = i;
    else trailers[cues.length - 1] = lines.raw(pendingFrom, i);
    const textLines: string[] = [];
    for (let k = i + 1; k < end; k++) textLines.push(lines.content(k));
    cues.push(
      sourcedCue(
        cues.length + 1,
        { ...timing, text: textLines.join('\n'), settings: '' },
        null,
        lines.raw(i, end),
        i + 1,
      ),
    );
    trailers.push('');
    pendingFrom = end;
    i = end;
  }
  if (cues.length > 0) trailers[cues.length - 1] = lines.raw(pendingFrom, lines.count);
  const withTrailers = cues.map((cue, k) => (trailers[k] ? { ...cue, trailer: trailers[k] as string } : cue));
  const doc = makeDoc('sbv', withTrailers, lines, text.slice(0, lines.start(leadingEnd)));
  return { doc, problems: diagnostics.problems, format: 'sbv' };
}

function sbvBody(cue: Cue, eol: LineEnding): string {
  return [`${formatDotTime(cue.startMs, 1)},${formatDotTime(cue.endMs, 1)}`, ...nonBlankLines(cue.text)].join(eol);
}

/** Writes an SBV document: unedited cues as read, edited ones canonically. */
export function writeSbv(doc: SubtitleDoc): string {
  return writeCueStream(doc, { blocks: true, body: sbvBody });
}
