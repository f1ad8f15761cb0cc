// WebVTT export: own formatter, because the `subtitle` package wraps hours at 24.
import { stringifySync } from 'subtitle';
import { describe, expect, it } from 'vitest';
import { formatVttTime, formatWebVtt, vttPayload } from '../../src-main/services/webvtt';

describe('formatVttTime', () => {
  it('writes HH:MM:SS.mmm', () => {
    expect(formatVttTime(0)).toBe('00:00:00.000');
    expect(formatVttTime(3_723_004)).toBe('01:02:03.004');
  });

  it('keeps counting hours past 24 and 99', () => {
    expect(formatVttTime(25 * 3_600_000 + 1)).toBe('25:00:00.001');
    expect(formatVttTime(100 * 3_600_000)).toBe('100:00:00.000');
  });

  it('is needed: the subtitle package mis-writes times from 24 h on', () => {
    const vtt = stringifySync(
      [{ type: 'cue', data: { start: 25 * 3_600_000, end: 25 * 3_600_000 + 1000, text: 'x' } }],
      {
        format: 'WebVTT',
      },
    );
    expect(vtt).not.toContain('25:00:00.000');
  });
});

describe('formatWebVtt', () => {
  it('writes the header and numbered cues separated by blank lines', () => {
    const vtt = formatWebVtt([
      { startMs: 1000, endMs: 2500, text: 'Hello\nthere' },
      { startMs: 3000, endMs: 4000, text: '<i>Bye</i>' },
    ]);
    expect(vtt).toBe(
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello\nthere\n\n2\n00:00:03.000 --> 00:00:04.000\n<i>Bye</i>\n',
    );
  });

  it('writes an empty file as just the header', () => {
    expect(formatWebVtt([])).toBe('WEBVTT\n');
  });
});

describe('vttPayload', () => {
  it('drops SSA override blocks, blank lines and the cue-timing arrow that WebVTT cannot carry', () => {
    expect(vttPayload('{\\an8}Top line')).toBe('Top line');
    expect(vttPayload('a\n\nb')).toBe('a\nb');
    expect(vttPayload('x --> y')).toBe('x -> y');
    expect(vttPayload('crlf\r\nline')).toBe('crlf\nline');
  });
});
