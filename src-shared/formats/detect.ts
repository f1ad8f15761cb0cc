/**
 * Which subtitle format a text is, by its content (never by its file name): a `.txt` holding SRT is SRT, a `.srt`
 * holding WebVTT is WebVTT. Each format has its codec in this folder (see index.ts), so no command writes a hybrid
 * (a WEBVTT header over SRT times) that the format's readers see as empty.
 */

export type SubtitleFormat = 'srt' | 'webvtt' | 'ass' | 'microdvd' | 'sbv';

export const FORMAT_NAMES: Record<SubtitleFormat, string> = {
  srt: 'SubRip (SRT)',
  webvtt: 'WebVTT',
  ass: 'ASS/SSA',
  microdvd: 'MicroDVD',
  sbv: 'SubViewer/SBV',
};

/** The format's name with its article, to start a phrase: "an ASS/SSA file". */
export function aFormatName(format: SubtitleFormat): string {
  const name = FORMAT_NAMES[format];
  return `${format === 'ass' ? 'an' : 'a'} ${name}`;
}

/** How many non-blank lines are looked at: enough to get past a title or comment block, cheap on a 15 MB file. */
const LINES_LOOKED_AT = 40;

const WEBVTT_SIGNATURE = /^WEBVTT(?:[ \t].*)?$/;
const ASS_SECTION = /^\[(?:Script Info|V4\+? Styles|Events)\]$/i;
const MICRODVD_LINE = /^\{-?\d+\}\{-?\d*\}/;
const SBV_TIMING = /^\d+:\d{2}:\d{2}\.\d{3},\d+:\d{2}:\d{2}\.\d{3}$/;
const SRT_TIMING = /\d+:\d{1,2}:\d{1,2}[,.:]\d{1,3}\s*-+>\s*-?\d/;

/**
 * The format of `text` (decoded, BOM removed). SRT is the answer for anything that is none of the others,
 * so damaged SRT still reaches the lenient SRT reader and its precise messages.
 */
export function detectFormat(text: string): SubtitleFormat {
  const lines = firstLines(text, LINES_LOOKED_AT);
  const first = lines[0] ?? '';
  if (WEBVTT_SIGNATURE.test(first)) return 'webvtt';
  // An SRT timing line near the top wins over look-alikes (a cue whose text reads `[Events]`); ASS has no arrows.
  if (lines.some((line) => SRT_TIMING.test(line))) return 'srt';
  if (lines.some((line) => ASS_SECTION.test(line))) return 'ass';
  // MicroDVD: the first line and most of the others are `{frame}{frame}` lines (a damaged line does not make it SRT).
  if (MICRODVD_LINE.test(first) && lines.filter((line) => MICRODVD_LINE.test(line)).length * 2 > lines.length)
    return 'microdvd';
  if (lines.some((line) => SBV_TIMING.test(line))) return 'sbv';
  return 'srt';
}

/** The first `count` non-blank lines of `text`, trimmed. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length && lines.length < count) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(start, end).trim();
    if (line !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}
