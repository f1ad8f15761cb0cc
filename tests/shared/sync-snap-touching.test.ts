/**
 * Snap to speech on the interview with its speech track (issue 9): the 1800 touching pairs stay touching
 * (their shared boundary moves as one edge or not at all) and no cue becomes too short.
 */
import { describe, expect, it } from 'vitest';
import type { SubtitleDoc } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { PROFILES, type ProfileName } from '../../src-shared/profiles';
import { readSrt } from '../../src-shared/srt';
import type { Span } from '../../src-shared/sync/activity';
import { timeChangesCommand } from '../../src-shared/sync/changes';
import { planSnap, withSharedBoundaries } from '../../src-shared/sync/snap';
import { validate } from '../../src-shared/validate';
import { readFixtureText } from '../support/fixtures';

/** Where speech sounds in interview.ogg / .mp3 / .m4a (the fixture's measured ground truth). */
const speech = (JSON.parse(readFixtureText('speech-activity.json')) as { segments: Span[] }).segments;
const interview = () => readSrt(readFixtureText('interview.srt')).doc;

/** "a:b" for every cue a (in file order) that ends exactly where the next cue b starts. */
function touchingPairs(doc: SubtitleDoc): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < doc.cues.length; i++) {
    const [a, b] = [doc.cues[i - 1], doc.cues[i]];
    if (a && b && a.endMs === b.startMs) pairs.push(`${a.id}:${b.id}`);
  }
  return pairs;
}

const tooShort = (doc: SubtitleDoc, profile: ProfileName) =>
  validate(doc, profile).filter((problem) => problem.code === 'too-short').length;

describe('snap to speech keeps touching cues touching on the interview', () => {
  for (const profile of ['default', 'netflix-en'] as const) {
    it(`keeps all 1800 touching pairs and adds no too-short warning (${profile} profile)`, () => {
      const doc = interview();
      const pairs = touchingPairs(doc);
      expect(pairs.length).toBe(1800);
      const shortBefore = tooShort(doc, profile);
      expect(shortBefore).toBeGreaterThan(0);
      const plan = planSnap(doc, 'all', speech, { minDurationMs: PROFILES[profile].minDurationMs });
      // It still snaps the free edges (the cues' speech starts at the cue start, so it is mostly ends that move).
      expect(plan.changes.length).toBeGreaterThan(300);
      const history = new History(doc);
      history.execute(plan.command);
      expect(history.undoDepth).toBe(1);
      expect(touchingPairs(doc)).toEqual(pairs);
      expect(tooShort(doc, profile)).toBeLessThanOrEqual(shortBefore);
      history.undo();
      expect(touchingPairs(doc)).toEqual(pairs);
    });
  }

  it('moves shared boundaries as one edge back onto the speech after the subtitles ran 150 ms early', () => {
    const doc = interview();
    const pairs = touchingPairs(doc);
    const shortBefore = tooShort(doc, 'default');
    // The speech 150 ms later than the cues: every boundary has an onset in reach to move to.
    const late = speech.map(([start, end]): Span => [start + 150, end + 150]);
    const plan = planSnap(doc, 'all', late, { minDurationMs: PROFILES.default.minDurationMs });
    const original = interview();
    const movedBoundaries = pairs.filter((pair) => {
      const [a] = pair.split(':').map(Number);
      return plan.changes.some((change) => change.id === a && change.newEnd !== change.oldEnd);
    });
    expect(movedBoundaries.length).toBeGreaterThan(1500);
    new History(doc).execute(plan.command);
    expect(touchingPairs(doc)).toEqual(pairs);
    // A moved boundary sits 150 ms later, where the next cue's speech starts (give or take the rounding of
    // the onset). A very few go to a nearer onset: a last speech fragment of the earlier cue just before it
    // (cue 572 has one 21 ms before its end), which the speech alone cannot tell from the next cue's start.
    const onTarget = movedBoundaries.filter((pair) => {
      const position = doc.indexOf(Number(pair.split(':')[0]));
      const shiftMs = (doc.cues[position]?.endMs ?? 0) - (original.cues[position]?.endMs ?? 0);
      return Math.abs(shiftMs - 150) <= 5;
    });
    expect(onTarget.length / movedBoundaries.length).toBeGreaterThan(0.99);
    expect(tooShort(doc, 'default')).toBeLessThanOrEqual(shortBefore);
  });

  it('keeps pairs touching when only every other proposed change is accepted', () => {
    const doc = interview();
    const pairs = touchingPairs(doc);
    const late = speech.map(([start, end]): Span => [start + 150, end + 150]);
    const plan = planSnap(doc, 'all', late, { minDurationMs: PROFILES.default.minDurationMs });
    const reviewed = plan.changes.filter((_, i) => i % 2 === 0);
    const applied = withSharedBoundaries(doc, reviewed);
    // Accepting one side of a shared boundary brings the other side's edge along.
    expect(applied.length).toBeGreaterThan(reviewed.length);
    new History(doc).execute(timeChangesCommand(doc, applied, 'Snap to speech'));
    // Every pair still touches (an end that snapped up to the next cue's start may add a pair).
    expect(touchingPairs(doc)).toEqual(expect.arrayContaining(pairs));
    expect(validate(doc, 'default').filter((problem) => problem.code === 'overlap')).toEqual([]);
  });
});
