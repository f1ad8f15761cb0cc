// The timing post-processor on the store: the preview changes nothing, Apply is one undo step, the command opens the dialog.
import { describe, expect, it } from 'vitest';
import { createCommands, runCommand } from '../../src-renderer/commands';
import { EditorStore } from '../../src-renderer/store/editor-store';
import { applyPostProcess, postProcessPlan } from '../../src-renderer/timing/post-process-actions';
import { parseAmountMs } from '../../src-renderer/timing/post-process-dialog';
import { PROFILES } from '../../src-shared/profiles';
import { writeSrt } from '../../src-shared/srt';
import { postProcessTiming } from '../../src-shared/timing/post-process';
import { loadStore, noApp } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

const options = { leadInMs: 100, chainGapUnderMs: 300, enforceMinDuration: true };

describe('timing post-processor on the store', () => {
  it('previews without changing anything, applies as one undo step against the profile, and undoes', () => {
    const store = loadStore(readFixtureText('interview-3min.srt'));
    const before = writeSrt(store.doc!);
    const plan = postProcessPlan(store, options)!;
    expect(plan.changes.length).toBeGreaterThan(10);
    expect(writeSrt(store.doc!)).toBe(before);
    expect(applyPostProcess(store, options)).toBe(plan.changes.length);
    expect(store.getState().history.undoLabel).toBe('Timing post-processor');
    expect(store.getState().message).toBe(`Timing post-processor changed ${plan.changes.length} cues`);
    store.undo();
    expect(writeSrt(store.doc!)).toBe(before);
    expect(store.getState().history.canUndo).toBe(false);
  });

  it('uses the store’s profile: the Netflix minimum gap only under a Netflix profile', () => {
    const store = loadStore(readFixtureText('interview-3min.srt'));
    expect(postProcessPlan(store, { enforceMinGap: true })?.changes).toEqual([]);
    store.setProfile('netflix-en');
    const plan = postProcessPlan(store, { enforceMinGap: true })!;
    expect(plan.changes.length).toBeGreaterThan(0);
    const expected = postProcessTiming(store.doc!, PROFILES['netflix-en'], { enforceMinGap: true });
    expect(plan.changes).toEqual(expected.changes);
  });

  it('has a command (Timing menu, Mod+Alt+T) that opens the dialog only with cues', () => {
    const store = new EditorStore();
    const commands = createCommands(store, noApp);
    expect(commands.get('timing.postProcess')?.keys).toEqual(['Mod+Alt+T']);
    expect(runCommand(commands, store, 'timing.postProcess')).toBe(false);
    const loaded = loadStore(readFixtureText('interview-3min.srt'));
    const table = createCommands(loaded, noApp);
    expect(runCommand(table, loaded, 'timing.postProcess')).toBe(true);
    expect(loaded.getState().dialog).toEqual({ kind: 'postProcess' });
  });

  it('reads amounts typed as whole milliseconds only', () => {
    expect(parseAmountMs('120')).toBe(120);
    expect(parseAmountMs(' 120 ms ')).toBe(120);
    expect(parseAmountMs('0')).toBeNull();
    expect(parseAmountMs('1.5')).toBeNull();
    expect(parseAmountMs('-5')).toBeNull();
    expect(parseAmountMs('99999')).toBeNull();
  });
});
