/**
 * Translation mode in the store: the interview (3 minutes) as the read-only original beside an English translation of
 * its first 40 cues made by tests/support/translation.ts.
 */
import { describe, expect, it } from 'vitest';
import { editText, editTimes, shift } from '../../src-renderer/store/edit-actions';
import { previewJoin, previewSplit, swapJoin } from '../../src-renderer/translation/bilingual-preview';
import { coverageOf } from '../../src-renderer/translation/original-track';
import {
  addMissingTranslations,
  attachOriginal,
  closeOriginal,
  nextUntranslated,
} from '../../src-renderer/translation/translation-actions';
import type { Cue } from '../../src-shared/document';
import { insertCue } from '../../src-shared/edits';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { validate } from '../../src-shared/validate';
import { docInfo, loadStore } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';
import { makeEnglishTranslation } from '../support/translation';

const ORIGINAL = readFixtureText('interview-3min.srt');
const ENGLISH = makeEnglishTranslation(ORIGINAL, 1, 40);
const originalCues = readSrt(ORIGINAL).doc.cues;

function translating() {
  const store = loadStore(ENGLISH);
  expect(attachOriginal(store, 'interview-3min.srt', ORIGINAL)).toBe(true);
  return store;
}

function originalTexts(store: ReturnType<typeof loadStore>): (string | null)[] {
  const { file, original } = store.getState();
  return file!.doc.cues.map((cue) => original!.pairs.originalOf(cue)?.text ?? null);
}

describe('translation mode', () => {
  it('shows each translation cue beside the original cue at its time, and counts the untranslated ones', () => {
    const store = translating();
    expect(originalTexts(store)).toEqual(originalCues.slice(0, 40).map((c) => c.text));
    const { file, original } = store.getState();
    const coverage = coverageOf(original!, file!.doc, store.getState().timingVersion);
    expect(coverage.untranslated).toEqual(Array.from({ length: 61 }, (_, i) => 40 + i));
    // All 61 come after the last translated cue: that row carries the mark.
    expect([...coverage.missingAfter.keys()]).toEqual([file!.doc.cues[39]!.id]);
    expect(store.getState().message).toContain('61 without a translation');
  });

  it('a timing edit moves the translation with its original: pairs follow the cue, not the time', () => {
    const store = translating();
    store.selectIds([]);
    expect(shift(store, 'all', 5000)).toBe(true);
    expect(store.doc!.cues[0]!.startMs).toBe(originalCues[0]!.startMs + 5000);
    expect(originalTexts(store)).toEqual(originalCues.slice(0, 40).map((c) => c.text));
    expect(
      coverageOf(store.getState().original!, store.doc!, store.getState().timingVersion).untranslated,
    ).toHaveLength(61);
  });

  it('a timing edit in the store moves the original too, as one undo step; undo and redo move both', () => {
    const store = translating();
    const cue = store.doc!.cues[2]!;
    expect(editTimes(store, cue.id, { startMs: 20_000, endMs: 21_000 })).toBe(true);
    const original = store.getState().original!;
    expect(original.doc.cues[2]).toMatchObject({ startMs: 20_000, endMs: 21_000, text: originalCues[2]!.text });
    expect(store.getState().history.undoLabel).toBe('Set times');
    expect(store.undo()).toBe(true);
    expect(store.doc!.cues[2]).toMatchObject({ startMs: originalCues[2]!.startMs, endMs: originalCues[2]!.endMs });
    expect(original.doc.cues.map((c) => [c.startMs, c.endMs])).toEqual(originalCues.map((c) => [c.startMs, c.endMs]));
    expect(store.redo()).toBe(true);
    expect(original.doc.cues[2]).toMatchObject({ startMs: 20_000, endMs: 21_000 });
    // The translation is what is saved: the original's new times are not in it, nor its text.
    expect(writeSrt(store.doc!)).not.toContain(originalCues[2]!.text);
  });

  it('pairs a cue added later with the original it overlaps most', () => {
    const store = translating();
    const target = originalCues[50] as Cue;
    const { command, id } = insertCue(
      store.doc!,
      { atMs: target.startMs },
      {
        startMs: target.startMs,
        endMs: target.endMs,
        text: 'Added by hand',
      },
    );
    store.execute(command);
    const cue = store.doc!.cues[store.doc!.indexOf(id)] as Cue;
    expect(store.getState().original!.pairs.originalOf(cue)?.text).toBe(target.text);
    expect(
      coverageOf(store.getState().original!, store.doc!, store.getState().timingVersion).untranslated,
    ).toHaveLength(60);
  });

  it('adds empty cues for the untranslated originals in one undo step, marked until translated', () => {
    const store = translating();
    expect(addMissingTranslations(store)).toBe(61);
    const doc = store.doc!;
    expect(doc.cues).toHaveLength(101);
    expect(doc.cues.map((c) => [c.startMs, c.endMs])).toEqual(originalCues.map((c) => [c.startMs, c.endMs]));
    expect(doc.cues.slice(40).every((c) => c.text === '')).toBe(true);
    expect(originalTexts(store)).toEqual(originalCues.map((c) => c.text));
    expect(coverageOf(store.getState().original!, doc, store.getState().timingVersion).untranslated).toEqual([]);
    // The first added cue is selected; Next untranslated walks the empty ones.
    expect(store.getState().selection.focus).toBe(doc.cues[40]!.id);
    editText(store, doc.cues[40]!.id, 'Now translated');
    expect(nextUntranslated(store)).toBe(true);
    expect(store.getState().selection.focus).toBe(doc.cues[41]!.id);
    store.undo();
    store.undo();
    expect(store.doc!.cues).toHaveLength(40);
    expect(
      coverageOf(store.getState().original!, store.doc!, store.getState().timingVersion).untranslated,
    ).toHaveLength(61);
  });

  it('translating from scratch: an empty document gets one empty cue per original cue, at its times', () => {
    const store = loadStore('');
    attachOriginal(store, 'interview-3min.srt', ORIGINAL);
    expect(addMissingTranslations(store)).toBe(101);
    expect(store.doc!.cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual(
      originalCues.map((c) => [c.startMs, c.endMs, '']),
    );
    expect(originalTexts(store)).toEqual(originalCues.map((c) => c.text));
    // Saved half done, the empty cues read back as cues (with their times), not as damage.
    const reread = readSrt(writeSrt(store.doc!));
    expect(reread.problems).toEqual([]);
    expect(reread.doc.cues.map((c) => c.startMs)).toEqual(originalCues.map((c) => c.startMs));
  });

  it('saves only the translation: the document written is the translation, byte for byte', () => {
    const store = translating();
    expect(writeSrt(store.doc!)).toBe(ENGLISH);
    editText(store, store.doc!.cues[0]!.id, 'Anyway, I have no access now');
    const written = writeSrt(store.doc!);
    expect(written).toContain('Anyway, I have no access now');
    expect(written).not.toContain(originalCues[1]!.text);
  });

  it("validates with the translation's profile: only the translation's cues, an English line too long is flagged", () => {
    const store = translating();
    store.setProfile('netflix-en');
    const first = store.doc!.cues[0]!;
    editText(store, first.id, 'Anyway, now that I no longer have any access to anything at all');
    const problems = store.getState().file!.validation.problems;
    expect(problems).toEqual(validate(store.doc!, 'netflix-en'));
    expect(problems.some((p) => p.cueId === first.id && p.code === 'line-too-long')).toBe(true);
  });

  it('closes the original without touching the document; opening another document ends translation mode', () => {
    const store = translating();
    // Reading the same document again (reload, another encoding) keeps the original, paired with the new cues.
    store.load(docInfo, ENGLISH);
    expect(originalTexts(store)).toEqual(originalCues.slice(0, 40).map((c) => c.text));
    store.load({ ...docInfo, handle: 'h2', name: 'other.srt' }, ENGLISH);
    expect(store.getState().original).toBeNull();
    attachOriginal(store, 'interview-3min.srt', ORIGINAL);
    closeOriginal(store);
    expect(store.getState().original).toBeNull();
    expect(store.doc!.cues).toHaveLength(40);
    attachOriginal(store, 'interview-3min.srt', ORIGINAL);
    store.close();
    expect(store.getState().original).toBeNull();
  });
});

describe('bilingual previews', () => {
  it('split preview offers a Chinese and an English file named after the document', () => {
    const store = loadStore(ORIGINAL);
    const preview = previewSplit(store.doc!, 'interview-3min.srt');
    expect(preview.outputs.map((o) => [o.suggestedName, o.doc.cues.length])).toEqual([
      ['interview-3min.zh.srt', 100],
      ['interview-3min.en.srt', 1],
    ]);
  });

  it('join preview lists the cues without a partner and can put the other file on top', () => {
    const zh = readSrt(ORIGINAL).doc;
    const en = readSrt(ENGLISH).doc;
    const preview = previewJoin(zh, 'interview-3min.srt', en, 'interview-3min.en.srt');
    if (preview.mode !== 'join') throw new Error('join expected');
    expect(preview.pairs).toBe(40);
    expect(preview.unmatched).toHaveLength(61);
    expect(preview.unmatched[0]).toMatchObject({ name: 'interview-3min.srt', position: 41 });
    const swapped = swapJoin(preview);
    expect(swapped.outputs[0]!.suggestedName).toBe('interview-3min.en.bilingual.srt');
    expect(swapped.outputs[0]!.doc.cues[0]!.text).toBe(`${en.cues[0]!.text}\n${zh.cues[0]!.text}`);
  });
});
