/** Splitting a cue at a time or at a caret, text cut points (lines, words, CJK, tags), and merging. */
import { describe, expect, it } from 'vitest';
import {
  canMerge,
  canSplit,
  canSplitTextAt,
  mergeCues,
  splitAtOffset,
  splitAtTime,
  splitCue,
  splitTextAtOffset,
  splitTextByRatio,
} from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { docFrom, expectUndoable, specsOf } from '../support/undoable';

describe('splitTextByRatio', () => {
  it('splits several lines between lines, choosing the break nearest the proportion of text', () => {
    expect(splitTextByRatio('Hello there\nGeneral Kenobi', 0.5)).toEqual(['Hello there', 'General Kenobi']);
    expect(splitTextByRatio('Hello there\nGeneral Kenobi', 0.01)).toEqual(['Hello there', 'General Kenobi']);
    expect(splitTextByRatio('aa\nbb\ncc\ndd', 0.25)).toEqual(['aa', 'bb\ncc\ndd']);
    expect(splitTextByRatio('aa\nbb\ncc\ndd', 0.7)).toEqual(['aa\nbb\ncc', 'dd']);
  });

  it('splits one line at the word boundary nearest the proportion', () => {
    expect(splitTextByRatio('one two three four', 0.5)).toEqual(['one two', 'three four']);
    expect(splitTextByRatio('one two three four', 0.2)).toEqual(['one', 'two three four']);
    expect(splitTextByRatio('one two three four', 0.9)).toEqual(['one two three', 'four']);
  });

  it('splits CJK text (no spaces) between characters', () => {
    expect(splitTextByRatio('你好世界', 0.5)).toEqual(['你好', '世界']);
    expect(splitTextByRatio('关联在哪里', 0.2)).toEqual(['关', '联在哪里']);
  });

  it('never starts the second part with closing punctuation', () => {
    expect(splitTextByRatio('好，我们走', 0.2)).toEqual(['好，', '我们走']);
  });

  it('splits one long word between characters but keeps combining marks and surrogate pairs whole', () => {
    expect(splitTextByRatio('abcdef', 0.5)).toEqual(['abc', 'def']);
    expect(splitTextByRatio('e\u0301e\u0301', 0.5)).toEqual(['e\u0301', 'e\u0301']);
    expect(splitTextByRatio('😀😀', 0.5)).toEqual(['😀', '😀']);
  });

  it('gives a single character to the larger time share and an empty text to the other', () => {
    expect(splitTextByRatio('a', 0.7)).toEqual(['a', '']);
    expect(splitTextByRatio('a', 0.2)).toEqual(['', 'a']);
    expect(splitTextByRatio('', 0.5)).toEqual(['', '']);
  });

  it('keeps tags balanced and repeats a leading position override', () => {
    expect(splitTextByRatio('<i>one two</i>', 0.5)).toEqual(['<i>one</i>', '<i>two</i>']);
    expect(splitTextByRatio('{\\an8}<i>其实完全是取决于</i>', 0.5)).toEqual([
      '{\\an8}<i>其实完全</i>',
      '{\\an8}<i>是取决于</i>',
    ]);
    expect(splitTextByRatio('<i>one</i> <b>two</b>', 0.5)).toEqual(['<i>one</i>', '<b>two</b>']);
    expect(splitTextByRatio('<font color="#ff0">a b</font>', 0.5)).toEqual([
      '<font color="#ff0">a</font>',
      '<font color="#ff0">b</font>',
    ]);
  });

  it('treats literal angle brackets as text', () => {
    expect(splitTextByRatio('a < b', 0.9)).toEqual(['a <', 'b']);
    expect(splitTextByRatio('x<y>z w', 0.5)).toEqual(['x<y>z', 'w']);
  });
});

describe('splitTextAtOffset', () => {
  it('cuts at the caret and drops the whitespace there', () => {
    expect(splitTextAtOffset('Hello everyone', 5)).toEqual(['Hello', 'everyone']);
    expect(splitTextAtOffset('Hello everyone', 6)).toEqual(['Hello', 'everyone']);
    expect(splitTextAtOffset('line one\nline two', 8)).toEqual(['line one', 'line two']);
  });

  it('moves a caret inside a tag or a surrogate pair out of it', () => {
    expect(splitTextAtOffset('<i>ab</i>', 1)).toEqual(['', '<i>ab</i>']);
    expect(splitTextAtOffset('<i>ab</i>', 4)).toEqual(['<i>a</i>', '<i>b</i>']);
    expect(splitTextAtOffset('a😀b', 2)).toEqual(['a', '😀b']);
  });

  it('canSplitTextAt needs text on both sides', () => {
    expect(canSplitTextAt('Hello', 0)).toBe(false);
    expect(canSplitTextAt('Hello', 5)).toBe(false);
    expect(canSplitTextAt('Hello ', 5)).toBe(false);
    expect(canSplitTextAt('Hello', 2)).toBe(true);
  });
});

describe('split a cue', () => {
  const sample = () =>
    docFrom([
      [0, 1000, 'before'],
      [1000, 3000, 'first line\nsecond line'],
      [3000, 4000, 'after'],
    ]);

  it('at a time: [s, t) keeps the id, [t, e) gets a new id, text split between lines', () => {
    const doc = sample();
    let newId = 0;
    expectUndoable(doc, (d) => {
      const result = splitAtTime(d, 2, 2200);
      newId = result.newId;
      return result.command;
    });
    expect(specsOf(doc)).toEqual([
      [0, 1000, 'before'],
      [1000, 2200, 'first line'],
      [2200, 3000, 'second line'],
      [3000, 4000, 'after'],
    ]);
    expect(doc.cues[1]?.id).toBe(2);
    expect(doc.cues[2]?.id).toBe(newId);
    expect([1, 2, 3]).not.toContain(newId);
  });

  it('at a text offset: time shared in proportion to the visible text of the parts', () => {
    const doc = docFrom([[1000, 2800, 'Hello <i>everyone here</i>']]);
    const result = splitAtOffset(doc, 1, 5);
    // 5 visible characters against 13: 1800 ms * 5 / 18 = 500 ms.
    expect(result).toMatchObject({ splitMs: 1500, firstText: 'Hello', secondText: '<i>everyone here</i>' });
    expectUndoable(doc, () => result.command);
  });

  it('the second half takes the trailer (what followed the cue in the file), the first a fresh one', () => {
    const doc = docFrom([[0, 2000, 'a b']]);
    doc.cues[0] = { ...doc.cues[0]!, trailer: '\n\nstray text\n' };
    new History(doc).execute(splitCue(doc, 1, { atMs: 1000 }).command);
    expect(doc.cues.map((c) => c.trailer)).toEqual(['', '\n\nstray text\n']);
  });

  it('canSplit: only strictly inside the cue, or at an offset with text on both sides', () => {
    const doc = sample();
    expect(canSplit(doc, 2, { atMs: 1000 })).toBe(false);
    expect(canSplit(doc, 2, { atMs: 1001 })).toBe(true);
    expect(canSplit(doc, 2, { atMs: 2999 })).toBe(true);
    expect(canSplit(doc, 2, 2500)).toBe(true);
    expect(canSplit(doc, 2, { atMs: 3000 })).toBe(false);
    expect(canSplit(doc, 2, { textOffset: 0 })).toBe(false);
    expect(canSplit(doc, 2, { textOffset: 10 })).toBe(true);
    expect(canSplit(doc, 9, { atMs: 1500 })).toBe(false);
    expect(() => splitAtTime(doc, 2, 3000)).toThrow(RangeError);
    const reversed = docFrom([[2000, 1000, 'x y']]);
    expect(canSplit(reversed, 1, { atMs: 1500 })).toBe(false);
    const tiny = docFrom([[0, 1, 'x y']]);
    expect(canSplit(tiny, 1, { textOffset: 1 })).toBe(false);
  });
});

describe('merge cues', () => {
  const sample = () =>
    docFrom([
      [0, 1000, 'one'],
      [1000, 2000, 'two'],
      [1500, 2500, ''],
      [2500, 3000, 'four'],
    ]);

  it('joins texts with \\n, takes the earliest start and latest end, keeps the first id', () => {
    const doc = sample();
    const result = mergeCues(doc, [2, 1]);
    expect(result).toMatchObject({ id: 1, startMs: 0, endMs: 2000, text: 'one\ntwo' });
    expectUndoable(doc, () => result.command);
    expect(specsOf(doc)).toEqual([
      [0, 2000, 'one\ntwo'],
      [1500, 2500, ''],
      [2500, 3000, 'four'],
    ]);
    expect(doc.cues[0]?.id).toBe(1);
  });

  it('skips empty texts, which SRT cannot hold as blank lines inside a cue', () => {
    const doc = sample();
    expectUndoable(doc, (d) => mergeCues(d, [2, 3, 4]).command);
    expect(specsOf(doc)).toEqual([
      [0, 1000, 'one'],
      [1000, 3000, 'two\nfour'],
    ]);
  });

  it('canMerge needs two or more distinct, known cues next to each other', () => {
    const doc = sample();
    expect(canMerge(doc, [1, 2])).toBe(true);
    expect(canMerge(doc, [3, 1, 2])).toBe(true);
    expect(canMerge(doc, [1])).toBe(false);
    expect(canMerge(doc, [1, 3])).toBe(false);
    expect(canMerge(doc, [1, 1])).toBe(false);
    expect(canMerge(doc, [1, 9])).toBe(false);
    expect(() => mergeCues(doc, [1, 3])).toThrow(RangeError);
  });

  it('merging the halves of a split restores the cue', () => {
    const doc = docFrom([[1000, 4000, 'first\nsecond']]);
    const history = new History(doc);
    const split = splitAtTime(doc, 1, 2000);
    history.execute(split.command);
    history.execute(mergeCues(doc, [1, split.newId]).command);
    expect(specsOf(doc)).toEqual([[1000, 4000, 'first\nsecond']]);
    expect(doc.cues[0]?.id).toBe(1);
  });
});

describe('merge cues in Chinese', () => {
  it('joins two Chinese fragments with no line break and no space', () => {
    const doc = docFrom([
      [0, 1000, '就是 准备访谈的'],
      [1000, 2000, '时候才发现'],
    ]);
    expectUndoable(doc, (d) => mergeCues(d, [1, 2]).command);
    expect(specsOf(doc)).toEqual([[0, 2000, '就是 准备访谈的时候才发现']]);
  });

  it('keeps the line break where either side is Latin, and tags do not count as a side', () => {
    const doc = docFrom([
      [0, 1000, '反正现在我没有access'],
      [1000, 2000, '了嘛'],
      [2000, 3000, '<i>你好</i>'],
      [3000, 4000, '{\\an8}世界'],
    ]);
    expect(mergeCues(doc, [1, 2]).text).toBe('反正现在我没有access\n了嘛');
    expect(mergeCues(doc, [3, 4]).text).toBe('<i>你好</i>{\\an8}世界');
  });
});
