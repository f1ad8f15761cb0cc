/** Speech segments from per-window speech probabilities (Silero's get_speech_timestamps rule, in ms). */
import type { Span } from '../../../src-shared/sync/activity';

/** How probabilities become segments. */
export interface ProbabilityGate {
  /** Speech starts at a window at least this likely (default 0.5). */
  threshold: number;
  /** Speech ends after windows below this (default threshold - 0.15): the hysteresis. */
  negThreshold: number;
  /** A dip must last this long to end a segment (default 100 ms). */
  minSilenceMs: number;
  /** Segments shorter than this are dropped (default 100 ms). */
  minSpeechMs: number;
  /** The model hears a voice this late (ms): starts move earlier by it (default 32, one window). */
  onsetLagMs: number;
  /** ... and stops hearing it this late: ends move earlier by it (default 128). */
  offsetLagMs: number;
}

/**
 * Thresholds as Silero's get_speech_timestamps; the lags measured on the generated set (tests/support/realistic):
 * against the true voice spans, segment starts came a median 43 ms late and ends 151 ms late.
 */
export const DEFAULT_GATE: ProbabilityGate = {
  threshold: 0.5,
  negThreshold: 0.35,
  minSilenceMs: 100,
  minSpeechMs: 100,
  onsetLagMs: 32,
  offsetLagMs: 128,
};

/**
 * Segments of `probabilities` (one per window of `windowMs`, values 0..1 or 0..255 when `scale` is 255): enter at
 * `threshold`, leave once `minSilenceMs` of windows stayed under `negThreshold` (the segment ends where the dip began).
 */
export function segmentsFromProbabilities(
  probabilities: ArrayLike<number>,
  windowMs: number,
  gate: ProbabilityGate = DEFAULT_GATE,
  scale = 1,
): Span[] {
  const on = gate.threshold * scale;
  const off = gate.negThreshold * scale;
  const minSilence = Math.max(1, Math.round(gate.minSilenceMs / windowMs));
  const minSpeech = Math.round(gate.minSpeechMs / windowMs);
  const spans: Span[] = [];
  let start = -1;
  let dipFrom = -1;
  const close = (end: number): void => {
    if (end - start >= minSpeech) {
      const from = Math.max(0, start * windowMs - gate.onsetLagMs);
      const to = Math.max(from + windowMs, end * windowMs - gate.offsetLagMs);
      const last = spans.at(-1);
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else spans.push([from, to]);
    }
    start = -1;
    dipFrom = -1;
  };
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    if (start < 0) {
      if (p >= on) start = i;
      continue;
    }
    if (p >= on) dipFrom = -1;
    else if (p < off) {
      if (dipFrom < 0) dipFrom = i;
      if (i + 1 - dipFrom >= minSilence) close(dipFrom);
    }
  }
  if (start >= 0) close(dipFrom >= 0 ? dipFrom : probabilities.length);
  return spans;
}
