/** Specification of the validation rules, their boundaries, the reader problems kept, and the ordering of results. */
import { describe, expect, it } from 'vitest';
import { type Cue, SubtitleDoc, withFields } from '../../src-shared/document';
import { msg } from '../../src-shared/messages';
import {
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  problemText,
  type ReadProblem,
} from '../../src-shared/problems';
import { PROFILES, type ValidationProfile } from '../../src-shared/profiles';
import { countByCode, countBySeverity, problemsByCue, RULES, severityByCue, validate } from '../../src-shared/validate';

/** A problem's message in English (undefined when there is no problem). */
const said = (problem?: { message: Parameters<typeof problemText>[0]['message'] } | null) =>
  problem ? problemText(problem) : undefined;

/** Round limits so boundaries are easy to read: 1-5 s, 10 cps, 10 characters x 2 lines, 100 ms gaps. */
const TEST: ValidationProfile = {
  name: 'test',
  label: 'Test',
  minDurationMs: 1000,
  maxDurationMs: 5000,
  maxCps: 10,
  maxLineLength: 10,
  maxLines: 2,
  minGapMs: 100,
};

/** A cue as the reader would make it: sourced, numbered by position, timing line at 4n - 2. */
function sourced(number: number, startMs: number, endMs: number, text: string): Cue {
  return {
    id: number,
    startMs,
    endMs,
    text,
    settings: '',
    trailer: '\n',
    line: number * 4 - 2,
    source: { indexLine: `${number}\n`, index: number, body: `timing\n${text}\n` },
  };
}

/** A document of sourced cues from [startMs, endMs, text] triples (text defaults to 'ok'). */
function docOf(...spans: [number, number, string?][]): SubtitleDoc {
  return new SubtitleDoc(spans.map(([start, end, text], i) => sourced(i + 1, start, end, text ?? 'ok')));
}

function codes(problems: readonly Problem[]): ProblemCode[] {
  return problems.map((p) => p.code);
}

function only(problems: readonly Problem[], code: ProblemCode): Problem[] {
  return problems.filter((p) => p.code === code);
}

describe('rules table', () => {
  it('has one rule per code, in PROBLEM_CODES order', () => {
    const ruleCodes = RULES.map((r) => r.code);
    expect(new Set(ruleCodes).size).toBe(ruleCodes.length);
    const ranks = ruleCodes.map((code) => PROBLEM_CODES.indexOf(code));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('accepts a profile name instead of a profile, and rejects unknown names', () => {
    const doc = docOf([0, 300]);
    expect(validate(doc, 'netflix-en')).toEqual(validate(doc, PROFILES['netflix-en']));
    expect(() => validate(doc, 'no-such-profile')).toThrow(/no-such-profile/);
  });

  it('finds nothing in a clean document', () => {
    expect(validate(docOf([0, 2000], [2000, 4000], [4500, 6000]), TEST)).toEqual([]);
    expect(validate(new SubtitleDoc([]), TEST)).toEqual([]);
  });
});

describe('overlap', () => {
  it('is reported on the earlier cue with the amount and both cue numbers', () => {
    const problems = validate(docOf([0, 2000], [1500, 3000]), TEST);
    expect(codes(problems)).toEqual(['overlap']);
    expect(problems[0]).toMatchObject({ severity: 'error', cueId: 1, line: 2 });
    expect(said(problems[0])).toBe('Cue 1 overlaps cue 2 by 500 ms (ends 00:00:02,000, next starts 00:00:01,500)');
  });

  it('formats times across the hour mark', () => {
    const problems = validate(docOf([3_595_900, 3_601_200], [3_600_800, 3_605_066]), PROFILES.default);
    expect(said(only(problems, 'overlap')[0])).toBe(
      'Cue 1 overlaps cue 2 by 400 ms (ends 01:00:01,200, next starts 01:00:00,800)',
    );
  });

  it('is not reported for touching cues (end == next start)', () => {
    expect(only(validate(docOf([0, 2000], [2000, 3000]), TEST), 'overlap')).toEqual([]);
  });

  it('is judged in time order, so swapped touching cues are only out of order', () => {
    // Like the fixture's blocks 301 and 300: 08:42,566-->08:42,800 written before 08:40,966-->08:42,566.
    const problems = validate(docOf([0, 1000], [2000, 3000], [1000, 2000]), TEST);
    expect(codes(problems)).toEqual(['out-of-order']);
    expect(problems[0]?.cueId).toBe(3);
  });

  it('names the earlier cue in time even when it comes later in the file', () => {
    // Cue 2 is the one out of order; cue 3 starts after cue 2 (so it is in order) but before cue 1, which it overlaps.
    const problems = validate(docOf([3000, 4000], [1000, 1200], [2000, 3500]), TEST);
    const overlap = only(problems, 'overlap');
    expect(overlap.map((p) => p.cueId)).toEqual([3]);
    expect(said(overlap[0])).toContain('Cue 3 overlaps cue 1 by 500 ms');
  });

  it('leaves an out-of-order cue that overlaps its neighbour to out-of-order alone', () => {
    const problems = validate(docOf([1000, 3000], [0, 1500]), TEST);
    expect(only(problems, 'overlap')).toEqual([]);
    expect(only(problems, 'out-of-order').map((p) => p.cueId)).toEqual([2]);
  });

  it('flags a cue that spans several later cues once', () => {
    const problems = validate(docOf([0, 5000], [1000, 2000], [3000, 4000]), TEST);
    expect(only(problems, 'overlap').map((p) => p.cueId)).toEqual([1]);
  });

  it('is not reported against a cue whose own start is wrong (negative duration): the root cause is reported once', () => {
    // Like the fixture's cue 150: its start was carried over to after its end, so it "starts" inside cue 1.
    const problems = validate(docOf([0, 2500], [2000, 1500], [3000, 4000]), TEST);
    expect(codes(problems)).toEqual(['negative-duration']);
    expect(problems[0]?.cueId).toBe(2);
  });

  it('is not reported against a cue that is itself out of order', () => {
    // Cue 3 starts before cue 2 in the file and inside cue 1's time: out of order is the one problem.
    const problems = validate(docOf([0, 2500], [3000, 4000], [1500, 2900]), TEST);
    expect(codes(problems)).toEqual(['out-of-order']);
    expect(problems[0]?.cueId).toBe(3);
  });

  it('is still reported between two sound cues next to a flawed one', () => {
    const problems = validate(docOf([0, 2500], [2000, 3000], [5000, 4000]), TEST);
    expect(codes(problems)).toEqual(['overlap', 'negative-duration']);
  });

  it('flags cues that start together', () => {
    const problems = validate(docOf([1000, 3000], [1000, 2500]), TEST);
    expect(only(problems, 'overlap')).toHaveLength(1);
  });
});

describe('negative and zero duration', () => {
  it('reports a cue that ends before it starts, with the negative duration', () => {
    const problems = validate(docOf([267_833, 266_200, 'x']), TEST);
    expect(codes(problems)).toEqual(['negative-duration']);
    expect(problems[0]?.severity).toBe('error');
    expect(said(problems[0])).toContain('-1633 ms');
  });

  it('reports a cue whose start equals its end', () => {
    const problems = validate(docOf([1000, 1000, 'x']), TEST);
    expect(codes(problems)).toEqual(['zero-duration']);
    expect(said(problems[0])).toContain('00:00:01,000');
  });

  it('does not add too-short or reading-speed noise to those cues', () => {
    const long = 'many many characters';
    expect(codes(validate(docOf([2000, 1000, long]), TEST))).not.toContain('too-short');
    expect(codes(validate(docOf([2000, 1000, long]), TEST))).not.toContain('reading-speed');
    expect(codes(validate(docOf([1000, 1000, long]), TEST))).not.toContain('reading-speed');
  });

  it('does not report a positive duration', () => {
    expect(codes(validate(docOf([1000, 2001]), TEST))).toEqual([]);
  });
});

describe('out-of-order', () => {
  it('is reported on the later cue with both start times', () => {
    const problems = validate(docOf([5000, 6000], [4000, 4500]), TEST);
    const problem = only(problems, 'out-of-order')[0];
    expect(problem).toMatchObject({ cueId: 2, severity: 'error', line: 6 });
    expect(said(problem)).toBe(
      'Cue 2 starts at 00:00:04,000, before the preceding cue 1, which starts at 00:00:05,000',
    );
  });

  it('allows cues that start at the same time', () => {
    expect(only(validate(docOf([1000, 1000], [1000, 2500]), TEST), 'out-of-order')).toEqual([]);
  });

  it('mentions the number written in the file when it differs from the position', () => {
    const doc = new SubtitleDoc([sourced(301, 2000, 3000, 'a'), sourced(300, 1000, 2000, 'b')]);
    const message = said(only(validate(doc, TEST), 'out-of-order')[0]);
    expect(message).toContain('Cue 2 (numbered 300 in the file)');
    expect(message).toContain('cue 1 (numbered 301 in the file)');
  });
});

describe('empty-text', () => {
  it('reports text with nothing visible', () => {
    for (const text of ['', '   ', '<i></i>', '{\\an8}', '\u3000']) {
      const problems = validate(docOf([0, 2000, text]), TEST);
      expect(codes(problems)).toEqual(['empty-text']);
      expect(problems[0]?.severity).toBe('warning');
    }
  });

  it('accepts any visible character', () => {
    expect(validate(docOf([0, 2000, '嗯']), TEST)).toEqual([]);
    expect(validate(docOf([0, 2000, '<i>.</i>']), TEST)).toEqual([]);
  });
});

describe('too-short and too-long', () => {
  it('reports durations below the minimum and accepts exactly the minimum', () => {
    const problems = validate(docOf([0, 999]), TEST);
    expect(codes(problems)).toEqual(['too-short']);
    expect(said(problems[0])).toContain('999 ms');
    expect(said(problems[0])).toContain('1000 ms');
    expect(validate(docOf([0, 1000]), TEST)).toEqual([]);
  });

  it('reports durations above the maximum and accepts exactly the maximum', () => {
    const problems = validate(docOf([0, 5001]), TEST);
    expect(codes(problems)).toEqual(['too-long']);
    expect(said(problems[0])).toContain('5001 ms');
    expect(validate(docOf([0, 5000]), TEST)).toEqual([]);
  });

  it('is switched off by a limit of 0', () => {
    const off = { ...TEST, minDurationMs: 0, maxDurationMs: 0, maxCps: 0, minGapMs: 0 };
    expect(validate(docOf([0, 1], [10, 99_999]), off)).toEqual([]);
  });

  it('uses 833 ms (5/6 s) for Netflix', () => {
    expect(codes(validate(docOf([0, 832, 'a']), PROFILES['netflix-en']))).toEqual(['too-short']);
    expect(codes(validate(docOf([0, 833, 'a']), PROFILES['netflix-en']))).toEqual([]);
  });
});

describe('reading-speed', () => {
  it('accepts exactly the limit and reports one character more', () => {
    expect(validate(docOf([0, 1000, 'abcdefghij']), TEST)).toEqual([]);
    const problems = validate(docOf([0, 1000, 'abcdefghijk']), { ...TEST, maxLineLength: 0 });
    expect(codes(problems)).toEqual(['reading-speed']);
    expect(said(problems[0])).toContain('11 characters');
    expect(said(problems[0])).toContain('limit of 10');
  });

  it('counts spaces but not line breaks or tags', () => {
    expect(codes(validate(docOf([0, 1000, 'abcd efghi']), TEST))).toEqual([]);
    expect(codes(validate(docOf([0, 1000, 'abcd efghij']), { ...TEST, maxLineLength: 0 }))).toEqual(['reading-speed']);
    expect(codes(validate(docOf([0, 1000, 'abcde\nfghij']), TEST))).toEqual([]);
    expect(codes(validate(docOf([0, 1000, '<i>abcde</i>\n{\\an8}fghij']), TEST))).toEqual([]);
  });

  it('counts each Chinese character once', () => {
    expect(codes(validate(docOf([0, 1000, '其实完全是取决于']), PROFILES['netflix-zh-hans']))).toEqual([]);
    expect(
      codes(validate(docOf([0, 1000, '{\\an8}<i>其实完全是取决于什么</i>']), PROFILES['netflix-zh-hans'])),
    ).toEqual(['reading-speed']);
  });

  it('does not round a rate down to the limit it exceeds', () => {
    const profile = { ...TEST, maxCps: 20, maxDurationMs: 0, maxLineLength: 0 };
    const rate = (chars: number, ms: number) => said(validate(docOf([0, ms, 'x'.repeat(chars)]), profile)[0]);
    expect(rate(201, 10_000)).toContain('reads at 20.1 characters per second');
    expect(rate(2004, 100_000)).toContain('reads at 20.04 characters per second'); // not "20.0"
  });

  it('is not reported for empty text', () => {
    expect(codes(validate(docOf([0, 10, '']), { ...TEST, minDurationMs: 0 }))).toEqual(['empty-text']);
  });
});

describe('line-too-long and too-many-lines', () => {
  it('accepts a line exactly at the limit and reports the longest line', () => {
    expect(validate(docOf([0, 2000, 'abcdefghij']), TEST)).toEqual([]);
    const problems = validate(docOf([0, 5000, 'short\nabcdefghijk']), TEST);
    expect(codes(problems)).toEqual(['line-too-long']);
    expect(said(problems[0])).toContain('line 2 has 11 characters');
  });

  it('counts visible characters only', () => {
    expect(validate(docOf([0, 2000, '<i>abcdefghij</i>']), TEST)).toEqual([]);
    expect(
      codes(validate(docOf([0, 3000, '这是我一直对量子力学的那个多世界诠释']), PROFILES['netflix-zh-hans'])),
    ).toEqual(['line-too-long']);
    expect(
      codes(validate(docOf([0, 3000, '{\\an8}<i>这是我一直对量子力学的那个</i>']), PROFILES['netflix-zh-hans'])),
    ).toEqual([]);
  });

  it('accepts the maximum number of lines and reports more', () => {
    expect(validate(docOf([0, 2000, 'a\nb']), TEST)).toEqual([]);
    const problems = validate(docOf([0, 2000, 'a\nb\nc']), TEST);
    expect(codes(problems)).toEqual(['too-many-lines']);
    expect(said(problems[0])).toContain('3 lines');
  });
});

describe('gap-too-small', () => {
  it('reports a gap below the minimum on the earlier cue', () => {
    const problems = validate(docOf([0, 2000], [2099, 4000]), TEST);
    expect(codes(problems)).toEqual(['gap-too-small']);
    expect(problems[0]?.cueId).toBe(1);
    expect(said(problems[0])).toContain('99 ms');
  });

  it('accepts exactly the minimum and touching cues', () => {
    expect(validate(docOf([0, 2000], [2100, 4000]), TEST)).toEqual([]);
    expect(validate(docOf([0, 2000], [2000, 4000]), TEST)).toEqual([]);
  });

  it('is off when minGapMs is 0, as in the default profile', () => {
    expect(validate(docOf([0, 2000], [2001, 4000]), { ...TEST, minGapMs: 0 })).toEqual([]);
    expect(only(validate(docOf([0, 2000], [2001, 4000]), PROFILES.default), 'gap-too-small')).toEqual([]);
  });

  it('uses 2 frames (83 ms) for Netflix', () => {
    const netflix = PROFILES['netflix-en'];
    expect(codes(validate(docOf([0, 2000], [2082, 4000]), netflix))).toEqual(['gap-too-small']);
    expect(codes(validate(docOf([0, 2000], [2083, 4000]), netflix))).toEqual([]);
  });
});

describe('reader problems', () => {
  const read = (code: ReadProblem['code'], cueId: number | null, line: number): ReadProblem => ({
    code,
    cueId,
    line,
    message: msg('test:here', { code }),
  });

  it('are included with their severity, line and message while the cue is unedited', () => {
    const doc = docOf([0, 2000], [2000, 4000]);
    const problems = validate(doc, TEST, [read('malformed-timestamp', 2, 7), read('invalid-timestamp', 1, 3)]);
    expect(problems).toEqual([
      {
        code: 'invalid-timestamp',
        severity: 'error',
        cueId: 1,
        line: 3,
        message: msg('test:here', { code: 'invalid-timestamp' }),
      },
      {
        code: 'malformed-timestamp',
        severity: 'warning',
        cueId: 2,
        line: 7,
        message: msg('test:here', { code: 'malformed-timestamp' }),
      },
    ]);
  });

  it('are dropped once the cue is edited or removed', () => {
    const doc = docOf([0, 2000], [2000, 4000]);
    doc.cues[0] = withFields(doc.cues[0] as Cue, { text: 'fixed' });
    doc.cues.splice(1, 1);
    doc.touch();
    expect(validate(doc, TEST, [read('malformed-timestamp', 1, 2), read('missing-blank-line', 2, 5)])).toEqual([]);
  });

  it('keep a bad index and a missing blank line after an edit, which rewrites neither, until renumbering', () => {
    const doc = docOf([0, 2000], [2000, 4000]);
    doc.cues[0] = withFields(doc.cues[0] as Cue, { text: 'fixed' });
    doc.cues[1] = withFields(doc.cues[1] as Cue, { startMs: 2500 });
    doc.touch();
    const reader = [read('bad-index', 1, 1), read('missing-blank-line', 2, 5)];
    expect(codes(validate(doc, TEST, reader))).toEqual(['bad-index', 'missing-blank-line']);
    doc.renumbered = true;
    expect(validate(doc, TEST, reader)).toEqual([]);
  });

  it('keep orphan text while it is still in the trailer of the cue it follows, even after an edit', () => {
    const doc = docOf([0, 2000], [2000, 4000]);
    doc.cues[0] = { ...withFields(doc.cues[0] as Cue, { text: 'edited' }), trailer: 'stray line\n\n' };
    doc.touch();
    const orphan = read('orphan-text', 1, 4);
    expect(codes(validate(doc, TEST, [orphan]))).toEqual(['orphan-text']);
    doc.cues[0] = { ...(doc.cues[0] as Cue), trailer: '\n' };
    doc.touch();
    expect(validate(doc, TEST, [orphan])).toEqual([]);
  });

  it('keep orphan text before the first cue while the leading text is not blank', () => {
    const doc = docOf([0, 2000]);
    const orphan = read('orphan-text', null, 1);
    doc.leading = 'junk\n\n';
    expect(validate(doc, TEST, [orphan])).toMatchObject([{ code: 'orphan-text', cueId: null, line: 1 }]);
    doc.leading = '\n';
    expect(validate(doc, TEST, [orphan])).toEqual([]);
  });
});

describe('results', () => {
  it('are sorted by cue position, then code order, with text before the first cue first', () => {
    const doc = docOf([0, 500, 'a\nb\nc'], [400, 2000, '']);
    doc.leading = 'junk\n';
    const problems = validate(doc, TEST, [
      { code: 'bad-index', cueId: 2, line: 5, message: msg('test:dup') },
      { code: 'orphan-text', cueId: null, line: 1, message: msg('test:junk') },
      { code: 'malformed-timestamp', cueId: 1, line: 2, message: msg('test:dot') },
    ]);
    expect(problems.map((p) => `${p.cueId}:${p.code}`)).toEqual([
      'null:orphan-text',
      '1:overlap',
      '1:malformed-timestamp',
      '1:too-short',
      '1:too-many-lines',
      '2:bad-index',
      '2:empty-text',
    ]);
  });

  it('carry the timing line as read, or null for cues created since', () => {
    const doc = docOf([0, 500]);
    doc.cues.push(doc.createCue({ startMs: 1000, endMs: 1500, text: 'new' }));
    doc.touch();
    expect(validate(doc, TEST).map((p) => p.line)).toEqual([2, null]);
  });
});

describe('summaries', () => {
  const doc = docOf([0, 2000], [1500, 1700, ''], [1700, 1700]);
  const problems = validate(doc, TEST);

  it('count by severity and by code', () => {
    expect(countBySeverity(problems)).toEqual({ error: 2, warning: 2 });
    expect(countByCode(problems)).toEqual({ overlap: 1, 'empty-text': 1, 'too-short': 1, 'zero-duration': 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0 });
  });

  it('group problems by cue and give each cue its worst severity', () => {
    const byCue = problemsByCue(problems);
    expect([...byCue.keys()]).toEqual([1, 2, 3]);
    expect(byCue.get(2)?.map((p) => p.code)).toEqual(['empty-text', 'too-short']);
    const worst = severityByCue(problems);
    expect(worst.get(1)).toBe('error');
    expect(worst.get(2)).toBe('warning');
    expect(worst.get(3)).toBe('error');
  });
});

describe('message grammar', () => {
  it('reads right in the singular', () => {
    const one: ValidationProfile = { ...TEST, maxLineLength: 0, maxCps: 0, maxLines: 0, minDurationMs: 0 };
    const a = validate(docOf([0, 1000, 'x']), { ...one, maxLineLength: 0, maxCps: 0.5 });
    expect(said(only(a, 'reading-speed')[0])).toContain('(1 character in 1000 ms)');
    expect(said(only(a, 'reading-speed')[0])).toContain('reads at 1 character per second');
    const b = validate(docOf([0, 1000, 'x']), { ...one, maxLineLength: 0.5 });
    expect(said(only(b, 'line-too-long')[0])).toContain('line 1 has 1 character, more than');
  });

  it('reads right in the plural', () => {
    const problems = validate(docOf([0, 1000, 'abcdefghijkl\nb\nc']), { ...TEST, minDurationMs: 0 });
    expect(said(only(problems, 'line-too-long')[0])).toContain('has 12 characters');
    expect(said(only(problems, 'too-many-lines')[0])).toContain('has 3 lines');
    expect(said(only(problems, 'reading-speed')[0])).toContain('(14 characters in 1000 ms)');
  });
});
