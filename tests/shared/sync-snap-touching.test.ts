/** Snap to speech on the interview with its speech track: chained cues stay chained, no cue becomes too short. */
import { describe, expect, it } from 'vitest';
import type { SubtitleDoc } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { PROFILES } from '../../src-shared/profiles';
import { readSrt } from '../../src-shared/srt';
import type { Span } from '../../src-shared/sync/activity';
import { timeChangesCommand } from '../../src-shared/sync/changes';
import { keepTouching, planSnap } from '../../src-shared/sync/snap';
import { readFixtureText } from '../support/fixtures';

const minDurationMs = PROFILES.default.minDurationMs;
const touchingPairs = (doc: SubtitleDoc) => {
  const pairs: string[] = [];
  for (let i = 1; i < doc.cues.length; i++) {
    if (doc.cues[i - 1]?.endMs === doc.cues[i]?.startMs) pairs.push(`${doc.cues[i - 1]?.id}:${doc.cues[i]?.id}`);
  }
  return pairs;
};
const tooShort = (doc: SubtitleDoc) =>
  doc.cues.filter((cue) => cue.endMs > cue.startMs && cue.endMs - cue.startMs < minDurationMs).length;

describe('snap to speech on the interview', () => {
  const segments = JSON.parse(readFixtureText('speech-activity.json')).segments as Span[];

  it('keeps every touching pair touching and does not add too-short cues', () => {
    const doc = readSrt(readFixtureText('interview.srt')).doc;
    const pairs = touchingPairs(doc);
    expect(pairs.length).toBe(1800);
    const shortBefore = tooShort(doc);
    const plan = planSnap(doc, 'all', segments, { minDurationMs });
    expect(plan.changes.length).toBeGreaterThan(100);
    new History(doc).execute(plan.command);
    expect(touchingPairs(doc)).toEqual(pairs);
    expect(tooShort(doc)).toBeLessThanOrEqual(shortBefore);
  });

  it('keeps pairs touching when only every other proposed change is applied', () => {
    const doc = readSrt(readFixtureText('interview.srt')).doc;
    const pairs = touchingPairs(doc);
    // Jitter everything by +150 ms so the chained boundaries really move.
    const jittered = segments.map(([s, e]) => [s - 150, e - 150] as Span);
    const plan = planSnap(doc, 'all', jittered, { minDurationMs });
    const subset = keepTouching(
      doc,
      plan.changes.filter((_, i) => i % 2 === 0),
    );
    const history = new History(doc);
    history.execute(timeChangesCommand(doc, subset, 'Snap to speech'));
    expect(touchingPairs(doc)).toEqual(pairs);
  });
});
