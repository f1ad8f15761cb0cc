/** What a person types to go somewhere on the timeline, and video-frame steps: pure, integer milliseconds. */
import { formatSrtTime, MS_PER_SECOND, parseTime } from './time';

/** Where "Go to time" goes: a time, or cue N (1-based, as in the list). */
export type GoToTarget = { kind: 'time'; ms: number } | { kind: 'cue'; number: number };

/** A parsed target, or a message saying what is accepted. */
export type GoToResult = { ok: true; target: GoToTarget } | { ok: false; error: string };

const ACCEPTED = 'Type a time as HH:MM:SS,mmm, MM:SS or seconds, or #N for cue N';

/**
 * Parses "Go to time" input: `01:00:00,000`, `1:02:03.5`, `02:05` (MM:SS), `75` or `75,5` (seconds, any number of
 * them: `3600` is 01:00:00,000), `2.5s` / `350ms` (as the Shift dialog takes them), or `#12` for cue 12.
 * `cueCount` bounds `#N`.
 */
export function parseGoTo(text: string, cueCount: number): GoToResult {
  const s = text.trim();
  if (s === '') return { ok: false, error: ACCEPTED };
  const cue = /^#\s*(\d+)$/.exec(s);
  if (cue) {
    const number = Number(cue[1]);
    if (number < 1 || number > cueCount) {
      return { ok: false, error: cueCount === 0 ? 'There are no cues' : `Cue numbers go from 1 to ${cueCount}` };
    }
    return { ok: true, target: { kind: 'cue', number } };
  }
  // Plain seconds: parseTime would refuse `75` (seconds above 59 belong in MM:SS there).
  const seconds = /^(\d+)(?:[.,](\d{1,3}))?$/.exec(s);
  if (seconds) {
    const millis = seconds[2] === undefined ? 0 : Number(seconds[2].padEnd(3, '0'));
    return { ok: true, target: { kind: 'time', ms: Number(seconds[1]) * MS_PER_SECOND + millis } };
  }
  const ms = parseTime(s);
  if (ms === null) return { ok: false, error: `"${s}" is not a time. ${ACCEPTED}` };
  return { ok: true, target: { kind: 'time', ms } };
}

/** A target as text for messages: `00:01:15,000` or `cue 12`. */
export function describeGoTo(target: GoToTarget): string {
  return target.kind === 'cue' ? `cue ${target.number}` : formatSrtTime(target.ms);
}

/**
 * The time of the next (direction 1) or previous (-1) video frame boundary from `ms` at `fps` frames per second,
 * rounded to whole ms. A time already on a boundary moves one whole frame: at 25 fps 1000 -> 1040 / 960; a time
 * between frames goes to the nearer boundary in that direction: 1010 -> 1040 / 1000. Never below 0.
 */
export function frameStepMs(ms: number, fps: number, direction: 1 | -1): number {
  if (!(fps > 0) || !Number.isFinite(fps)) return ms;
  const frameMs = MS_PER_SECOND / fps;
  // Half a millisecond of tolerance: boundaries are stored rounded (41.708.. ms frames at 23.976 fps become 42).
  const position = ms / frameMs;
  const tolerance = 0.5 / frameMs;
  const frame = direction > 0 ? Math.floor(position + tolerance) + 1 : Math.ceil(position - tolerance) - 1;
  return Math.max(0, Math.round(frame * frameMs));
}
