/**
 * Shot changes of a video (pure part): reading ffmpeg's scene-detection output, and using the shot times as
 * extra edges for snapping.
 */

/** Scene-change score (0..1, ffmpeg `scene`) above which a frame starts a new shot. */
export const SHOT_THRESHOLD = 0.3;

/**
 * Shot-change times (ms, ascending, unique) from the stderr of `select='gt(scene,T)',showinfo`: one showinfo
 * line per selected frame, `... n:   0 pts:  20480 pts_time:2 ...`. `startMs` (the stream's start time) is
 * subtracted so times are on the media element's clock. Lines without `pts_time` are ignored.
 */
export function parseShowinfo(stderr: string, startMs = 0): number[] {
  const times: number[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    if (!line.includes('Parsed_showinfo')) continue;
    const match = /\bpts_time:\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)/i.exec(line);
    if (!match) continue;
    const ms = Math.round(Number(match[1]) * 1000 - startMs);
    if (Number.isFinite(ms) && ms > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times.filter((ms, i) => i === 0 || ms !== times[i - 1]);
}

/** Ascending times of `extra` within [fromMs, toMs], for drawing the visible range only. */
export function timesInRange(times: readonly number[], fromMs: number, toMs: number): number[] {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < fromMs) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < times.length && (times[i] as number) <= toMs; i++) out.push(times[i] as number);
  return out;
}

/** The first shot change after `ms` (direction 1) or before it (-1), more than 1 ms away; null when none. */
export function adjacentShot(times: readonly number[], ms: number, direction: 1 | -1): number | null {
  if (direction > 0) {
    for (const t of times) if (t > ms + 1) return t;
    return null;
  }
  for (let i = times.length - 1; i >= 0; i--) if ((times[i] as number) < ms - 1) return times[i] as number;
  return null;
}
