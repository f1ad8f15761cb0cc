/** Whole-document fixes: renumber, stable sort by start, and trimming overlaps within gap/duration limits. */
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src-shared/document';
import { canRenumber, fixOverlaps, isSortedByStart, renumber, sortByStart } from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { inEnglish } from '../../src-shared/messages';
import { docFrom, expectUndoable, specsOf } from '../support/undoable';

describe('renumber', () => {
  it('sets doc.renumbered through an undoable command', () => {
    const doc = docFrom([[0, 1000, 'a']]);
    expect(canRenumber(doc)).toBe(true);
    const { after } = expectUndoable(doc, (d) => renumber(d));
    expect(after.renumbered).toBe(true);
    expect(canRenumber(doc)).toBe(false);
    const history = new History(doc);
    history.execute(renumber(doc));
    expect(history.undoDepth).toBe(0);
  });
});

describe('sortByStart', () => {
  it('sorts by start time, stably, and renumbers', () => {
    const doc = docFrom([
      [3000, 4000, 'c'],
      [1000, 2000, 'a1'],
      [5000, 6000, 'd'],
      [1000, 1500, 'a2'],
      [2000, 3000, 'b'],
    ]);
    let moved = 0;
    const { after } = expectUndoable(doc, (d) => {
      const result = sortByStart(d);
      moved = result.movedCount;
      return result.command;
    });
    expect(doc.cues.map((c) => c.text)).toEqual(['a1', 'a2', 'b', 'c', 'd']);
    expect(after.renumbered).toBe(true);
    expect(moved).toBe(5);
    expect(isSortedByStart(doc)).toBe(true);
  });

  it('an already sorted document gives an empty command and keeps its numbering', () => {
    const doc = docFrom([
      [0, 1000, 'a'],
      [0, 500, 'b'],
      [2000, 3000, 'c'],
    ]);
    const result = sortByStart(doc);
    expect(result.movedCount).toBe(0);
    new History(doc).execute(result.command);
    expect(doc.renumbered).toBe(false);
  });
});

describe('fixOverlaps', () => {
  const noLimits = { minGapMs: 0, minDurationMs: 0 };

  it('trims the earlier end to the next start, keeping every other cue object', () => {
    const doc = docFrom([
      [0, 1000, 'a'],
      [1000, 2500, 'b'],
      [2000, 3000, 'c'],
      [3000, 4000, 'd'],
    ]);
    const untouched = doc.cues.filter((c) => c.id !== 2);
    let fixed: unknown[] = [];
    expectUndoable(doc, (d) => {
      const result = fixOverlaps(d, noLimits);
      fixed = result.fixed;
      return result.command;
    });
    expect(fixed).toEqual([{ id: 2, nextId: 3, oldEndMs: 2500, newEndMs: 2000 }]);
    expect(specsOf(doc)[1]).toEqual([1000, 2000, 'b']);
    expect(doc.cues.filter((c) => c.id !== 2)).toEqual(untouched);
    expect(doc.cues.filter((c) => c.id !== 2).every((c, i) => c === untouched[i])).toBe(true);
  });

  it('leaves the minimum gap before the next cue', () => {
    const doc = docFrom([
      [0, 1500, 'a'],
      [1000, 2000, 'b'],
    ]);
    const result = fixOverlaps(doc, { minGapMs: 84, minDurationMs: 0 });
    expect(result.fixed).toEqual([{ id: 1, nextId: 2, oldEndMs: 1500, newEndMs: 916 }]);
  });

  it('does not trim touching or merely close cues', () => {
    const doc = docFrom([
      [0, 1000, 'a'],
      [1000, 2000, 'b'],
      [2010, 3000, 'c'],
    ]);
    const result = fixOverlaps(doc, { minGapMs: 84, minDurationMs: 500 });
    expect(result).toMatchObject({ fixed: [], unfixed: [] });
    const history = new History(doc);
    history.execute(result.command);
    expect(history.undoDepth).toBe(0);
  });

  it('never trims below the minimum duration; settles for a smaller gap, or reports the pair', () => {
    const doc = docFrom([
      [0, 1000, 'a'],
      [950, 2000, 'b'],
      [3000, 4000, 'c'],
      [3200, 4200, 'd'],
    ]);
    const result = fixOverlaps(doc, { minGapMs: 100, minDurationMs: 900 });
    // a: 950 - 100 = 850 is too short; 900 still clears b's start.
    expect(result.fixed).toEqual([{ id: 1, nextId: 2, oldEndMs: 1000, newEndMs: 900 }]);
    expect(result.unfixed.map((u) => ({ ...u, message: inEnglish(u.message) }))).toEqual([
      { id: 3, nextId: 4, reason: 'min-duration', message: expect.stringContaining('minimum duration') },
    ]);
    new History(doc).execute(result.command);
    expect(specsOf(doc)[2]).toEqual([3000, 4000, 'c']);
  });

  it('reports cues that start together as not fixable (a zero-length cue is no fix)', () => {
    const doc = docFrom([
      [1000, 2000, 'a'],
      [1000, 3000, 'b'],
    ]);
    expect(fixOverlaps(doc, noLimits).unfixed.map((u) => [u.id, u.nextId])).toEqual([[1, 2]]);
  });

  it('works in time order without reordering an unsorted document', () => {
    const doc = docFrom([
      [2000, 3000, 'later'],
      [0, 2500, 'earlier'],
    ]);
    const result = fixOverlaps(doc, noLimits);
    expect(result.fixed).toEqual([{ id: 2, nextId: 1, oldEndMs: 2500, newEndMs: 2000 }]);
    new History(doc).execute(result.command);
    expect(doc.cues.map((c: Cue) => c.text)).toEqual(['later', 'earlier']);
  });

  it('rejects negative or non-finite limits', () => {
    const doc = docFrom([[0, 1, 'a']]);
    expect(() => fixOverlaps(doc, { minGapMs: -1, minDurationMs: 0 })).toThrow(RangeError);
    expect(() => fixOverlaps(doc, { minGapMs: 0, minDurationMs: Number.NaN })).toThrow(RangeError);
  });
});
