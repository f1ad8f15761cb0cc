/** Snap to speech with shot changes: the video's cuts are extra edges for starts and ends, within the same window. */
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src-shared/sync/activity';
import { planSnap } from '../../src-shared/sync/snap';
import { docFrom, expectUndoable } from '../support/undoable';

describe('planSnap with extraEdgesMs (shot changes)', () => {
  const doc = docFrom([
    [1_000, 2_500, 'a'],
    [5_000, 6_000, 'b'],
  ]);
  const speech: Span[] = [[1_200, 2_300]];

  it('snaps an edge to a shot change when it is nearer than any speech edge', () => {
    const plan = planSnap(doc, 'all', speech, { extraEdgesMs: [1_050, 5_900] });
    expect(plan.changes).toEqual([
      { id: 1, oldStart: 1_000, newStart: 1_050, oldEnd: 2_500, newEnd: 2_300 },
      { id: 2, oldStart: 5_000, newStart: 5_000, oldEnd: 6_000, newEnd: 5_900 },
    ]);
    expectUndoable(doc, () => plan.command);
  });

  it('changes nothing without shot changes, and ignores cuts outside the window', () => {
    const without = planSnap(doc, 'all', speech).changes;
    expect(planSnap(doc, 'all', speech, { extraEdgesMs: [] }).changes).toEqual(without);
    expect(planSnap(doc, 'all', speech, { extraEdgesMs: [4_000, 7_000] }).changes).toEqual(without);
  });

  it('still never creates an overlap through a shot change', () => {
    const touching = docFrom([
      [1_000, 2_000, 'a'],
      [2_000, 3_000, 'b'],
    ]);
    // A cut at 2 100 ms: a's end may not move past b's start.
    const plan = planSnap(touching, [1], [], { extraEdgesMs: [2_100] });
    expect(plan.changes).toEqual([]);
  });
});
