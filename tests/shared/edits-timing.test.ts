/** Bulk timing: shifting (all, a selection, from a time), two-point sync and frame-rate conversion. */
import { describe, expect, it } from 'vitest';
import { convertFrameRate, shiftCues, twoPointSync } from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { docFrom, expectUndoable, specsOf } from '../support/undoable';

function sample() {
  return docFrom([
    [200, 900, 'a'],
    [1000, 2000, 'b'],
    [5000, 6000, 'c'],
    [10_000, 12_000, 'd'],
  ]);
}

describe('shiftCues', () => {
  it('shifts every cue by a signed delta', () => {
    const doc = sample();
    expectUndoable(doc, (d) => shiftCues(d, { by: 2350, scope: 'all' }).command);
    expect(specsOf(doc).map(([s, e]) => [s, e])).toEqual([
      [2550, 3250],
      [3350, 4350],
      [7350, 8350],
      [12_350, 14_350],
    ]);
  });

  it('defaults to all cues and accepts byMs', () => {
    const doc = sample();
    expect(shiftCues(doc, { byMs: -100 }).changedCount).toBe(4);
  });

  it('shifts only the selected ids, keeping the other cue objects', () => {
    const doc = sample();
    const [a, , , d] = doc.cues;
    const result = shiftCues(doc, { by: 500, scope: { ids: [3, 2] } });
    expect(result.changedCount).toBe(2);
    expectUndoable(doc, () => result.command);
    expect(specsOf(doc).map(([s]) => s)).toEqual([200, 1500, 5500, 10_000]);
    expect(doc.cues[0]).toBe(a);
    expect(doc.cues[3]).toBe(d);
  });

  it('shifts everything starting at or after a time', () => {
    const doc = sample();
    expectUndoable(doc, (d) => shiftCues(d, { by: -1000, scope: { fromMs: 5000 } }).command);
    expect(specsOf(doc).map(([s]) => s)).toEqual([200, 1000, 4000, 9000]);
  });

  it('shifts from a cue on (by position)', () => {
    const doc = sample();
    new History(doc).execute(shiftCues(doc, { by: 1, scope: { fromId: 2 } }).command);
    expect(specsOf(doc).map(([s]) => s)).toEqual([200, 1001, 5001, 10_001]);
  });

  it('clamps times at 0 and reports the clamped cues', () => {
    const doc = sample();
    const result = shiftCues(doc, { by: -1050 });
    expect(result).toMatchObject({ clampedCount: 2, clampedIds: [1, 2], changedCount: 4 });
    new History(doc).execute(result.command);
    expect(specsOf(doc).map(([s, e]) => [s, e])).toEqual([
      [0, 0],
      [0, 950],
      [3950, 4950],
      [8950, 10_950],
    ]);
  });

  it('shift by +d then -d restores unclamped cues exactly', () => {
    const doc = sample();
    const before = specsOf(doc);
    const history = new History(doc);
    history.execute(shiftCues(doc, { by: 1234 }).command);
    history.execute(shiftCues(doc, { by: -1234 }).command);
    expect(specsOf(doc)).toEqual(before);
  });

  it('a zero shift changes nothing and is not an undo step', () => {
    const doc = sample();
    const history = new History(doc);
    const result = shiftCues(doc, { by: 0 });
    expect(result.changedCount).toBe(0);
    history.execute(result.command);
    expect(history.undoDepth).toBe(0);
  });

  it('rejects a missing or non-finite delta and unknown ids', () => {
    const doc = sample();
    expect(() => shiftCues(doc, {})).toThrow(RangeError);
    expect(() => shiftCues(doc, { by: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => shiftCues(doc, { by: 1, scope: { ids: [42] } })).toThrow(/42/);
  });
});

describe('twoPointSync', () => {
  it('maps times linearly so both reference cues land on their new starts', () => {
    const doc = sample();
    // b: 1000 -> 3000, d: 10000 -> 21000, so t' = 2t + 1000.
    const result = twoPointSync(doc, { first: { id: 2, newStartMs: 3000 }, second: { id: 4, newStartMs: 21_000 } });
    if (!result.ok) throw new Error(result.error);
    expect(result.scale).toBe(2);
    expect(result.offsetMs).toBe(1000);
    expectUndoable(doc, () => result.command);
    expect(specsOf(doc).map(([s, e]) => [s, e])).toEqual([
      [1400, 2800],
      [3000, 5000],
      [11_000, 13_000],
      [21_000, 25_000],
    ]);
  });

  it('corrects the drift of interview-drift.srt (t -> t * 1.001 + 800) back to the original', () => {
    const original = [60_000, 1_800_000, 3_894_466];
    const drifted = original.map((t) => Math.floor(t * 1.001 + 800 + 0.5));
    const doc = docFrom(drifted.map((t) => [t, t + 1000, ''] as const));
    const result = twoPointSync(doc, {
      first: { id: 1, newStartMs: original[0] as number },
      second: { id: 3, newStartMs: original[2] as number },
    });
    if (!result.ok) throw new Error(result.error);
    new History(doc).execute(result.command);
    expect(doc.cues.map((c) => c.startMs)).toEqual(original);
  });

  it('syncs only from a cue on (partial sync)', () => {
    const doc = sample();
    const result = twoPointSync(doc, {
      first: { id: 3, newStartMs: 5500 },
      second: { id: 4, newStartMs: 10_500 },
      scope: { fromId: 3 },
    });
    expect(result.ok).toBe(true);
    new History(doc).execute(result.command!);
    expect(specsOf(doc).map(([s]) => s)).toEqual([200, 1000, 5500, 10_500]);
  });

  it('rejects degenerate input with a clear error and no command', () => {
    const doc = sample();
    const same = twoPointSync(doc, { first: { id: 2, newStartMs: 0 }, second: { id: 2, newStartMs: 5 } });
    expect(same).toMatchObject({ ok: false, command: null, error: expect.stringMatching(/two different/) });
    const equalTargets = twoPointSync(doc, { first: { id: 1, newStartMs: 7 }, second: { id: 2, newStartMs: 7 } });
    expect(equalTargets).toMatchObject({ ok: false, error: expect.stringMatching(/equal/) });
    const sameStart = docFrom([
      [100, 200, 'x'],
      [100, 300, 'y'],
    ]);
    const tied = twoPointSync(sameStart, { first: { id: 1, newStartMs: 0 }, second: { id: 2, newStartMs: 50 } });
    expect(tied).toMatchObject({ ok: false, error: expect.stringMatching(/same time/) });
    const reversed = twoPointSync(doc, { first: { id: 1, newStartMs: 9000 }, second: { id: 4, newStartMs: 100 } });
    expect(reversed).toMatchObject({ ok: false, error: expect.stringMatching(/opposite order/) });
    const unknown = twoPointSync(doc, { first: { id: 1, newStartMs: 0 }, second: { id: 99, newStartMs: 100 } });
    expect(unknown).toMatchObject({ ok: false, error: expect.stringMatching(/99/) });
  });
});

describe('convertFrameRate', () => {
  it('scales every time by from/to (23.976 -> 25)', () => {
    const doc = sample();
    const expected = specsOf(doc).map(([s, e]) => [Math.round((s * 23.976) / 25), Math.round((e * 23.976) / 25)]);
    const result = convertFrameRate(doc, { fromFps: 23.976, toFps: 25 });
    expect(result.ok).toBe(true);
    expectUndoable(doc, () => result.command!);
    expect(specsOf(doc).map(([s, e]) => [s, e])).toEqual(expected);
    expect(doc.cues[3]?.startMs).toBe(9590);
  });

  it('25 -> 23.976 then 23.976 -> 25 comes back within a millisecond', () => {
    const doc = sample();
    const before = specsOf(doc);
    const history = new History(doc);
    history.execute(convertFrameRate(doc, { fromFps: 25, toFps: 23.976 }).command!);
    history.execute(convertFrameRate(doc, { fromFps: 23.976, toFps: 25 }).command!);
    specsOf(doc).forEach(([s, e], i) => {
      expect(Math.abs(s - (before[i]?.[0] as number))).toBeLessThanOrEqual(1);
      expect(Math.abs(e - (before[i]?.[1] as number))).toBeLessThanOrEqual(1);
    });
  });

  it('rejects rates that are not positive numbers', () => {
    expect(convertFrameRate(sample(), { fromFps: 0, toFps: 25 })).toMatchObject({ ok: false, command: null });
    expect(convertFrameRate(sample(), { fromFps: 25, toFps: Number.NaN }).ok).toBe(false);
  });
});
