/**
 * The format layer: `readSubtitle` tells the format by content and reads it into the cue model; `writeSubtitle`
 * writes a document in any format, losslessly in the format it was read from, and by conversion (times to the
 * target's precision, formatting mapped where both formats have it) in any other.
 */

import { type Cue, SubtitleDoc } from '../document';
import { readSrt, writeSrt } from '../srt';
import { DEFAULT_ASS_FIELDS, defaultAssHeader, defaultAssSettings, readAss, writeAss } from './ass';
import type { FormatReadResult } from './common';
import { detectFormat, type SubtitleFormat } from './detect';
import {
  alignmentToVttSettings,
  leadingAlignment,
  modelTextToSrt,
  vttSettingsToAlignment,
  withAlignment,
  withoutOverrides,
} from './markup';
import { DEFAULT_MICRODVD_FPS, readMicroDvd, writeMicroDvd } from './microdvd';
import { readSbv, writeSbv } from './sbv';
import { readWebVtt, writeWebVtt } from './webvtt';

export type { FormatReadResult } from './common';
export { aFormatName, detectFormat, FORMAT_NAMES, type SubtitleFormat } from './detect';

/** Reads `text` (decoded, BOM removed) in the format its content shows. */
export function readSubtitle(text: string, format: SubtitleFormat = detectFormat(text)): FormatReadResult {
  switch (format) {
    case 'webvtt':
      return readWebVtt(text);
    case 'ass':
      return readAss(text);
    case 'microdvd':
      return readMicroDvd(text);
    case 'sbv':
      return readSbv(text);
    default: {
      const { doc, problems } = readSrt(text);
      return { doc, problems, format: 'srt' };
    }
  }
}

function writeNative(doc: SubtitleDoc): string {
  switch (doc.sourceFormat) {
    case 'webvtt':
      return writeWebVtt(doc);
    case 'ass':
      return writeAss(doc);
    case 'microdvd':
      return writeMicroDvd(doc);
    case 'sbv':
      return writeSbv(doc);
    default:
      return writeSrt(doc);
  }
}

/** Writes `doc` as `format` (default: the format it was read from, which keeps unedited cues byte for byte). */
export function writeSubtitle(doc: SubtitleDoc, format: SubtitleFormat = doc.sourceFormat): string {
  return writeNative(format === doc.sourceFormat ? doc : convertDoc(doc, format));
}

/** The `\anN` position of a cue, from its text (`{\an8}`) or its WebVTT settings (`line:0`). */
function cueAlignment(cue: Cue, from: SubtitleFormat): number | null {
  return leadingAlignment(cue.text) ?? (from === 'webvtt' ? vttSettingsToAlignment(cue.settings) : null);
}

/** Model text and settings of `cue` (read as `from`) for a document of format `to`. */
function convertCue(cue: Cue, from: SubtitleFormat, to: SubtitleFormat): { text: string; settings: string } {
  const an = cueAlignment(cue, from);
  switch (to) {
    case 'webvtt':
      return {
        text: withoutOverrides(cue.text),
        settings: from === 'webvtt' ? cue.settings : alignmentToVttSettings(an),
      };
    case 'ass':
      return { text: withAlignment(modelTextToSrt(cue.text), an), settings: defaultAssSettings(DEFAULT_ASS_FIELDS) };
    case 'sbv':
      return { text: withoutOverrides(cue.text).replace(/<[^>]*>/g, ''), settings: '' };
    case 'microdvd':
      return { text: withoutOverrides(cue.text), settings: '' };
    default:
      return { text: withAlignment(modelTextToSrt(cue.text), an), settings: from === 'srt' ? cue.settings : '' };
  }
}

/**
 * A new document of format `to` holding `doc`'s cues written canonically: no source text, header and side
 * records of the target's own (an ASS script with one Default style, a WebVTT signature, a MicroDVD frame rate).
 */
export function convertDoc(doc: SubtitleDoc, to: SubtitleFormat): SubtitleDoc {
  const from = doc.sourceFormat;
  const cues: Cue[] = doc.cues.map((cue) => {
    const { text, settings } = convertCue(cue, from, to);
    return { id: cue.id, startMs: cue.startMs, endMs: cue.endMs, text, settings, trailer: '' };
  });
  const eol = doc.format.eol;
  const leading =
    to === 'webvtt'
      ? `WEBVTT${eol}${eol}`
      : to === 'ass'
        ? defaultAssHeader(eol)
        : to === 'microdvd'
          ? `{1}{1}${doc.formatInfo.fps ?? DEFAULT_MICRODVD_FPS}${eol}`
          : '';
  const converted = new SubtitleDoc(cues, { eol, finalNewline: true }, leading);
  converted.sourceFormat = to;
  converted.formatInfo =
    to === 'ass'
      ? { assFields: DEFAULT_ASS_FIELDS, epilogue: '' }
      : to === 'microdvd'
        ? { fps: doc.formatInfo.fps ?? DEFAULT_MICRODVD_FPS }
        : {};
  return converted;
}

/** File extensions of each format, the first one the usual. */
export const FORMAT_EXTENSIONS: Record<SubtitleFormat, readonly string[]> = {
  srt: ['srt'],
  webvtt: ['vtt', 'webvtt'],
  ass: ['ass', 'ssa'],
  microdvd: ['sub'],
  sbv: ['sbv'],
};

/** The format a file name's extension names (`.vtt` → webvtt), or null. Reading never uses this: content decides. */
export function formatForExtension(fileName: string): SubtitleFormat | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) return null;
  for (const [format, exts] of Object.entries(FORMAT_EXTENSIONS))
    if (exts.includes(ext)) return format as SubtitleFormat;
  return null;
}

/** Formats a user can export to (Save As, `cuewave convert`). */
export const EXPORT_FORMATS: readonly SubtitleFormat[] = ['srt', 'webvtt', 'ass'];
