/** Undo history: primitives revert exactly, typing coalesces, dirtiness follows the last save, length is bounded. */
import { describe, expect, it } from 'vitest';
import { type Cue, type SubtitleDoc, withFields } from '../../src-shared/document';
import {
  type Command,
  CompositeCommand,
  History,
  ReplaceAll,
  ReplaceCues,
  SetRenumbered,
  SpliceCues,
} from '../../src-shared/history';
import { docFrom, expectState, expectUndoable, snapshot, specsOf } from '../support/undoable';

function retext(doc: SubtitleDoc, position: number, text: string, key?: string): ReplaceCues {
  const cue = doc.cues[position] as Cue;
  return new ReplaceCues('Edit text', [position], [cue], [withFields(cue, { text })], key);
}

function threeCues(): SubtitleDoc {
  return docFrom([
    [0, 1000, 'one'],
    [1000, 2000, 'two'],
    [2000, 3000, 'three'],
  ]);
}

describe('history primitives', () => {
  it('ReplaceCues swaps values in place and back', () => {
    const doc = threeCues();
    const { after } = expectUndoable(doc, (d) => retext(d, 1, 'TWO'));
    expect(after.values.map((cue) => cue.text)).toEqual(['one', 'TWO', 'three']);
  });

  it('SpliceCues inserts and removes, marking the document renumbered until undone', () => {
    const doc = threeCues();
    const extra = doc.createCue({ startMs: 3000, endMs: 4000, text: 'four' });
    const { after } = expectUndoable(doc, (d) => new SpliceCues('Replace', 1, [d.cues[1] as Cue], [extra]));
    expect(after.renumbered).toBe(true);
    expect(after.values.map((cue) => cue.text)).toEqual(['one', 'four', 'three']);
  });

  it('SpliceCues handles inserts too big to spread as arguments', () => {
    const doc = threeCues();
    const many = Array.from({ length: 150_000 }, (_, i) =>
      doc.createCue({ startMs: 5000 + i, endMs: 5001 + i, text: '' }),
    );
    const history = new History(doc);
    history.execute(new SpliceCues('Paste', 3, [], many));
    expect(doc.length).toBe(150_003);
    expect(doc.indexOf((many[0] as Cue).id)).toBe(3);
    history.undo();
    expect(specsOf(doc)).toEqual(specsOf(threeCues()));
  });

  it('ReplaceAll restores the previous array and flag, and is immune to later in-place edits', () => {
    const doc = threeCues();
    const reversed = doc.cues.slice().reverse();
    const history = new History(doc);
    history.execute(new ReplaceAll('Reverse', doc.cues.slice(), reversed, true));
    history.execute(retext(doc, 0, 'changed'));
    history.undo();
    history.undo();
    expect(doc.cues.map((c) => c.text)).toEqual(['one', 'two', 'three']);
    history.redo();
    expect(doc.cues.map((c) => c.text)).toEqual(['three', 'two', 'one']);
    expect(doc.renumbered).toBe(true);
  });

  it('SetRenumbered flips the flag and restores the earlier value', () => {
    expectUndoable(threeCues(), () => new SetRenumbered('Renumber', true));
  });

  it('CompositeCommand reverts its parts in reverse order', () => {
    const doc = threeCues();
    expectUndoable(doc, (d) => {
      const first = retext(d, 0, 'ONE');
      // The splice removes position 0 as it is after `first` ran, i.e. the edited cue.
      const edited = withFields(d.cues[0] as Cue, { text: 'ONE' });
      return new CompositeCommand('Both', [first, new SpliceCues('Drop', 0, [edited], [])]);
    });
  });

  it('value-only replacements keep the id index valid; splices invalidate it', () => {
    const doc = threeCues();
    const history = new History(doc);
    expect(doc.indexOf(3)).toBe(2);
    history.execute(retext(doc, 2, 'x'));
    expect(doc.indexOf(3)).toBe(2);
    history.execute(new SpliceCues('Drop first', 0, [doc.cues[0] as Cue], []));
    expect(doc.indexOf(3)).toBe(1);
    expect(doc.indexOf(1)).toBe(-1);
    history.undo();
    expect(doc.indexOf(1)).toBe(0);
  });
});

describe('History', () => {
  it('coalesces consecutive commands with the same key into one undo step', () => {
    const doc = threeCues();
    const history = new History(doc);
    for (const text of ['t', 'tw', 'twx']) history.execute(retext(doc, 1, text, 'text:2'));
    expect(history.undoDepth).toBe(1);
    expect(doc.cues[1]?.text).toBe('twx');
    history.undo();
    expect(doc.cues[1]?.text).toBe('two');
    history.redo();
    expect(doc.cues[1]?.text).toBe('twx');
  });

  it('seal() ends a typing run; a different key or cue starts a new step', () => {
    const doc = threeCues();
    const history = new History(doc);
    history.execute(retext(doc, 1, 'a', 'text:2'));
    history.execute(retext(doc, 1, 'ab', 'text:2'));
    history.seal();
    history.execute(retext(doc, 1, 'abc', 'text:2'));
    history.execute(retext(doc, 2, 'z', 'text:3'));
    expect(history.undoDepth).toBe(3);
    history.undo();
    history.undo();
    expect(doc.cues.map((c) => c.text)).toEqual(['one', 'ab', 'three']);
  });

  it('does not coalesce into a step that was undone and redone', () => {
    const doc = threeCues();
    const history = new History(doc);
    history.execute(retext(doc, 1, 'a', 'text:2'));
    history.undo();
    history.redo();
    history.execute(retext(doc, 1, 'ab', 'text:2'));
    expect(history.undoDepth).toBe(2);
  });

  it('a new command clears the redo stack', () => {
    const doc = threeCues();
    const history = new History(doc);
    history.execute(retext(doc, 0, 'a'));
    history.undo();
    expect(history.state.canRedo).toBe(true);
    history.execute(retext(doc, 0, 'b'));
    expect(history.state).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Edit text', redoLabel: null });
    expect(history.redo()).toBeNull();
  });

  it('undo and redo on empty stacks return null and change nothing', () => {
    const doc = threeCues();
    const history = new History(doc);
    const version = doc.version;
    expect(history.undo()).toBeNull();
    expect(history.redo()).toBeNull();
    expect(doc.version).toBe(version);
  });

  it('ignores empty commands: no undo step, not dirty', () => {
    const doc = threeCues();
    const history = new History(doc);
    history.execute(new CompositeCommand('Nothing', []));
    expect(history.undoDepth).toBe(0);
    expect(history.isDirty).toBe(false);
  });

  describe('isDirty', () => {
    it('is false when opened, true after an edit, false again after undoing back to it', () => {
      const doc = threeCues();
      const history = new History(doc);
      expect(history.isDirty).toBe(false);
      history.execute(retext(doc, 0, 'a'));
      expect(history.isDirty).toBe(true);
      history.undo();
      expect(history.isDirty).toBe(false);
      history.redo();
      expect(history.isDirty).toBe(true);
    });

    it('follows the last markSaved, in both directions', () => {
      const doc = threeCues();
      const history = new History(doc);
      history.execute(retext(doc, 0, 'a'));
      history.execute(retext(doc, 0, 'b'));
      history.markSaved();
      expect(history.isDirty).toBe(false);
      history.undo();
      expect(history.isDirty).toBe(true);
      history.redo();
      expect(history.isDirty).toBe(false);
      history.execute(retext(doc, 0, 'c'));
      expect(history.isDirty).toBe(true);
      history.undo();
      expect(history.isDirty).toBe(false);
    });

    it('stays dirty after branching away from the saved state', () => {
      const doc = threeCues();
      const history = new History(doc);
      history.execute(retext(doc, 0, 'a'));
      history.markSaved();
      history.undo();
      history.execute(retext(doc, 0, 'b'));
      expect(history.isDirty).toBe(true);
      history.undo();
      expect(history.isDirty).toBe(true); // the original text, not the saved 'a'
    });

    it('typing after a save starts a new step, so undo returns to the saved text', () => {
      const doc = threeCues();
      const history = new History(doc);
      history.execute(retext(doc, 0, 'a', 'text:1'));
      history.markSaved();
      history.execute(retext(doc, 0, 'ab', 'text:1'));
      expect(history.isDirty).toBe(true);
      history.undo();
      expect(doc.cues[0]?.text).toBe('a');
      expect(history.isDirty).toBe(false);
    });
  });

  describe('bounds', () => {
    it('keeps at most `limit` steps, dropping the oldest', () => {
      const doc = threeCues();
      const history = new History(doc, 3);
      for (const text of ['a', 'b', 'c', 'd', 'e']) history.execute(retext(doc, 0, text));
      expect(history.undoDepth).toBe(3);
      while (history.undo());
      expect(doc.cues[0]?.text).toBe('b');
    });

    it('a save whose state was dropped can no longer be reached', () => {
      const doc = threeCues();
      const history = new History(doc, 2);
      history.markSaved();
      for (const text of ['a', 'b', 'c']) history.execute(retext(doc, 0, text));
      while (history.undo());
      expect(history.isDirty).toBe(true);
    });

    it('a save that survives trimming is still found', () => {
      const doc = threeCues();
      const history = new History(doc, 2);
      history.execute(retext(doc, 0, 'a'));
      history.execute(retext(doc, 0, 'b'));
      history.markSaved();
      history.execute(retext(doc, 0, 'c'));
      history.undo();
      expect(history.isDirty).toBe(false);
    });

    it('drops old steps when the cues they hold exceed the budget, but keeps the newest', () => {
      const doc = threeCues();
      const big: Command = { label: 'Big', size: 1000, apply: (d) => d.touch(), revert: (d) => d.touch() };
      const history = new History(doc, 100, 2500);
      history.execute(big);
      history.execute(big);
      expect(history.undoDepth).toBe(2);
      history.execute(big);
      expect(history.undoDepth).toBe(2);
      const huge: Command = { ...big, size: 10_000 };
      history.execute(huge);
      expect(history.undoDepth).toBe(1);
    });
  });

  it('undoing everything after mixed commands restores the exact original cues', () => {
    const doc = threeCues();
    const original = snapshot(doc);
    const history = new History(doc);
    history.execute(retext(doc, 0, 'a', 'k'));
    history.execute(new SpliceCues('Drop', 1, [doc.cues[1] as Cue], []));
    history.execute(new ReplaceAll('Reverse', doc.cues.slice(), doc.cues.slice().reverse(), true));
    history.execute(new SetRenumbered('Renumber', true));
    while (history.undo());
    expectState(doc, original);
  });
});
