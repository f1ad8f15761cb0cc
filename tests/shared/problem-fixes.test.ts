/** Fixing all problems of one code, with a preview of every change, on the broken interview; and rewriting carried-over timestamps. */
import { describe, expect, it } from 'vitest';
import { History } from '../../src-shared/history';
import { inEnglish } from '../../src-shared/messages';
import { fixNoun, planCodeFix, rewriteTimings, timingRewrite } from '../../src-shared/problem-fixes';
import { PROFILES } from '../../src-shared/profiles';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { validate } from '../../src-shared/validate';
import { readFixtureText } from '../support/fixtures';

const broken = readFixtureText('interview-broken.srt');
const profile = PROFILES.default;

function open() {
  const { doc, problems } = readSrt(broken);
  return { doc, readProblems: problems, history: new History(doc), problems: validate(doc, profile, problems) };
}

describe('fix all of one code', () => {
  it('shows the carried-over value of the out-of-range timestamp before writing it, and writes only that cue', () => {
    const { doc, readProblems, history, problems } = open();
    const plan = planCodeFix(doc, 'invalid-timestamp', problems, profile);
    expect(plan?.rows.map((r) => ({ ...r, before: inEnglish(r.before), after: inEnglish(r.after) }))).toEqual([
      {
        id: expect.any(Number),
        cue: 204,
        before: '00:05:60,433 --> 00:06:01,300',
        after: '00:06:00,433 --> 00:06:01,300',
      },
    ]);
    expect(plan?.label).toBe('Fix 1 out-of-range timestamp');
    history.execute(plan!.command);
    const after = validate(doc, profile, readProblems);
    expect(after.some((p) => p.code === 'invalid-timestamp')).toBe(false);
    const written = writeSrt(doc);
    expect(written).toContain('\n00:06:00,433 --> 00:06:01,300\n');
    expect(written.replace('00:06:00,433 --> 00:06:01,300', '00:05:60,433 --> 00:06:01,300')).toBe(broken);
    history.undo();
    expect(writeSrt(doc)).toBe(broken);
  });

  it('trims the overlap at 01:00:00 with its before and after', () => {
    const { doc, problems } = open();
    const plan = planCodeFix(doc, 'overlap', problems, profile);
    expect(plan?.rows.map((r) => [r.cue, inEnglish(r.before), inEnglish(r.after)])).toEqual([
      [2141, 'ends 01:00:01,200', 'ends 01:00:00,800'],
    ]);
    expect(plan?.label).toBe('Fix 1 overlap');
  });

  it('swaps the negative duration and sorts the cues out of order, each listing what moves', () => {
    const { doc, problems } = open();
    const swap = planCodeFix(doc, 'negative-duration', problems, profile);
    expect(swap?.rows.map((r) => [r.cue, inEnglish(r.before), inEnglish(r.after)])).toEqual([
      [150, '00:04:27,833 --> 00:04:26,200', '00:04:26,200 --> 00:04:27,833'],
    ]);
    const sort = planCodeFix(doc, 'out-of-order', problems, profile);
    expect(sort?.rows.map((r) => [r.cue, inEnglish(r.after)])).toEqual([
      [301, 'cue 300'],
      [300, 'cue 301'],
    ]);
    expect(sort?.label).toBe('Fix 2 cues out of order');
  });

  it('has nothing to do on a clean file', () => {
    const { doc, problems } = readSrt(readFixtureText('interview.srt'));
    const found = validate(doc, profile, problems);
    for (const code of ['overlap', 'negative-duration', 'out-of-order', 'invalid-timestamp', 'bad-index'] as const)
      expect(planCodeFix(doc, code, found, profile), code).toBeNull();
  });

  it('names counts in the singular and plural', () => {
    expect(fixNoun('overlap', 1)).toBe('1 overlap');
    expect(fixNoun('overlap', 3)).toBe('3 overlaps');
    expect(fixNoun('bad-index', 2)).toBe('2 cue numbers');
  });
});

describe('rewriting a timing line', () => {
  it('writes 1-digit hours as two digits, and skips cues already edited', () => {
    const { doc } = open();
    const cue = doc.cues[2149]!;
    expect(timingRewrite(cue)).toEqual({
      before: '1:00:16,866 --> 01:00:19,900',
      after: '01:00:16,866 --> 01:00:19,900',
    });
    const history = new History(doc);
    history.execute(rewriteTimings(doc, [cue.id]));
    expect(doc.cues[2149]?.source).toBeUndefined();
    expect(timingRewrite(doc.cues[2149]!)).toBeNull();
    expect(rewriteTimings(doc, [cue.id]).label).toBe('Rewrite timestamps');
  });

  it('never rewrites a line with a negative time: it would become 0 and be lost', () => {
    const text = '1\n-00:00:06,843 --> -00:00:02,850\nshifted too far\n\n2\n00:00:03,000 --> 00:00:04,000\nok\n';
    const { doc, problems: read } = readSrt(text);
    const found = validate(doc, profile, read);
    expect(found.some((p) => p.code === 'invalid-timestamp')).toBe(true);
    expect(timingRewrite(doc.cues[0]!)).toBeNull();
    expect(planCodeFix(doc, 'invalid-timestamp', found, profile)).toBeNull();
    const history = new History(doc);
    history.execute(rewriteTimings(doc, [doc.cues[0]!.id]));
    expect(writeSrt(doc)).toBe(text);
  });
});
