/** Properties of the edit operations over random documents and random command sequences (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import {
  canMerge,
  canSplit,
  convertFrameRate,
  deleteCues,
  fixNegativeDurations,
  fixOverlaps,
  insertCue,
  mergeCues,
  renumber,
  setText,
  setTimes,
  shiftCues,
  sortByStart,
  splitCue,
  swapTimes,
  twoPointSync,
} from '../../src-shared/edits';
import { type Command, History } from '../../src-shared/history';
import { type CueSpec, docFrom, expectState, snapshot } from '../support/undoable';

const word = fc.oneof(
  fc.stringMatching(/^[a-zA-Z']{1,8}$/),
  fc.stringMatching(/^[你好世界我们关联在哪里其实完全是取决于]{1,6}$/),
  fc.constantFrom('<i>it</i>', '{\\an8}top', 'a<b', '😀'),
);
const line = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const text = fc.array(line, { minLength: 0, maxLength: 3 }).map((lines) => lines.join('\n'));
const cueSpec: fc.Arbitrary<CueSpec> = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: -500, max: 5000 }), text)
  .map(([startMs, lengthMs, t]) => [startMs, Math.max(0, startMs + lengthMs), t] as const);
const docSpecs = fc.array(cueSpec, { minLength: 0, maxLength: 12 });

describe('shift', () => {
  it('shift(+d) then shift(-d) restores every cue the first shift did not clamp', () => {
    fc.assert(
      fc.property(docSpecs, fc.integer({ min: -20_000, max: 20_000 }), (specs, by) => {
        const doc = docFrom(specs);
        const original = doc.cues.slice();
        const history = new History(doc);
        const there = shiftCues(doc, { by });
        history.execute(there.command);
        history.execute(shiftCues(doc, { by: -by }).command);
        const clamped = new Set(there.clampedIds);
        doc.cues.forEach((cue, i) => {
          const before = original[i] as Cue;
          expect(cue.id).toBe(before.id);
          if (!clamped.has(cue.id)) expect([cue.startMs, cue.endMs]).toEqual([before.startMs, before.endMs]);
        });
        if (by >= 0) expect(there.clampedCount).toBe(0);
      }),
    );
  });
});

describe('split and merge', () => {
  it('splitting at any inner time then merging the halves restores times, id and text', () => {
    fc.assert(
      fc.property(cueSpec, fc.double({ min: 0, max: 1, noNaN: true }), (spec, where) => {
        const [startMs, endMs, original] = spec;
        fc.pre(endMs - startMs >= 2);
        const atMs = startMs + 1 + Math.floor(where * (endMs - startMs - 2));
        const doc = docFrom([spec]);
        const history = new History(doc);
        expect(canSplit(doc, 1, { atMs })).toBe(true);
        const split = splitCue(doc, 1, { atMs });
        history.execute(split.command);
        expect(doc.cues.map((c) => [c.startMs, c.endMs])).toEqual([
          [startMs, atMs],
          [atMs, endMs],
        ]);
        expect(canMerge(doc, [1, split.newId])).toBe(true);
        history.execute(mergeCues(doc, [1, split.newId]).command);
        const merged = doc.cues[0] as Cue;
        expect([doc.length, merged.id, merged.startMs, merged.endMs]).toEqual([1, 1, startMs, endMs]);
        // The cut may fall between words or characters, where merge puts a line break (none between two Chinese
        // fragments, which join directly).
        const visible = (t: string) => t.replace(/<\/?i>|\{\\an8\}|\s/g, '');
        expect(visible(merged.text)).toBe(visible(original));
        const latin = !/\p{Script=Han}/u.test(original);
        if (latin && original.includes('\n') && !original.includes('<i>') && !original.includes('{'))
          expect(merged.text).toBe(original);
      }),
    );
  });
});

/** One random edit: which operation and a few numbers it picks its targets from. */
interface Op {
  kind: number;
  a: number;
  b: number;
  ms: number;
}

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.integer({ min: 0, max: 17 }),
  a: fc.nat(),
  b: fc.nat(),
  ms: fc.integer({ min: -5000, max: 120_000 }),
});

function idAt(doc: SubtitleDoc, n: number): number {
  return (doc.cues[n % doc.length] as Cue).id;
}

/** Builds the command for `o` on the document as it is now, or null when the operation does not apply. */
function build(doc: SubtitleDoc, o: Op, history: History): Command | null {
  const { a, b, ms } = o;
  const t = Math.abs(ms);
  if (doc.length === 0 && o.kind !== 3) return null;
  switch (o.kind) {
    case 0:
    case 1:
      return setText(doc, idAt(doc, a), `typed ${b % 5}`);
    case 2:
      return setTimes(doc, idAt(doc, a), { startMs: t, endMs: t + (b % 3000) });
    case 3:
      return insertCue(
        doc,
        doc.length === 0 ? { atMs: t } : [{ after: idAt(doc, a) }, { before: idAt(doc, a) }, { atMs: t }][b % 3]!,
      ).command;
    case 4:
      return deleteCues(doc, [idAt(doc, a), idAt(doc, a + b)]);
    case 5: {
      const id = idAt(doc, a);
      const cue = doc.cues[doc.indexOf(id)] as Cue;
      const atMs = cue.startMs + (b % Math.max(1, cue.endMs - cue.startMs));
      return canSplit(doc, id, { atMs }) ? splitCue(doc, id, { atMs }).command : null;
    }
    case 6: {
      const id = idAt(doc, a);
      const textOffset = b % ((doc.cues[doc.indexOf(id)] as Cue).text.length + 1);
      return canSplit(doc, id, { textOffset }) ? splitCue(doc, id, { textOffset }).command : null;
    }
    case 7: {
      const from = a % doc.length;
      const ids = doc.cues.slice(from, from + 2 + (b % 2)).map((c) => c.id);
      return canMerge(doc, ids) ? mergeCues(doc, ids).command : null;
    }
    case 8:
      return shiftCues(doc, { by: ms - 60_000 }).command;
    case 9:
      return shiftCues(doc, { by: ms, scope: { ids: [idAt(doc, a), idAt(doc, b)] } }).command;
    case 10:
      return shiftCues(doc, { by: ms, scope: { fromMs: t } }).command;
    case 11: {
      const result = twoPointSync(doc, {
        first: { id: idAt(doc, a), newStartMs: t },
        second: { id: idAt(doc, b), newStartMs: t + (a % 7) * 1000 },
        scope: b % 2 ? 'all' : { fromId: idAt(doc, a) },
      });
      return result.command;
    }
    case 12:
      return convertFrameRate(doc, { fromFps: [23.976, 25, 29.97][a % 3]!, toFps: [25, 23.976, 24][b % 3]! }).command;
    case 13:
      return renumber(doc);
    case 14:
      return sortByStart(doc).command;
    case 15:
      return fixOverlaps(doc, { minGapMs: a % 200, minDurationMs: b % 1000 }).command;
    case 16:
      return doc.cues.some((c) => c.endMs < c.startMs)
        ? fixNegativeDurations(doc).command
        : swapTimes(doc, idAt(doc, a));
    default:
      history.seal();
      return null;
  }
}

describe('random command sequences', () => {
  it('undo of everything restores the original cues (ids, values, objects); redo of everything the end state', () => {
    fc.assert(
      fc.property(docSpecs, fc.array(op, { maxLength: 25 }), (specs, ops) => {
        const doc = docFrom(specs);
        const original = snapshot(doc);
        const history = new History(doc);
        for (const o of ops) {
          const command = build(doc, o, history);
          if (command) history.execute(command);
        }
        const end = snapshot(doc);
        const depth = history.undoDepth;
        while (history.undo());
        expectState(doc, original);
        expect(history.isDirty).toBe(false);
        while (history.redo());
        expect(history.undoDepth).toBe(depth);
        expectState(doc, end);
      }),
      { numRuns: 300 },
    );
  });

  it('every operation keeps ids unique and times whole, non-negative milliseconds', () => {
    fc.assert(
      fc.property(docSpecs, fc.array(op, { maxLength: 25 }), (specs, ops) => {
        const doc = docFrom(specs);
        const history = new History(doc);
        for (const o of ops) {
          const command = build(doc, o, history);
          if (command) history.execute(command);
          const ids = doc.cues.map((c) => c.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const cue of doc.cues) {
            expect(Number.isInteger(cue.startMs) && cue.startMs >= 0).toBe(true);
            expect(Number.isInteger(cue.endMs) && cue.endMs >= 0).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
