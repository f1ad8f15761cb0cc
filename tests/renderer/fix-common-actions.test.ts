/** Fix common errors in the editor: planned in slices without changing the result, applied as one undo step. */
import { describe, expect, it } from 'vitest';
import { createCommands, runCommand } from '../../src-renderer/commands';
import { applyTextFixes, planInSlices, SLICE_CUES } from '../../src-renderer/text-fixes/fix-common-actions';
import { writeSrt } from '../../src-shared/srt';
import { DEFAULT_FIX_RULES, planTextFixes } from '../../src-shared/text-fixes';
import { loadStore, noApp } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

describe('Fix common errors in the editor', () => {
  it('plans in slices (yielding between them) with the same result as one pass', async () => {
    const text = readFixtureText('interview-broken.srt');
    const store = loadStore(text);
    const fractions: number[] = [];
    const planned = await planInSlices(store.doc!, DEFAULT_FIX_RULES, (f) => fractions.push(f)).done;
    expect(planned).toEqual(planTextFixes(store.doc!.cues, DEFAULT_FIX_RULES));
    expect(fractions).toHaveLength(Math.ceil(2324 / SLICE_CUES));
    expect(fractions.at(-1)).toBe(1);
  });

  it('can be cancelled', async () => {
    const store = loadStore(readFixtureText('interview.srt'));
    const handle = planInSlices(store.doc!, DEFAULT_FIX_RULES);
    handle.cancel();
    expect(await handle.done).toBeNull();
  });

  it('applies the accepted changes, the empty cue deleted, as one undo step; undo restores the file', async () => {
    const text = readFixtureText('interview-broken.srt');
    const store = loadStore(text);
    const changes = planTextFixes(store.doc!.cues, DEFAULT_FIX_RULES);
    const empty = changes.find((c) => c.after === null);
    expect(store.doc!.indexOf(empty!.id) + 1).toBe(900);
    const keep = changes.filter((c, i) => i % 2 === 0 || c.after === null);
    expect(applyTextFixes(store, keep)).toBe(true);
    expect(store.doc!.cues).toHaveLength(2323);
    expect(store.getState().history.undoLabel).toBe('Fix common errors');
    expect(store.getState().message).toMatch(/^Fixed common errors in \d+ cues, removed 1 empty cue$/);
    expect(store.getState().file!.validation.problems.some((p) => p.code === 'empty-text')).toBe(false);
    store.undo();
    expect(writeSrt(store.doc!)).toBe(text);
  });

  it('is a command that opens the dialog', () => {
    const store = loadStore(readFixtureText('interview-3min.srt'));
    const commands = createCommands(store, noApp);
    expect(commands.get('edit.fixCommon')?.keys).toEqual(['Mod+Shift+F']);
    runCommand(commands, store, 'edit.fixCommon');
    expect(store.getState().dialog).toEqual({ kind: 'fixCommon' });
  });
});
