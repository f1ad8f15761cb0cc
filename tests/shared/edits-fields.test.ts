/** Editing one cue: text with coalesced typing, start/end times, and the swap fix for reversed times. */
import { describe, expect, it } from 'vitest';
import type { Cue, CueSource } from '../../src-shared/document';
import {
  canSwapTimes,
  fixNegativeDurations,
  setEnd,
  setStart,
  setText,
  setTimes,
  swapTimes,
} from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { docFrom, expectUndoable, specsOf } from '../support/undoable';

function sample() {
  return docFrom([
    [0, 1000, 'one'],
    [1000, 2000, 'two'],
    [3000, 2500, 'reversed'],
  ]);
}

describe('setText', () => {
  it('replaces only that cue with a source-less copy, leaving the others as the same objects', () => {
    const doc = sample();
    const source: CueSource = { indexLine: '2\n', index: 2, body: '00:00:01,000 --> 00:00:02,000\ntwo\n' };
    doc.cues[1] = { ...(doc.cues[1] as Cue), source, line: 5 };
    const untouched = [doc.cues[0], doc.cues[2]];
    const { after } = expectUndoable(doc, (d) => setText(d, 2, 'deux'));
    const edited = after.values[1] as Cue;
    expect(edited).toMatchObject({ id: 2, text: 'deux', startMs: 1000, endMs: 2000, line: 5 });
    expect(edited.source).toBeUndefined();
    expect([after.cues[0], after.cues[2]]).toEqual(untouched);
    expect(after.cues[0]).toBe(untouched[0]);
  });

  it('normalises pasted CRLF and CR line breaks to \\n', () => {
    const doc = sample();
    new History(doc).execute(setText(doc, 1, 'a\r\nb\rc'));
    expect(doc.cues[0]?.text).toBe('a\nb\nc');
  });

  it('consecutive typing in one cue is one undo step until sealed', () => {
    const doc = sample();
    const history = new History(doc);
    for (const text of ['o', 'on', 'one!']) history.execute(setText(doc, 1, text));
    history.execute(setText(doc, 2, 'x'));
    history.execute(setText(doc, 2, 'xy'));
    expect(history.undoDepth).toBe(2);
    history.seal();
    history.execute(setText(doc, 2, 'xyz'));
    history.undo();
    expect(doc.cues[1]?.text).toBe('xy');
    history.undo();
    expect(doc.cues[1]?.text).toBe('two');
    history.undo();
    expect(doc.cues[0]?.text).toBe('one');
  });

  it('setting the same text is an empty command that History ignores', () => {
    const doc = sample();
    const history = new History(doc);
    history.execute(setText(doc, 1, 'one'));
    expect(history.undoDepth).toBe(0);
  });

  it('rejects an unknown id', () => {
    expect(() => setText(sample(), 99, 'x')).toThrow(/99/);
  });
});

describe('setStart / setEnd / setTimes', () => {
  it('set one or both times of a cue', () => {
    expect(specsOf(expectUndoable(sample(), (d) => setStart(d, 2, 1200)).history.doc)[1]).toEqual([1200, 2000, 'two']);
    expect(specsOf(expectUndoable(sample(), (d) => setEnd(d, 2, 2400)).history.doc)[1]).toEqual([1000, 2400, 'two']);
    const both = expectUndoable(sample(), (d) => setTimes(d, 1, { startMs: 100, endMs: 900 }));
    expect(specsOf(both.history.doc)[0]).toEqual([100, 900, 'one']);
  });

  it('labels the step by what it sets', () => {
    const doc = sample();
    expect(setStart(doc, 1, 5).label).toBe('Set start');
    expect(setEnd(doc, 1, 5).label).toBe('Set end');
    expect(setTimes(doc, 1, { startMs: 5, endMs: 6 }).label).toBe('Set times');
  });

  it('rounds fractional ms and allows an end before the start (the validator reports it)', () => {
    const doc = sample();
    new History(doc).execute(setTimes(doc, 1, { startMs: 800.6, endMs: 500 }));
    expect(specsOf(doc)[0]).toEqual([801, 500, 'one']);
  });

  it('rejects negative and non-finite times', () => {
    const doc = sample();
    expect(() => setStart(doc, 1, -1)).toThrow(RangeError);
    expect(() => setEnd(doc, 1, Number.NaN)).toThrow(RangeError);
  });

  it('a drag with a coalesce key is one undo step', () => {
    const doc = sample();
    const history = new History(doc);
    for (const endMs of [1100, 1200, 1300]) history.execute(setEnd(doc, 1, endMs, { coalesceKey: 'drag:1' }));
    expect(history.undoDepth).toBe(1);
    history.undo();
    expect(doc.cues[0]?.endMs).toBe(1000);
  });
});

describe('swapTimes', () => {
  it('is offered only for a negative duration and swaps start and end', () => {
    const doc = sample();
    expect(canSwapTimes(doc, 1)).toBe(false);
    expect(canSwapTimes(doc, 3)).toBe(true);
    expect(canSwapTimes(doc, 42)).toBe(false);
    expectUndoable(doc, (d) => swapTimes(d, 3));
    expect(specsOf(doc)[2]).toEqual([2500, 3000, 'reversed']);
  });

  it('fixNegativeDurations swaps every reversed cue in one step and names them', () => {
    const doc = docFrom([
      [500, 100, 'a'],
      [600, 700, 'b'],
      [900, 800, 'c'],
    ]);
    let fixedIds: number[] = [];
    expectUndoable(doc, (d) => {
      const result = fixNegativeDurations(d);
      fixedIds = result.fixedIds;
      return result.command;
    });
    expect(fixedIds).toEqual([1, 3]);
    expect(specsOf(doc)).toEqual([
      [100, 500, 'a'],
      [600, 700, 'b'],
      [800, 900, 'c'],
    ]);
  });
});
