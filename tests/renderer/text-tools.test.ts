/**
 * The text tools in the store: Break / Unbreak lines planned as a before/after list and applied as one undo step
 * (selection or whole file), the spell client's cache, debounce and ignore list, and Replace as its own undo step.
 */
import { describe, expect, it } from 'vitest';
import { createCommands, runCommand } from '../../src-renderer/commands';
import { applyLines, planLines, planLinesInSlices } from '../../src-renderer/line-breaking/line-actions';
import { replaceMisspelling } from '../../src-renderer/spell/spell-actions';
import { SPELL_DEBOUNCE_MS, SpellClient } from '../../src-renderer/spell/spell-client';
import { editText } from '../../src-renderer/store/edit-actions';
import type { Misspelling } from '../../src-shared/ipc-contract';
import { loadStore, noApp } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

const interview = () => loadStore(readFixtureText('interview-3min.srt'));
const textOf = (store: ReturnType<typeof interview>, n: number) => store.doc?.cues[n - 1]?.text;

describe('Break / Unbreak lines in the store', () => {
  it('plans the whole file under the zh-Hans profile and applies it as one undo step', () => {
    const store = interview();
    store.setProfile('netflix-zh-hans');
    const changes = planLines(store, 'break', 'all');
    expect(changes.length).toBeGreaterThan(3);
    const cue27 = changes.find((c) => c.number === 27);
    expect(cue27?.before).toBe('然后我们address一下这个new development问题');
    expect(cue27?.after.split('\n').length).toBe(2);
    expect(applyLines(store, 'break', changes)).toBe(changes.length);
    for (const change of changes) expect(textOf(store, change.number)).toBe(change.after);
    expect(store.undo()).toBe(true);
    for (const change of changes) expect(textOf(store, change.number)).toBe(change.before);
    expect(store.getState().history.canUndo).toBe(false);
  });

  it('plans the whole interview in slices (the window keeps painting) with the same result', async () => {
    const store = loadStore(readFixtureText('interview.srt'));
    store.setProfile('netflix-zh-hans');
    const progress: number[] = [];
    const sliced = await new Promise((resolve) =>
      planLinesInSlices(store, 'break', 'all', resolve, (done) => progress.push(done)),
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p > 0 && p < 1)).toBe(true);
    expect(sliced).toEqual(planLines(store, 'break', 'all'));
  });

  it('works on the selection only, and the generic profile leaves short Chinese lines alone', () => {
    const store = interview();
    expect(planLines(store, 'break', 'all')).toEqual([]);
    store.setProfile('netflix-zh-hans');
    const id = store.doc?.cues[26]?.id as number;
    store.selectIds([id]);
    expect(planLines(store, 'break', 'selection').map((c) => c.number)).toEqual([27]);
  });

  it('unbreaks, skips cues edited after the plan, and the commands open the dialogs', () => {
    const store = loadStore(
      '1\n00:00:01,000 --> 00:00:02,000\nHello\nthere\n\n2\n00:00:03,000 --> 00:00:04,000\n你好\n世界\n',
    );
    const plan = planLines(store, 'unbreak', 'all');
    expect(plan.map((c) => c.after)).toEqual(['Hello there', '你好世界']);
    const commands = createCommands(store, noApp);
    expect(runCommand(commands, store, 'text.unbreakLines')).toBe(true);
    expect(store.getState().dialog).toEqual({ kind: 'lines', mode: 'unbreak' });
    expect(runCommand(commands, store, 'text.spellCheck')).toBe(true);
    expect(store.getState().dialog).toEqual({ kind: 'spell' });
    store.closeDialog();
    // Cue 2 is edited after the plan: applying leaves it as the person wrote it.
    const doc = store.doc;
    if (!doc) throw new Error('no doc');
    store.selectIds([doc.cues[1]?.id as number]);
    replaceMisspelling(store, { id: doc.cues[1]?.id as number, offset: 0, length: 2, word: '你好' }, '您好');
    expect(applyLines(store, 'unbreak', plan)).toBe(1);
    expect(textOf(store, 1)).toBe('Hello there');
    expect(textOf(store, 2)).toBe('您好\n世界');
  });
});

describe('Replace from the Spell check dialog', () => {
  it('is one undo step of its own, even right after typing in the same cue', () => {
    const store = interview();
    const id = store.doc?.cues[0]?.id as number;
    const before = textOf(store, 1) as string;
    const typo = before.replace('access', 'acess');
    // Typing the typo: a text edit that would coalesce with the next one of the same cue.
    editText(store, id, typo);
    const offset = typo.indexOf('acess');
    expect(replaceMisspelling(store, { id, offset, length: 5, word: 'acess' }, 'access')).toBe(1);
    expect(textOf(store, 1)).toBe(before);
    store.undo();
    expect(textOf(store, 1)).toBe(typo);
    store.undo();
    expect(textOf(store, 1)).toBe(before);
  });

  it('finds the word again when the text moved since the check, and says null when it is gone', () => {
    const store = loadStore('1\n00:00:01,000 --> 00:00:02,000\nSo teh cat\n');
    const id = store.doc?.cues[0]?.id as number;
    expect(replaceMisspelling(store, { id, offset: 0, length: 3, word: 'teh' }, 'the')).toBe(0);
    expect(textOf(store, 1)).toBe('So the cat');
    expect(replaceMisspelling(store, { id, offset: 3, length: 3, word: 'teh' }, 'the')).toBeNull();
  });
});

describe('SpellClient', () => {
  it('asks once per text after a pause, caches the answer and hides ignored words', async () => {
    const asked: string[][] = [];
    const client = new SpellClient(async (texts) => {
      asked.push(texts);
      return texts.flatMap((text, i): Misspelling[] => {
        const at = text.indexOf('teh');
        return at < 0 ? [] : [{ text: i, offset: at, length: 3, word: 'teh' }];
      });
    });
    // Typing: every keystroke asks, only the last text is sent.
    expect(client.rangesOf('t')).toBeNull();
    expect(client.rangesOf('te')).toBeNull();
    expect(client.rangesOf('teh cat')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, SPELL_DEBOUNCE_MS + 50));
    expect(asked).toEqual([['teh cat']]);
    expect(client.rangesOf('teh cat')).toEqual([{ offset: 0, length: 3, word: 'teh' }]);
    client.ignore('teh');
    expect(client.rangesOf('teh cat')).toEqual([]);
    expect(await client.checkAll(['a teh', 'fine'])).toEqual([]);
    expect(asked.length).toBe(2);
  });
});
