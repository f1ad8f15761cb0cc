/**
 * MicroDVD codec: one cue a line, `{start frame}{end frame}text`, `|` between text lines, `{y:i}`-style control
 * codes. Times need a frame rate: from a first line `{1}{1}25.000` (kept as read), else 23.976 with a warning.
 */

import type { Cue, LineEnding, SubtitleDoc } from '../document';
import { msg } from '../messages';
import { Diagnostics, type FormatReadResult, makeDoc, RawLines, sourcedCue, writeCueStream } from './common';

/** Frame rate assumed when a file does not give one (most MicroDVD files were cut for NTSC film releases). */
export const DEFAULT_MICRODVD_FPS = 23.976;

const LINE = /^\{(-?\d+)\}\{(-?\d*)\}(.*)$/;
const STYLE_NAMES: Record<string, string> = { i: 'i', b: 'b', u: 'u', s: 's' };

/** Wraps `text` in the SRT-style tags a `{y:ib}` code names. */
function wrapStyles(codes: string, text: string): string {
  const names = [...codes.toLowerCase()].map((c) => STYLE_NAMES[c]).filter((n): n is string => n !== undefined);
  return names.reduce((inner, name) => `<${name}>${inner}</${name}>`, text);
}

/** MicroDVD text as model text: `|` as line breaks, `{Y:i}` (whole cue) and `{y:i}` (one line) as tags. */
export function microDvdTextToModel(raw: string): string {
  let whole = '';
  let text = raw;
  const cueCode = /^\{Y:([ibus]+)\}/.exec(text);
  if (cueCode) {
    whole = cueCode[1] as string;
    text = text.slice(cueCode[0].length);
  }
  const lines = text.split('|').map((line) => {
    const code = /^\{y:([ibus]+)\}/.exec(line);
    return code ? wrapStyles(code[1] as string, line.slice(code[0].length)) : line;
  });
  const joined = lines.join('\n');
  return whole ? wrapStyles(whole, joined) : joined;
}

/** Model text as MicroDVD text: a line wholly in `<i>` etc. gets `{y:i}`, other tags and override blocks are dropped. */
export function modelTextToMicroDvd(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const whole = /^<([ibus])>(.*)<\/\1>$/i.exec(line);
      const inner = whole ? (whole[2] as string) : line;
      const plain = inner.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, '');
      return whole ? `{y:${(whole[1] as string).toLowerCase()}}${plain}` : plain;
    })
    .join('|');
}

function frameToMs(frame: number, fps: number): number {
  return Math.round((frame * 1000) / fps);
}

function msToFrame(ms: number, fps: number): number {
  return Math.round((Math.max(0, ms) * fps) / 1000);
}

/** Reads MicroDVD text (decoded, BOM removed); lines that are not cues are kept in place and reported. */
export function readMicroDvd(text: string): FormatReadResult {
  const lines = new RawLines(text);
  const diagnostics = new Diagnostics();
  let fps = DEFAULT_MICRODVD_FPS;
  let fpsLine = -1;
  const first = lines.count > 0 ? LINE.exec(lines.content(0).trim()) : null;
  if (first && /^\d+(?:[.,]\d+)?$/.test((first[3] as string).trim()) && Number(first[1]) <= 1) {
    const rate = Number((first[3] as string).trim().replace(',', '.'));
    if (rate > 0 && rate < 1000) {
      fps = rate;
      fpsLine = 0;
    }
  }
  if (fpsLine < 0)
    diagnostics.add('format-kept', 1, null, msg('validation:microdvd.noFrameRate', { fps: DEFAULT_MICRODVD_FPS }));
  const cues: Cue[] = [];
  const trailers: string[] = [];
  let leadingEnd = lines.count;
  let pendingFrom = 0;
  for (let i = fpsLine + 1; i < lines.count; i++) {
    if (lines.isBlank(i)) continue;
    const match = LINE.exec(lines.content(i).trim());
    if (!match) {
      diagnostics.add('orphan-text', i + 1, cues.at(-1)?.id ?? null, msg('validation:microdvd.notALine'));
      continue;
    }
    const startMs = frameToMs(Number(match[1]), fps);
    const endMs = match[2] === '' ? startMs : frameToMs(Number(match[2]), fps);
    if (cues.length === 0) leadingEnd = i;
    else trailers[cues.length - 1] = lines.raw(pendingFrom, i);
    cues.push(
      sourcedCue(
        cues.length + 1,
        { startMs, endMs, text: microDvdTextToModel(match[3] as string), settings: '' },
        null,
        lines.raw(i, i + 1),
        i + 1,
      ),
    );
    trailers.push('');
    pendingFrom = i + 1;
  }
  if (cues.length > 0) trailers[cues.length - 1] = lines.raw(pendingFrom, lines.count);
  const withTrailers = cues.map((cue, k) => (trailers[k] ? { ...cue, trailer: trailers[k] as string } : cue));
  const leading = text.slice(0, lines.start(leadingEnd));
  const doc = makeDoc('microdvd', withTrailers, lines, leading, { fps });
  return { doc, problems: diagnostics.problems, format: 'microdvd' };
}

/** The frame rate written in a `{1}{1}` line: up to three decimals, no trailing zeros beyond one. */
function formatFps(fps: number): string {
  return Number.isInteger(fps) ? `${fps}.000` : String(Math.round(fps * 1000) / 1000);
}

/** Writes a MicroDVD document; one without a frame rate line gets `{1}{1}FPS` first, so it reads back at the same rate. */
export function writeMicroDvd(doc: SubtitleDoc): string {
  const fps = doc.formatInfo.fps ?? DEFAULT_MICRODVD_FPS;
  const eol: LineEnding = doc.format.eol;
  const leading = doc.leading === '' && doc.formatInfo.fps === undefined ? `{1}{1}${formatFps(fps)}${eol}` : undefined;
  return writeCueStream(doc, {
    blocks: false,
    body: (cue) => `{${msToFrame(cue.startMs, fps)}}{${msToFrame(cue.endMs, fps)}}${modelTextToMicroDvd(cue.text)}`,
    ...(leading !== undefined ? { leading } : {}),
  });
}
