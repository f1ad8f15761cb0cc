/** Applying a sync estimate: a per-cue preview, then one undo step that moves every cue in scope. */
import { describe, expect, it } from 'vitest';
import { History } from '../../src-shared/history';
import { planSync } from '../../src-shared/sync/apply';
import { timeChangesCommand } from '../../src-shared/sync/changes';
import { docFrom, expectUndoable, specsOf } from '../support/undoable';

function sample() {
  return docFrom([
    [1_000, 2_000, 'a'],
    [3_000, 4_500, 'b'],
    [10_000, 12_000, 'c'],
  ]);
}

describe('planSync', () => {
  it('previews old and new times of every cue and applies them as one undo step', () => {
    const doc = sample();
    // The correction for subtitles that run 0.1 % slow and 800 ms late: t' = (t - 800) / 1.001.
    const map = { scale: 1 / 1.001, offsetMs: -800 / 1.001 };
    const plan = planSync(doc, map);
    const expected = (ms: number) => Math.round((ms - 800) / 1.001);
    expect(plan.changes).toEqual(
      doc.cues.map((cue) => ({
        id: cue.id,
        oldStart: cue.startMs,
        newStart: expected(cue.startMs),
        oldEnd: cue.endMs,
        newEnd: expected(cue.endMs),
      })),
    );
    expect(plan.clampedIds).toEqual([]);
    expect(specsOf(doc).map(([s]) => s)).toEqual([1_000, 3_000, 10_000]);
    const { history } = expectUndoable(doc, () => plan.command);
    expect(history.undoDepth).toBe(1);
    expect(history.state.undoLabel).toBe('Sync to audio');
    expect(specsOf(doc).map(([s, e]) => [s, e])).toEqual([
      [expected(1_000), expected(2_000)],
      [expected(3_000), expected(4_500)],
      [expected(10_000), expected(12_000)],
    ]);
  });

  it('clamps times that would be negative at 0 and names those cues', () => {
    const doc = sample();
    const plan = planSync(doc, { scale: 1, offsetMs: -2_500 });
    expect(plan.clampedIds).toEqual([1]);
    expect(plan.changes[0]).toMatchObject({ id: 1, newStart: 0, newEnd: 0 });
    new History(doc).execute(plan.command);
    expect(specsOf(doc).map(([s, e]) => [s, e])).toEqual([
      [0, 0],
      [500, 2_000],
      [7_500, 9_500],
    ]);
  });

  it('leaves cues outside the scope, and cues the map does not move, out of the preview', () => {
    const doc = sample();
    const [a, b] = doc.cues;
    const plan = planSync(doc, { scale: 1, offsetMs: 250 }, { ids: [3] });
    expect(plan.changes).toEqual([{ id: 3, oldStart: 10_000, newStart: 10_250, oldEnd: 12_000, newEnd: 12_250 }]);
    new History(doc).execute(plan.command);
    expect(doc.cues[0]).toBe(a);
    expect(doc.cues[1]).toBe(b);
    expect(planSync(doc, { scale: 1, offsetMs: 0 }).changes).toEqual([]);
  });
});

describe('timeChangesCommand', () => {
  it('applies a reviewed subset of a plan, in one step', () => {
    const doc = sample();
    const plan = planSync(doc, { scale: 1, offsetMs: 100 });
    const kept = plan.changes.filter((change) => change.id !== 2);
    expectUndoable(doc, (d) => timeChangesCommand(d, kept, 'Sync to audio'));
    expect(specsOf(doc).map(([s]) => s)).toEqual([1_100, 3_000, 10_100]);
  });

  it('refuses changes for cues the document does not have', () => {
    const doc = sample();
    const change = { id: 99, oldStart: 0, newStart: 1, oldEnd: 2, newEnd: 3 };
    expect(() => timeChangesCommand(doc, [change], 'x')).toThrow(/99/);
  });
});
