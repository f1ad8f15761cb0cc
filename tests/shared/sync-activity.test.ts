/** Specification of speech activity detection: adaptive noise floor, hysteresis, minimum pause and burst lengths. */
import { describe, expect, it } from 'vitest';
import { detectSpeech, envelopeFromPeaks, type LevelEnvelope, percentile } from '../../src-shared/sync/activity';
import { peaksFromBase } from '../../src-shared/waveform';

const FRAME_MS = 5;

/** Deterministic jitter in [-1, 1). */
function jitter(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/**
 * An envelope `durationMs` long: a noise bed at `floorDb` (+/- 2 dB) with loud parts given as
 * [startMs, endMs, levelDb]; later parts win where they overlap.
 */
function envelope(durationMs: number, floorDb: number | ((ms: number) => number), parts: [number, number, number][]) {
  const next = jitter(42);
  const db = new Float32Array(durationMs / FRAME_MS);
  for (let i = 0; i < db.length; i++) {
    const floor = typeof floorDb === 'number' ? floorDb : floorDb(i * FRAME_MS);
    db[i] = floor + 2 * next();
  }
  for (const [startMs, endMs, level] of parts) db.fill(level, startMs / FRAME_MS, endMs / FRAME_MS);
  return { frameMs: FRAME_MS, db } satisfies LevelEnvelope;
}

describe('detectSpeech', () => {
  it('finds loud bursts over a quiet bed with frame-accurate edges', () => {
    const speech = detectSpeech(
      envelope(20_000, -50, [
        [1_000, 2_500, -20],
        [6_000, 9_000, -25],
      ]),
    );
    expect(speech.segments).toEqual([
      [1_000, 2_500],
      [6_000, 9_000],
    ]);
    expect(speech.noiseFloorDb).toBeGreaterThan(-53);
    expect(speech.noiseFloorDb).toBeLessThan(-50);
    expect(speech.durationMs).toBe(20_000);
    expect(speech.frameMs).toBe(FRAME_MS);
  });

  it('holds speech through dips that stay above the release level (hysteresis)', () => {
    // Floor about -51 dB: -44 is above the release (+5) but below the onset (+9).
    const speech = detectSpeech(
      envelope(20_000, -50, [
        [1_000, 3_000, -20],
        [1_800, 2_400, -44],
        [10_000, 10_400, -44],
      ]),
    );
    expect(speech.segments).toEqual([[1_000, 3_000]]);
  });

  it('bridges pauses shorter than minSilenceMs and splits at longer ones', () => {
    const parts: [number, number, number][] = [
      [1_000, 2_000, -20],
      [2_060, 3_000, -20],
      [3_200, 4_000, -20],
    ];
    expect(detectSpeech(envelope(20_000, -50, parts)).segments).toEqual([
      [1_000, 3_000],
      [3_200, 4_000],
    ]);
    expect(detectSpeech(envelope(20_000, -50, parts), { minSilenceMs: 20 }).segments).toEqual([
      [1_000, 2_000],
      [2_060, 3_000],
      [3_200, 4_000],
    ]);
  });

  it('drops clicks shorter than minSpeechMs', () => {
    const speech = detectSpeech(
      envelope(20_000, -50, [
        [1_000, 1_010, -10],
        [5_000, 6_000, -20],
      ]),
    );
    expect(speech.segments).toEqual([[5_000, 6_000]]);
  });

  it('finds nothing in a recording without contrast (noise only), even when the noise fluctuates', () => {
    expect(detectSpeech(envelope(60_000, -50, [])).segments).toEqual([]);
    // +/- 6 dB: some frames pass the onset margin over the floor, none by the contrast a voice has.
    const next = jitter(7);
    const db = Float32Array.from({ length: 12_000 }, () => -50 + 6 * next());
    expect(detectSpeech({ frameMs: FRAME_MS, db }).segments).toEqual([]);
    expect(detectSpeech({ frameMs: FRAME_MS, db }, { minContrastDb: 9 }).segments.length).toBeGreaterThan(0);
  });

  it('follows a noise bed that changes level during the file', () => {
    // -65 dB for the first 2 minutes, then -40 dB; quiet speech early, louder speech late.
    const floor = (ms: number) => (ms < 120_000 ? -65 : -40);
    const speech = detectSpeech(
      envelope(240_000, floor, [
        [10_000, 12_000, -45],
        [150_000, 152_000, -20],
      ]),
    );
    expect(speech.segments).toEqual([
      [10_000, 12_000],
      [150_000, 152_000],
    ]);
  });

  it('finds the floor in dense dialogue with only short pauses', () => {
    const parts: [number, number, number][] = [];
    for (let ms = 0; ms < 120_000; ms += 3_000) parts.push([ms, ms + 2_700, -22]);
    const speech = detectSpeech(envelope(120_000, -50, parts));
    expect(speech.segments).toHaveLength(40);
    expect(speech.segments[7]).toEqual([21_000, 23_700]);
  });

  it('reads peaks directly: the base level gives 5 ms frames, full scale is 0 dBFS, digital silence is finite', () => {
    const pairs = [
      [0, 0],
      [-32768, 32767],
      [-100, 3277],
    ];
    const peaks = peaksFromBase(
      8000,
      { samplesPerPixel: 40, length: pairs.length, data: Int16Array.from(pairs.flat()) },
      15,
    );
    const env = envelopeFromPeaks(peaks);
    expect(env.frameMs).toBe(5);
    expect(Number.isFinite(env.db[0])).toBe(true);
    expect(env.db[0]).toBeLessThan(-100);
    expect(env.db[1]).toBeCloseTo(0, 3);
    expect(env.db[2]).toBeCloseTo(-20, 1);
  });

  it('accepts the peaks, their levels or the base level alone (taken at 8 kHz) alike', () => {
    const pairs: number[] = [];
    for (let i = 0; i < 4_000; i++) pairs.push(...(i >= 1_000 && i < 1_400 ? [-9_000, 9_000] : [-100, 100]));
    const base = { samplesPerPixel: 40, length: 4_000, data: Int16Array.from(pairs) };
    const peaks = peaksFromBase(8000, base, 20_000);
    const expected = [[5_000, 7_000]];
    expect(detectSpeech(peaks).segments).toEqual(expected);
    expect(detectSpeech(peaks.levels).segments).toEqual(expected);
    expect(detectSpeech(base).segments).toEqual(expected);
  });
});

describe('percentile', () => {
  it('takes the nearest-rank quantile without reordering its input', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 0.5)).toBe(3);
    expect(percentile(values, 1)).toBe(5);
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
