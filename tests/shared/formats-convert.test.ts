/**
 * Converting between formats: SRT → any format → SRT keeps every time (to the target's precision: ms for WebVTT and
 * SBV, centiseconds for ASS, frames for MicroDVD) and every text line; formatting and positions map both ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSubtitle, type SubtitleFormat, writeSubtitle } from '../../src-shared/formats/index';
import { DEFAULT_MICRODVD_FPS } from '../../src-shared/formats/microdvd';
import { formatSrtTime } from '../../src-shared/time';
import { readFixtureText } from '../support/fixtures';

/** The largest time difference a format's precision allows after rounding. */
const TOLERANCE_MS: Record<SubtitleFormat, number> = {
  srt: 0,
  webvtt: 0,
  sbv: 0,
  ass: 5,
  microdvd: 1000 / DEFAULT_MICRODVD_FPS / 2 + 1,
};

const word = fc.stringMatching(/^[A-Za-z0-9À-ž一-龥'?!.,]{1,12}$/);
const textLine = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const cueArb = fc.record({
  startMs: fc.integer({ min: 0, max: 20 * 3_600_000 }),
  length: fc.integer({ min: 1, max: 60_000 }),
  lines: fc.array(textLine, { minLength: 1, maxLength: 3 }),
});

function srtOf(cues: { startMs: number; length: number; lines: string[] }[]): string {
  return cues
    .map(
      (c, i) =>
        `${i + 1}\n${formatSrtTime(c.startMs)} --> ${formatSrtTime(c.startMs + c.length)}\n${c.lines.join('\n')}\n`,
    )
    .join('\n');
}

describe('SRT → any format → SRT', () => {
  for (const format of ['webvtt', 'ass', 'microdvd', 'sbv'] as const) {
    it(`${format}: times within the format's precision, text unchanged`, () => {
      fc.assert(
        fc.property(fc.array(cueArb, { minLength: 1, maxLength: 8 }), (cues) => {
          const srt = readSubtitle(srtOf(cues));
          const converted = writeSubtitle(srt.doc, format);
          const read = readSubtitle(converted);
          expect(read.format).toBe(format);
          const back = readSubtitle(writeSubtitle(read.doc, 'srt'));
          expect(back.format).toBe('srt');
          expect(back.doc.length).toBe(cues.length);
          back.doc.cues.forEach((cue, i) => {
            const original = srt.doc.cues[i]!;
            expect(Math.abs(cue.startMs - original.startMs)).toBeLessThanOrEqual(TOLERANCE_MS[format]);
            expect(Math.abs(cue.endMs - original.endMs)).toBeLessThanOrEqual(TOLERANCE_MS[format]);
            expect(cue.text).toBe(original.text);
          });
        }),
        { numRuns: 150 },
      );
    });
  }

  it('the interview survives every format: 2324 cues, all text, times to the precision', () => {
    const srt = readSubtitle(readFixtureText('interview.srt'));
    for (const format of ['webvtt', 'ass', 'microdvd', 'sbv'] as const) {
      const back = readSubtitle(writeSubtitle(readSubtitle(writeSubtitle(srt.doc, format)).doc, 'srt')).doc;
      expect(back.length).toBe(2324);
      expect(back.cues.map((c) => c.text)).toEqual(srt.doc.cues.map((c) => c.text));
      const worst = Math.max(...back.cues.map((c, i) => Math.abs(c.startMs - srt.doc.cues[i]!.startMs)));
      expect(worst, format).toBeLessThanOrEqual(TOLERANCE_MS[format]);
    }
  });
});

describe('formatting and positions between formats', () => {
  const srt =
    '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>top</i> and <b>bold</b>\n<font color="#FF0000">red</font> <u>u</u>\n';

  it('SRT → ASS: tags become override tags, {\\an8} stays, lines become \\N', () => {
    const ass = writeSubtitle(readSubtitle(srt).doc, 'ass');
    expect(ass).toContain(
      'Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an8}{\\i1}top{\\i0} and {\\b1}bold{\\b0}\\N{\\c&H0000FF&}red{\\c} {\\u1}u{\\u0}\n',
    );
    expect(readSubtitle(ass).doc.cues[0]?.text).toBe(readSubtitle(srt).doc.cues[0]?.text);
  });

  it('SRT → WebVTT: {\\an8} becomes line:0, <font> is dropped (WebVTT has none), <i> <b> <u> stay', () => {
    const vtt = writeSubtitle(readSubtitle(srt).doc, 'webvtt');
    expect(vtt).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:0\n<i>top</i> and <b>bold</b>\nred <u>u</u>\n');
  });

  it('WebVTT → SRT and ASS: line:0 and align become {\\anN}, voice and class tags are dropped', () => {
    const vtt =
      'WEBVTT\n\n00:01.000 --> 00:02.000 line:0 align:start\n<v Ann>hi <c.loud>there</c></v>\n\n00:03.000 --> 00:04.000 align:right\nx\n';
    const doc = readSubtitle(vtt).doc;
    expect(readSubtitle(writeSubtitle(doc, 'srt')).doc.cues.map((c) => c.text)).toEqual([
      '{\\an7}hi there',
      '{\\an3}x',
    ]);
    expect(writeSubtitle(doc, 'ass')).toContain(',,{\\an7}hi there\n');
  });

  it('ASS → WebVTT: {\\an8} becomes line:0 and \\N a line break', () => {
    const ass =
      '[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an8}{\\i1}hello{\\i0}, world\\Nline 2\n';
    expect(writeSubtitle(readSubtitle(ass).doc, 'webvtt')).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:0\n<i>hello</i>, world\nline 2\n',
    );
  });
});
