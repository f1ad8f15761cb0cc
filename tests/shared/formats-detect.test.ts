/** Specification of format detection: by content, never by file name; SRT, damaged or not, stays SRT. */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src-shared/formats/detect';
import { readFixtureText } from '../support/fixtures';

describe('detectFormat', () => {
  it.each([
    ['WebVTT', 'WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n', 'webvtt'],
    [
      'WebVTT with a header text and cue settings',
      'WEBVTT - interview\nKind: captions\n\n1\n00:00:01.000 --> 00:00:02.000 line:0\nhi\n',
      'webvtt',
    ],
    [
      'ASS',
      '[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,hi\n',
      'ass',
    ],
    ['SSA with a comment first', '; written by a tool\n[Script Info]\nScriptType: v4.00\n[V4 Styles]\n', 'ass'],
    ['MicroDVD', '{1}{1}25.000\n{25}{50}hello|world\n{75}{100}{y:i}again\n', 'microdvd'],
    ['SubViewer/SBV', '0:00:01.000,0:00:02.000\nhello\n\n0:00:03.000,0:00:04.000\nagain\n', 'sbv'],
    ['SRT', '1\n00:00:01,000 --> 00:00:02,000\nhello\n', 'srt'],
    ['SRT with text before the first cue', 'Title line\n\n1\n00:00:01,000 --> 00:00:02,000\nhi\n', 'srt'],
    ['SRT with dots and no spaces around the arrow', '1\n0:00:01.000-->00:00:02.000\nhi\n', 'srt'],
    ['SRT with negative times', '1\n-00:00:06,843 --> -00:00:02,850\nhi\n', 'srt'],
    ['an empty file', '', 'srt'],
  ])('%s', (_name, text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('reads the interview and its damaged variant as SRT', () => {
    expect(detectFormat(readFixtureText('interview.srt'))).toBe('srt');
    expect(detectFormat(readFixtureText('interview-broken.srt'))).toBe('srt');
  });

  it('does not take SRT whose text mentions WEBVTT or [Events] for another format', () => {
    expect(
      detectFormat(
        '1\n00:00:01,000 --> 00:00:02,000\nWEBVTT is a format\n\n2\n00:00:03,000 --> 00:00:04,000\n[Events]\n',
      ),
    ).toBe('srt');
  });
});
