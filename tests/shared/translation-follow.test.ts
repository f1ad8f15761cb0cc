/**
 * Translation mode: timing edits move both. The interview (2,324 cues) is the read-only original beside an English
 * translation of its first 200 cues made by tests/support/translation.ts; every timing edit of the translation moves
 * the paired original cues as well, in the same undo step, and undo restores both.
 */
import { describe, expect, it } from 'vitest';
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import {
  deleteCues,
  insertCue,
  mergeCues,
  setText,
  setTimes,
  shiftCues,
  splitCue,
  twoPointSync,
} from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { opsOf } from '../../src-shared/journal';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { nudgeTimes, setStartAndShiftLater } from '../../src-shared/timing/edits';
import { followingOriginal, planOriginalFollow, WithOriginal } from '../../src-shared/translation/follow-timing';
import { OriginalPairs } from '../../src-shared/translation/pairing';
import { readFixtureText } from '../support/fixtures';
import { makeEnglishTranslation } from '../support/translation';

const ORIGINAL = readFixtureText('interview.srt');
const ENGLISH = makeEnglishTranslation(ORIGINAL, 1, 200);
const times = (cues: readonly Cue[]) => cues.map((c): [number, number] => [c.startMs, c.endMs]);

/** The translation open beside the original, its history turning each edit into one that moves both. */
function translating(english = ENGLISH) {
  const original = readSrt(ORIGINAL).doc;
  const translation = readSrt(english).doc;
  const pairs = new OriginalPairs(original.cues, translation.cues);
  const history = new History(translation);
  history.transform = (command) => followingOriginal(command, translation, { doc: original, pairs });
  const originalTimes = times(original.cues);
  const translationTimes = times(translation.cues);
  /** Undo restores both documents exactly; redo does the edit again. */
  const undoRestoresBoth = () => {
    const after = [times(translation.cues), times(original.cues)];
    history.undo();
    expect(times(translation.cues)).toEqual(translationTimes);
    expect(times(original.cues)).toEqual(originalTimes);
    history.redo();
    expect([times(translation.cues), times(original.cues)]).toEqual(after);
  };
  return { original, translation, pairs, history, originalTimes, undoRestoresBoth };
}

const cueAt = (doc: SubtitleDoc, position: number) => doc.cues[position] as Cue;

describe('timing edits move both', () => {
  it('a drag of cue 3 to 20 s moves original cue 3 with it; the other 2,323 stay; one undo restores both', () => {
    const { original, translation, pairs, history, originalTimes, undoRestoresBoth } = translating();
    const cue = cueAt(translation, 2);
    history.execute(setTimes(translation, cue.id, { startMs: 20_000, endMs: 21_434 }));
    expect(history.undoDepth).toBe(1);
    expect([cueAt(original, 2).startMs, cueAt(original, 2).endMs]).toEqual([20_000, 21_434]);
    expect(times(original.cues).filter((_, p) => p !== 2)).toEqual(originalTimes.filter((_, p) => p !== 2));
    // The original's text is never touched, and the pair still holds.
    expect(cueAt(original, 2).text).toBe('就是想干啥干啥了');
    expect(pairs.originalOf(cueAt(translation, 2))).toBe(cueAt(original, 2));
    undoRestoresBoth();
  });

  it('moving one edge moves the same edge of the original (set start, set end, nudge)', () => {
    const { original, translation, history, originalTimes, undoRestoresBoth } = translating();
    const [start, end] = originalTimes[10] as [number, number];
    history.execute(setTimes(translation, cueAt(translation, 10).id, { startMs: start - 250 }));
    expect(times([cueAt(original, 10)])).toEqual([[start - 250, end]]);
    history.execute(setTimes(translation, cueAt(translation, 10).id, { endMs: end + 400 }));
    expect(times([cueAt(original, 10)])).toEqual([[start - 250, end + 400]]);
    history.execute(nudgeTimes(translation, [cueAt(translation, 11).id], 'end', -100).command);
    expect(cueAt(original, 11).endMs).toBe((originalTimes[11] as [number, number])[1] - 100);
    history.undo();
    history.undo();
    undoRestoresBoth();
  });

  it('moves the original by the same amount, not to the same times: an original timed apart keeps its offset', () => {
    // A translation timed 300 ms late throughout.
    const late = readSrt(ENGLISH).doc;
    new History(late).execute(shiftCues(late, { by: 300 }).command);
    const { original, translation, history, originalTimes } = translating(writeSrt(late));
    const cue = cueAt(translation, 5);
    history.execute(setTimes(translation, cue.id, { startMs: cue.startMs + 1000, endMs: cue.endMs + 1000 }));
    const [start, end] = originalTimes[5] as [number, number];
    expect(times([cueAt(original, 5)])).toEqual([[start + 1000, end + 1000]]);
  });

  it('a shift of a selection moves exactly the originals of the shifted cues', () => {
    const { original, translation, history, originalTimes, undoRestoresBoth } = translating();
    const ids = translation.cues.slice(20, 30).map((c) => c.id);
    history.execute(shiftCues(translation, { by: 2500, scope: { ids } }).command);
    expect(times(original.cues)).toEqual(
      originalTimes.map(([s, e], p) => (p >= 20 && p < 30 ? [s + 2500, e + 2500] : [s, e])),
    );
    undoRestoresBoth();
  });

  it('set start and shift the rest moves the originals of every later translated cue, not the untranslated ones', () => {
    const { original, translation, history, originalTimes, undoRestoresBoth } = translating();
    const cue = cueAt(translation, 150);
    history.execute(setStartAndShiftLater(translation, cue.id, cue.startMs + 700).command);
    expect(times(original.cues)).toEqual(
      originalTimes.map(([s, e], p) => (p >= 150 && p < 200 ? [s + 700, e + 700] : [s, e])),
    );
    undoRestoresBoth();
  });

  it('shift all moves the whole original, its 2,124 untranslated cues too', () => {
    const { original, translation, history, originalTimes, undoRestoresBoth } = translating();
    history.execute(shiftCues(translation, { by: -1500, scope: 'all' }).command);
    // The first cue starts at 233 ms: it stops at 0, in both. The translation then did not move by one shift, so
    // only the paired originals follow it.
    expect(times([cueAt(translation, 0), cueAt(original, 0)])).toEqual([
      [0, 600],
      [0, 600],
    ]);
    expect(times(original.cues.slice(1, 200))).toEqual(
      originalTimes.slice(1, 200).map(([s, e]) => [s - 1500, e - 1500]),
    );
    expect(times(original.cues.slice(200))).toEqual(originalTimes.slice(200));
    history.undo();
    history.execute(shiftCues(translation, { by: 4000, scope: 'all' }).command);
    expect(times(original.cues)).toEqual(originalTimes.map(([s, e]) => [s + 4000, e + 4000]));
    undoRestoresBoth();
  });

  it('a two-point sync of the whole translation retimes the whole original by the same line', () => {
    const { original, translation, history, originalTimes } = translating();
    const first = cueAt(translation, 0);
    const last = cueAt(translation, 199);
    const result = twoPointSync(translation, {
      first: { id: first.id, newStartMs: first.startMs + 1000 },
      second: { id: last.id, newStartMs: last.startMs + 3000 },
    });
    if (!result.ok) throw new Error(result.error);
    history.execute(result.command);
    const map = (ms: number) => Math.round(result.scale * ms + result.offsetMs);
    original.cues.forEach((cue, p) => {
      const [s, e] = originalTimes[p] as [number, number];
      expect(Math.abs(cue.startMs - map(s))).toBeLessThanOrEqual(1);
      expect(Math.abs(cue.endMs - map(e))).toBeLessThanOrEqual(1);
    });
    expect(times(original.cues.slice(0, 200))).toEqual(times(translation.cues));
  });

  it('a translation of one cue: resizing it moves its original only, never the untranslated rest', () => {
    const { original, translation, history, originalTimes } = translating(makeEnglishTranslation(ORIGINAL, 5, 5));
    const cue = cueAt(translation, 0);
    history.execute(setTimes(translation, cue.id, { endMs: cue.endMs + 500 }));
    expect(times(original.cues)).toEqual(originalTimes.map(([s, e], p) => (p === 4 ? [s, e + 500] : [s, e])));
    history.execute(shiftCues(translation, { by: 1000, scope: 'all' }).command);
    expect(times(original.cues)).toEqual(originalTimes.map(([s, e], p) => (p === 4 ? [s + 1000, e + 1500] : [s, e])));
  });

  it('split: the original is not split; both halves pair with it and its times stay; undo unpairs the new half', () => {
    const { original, translation, pairs, history, originalTimes } = translating();
    const cue = cueAt(translation, 40);
    const result = splitCue(translation, cue.id, { atMs: Math.round((cue.startMs + cue.endMs) / 2) });
    history.execute(result.command);
    expect(times(original.cues)).toEqual(originalTimes);
    const halves = [cueAt(translation, 40), cueAt(translation, 41)];
    expect(halves.map((c) => pairs.originalOf(c))).toEqual([cueAt(original, 40), cueAt(original, 40)]);
    // Dragging the first half's start earlier moves the original's start; moving the split point moves nothing.
    history.execute(setTimes(translation, halves[0]!.id, { startMs: halves[0]!.startMs - 300 }));
    expect(cueAt(original, 40).startMs).toBe((originalTimes[40] as [number, number])[0] - 300);
    history.undo();
    history.execute(setTimes(translation, halves[0]!.id, { endMs: result.splitMs - 200 }));
    history.execute(setTimes(translation, halves[1]!.id, { startMs: result.splitMs - 200 }));
    expect(times(original.cues)).toEqual(originalTimes);
    // Dragging the second half later moves the original's end.
    history.execute(setTimes(translation, halves[1]!.id, { endMs: halves[1]!.endMs + 500 }));
    expect(cueAt(original, 40).endMs).toBe((originalTimes[40] as [number, number])[1] + 500);
    for (let k = 0; k < 4; k++) history.undo();
    expect(translation.cues).toHaveLength(200);
    expect(pairs.recorded(result.newId)).toBeNull();
    expect(times(original.cues)).toEqual(originalTimes);
  });

  it('merge: the originals are not merged; the merged cue pairs with both, none is left untranslated; undo splits the pairs again', () => {
    const { original, translation, pairs, history, originalTimes } = translating();
    const [a, b] = [cueAt(translation, 60), cueAt(translation, 61)];
    history.execute(mergeCues(translation, [a.id, b.id]).command);
    expect(times(original.cues)).toEqual(originalTimes);
    const merged = cueAt(translation, 60);
    expect(pairs.originalsOf(merged)).toEqual([cueAt(original, 60), cueAt(original, 61)]);
    expect(pairs.coverage(translation.cues).untranslated).toHaveLength(2324 - 200);
    // Moving the merged cue moves both originals.
    history.execute(shiftCues(translation, { by: 800, scope: { ids: [merged.id] } }).command);
    expect(times([cueAt(original, 60), cueAt(original, 61)])).toEqual(
      originalTimes.slice(60, 62).map(([s, e]) => [s + 800, e + 800]),
    );
    history.undo();
    history.undo();
    expect(pairs.originalsOf(cueAt(translation, 60))).toEqual([cueAt(original, 60)]);
    expect(pairs.originalsOf(cueAt(translation, 61))).toEqual([cueAt(original, 61)]);
    expect(times(original.cues)).toEqual(originalTimes);
  });

  it('merging a cue with one that translates nothing (added in a gap) moves no original', () => {
    const { original, translation, pairs, history, originalTimes } = translating();
    // Cue 22 ends at 00:00:34,900, cue 23 starts at 00:00:35,466: a cue inserted there overlaps no original cue.
    expect([cueAt(original, 21).endMs, cueAt(original, 22).startMs]).toEqual([34_900, 35_466]);
    const added = insertCue(translation, { atMs: 35_100 });
    history.execute(added.command);
    expect(pairs.partnersOf(cueAt(translation, added.position))).toEqual([]);
    history.execute(mergeCues(translation, [cueAt(translation, 21).id, added.id]).command);
    expect(cueAt(translation, 21).endMs).toBeGreaterThan(34_900);
    expect(times(original.cues)).toEqual(originalTimes);
    expect(pairs.originalsOf(cueAt(translation, 21))).toEqual([cueAt(original, 21)]);
  });

  it('typing, inserting, deleting and sorting move no original (the command runs as it is)', () => {
    const { original, translation, pairs, history, originalTimes } = translating();
    const text = setText(translation, cueAt(translation, 0).id, 'Typed');
    expect(planOriginalFollow(text, translation, pairs)).toBeNull();
    history.execute(text);
    const gap = cueAt(translation, 199);
    history.execute(insertCue(translation, { after: gap.id }).command);
    history.execute(deleteCues(translation, [cueAt(translation, 5).id, cueAt(translation, 6).id]));
    expect(times(original.cues)).toEqual(originalTimes);
    expect(pairs.coverage(translation.cues).untranslated.slice(0, 2)).toEqual([5, 6]);
  });

  it('the recovery journal records only the translation: the command keeps the edit as its one part', () => {
    const { translation, pairs, original } = translating();
    const edit = setTimes(translation, cueAt(translation, 2).id, { startMs: 20_000, endMs: 21_000 });
    const both = followingOriginal(edit, translation, { doc: original, pairs });
    expect(both).toBeInstanceOf(WithOriginal);
    expect(opsOf(both, 'apply')).toEqual(opsOf(edit, 'apply'));
    expect(opsOf(both, 'revert')).toEqual(opsOf(edit, 'revert'));
  });
});
