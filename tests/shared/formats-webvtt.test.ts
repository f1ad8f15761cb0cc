/**
 * WebVTT reading and writing, case by case from the W3C WebVTT parsing rules (own cases, not copied test files):
 * signature and header, optional identifiers, timestamps with and without hours, settings, blocks that end at a
 * blank line or a `-->` line, NOTE/STYLE/REGION blocks, and what the rules discard (kept here, and reported).
 */
import { describe, expect, it } from 'vitest';
import { withFields } from '../../src-shared/document';
import { readSubtitle, writeSubtitle } from '../../src-shared/formats/index';
import { parseVttTimestamp, readWebVtt, writeWebVtt } from '../../src-shared/formats/webvtt';
import { History } from '../../src-shared/history';
import { inEnglish } from '../../src-shared/messages';
import { problemText } from '../../src-shared/problems';
import { getProfile } from '../../src-shared/profiles';
import { applySafeFixes } from '../../src-shared/safe-fixes';

const cueTimes = (text: string) => readWebVtt(text).doc.cues.map((c) => [c.startMs, c.endMs, c.text]);

describe('WebVTT timestamps', () => {
  it('reads MM:SS.mmm and HH:MM:SS.mmm, hours of any width', () => {
    expect(parseVttTimestamp('01:02.003')?.ms).toBe(62_003);
    expect(parseVttTimestamp('00:01:02.003')?.ms).toBe(62_003);
    expect(parseVttTimestamp('1:00:00.000')?.ms).toBe(3_600_000);
    expect(parseVttTimestamp('100:00:00.001')?.ms).toBe(360_000_001);
  });
  it('refuses what the rules refuse: comma, missing millisecond digits, minutes or seconds above 59, a 3-digit minute field without hours', () => {
    for (const bad of ['00:01,000', '00:01.00', '00:60.000', '00:00:60.000', '001:00.000', '1:2.000'])
      expect(parseVttTimestamp(bad), bad).toBeNull();
  });
});

describe('reading WebVTT', () => {
  it('needs no identifiers, keeps them when given, and keeps settings', () => {
    const text =
      'WEBVTT\n\n00:01.000 --> 00:02.000\nfirst\n\nintro\n00:00:03.000 --> 00:00:04.500 line:0 align:start\nsecond\nline two\n';
    const { doc, problems, format } = readSubtitle(text);
    expect(format).toBe('webvtt');
    expect(problems).toEqual([]);
    expect(doc.cues.map((c) => [c.startMs, c.endMs, c.text, c.settings])).toEqual([
      [1000, 2000, 'first', ''],
      [3000, 4500, 'second\nline two', 'line:0 align:start'],
    ]);
    expect(doc.cues[1]?.source?.indexLine).toBe('intro\n');
  });

  it('accepts text after the signature and a header up to the first blank line', () => {
    expect(cueTimes('WEBVTT - a title\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nhi\n')).toEqual([
      [1000, 2000, 'hi'],
    ]);
  });

  it('ends a payload at a line holding "-->": that line starts the next cue', () => {
    expect(cueTimes('WEBVTT\n\n00:01.000 --> 00:02.000\none\n00:03.000 --> 00:04.000\ntwo\n')).toEqual([
      [1000, 2000, 'one'],
      [3000, 4000, 'two'],
    ]);
  });

  it('decodes &amp; &lt; &gt; and keeps cue tags (<v>, <c.x>, <i>) in the text', () => {
    expect(cueTimes('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Bob>Tom &amp; Jerry &lt;3</v> <i>yes</i>\n')).toEqual([
      [1000, 2000, '<v Bob>Tom & Jerry <3</v> <i>yes</i>'],
    ]);
  });

  it('keeps NOTE, STYLE and REGION blocks in place and says the model does not show them', () => {
    const text =
      'WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\nREGION\nid:r1 width:40%\n\nNOTE made by hand\n\n00:01.000 --> 00:02.000\nhi\n\nNOTE\nbetween cues\n\n00:03.000 --> 00:04.000\nthere\n';
    const { doc, problems } = readWebVtt(text);
    expect(doc.length).toBe(2);
    expect(problems.map((p) => p.code)).toEqual(['format-kept', 'format-kept', 'format-kept']);
    expect(problems.map((p) => problemText(p)).join(' ')).toMatch(/STYLE.*REGION.*2 NOTE/);
    expect(doc.cues[0]?.trailer).toBe('\nNOTE\nbetween cues\n\n');
    expect(writeWebVtt(doc)).toBe(text);
  });

  it('keeps a block whose timing line is broken (the rules skip it) and reports its line', () => {
    const text = 'WEBVTT\n\n00:01,000 --> 00:02,000\nsrt-style times\n\n00:03.000 --> 00:04.000\nok\n';
    const { doc, problems } = readWebVtt(text);
    expect(doc.cues.map((c) => c.text)).toEqual(['ok']);
    expect(problems).toMatchObject([{ code: 'invalid-timestamp', line: 3 }]);
    expect(writeWebVtt(doc)).toBe(text);
  });

  it('reports text that is not a cue, and keeps it', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n\nstray words\n\n00:03.000 --> 00:04.000\nthere\n';
    const { doc, problems } = readWebVtt(text);
    expect(problems).toMatchObject([{ code: 'orphan-text', line: 6, cueId: doc.cues[0]?.id }]);
    expect(writeWebVtt(doc)).toBe(text);
  });
});

describe('writing WebVTT', () => {
  const file =
    'WEBVTT\r\n\r\nNOTE kept\r\n\r\nc1\r\n00:00:01.000 --> 00:00:02.000 position:10%\r\nfirst\r\n\r\n\r\n00:00:03.000 --> 00:00:04.000\r\nsecond\r\n\r\n00:05.000 --> 00:06.000\r\nthird';

  it('writes an unedited file back byte for byte (CRLF, extra blank lines, no final newline)', () => {
    expect(writeWebVtt(readWebVtt(file).doc)).toBe(file);
  });

  it('rewrites only the edited cue: identifier and settings kept, times in WebVTT form, separators untouched', () => {
    const { doc } = readWebVtt(file);
    doc.cues[0] = withFields(doc.cues[0]!, { startMs: 1500, text: 'first, edited' });
    doc.cues[2] = withFields(doc.cues[2]!, { endMs: 6250 });
    expect(writeWebVtt(doc)).toBe(
      file
        .replace(
          '00:00:01.000 --> 00:00:02.000 position:10%\r\nfirst',
          '00:00:01.500 --> 00:00:02.000 position:10%\r\nfirst, edited',
        )
        .replace('00:05.000 --> 00:06.000', '00:00:05.000 --> 00:00:06.250'),
    );
  });

  it('escapes what would break a payload: "-->", a bare "<" and "&"; drops blank lines', () => {
    const { doc } = readWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nx\n');
    doc.cues[0] = withFields(doc.cues[0]!, { text: 'a --> b & c < d\n\n<i>e</i>' });
    const written = writeWebVtt(doc);
    expect(written).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na --&gt; b &amp; c &lt; d\n<i>e</i>\n');
    expect(readWebVtt(written).doc.cues[0]?.text).toBe('a --> b & c < d\n<i>e</i>');
  });

  it('a position typed as {\\an8} in an edited cue becomes line:0, not text', () => {
    const { doc } = readWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nx\n');
    doc.cues[0] = withFields(doc.cues[0]!, { text: '{\\an8}on top' });
    expect(writeWebVtt(doc)).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:0\non top\n');
  });

  it('a new cue gets a blank line before it', () => {
    const { doc } = readWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nx\n');
    doc.cues.push(doc.createCue({ startMs: 3000, endMs: 4000, text: 'y' }));
    expect(writeWebVtt(doc)).toBe('WEBVTT\n\n00:01.000 --> 00:02.000\nx\n\n00:00:03.000 --> 00:00:04.000\ny\n');
  });

  it('writeSubtitle without a format writes the format the document was read from', () => {
    const { doc } = readSubtitle(file);
    expect(writeSubtitle(doc)).toBe(file);
  });
});

describe('the safe fixes on WebVTT keep identifiers and settings', () => {
  // Cue "intro" is followed by a block whose timing line uses SRT commas: the reader keeps the block as read and
  // asks for "intro" to be written anew, which the safe fixes do (its short MM:SS.mmm times get hours).
  const damaged =
    'WEBVTT\n\nintro\n00:01.000 --> 00:02.000 line:0 align:start\nhello\n\n00:00:03,000 --> 00:00:04,000\nsrt-style times\n\noutro\n00:05.000 --> 00:06.000 position:10%\nbye\n';

  it('rewrites the cue it repairs with its identifier and settings, says nothing about renumbering', () => {
    const { doc, problems } = readSubtitle(damaged);
    expect(problems.map((p) => [p.code, p.cueId])).toEqual([['invalid-timestamp', doc.cues[0]!.id]]);
    const report = applySafeFixes(new History(doc), problems, getProfile('default')!);
    expect(report.changes.map(inEnglish)).toEqual(['normalized cue 1 (line 4): 00:00:01,000 --> 00:00:02,000']);
    expect(writeSubtitle(doc)).toBe(
      damaged.replace(
        'intro\n00:01.000 --> 00:02.000 line:0 align:start',
        'intro\n00:00:01.000 --> 00:00:02.000 line:0 align:start',
      ),
    );
    const reread = readSubtitle(writeSubtitle(doc)).doc.cues;
    expect(reread.map((c) => c.settings)).toEqual(['line:0 align:start', 'position:10%']);
  });

  it('an overlap trimmed by the fixes keeps the identifier and settings of the cue it shortens', () => {
    const text = 'WEBVTT\n\nintro\n00:01.000 --> 00:03.500 line:0\nhello\n\noutro\n00:03.000 --> 00:04.000\nbye\n';
    const { doc, problems } = readSubtitle(text);
    const report = applySafeFixes(new History(doc), problems, { minGapMs: 0, minDurationMs: 0 });
    expect(report.changes.map(inEnglish)).toEqual(['fixed overlap: cue 1 now ends 00:00:03,000 (was 00:00:03,500)']);
    expect(writeSubtitle(doc)).toBe(
      text.replace('00:01.000 --> 00:03.500 line:0', '00:00:01.000 --> 00:00:03.000 line:0'),
    );
  });
});
