/**
 * The timing post-processor: lead-in / lead-out, chaining small gaps, the profile's minimum gap and
 * minimum duration, each optional; never an overlap; touching cues stay touching; one undo step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubtitleDoc } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { inEnglish } from '../../src-shared/messages';
import { PROFILES } from '../../src-shared/profiles';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { type PostProcessOptions, postProcessTiming } from '../../src-shared/timing/post-process';
import { validate } from '../../src-shared/validate';
import { readFixtureText } from '../support/fixtures';
import { type CueSpec, docFrom, expectUndoable } from '../support/undoable';

const noGap = { minGapMs: 0, minDurationMs: 700 };
const netflix = PROFILES['netflix-en'];
const times = (doc: SubtitleDoc) => doc.cues.map((cue) => [cue.startMs, cue.endMs]);
const applied = (doc: SubtitleDoc, profile: typeof noGap, options: PostProcessOptions) => {
  new History(doc).execute(postProcessTiming(doc, profile, options).command);
  return times(doc);
};

describe('postProcessTiming', () => {
  it('changes nothing with every step off', () => {
    const doc = docFrom([
      [1_000, 1_200, 'a'],
      [1_250, 3_000, 'b'],
    ]);
    const result = postProcessTiming(doc, netflix, {});
    expect(result.changes).toEqual([]);
    const history = new History(doc);
    history.execute(result.command);
    expect(history.undoDepth).toBe(0);
  });

  it('adds lead-in and lead-out where there is room, and lists each change before and after', () => {
    const doc = docFrom([
      [1_000, 2_000, 'a'],
      [5_000, 6_000, 'b'],
    ]);
    const result = postProcessTiming(doc, noGap, { leadInMs: 100, leadOutMs: 250 });
    expect(result.changes.map((change) => ({ ...change, reason: inEnglish(change.reason) }))).toEqual([
      {
        number: 1,
        id: 1,
        beforeStartMs: 1_000,
        beforeEndMs: 2_000,
        afterStartMs: 900,
        afterEndMs: 2_250,
        reasons: ['lead-in', 'lead-out'],
        reason: 'lead-in 100 ms; lead-out 250 ms',
      },
      {
        number: 2,
        id: 2,
        beforeStartMs: 5_000,
        beforeEndMs: 6_000,
        afterStartMs: 4_900,
        afterEndMs: 6_250,
        reasons: ['lead-in', 'lead-out'],
        reason: 'lead-in 100 ms; lead-out 250 ms',
      },
    ]);
    const { history } = expectUndoable(doc, () => result.command);
    expect(history.undoDepth).toBe(1);
    expect(history.state.undoLabel).toBe('Timing post-processor');
  });

  it('shares a gap too small for both leads, keeping the minimum gap, and never goes below 0', () => {
    // 300 ms of gap minus 83 ms minimum gap leaves 217 ms for a 200 ms lead-out and a 200 ms lead-in.
    const doc = docFrom([
      [50, 2_000, 'a'],
      [2_300, 3_000, 'b'],
    ]);
    expect(applied(doc, netflix, { leadInMs: 200, leadOutMs: 200 })).toEqual([
      [0, 2_108],
      [2_191, 3_200],
    ]);
    expect((doc.cues[1]?.startMs as number) - (doc.cues[0]?.endMs as number)).toBe(83);
  });

  it('gives touching cues no lead: they stay touching', () => {
    const doc = docFrom([
      [1_000, 2_000, 'a'],
      [2_000, 3_000, 'b'],
    ]);
    expect(applied(doc, noGap, { leadInMs: 100, leadOutMs: 100 })).toEqual([
      [900, 2_000],
      [2_000, 3_100],
    ]);
  });

  it('chains a cue to the next when the gap is under the threshold: end = next start - min gap', () => {
    const doc = docFrom([
      [1_000, 2_000, 'a'],
      [2_400, 3_000, 'b'], // 400 ms gap: chained
      [3_600, 4_000, 'c'], // 600 ms gap: not under 500
      [4_000, 5_000, 'd'], // touching: stays touching
    ]);
    const result = postProcessTiming(doc, netflix, { chainGapUnderMs: 500 });
    expect(result.changes.map((change) => [change.number, change.afterEndMs, inEnglish(change.reason)])).toEqual([
      [1, 2_317, 'chained to cue 2 (83 ms gap)'],
    ]);
    expect(applied(doc, noGap, { chainGapUnderMs: 500 })).toEqual([
      [1_000, 2_400],
      [2_400, 3_000],
      [3_600, 4_000],
      [4_000, 5_000],
    ]);
  });

  it('does not chain by shrinking a cue below the minimum duration', () => {
    // a is 710 ms; chaining with an 83 ms gap to b, 40 ms after it, would leave 667 ms.
    const doc = docFrom([
      [1_000, 1_710, 'a'],
      [1_750, 3_000, 'b'],
    ]);
    expect(postProcessTiming(doc, { minGapMs: 83, minDurationMs: 700 }, { chainGapUnderMs: 500 }).changes).toEqual([]);
  });

  it('widens gaps under the minimum gap, or closes them when trimming would make the cue too short', () => {
    const doc = docFrom([
      [1_000, 2_000, 'a'],
      [2_030, 2_800, 'b'], // 30 ms gap after a: widened to 83 by trimming a
      [2_830, 3_000, 'c'], // 30 ms gap after b, but b would drop under 833 ms: closed
    ]);
    const result = postProcessTiming(doc, netflix, { enforceMinGap: true });
    expect(result.changes.map((change) => [change.number, change.afterStartMs, change.afterEndMs])).toEqual([
      [1, 1_000, 1_947],
      [2, 2_030, 2_830],
    ]);
    expect(inEnglish(result.changes[1]!.reason)).toBe('30 ms gap to cue 3 closed (too short to trim)');
    new History(doc).execute(result.command);
    expect(validate(doc, netflix).filter((problem) => problem.code === 'gap-too-small')).toEqual([]);
  });

  it('extends too-short cues into free room only, after first and then before', () => {
    const doc = docFrom([
      [1_000, 1_300, 'short with room after'],
      [2_500, 2_800, 'short, next touches'],
      [2_800, 4_000, 'long'],
      [9_000, 9_000, 'zero length'],
    ]);
    const result = postProcessTiming(doc, noGap, { enforceMinDuration: true });
    expect(result.changes.map((change) => [change.number, change.afterStartMs, change.afterEndMs])).toEqual([
      [1, 1_000, 1_700],
      [2, 2_100, 2_800],
    ]);
    expect(inEnglish(result.changes[1]!.reason)).toBe('extended to the minimum duration of 700 ms (start -400 ms)');
  });

  it('says so when a too-short cue cannot reach the minimum', () => {
    const doc = docFrom([
      [1_000, 1_800, 'a'],
      [1_900, 2_000, 'squeezed'],
      [2_100, 3_000, 'c'],
    ]);
    const result = postProcessTiming(doc, noGap, { enforceMinDuration: true });
    expect(result.changes.map((change) => [change.number, change.afterStartMs, change.afterEndMs])).toEqual([
      [2, 1_800, 2_100],
    ]);
    expect(inEnglish(result.changes[0]!.reason)).toBe(
      'extended by 200 ms, still 400 ms under the minimum (no more free room)',
    );
  });

  it('refuses a negative or non-finite amount with the option named', () => {
    const doc = docFrom([[1_000, 2_000, 'a']]);
    expect(() => postProcessTiming(doc, noGap, { leadInMs: Number.NaN })).toThrow(/leadInMs/);
    expect(() => postProcessTiming(doc, noGap, { chainGapUnderMs: Number.POSITIVE_INFINITY })).toThrow(
      /chainGapUnderMs/,
    );
  });
});

describe('postProcessTiming on the interview', () => {
  const interview = () => readSrt(readFixtureText('interview.srt')).doc;
  const block = (text: string, number: number) => {
    const lines = text.split('\n');
    return lines[lines.indexOf(String(number)) + 1];
  };

  it('works across 01:00:00: cue 2141 stays chained to its touching neighbours, 2142 chains to 2143', () => {
    const doc = interview();
    const result = postProcessTiming(doc, netflix, {
      leadInMs: 100,
      leadOutMs: 100,
      chainGapUnderMs: 500,
      enforceMinGap: true,
      enforceMinDuration: true,
    });
    expect(result.changes.some((change) => change.number === 2141)).toBe(false);
    expect(result.changes.find((change) => change.number === 2142)).toMatchObject({
      beforeEndMs: 3_605_066,
      afterEndMs: 3_605_017,
    });
    new History(doc).execute(result.command);
    const text = writeSrt(doc);
    expect(block(text, 2140)).toBe('00:59:54,600 --> 00:59:55,900');
    expect(block(text, 2141)).toBe('00:59:55,900 --> 01:00:00,800');
    expect(block(text, 2142)).toBe('01:00:00,800 --> 01:00:05,017');
    expect(block(text, 2143)).toBe('01:00:05,100 --> 01:00:06,366');
  });

  it('keeps the 1800 touching pairs, creates no overlap and fixes every small gap, as one undo step', () => {
    const doc = interview();
    const before = writeSrt(doc);
    const touching = (d: SubtitleDoc) =>
      d.cues.flatMap((cue, i) => (i > 0 && d.cues[i - 1]?.endMs === cue.startMs ? [cue.id] : []));
    const pairs = touching(doc);
    expect(pairs.length).toBe(1800);
    const count = (code: string) => validate(doc, netflix).filter((problem) => problem.code === code).length;
    const shortBefore = count('too-short');
    expect(count('gap-too-small')).toBeGreaterThan(0);
    const result = postProcessTiming(doc, netflix, {
      leadInMs: 120,
      leadOutMs: 120,
      chainGapUnderMs: 500,
      enforceMinGap: true,
      enforceMinDuration: true,
    });
    expect(result.changes.length).toBeGreaterThan(300);
    const history = new History(doc);
    history.execute(result.command);
    expect(history.undoDepth).toBe(1);
    expect(touching(doc)).toEqual(expect.arrayContaining(pairs));
    expect(count('overlap')).toBe(0);
    expect(count('gap-too-small')).toBe(0);
    expect(count('too-short')).toBeLessThan(shortBefore);
    history.undo();
    expect(writeSrt(doc)).toBe(before);
  });
});

describe('postProcessTiming properties', () => {
  const cueSpec: fc.Arbitrary<CueSpec> = fc
    .tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 3_000 }))
    .map(([startMs, lengthMs]) => [startMs, startMs + lengthMs, 'x'] as const);
  /** Random cues, with runs chained end to start (touching). */
  const cueSpecs: fc.Arbitrary<CueSpec[]> = fc
    .array(fc.tuple(cueSpec, fc.boolean()), { maxLength: 12 })
    .map((drawn) => {
      const specs: CueSpec[] = [];
      for (const [spec, chained] of drawn) {
        const previous = specs[specs.length - 1];
        specs.push(chained && previous ? [previous[1], previous[1] + spec[1] - spec[0], 'x'] : spec);
      }
      return specs;
    });
  const overlap = (a: readonly number[], b: readonly number[]) =>
    Math.max(0, Math.min(a[1] as number, b[1] as number) - Math.max(a[0] as number, b[0] as number));
  const options: fc.Arbitrary<PostProcessOptions> = fc.record({
    leadInMs: fc.integer({ min: 0, max: 500 }),
    leadOutMs: fc.integer({ min: 0, max: 500 }),
    chainGapUnderMs: fc.integer({ min: 0, max: 1_000 }),
    enforceMinGap: fc.boolean(),
    enforceMinDuration: fc.boolean(),
  });

  it('never creates or worsens an overlap, keeps touching cues touching and leaves zero-length cues alone', () => {
    fc.assert(
      fc.property(
        cueSpecs,
        options,
        fc.constantFrom(0, 83),
        fc.constantFrom(0, 700),
        (specs, opts, minGapMs, minDurationMs) => {
          const doc = docFrom(specs);
          const before = times(doc);
          const after = applied(doc, { minGapMs, minDurationMs }, opts);
          for (let i = 0; i < after.length; i++) {
            const [oldStart, oldEnd] = before[i] as [number, number];
            const [newStart, newEnd] = after[i] as [number, number];
            if (oldEnd === oldStart) expect([newStart, newEnd]).toEqual([oldStart, oldEnd]);
            else expect(newEnd).toBeGreaterThan(newStart);
            expect(newStart).toBeGreaterThanOrEqual(0);
            for (let j = 0; j < after.length; j++) {
              if (j === i) continue;
              const now = overlap(after[i] as number[], after[j] as number[]);
              if (now > 0) expect(now).toBeLessThanOrEqual(overlap(before[i] as number[], before[j] as number[]));
              const touched = oldEnd > oldStart && (before[j]?.[1] as number) > (before[j]?.[0] as number);
              if (touched && oldEnd === before[j]?.[0]) expect(newEnd).toBe(after[j]?.[0]);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
