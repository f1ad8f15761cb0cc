import { formatSrtTime } from '../../src-shared/time';

/** Time ruler ticks: integer-millisecond steps chosen for the zoom, so 01:00:00 is exactly 3,600,000 at every zoom. */

/** Candidate distances between labelled ticks, in ms. */
const STEPS = [
  10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Labelled (major) and unlabelled (minor) tick spacing for a zoom. */
export interface TickSteps {
  majorMs: number;
  minorMs: number;
}

/** The smallest step whose labels are at least `minLabelPx` apart, with minor ticks between. */
export function tickSteps(pxPerSec: number, minLabelPx = 96): TickSteps {
  let majorMs = STEPS[STEPS.length - 1] as number;
  for (const step of STEPS) {
    if ((step * pxPerSec) / 1000 >= minLabelPx) {
      majorMs = step;
      break;
    }
  }
  const digit = Number(String(majorMs)[0]);
  const minorMs =
    digit === 2
      ? majorMs / 4
      : digit === 1 && majorMs % 15_000 === 0 && majorMs % 60_000 !== 0
        ? majorMs / 3
        : majorMs / 5;
  return { majorMs, minorMs: Number.isInteger(minorMs) ? minorMs : majorMs / 2 };
}

/** A ruler label in the file's own form, `HH:MM:SS,mmm` (01:00:00 is `01:00:00,000`). */
export function formatRulerTime(ms: number): string {
  return formatSrtTime(ms);
}

export interface Tick {
  ms: number;
  /** Position from the ruler's left edge in CSS pixels. */
  x: number;
  /** Label for major ticks, null for minor ones. */
  label: string | null;
}

/** Ticks between startMs and startMs + width at a zoom; every tick time is an integer multiple of its step. */
export function rulerTicks(startMs: number, pxPerSec: number, widthPx: number, minLabelPx = 110): Tick[] {
  const { majorMs, minorMs } = tickSteps(pxPerSec, minLabelPx);
  const endMs = startMs + (widthPx * 1000) / pxPerSec;
  const ticks: Tick[] = [];
  const first = Math.max(0, Math.ceil(startMs / minorMs));
  for (let k = first; k * minorMs <= endMs; k++) {
    const ms = k * minorMs;
    const major = ms % majorMs === 0;
    ticks.push({ ms, x: ((ms - startMs) * pxPerSec) / 1000, label: major ? formatRulerTime(ms) : null });
  }
  return ticks;
}
