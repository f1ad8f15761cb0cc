/** Scoring a sync of a generated case: cue-start errors after sync against the truth. */
import { readFileSync } from 'node:fs';
import { readSrt } from '../../../src-shared/srt';
import type { TruthTime } from './generate';

export interface StartErrors {
  /** Cues with a true time (cues of a removed scene have none). */
  count: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Share within 100 ms. */
  within100: number;
}

/** |synced start - true start| over the cues that have a true time (same order as damaged.srt). */
export function startErrors(synced: readonly { startMs: number }[], truth: readonly TruthTime[]): StartErrors {
  if (synced.length !== truth.length) throw new Error(`synced has ${synced.length} cues, truth ${truth.length}`);
  const errors: number[] = [];
  synced.forEach((cue, i) => {
    const t = truth[i];
    if (t) errors.push(Math.abs(cue.startMs - t.startMs));
  });
  errors.sort((a, b) => a - b);
  const rank = (q: number) => errors[Math.min(errors.length - 1, Math.floor(q * errors.length))] ?? Number.NaN;
  return {
    count: errors.length,
    medianMs: rank(0.5),
    p95Ms: rank(0.95),
    maxMs: errors.at(-1) ?? Number.NaN,
    within100: errors.filter((e) => e <= 100).length / Math.max(1, errors.length),
  };
}

/** The truth list of a case folder. */
export function readTruth(truthPath: string): TruthTime[] {
  return (JSON.parse(readFileSync(truthPath, 'utf8')) as { truth: TruthTime[] }).truth;
}

/** The cues of an SRT file. */
export function readCues(srtPath: string): { startMs: number; endMs: number }[] {
  return readSrt(readFileSync(srtPath, 'utf8')).doc.cues;
}
