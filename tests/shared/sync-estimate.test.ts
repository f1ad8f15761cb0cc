/**
 * Specification of the automatic sync estimator: a linear map (offset and drift) from subtitle time
 * to audio time, recovered from speech activity, with a confidence that is low when there is no
 * evidence. Synthetic dialogue first, then the real interview cues against the fixture's measured speech.
 */
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src-shared/messages';
import { readSrt } from '../../src-shared/srt';
import type { Span } from '../../src-shared/sync/activity';
import { estimateSync, type SyncEstimate, type TimedSpan } from '../../src-shared/sync/estimate';
import { readFixtureText } from '../support/fixtures';

/** Deterministic uniform values in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Dialogue {
  /** Cues on the true (audio) timeline. */
  cues: TimedSpan[];
  /** Where speech sounds: starting exactly at each cue start, ending before its end, sometimes with a pause. */
  segments: Span[];
  durationMs: number;
}

/** A synthetic conversation: cues of 0.6-4.5 s, a third of them touching the previous one, the rest after 0.2-2.5 s gaps. */
function dialogue(durationMs: number, seed: number): Dialogue {
  const next = random(seed);
  const cues: TimedSpan[] = [];
  const segments: Span[] = [];
  let t = 1_000 + next() * 3_000;
  while (t < durationMs - 6_000) {
    const length = 600 + next() * 3_900;
    const startMs = Math.round(t);
    const endMs = Math.round(t + length);
    cues.push({ startMs, endMs });
    const speechEnd = Math.round(startMs + length * (0.7 + 0.28 * next()));
    if (length > 2_000 && next() < 0.4) {
      const pauseAt = Math.round(startMs + (speechEnd - startMs) * 0.5);
      segments.push([startMs, pauseAt], [pauseAt + 150, speechEnd]);
    } else {
      segments.push([startMs, speechEnd]);
    }
    t = endMs + (next() < 0.33 ? 0 : 200 + next() * 2_300);
  }
  return { cues, segments, durationMs };
}

/** Cue times as a subtitle file with t_sub = scale * t_true + offsetMs would have them (rounded, clamped at 0). */
function distort(cues: readonly TimedSpan[], scale: number, offsetMs: number): TimedSpan[] {
  const at = (ms: number) => Math.max(0, Math.round(scale * ms + offsetMs));
  return cues.map((cue) => ({ startMs: at(cue.startMs), endMs: at(cue.endMs) }));
}

/** |corrected start - true start| over cues whose distorted start was not clamped, as median and 95th percentile. */
function startErrors(estimate: SyncEstimate, distorted: readonly TimedSpan[], truth: readonly TimedSpan[]) {
  const errors: number[] = [];
  distorted.forEach((cue, i) => {
    if (cue.startMs === 0) return;
    const corrected = Math.round(estimate.scale * cue.startMs + estimate.offsetMs);
    errors.push(Math.abs(corrected - (truth[i] as TimedSpan).startMs));
  });
  errors.sort((a, b) => a - b);
  const rank = (q: number) => errors[Math.min(errors.length - 1, Math.floor(q * errors.length))] as number;
  return { median: rank(0.5), p95: rank(0.95), count: errors.length };
}

describe('estimateSync on synthetic dialogue', () => {
  const talk = dialogue(20 * 60_000, 1);

  it.each([
    [1, 2_350],
    [1, -45_000],
    [1, 60_000],
    [1.003, 30_000],
    [0.997, 30_000],
    [1.005, -20_000],
    [0.995, -60_000],
    [1.001, 800],
  ])('recovers t_sub = %f * t + %i ms', (scale, offsetMs) => {
    const subtitles = distort(talk.cues, scale, offsetMs);
    const estimate = estimateSync(subtitles, talk);
    expect(estimate.scale).toBeCloseTo(1 / scale, 5);
    expect(Math.abs(estimate.offsetMs - -offsetMs / scale)).toBeLessThan(30);
    expect(estimate.driftPercent).toBeCloseTo((1 / scale - 1) * 100, 3);
    const errors = startErrors(estimate, subtitles, talk.cues);
    expect(errors.median).toBeLessThanOrEqual(20);
    expect(errors.p95).toBeLessThanOrEqual(60);
    expect(estimate.confidence).toBeGreaterThanOrEqual(0.8);
    expect(estimate.refined).toBe(true);
    expect(estimate.problem).toBeNull();
  });

  it('tolerates jittered onsets, missed speech and spurious noise bursts', () => {
    const next = random(99);
    const noisy: Span[] = [];
    for (const [startMs, endMs] of talk.segments) {
      if (next() < 0.2) continue; // the detector missed it
      const jitterMs = Math.round((next() - 0.5) * 40);
      noisy.push([startMs + jitterMs, endMs + jitterMs]);
    }
    for (let i = 0; i < 150; i++) {
      const at = Math.round(next() * talk.durationMs);
      noisy.push([at, at + 50 + Math.round(next() * 400)]);
    }
    noisy.sort((a, b) => a[0] - b[0]);
    const subtitles = distort(talk.cues, 1.002, -12_000);
    const estimate = estimateSync(subtitles, { segments: noisy, durationMs: talk.durationMs });
    const errors = startErrors(estimate, subtitles, talk.cues);
    expect(errors.median).toBeLessThanOrEqual(40);
    expect(errors.p95).toBeLessThanOrEqual(120);
    expect(estimate.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('ignores a stretch without speech (music) and a stretch without subtitles', () => {
    const speech = talk.segments.filter(([startMs]) => startMs < 300_000 || startMs > 480_000);
    const subtitles = distort(talk.cues, 0.998, 7_000).filter((_, i) => {
      const startMs = (talk.cues[i] as TimedSpan).startMs;
      return startMs < 720_000 || startMs > 900_000;
    });
    const truth = talk.cues.filter((cue) => cue.startMs < 720_000 || cue.startMs > 900_000);
    const estimate = estimateSync(subtitles, { segments: speech, durationMs: talk.durationMs });
    const errors = startErrors(estimate, subtitles, truth);
    expect(errors.median).toBeLessThanOrEqual(40);
    expect(errors.p95).toBeLessThanOrEqual(120);
    expect(estimate.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('recovers a frame-rate mismatch far beyond maxDrift (subtitles timed for 25 fps on a 23.976 fps video)', () => {
    const subtitles = distort(talk.cues, 25 / 23.976, 4_000);
    const estimate = estimateSync(subtitles, talk);
    expect(estimate.frameRateRatio).not.toBe(1);
    expect(estimate.scale).toBeCloseTo(23.976 / 25, 5);
    const errors = startErrors(estimate, subtitles, talk.cues);
    expect(errors.median).toBeLessThanOrEqual(20);
    expect(errors.p95).toBeLessThanOrEqual(60);
    expect(estimate.confidence).toBeGreaterThanOrEqual(0.8);
    // Without the frame-rate candidates only 1 +/- maxDrift is searched, and nothing fits.
    expect(estimateSync(subtitles, talk, { frameRates: false }).confidence).toBeLessThan(0.5);
  });

  it('fits only an offset when drift is turned off', () => {
    const subtitles = distort(talk.cues, 1, -3_210);
    const estimate = estimateSync(subtitles, talk, { fitDrift: false });
    expect(estimate.scale).toBe(1);
    expect(estimate.offsetMs).toBeCloseTo(3_210, -1);
  });

  it('does not look beyond maxOffsetMs', () => {
    const subtitles = distort(talk.cues, 1, 40_000);
    expect(estimateSync(subtitles, talk).offsetMs).toBeCloseTo(-40_000, -2);
    const narrow = estimateSync(subtitles, talk, { maxOffsetMs: 10_000 });
    expect(Math.abs(narrow.offsetMs + 40_000)).toBeGreaterThan(1_000);
    expect(narrow.confidence).toBeLessThan(0.5);
  });

  it('has zero confidence and says why when the audio has no speech', () => {
    const estimate = estimateSync(talk.cues, { segments: [], durationMs: talk.durationMs });
    expect(estimate.confidence).toBe(0);
    expect(estimate.problem && inEnglish(estimate.problem)).toMatch(/no speech/);
    expect(estimate).toMatchObject({ scale: 1, offsetMs: 0 });
  });

  it('has zero confidence when the subtitles have no timed cues', () => {
    const estimate = estimateSync([{ startMs: 0, endMs: 0 }], talk);
    expect(estimate.confidence).toBe(0);
    expect(estimate.problem && inEnglish(estimate.problem)).toMatch(/no timed cues/);
  });

  it('has low confidence when the speech belongs to another programme', () => {
    const other = dialogue(20 * 60_000, 2);
    const estimate = estimateSync(talk.cues, other);
    expect(estimate.confidence).toBeLessThan(0.5);
    expect(estimate.problem).not.toBeNull();
  });
});

describe('estimateSync on the interview fixture (speech as measured in speech-activity.json)', () => {
  const truth = readSrt(readFixtureText('interview.srt')).doc.cues;
  const measured = JSON.parse(readFixtureText('speech-activity.json')) as { segments: Span[]; durationMs: number };

  it.each([
    ['interview-offset.srt', 1, 2_350],
    ['interview-drift.srt', 1.001, 800],
  ])('undoes %s (t_sub = %f * t + %i ms)', (name, scale, offsetMs) => {
    const subtitles = readSrt(readFixtureText(name)).doc.cues;
    const estimate = estimateSync(subtitles, measured);
    expect(estimate.scale).toBeCloseTo(1 / scale, 6);
    expect(Math.abs(estimate.offsetMs - -offsetMs / scale)).toBeLessThan(10);
    const errors = startErrors(estimate, subtitles, truth);
    expect(errors.count).toBe(truth.length);
    expect(errors.median).toBeLessThanOrEqual(40);
    expect(errors.p95).toBeLessThanOrEqual(120);
  });

  it.each([
    [1, -45_000],
    [0.997, 30_000],
    [1.005, -20_000],
  ])('undoes the interview distorted by t_sub = %f * t + %i ms (clamped cues excluded)', (scale, offsetMs) => {
    const subtitles = distort(truth, scale, offsetMs);
    const estimate = estimateSync(subtitles, measured);
    const errors = startErrors(estimate, subtitles, truth);
    expect(errors.median).toBeLessThanOrEqual(40);
    expect(errors.p95).toBeLessThanOrEqual(120);
    expect(estimate.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
