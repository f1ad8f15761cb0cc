/** Timecode math: integer milliseconds in, "HH:MM:SS,mmm" out, and duration/time parsing for users. */

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

/**
 * Formats integer milliseconds as an SRT timecode. Each field is derived by integer division of
 * the whole value, so 3,599,999 is `00:59:59,999` and 3,600,000 is `01:00:00,000`, never
 * `00:60:00`. Hours are not capped at 99. Negative values are clamped to zero because SRT
 * cannot express them; callers that can produce them report it themselves.
 */
export function formatSrtTime(ms: number): string {
  const t = ms > 0 ? Math.round(ms) : 0;
  const hours = Math.floor(t / MS_PER_HOUR);
  const minutes = Math.floor((t % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = Math.floor((t % MS_PER_MINUTE) / MS_PER_SECOND);
  const millis = t % MS_PER_SECOND;
  return `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)},${pad3(millis)}`;
}

/** Formats a signed duration for messages: `+2.350 s`, `-0.400 s`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  return `${sign}${(Math.abs(ms) / 1000).toFixed(3)} s`;
}

/**
 * Parses a time typed by a user or given on the command line: `HH:MM:SS,mmm`, `H:MM:SS.mmm`,
 * `MM:SS,mmm`, `SS,mmm`, or a number with a unit (`2.35s`, `350ms`, `1.5m`, `1h`).
 * Returns null when the text is not a time. Fields are not range-checked beyond minutes and
 * seconds below 60 in colon form, because a user typing `00:61:00` almost surely made a typo.
 */
export function parseTime(text: string): number | null {
  const s = text.trim();
  const unit = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)$/i.exec(s);
  if (unit) {
    const value = Number(unit[1]);
    const factor = { ms: 1, s: MS_PER_SECOND, m: MS_PER_MINUTE, min: MS_PER_MINUTE, h: MS_PER_HOUR }[
      (unit[2] as string).toLowerCase() as 'ms' | 's' | 'm' | 'min' | 'h'
    ];
    return Math.round(value * factor);
  }
  const colon = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:[,.](\d{1,3}))?$/.exec(s);
  if (!colon) return null;
  const hours = colon[1] ? Number(colon[1]) : 0;
  const minutes = colon[2] ? Number(colon[2]) : 0;
  const seconds = Number(colon[3]);
  if (minutes > 59 || seconds > 59) return null;
  const fraction = colon[4] ?? '';
  const millis = fraction === '' ? 0 : Number(fraction.padEnd(3, '0'));
  return hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND + millis;
}

/**
 * Parses a signed duration: `+2.35s`, `-350ms`, `-00:00:01,250`, `1500` (plain number = ms).
 * A missing sign means positive. Returns null when the text is not a duration.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim();
  const match = /^([+-]?)(.*)$/.exec(s);
  if (!match) return null;
  const sign = match[1] === '-' ? -1 : 1;
  const body = (match[2] as string).trim();
  if (/^\d+$/.test(body)) return sign * Number(body);
  const value = parseTime(body);
  return value === null ? null : sign * value;
}
