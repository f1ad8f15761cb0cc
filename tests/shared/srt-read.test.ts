/** Specification of the tolerant SRT reader: what it accepts, what it reports, and what it keeps raw. */
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src-shared/document';
import { problemText, type ReadProblem } from '../../src-shared/problems';
import { readSrt, writeSrt } from '../../src-shared/srt';

/** A problem's message in English (undefined when there is no problem). */
const said = (problem?: { message: Parameters<typeof problemText>[0]['message'] } | null) =>
  problem ? problemText(problem) : undefined;

/** Joins lines with LF and a final newline. */
function srt(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function values(cues: readonly Cue[]): Array<[number, number, string]> {
  return cues.map((cue) => [cue.startMs, cue.endMs, cue.text]);
}

function codes(problems: readonly ReadProblem[]): Array<[string, number, number | null]> {
  return problems.map((p) => [p.code, p.line, p.cueId]);
}

describe('readSrt: well-formed input', () => {
  const text = srt(
    '1',
    '00:00:01,000 --> 00:00:02,500',
    'Hello',
    'world',
    '',
    '2',
    '01:02:03,004 --> 01:02:05,000',
    '<i>second</i>',
  );

  it('reads times, multi-line text and ids in file order without problems', () => {
    const { doc, problems } = readSrt(text);
    expect(values(doc.cues)).toEqual([
      [1000, 2500, 'Hello\nworld'],
      [3_723_004, 3_725_000, '<i>second</i>'],
    ]);
    expect(doc.cues.map((c) => c.id)).toEqual([1, 2]);
    expect(problems).toEqual([]);
  });

  it('records each cue source exactly: index line, body from timing line through text, trailer', () => {
    const [first, second] = readSrt(text).doc.cues as [Cue, Cue];
    expect(first.source).toEqual({
      indexLine: '1\n',
      index: 1,
      body: '00:00:01,000 --> 00:00:02,500\nHello\nworld\n',
    });
    expect(first.trailer).toBe('\n');
    expect(first.line).toBe(2);
    expect(second.source?.body).toBe('01:02:03,004 --> 01:02:05,000\n<i>second</i>\n');
    expect(second.trailer).toBe('');
    expect(second.line).toBe(7);
  });

  it('detects the format: dominant line ending and final newline', () => {
    expect(readSrt(text).doc.format).toEqual({ eol: '\n', finalNewline: true });
    expect(readSrt(text.replace(/\n/g, '\r\n').trimEnd()).doc.format).toEqual({ eol: '\r\n', finalNewline: false });
    expect(readSrt(text.replace(/\n/g, '\r')).doc.format).toEqual({ eol: '\r', finalNewline: true });
  });

  it('reads hours beyond 99 (long concatenations) without complaint', () => {
    const { doc, problems } = readSrt(srt('1', '108:19:52,600 --> 108:19:54,466', 'late'));
    expect(doc.cues[0]?.startMs).toBe(108 * 3_600_000 + 19 * 60_000 + 52_600);
    expect(problems).toEqual([]);
  });

  it('reads empty and blank-only input as an empty document', () => {
    for (const input of ['', '\n', '  \n\t\n', '\r\n\r\n']) {
      const { doc, problems } = readSrt(input);
      expect(doc.cues).toEqual([]);
      expect(doc.leading).toBe(input);
      expect(problems).toEqual([]);
    }
  });
});

describe('readSrt: line endings', () => {
  it('reads CRLF, CR and mixed endings alike, with text normalised to LF', () => {
    const lf = srt('1', '00:00:01,000 --> 00:00:02,000', 'a', 'b', '', '2', '00:00:03,000 --> 00:00:04,000', 'c');
    const crlf = lf.replace(/\n/g, '\r\n');
    const cr = lf.replace(/\n/g, '\r');
    let flip = 0;
    const mixed = lf.replace(/\n/g, () => ['\n', '\r\n', '\r'][flip++ % 3] as string);
    const expected = values(readSrt(lf).doc.cues);
    expect(expected).toEqual([
      [1000, 2000, 'a\nb'],
      [3000, 4000, 'c'],
    ]);
    for (const input of [crlf, cr, mixed]) {
      const { doc, problems } = readSrt(input);
      expect(values(doc.cues)).toEqual(expected);
      expect(problems).toEqual([]);
    }
  });

  it('keeps the original endings in the source so they can be written back', () => {
    const { doc } = readSrt('1\r\n00:00:01,000 --> 00:00:02,000\r\nx\r\n\r\n');
    expect(doc.cues[0]?.source?.indexLine).toBe('1\r\n');
    expect(doc.cues[0]?.source?.body).toBe('00:00:01,000 --> 00:00:02,000\r\nx\r\n');
    expect(doc.cues[0]?.trailer).toBe('\r\n');
  });

  it('reads the last cue when the file has no final newline', () => {
    const { doc } = readSrt('1\n00:00:01,000 --> 00:00:02,000\n拜拜');
    expect(doc.cues[0]?.text).toBe('拜拜');
    expect(doc.format.finalNewline).toBe(false);
  });
});

describe('readSrt: lenient timestamps', () => {
  function readTiming(line: string): { cue: Cue | undefined; problems: ReadProblem[] } {
    const { doc, problems } = readSrt(srt('1', line, 'text'));
    return { cue: doc.cues[0], problems };
  }

  it("accepts '.' as the millisecond separator with a malformed-timestamp warning on the timing line", () => {
    const { cue, problems } = readTiming('00:07:30.600 --> 00:07:31,500');
    expect([cue?.startMs, cue?.endMs]).toEqual([450_600, 451_500]);
    expect(codes(problems)).toEqual([['malformed-timestamp', 2, 1]]);
    expect(said(problems[0])).toContain("'.'");
  });

  it("accepts ':' before the milliseconds (HH:MM:SS:mmm) with a warning", () => {
    const { cue, problems } = readTiming('00:00:01:500 --> 00:00:02:040');
    expect([cue?.startMs, cue?.endMs]).toEqual([1500, 2040]);
    expect(codes(problems)).toEqual([['malformed-timestamp', 2, 1]]);
  });

  it('reads 1-digit hours as hours, not minutes', () => {
    const { cue, problems } = readTiming('1:00:16,866 --> 01:00:19,900');
    expect(cue?.startMs).toBe(3_616_866);
    expect(codes(problems)).toEqual([['malformed-timestamp', 2, 1]]);
  });

  it('reads fields without leading zeros by their digits (,5 is 5 ms) and warns', () => {
    const { cue, problems } = readTiming('0:0:1,5 --> 0:00:02,50');
    expect([cue?.startMs, cue?.endMs]).toEqual([1005, 2050]);
    expect(codes(problems)).toEqual([['malformed-timestamp', 2, 1]]);
  });

  it('reads timecodes without hours or without milliseconds, with a warning', () => {
    expect(readTiming('01:30,250 --> 01:31,000').cue?.startMs).toBe(90_250);
    expect(readTiming('00:00:05 --> 00:00:06').cue?.endMs).toBe(6000);
    expect(codes(readTiming('00:00:05 --> 00:00:06').problems)).toEqual([['malformed-timestamp', 2, 1]]);
  });

  it('reads more than 3 millisecond digits as a fraction of a second', () => {
    expect(readTiming('00:00:01,2506 --> 00:00:02,000').cue?.startMs).toBe(1251);
  });

  it('carries out-of-range fields over and reports invalid-timestamp naming the field', () => {
    const seconds = readTiming('00:05:60,433 --> 00:06:01,300');
    expect(seconds.cue?.startMs).toBe(360_433);
    expect(codes(seconds.problems)).toEqual([['invalid-timestamp', 2, 1]]);
    expect(said(seconds.problems[0])).toMatch(/seconds.*60/);
    const minutes = readTiming('00:00:01,000 --> 00:61:00,000');
    expect(minutes.cue?.endMs).toBe(61 * 60_000);
    expect(said(minutes.problems[0])).toMatch(/minutes.*61/);
  });

  it('accepts any spacing around the arrow and trailing whitespace without a problem', () => {
    for (const line of [
      '00:37:06,600-->00:37:07,166',
      '00:37:06,600  -->\t00:37:07,166',
      '00:37:06,600 --> 00:37:07,166  \t',
      ' 00:37:06,600 --> 00:37:07,166',
    ]) {
      const { cue, problems } = readTiming(line);
      expect([cue?.startMs, cue?.endMs, cue?.text, cue?.settings]).toEqual([2_226_600, 2_227_166, 'text', '']);
      expect(problems).toEqual([]);
    }
  });

  it('warns about an arrow of the wrong length but still reads it', () => {
    const { cue, problems } = readTiming('00:00:01,000 -> 00:00:02,000');
    expect(cue?.endMs).toBe(2000);
    expect(codes(problems)).toEqual([['malformed-timestamp', 2, 1]]);
  });

  it('keeps anything after the end time verbatim as settings', () => {
    const { cue, problems } = readTiming('00:00:01,000 --> 00:00:02,000 X1:100 X2:600 Y1:20 Y2:80 ');
    expect(cue?.settings).toBe('X1:100 X2:600 Y1:20 Y2:80');
    expect(problems).toEqual([]);
  });

  it('does not treat a line whose times cannot be read as a timing line', () => {
    const { doc, problems } = readSrt(
      srt('1', '00:00:01,000 --> 00:00:02,000', 'see 12:30 --> 13:00', 'at 00:00:01,000 --> later'),
    );
    expect(values(doc.cues)).toEqual([[1000, 2000, 'see 12:30 --> 13:00\nat 00:00:01,000 --> later']]);
    expect(problems).toEqual([]);
  });
});

describe('readSrt: damaged structure', () => {
  it('splits cues at "number + timing line" even without a blank line, keeping the number out of the text', () => {
    const { doc, problems } = readSrt(
      srt('1', '00:11:32,466 --> 00:11:33,033', '关联在哪里', '2', '00:11:33,033 --> 00:11:35,600', '然后'),
    );
    expect(values(doc.cues)).toEqual([
      [692_466, 693_033, '关联在哪里'],
      [693_033, 695_600, '然后'],
    ]);
    expect(codes(problems)).toEqual([['missing-blank-line', 4, 2]]);
    expect(doc.cues[0]?.trailer).toBe('');
  });

  it('starts a new cue at a timing line directly after text, reporting the missing blank line and index', () => {
    const { doc, problems } = readSrt(
      srt('1', '00:00:01,000 --> 00:00:02,000', 'a', '00:00:03,000 --> 00:00:04,000', 'b'),
    );
    expect(values(doc.cues)).toEqual([
      [1000, 2000, 'a'],
      [3000, 4000, 'b'],
    ]);
    expect(codes(problems)).toEqual([
      ['missing-blank-line', 4, 2],
      ['bad-index', 4, 2],
    ]);
    expect(doc.cues[1]?.source?.indexLine).toBeNull();
  });

  it('keeps a number-only text line as text when the next line is not a timing line', () => {
    const { doc, problems } = readSrt(
      srt('1', '00:00:01,000 --> 00:00:02,000', '就是说', '2024', '', '2', '00:00:03,000 --> 00:00:04,000', 'x'),
    );
    expect(doc.cues.map((c) => c.text)).toEqual(['就是说\n2024', 'x']);
    expect(problems).toEqual([]);
  });

  it('treats extra blank lines and whitespace-only lines as separators, never as cues or text', () => {
    const { doc, problems } = readSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'a',
        '',
        '',
        '  \t',
        '\u3000',
        '2',
        '00:00:03,000 --> 00:00:04,000',
        'b',
      ),
    );
    expect(values(doc.cues)).toEqual([
      [1000, 2000, 'a'],
      [3000, 4000, 'b'],
    ]);
    expect(doc.cues[0]?.trailer).toBe('\n\n  \t\n\u3000\n');
    expect(problems).toEqual([]);
  });

  it('reads a cue with no text (timing line followed by the separator) as empty text', () => {
    const { doc } = readSrt(srt('1', '00:00:01,000 --> 00:00:02,000', '', '2', '00:00:03,000 --> 00:00:04,000', 'b'));
    expect(doc.cues.map((c) => c.text)).toEqual(['', 'b']);
  });

  it('reports missing, repeated and out-of-sequence numbers as bad-index on the right line', () => {
    const { doc, problems } = readSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'a',
        '',
        '00:00:03,000 --> 00:00:04,000',
        'b',
        '',
        '2',
        '00:00:05,000 --> 00:00:06,000',
        'c',
        '',
        '5',
        '00:00:07,000 --> 00:00:08,000',
        'd',
      ),
    );
    expect(doc.cues).toHaveLength(4);
    expect(codes(problems)).toEqual([
      ['bad-index', 5, 2],
      ['bad-index', 8, 3],
      ['bad-index', 12, 4],
    ]);
    expect(said(problems[0])).toMatch(/missing/);
    expect(said(problems[1])).toMatch(/repeats/);
  });

  it('warns once for a file numbered from 0, not for every cue after it', () => {
    const { problems } = readSrt(
      srt('0', '00:00:01,000 --> 00:00:02,000', 'a', '', '1', '00:00:03,000 --> 00:00:04,000', 'b', '', '2'),
    );
    expect(codes(problems).filter(([code]) => code === 'bad-index')).toEqual([['bad-index', 1, 1]]);
  });

  it('keeps text after a blank line inside a cue in the cue, with a warning (as other readers do)', () => {
    const input = srt(
      '1',
      '00:00:01,000 --> 00:00:02,000',
      'first',
      '',
      'stray paragraph',
      'second stray line',
      '',
      '2',
      '00:00:03,000 --> 00:00:04,000',
      'b',
    );
    const { doc, problems } = readSrt(input);
    expect(doc.cues.map((c) => c.text)).toEqual(['first\nstray paragraph\nsecond stray line', 'b']);
    expect(doc.cues[0]?.trailer).toBe('\n');
    expect(codes(problems)).toEqual([['text-after-blank-line', 5, 1]]);
    expect(said(problems[0])).toContain('("stray paragraph") is kept in the cue');
    expect(writeSrt(doc)).toBe(input);
  });

  it('keeps text before the first cue in doc.leading and reports it with no cue id', () => {
    const { doc, problems } = readSrt(srt('Subtitles by someone', '', '1', '00:00:01,000 --> 00:00:02,000', 'a'));
    expect(doc.leading).toBe('Subtitles by someone\n\n');
    expect(doc.cues).toHaveLength(1);
    expect(codes(problems)).toEqual([['orphan-text', 1, null]]);
  });

  it('keeps every run of text after a blank line in the cue, one warning per run; a number with text is text', () => {
    const { doc, problems } = readSrt(
      srt('1', '00:00:01,000 --> 00:00:02,000', 'a', '', '7', 'lost text', '', 'more', ''),
    );
    expect(doc.cues).toHaveLength(1);
    expect(doc.cues[0]?.text).toBe('a\n7\nlost text\nmore');
    expect(doc.cues[0]?.trailer).toBe('\n');
    expect(codes(problems)).toEqual([
      ['text-after-blank-line', 5, 1],
      ['text-after-blank-line', 8, 1],
    ]);
  });

  it('reports a cue number alone on its line (a cut-off cue) as a lone-index warning, kept as written', () => {
    const atEnd = srt('1', '00:00:01,000 --> 00:00:02,000', 'a', '', '2');
    const end = readSrt(atEnd);
    expect(end.doc.cues.map((c) => c.text)).toEqual(['a']);
    expect(end.doc.cues[0]?.trailer).toBe('\n2\n');
    expect(codes(end.problems)).toEqual([['lone-index', 5, 1]]);
    expect(writeSrt(end.doc)).toBe(atEnd);
    const inside = readSrt(
      srt('1', '00:00:01,000 --> 00:00:02,000', 'a', '', '57', '', '2', '00:00:03,000 --> 00:00:04,000', 'b'),
    );
    expect(inside.doc.cues.map((c) => c.text)).toEqual(['a', 'b']);
    expect(codes(inside.problems)).toEqual([['lone-index', 5, 1]]);
  });

  it('reads a number alone after a blank line as a lone index also when the next cue follows it directly', () => {
    // Were it text, removing cue 2 (or writing a blank line before it) would turn it into a lone index on the
    // next read: it must read the same whatever its neighbour becomes.
    const runTogether = srt(
      '1',
      '00:00:01,000 --> 00:00:02,000',
      'a',
      '',
      '7',
      '2',
      '00:00:03,000 --> 00:00:04,000',
      'b',
    );
    const read = readSrt(runTogether);
    expect(read.doc.cues.map((c) => c.text)).toEqual(['a', 'b']);
    expect(read.doc.cues[0]?.trailer).toBe('\n7\n');
    expect(codes(read.problems)).toEqual([
      ['lone-index', 5, 1],
      ['missing-blank-line', 6, 2],
    ]);
    expect(writeSrt(read.doc)).toBe(runTogether);
    read.doc.cues.splice(1, 1);
    read.doc.renumbered = true;
    const again = readSrt(writeSrt(read.doc));
    expect(again.doc.cues.map((c) => c.text)).toEqual(['a']);
    expect(again.doc.cues[0]?.trailer).toBe('\n7\n');
  });

  it('keeps tags verbatim in the text', () => {
    const { doc } = readSrt(srt('1', '00:31:27,766 --> 00:31:29,466', '{\\an8}<i>其实完全是取决于</i>'));
    expect(doc.cues[0]?.text).toBe('{\\an8}<i>其实完全是取决于</i>');
  });

  it('does not sort or judge times: order, overlaps and negative durations are left to validation', () => {
    const { doc, problems } = readSrt(
      srt('1', '00:00:05,000 --> 00:00:04,000', 'a', '', '2', '00:00:01,000 --> 00:00:01,000', 'b'),
    );
    expect(values(doc.cues)).toEqual([
      [5000, 4000, 'a'],
      [1000, 1000, 'b'],
    ]);
    expect(problems).toEqual([]);
  });
});
