/** Edits on the real interview-broken.srt: sort, fix the overlap at the hour mark, and write back minimally. */
import { describe, expect, it } from 'vitest';
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import { fixNegativeDurations, fixOverlaps, shiftCues, sortByStart } from '../../src-shared/edits';
import { History } from '../../src-shared/history';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { parseTime } from '../../src-shared/time';
import { readFixtureText } from '../support/fixtures';

const BROKEN = readFixtureText('interview-broken.srt');

/** Cue 2141 of the seed, `00:59:55,900 --> 01:00:01,200` in the broken file. */
function cue2141(doc: SubtitleDoc): Cue {
  const startMs = parseTime('00:59:55,900');
  const cue = doc.cues.find((c) => c.startMs === startMs);
  if (!cue) throw new Error('cue 2141 not found');
  return cue;
}

/** Splits written SRT into blocks at blank lines (the file uses LF). */
function blocks(text: string): string[] {
  return text.split('\n\n');
}

function sortedBroken(): { doc: SubtitleDoc; history: History } {
  const { doc } = readSrt(BROKEN);
  const history = new History(doc);
  const sort = sortByStart(doc);
  expect(sort.movedCount).toBe(2); // cues 301 and 300 were swapped in the file
  history.execute(sort.command);
  return { doc, history };
}

describe('interview-broken.srt', () => {
  it('sort then fix overlaps trims only cue 2141, to 01:00:00,800', () => {
    const { doc, history } = sortedBroken();
    const beforeFix = writeSrt(doc);
    const result = fixOverlaps(doc, { minGapMs: 0, minDurationMs: 0 });
    const target = cue2141(doc);
    expect(result.fixed).toEqual([
      { id: target.id, nextId: doc.cues[doc.indexOf(target.id) + 1]?.id, oldEndMs: 3_601_200, newEndMs: 3_600_800 },
    ]);
    expect(result.unfixed).toEqual([]);
    history.execute(result.command);
    expect(cue2141(doc).endMs).toBe(parseTime('01:00:00,800'));

    const afterFix = writeSrt(doc);
    const was = blocks(beforeFix);
    const now = blocks(afterFix);
    expect(now.length).toBe(was.length);
    const changed = now.map((block, i) => (block === was[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toHaveLength(1);
    expect(now[changed[0] as number]).toBe('2141\n00:59:55,900 --> 01:00:00,800\n就是我跟当时是GPT-o1 Pro去探讨');

    history.undo();
    expect(writeSrt(doc)).toBe(beforeFix);
  });

  it('with a minimum gap the end is 01:00:00,800 minus the gap', () => {
    const { doc } = sortedBroken();
    const result = fixOverlaps(doc, { minGapMs: 84, minDurationMs: 833 });
    expect(result.fixed.map((f) => f.newEndMs)).toEqual([(parseTime('01:00:00,800') as number) - 84]);
  });

  it('undoing the sort writes the file back byte for byte', () => {
    const { doc, history } = sortedBroken();
    history.undo();
    expect(writeSrt(doc)).toBe(BROKEN);
  });

  it('swapping the reversed cue 150 fixes the only negative duration', () => {
    const { doc } = readSrt(BROKEN);
    const result = fixNegativeDurations(doc);
    expect(result.fixedIds).toHaveLength(1);
    new History(doc).execute(result.command);
    const fixed = doc.cues[doc.indexOf(result.fixedIds[0] as number)] as Cue;
    expect([fixed.startMs, fixed.endMs]).toEqual([parseTime('00:04:26,200'), parseTime('00:04:27,833')]);
  });

  it('shifting all cues and back restores every value, and undo restores the bytes', () => {
    const { doc } = readSrt(BROKEN);
    const history = new History(doc);
    const values = doc.cues.map((c) => [c.id, c.startMs, c.endMs, c.text]);
    history.execute(shiftCues(doc, { by: 2350 }).command);
    history.execute(shiftCues(doc, { by: -2350 }).command);
    expect(doc.cues.map((c) => [c.id, c.startMs, c.endMs, c.text])).toEqual(values);
    history.undo();
    history.undo();
    expect(writeSrt(doc)).toBe(BROKEN);
  });
});
