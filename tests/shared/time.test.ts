/** Time formatting and parsing at their boundaries, and the same boundaries through the reader, writer and shift. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftCues } from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { formatDuration, formatSrtTime, parseDuration, parseTime } from '../../src-shared/time';

const BOUNDARIES: [number, string][] = [
  [0, '00:00:00,000'],
  [1, '00:00:00,001'],
  [999, '00:00:00,999'],
  [1000, '00:00:01,000'],
  [59_999, '00:00:59,999'],
  [60_000, '00:01:00,000'],
  [3_599_999, '00:59:59,999'],
  [3_600_000, '01:00:00,000'],
  [3_600_001, '01:00:00,001'],
  [36_000_000, '10:00:00,000'],
  [86_399_999, '23:59:59,999'],
  [86_400_000, '24:00:00,000'],
  [359_999_999, '99:59:59,999'],
  [360_000_000, '100:00:00,000'],
  [3_600_000_000, '1000:00:00,000'],
];

describe('formatSrtTime', () => {
  it.each(BOUNDARIES)('%i ms is %s', (ms, text) => {
    expect(formatSrtTime(ms)).toBe(text);
  });

  it('never writes 60 in a field, whatever the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (ms) => {
        const m = /^(\d{2,}):(\d{2}):(\d{2}),(\d{3})$/.exec(formatSrtTime(ms));
        expect(m).not.toBeNull();
        expect(Number(m?.[2])).toBeLessThan(60);
        expect(Number(m?.[3])).toBeLessThan(60);
      }),
    );
  });

  it('clamps negative values to zero and rounds fractions', () => {
    expect(formatSrtTime(-1)).toBe('00:00:00,000');
    expect(formatSrtTime(-3_600_000)).toBe('00:00:00,000');
    expect(formatSrtTime(1999.6)).toBe('00:00:02,000');
    expect(formatSrtTime(3_599_999.4)).toBe('00:59:59,999');
    expect(formatSrtTime(3_599_999.5)).toBe('01:00:00,000');
  });

  it('formats signed durations', () => {
    expect(formatDuration(2350)).toBe('+2.350 s');
    expect(formatDuration(-400)).toBe('-0.400 s');
  });
});

describe('parseTime', () => {
  it.each(BOUNDARIES)('%i ms <- %s', (ms, text) => {
    expect(parseTime(text)).toBe(ms);
    expect(parseTime(text.replace(',', '.'))).toBe(ms);
  });

  it('is the inverse of formatSrtTime', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (ms) => {
        expect(parseTime(formatSrtTime(ms))).toBe(ms);
      }),
    );
  });

  it.each([
    ['1:00:16,866', 3_616_866],
    ['01:00', 60_000],
    ['59:59.999', 3_599_999],
    ['5', 5000],
    ['2.35s', 2350],
    ['350ms', 350],
    ['1.5m', 90_000],
    ['1h', 3_600_000],
    [' 00:00:01,000 ', 1000],
  ])('%s is %i ms', (text, ms) => {
    expect(parseTime(text)).toBe(ms);
  });

  it.each(['', 'soon', '00:61:00,000', '00:00:60,000', '-1s', '1:2:3:4', '00:00:01,1000', '12h30'])(
    'rejects %j',
    (text) => {
      expect(parseTime(text)).toBeNull();
    },
  );
});

describe('parseDuration', () => {
  it.each([
    ['+2.35s', 2350],
    ['-350ms', -350],
    ['-00:00:01,250', -1250],
    ['+01:00:00,000', 3_600_000],
    ['1500', 1500],
    ['-1500', -1500],
    ['-100h', -360_000_000],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '+', '--1s', '+-1s', '1 sec', 'NaN', 'Infinity'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

function cueAt(start: string, end: string): string {
  return `1\n${start} --> ${end}\nA\n`;
}

describe('the same boundaries through the reader, the writer and shift', () => {
  it.each(BOUNDARIES)('%i ms read from %s and written back canonically', (ms, text) => {
    const { doc, problems } = readSrt(cueAt(text, text));
    expect(problems).toEqual([]);
    expect([doc.cues[0]?.startMs, doc.cues[0]?.endMs]).toEqual([ms, ms]);
    doc.cues = doc.cues.map((c) => ({ ...c, source: undefined }));
    expect(writeSrt(doc)).toBe(cueAt(text, text));
  });

  it.each([
    ['00:59:59,999', 1, '01:00:00,000'],
    ['01:00:00,000', -1, '00:59:59,999'],
    ['00:59:59,900', 100, '01:00:00,000'],
    ['99:59:59,999', 1, '100:00:00,000'],
    ['100:00:00,000', -1, '99:59:59,999'],
    ['23:59:59,999', 1, '24:00:00,000'],
  ])('%s shifted by %i ms is %s', (from, by, to) => {
    const { doc } = readSrt(cueAt(from, '200:00:00,000'));
    new History(doc).execute(shiftCues(doc, { by, scope: 'all' }).command);
    const written = writeSrt(doc);
    expect(written.split('\n')[1]?.split(' --> ')[0]).toBe(to);
    expect(readSrt(written).doc.cues[0]?.startMs).toBe(readSrt(cueAt(to, to)).doc.cues[0]?.startMs);
  });

  it('any time survives read -> shift +d -> shift -d -> write byte for byte', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        (start, length, by) => {
          const text = cueAt(formatSrtTime(start), formatSrtTime(start + length));
          const { doc } = readSrt(text);
          const history = new History(doc);
          const delta = Math.max(by, -start);
          history.execute(shiftCues(doc, { by: delta, scope: 'all' }).command);
          const moved = readSrt(writeSrt(doc)).doc;
          expect(moved.cues[0]?.startMs).toBe(start + delta);
          history.execute(shiftCues(doc, { by: -delta, scope: 'all' }).command);
          expect(writeSrt(doc)).toBe(text);
        },
      ),
    );
  });

  it('reads non-standard forms as the value they spell', () => {
    const cases: [string, number][] = [
      ['1:00:00,000', 3_600_000],
      ['0:59:59.999', 3_599_999],
      ['00:59:60,000', 3_600_000],
      ['00:60:00,000', 3_600_000],
      ['000:59:59,999', 3_599_999],
      ['100:00:00.000', 360_000_000],
    ];
    for (const [text, ms] of cases) {
      expect(readSrt(cueAt(text, '999:00:00,000')).doc.cues[0]?.startMs, text).toBe(ms);
    }
  });
});
