import { describe, expect, it } from 'vitest';
import { commandForShortcut, createCommands, runCommand } from '../../src-renderer/commands';
import {
  compilePattern,
  editText,
  editTimes,
  findNext,
  fixAllOverlaps,
  fixAllSafe,
  insert,
  merge,
  remove,
  replaceAll,
  selectAllMatches,
  shift,
  split,
  swap,
  sync,
  trimOverlap,
} from '../../src-renderer/store/edit-actions';
import type { EditorStore } from '../../src-renderer/store/editor-store';
import { LiveValidation } from '../../src-renderer/store/live-validation';
import { setText, setTimes } from '../../src-shared/edits';
import type { SearchPattern } from '../../src-shared/find/search-pattern';
import { problemText } from '../../src-shared/problems';
import { getProfile } from '../../src-shared/profiles';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { validate } from '../../src-shared/validate';
import { docInfo, loadStore, noApp } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

const SMALL = `1
00:00:01,000 --> 00:00:03,000
Hello everyone here

2
00:00:03,000 --> 00:00:05,000
second

3
00:00:06,000 --> 00:00:08,000
third <img src=x onerror=alert(1)>
`;

function open(text = SMALL): EditorStore {
  return loadStore(text);
}

function ids(store: EditorStore): number[] {
  return store.doc?.cues.map((c) => c.id) ?? [];
}

describe('EditorStore', () => {
  it('loads, selects the first cue and tracks dirty state through undo and redo', () => {
    const store = open();
    const [a] = ids(store);
    expect(store.getState().selection.focus).toBe(a);
    expect(store.getState().dirty).toBe(false);
    editText(store, a as number, 'Hi');
    editText(store, a as number, 'Hi there');
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().history.canUndo).toBe(true);
    store.undo();
    // Typing coalesced into one step.
    expect(store.doc?.cues[0]?.text).toBe('Hello everyone here');
    expect(store.getState().dirty).toBe(false);
    store.redo();
    expect(store.doc?.cues[0]?.text).toBe('Hi there');
    store.markSaved(docInfo);
    expect(store.getState().dirty).toBe(false);
  });

  it('keeps the time index across text edits and rebuilds it after timing edits', () => {
    const store = open();
    const index = store.timeIndex();
    const [a] = ids(store);
    editText(store, a as number, 'x');
    expect(store.timeIndex()).toBe(index);
    editTimes(store, a as number, { startMs: 500 });
    expect(store.timeIndex()).not.toBe(index);
  });

  it('splits at the caret when the Text box has it, else at the playhead; merges back', () => {
    const store = open();
    const [a] = ids(store) as [number];
    store.caret = { id: a, offset: 5, focused: true };
    expect(split(store)).toBe(true);
    expect(store.doc?.cues.map((c) => c.text).slice(0, 2)).toEqual(['Hello', 'everyone here']);
    store.undo();
    store.caret = null;
    store.setPlayhead(2000);
    split(store);
    expect(store.doc?.cues[0]?.endMs).toBe(2000);
    expect(store.doc?.cues[1]?.startMs).toBe(2000);
    expect(store.doc?.cues.length).toBe(4);
    // Merge with next (one selected).
    store.select(a);
    merge(store);
    expect(store.doc?.cues.length).toBe(3);
    expect(store.doc?.cues[0]?.endMs).toBe(3000);
    // Merge a selection of two.
    const [x, y] = ids(store) as [number, number];
    store.select(x);
    store.select(y, 'extend');
    merge(store);
    expect(store.doc?.cues[0]?.text).toContain('second');
    expect(store.doc?.cues.length).toBe(2);
  });

  it('inserts, deletes and keeps a sensible selection', () => {
    const store = open();
    const [a, b] = ids(store) as [number, number];
    store.select(b);
    insert(store, 'after');
    expect(store.doc?.cues.length).toBe(4);
    const inserted = store.getState().selection.focus as number;
    expect(store.doc?.indexOf(inserted)).toBe(2);
    expect(store.doc?.cues[2]?.startMs).toBe(5000);
    expect(store.doc?.cues[2]?.endMs).toBe(6000);
    remove(store);
    expect(store.doc?.cues.length).toBe(3);
    expect(store.getState().selection.focus).toBe(ids(store)[2]);
    store.select(a);
    insert(store, 'before');
    expect(store.doc?.cues[0]?.startMs).toBe(0);
  });

  it('shifts all, the selection, or from a cue on; one undo step each', () => {
    const store = open();
    const [, b] = ids(store) as [number, number];
    shift(store, 'all', 1500);
    expect(store.doc?.cues.map((c) => c.startMs)).toEqual([2500, 4500, 7500]);
    store.select(b);
    shift(store, 'from', -500);
    expect(store.doc?.cues.map((c) => c.startMs)).toEqual([2500, 4000, 7000]);
    shift(store, 'selection', 100);
    expect(store.doc?.cues.map((c) => c.startMs)).toEqual([2500, 4100, 7000]);
    store.undo();
    store.undo();
    store.undo();
    expect(store.doc?.cues.map((c) => c.startMs)).toEqual([1000, 3000, 6000]);
  });

  it('two-point sync fixes offset and drift', () => {
    const drift = readSrt(readFixtureText('interview-drift.srt')).doc;
    const store = open(writeSrt(drift));
    const seed = readSrt(readFixtureText('interview.srt')).doc;
    const cues = store.doc?.cues ?? [];
    const first = cues[0];
    const last = cues[cues.length - 1];
    const error = sync(
      store,
      { id: first?.id as number, newStartMs: seed.cues[0]?.startMs as number },
      { id: last?.id as number, newStartMs: seed.cues[seed.cues.length - 1]?.startMs as number },
    );
    expect(error).toBeNull();
    let worst = 0;
    store.doc?.cues.forEach((cue, i) => {
      worst = Math.max(worst, Math.abs(cue.startMs - (seed.cues[i]?.startMs as number)));
    });
    expect(worst).toBeLessThanOrEqual(2);
    expect(sync(store, { id: first?.id as number, newStartMs: 5 }, { id: first?.id as number, newStartMs: 9 })).toMatch(
      /different/,
    );
  });

  it('finds and replaces, plain and regex, replace-all as one undo step', () => {
    const store = open();
    const plain = compilePattern({ query: 'E', regex: false, matchCase: false }) as SearchPattern;
    expect(findNext(store.doc?.cues ?? [], plain, 0)).toBe(1);
    expect(typeof compilePattern({ query: '(', regex: true, matchCase: false })).toBe('string');
    const regex = compilePattern({ query: '(\\w+)d$', regex: true, matchCase: true }) as SearchPattern;
    expect(replaceAll(store, regex, '[$1]')).toBe(1);
    expect(store.doc?.cues[1]?.text).toBe('[secon]');
    expect(
      replaceAll(store, compilePattern({ query: 'e', regex: false, matchCase: false }) as SearchPattern, 'E'),
    ).toBe(3);
    store.undo();
    expect(store.doc?.cues[0]?.text).toBe('Hello everyone here');
  });
});

describe('Find all', () => {
  it('selects every cue of the interview whose text matches, the first match focused, and nothing when none', () => {
    const store = open(readFixtureText('interview.srt'));
    const cues = store.doc?.cues ?? [];
    const pattern = compilePattern({ query: 'meta', regex: false, matchCase: false }) as SearchPattern;
    const expected = cues.filter((c) => /meta/i.test(c.text)).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(selectAllMatches(store, pattern)).toBe(expected.length);
    const { selection } = store.getState();
    expect([...selection.ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    expect(selection.focus).toBe(expected[0]);
    const none = compilePattern({ query: 'no such words anywhere', regex: false, matchCase: false }) as SearchPattern;
    expect(selectAllMatches(store, none)).toBe(0);
    expect(store.getState().selection.ids.size).toBe(expected.length);
  });
});

describe('fixing the broken interview', () => {
  const broken = readFixtureText('interview-broken.srt');

  it('trims the overlap at 01:00:00 and swaps the negative duration with one click each', () => {
    const store = open(broken);
    const doc = store.doc!;
    const problems = () => store.getState().file!.validation.problems;
    const overlap = problems().find((p) => p.code === 'overlap');
    expect(problemText(overlap!)).toContain('01:00:00,800');
    expect(trimOverlap(store, overlap!.cueId!)).toBe(true);
    expect(doc.cues[doc.indexOf(overlap!.cueId!)]?.endMs).toBe(3_600_800);
    const negative = problems().find((p) => p.code === 'negative-duration');
    expect(swap(store, negative!.cueId!)).toBe(true);
    expect(problems().some((p) => p.code === 'overlap' || p.code === 'negative-duration')).toBe(false);
    // Untouched cues are written back byte for byte.
    const out = writeSrt(doc);
    expect(out.split('\n').length).toBe(broken.split('\n').length);
  });

  it('fix overlaps and fix all safe are single undo steps', () => {
    const store = open(broken);
    fixAllOverlaps(store);
    expect(store.getState().file!.validation.problems.some((p) => p.code === 'overlap')).toBe(false);
    store.undo();
    expect(store.getState().file!.validation.problems.some((p) => p.code === 'overlap')).toBe(true);
    const changes = fixAllSafe(store);
    expect(changes.length).toBeGreaterThan(0);
    expect(store.getState().history.undoLabel).toBe('Fix all safe');
    store.undo();
    expect(writeSrt(store.doc!)).toBe(broken);
  });
});

describe('LiveValidation', () => {
  it('matches a full validation after random in-place edits', () => {
    const { doc, problems: read } = readSrt(readFixtureText('interview-broken.srt'));
    // Sort first so incremental passes apply (the broken file starts unsorted).
    const sorted = readSrt(writeSrt(doc)).doc;
    sorted.cues.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
    sorted.touch();
    const profile = getProfile('netflix-en')!;
    const live = new LiveValidation(sorted, profile, read);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let incremental = 0;
    for (let step = 0; step < 300; step++) {
      const position = random(sorted.cues.length);
      const cue = sorted.cues[position]!;
      const command =
        step % 2 === 0
          ? setText(sorted, cue.id, step % 3 === 0 ? '' : 'x'.repeat(random(80)))
          : setTimes(sorted, cue.id, {
              endMs: Math.max(0, cue.startMs + random(9000) - 500),
            });
      command.apply(sorted);
      if (live.update([cue.id])) incremental++;
      else live.full();
      const expected = validate(sorted, profile, read);
      expect(live.problems).toEqual(expected);
      // The problems panel's lists (errors first) stay the same problems, split by severity, in the same order.
      expect(live.bySeverity.error).toEqual(expected.filter((p) => p.severity === 'error'));
      expect(live.bySeverity.warning).toEqual(expected.filter((p) => p.severity === 'warning'));
    }
    expect(incremental).toBeGreaterThan(200);
    const counts = { error: 0, warning: 0 };
    for (const p of live.problems) counts[p.severity]++;
    expect(live.counts).toEqual(counts);
  });
});

describe('commands', () => {
  it('covers every menu command id, with shortcuts and enablement', () => {
    const store = open();
    const commands = createCommands(store, noApp);
    expect(commandForShortcut(commands, 'Mod+Shift+K')?.id).toBe('timing.split');
    expect(commandForShortcut(commands, '?')?.id).toBe('help.shortcuts');
    expect(commands.get('edit.undo')?.enabled(store.getState())).toBe(false);
    expect(runCommand(commands, store, 'edit.undo')).toBe(false);
    const keys = new Map<string, string>();
    for (const spec of commands.values()) {
      for (const key of spec.keys) {
        expect(keys.has(key), `${key} used twice`).toBe(false);
        keys.set(key, spec.id);
      }
    }
    runCommand(commands, store, 'timing.fixOverlaps');
    runCommand(commands, store, 'help.shortcuts');
    expect(store.getState().dialog?.kind).toBe('help');
  });

  it('asks about unsaved changes and resolves with the answer', async () => {
    const store = open();
    expect(await store.askUnsaved()).toBe('discard');
    editText(store, ids(store)[0] as number, 'changed');
    const asked = store.askUnsaved();
    const dialog = store.getState().dialog;
    expect(dialog?.kind).toBe('unsaved');
    if (dialog?.kind === 'unsaved') dialog.answer('cancel');
    expect(await asked).toBe('cancel');
    expect(store.getState().dialog).toBeNull();
  });

  it('answers Cancel when the unsaved-changes prompt is replaced, so the waiting operation ends', async () => {
    const store = open();
    editText(store, ids(store)[0] as number, 'changed');
    // A menu command opening another dialog over the prompt.
    const first = store.askUnsaved();
    store.openDialog({ kind: 'help' });
    expect(await first).toBe('cancel');
    expect(store.getState().dialog?.kind).toBe('help');
    // A second prompt over the first one: the first is canceled, the second still answers.
    store.closeDialog();
    const older = store.askUnsaved();
    const newer = store.askUnsaved();
    expect(await older).toBe('cancel');
    const dialog = store.getState().dialog;
    if (dialog?.kind === 'unsaved') dialog.answer('save');
    expect(await newer).toBe('save');
    expect(store.getState().dialog).toBeNull();
    // A document loaded over the prompt.
    const third = store.askUnsaved();
    store.load(docInfo, SMALL);
    expect(await third).toBe('cancel');
  });
});
