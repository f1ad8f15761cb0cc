/** Property tests for the SRT codec: write/read round trips, lossless reading of arbitrary text, and each tolerance on its own. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cue, type LineEnding, SubtitleDoc, withFields } from '../../src-shared/document';
import { readSrt, writeSrt } from '../../src-shared/srt';

const EOLS: LineEnding[] = ['\n', '\r\n', '\r'];
/** `FUZZ_SCALE=50 npx vitest run tests/shared/srt-properties.test.ts` runs every property 50 times longer. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE) || 1);
const runs = (numRuns: number) => ({ numRuns: numRuns * SCALE });
const RUNS = runs(300);

/** Characters for text lines: ASCII, CJK, tags, digits, time punctuation and odd whitespace. */
const textChar = fc.constantFrom(...'aZ09:,.-<>i/{}\\ \t中文拜\u3000#'.split(''));

/** A text line SRT can carry: not blank, and not containing an arrow (which could make it a timing line). */
const textLine = fc
  .string({ unit: textChar, minLength: 1, maxLength: 16 })
  .filter((line) => line.trim() !== '' && !line.includes('->'));

const settings = fc.oneof(
  fc.constant(''),
  fc.constantFrom('X1:100 X2:600 Y1:20 Y2:80', 'align:start', 'position:10%'),
  textLine.map((s) => s.trim()),
);

interface CueValues {
  startMs: number;
  endMs: number;
  text: string;
  settings: string;
}

const cueValues = fc.record({
  startMs: fc.integer({ min: 0, max: 400 * 3_600_000 }),
  endMs: fc.integer({ min: 0, max: 400 * 3_600_000 }),
  text: fc.array(textLine, { maxLength: 3 }).map((lines) => lines.join('\n')),
  settings,
});

const docSpec = fc.record({
  cues: fc.array(cueValues, { minLength: 1, maxLength: 25 }),
  eol: fc.constantFrom(...EOLS),
  finalNewline: fc.boolean(),
});

function buildDoc(spec: { cues: CueValues[]; eol: LineEnding; finalNewline: boolean }): SubtitleDoc {
  const doc = new SubtitleDoc([], { eol: spec.eol, finalNewline: spec.finalNewline });
  doc.cues = spec.cues.map((values) => doc.createCue(values));
  return doc;
}

function values(cues: readonly Cue[]): CueValues[] {
  return cues.map(({ startMs, endMs, text, settings }) => ({ startMs, endMs, text, settings }));
}

describe('write then read', () => {
  it('gives back the same cue values and format, with no problems', () => {
    fc.assert(
      fc.property(docSpec, (spec) => {
        const text = writeSrt(buildDoc(spec));
        const { doc, problems } = readSrt(text);
        expect(values(doc.cues)).toEqual(spec.cues);
        expect(doc.format).toEqual({ eol: spec.eol, finalNewline: spec.finalNewline });
        expect(problems).toEqual([]);
        expect(writeSrt(doc)).toBe(text);
      }),
      RUNS,
    );
  });
});

/** Fragments that damaged SRT files are made of. */
const fragment = fc.oneof(
  fc.constantFrom(
    '00:00:01,000 --> 00:00:02,000',
    '00:00:01.5 --> 0:0:2,0',
    '1:00:16,866-->01:00:19,900 \t',
    '00:05:60,433 --> 00:61:00,000 X1:1',
    '00:00:01,000 -> 00:00:02',
    '12:30 --> 13:00',
    '-00:00:01,000 --> 00:00:02,000',
    '99999999999:00:00,000 --> 1:2:3,4',
    '00:00:01,000 -->',
    ' --> ',
  ),
  fc.nat({ max: 3000 }).map(String),
  fc.constantFrom('', ' ', '  \t', '\u3000', '\uFEFF'),
  textLine,
  fc.string({ maxLength: 12 }),
);

const damagedText = fc.array(fc.tuple(fragment, fc.constantFrom(...EOLS)), { maxLength: 40 }).chain((pieces) =>
  fc.boolean().map((finalBreak) => {
    const joined = pieces.map(([line, eol]) => line + eol).join('');
    return finalBreak || pieces.length === 0 ? joined : joined.slice(0, -(pieces.at(-1)?.[1].length ?? 0));
  }),
);

/** All raw text the document keeps, in file order. */
function keptText(doc: SubtitleDoc): string {
  let kept = doc.leading;
  for (const cue of doc.cues) kept += (cue.source?.indexLine ?? '') + (cue.source?.body ?? '') + cue.trailer;
  return kept;
}

function checkLossless(input: string): void {
  const { doc, problems } = readSrt(input);
  expect(writeSrt(doc)).toBe(input);
  const kept = keptText(doc);
  const textLines = doc.cues.flatMap((cue) => cue.text.split('\n'));
  for (const line of input.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    expect(kept.includes(line) || textLines.includes(line)).toBe(true);
  }
  const lineCount = Math.max(1, input.split(/\r\n|\r|\n/).length);
  for (const problem of problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lineCount);
    if (problem.cueId !== null) expect(problem.cueId).toBeLessThanOrEqual(doc.cues.length);
  }
  doc.cues.forEach((cue, i) => {
    expect(cue.id).toBe(i + 1);
    expect(Number.isFinite(cue.startMs) && Number.isFinite(cue.endMs)).toBe(true);
  });
}

describe('reading arbitrary text', () => {
  it('never throws, loses no non-blank line and writes back byte for byte (SRT-like fragments)', () => {
    fc.assert(fc.property(damagedText, checkLossless), runs(500));
  });

  it('never throws and writes back byte for byte (any string)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkLossless), RUNS);
  });

  it('points each cue line at its timing line', () => {
    fc.assert(
      fc.property(damagedText, (input) => {
        const lines = input.split(/\r\n|\r|\n/);
        for (const cue of readSrt(input).doc.cues) {
          expect(cue.source?.body.startsWith(lines[(cue.line as number) - 1] as string)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

/** An edit the editor can make: change a cue, insert a new one, or remove one (positions are taken modulo the length). */
const editOp = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(), values: cueValues }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), values: cueValues }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
);

type EditOp = typeof editOp extends fc.Arbitrary<infer T> ? T : never;

/** Whether raw trailer text ends with a non-blank line (orphan text right before whatever follows). */
function endsWithTextLine(trailer: string): boolean {
  const lines = trailer.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
  return (lines.at(-1) as string).trim() !== '';
}

function applyEdit(doc: SubtitleDoc, op: EditOp): void {
  const size = doc.cues.length;
  if (op.kind === 'insert') {
    doc.cues.splice(op.at % (size + 1), 0, doc.createCue(op.values));
    doc.renumbered = true;
  } else if (size > 0 && op.kind === 'change') {
    doc.cues[op.at % size] = withFields(doc.cues[op.at % size] as Cue, op.values);
  } else if (size > 0) {
    doc.cues.splice(op.at % size, 1);
    doc.renumbered = true;
  }
}

describe('edit, write, read', () => {
  it('gives back the edited values for damaged input too, and numbers cues in order once renumbered', () => {
    fc.assert(
      fc.property(damagedText, fc.array(editOp, { maxLength: 6 }), (input, ops) => {
        const { doc } = readSrt(input);
        for (const op of ops) applyEdit(doc, op);
        const { doc: reread, problems } = readSrt(writeSrt(doc));
        expect(values(reread.cues)).toEqual(values(doc.cues));
        // An inserted cue is always separated from its neighbours by a blank line (unless orphan text kept
        // from the file sits right before the next cue, as it did in the file); cues read from the file keep
        // the separators they had, edited or not.
        const runTogether = new Set(problems.filter((p) => p.code === 'missing-blank-line').map((p) => p.cueId));
        const fromFile = (cue: Cue) => cue.source !== undefined || cue.origin !== undefined;
        for (let i = 1; i < doc.cues.length; i++) {
          const previous = doc.cues[i - 1] as Cue;
          const inserted = !fromFile(previous) || !fromFile(doc.cues[i] as Cue);
          if (inserted && !endsWithTextLine(previous.trailer)) expect(runTogether.has(i + 1)).toBe(false);
        }
        if (doc.renumbered) {
          expect(reread.cues.map((cue) => cue.source?.index)).toEqual(reread.cues.map((_, i) => i + 1));
        }
      }),
      runs(500),
    );
  });
});

/** One whole line break (a CR directly before an LF is half of a CRLF, not a break of its own). */
const BREAK = String.raw`(\r\n|\r(?!\n)|\n)`;

/** Applies `change` to the timing lines only (text lines never contain an arrow, see `textLine`). */
function onTimingLines(change: (line: string) => string): (text: string) => string {
  return (text) => text.replace(/[^\r\n]*-->[^\r\n]*/g, change);
}

/** One kind of damage applied to well-formed output; reading must still give the same cue values. */
const TOLERANCES: Array<[string, (text: string) => string]> = [
  ['CRLF line endings', (text) => text.replace(/\r\n|\r|\n/g, '\r\n')],
  [
    'mixed line endings',
    // Cycling CRLF, LF, CR never puts a lone CR right before an LF, which would merge two breaks into one.
    (text) => {
      let count = 0;
      return text.replace(/\r\n|\r|\n/g, () => ['\r\n', '\n', '\r'][count++ % 3] as string);
    },
  ],
  ["'.' as the millisecond separator", onTimingLines((line) => line.replace(/(\d\d:\d\d:\d\d),(\d\d\d)/g, '$1.$2'))],
  ['no final newline', (text) => text.replace(/(\r\n|\r|\n)$/, '')],
  ['extra blank and whitespace-only lines', (text) => text.replace(new RegExp(BREAK + BREAK, 'g'), '$1$2 \t$2$2')],
  ['1-digit hours', onTimingLines((line) => line.replace(/\b0(\d):(\d\d:\d\d,\d\d\d)/g, '$1:$2'))],
  ['no spaces around the arrow', onTimingLines((line) => line.replace(' --> ', '-->'))],
  ['trailing whitespace on timing lines', onTimingLines((line) => `${line}  \t`)],
  [
    'missing blank lines between cues',
    (text) => text.replace(new RegExp(`${BREAK}${BREAK}(?=\\d+${BREAK}\\d)`, 'g'), '$1'),
  ],
];

describe('each tolerance on its own', () => {
  it.each(TOLERANCES)('%s: same cue values as the well-formed text', (_name, damage) => {
    fc.assert(
      fc.property(docSpec, (spec) => {
        const clean = writeSrt(buildDoc(spec));
        const damaged = damage(clean);
        const { doc } = readSrt(damaged);
        expect(values(doc.cues)).toEqual(spec.cues);
        expect(writeSrt(doc)).toBe(damaged);
      }),
      runs(150),
    );
  });
});
