/** The safe automatic fixes: what they repair on the broken interview, what they leave, and that one undo reverts them. */
import { describe, expect, it } from 'vitest';
import { History } from '../../src-shared/history';
import { inEnglish } from '../../src-shared/messages';
import { getProfile } from '../../src-shared/profiles';
import { applySafeFixes } from '../../src-shared/safe-fixes';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { validate } from '../../src-shared/validate';
import { BROKEN_SAFELY_FIXED, readFixtureText } from '../support/fixtures';

const profile = getProfile('default')!;

function fixBroken() {
  const text = readFixtureText('interview-broken.srt');
  const { doc, problems } = readSrt(text);
  const history = new History(doc);
  const report = applySafeFixes(history, problems, profile);
  return { text, doc, problems, history, report };
}

describe('applySafeFixes', () => {
  it('leaves only the problems that need a person on the broken interview', () => {
    const { doc, problems, report } = fixBroken();
    const codes = new Set(validate(doc, profile, problems).map((p) => p.code));
    for (const fixed of BROKEN_SAFELY_FIXED) {
      expect(codes.has(fixed as never), fixed).toBe(false);
    }
    expect(codes.has('negative-duration')).toBe(true);
    expect(report.left.some((line) => inEnglish(line).startsWith('cue 150 ends before it starts'))).toBe(true);
    expect(doc.length).toBe(2324);
  });

  it('writes a file that reads back with no reader problems and the same cues', () => {
    const { doc } = fixBroken();
    const written = writeSrt(doc);
    const again = readSrt(written);
    expect(again.problems).toEqual([]);
    expect(again.doc.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual(
      doc.cues.map((c) => [c.startMs, c.endMs, c.text]),
    );
    expect(
      written
        .split('\n')
        .filter((line) => /^\d+$/.test(line))
        .slice(0, 5),
    ).toEqual(['1', '2', '3', '4', '5']);
  });

  it('is one undo step that restores the file byte for byte', () => {
    const { text, doc, history } = fixBroken();
    expect(history.isDirty).toBe(true);
    history.undo();
    expect(writeSrt(doc)).toBe(text);
    expect(history.isDirty).toBe(false);
    history.redo();
    expect(validate(doc, profile).some((p) => p.code === 'overlap')).toBe(false);
  });

  it('changes nothing and adds no undo step on a clean file', () => {
    const text = readFixtureText('interview.srt');
    const { doc, problems } = readSrt(text);
    const history = new History(doc);
    const report = applySafeFixes(history, problems, profile);
    expect(report.changes).toEqual([]);
    expect(history.state.canUndo).toBe(false);
    expect(writeSrt(doc)).toBe(text);
  });
});

describe('applySafeFixes never throws a time away', () => {
  it('keeps a timing line with negative times as written and lists the cue for a person', () => {
    const text = '1\n-00:00:06,843 --> -00:00:02,850\nshifted past zero\n\n2\n00:00:01,000 --> 00:00:02,000\nfine\n';
    const { doc, problems } = readSrt(text);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'invalid-timestamp', timeLostByRewrite: true }));
    const report = applySafeFixes(new History(doc), problems, profile);
    const written = writeSrt(doc);
    expect(written).toContain('\n-00:00:06,843 --> -00:00:02,850\nshifted past zero\n');
    expect(written).not.toContain('00:00:00,000 --> 00:00:00,000');
    expect(report.left.map(inEnglish)).toContainEqual(
      expect.stringMatching(/^cue \d \(line 2\) has a negative time .*-00:00:06,843.*-00:00:02,850/),
    );
    expect(
      report.changes.map(inEnglish).some((line) => line.includes('normalized cue') && line.includes('line 2')),
    ).toBe(false);
  });

  it('still normalizes an out-of-range time it can carry over, such as 00:00:60,000', () => {
    const { doc, problems } = readSrt('1\n00:00:59,000 --> 00:00:60,500\ncarried\n');
    const report = applySafeFixes(new History(doc), problems, profile);
    expect(writeSrt(doc)).toBe('1\n00:00:59,000 --> 00:01:00,500\ncarried\n');
    expect(report.changes.map(inEnglish)).toContainEqual(expect.stringContaining('normalized cue 1'));
  });
});

describe('reader problems after edits', () => {
  it('drops bad-index once the document is renumbered, and keeps it before', () => {
    const { doc, problems } = readSrt(readFixtureText('interview-broken.srt'));
    expect(validate(doc, profile, problems).some((p) => p.code === 'bad-index')).toBe(true);
    doc.renumbered = true;
    expect(validate(doc, profile, problems).some((p) => p.code === 'bad-index')).toBe(false);
  });
});
