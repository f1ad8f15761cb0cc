/** The Problems panel's store side: next / previous problem keys, its filter, the profile per file, and fixing a carried-over timestamp. */
import { describe, expect, it } from 'vitest';
import { commandForShortcut, createCommands, runCommand } from '../../src-renderer/commands';
import { applyTextToolSettings } from '../../src-renderer/problems/apply-settings';
import { filterProblems, goToProblem } from '../../src-renderer/problems/problem-navigation';
import { editTimes } from '../../src-renderer/store/edit-actions';
import { EditorStore } from '../../src-renderer/store/editor-store';
import { writeSrt } from '../../src-shared/srt';
import { docInfo, noApp } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

const broken = readFixtureText('interview-broken.srt');

function open(): EditorStore {
  const store = new EditorStore();
  store.load(docInfo, broken);
  return store;
}

const focusNumber = (store: EditorStore) => store.doc!.indexOf(store.getState().selection.focus!) + 1;

describe('next and previous problem', () => {
  it('are F8 and Shift+F8, and walk the errors in document order, wrapping', () => {
    const store = open();
    const commands = createCommands(store, noApp);
    expect(commandForShortcut(commands, 'F8')?.id).toBe('view.nextProblem');
    expect(commandForShortcut(commands, 'Shift+F8')?.id).toBe('view.previousProblem');
    store.setProblemFilter({ severity: 'error' });
    const errors = filterProblems(store.getState().file!.validation.problems, store.getState().problemFilter);
    expect(errors.map((p) => p.code)).toEqual([
      'negative-duration',
      'invalid-timestamp',
      'out-of-order',
      'zero-duration',
      'overlap',
    ]);
    const seen: number[] = [];
    for (let i = 0; i < errors.length + 1; i++) {
      expect(runCommand(commands, store, 'view.nextProblem')).toBe(true);
      seen.push(focusNumber(store));
    }
    expect(seen).toEqual([150, 204, 301, 800, 2141, 150]);
    expect(store.getState().reveal?.id).toBe(store.getState().selection.focus);
    expect(store.getState().message).toMatch(/^Problem 1 of 5: Cue 150 ends before it starts/);
    runCommand(commands, store, 'view.previousProblem');
    expect(focusNumber(store)).toBe(2141);
  });

  it('follow the code filter, and start from the focused cue', () => {
    const store = open();
    store.setProblemFilter({ code: 'malformed-timestamp' });
    store.select(store.doc!.cues[1000]!.id);
    goToProblem(store, 1);
    expect(focusNumber(store)).toBe(2150);
    goToProblem(store, 1);
    expect(focusNumber(store)).toBe(250);
    store.setProblemFilter({ code: 'overlap', severity: 'warning' });
    expect(goToProblem(store, 1)).toBeNull();
    expect(store.getState().message).toBe('No problems');
  });
});

describe('the invalid timestamp', () => {
  it('is fixed by retyping the value it was carried over to: the timing line is written anew, one undo step', () => {
    const store = open();
    const cue = store.doc!.cues[203]!;
    const has = () => store.getState().file!.validation.problems.some((p) => p.code === 'invalid-timestamp');
    expect(has()).toBe(true);
    expect(editTimes(store, cue.id, { startMs: cue.startMs })).toBe(true);
    expect(has()).toBe(false);
    expect(writeSrt(store.doc!)).toContain('\n204\n00:06:00,433 --> 00:06:01,300\n');
    expect(store.getState().history.undoLabel).toBe('Set start');
    store.undo();
    expect(has()).toBe(true);
    expect(writeSrt(store.doc!)).toBe(broken);
  });
});

describe('the validation profile', () => {
  it('is remembered per file: a file opens with its own, others with the last chosen', () => {
    const store = new EditorStore();
    applyTextToolSettings(store, {
      profile: 'netflix-en',
      fixRules: ['tags', 'no-such-rule'],
      profileByFile: { [docInfo.path!]: 'netflix-zh-hans' },
    });
    expect(store.getState().profile).toBe('netflix-en');
    expect(store.getState().fixRules).toEqual(['tags']);
    store.load(docInfo, broken);
    expect(store.getState().profile).toBe('netflix-zh-hans');
    store.chooseProfile('default');
    expect(store.profileByFile[docInfo.path!]).toBe('default');
    store.load({ ...docInfo, path: '/tmp/other.srt', name: 'other.srt' }, broken);
    expect(store.getState().profile).toBe('default');
  });
});
