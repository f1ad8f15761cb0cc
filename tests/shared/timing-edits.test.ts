/**
 * Specification of the hand-timing edits (src-shared/timing/edits.ts) and their guard rails
 * (src-shared/timing/warnings.ts): pure, one undo step each, checked on the interview across the
 * 01:00:00 boundary (cues 2140-2142 touch: 00:59:55,900 and 01:00:00,800 are shared edges) and
 * against touching neighbours.
 */
import { describe, expect, it } from 'vitest';
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { inEnglish } from '../../src-shared/messages';
import { getProfile } from '../../src-shared/profiles';
import { readSrt } from '../../src-shared/srt';
import { formatSrtTime } from '../../src-shared/time';
import { createCueOverRange, nudgeTimes, setStartAndShiftLater } from '../../src-shared/timing/edits';
import { FAR_TOO_LONG_MS, timingWarnings } from '../../src-shared/timing/warnings';
import { readFixtureText } from '../support/fixtures';
import { docFrom, expectUndoable, specsOf } from '../support/undoable';

const HOUR = 3_600_000;
const profile = getProfile('default') as NonNullable<ReturnType<typeof getProfile>>;

function interview(): SubtitleDoc {
  return readSrt(readFixtureText('interview.srt')).doc;
}

/** The cue numbered `n` (1-based) of a document. */
function cue(doc: SubtitleDoc, n: number): Cue {
  return doc.cues[n - 1] as Cue;
}

/** Times of cue `n` as `HH:MM:SS,mmm --> HH:MM:SS,mmm`. */
function times(doc: SubtitleDoc, n: number): string {
  const c = cue(doc, n);
  return `${formatSrtTime(c.startMs)} --> ${formatSrtTime(c.endMs)}`;
}

/** Runs an edit through a History and returns the guard-rail sentences it earns. */
function executeWithWarnings(
  doc: SubtitleDoc,
  edit: { command: Parameters<History['execute']>[0]; changedIds: number[] },
) {
  const before = doc.cues.slice();
  new History(doc).execute(edit.command);
  return timingWarnings(before, doc.cues, edit.changedIds, profile).map(inEnglish);
}

describe('nudgeTimes', () => {
  it('moves the end of cue 2141 across 01:00:00 and back, one undo step', () => {
    const doc = interview();
    expect(times(doc, 2141)).toBe('00:59:55,900 --> 01:00:00,800');
    const { after } = expectUndoable(doc, (d) => nudgeTimes(d, [cue(d, 2141).id], 'end', -1000));
    expect(after.values[2140]?.endMs).toBe(HOUR - 200);
    expect(times(doc, 2141)).toBe('00:59:55,900 --> 00:59:59,800');
    const forward = nudgeTimes(doc, [cue(doc, 2141).id], 'end', +300);
    new History(doc).execute(forward.command);
    expect(times(doc, 2141)).toBe('00:59:55,900 --> 01:00:00,100');
  });

  it('moves only the named edge; touching neighbours are left alone and the overlap is said in words', () => {
    const doc = interview();
    const neighbourBefore = cue(doc, 2142);
    const warnings = executeWithWarnings(doc, nudgeTimes(doc, [cue(doc, 2141).id], 'end', +100));
    expect(times(doc, 2141)).toBe('00:59:55,900 --> 01:00:00,900');
    expect(cue(doc, 2142)).toBe(neighbourBefore);
    expect(warnings).toEqual(['Cue 2141 now overlaps cue 2142 by 100 ms']);
  });

  it('moving a start back into a touching cue warns; moving it forward (opening a gap) does not', () => {
    const doc = interview();
    expect(executeWithWarnings(doc, nudgeTimes(doc, [cue(doc, 2142).id], 'start', -10))).toEqual([
      'Cue 2142 now overlaps cue 2141 by 10 ms',
    ]);
    const fresh = interview();
    expect(executeWithWarnings(fresh, nudgeTimes(fresh, [cue(fresh, 2142).id], 'start', +10))).toEqual([]);
    expect(times(fresh, 2142)).toBe('01:00:00,810 --> 01:00:05,066');
  });

  it('moves both edges of several cues by one frame', () => {
    const doc = docFrom([
      [1000, 2000, 'a'],
      [2000, 3000, 'b'],
      [5000, 6000, 'c'],
    ]);
    const frame = Math.round(1000 / 25);
    expectUndoable(doc, (d) => nudgeTimes(d, [1, 2], 'both', frame));
    expect(specsOf(doc).map(([s, e]) => [s, e])).toEqual([
      [1040, 2040],
      [2040, 3040],
      [5000, 6000],
    ]);
  });

  it('stops at 00:00:00,000 and says which cue did', () => {
    const doc = docFrom([[50, 900, 'a']]);
    const result = nudgeTimes(doc, [1], 'start', -100);
    expect(result.clampedIds).toEqual([1]);
    expect(result.clampMessage && inEnglish(result.clampMessage)).toBe('Cue 1 stopped at 00:00:00,000');
    new History(doc).execute(result.command);
    expect(specsOf(doc)[0]?.slice(0, 2)).toEqual([0, 900]);
  });

  it('lets an end go before its start (undoable) and the guard rail names the cue', () => {
    const doc = docFrom([[1000, 1050, 'a']]);
    expect(executeWithWarnings(doc, nudgeTimes(doc, [1], 'end', -100))).toEqual(['Cue 1 ends before it starts']);
  });

  it('refuses unknown ids and non-finite deltas, and rounds a fractional delta to whole ms', () => {
    const doc = docFrom([[0, 1000, 'a']]);
    expect(() => nudgeTimes(doc, [99], 'start', 10)).toThrow();
    expect(() => nudgeTimes(doc, [1], 'start', Number.NaN)).toThrow(RangeError);
    new History(doc).execute(nudgeTimes(doc, [1], 'end', 40.4).command);
    expect(specsOf(doc)[0]?.slice(0, 2)).toEqual([0, 1040]);
  });
});

describe('setStartAndShiftLater', () => {
  it('sets the start of cue 2141 and moves every later cue by the same delta, keeping touching pairs touching', () => {
    const doc = interview();
    const before = doc.cues.slice();
    const result = setStartAndShiftLater(doc, cue(doc, 2141).id, cue(doc, 2141).startMs + 4_250);
    expectUndoable(doc, () => result);
    expect(result.changedIds).toHaveLength(doc.length - 2140);
    expect(times(doc, 2141)).toBe('01:00:00,150 --> 01:00:05,050');
    for (let i = 2140; i < doc.length; i++) {
      expect((doc.cues[i] as Cue).startMs - (before[i] as Cue).startMs).toBe(4_250);
      expect((doc.cues[i] as Cue).endMs - (before[i] as Cue).endMs).toBe(4_250);
    }
    // Earlier cues do not move; the pair 2141/2142 still touches.
    expect(doc.cues.slice(0, 2140)).toEqual(before.slice(0, 2140));
    expect(cue(doc, 2141).endMs).toBe(cue(doc, 2142).startMs);
  });

  it('moving back opens an overlap with the cue before, which the guard rail names', () => {
    const doc = interview();
    const warnings = executeWithWarnings(doc, setStartAndShiftLater(doc, cue(doc, 2141).id, HOUR - 5_000));
    expect(times(doc, 2141)).toBe('00:59:55,000 --> 00:59:59,900');
    expect(warnings[0]).toBe('Cue 2141 now overlaps cue 2140 by 900 ms');
  });

  it('in an unsorted file also moves the cues before it that start after it', () => {
    const doc = docFrom([
      [5000, 6000, 'late, first in the file'],
      [1000, 2000, 'anchor'],
      [3000, 4000, 'after'],
      [500, 800, 'earlier'],
    ]);
    setStartAndShiftLater(doc, 2, 1500).command.apply(doc);
    expect(specsOf(doc).map(([s]) => s)).toEqual([5500, 1500, 3500, 1000]);
  });

  it('stops a later cue that would go below zero at 00:00:00,000 and says which', () => {
    // Unsorted: cue 2 comes after the anchor in the file but starts before it, so it moves too.
    const doc = docFrom([
      [1000, 2000, 'anchor'],
      [300, 800, 'after in the file, earlier in time'],
    ]);
    const result = setStartAndShiftLater(doc, 1, 0);
    expect(result.changedIds).toEqual([1, 2]);
    expect(result.clampedIds).toEqual([2]);
    expect(result.clampMessage && inEnglish(result.clampMessage)).toBe('Cue 2 stopped at 00:00:00,000');
    expectUndoable(doc, () => result);
    expect(specsOf(doc).map(([start, end]) => [start, end])).toEqual([
      [0, 1000],
      [0, 0],
    ]);
  });
});

describe('createCueOverRange (click+drag in an empty area)', () => {
  it('creates a cue in its sorted place, with the range in either order, one undo step', () => {
    const doc = interview();
    const gapStart = cue(doc, 2142).endMs;
    const gapEnd = cue(doc, 2143).startMs;
    expect(gapEnd - gapStart).toBe(34);
    const result = createCueOverRange(doc, gapEnd, gapStart, '');
    expect(result.position).toBe(2142);
    expectUndoable(doc, () => result);
    expect(doc.length).toBe(2325);
    expect(times(doc, 2143)).toBe('01:00:05,066 --> 01:00:05,100');
    expect(cue(doc, 2142).endMs).toBe(cue(doc, 2143).startMs);
  });

  it('over a cue still happens; the guard rail says what it overlaps', () => {
    const doc = interview();
    const result = createCueOverRange(doc, HOUR - 1_000, HOUR + 1_000);
    const warnings = executeWithWarnings(doc, { command: result.command, changedIds: [result.id] });
    expect(warnings).toEqual(['Cue 2142 now overlaps cues 2141 and 2143']);
  });
});

describe('timingWarnings', () => {
  it('reports a cue made far longer than the profile maximum, not one a little over', () => {
    const doc = docFrom([[0, 1000, 'a']]);
    const slightly = nudgeTimes(doc, [1], 'end', profile.maxDurationMs);
    expect(executeWithWarnings(doc, slightly)).toEqual([]);
    const far = nudgeTimes(doc, [1], 'end', FAR_TOO_LONG_MS + 1);
    const warnings = executeWithWarnings(doc, far);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Cue 1 is [\d.]+ s long, [\d.]+ s over the profile's maximum of [\d.]+ s$/);
  });

  it('does not repeat a problem the cue already had to the same degree', () => {
    const doc = docFrom([
      [0, 2000, 'a'],
      [1500, 3000, 'b'],
    ]);
    const moveText = nudgeTimes(doc, [1], 'start', 100);
    expect(executeWithWarnings(doc, moveText)).toEqual([]);
  });
});
