/** Reversion check for edit commands (after Gaupol's reversion_test): execute, undo, redo, twice over. */
import { expect } from 'vitest';
import { type Cue, SubtitleDoc } from '../../src-shared/document';
import { type Command, History } from '../../src-shared/history';

/** Everything a command may change: the cue objects (by identity), their values and the renumbering flag. */
export interface DocSnapshot {
  cues: readonly Cue[];
  values: Cue[];
  renumbered: boolean;
}

/** Takes a snapshot of the document's observable state. */
export function snapshot(doc: SubtitleDoc): DocSnapshot {
  return { cues: doc.cues.slice(), values: doc.cues.map((cue) => ({ ...cue })), renumbered: doc.renumbered };
}

/** Asserts the document is exactly in a snapshotted state: same cue objects in the same order, same values. */
export function expectState(doc: SubtitleDoc, state: DocSnapshot): void {
  expect(doc.renumbered).toBe(state.renumbered);
  expect(doc.cues.length).toBe(state.cues.length);
  expect(doc.cues.map((cue) => cue.id)).toEqual(state.cues.map((cue) => cue.id));
  const sameObjects = doc.cues.every((cue, i) => cue === state.cues[i]);
  expect(sameObjects, 'every position holds the very same cue object').toBe(true);
  expect(doc.cues.map((cue) => ({ ...cue }))).toEqual(state.values);
  for (let i = 0; i < doc.cues.length; i++) expect(doc.indexOf((doc.cues[i] as Cue).id)).toBe(i);
}

/**
 * Builds a command with `makeCommand` (a Command or an edit result holding one), executes it through a History, asserts that it changed the
 * document, then undoes and redoes it twice, asserting each time that the document is exactly
 * the original (same cue objects, so untouched cues still write byte for byte) or exactly the
 * changed state. Returns both states for further checks.
 */
export function expectUndoable(
  doc: SubtitleDoc,
  makeCommand: (doc: SubtitleDoc) => Command | { command: Command | null },
): { before: DocSnapshot; after: DocSnapshot; history: History } {
  const before = snapshot(doc);
  const history = new History(doc);
  const made = makeCommand(doc);
  // Edits with a report return `{ command, ... }`; accept those as well as bare commands.
  const command = 'apply' in made ? made : made.command;
  if (command === null) throw new Error('the edit was rejected and built no command');
  let version = doc.version;
  history.execute(command);
  const after = snapshot(doc);
  expect(after, 'the command changes the document').not.toEqual(before);
  expect(history.isDirty).toBe(true);
  for (let round = 0; round < 2; round++) {
    expect(history.undo()).toBe(command);
    expect(doc.version, 'undo bumps the version').toBeGreaterThan(version);
    version = doc.version;
    expectState(doc, before);
    expect(history.isDirty).toBe(false);
    expect(history.redo()).toBe(command);
    expect(doc.version, 'redo bumps the version').toBeGreaterThan(version);
    version = doc.version;
    expectState(doc, after);
  }
  return { before, after, history };
}

/** A cue as [startMs, endMs, text]. */
export type CueSpec = readonly [number, number, string];

/** Builds a document of unsourced cues with ids 1..n, e.g. `docFrom([[0, 1000, 'Hi'], [1000, 2500, 'there']])`. */
export function docFrom(specs: readonly CueSpec[]): SubtitleDoc {
  const cues: Cue[] = specs.map(([startMs, endMs, text], i) => ({
    id: i + 1,
    startMs,
    endMs,
    text,
    settings: '',
    trailer: '',
  }));
  return new SubtitleDoc(cues);
}

/** The cues as [startMs, endMs, text] triples, for compact expectations. */
export function specsOf(doc: SubtitleDoc): CueSpec[] {
  return doc.cues.map((cue) => [cue.startMs, cue.endMs, cue.text] as const);
}
