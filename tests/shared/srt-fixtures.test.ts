/** The SRT codec against the real fixtures: lossless round trips, the broken file's defect table, and the `subtitle` package as an oracle. */
import { parseSync } from 'subtitle';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cue } from '../../src-shared/document';
import { problemText, type ReadProblem } from '../../src-shared/problems';
import { type ReadResult, readSrt, writeSrt } from '../../src-shared/srt';
import { makeX100, readFixtureBytes, readFixtureText, X100_SHIFT_MS } from '../support/fixtures';

/** A problem's message in English (undefined when there is no problem). */
const said = (problem?: { message: Parameters<typeof problemText>[0]['message'] } | null) =>
  problem ? problemText(problem) : undefined;

const BOM = '\uFEFF';

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Fixture name -> its decoded text, BOM removed (decoding proper is the encoding module's job). */
function decodeFixture(name: string, encoding: string): string {
  return stripBom(new TextDecoder(encoding, { ignoreBOM: true }).decode(readFixtureBytes(name)));
}

const SRT_FIXTURES: Array<[string, string]> = [
  ['interview.srt', 'utf-8'],
  ['interview-broken.srt', 'utf-8'],
  ['interview-3min.srt', 'utf-8'],
  ['interview-3min-offset.srt', 'utf-8'],
  ['interview-offset.srt', 'utf-8'],
  ['interview-drift.srt', 'utf-8'],
  ['interview-utf8-bom-crlf.srt', 'utf-8'],
  ['interview-gb18030.srt', 'gb18030'],
  ['interview-utf16le.srt', 'utf-16le'],
];

function values(cues: readonly Cue[]): Array<[number, number, string]> {
  return cues.map((c) => [c.startMs, c.endMs, c.text]);
}

describe('every SRT fixture', () => {
  it.each(SRT_FIXTURES)('%s is written back byte for byte when unedited', (name, encoding) => {
    const text = decodeFixture(name, encoding);
    const { doc } = readSrt(text);
    expect(doc.cues.length).toBeGreaterThan(100);
    expect(writeSrt(doc)).toBe(text);
  });

  it('re-encoded copies read to the same cues as the seed, with their own line ending', () => {
    const seed = readSrt(readFixtureText('interview.srt'));
    for (const [name, encoding] of SRT_FIXTURES.filter(([n]) => /utf8|gb18030|utf16/.test(n))) {
      const { doc, problems } = readSrt(decodeFixture(name, encoding));
      expect(values(doc.cues)).toEqual(values(seed.doc.cues));
      expect(problems).toEqual([]);
      expect(doc.format.eol).toBe(name.includes('gb18030') ? '\n' : '\r\n');
    }
  });

  it('the offset copy reads as the seed shifted by +2350 ms', () => {
    const seed = readSrt(readFixtureText('interview.srt')).doc.cues;
    const offset = readSrt(readFixtureText('interview-offset.srt')).doc.cues;
    expect(offset.map((c) => [c.startMs - 2350, c.endMs - 2350, c.text])).toEqual(values(seed));
  });
});

describe('interview.srt against the subtitle package (oracle)', () => {
  it.each(['interview.srt', 'interview-3min.srt', 'interview-drift.srt'])(
    '%s: same start, end and text for every cue',
    (name) => {
      const text = readFixtureText(name);
      const oracle = parseSync(text).flatMap((node) =>
        node.type === 'cue' ? [[node.data.start, node.data.end, node.data.text] as [number, number, string]] : [],
      );
      const { doc, problems } = readSrt(text);
      expect(oracle.length).toBeGreaterThan(100);
      expect(values(doc.cues)).toEqual(oracle);
      expect(problems).toEqual([]);
    },
  );

  it('interview.srt has the documented shape', () => {
    const { doc } = readSrt(readFixtureText('interview.srt'));
    expect(doc.cues).toHaveLength(2324);
    expect(doc.cues.at(-1)?.endMs).toBe(3_894_466);
    expect(doc.cues[2140]?.startMs).toBe(3_595_900);
    expect(doc.cues[2140]?.endMs).toBe(3_600_800);
    expect(doc.format).toEqual({ eol: '\n', finalNewline: true });
  });
});

describe('interview-broken.srt: one check per row of interview-broken.md', () => {
  let broken: ReadResult;
  let seed: readonly Cue[];
  /** Cue by 1-based position (= id: ids are 1..n in file order). */
  const cue = (n: number): Cue => broken.doc.cues[n - 1] as Cue;
  const problemsAt = (line: number): ReadProblem[] => broken.problems.filter((p) => p.line === line);

  beforeAll(() => {
    broken = readSrt(readFixtureText('interview-broken.srt'));
    seed = readSrt(readFixtureText('interview.srt')).doc.cues;
  });

  it('loads exactly 2324 cues with ids 1..2324, and writes them back byte for byte', () => {
    expect(broken.doc.cues).toHaveLength(2324);
    expect(broken.doc.cues.map((c) => c.id)).toEqual(seed.map((_, i) => i + 1));
    expect(writeSrt(broken.doc)).toBe(readFixtureText('interview-broken.srt'));
  });

  it('reports exactly the reader problems of the table, at the stated lines', () => {
    expect(broken.problems.map((p) => [p.code, p.line, p.cueId])).toEqual([
      ['invalid-timestamp', 814, 204],
      ['malformed-timestamp', 998, 250],
      ['bad-index', 1197, 300],
      ['bad-index', 1201, 301],
      ['missing-blank-line', 1600, 401],
      ['bad-index', 2399, 600],
      ['bad-index', 2802, 701],
      ['malformed-timestamp', 8599, 2150],
    ]);
  });

  it('leaves every time and text the table does not mention equal to the seed', () => {
    const timesChanged = new Set([150, 300, 301, 800, 2141]);
    const textChanged = new Set([300, 301, 900, 1000, 1100]);
    for (let n = 1; n <= 2324; n++) {
      const expected = seed[n - 1] as Cue;
      if (!timesChanged.has(n))
        expect([n, cue(n).startMs, cue(n).endMs]).toEqual([n, expected.startMs, expected.endMs]);
      if (!textChanged.has(n)) expect([n, cue(n).text]).toEqual([n, expected.text]);
    }
  });

  it('#1 overlap (line 8563): cue 2141 is read as written, ending after cue 2142 starts, with no reader problem', () => {
    expect([cue(2141).line, cue(2141).startMs, cue(2141).endMs, cue(2142).startMs]).toEqual([
      8563, 3_595_900, 3_601_200, 3_600_800,
    ]);
    expect(problemsAt(8563)).toEqual([]);
  });

  it('#2 end before start (line 598): cue 150 is kept as written', () => {
    expect([cue(150).line, cue(150).startMs, cue(150).endMs]).toEqual([598, 267_833, 266_200]);
  });

  it("#3 '.' separator (line 998): cue 250 keeps its milliseconds, with a warning", () => {
    expect([cue(250).line, cue(250).startMs, cue(250).endMs]).toEqual([998, 450_600, 451_500]);
    expect(problemsAt(998).map((p) => p.code)).toEqual(['malformed-timestamp']);
  });

  it('#4 1-digit hours (line 8599): cue 2150 starts at 1 h 0 min 16.866 s, with a warning', () => {
    expect(cue(2150).startMs).toBe(3_616_866);
    expect(problemsAt(8599).map((p) => p.code)).toEqual(['malformed-timestamp']);
  });

  it('#5 seconds = 60 (line 814): cue 204 starts at 00:06:00,433, reported as out of range', () => {
    expect(cue(204).startMs).toBe(seed[203]?.startMs);
    expect(cue(204).startMs).toBe(360_433);
    expect(problemsAt(814).map((p) => [p.code, p.cueId])).toEqual([['invalid-timestamp', 204]]);
    expect(said(problemsAt(814)[0])).toMatch(/seconds.*\(60\)/);
  });

  it('#6 two cues out of order (line 1197): both are kept in file order; the numbering is reported', () => {
    expect([cue(300).source?.index, cue(300).startMs, cue(301).source?.index, cue(301).startMs]).toEqual([
      301, 522_566, 300, 520_966,
    ]);
    expect([cue(300).text, cue(301).text]).toEqual([seed[300]?.text, seed[299]?.text]);
    expect(problemsAt(1197).map((p) => p.code)).toEqual(['bad-index']);
  });

  it('#7 missing blank line (line 1600): cue 400 keeps its text and cue 401 is its own cue', () => {
    expect(cue(400).text).toBe('关联在哪里');
    expect([cue(401).source?.index, cue(401).startMs, cue(401).text]).toEqual([401, 693_033, seed[400]?.text]);
    expect(problemsAt(1600).map((p) => [p.code, p.cueId])).toEqual([['missing-blank-line', 401]]);
  });

  it('#8 extra blank lines (1999-2002): no phantom cue, they stay in cue 500 trailer', () => {
    expect(cue(500).trailer).toBe('\n\n\n\n');
    expect(cue(501).source?.index).toBe(501);
    expect([1999, 2000, 2001, 2002].flatMap(problemsAt)).toEqual([]);
  });

  it('#9 whitespace-only separator (line 2042): not text of cue 510', () => {
    expect(cue(510).text).toBe(seed[509]?.text);
    expect(cue(510).trailer).toBe('  \t\n');
    expect(problemsAt(2042)).toEqual([]);
  });

  it('#10 missing cue number (line 2399): loaded as the 600th cue, with a warning', () => {
    expect([cue(600).line, cue(600).source?.indexLine, cue(600).startMs]).toEqual([2399, null, 1_017_833]);
    expect(cue(599).text).toBe(seed[598]?.text);
    expect(problemsAt(2399).map((p) => [p.code, p.cueId])).toEqual([['bad-index', 600]]);
  });

  it('#11 duplicated cue number (line 2802): both cues numbered 700 are kept', () => {
    expect([cue(700).source?.index, cue(700).startMs, cue(701).source?.index, cue(701).startMs]).toEqual([
      700, 1_180_700, 700, 1_181_500,
    ]);
    expect(problemsAt(2802).map((p) => [p.code, p.cueId])).toEqual([['bad-index', 701]]);
  });

  it('#12 zero-length cue (line 3199): cue 800 is kept with start == end', () => {
    expect([cue(800).line, cue(800).startMs, cue(800).endMs]).toEqual([3199, 1_358_633, 1_358_633]);
  });

  it('#13 empty-text cue (line 3599): cue 900 has empty text and cue 901 is separate', () => {
    expect([cue(900).line, cue(900).text]).toEqual([3599, '']);
    expect(cue(901).text).toBe(seed[900]?.text);
  });

  it('#14 number-only text line (line 4000): 2024 is the second line of cue 1000', () => {
    expect(cue(1000).text).toBe('就是说\n2024');
  });

  it('#15 tags (line 4400): kept verbatim', () => {
    expect(cue(1100).text).toBe('{\\an8}<i>其实完全是取决于</i>');
  });

  it('#16/#17 trailing whitespace on timing lines (4799, 4803): parsed normally, no problem', () => {
    expect([cue(1200).endMs, cue(1201).endMs]).toEqual([2_062_466, 2_064_066]);
    expect([cue(1200).settings, cue(1201).settings]).toEqual(['', '']);
    expect([...problemsAt(4799), ...problemsAt(4803)]).toEqual([]);
  });

  it('#18 arrow without spaces (line 5199): a timing line, not text', () => {
    expect([cue(1300).line, cue(1300).startMs, cue(1300).endMs]).toEqual([5199, 2_226_600, 2_227_166]);
    expect(cue(1299).text).toBe(seed[1298]?.text);
  });

  it('#19 no final newline: the last cue is 拜拜 and the convention is recorded', () => {
    expect(cue(2324).text).toBe('拜拜');
    expect(broken.doc.format).toEqual({ eol: '\n', finalNewline: false });
  });
});

describe('the bench x100 text', () => {
  it('reads to 232,400 sequential cues, copy k shifted by k x 65 min, and writes back identically', () => {
    const seedText = readFixtureText('interview.srt');
    const seed = readSrt(seedText).doc.cues;
    const text = makeX100(seedText);
    const { doc, problems } = readSrt(text);
    expect(doc.cues).toHaveLength(232_400);
    expect(problems).toEqual([]);
    for (const k of [0, 1, 57, 99]) {
      for (const i of [0, 2140, 2323]) {
        const got = doc.cues[k * 2324 + i] as Cue;
        expect([got.source?.index, got.startMs, got.text]).toEqual([
          k * 2324 + i + 1,
          (seed[i]?.startMs as number) + k * X100_SHIFT_MS,
          seed[i]?.text,
        ]);
      }
    }
    expect(writeSrt(doc)).toBe(text);
  });
});
