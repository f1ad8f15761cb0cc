/**
 * writeSrt takes the blocks of cues that did not change since its last write of a document from that write's text:
 * whatever was edited in between, the text is the one a first write of the same document gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cue, SubtitleDoc, withFields } from '../../src-shared/document';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { readFixtureText } from '../support/fixtures';

/** The same document as a new object, so nothing of an earlier write can be reused. */
function firstWriteOf(doc: SubtitleDoc): string {
  const copy = new SubtitleDoc(doc.cues.slice(), doc.format, doc.leading);
  copy.renumbered = doc.renumbered;
  return writeSrt(copy);
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: fc.constantFrom('x', '', 'a\nb', '中文') }),
  fc.record({ kind: fc.constant('shift' as const), at: fc.nat(), ms: fc.integer({ min: -5000, max: 5000 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom('\n' as const, '\r\n' as const) }),
  fc.record({ kind: fc.constant('finalNewline' as const), on: fc.boolean() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(doc: SubtitleDoc, e: Edit): void {
  const size = doc.cues.length;
  if (e.kind === 'eol') doc.format.eol = e.eol;
  else if (e.kind === 'finalNewline') doc.format.finalNewline = e.on;
  else if (e.kind === 'insert') {
    doc.cues.splice(e.at % (size + 1), 0, doc.createCue({ startMs: 1000, endMs: 2000, text: 'new' }));
    doc.renumbered = true;
  } else if (size === 0) return;
  else if (e.kind === 'remove') {
    doc.cues.splice(e.at % size, 1);
    doc.renumbered = true;
  } else {
    const cue = doc.cues[e.at % size] as Cue;
    doc.cues[e.at % size] =
      e.kind === 'text'
        ? withFields(cue, { text: e.text })
        : withFields(cue, { startMs: Math.max(0, cue.startMs + e.ms), endMs: Math.max(0, cue.endMs + e.ms) });
  }
}

describe('writing a document again after edits', () => {
  for (const fixture of ['interview.srt', 'interview-broken.srt', 'interview-utf8-bom-crlf.srt']) {
    it(`gives the text of a first write, on ${fixture} (2,324 cues, several blocks)`, () => {
      const read = readSrt(readFixtureText(fixture).replace(/^\uFEFF/, ''));
      fc.assert(
        fc.property(fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 4 }), (saves) => {
          const doc = new SubtitleDoc(read.doc.cues.slice(), { ...read.doc.format }, read.doc.leading);
          writeSrt(doc);
          for (const edits of saves) {
            for (const e of edits) apply(doc, e);
            expect(writeSrt(doc)).toBe(firstWriteOf(doc));
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it('rewrites only what changed: an untouched document is written back as read, again and again', () => {
    const text = readFixtureText('interview-broken.srt');
    const { doc } = readSrt(text);
    expect(writeSrt(doc)).toBe(text);
    expect(writeSrt(doc)).toBe(text);
    doc.cues[2000] = withFields(doc.cues[2000] as Cue, { text: 'edited' });
    const edited = writeSrt(doc);
    expect(edited).toBe(firstWriteOf(doc));
    expect(edited).toContain('\nedited\n');
    expect(edited.length - text.length).toBe('edited'.length - (readSrt(text).doc.cues[2000] as Cue).text.length);
  });
});
