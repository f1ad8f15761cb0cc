/**
 * WebVTT export with its own small formatter: the `subtitle` package's stringifySync builds times from a
 * local-time Date, so 25 h comes out as `01:00:00.86400000` (hours wrap at 24, the rest spills into the
 * milliseconds) and DST days can shift times by an hour.
 */
import { alignmentToVttSettings, leadingAlignment } from '../../src-shared/formats/markup';
import type { ExportCue } from '../../src-shared/ipc-contract';

/** `HH:MM:SS.mmm` with at least two hour digits and no upper bound, as WebVTT allows. */
export function formatVttTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  const millis = total % 1000;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`;
}

/**
 * Cue text as WebVTT payload: SSA override blocks such as `{\an8}` are dropped (WebVTT would show them), `-->`
 * cannot appear in a payload, and a blank line would end the cue, so blank lines are removed.
 */
export function vttPayload(text: string): string {
  return text
    .replace(/\{\\[^}]*\}/g, '')
    .replaceAll('-->', '->')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** A whole WebVTT file: header, then numbered cues separated by blank lines, `\n` line endings; `{\an8}` becomes `line:0`. */
export function formatWebVtt(cues: readonly ExportCue[]): string {
  const blocks = cues.map((cue, i) => {
    const payload = vttPayload(cue.text);
    const settings = alignmentToVttSettings(leadingAlignment(cue.text));
    const timing = `${formatVttTime(cue.startMs)} --> ${formatVttTime(cue.endMs)}${settings ? ` ${settings}` : ''}`;
    return `${i + 1}\n${timing}${payload ? `\n${payload}` : ''}\n`;
  });
  return ['WEBVTT\n', ...blocks].join('\n');
}
