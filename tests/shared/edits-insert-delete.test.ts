/** Inserting cues (next to a cue or at a time, with gap-filling default times) and deleting by id. */
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src-shared/document';
import { canDelete, DEFAULT_CUE_DURATION_MS, deleteCues, insertCue } from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { docFrom, expectUndoable, specsOf } from '../support/undoable';

function sample() {
  return docFrom([
    [1000, 2000, 'a'],
    [2500, 4000, 'b'],
    [4000, 5000, 'c'],
    [10_000, 11_000, 'd'],
  ]);
}

describe('insertCue', () => {
  it('after a cue: starts at its end and fills the gap to the next cue', () => {
    const doc = sample();
    let id = 0;
    expectUndoable(doc, (d) => {
      const result = insertCue(d, { after: 1 });
      id = result.id;
      return result.command;
    });
    expect(doc.indexOf(id)).toBe(1);
    expect(specsOf(doc)[1]).toEqual([2000, 2500, '']);
    expect(doc.renumbered).toBe(true);
  });

  it('gets a fresh id that no cue had, even after that cue is undone', () => {
    const doc = sample();
    const history = new History(doc);
    const first = insertCue(doc, { after: 4 });
    history.execute(first.command);
    history.undo();
    const second = insertCue(doc, { after: 4 });
    expect(second.id).not.toBe(first.id);
    expect(doc.cues.map((c) => c.id)).not.toContain(second.id);
  });

  it('uses the default 2 s when the gap is longer or there is no next cue', () => {
    const doc = sample();
    expect(insertCue(doc, { after: 3 })).toMatchObject({ startMs: 5000, endMs: 5000 + DEFAULT_CUE_DURATION_MS });
    expect(insertCue(doc, { after: 4 })).toMatchObject({ startMs: 11_000, endMs: 13_000, position: 4 });
  });

  it('between touching cues takes the second half of the cue before, never overlapping the next', () => {
    // b [2500, 4000) ends where c starts: b keeps [2500, 3250) and the new cue gets [3250, 4000).
    const doc = sample();
    const result = insertCue(doc, { after: 2 });
    expect(result).toMatchObject({ startMs: 3250, endMs: 4000, position: 2 });
    expect(result.shortened).toEqual({ id: 2, oldStartMs: 2500, oldEndMs: 4000, newStartMs: 2500, newEndMs: 3250 });
    expectUndoable(doc, () => result.command);
    expect(specsOf(doc).slice(1, 4)).toEqual([
      [2500, 3250, 'b'],
      [3250, 4000, ''],
      [4000, 5000, 'c'],
    ]);
  });

  it('before a cue: ends at its start and fills back to the previous cue, at most 2 s', () => {
    const doc = sample();
    expect(insertCue(doc, { before: 2 })).toMatchObject({ startMs: 2000, endMs: 2500, position: 1 });
    expect(insertCue(doc, { before: 4 })).toMatchObject({ startMs: 8000, endMs: 10_000, position: 3 });
    expect(insertCue(doc, { before: 1 })).toMatchObject({ startMs: 0, endMs: 1000, position: 0 });
    // Before a cue at 0 there is no room: the new cue takes the first half of it.
    const atZero = docFrom([[0, 1000, 'x']]);
    expect(insertCue(atZero, { before: 1 })).toMatchObject({ startMs: 0, endMs: 500, position: 0 });
  });

  it('before a cue touching the previous one takes the first half of it (at most 2 s)', () => {
    const doc = sample();
    const result = insertCue(doc, { before: 3 });
    expect(result).toMatchObject({ startMs: 4000, endMs: 4500, position: 2 });
    expectUndoable(doc, () => result.command);
    expect(specsOf(doc).slice(1, 4)).toEqual([
      [2500, 4000, 'b'],
      [4000, 4500, ''],
      [4500, 5000, 'c'],
    ]);
    const long = docFrom([
      [0, 3000, 'a'],
      [3000, 9000, 'b'],
    ]);
    expect(insertCue(long, { before: 2 })).toMatchObject({ startMs: 3000, endMs: 5000 });
    expect(insertCue(long, { after: 1 })).toMatchObject({ startMs: 1500, endMs: 3000 });
  });

  it('at a time: goes where its start keeps the time order, up to the next start', () => {
    const doc = sample();
    const result = insertCue(doc, { atMs: 6000 }, { text: 'new' });
    expect(result).toMatchObject({ position: 3, startMs: 6000, endMs: 8000 });
    new History(doc).execute(result.command);
    expect(specsOf(doc)[3]).toEqual([6000, 8000, 'new']);
    expect(insertCue(doc, { atMs: 9500 })).toMatchObject({ startMs: 9500, endMs: 10_000 });
    expect(insertCue(doc, { atMs: 0 }).position).toBe(0);
  });

  it('works on an empty document', () => {
    const doc = docFrom([]);
    expectUndoable(doc, (d) => insertCue(d, { atMs: 0 }).command);
    expect(specsOf(doc)).toEqual([[0, 2000, '']]);
  });

  it('accepts explicit times and text; a start alone keeps the default length', () => {
    const doc = sample();
    expect(insertCue(doc, { after: 1 }, { startMs: 2100, endMs: 2200 })).toMatchObject({ startMs: 2100, endMs: 2200 });
    expect(insertCue(doc, { after: 4 }, { startMs: 12_000 })).toMatchObject({ startMs: 12_000, endMs: 14_000 });
  });

  it('rejects an unknown anchor', () => {
    expect(() => insertCue(sample(), { after: 77 })).toThrow(/77/);
  });
});

describe('deleteCues', () => {
  it('deletes one cue', () => {
    const doc = sample();
    expectUndoable(doc, (d) => deleteCues(d, 2));
    expect(doc.cues.map((c) => c.text)).toEqual(['a', 'c', 'd']);
  });

  it('deletes many scattered cues in one step, ignoring duplicates and order', () => {
    const doc = sample();
    expectUndoable(doc, (d) => deleteCues(d, [4, 1, 4, 3]));
    expect(doc.cues.map((c) => c.text)).toEqual(['b']);
  });

  it('deletes many runs of a large document through one array replacement', () => {
    const specs = Array.from({ length: 200 }, (_, i) => [i * 1000, i * 1000 + 900, `c${i}`] as const);
    const doc = docFrom(specs);
    const odd = doc.cues.filter((_, i) => i % 2 === 1).map((c) => c.id);
    expectUndoable(doc, (d) => deleteCues(d, odd));
    expect(doc.length).toBe(100);
    expect(doc.cues.every((c: Cue) => Number(c.text.slice(1)) % 2 === 0)).toBe(true);
  });

  it('canDelete needs known ids', () => {
    const doc = sample();
    expect(canDelete(doc, [1, 2])).toBe(true);
    expect(canDelete(doc, [])).toBe(false);
    expect(canDelete(doc, [1, 9])).toBe(false);
    expect(() => deleteCues(doc, [9])).toThrow(/9/);
  });
});
