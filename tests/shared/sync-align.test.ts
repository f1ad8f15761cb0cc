/**
 * Specification of the piecewise alignment on synthetic interval data: speech segments (with word pauses and
 * stray noise bursts) and cues timed the way people time them (starting 0-300 ms before the voice, ending
 * 200-800 ms after it). A file in sync stays unchanged, offsets up to 10 minutes are found, an ad break gives two
 * pieces, frame-rate mismatches are found, unrelated material is refused, and applying never creates an overlap.
 */
import { describe, expect, it } from 'vitest';
import { SubtitleDoc } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { inEnglish } from '../../src-shared/messages';
import type { Span } from '../../src-shared/sync/activity';
import { type Alignment, alignCues, type CueTimes } from '../../src-shared/sync/align';
import { planAlignment } from '../../src-shared/sync/pieces';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Scene {
  /** Cues on the audio timeline. */
  cues: CueTimes[];
  speech: Span[];
  durationMs: number;
}

/** Utterances of 1-5 s with pauses, cues with human lead and tail, noise bursts between utterances. */
function scene(durationMs: number, seed: number): Scene {
  const next = random(seed);
  const voices: Span[] = [];
  let t = 5_000 + next() * 2_000;
  while (t < durationMs - 8_000) {
    const length = 1_000 + next() * 4_000;
    voices.push([t, t + length]);
    t += length + (next() < 0.8 ? 300 + next() * 1_500 : 2_000 + next() * 6_000);
  }
  const speech: Span[] = [];
  for (const [a, b] of voices) {
    // Word pauses, detector jitter of a few ms.
    const mid = a + (b - a) * (0.3 + 0.4 * next());
    speech.push([a + next() * 10, mid], [mid + 60 + next() * 80, b]);
    if (next() < 0.3) speech.push([b + 400 + next() * 200, b + 450 + next() * 200]);
  }
  speech.sort((x, y) => x[0] - y[0]);
  const starts = voices.map(([a], i) => {
    const previousEnd = voices[i - 1]?.[1] ?? 0;
    return Math.round(Math.max(a - next() * 300, previousEnd + Math.min((a - previousEnd) / 2, 100)));
  });
  const cues: CueTimes[] = voices.map(([, b], i) => ({
    startMs: starts[i] as number,
    endMs: Math.round(Math.min(b + 200 + next() * 600, (starts[i + 1] ?? Number.POSITIVE_INFINITY) - 40)),
  }));
  return { cues, speech, durationMs };
}

function docOf(cues: readonly CueTimes[]): SubtitleDoc {
  return new SubtitleDoc(
    cues.map((c, i) => ({
      id: i + 1,
      startMs: c.startMs,
      endMs: c.endMs,
      text: `line ${i + 1}`,
      settings: '',
      trailer: '',
    })),
  );
}

/** The cue starts after applying the alignment, in order. */
function synced(cues: readonly CueTimes[], alignment: Alignment): number[] {
  const doc = docOf(cues);
  new History(doc).execute(planAlignment(doc, alignment).command);
  return doc.cues.map((c) => c.startMs);
}

function errors(after: readonly number[], truth: readonly CueTimes[]): { median: number; max: number } {
  const e = after.map((s, i) => Math.abs(s - (truth[i] as CueTimes).startMs)).sort((a, b) => a - b);
  return { median: e[Math.floor(e.length / 2)] as number, max: e.at(-1) as number };
}

const shifted = (cues: readonly CueTimes[], by: (t: number) => number) =>
  cues.map((c) => ({ startMs: Math.round(by(c.startMs)), endMs: Math.round(by(c.endMs)) }));

describe('alignCues on synthetic dialogue with human timing', () => {
  const base = scene(15 * 60_000, 11);
  const target = { segments: base.speech, durationMs: base.durationMs };

  it('leaves subtitles that are already in sync exactly as they are (offset 0, no drift)', () => {
    const alignment = alignCues(base.cues, target);
    expect(alignment.pieces).toHaveLength(1);
    expect(alignment.pieces[0]).toMatchObject({ scale: 1, offsetMs: 0, driftPercent: 0 });
    expect(alignment.confidence).toBeGreaterThanOrEqual(0.9);
    expect(synced(base.cues, alignment)).toEqual(base.cues.map((c) => c.startMs));
  });

  it.each([
    ['+3.45 s', 3_450],
    ['-7.2 s', -7_200],
    ['+2 min', 120_000],
    ['-8 min', -480_000],
  ])('undoes an offset of %s without biasing the cues late (within 60 ms)', (_label, offsetMs) => {
    const damaged = shifted(base.cues, (t) => t + offsetMs);
    const alignment = alignCues(damaged, target);
    expect(alignment.problem).toBeNull();
    expect(alignment.pieces).toHaveLength(1);
    const { median, max } = errors(synced(damaged, alignment), base.cues);
    expect(median).toBeLessThanOrEqual(60);
    expect(max).toBeLessThanOrEqual(60);
    expect(alignment.pieces[0]?.estimatedErrorMs).toBeGreaterThan(0);
  });

  it('finds subtitles timed at 25 fps for a 23.976 fps video', () => {
    const damaged = shifted(base.cues, (t) => (t * 25) / 23.976 + 900);
    const alignment = alignCues(damaged, target);
    expect(alignment.frameRateRatio).toBeCloseTo(23.976 / 25, 6);
    expect(errors(synced(damaged, alignment), base.cues).median).toBeLessThanOrEqual(60);
  });

  it('splits at an ad break 30 % in (two pieces with their own offsets) and overlaps nothing', () => {
    // The audio has 30 s of ads at the break; the subtitles do not know.
    const breakAt = base.cues[Math.round(base.cues.length * 0.3)]?.startMs as number;
    const audioTime = (t: number) => (t >= breakAt - 50 ? t + 30_000 : t);
    const speech = base.speech.map(([a, b]): Span => [audioTime(a), audioTime(b)]);
    const truth = shifted(base.cues, audioTime);
    const alignment = alignCues(base.cues, { segments: speech, durationMs: base.durationMs + 30_000 });
    expect(alignment.pieces).toHaveLength(2);
    const [first, second] = alignment.pieces;
    expect(first?.shiftMs).toBe(0);
    expect(Math.abs((second?.shiftMs ?? 0) - 30_000)).toBeLessThanOrEqual(60);
    expect(second?.fromIndex).toBe(base.cues.findIndex((c) => c.startMs >= breakAt - 50));
    const { median } = errors(synced(base.cues, alignment), truth);
    expect(median).toBeLessThanOrEqual(60);
  });

  it('squeezes the cues of a removed scene instead of overlapping the next piece', () => {
    // The audio lacks 40 s from 50 %: the cues of those 40 s have nowhere to go.
    const cutFrom = base.cues[Math.round(base.cues.length * 0.5)]?.startMs as number;
    const cutTo = cutFrom + 40_000;
    const speech = base.speech
      .filter(([a]) => a < cutFrom - 100 || a >= cutTo)
      .map(([a, b]): Span => (a >= cutTo ? [a - 40_000, b - 40_000] : [a, b]));
    const alignment = alignCues(base.cues, { segments: speech, durationMs: base.durationMs - 40_000 });
    expect(alignment.pieces.length).toBeGreaterThanOrEqual(2);
    const doc = docOf(base.cues);
    const plan = planAlignment(doc, alignment);
    new History(doc).execute(plan.command);
    for (let i = 1; i < doc.cues.length; i++) {
      expect(doc.cues[i]?.startMs).toBeGreaterThanOrEqual(doc.cues[i - 1]?.endMs as number);
    }
    expect(plan.squeezedIds.length).toBeGreaterThan(0);
  });

  it('accepts a 5-minute clip and subtitles covering only the first 40 % of the speech', () => {
    const clip = scene(5 * 60_000, 5);
    const damaged = shifted(clip.cues, (t) => t - 1_700);
    const a = alignCues(damaged, { segments: clip.speech, durationMs: clip.durationMs });
    expect(a.problem).toBeNull();
    expect(errors(synced(damaged, a), clip.cues).median).toBeLessThanOrEqual(60);

    const part = base.cues.slice(0, Math.round(base.cues.length * 0.4));
    const partial = shifted(part, (t) => t + 2_100);
    const b = alignCues(partial, target);
    expect(b.problem).toBeNull();
    expect(errors(synced(partial, b), part).median).toBeLessThanOrEqual(60);
  });

  it('refuses unrelated speech and says why', () => {
    const other = scene(15 * 60_000, 99);
    const alignment = alignCues(other.cues, target);
    expect(alignment.pieces).toEqual([]);
    expect(alignment.confidence).toBeLessThan(0.5);
    expect(alignment.problem && inEnglish(alignment.problem)).toMatch(/no part of the subtitles matches the speech/);
  });

  it('aligns to a reference subtitle of the same video (median start difference)', () => {
    // A translation: cues of the same lines, timed by another person (starts within +/- 150 ms).
    const next = random(3);
    const reference = base.cues.map((c) => ({ startMs: c.startMs + (next() - 0.5) * 300, endMs: c.endMs }));
    const damaged = shifted(base.cues, (t) => t + 61_000);
    const alignment = alignCues(
      damaged,
      { segments: reference.map((c): Span => [c.startMs, c.endMs]), durationMs: base.durationMs },
      { target: 'reference' },
    );
    expect(alignment.problem).toBeNull();
    expect(errors(synced(damaged, alignment), base.cues).median).toBeLessThanOrEqual(40);
  });
});

describe('planAlignment', () => {
  const cues: CueTimes[] = [
    { startMs: 1_000, endMs: 2_000 },
    { startMs: 3_000, endMs: 4_000 },
    { startMs: 5_000, endMs: 6_000 },
    { startMs: 7_000, endMs: 8_000 },
  ];
  const piece = (fromIndex: number, toIndex: number, fromMs: number, toMs: number, offsetMs: number) => ({
    fromIndex,
    toIndex,
    fromMs,
    toMs,
    scale: 1,
    offsetMs,
    shiftMs: offsetMs,
    driftPercent: 0,
    matchedMs: 0,
    matchedShare: 1,
    confidence: 1,
    strength: 10,
    estimatedErrorMs: 10,
    edgeCount: 2,
  });
  const alignment: Alignment = {
    pieces: [piece(0, 1, Number.NEGATIVE_INFINITY, 5_000, 1_500), piece(2, 3, 5_000, Number.POSITIVE_INFINITY, -500)],
    frameRateRatio: 1,
    confidence: 1,
    estimatedErrorMs: 10,
    problem: null,
    cueCount: 4,
  };

  it('moves pieces that come together without an overlap, as one undo step', () => {
    const doc = docOf(cues);
    const history = new History(doc);
    const plan = planAlignment(doc, alignment);
    history.execute(plan.command);
    const times = doc.cues.map((c) => [c.startMs, c.endMs]);
    expect(times[2]).toEqual([4_500, 5_500]);
    for (let i = 1; i < times.length; i++) expect(times[i]?.[0]).toBeGreaterThanOrEqual(times[i - 1]?.[1] as number);
    expect(plan.squeezedIds).toEqual([2]);
    history.undo();
    expect(doc.cues.map((c) => [c.startMs, c.endMs])).toEqual(cues.map((c) => [c.startMs, c.endMs]));
  });

  it('keeps the times of rejected pieces', () => {
    const doc = docOf(cues);
    const plan = planAlignment(doc, alignment, new Set([1]));
    expect(plan.changes.map((c) => c.id)).toEqual([3, 4]);
    expect(plan.changes[0]).toMatchObject({ newStart: 4_500, newEnd: 5_500 });
  });
});
