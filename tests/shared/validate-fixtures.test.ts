/** Validation of the real fixtures: interview-broken.srt reports exactly its injected defects (interview-broken.md); the clean files have no errors. */
import { describe, expect, it } from 'vitest';
import { type Problem, problemText } from '../../src-shared/problems';
import { PROFILE_NAMES, PROFILES } from '../../src-shared/profiles';
import { readSrt } from '../../src-shared/srt';
import { countBySeverity, validate } from '../../src-shared/validate';
import { readFixtureText } from '../support/fixtures';

/** A problem's message in English (undefined when there is no problem). */
const said = (problem?: { message: Parameters<typeof problemText>[0]['message'] } | null) =>
  problem ? problemText(problem) : undefined;

function validateFixture(name: string, profile = PROFILES.default) {
  const { doc, problems } = readSrt(readFixtureText(name));
  return { doc, problems: validate(doc, profile, problems) };
}

const broken = validateFixture('interview-broken.srt');
const seed = validateFixture('interview.srt');

/** Identifies a problem by its code and cue times rather than position, so swapped cues compare equal. */
function keyOf(doc: typeof broken.doc, problem: Problem): string {
  const cue = problem.cueId === null ? undefined : doc.cues[doc.indexOf(problem.cueId)];
  return `${problem.code}|${cue?.startMs}|${cue?.endMs}`;
}

function at(code: Problem['code'], line: number): Problem | undefined {
  return broken.problems.find((p) => p.code === code && p.line === line);
}

describe('interview-broken.srt with the default profile', () => {
  it('reports exactly the injected timing errors, at their lines', () => {
    const errors = broken.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}@${p.line}`);
    expect(errors).toEqual([
      'negative-duration@598',
      'invalid-timestamp@814',
      'out-of-order@1202', // block numbered 300, written after block 301
      'zero-duration@3199',
      'overlap@8563',
    ]);
  });

  it('describes the overlap across the hour mark with its amount and cue numbers', () => {
    const overlap = at('overlap', 8563);
    expect(overlap?.cueId).toBe(broken.doc.cues[2140]?.id);
    expect(said(overlap)).toBe('Cue 2141 overlaps cue 2142 by 400 ms (ends 01:00:01,200, next starts 01:00:00,800)');
  });

  it('describes the negative duration and the swapped cues', () => {
    expect(said(at('negative-duration', 598))).toContain('-1633 ms');
    const outOfOrder = at('out-of-order', 1202);
    expect(said(outOfOrder)).toContain('00:08:40,966');
    expect(said(outOfOrder)).toContain('00:08:42,566');
  });

  it('reports the reader warnings and the empty cue at their lines', () => {
    expect(at('malformed-timestamp', 998)).toBeDefined(); // '.' before the milliseconds
    expect(at('malformed-timestamp', 8599)).toBeDefined(); // 1-digit hours
    expect(at('bad-index', 2399)).toBeDefined(); // missing number
    expect(at('bad-index', 2802)).toBeDefined(); // duplicate number
    expect(at('empty-text', 3599)).toBeDefined();
    const missingBlank = broken.problems.find((p) => p.code === 'missing-blank-line');
    expect(missingBlank?.line).toBeGreaterThanOrEqual(1598);
    expect(missingBlank?.line).toBeLessThanOrEqual(1601);
  });

  it('adds nothing else to what the seed already has, and loses nothing', () => {
    const seedKeys = new Set(seed.problems.map((p) => keyOf(seed.doc, p)));
    const brokenKeys = new Set(broken.problems.map((p) => keyOf(broken.doc, p)));
    const added = broken.problems.filter((p) => !seedKeys.has(keyOf(broken.doc, p))).map((p) => `${p.code}@${p.line}`);
    expect(added).toEqual([
      'negative-duration@598',
      'invalid-timestamp@814',
      'malformed-timestamp@998',
      'bad-index@1197', // "301" where 300 was expected
      'out-of-order@1202',
      'bad-index@1201', // "300" where 301 was expected
      'missing-blank-line@1600',
      'bad-index@2399',
      'bad-index@2802',
      'zero-duration@3199',
      'empty-text@3599',
      'overlap@8563',
      'malformed-timestamp@8599',
    ]);
    // Cues whose defect changed their times (150, 800, 2141) had no seed problems to lose.
    const lost = seed.problems.filter((p) => !brokenKeys.has(keyOf(seed.doc, p)));
    expect(lost).toEqual([]);
  });

  it('reports the fixture problems by cue position', () => {
    const positions = broken.problems.map((p) => (p.cueId === null ? -1 : broken.doc.indexOf(p.cueId)));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('clean fixtures', () => {
  const clean = [
    'interview.srt',
    'interview-utf8-bom-crlf.srt',
    'interview-offset.srt',
    'interview-drift.srt',
    'interview-3min.srt',
  ];

  it.each(clean)('%s has no errors with any profile', (name) => {
    for (const profile of PROFILE_NAMES) {
      const { problems } = validateFixture(name, PROFILES[profile]);
      expect(countBySeverity(problems).error).toBe(0);
    }
  });

  it('does not flood the default profile with gap warnings for the 1800 touching pairs', () => {
    expect(seed.problems.filter((p) => p.code === 'gap-too-small' || p.code === 'overlap')).toEqual([]);
  });
});
