/**
 * Adversarial reader/validator tests: the defects of interview-broken.md planted at other cues, alone and
 * together, with other line endings; plus hand-made edge files. Invariants checked for every variant:
 * the reader never throws, nothing is dropped, writing gives the input back, the cue count and values are
 * right, and each planted defect is reported with its code at its line.
 */
import { describe, expect, it } from 'vitest';
import type { Cue, LineEnding } from '../../src-shared/document';
import { History } from '../../src-shared/history';
import { inEnglish } from '../../src-shared/messages';
import { type Problem, problemText } from '../../src-shared/problems';
import { applySafeFixes } from '../../src-shared/safe-fixes';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { validate } from '../../src-shared/validate';
import {
  BROKEN_MD_DEFECTS,
  blockText,
  type Damaged,
  type DefectName,
  type Expectation,
  fmt,
  PLANTERS,
  parseSeed,
  plantDefects,
} from '../support/damage';
import { readFixtureText } from '../support/fixtures';

/** A problem's message in English (undefined when there is no problem). */
const said = (problem?: { message: Parameters<typeof problemText>[0]['message'] } | null) =>
  problem ? problemText(problem) : undefined;

const SEED = parseSeed(readFixtureText('interview.srt'));
const LOOSE = { minGapMs: 0, minDurationMs: 0 };

/** Every cue's raw pieces, concatenated, are the whole text: nothing dropped, nothing invented. */
function pieces(doc: ReturnType<typeof readSrt>['doc']): string {
  let out = doc.leading;
  for (const cue of doc.cues) out += (cue.source?.indexLine ?? '') + (cue.source?.body ?? '') + cue.trailer;
  return out;
}

function nonBlankLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
}

/** Asserts every invariant of a damaged variant; returns the read result and the validation. */
function checkVariant(d: Damaged) {
  const { doc, problems } = readSrt(d.text);
  expect(writeSrt(doc)).toBe(d.text);
  expect(pieces(doc)).toBe(d.text);
  expect(doc.cues).toHaveLength(d.blocks.length);
  const got = doc.cues.map((c) => [fmt(c.startMs), fmt(c.endMs), c.text, c.line]);
  const want = d.blocks.map((b) => [fmt(b.startMs), fmt(b.endMs), blockText(b), d.line(b.orig, 'timing')]);
  expect(got).toEqual(want);
  for (const p of problems) expect(p.line).toBeGreaterThan(0);

  const problemsFound = validate(doc, 'default', problems);
  const cueOf = (orig: number) => doc.cues[d.position(orig) - 1] as Cue;
  const idOf = (e: Expectation) => (e.noCue ? null : cueOf(e.orig).id);
  for (const e of d.expectations) {
    if (e.code !== null) {
      const match = problemsFound.find(
        (p) => p.code === e.code && p.cueId === idOf(e) && p.line === d.line(e.orig, e.readerKey),
      );
      expect(
        match,
        `${e.title}: ${e.code} at line ${d.line(e.orig, e.readerKey)} (cue ${d.position(e.orig)})`,
      ).toBeDefined();
    }
  }
  // Nothing else: every reader problem and every error belongs to a planted defect.
  const expected = new Set(d.expectations.flatMap((e) => (e.code ? [`${e.code}@${idOf(e)}`] : [])));
  const allowed = new Set(
    d.expectations.flatMap((e) => (e.allowed ?? []).map((code) => `${code}@${cueOf(e.orig).id}`)),
  );
  const readerCodes = new Set(problems.map((p) => p.code as string));
  const unexpected = problemsFound.filter(
    (p: Problem) =>
      (p.severity === 'error' || readerCodes.has(p.code)) &&
      !expected.has(`${p.code}@${p.cueId}`) &&
      !allowed.has(`${p.code}@${p.cueId}`),
  );
  expect(unexpected).toEqual([]);
  return { doc, problems, problemsFound };
}

/**
 * `fix` keeps every cue's text and leaves a file that reads back with no reader problems, bar orphans and negative
 * times (held as 0, so only the text as written keeps them: fix leaves those for a person).
 */
const repairable = (p: { code: string; timeLostByRewrite?: true }) => p.code !== 'orphan-text' && !p.timeLostByRewrite;

function checkFix(d: Damaged): void {
  const { doc, problems } = readSrt(d.text);
  const texts = doc.cues.map((c) => c.text).sort();
  applySafeFixes(new History(doc), problems, LOOSE);
  const written = writeSrt(doc);
  const again = readSrt(written);
  expect(again.problems.filter(repairable)).toEqual([]);
  expect(again.doc.cues.map((c) => c.text).sort()).toEqual(texts);
  expect(again.doc.format).toEqual(doc.format);
  const endsBlank = (t: string) => /(\r\n|\r|\n)[ \t]*(\r\n|\r|\n)$/.test(t);
  expect(endsBlank(written)).toBe(endsBlank(d.text));
  expect(
    nonBlankLines(written)
      .filter((l) => !/-->/.test(l) && !/^\s*\d+\s*$/.test(l))
      .sort(),
  ).toEqual(
    nonBlankLines(d.text)
      .filter((l) => !/-->/.test(l) && !/^\s*\d+\s*$/.test(l))
      .sort(),
  );
  // Sorted: the only timing errors left are the ones a person must decide.
  const keptAsWritten = new Set(again.problems.filter((p) => p.timeLostByRewrite).map((p) => p.cueId));
  const left = validate(again.doc, 'default', again.problems).filter(
    (p) => p.severity === 'error' && p.code !== 'negative-duration' && p.code !== 'zero-duration',
  );
  expect(left.filter((p) => p.code !== 'orphan-text' && !keptAsWritten.has(p.cueId))).toEqual([]);
  // A second fix changes nothing.
  const third = readSrt(written);
  applySafeFixes(new History(third.doc), third.problems, LOOSE);
  expect(writeSrt(third.doc)).toBe(written);
}

describe('the 19 defects of interview-broken.md, planted at other cues', () => {
  const endings: [string, LineEnding | 'mixed'][] = [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['mixed', 'mixed'],
  ];
  for (const seed of [1, 2, 3]) {
    for (const [name, eol] of endings) {
      it(`seed ${seed}, ${name}`, () => {
        const d = plantDefects(SEED, BROKEN_MD_DEFECTS, { seed, eol });
        const { doc } = checkVariant(d);
        expect(doc.cues).toHaveLength(2324);
        expect(doc.format.finalNewline).toBe(false);
        checkFix(d);
      });
    }
  }
});

describe('each defect alone, at several cues', () => {
  const names = Object.keys(PLANTERS) as DefectName[];
  for (const name of names) {
    it(name, () => {
      for (const seed of [11, 12, 13]) {
        const d = plantDefects(SEED, [name], { seed });
        checkVariant(d);
        checkFix(d);
      }
    });
  }
});

describe('random combinations of every defect', () => {
  const names = Object.keys(PLANTERS) as DefectName[];
  for (const seed of [101, 102, 103, 104]) {
    it(`seed ${seed}`, () => {
      // outOfOrderAtEnd and noFinalNewline both change the last blocks; the order of the two matters, so keep both.
      const d = plantDefects(SEED, [...names, ...names.filter((n) => n !== 'outOfOrderAtEnd')], {
        seed,
        eol: seed % 2 ? '\r\n' : 'mixed',
        spacing: 5,
      });
      checkVariant(d);
      checkFix(d);
    });
  }
});

describe('defects packed next to each other (spacing 1): invariants only', () => {
  const names = (Object.keys(PLANTERS) as DefectName[]).filter((n) => n !== 'sixtyMinutes');
  it('never throws, loses nothing, keeps the cue count', () => {
    const slice = SEED.slice(0, 120);
    for (let seed = 1; seed <= 60; seed++) {
      const random = (() => {
        let a = seed * 7919;
        return () => {
          a = (a * 1103515245 + 12345) & 0x7fffffff;
          return a / 0x7fffffff;
        };
      })();
      const picked = Array.from({ length: 25 }, () => names[Math.floor(random() * names.length)] as DefectName);
      const eol = (['\n', '\r\n', '\r', 'mixed'] as const)[seed % 4];
      const d = plantDefects(slice, picked, { seed, eol, spacing: 1 });
      const { doc, problems } = readSrt(d.text);
      expect(writeSrt(doc)).toBe(d.text);
      expect(pieces(doc)).toBe(d.text);
      expect(doc.cues).toHaveLength(d.blocks.length);
      for (const p of problems) expect(p.line).toBeGreaterThan(0);
      const found = validate(doc, 'default', problems);
      expect(found.every((p) => p.line === null || p.line > 0)).toBe(true);
      checkFixInvariants(d.text);
    }
  });
});

/** fix never loses a non-blank line and its output reads back the same way twice. */
function checkFixInvariants(text: string): void {
  const { doc, problems } = readSrt(text);
  const before = doc.cues.length;
  applySafeFixes(new History(doc), problems, LOOSE);
  const written = writeSrt(doc);
  const again = readSrt(written);
  expect(again.doc.cues).toHaveLength(before);
  const strip = (t: string) =>
    nonBlankLines(t)
      .filter((l) => !/-->/.test(l) && !/^\s*\d+\s*$/.test(l))
      .sort();
  expect(strip(written)).toEqual(strip(text));
  applySafeFixes(new History(again.doc), again.problems, LOOSE);
  expect(writeSrt(again.doc)).toBe(written);
}

describe('whole-file variants', () => {
  const clean = readFixtureText('interview.srt');

  it("'.' before the milliseconds everywhere: every cue read, one warning per timing line, fix restores the seed", () => {
    const dotted = clean.replace(/(\d\d:\d\d:\d\d),(\d\d\d)/g, '$1.$2');
    const { doc, problems } = readSrt(dotted);
    expect(writeSrt(doc)).toBe(dotted);
    expect(doc.cues.map((c) => [c.startMs, c.endMs])).toEqual(SEED.map((c) => [c.startMs, c.endMs]));
    expect(problems).toHaveLength(2324);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['malformed-timestamp']));
    expect(problems.map((p) => p.line)).toEqual(doc.cues.map((c) => c.line));
    applySafeFixes(new History(doc), problems, LOOSE);
    expect(writeSrt(doc)).toBe(clean);
  });

  it('two-digit milliseconds everywhere are reported at every timing line and read as a fraction', () => {
    const cut = clean.replace(/(\d\d:\d\d:\d\d,\d\d)\d/g, '$1');
    const { doc, problems } = readSrt(cut);
    expect(writeSrt(doc)).toBe(cut);
    expect(doc.cues).toHaveLength(2324);
    // `00:07:30,63` is 30.630 s (a cut fraction), never 30.063 s.
    const floor10 = (ms: number) => ms - (ms % 10);
    expect(doc.cues.map((c) => [c.startMs, c.endMs])).toEqual(SEED.map((c) => [floor10(c.startMs), floor10(c.endMs)]));
    expect(problems.filter((p) => p.code === 'malformed-timestamp')).toHaveLength(2324);
  });

  it('one-digit hours and no leading zeros everywhere', () => {
    const loose = clean.replace(/(^|--> )0(\d):/gm, '$1$2:');
    const { doc, problems } = readSrt(loose);
    expect(doc.cues.map((c) => [c.startMs, c.endMs])).toEqual(SEED.map((c) => [c.startMs, c.endMs]));
    expect(problems.every((p) => p.code === 'malformed-timestamp')).toBe(true);
  });

  it('numbered from 0, or from 1000: one warning, not one per cue', () => {
    for (const offset of [-1, 999]) {
      let n = 0;
      const renumbered = clean.replace(/^\d+$/gm, (m) => (Number(m) === ++n ? String(n + offset) : m));
      const { doc, problems } = readSrt(renumbered);
      expect(doc.cues).toHaveLength(2324);
      expect(problems.map((p) => [p.code, p.line])).toEqual([['bad-index', 1]]);
    }
  });

  it('two files concatenated, the second with its own BOM and numbering', () => {
    const joined = `${clean}\n\uFEFF${clean}`;
    const { doc, problems } = readSrt(joined);
    expect(writeSrt(doc)).toBe(joined);
    expect(doc.cues).toHaveLength(2 * 2324);
    expect(problems.map((p) => p.code)).toEqual(['bad-index']);
  });
});

describe('hand-made edge files', () => {
  const roundTrip = (text: string) => {
    const r = readSrt(text);
    expect(writeSrt(r.doc)).toBe(text);
    expect(pieces(r.doc)).toBe(text);
    return r;
  };

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n  \r'],
    ['only newlines', '\n\n\n'],
    ['only a number', '1\n'],
    ['only stray text', 'hello\nworld'],
  ])('%s: no cues, the text is kept as leading', (_name, text) => {
    const { doc, problems } = roundTrip(text);
    expect(doc.cues).toEqual([]);
    expect(doc.leading).toBe(text);
    const orphans = problems.filter((p) => p.code === 'orphan-text');
    expect(orphans.length > 0).toBe(text.trim() !== '');
  });

  it('one cue and no newline at all', () => {
    const { doc, problems } = roundTrip('1\n00:00:01,000 --> 00:00:02,000\nHi');
    expect(doc.cues.map((c) => c.text)).toEqual(['Hi']);
    expect(problems).toEqual([]);
    expect(doc.format.finalNewline).toBe(false);
  });

  it('a timing line alone (no number, no text, no newline)', () => {
    const { doc } = roundTrip('00:00:01,000 --> 00:00:02,000');
    expect(doc.cues).toHaveLength(1);
    expect(doc.cues[0]?.text).toBe('');
  });

  it('stray text before the first cue is orphan text; junk after the last stays in that cue, with a warning', () => {
    const text = 'Subtitles by X\nwww.example.com\n\n1\n00:00:01,000 --> 00:00:02,000\nHi\n\n\n\n(c) junk\n';
    const { doc, problems } = roundTrip(text);
    expect(doc.cues.map((c) => c.text)).toEqual(['Hi\n(c) junk']);
    expect(problems.map((p) => [p.code, p.line, p.cueId])).toEqual([
      ['orphan-text', 1, null],
      ['text-after-blank-line', 10, 1],
    ]);
    const found = validate(doc, 'default', problems).filter(
      (p) => p.code === 'orphan-text' || p.code === 'text-after-blank-line',
    );
    expect(found.map((p) => [p.severity, p.line])).toEqual([
      ['error', 1],
      ['warning', 10],
    ]);
  });

  it('a cue text line that looks like a timing line starts a new cue (never dropped)', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:02,000\nHe said\n00:00:03,000 --> 00:00:04,000\n\n2\n00:00:05,000 --> 00:00:06,000\nB\n';
    const { doc, problems } = roundTrip(text);
    expect(doc.cues.map((c) => [c.startMs, c.text])).toEqual([
      [1000, 'He said'],
      [3000, ''],
      [5000, 'B'],
    ]);
    expect(problems.some((p) => p.code === 'missing-blank-line' && p.line === 4)).toBe(true);
  });

  it('number-only text lines followed by timing lines are cue numbers; otherwise text', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:02,000\n42\n7\n00:00:03,000 --> 00:00:04,000\n2024\n\n3\n00:00:05,000 --> 00:00:06,000\n5\n';
    const { doc } = roundTrip(text);
    expect(doc.cues.map((c) => [c.startMs, c.text, c.source?.index])).toEqual([
      [1000, '42', 1],
      [3000, '2024', 7],
      [5000, '5', 3],
    ]);
  });

  it('missing index on the first cue and 0-based numbering', () => {
    const first = roundTrip('00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n');
    expect(first.doc.cues).toHaveLength(2);
    expect(first.problems.map((p) => [p.code, p.line])).toEqual([['bad-index', 1]]);
    const zero = roundTrip(
      '0\n00:00:01,000 --> 00:00:02,000\nA\n\n1\n00:00:03,000 --> 00:00:04,000\nB\n\n2\n00:00:05,000 --> 00:00:06,000\nC\n',
    );
    expect(zero.doc.cues).toHaveLength(3);
    // One warning for the shifted numbering, not one per cue.
    expect(zero.problems.map((p) => [p.code, p.line])).toEqual([['bad-index', 1]]);
  });

  it('duplicate cues are both kept', () => {
    const block = '1\n00:00:01,000 --> 00:00:02,000\nSame\n';
    const { doc } = roundTrip(`${block}\n${block}`);
    expect(doc.cues.map((c) => c.text)).toEqual(['Same', 'Same']);
    const found = validate(doc, 'default', readSrt(`${block}\n${block}`).problems);
    expect(found.some((p) => p.code === 'overlap')).toBe(true);
  });

  it('whitespace around and inside the timing line, tabs as separators', () => {
    const text = '1\n\t00:00:01,000\t-->\t00:00:02,000\t\n A\n';
    const { doc, problems } = roundTrip(text);
    expect(doc.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual([[1000, 2000, ' A']]);
    expect(problems).toEqual([]);
  });

  it('position coordinates after the end time are kept', () => {
    const { doc } = roundTrip('1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:600 Y1:50 Y2:80\nA\n');
    expect(doc.cues[0]?.settings).toBe('X1:100 X2:600 Y1:50 Y2:80');
  });

  it.each([
    ['00:59:60,000', 3_600_000],
    ['00:61:00,000', 3_660_000],
    ['00:00:75,000', 75_000],
    ['01:99:99,999', 3_600_000 + 99 * 60_000 + 99_999],
  ])('%s is carried over and reported as invalid at its line', (time, ms) => {
    const text = `1\n00:00:00,000 --> 00:00:00,500\nA\n\n2\n${time} --> 99:00:00,000\nB\n`;
    const { doc, problems } = roundTrip(text);
    expect(doc.cues[1]?.startMs).toBe(ms);
    expect(problems.map((p) => [p.code, p.line, p.cueId])).toEqual([['invalid-timestamp', 6, 2]]);
  });

  it('a millisecond field of 1000 (rounding overflow) is one whole second, carried over and reported', () => {
    const text = '1\n00:00:01,1000 --> 00:00:03,000\nA\n';
    const { doc, problems } = roundTrip(text);
    expect(doc.cues[0]?.startMs).toBe(2000);
    expect(problems.map((p) => [p.code, p.line])).toContainEqual(['invalid-timestamp', 2]);
    expect(said(problems.find((p) => p.code === 'invalid-timestamp'))).toMatch(/milliseconds out of range \(1000\)/);
  });

  it.each([
    ['-00:00:01,500 --> 00:00:02,000', 0, 2000],
    ['00:00:01,500 --> -00:00:02,000', 1500, 0],
    ['  -0:00:01.5 -->  00:00:02,000', 0, 2000],
  ])('a negative time %j keeps its cue: read as zero and reported as invalid', (timing, start, end) => {
    const text = `1\n${timing}\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n`;
    const { doc, problems } = roundTrip(text);
    expect(doc.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual([
      [start, end, 'A'],
      [3000, 4000, 'B'],
    ]);
    expect(problems.filter((p) => p.code === 'invalid-timestamp').map((p) => [p.line, p.cueId])).toEqual([[2, 1]]);
    expect(problems.some((p) => p.code === 'orphan-text')).toBe(false);
    // fix never writes it as 00:00:00,000 (the time would be lost): the timing line stays as written.
    const fixed = readSrt(text);
    const report = applySafeFixes(new History(fixed.doc), fixed.problems, LOOSE);
    expect(writeSrt(fixed.doc)).toContain(`\n${timing}\n`);
    expect(report.left.map(inEnglish)).toContainEqual(expect.stringContaining('has a negative time'));
  });

  it('a dialogue dash line is text, not a negative time', () => {
    const { doc, problems } = roundTrip('1\n00:00:01,000 --> 00:00:02,000\n- 5 minutes?\n-10:00 he said\n');
    expect(doc.cues[0]?.text).toBe('- 5 minutes?\n-10:00 he said');
    expect(problems).toEqual([]);
  });

  it('end before start across the one-hour mark', () => {
    const text = '1\n01:00:00,100 --> 00:59:59,900\nA\n';
    const { doc, problems } = roundTrip(text);
    const found = validate(doc, 'default', problems);
    const negative = found.find((p) => p.code === 'negative-duration');
    expect(negative).toMatchObject({ line: 2, cueId: 1 });
    expect(said(negative)).toContain('-200 ms');
  });

  it.each([
    ['99:59:59,999', 99 * 3_600_000 + 3_599_999],
    ['100:00:00,000', 100 * 3_600_000],
    ['24:00:00,000', 24 * 3_600_000],
    ['123456:00:00,000', 123_456 * 3_600_000],
  ])('times past 24 h and 99 h: %s', (time, ms) => {
    const text = `1\n${time} --> ${time}\nA\n`;
    const { doc } = roundTrip(text);
    expect(doc.cues[0]?.startMs).toBe(ms);
    expect(fmt(ms)).toBe(time);
    // Edited, the cue is written canonically with the same time.
    const edited = readSrt(text).doc;
    edited.cues = edited.cues.map((c) => ({ ...c, source: undefined }));
    expect(writeSrt(edited)).toBe(text);
  });

  it('a very long line survives', () => {
    const long = 'x'.repeat(200_000);
    const { doc } = roundTrip(`1\n00:00:01,000 --> 00:00:02,000\n${long}\n`);
    expect(doc.cues[0]?.text).toBe(long);
  });

  it('NUL and other control characters inside text are text', () => {
    const { doc } = roundTrip('1\n00:00:01,000 --> 00:00:02,000\na\0b\x03c\n');
    expect(doc.cues[0]?.text).toBe('a\0b\x03c');
  });

  it('a BOM left in the text does not hide the first cue number', () => {
    const { doc, problems } = roundTrip('\uFEFF1\n00:00:01,000 --> 00:00:02,000\nA\n');
    expect(doc.cues).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('a blank line inside the text: the second paragraph stays in the cue, with a warning, never dropped', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nA\n\nB\n\n2\n00:00:03,000 --> 00:00:04,000\nC\n';
    const { doc, problems } = roundTrip(text);
    expect(doc.cues.map((c) => c.text)).toEqual(['A\nB', 'C']);
    expect(problems.map((p) => [p.code, p.line, p.cueId])).toEqual([['text-after-blank-line', 5, 1]]);
  });

  it('garbage never throws and always round-trips', () => {
    const alphabet = [
      '1',
      '0',
      ':',
      ',',
      '.',
      '-',
      '>',
      ' ',
      '\t',
      '\n',
      '\r',
      'a',
      '\uFEFF',
      '99',
      '-->',
      '00:00:01,000',
    ];
    const random = (() => {
      let s = 7;
      return () => {
        s = (s * 1103515245 + 12345) & 0x7fffffff;
        return s / 0x7fffffff;
      };
    })();
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = Math.floor(random() * 40);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const r = readSrt(text);
      expect(writeSrt(r.doc)).toBe(text);
      expect(pieces(r.doc)).toBe(text);
      validate(r.doc, 'default', r.problems);
    }
  });
});
