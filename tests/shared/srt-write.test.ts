/** Specification of the SRT writer: byte-exact for unedited text, canonical for edits, always a valid file. */
import { describe, expect, it } from 'vitest';
import { type Cue, SubtitleDoc, withFields } from '../../src-shared/document';
import { ReplaceCues, SpliceCues } from '../../src-shared/history';
import { formatCueBlock, readSrt, writeSrt } from '../../src-shared/srt';

function srt(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Replaces the cue at `position` with an edited copy, as the editor does. */
function edit(doc: SubtitleDoc, position: number, fields: Parameters<typeof withFields>[1]): void {
  const before = doc.cues[position] as Cue;
  new ReplaceCues('edit', [position], [before], [withFields(before, fields)]).apply(doc);
}

function insert(doc: SubtitleDoc, position: number, startMs: number, endMs: number, text: string): void {
  new SpliceCues('insert', position, [], [doc.createCue({ startMs, endMs, text })]).apply(doc);
}

function remove(doc: SubtitleDoc, position: number): void {
  new SpliceCues('remove', position, [doc.cues[position] as Cue], []).apply(doc);
}

const DAMAGED = [
  'Title line',
  '',
  '1',
  '00:00:01.000 --> 00:00:02,000  ',
  'a',
  '2',
  '0:00:03,000-->00:00:04,000 X1:1',
  'b',
  '',
  '',
  'orphan',
  '  ',
  '00:00:05,000 --> 00:00:06,000',
  '',
  '3',
  '00:00:07,000 --> 00:00:08,000',
  'last',
].join('\r\n');

describe('formatCueBlock', () => {
  const cue: Cue = { id: 9, startMs: 3_723_004, endMs: 3_725_000, text: 'one\ntwo', settings: '', trailer: '' };

  it('writes number, canonical timing line and text lines with the given line ending and no trailing break', () => {
    expect(formatCueBlock(cue, 4, '\r\n')).toBe('4\r\n01:02:03,004 --> 01:02:05,000\r\none\r\ntwo');
  });

  it('appends settings after one space and writes an empty cue as number and timing line only', () => {
    expect(formatCueBlock({ ...cue, text: '', settings: 'X1:10 X2:20' }, 1, '\n')).toBe(
      '1\n01:02:03,004 --> 01:02:05,000 X1:10 X2:20',
    );
  });

  it('clamps negative times to zero', () => {
    expect(formatCueBlock({ ...cue, startMs: -500, endMs: -1 }, 1, '\n')).toBe(
      '1\n00:00:00,000 --> 00:00:00,000\none\ntwo',
    );
  });

  it('drops blank lines inside the text, which SRT cannot express', () => {
    expect(formatCueBlock({ ...cue, text: 'one\n\n  \ntwo\r\nthree' }, 1, '\n')).toBe(
      '1\n01:02:03,004 --> 01:02:05,000\none\ntwo\nthree',
    );
  });
});

describe('writeSrt: unedited documents', () => {
  it('gives back damaged input byte for byte', () => {
    for (const input of [DAMAGED, `${DAMAGED}\r\n`, DAMAGED.replace(/\r\n/g, '\n'), DAMAGED.replace(/\r\n/g, '\r')]) {
      expect(writeSrt(readSrt(input).doc)).toBe(input);
    }
  });

  it('writes an empty document as its leading text', () => {
    expect(writeSrt(new SubtitleDoc())).toBe('');
    expect(writeSrt(readSrt('just words\n').doc)).toBe('just words\n');
  });
});

describe('writeSrt: edited documents', () => {
  it('writes an edited cue canonically with the file line ending and leaves the others verbatim', () => {
    const { doc } = readSrt(DAMAGED);
    edit(doc, 0, { text: 'A' });
    const out = writeSrt(doc);
    expect(
      out.startsWith(
        'Title line\r\n\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nA\r\n2\r\n0:00:03,000-->00:00:04,000 X1:1\r\n',
      ),
    ).toBe(true);
    expect(out.endsWith('3\r\n00:00:07,000 --> 00:00:08,000\r\nlast')).toBe(true);
  });

  it('separates an edited cue whose text ends with a number from a cue run together with it, so the number stays text', () => {
    const { doc } = readSrt(srt('00:00:01,000 --> 00:00:02,000', '00:00:03,000 --> 00:00:04,000', 'b'));
    edit(doc, 0, { text: 'room\n101' });
    const reread = readSrt(writeSrt(doc));
    expect(reread.doc.cues.map((c) => c.text)).toEqual(['room\n101', 'b']);
  });

  it('rewrites only the timing and text lines of an edited cue: separators as read stay (fix repairs them)', () => {
    const { doc } = readSrt(srt('1', '00:00:01,000 --> 00:00:02,000', 'a', '2', '00:00:03,000 --> 00:00:04,000', 'b'));
    edit(doc, 1, { text: 'B' });
    edit(doc, 0, { endMs: 2500 });
    expect(writeSrt(doc)).toBe(
      srt('1', '00:00:01,000 --> 00:00:02,500', 'a', '2', '00:00:03,000 --> 00:00:04,000', 'B'),
    );
  });

  it('keeps the index lines an edited cue was read with: odd numbers, and none where the file had none', () => {
    const numbered = readSrt(
      srt('2', '00:00:01,000 --> 00:00:02,000', 'a', '', '4', '00:00:03,000 --> 00:00:04,000', 'b'),
    );
    edit(numbered.doc, 0, { startMs: 500, endMs: 1500 });
    edit(numbered.doc, 1, { text: 'B' });
    expect(writeSrt(numbered.doc)).toBe(
      srt('2', '00:00:00,500 --> 00:00:01,500', 'a', '', '4', '00:00:03,000 --> 00:00:04,000', 'B'),
    );
    const bare = readSrt(srt('00:00:01,000 --> 00:00:02,000', 'a', '', '00:00:03,000 --> 00:00:04,000', 'b'));
    edit(bare.doc, 1, { startMs: 3100 });
    expect(writeSrt(bare.doc)).toBe(
      srt('00:00:01,000 --> 00:00:02,000', 'a', '', '00:00:03,100 --> 00:00:04,000', 'b'),
    );
  });

  it('keeps the file convention of no final newline for an edited last cue', () => {
    const { doc } = readSrt('1\n00:00:01,000 --> 00:00:02,000\n拜拜');
    edit(doc, 0, { endMs: 2500 });
    expect(writeSrt(doc)).toBe('1\n00:00:01,000 --> 00:00:02,500\n拜拜');
    const withNewline = readSrt('1\n00:00:01,000 --> 00:00:02,000\n拜拜\n').doc;
    edit(withNewline, 0, { endMs: 2500 });
    expect(writeSrt(withNewline)).toBe('1\n00:00:01,000 --> 00:00:02,500\n拜拜\n');
  });

  it('separates a cue appended after a last cue that had no final newline', () => {
    const { doc } = readSrt('1\n00:00:01,000 --> 00:00:02,000\n拜拜');
    insert(doc, 1, 3000, 4000, 'new');
    const out = writeSrt(doc);
    expect(out).toBe('1\n00:00:01,000 --> 00:00:02,000\n拜拜\n\n2\n00:00:03,000 --> 00:00:04,000\nnew');
    expect(readSrt(out).problems).toEqual([]);
  });

  it('renumbers by position once cues are inserted or removed, keeping the original line endings', () => {
    const { doc } = readSrt(DAMAGED);
    remove(doc, 0);
    const out = writeSrt(doc);
    const reread = readSrt(out);
    expect(reread.doc.cues.map((c) => c.source?.index)).toEqual([1, 2, 3]);
    expect(reread.doc.cues.map((c) => c.text)).toEqual(['b\norphan', '', 'last']);
    expect(out).toContain('1\r\n0:00:03,000-->00:00:04,000 X1:1\r\n');
    expect(out).toContain('2\r\n00:00:05,000 --> 00:00:06,000\r\n');
    expect(reread.problems.map((p) => p.code)).not.toContain('bad-index');
  });

  it('separates every cue pair after a reorder, even ones that were run together', () => {
    const { doc } = readSrt(srt('1', '00:00:01,000 --> 00:00:02,000', 'a', '2', '00:00:03,000 --> 00:00:04,000', 'b'));
    insert(doc, 2, 5000, 6000, 'c');
    const reread = readSrt(writeSrt(doc));
    expect(reread.doc.cues.map((c) => c.text)).toEqual(['a', 'b', 'c']);
    expect(reread.problems).toEqual([]);
  });

  it('writes an edited cue whose text followed a blank line without that blank line', () => {
    const input = srt(
      '1',
      '00:00:01,000 --> 00:00:02,000',
      'a',
      '',
      'stray',
      '',
      '2',
      '00:00:03,000 --> 00:00:04,000',
      'b',
    );
    const { doc } = readSrt(input);
    edit(doc, 0, { endMs: 2500 });
    const out = writeSrt(doc);
    expect(out).toBe(
      srt('1', '00:00:01,000 --> 00:00:02,500', 'a', 'stray', '', '2', '00:00:03,000 --> 00:00:04,000', 'b'),
    );
    expect(readSrt(out).problems).toEqual([]);
  });

  it('writes a document built from scratch canonically and it reads back to the same values', () => {
    const doc = new SubtitleDoc([], { eol: '\r\n', finalNewline: true });
    insert(doc, 0, 0, 1500, 'first\nline two');
    insert(doc, 1, 1500, 2000, '');
    insert(doc, 2, 3_600_000, 3_600_001, '<i>x</i>');
    const out = writeSrt(doc);
    expect(out).toBe(
      '1\r\n00:00:00,000 --> 00:00:01,500\r\nfirst\r\nline two\r\n\r\n2\r\n00:00:01,500 --> 00:00:02,000\r\n\r\n' +
        '3\r\n01:00:00,000 --> 01:00:00,001\r\n<i>x</i>\r\n',
    );
    const reread = readSrt(out);
    expect(reread.doc.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual([
      [0, 1500, 'first\nline two'],
      [1500, 2000, ''],
      [3_600_000, 3_600_001, '<i>x</i>'],
    ]);
    expect(reread.problems).toEqual([]);
  });
});
