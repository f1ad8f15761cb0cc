/**
 * The edit journal's pure half: every history step becomes a small record of what it changed; replaying the records
 * onto the document they started from gives the edited document exactly; a torn or damaged tail is dropped, not
 * replayed; snapshots keep cue positions even where SRT text would not.
 */
import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import {
  deleteCues,
  insertCue,
  mergeCues,
  renumber,
  setText,
  setTimes,
  shiftCues,
  sortByStart,
  splitCue,
} from '../../src-shared/edits';
import { convertFrameRate, twoPointSync } from '../../src-shared/edits/timing';
import { readSubtitle, writeSubtitle } from '../../src-shared/formats/index';
import {
  applyRecord,
  compareCues,
  crc32,
  encodeRecord,
  type JournalRecordBody,
  ReplayError,
  readLog,
  readSnapshot,
  writeSnapshot,
} from '../../src-shared/journal';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { makeX100, readFixtureText } from '../support/fixtures';
import { journaled } from '../support/journaled';

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function replay(text: string, records: readonly JournalRecordBody[]): SubtitleDoc {
  const { doc } = readSrt(text);
  for (const record of records) applyRecord(doc, record);
  return doc;
}

const SEED = readFixtureText('interview.srt');

describe('records of history steps', () => {
  it('replays 400 random edits, undos and redos of interview.srt to the same document, text and numbering', () => {
    for (const seed of [1, 2, 3]) {
      const { history, doc, records } = journaled(SEED, () => 1);
      const next = random(seed);
      for (let step = 0; step < 400; step++) {
        const pick = doc.cues[Math.floor(next() * doc.cues.length)] as Cue;
        const roll = next();
        if (roll < 0.3) history.execute(setText(doc, pick.id, `${pick.text}${String.fromCharCode(97 + (step % 26))}`));
        else if (roll < 0.4) history.execute(setTimes(doc, pick.id, { startMs: pick.startMs + 7 }));
        else if (roll < 0.47) history.execute(insertCue(doc, { after: pick.id }).command);
        else if (roll < 0.53 && doc.cues.length > 2) history.execute(deleteCues(doc, [pick.id]));
        else if (roll < 0.58 && pick.endMs - pick.startMs > 10)
          history.execute(splitCue(doc, pick.id, { atMs: Math.round((pick.startMs + pick.endMs) / 2) }).command);
        else if (roll < 0.62) {
          const position = doc.indexOf(pick.id);
          const other = doc.cues[position + 1];
          if (other) history.execute(mergeCues(doc, [pick.id, other.id]).command);
        } else if (roll < 0.65) history.execute(shiftCues(doc, { byMs: 250, scope: { fromId: pick.id } }).command);
        else if (roll < 0.67) history.execute(sortByStart(doc).command);
        else if (roll < 0.68) history.execute(renumber(doc));
        else if (roll < 0.85) history.undo();
        else history.redo();
        if (next() < 0.2) history.seal();
      }
      expect(records.length).toBeGreaterThan(300);
      const replayed = replay(SEED, records);
      expect(writeSrt(replayed)).toBe(writeSrt(doc));
      expect(replayed.cues).toEqual(doc.cues);
      expect(replayed.renumbered).toBe(doc.renumbered);
    }
  });

  it('records a keystroke as the one cue it changed, not the document', () => {
    const { history, doc, records } = journaled(SEED, () => 1);
    const cue = doc.cues[10] as Cue;
    history.execute(setText(doc, cue.id, `${cue.text}!`));
    history.execute(setText(doc, cue.id, `${cue.text}!?`));
    expect(records).toHaveLength(2);
    expect(records[1]?.ops).toEqual([{ op: 'replace', positions: [10], cues: [doc.cues[10]] }]);
    expect(encodeRecord(2, records[1] as JournalRecordBody).length).toBeLessThan(400);
  });

  it('records Shift all, sync and frame-rate conversion of the 232,400-cue file as a rule, and replays them exactly', () => {
    const text = makeX100(SEED);
    const { history, doc, records } = journaled(text, () => 1);
    const at = (i: number) => doc.cues[i] as Cue;
    history.execute(shiftCues(doc, { byMs: 1000 }).command);
    expect(records[0]?.ops).toEqual([{ op: 'retime', runs: [0, doc.cues.length], scale: 1, offsetMs: 1000 }]);
    expect(encodeRecord(1, records[0] as JournalRecordBody).length).toBeLessThan(200);
    history.execute(setText(doc, at(5).id, `${at(5).text} typed`));
    // Clamped at 0: the first cues cannot go 90 s earlier.
    history.execute(shiftCues(doc, { byMs: -90_000 }).command);
    history.execute(
      twoPointSync(doc, {
        first: { id: at(10).id, newStartMs: at(10).startMs + 333 },
        second: { id: at(200_000).id, newStartMs: at(200_000).startMs - 12_345 },
      }).command as never,
    );
    history.execute(convertFrameRate(doc, { fromFps: 23.976, toFps: 25 }).command as never);
    history.undo();
    history.undo();
    history.redo();
    history.execute(shiftCues(doc, { byMs: 40, scope: { fromId: at(1000).id } }).command);
    // Through the log format (JSON numbers) and back, as main writes and replays it.
    const log = records.map((record, i) => encodeRecord(i + 1, record)).join('');
    const { records: read, stop } = readLog(log);
    expect(stop).toBeNull();
    const replayed = replay(text, read);
    expect(replayed.cues).toEqual(doc.cues);
    expect(writeSrt(replayed)).toBe(writeSrt(doc));
  });

  it('refuses a retime whose positions are outside the document, or whose numbers are not numbers', () => {
    const { doc } = readSrt(SEED);
    const outside = { op: 'retime', runs: [doc.cues.length - 1, 2], scale: 1, offsetMs: 5 } as const;
    expect(() => applyRecord(doc, { ops: [outside], renumbered: false, dirty: true, atMs: 0 })).toThrow(ReplayError);
    const line = encodeRecord(1, {
      ops: [{ op: 'retime', runs: [0, 0], scale: 1, offsetMs: 5 }],
      renumbered: false,
      dirty: true,
      atMs: 0,
    });
    expect(readLog(line).stop?.reason).toMatch(/runs must be pairs/);
  });

  it('marks the step that returns to the saved state as clean, and redo as dirty again', () => {
    const { history, doc, records } = journaled(SEED, () => 1);
    const cue = doc.cues[0] as Cue;
    history.execute(setText(doc, cue.id, 'changed'));
    history.undo();
    history.redo();
    expect(records.map((r) => r.dirty)).toEqual([true, false, true]);
  });

  it('refuses to replay a record that does not fit the document', () => {
    const { doc } = readSrt(SEED);
    const bogus = { op: 'replace', positions: [doc.cues.length + 5], cues: [doc.cues[0] as Cue] } as const;
    expect(() => applyRecord(doc, { ops: [bogus], renumbered: false, dirty: true, atMs: 0 })).toThrow(ReplayError);
  });
});

describe('the log format', () => {
  function logOf(count: number): { text: string; records: JournalRecordBody[] } {
    const { history, doc, records } = journaled(SEED, () => 1);
    for (let i = 0; i < count; i++) {
      history.execute(setText(doc, (doc.cues[i] as Cue).id, `línea ${i} 字幕 😀`));
      history.seal();
    }
    return { text: records.map((r, i) => encodeRecord(i + 1, r)).join(''), records };
  }

  it('checksums each line with CRC-32 of its UTF-8 bytes', () => {
    for (const sample of ['', 'a', 'línea 字幕 😀', '\ud800 lone', 'x'.repeat(1000)])
      expect(crc32(sample)).toBe(nodeCrc32(Buffer.from(sample, 'utf8')));
  });

  it('reads back every record in order', () => {
    const { text, records } = logOf(20);
    const read = readLog(text);
    expect(read.stop).toBeNull();
    expect(read.records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    expect(read.records.map(({ seq: _seq, ...body }) => body)).toEqual(JSON.parse(JSON.stringify(records)));
  });

  it('drops a torn last record with a note, keeping all before it', () => {
    const { text } = logOf(10);
    for (let cut = 1; cut < 60; cut += 7) {
      const read = readLog(text.slice(0, text.length - cut));
      expect(read.records).toHaveLength(9);
      expect(read.stop).toMatchObject({ tail: true, line: 10 });
    }
  });

  it('stops at a damaged record in the middle and never replays what follows it', () => {
    const { text } = logOf(10);
    const lines = text.split('\n');
    lines[4] = (lines[4] as string).replace('línea 4', 'linea 4');
    const read = readLog(lines.join('\n'));
    expect(read.records).toHaveLength(4);
    expect(read.stop).toMatchObject({ line: 5, reason: 'checksum mismatch', tail: false });
  });

  it('stops at a gap in the sequence, and skips records a snapshot already holds', () => {
    const { text } = logOf(6);
    const lines = text.split('\n');
    const gap = readLog([...lines.slice(0, 2), ...lines.slice(3)].join('\n'));
    expect(gap.records).toHaveLength(2);
    expect(gap.stop?.reason).toContain('gap');
    const after = readLog(text, 4);
    expect(after.records.map((r) => r.seq)).toEqual([5, 6]);
  });

  it('rejects a line whose checksum is right but whose content is not a record', () => {
    const json = JSON.stringify({ ops: [{ op: 'replace', positions: [0], cues: [{ id: 'x' }] }] });
    const crc = nodeCrc32(Buffer.from(`1 ${json}`))
      .toString(16)
      .padStart(8, '0');
    const read = readLog(`1 ${crc} ${json}\n`);
    expect(read.records).toHaveLength(0);
    expect(read.stop?.reason).toMatch(/renumbered|cue/);
  });
});

describe('snapshots', () => {
  it('keep cue positions where SRT text would not (a cue whose text holds a pasted cue block)', () => {
    const { history, doc, records } = journaled(SEED, () => 1);
    const first = doc.cues[0] as Cue;
    history.execute(setText(doc, first.id, 'top\n\n2\n00:00:05,000 --> 00:00:06,000\nbottom'));
    const snapshot = readSnapshot(writeSnapshot(doc));
    expect(snapshot.cues).toEqual(doc.cues);
    // The same document through SRT text has more cues: later records would land on the wrong cues.
    expect(readSrt(writeSrt(doc)).doc.cues.length).not.toBe(doc.cues.length);
    const second = doc.cues[1] as Cue;
    history.execute(setText(doc, second.id, 'after the snapshot'));
    applyRecord(snapshot, records[1] as JournalRecordBody);
    expect(writeSrt(snapshot)).toBe(writeSrt(doc));
  });

  it('keep the format of a WebVTT or ASS document, so a restore saves that format back', () => {
    const ass =
      '[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,hi\n\n[Fonts]\n';
    for (const text of [ass, 'WEBVTT\n\nNOTE n\n\n00:01.000 --> 00:02.000 line:0\nhi\n']) {
      const { doc } = readSubtitle(text);
      const snapshot = readSnapshot(writeSnapshot(doc));
      expect(snapshot.sourceFormat).toBe(doc.sourceFormat);
      expect(writeSubtitle(snapshot)).toBe(text);
    }
  });

  it('name the line of a damaged snapshot', () => {
    const lines = writeSnapshot(readSrt(SEED).doc).split('\n');
    lines[3] = '{"id":';
    expect(() => readSnapshot(lines.join('\n'))).toThrow(/line 4/);
  });
});

describe('compare', () => {
  it('lists the cues that differ, by number on each side', () => {
    const disk = readSrt(SEED).doc;
    const { history, doc } = journaled(SEED, () => 1);
    history.execute(setText(doc, (doc.cues[5] as Cue).id, 'edited'));
    history.execute(deleteCues(doc, [(doc.cues[40] as Cue).id]));
    const { differences, total } = compareCues(disk.cues, doc.cues);
    expect(differences[0]).toMatchObject({ diskNumber: 6, recoveredNumber: 6 });
    expect(differences[0]?.recovered).toContain('edited');
    expect(total).toBeGreaterThanOrEqual(2);
    expect(compareCues(disk.cues, disk.cues.slice()).total).toBe(0);
  });
});
