/**
 * The edit journals on disk: nothing written before the first edit, each batch on disk before it is acknowledged,
 * replayed by the next run onto the journal's own base, following the history (undo to saved, redo, save, discard),
 * a torn tail dropped with a note, write failures said in words and made good later, snapshots in the background.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createEditJournals,
  type EditJournals,
  JournalWriteError,
  journalFolderName,
} from '../../src-main/services/recovery/edit-journal';
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import { insertCue } from '../../src-shared/edits';
import { writeSrt } from '../../src-shared/srt';
import { readFixtureText } from '../support/fixtures';
import { journaled } from '../support/journaled';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-journal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(tmp, `recovery-${++n}`);

const TEXT = readFixtureText('interview-3min.srt');
const FILE = '/subs/interview-3min.srt';
const STAMP = { size: Buffer.byteLength(TEXT), mtimeMs: 1_700_000_000_000, sha256: 'ab'.repeat(32) };
const IDENTITY = { filePath: FILE, encoding: 'utf-8', bom: false, stamp: STAMP };

async function offered(dir: string) {
  const next = createEditJournals({ dir });
  return { journals: next, listing: await next.list() };
}

function logOf(dir: string, key: string): string {
  const folder = path.join(dir, journalFolderName(key));
  const header = JSON.parse(readFileSync(path.join(folder, 'journal.json'), 'utf8'));
  return path.join(folder, header.log);
}

describe('edit journals', () => {
  it('writes nothing before the first edit, then offers the edits to the next run with the file they belong to', async () => {
    const dir = freshDir();
    const journals = createEditJournals({ dir });
    await journals.begin('doc-1', IDENTITY, TEXT);
    expect(existsSync(dir)).toBe(false);
    const s = journaled(TEXT);
    s.type(3, ' one');
    s.type(3, ' two');
    const seq = await journals.append('doc-1', s.take());
    expect(seq).toBe(2);
    // Own journals are not "left by an earlier run".
    expect((await journals.list()).entries).toEqual([]);

    const { journals: next, listing } = await offered(dir);
    expect(listing.entries).toHaveLength(1);
    expect(listing.entries[0]).toMatchObject({ key: 'doc-1', filePath: FILE, stamp: STAMP, edits: 2, notes: [] });
    const replayed = await next.replay('doc-1');
    expect(writeSrt(replayed.doc)).toBe(writeSrt(s.doc));
    await journals.close();
  });

  it('follows the history: undo to the saved state leaves nothing to offer, redo brings the edits back', async () => {
    const dir = freshDir();
    const journals = createEditJournals({ dir });
    await journals.begin('doc', IDENTITY, TEXT);
    const s = journaled(TEXT);
    s.type(0, '!');
    await journals.append('doc', s.take());
    s.history.undo();
    await journals.append('doc', s.take());
    expect((await offered(dir)).listing.entries).toEqual([]);
    s.history.redo();
    await journals.append('doc', s.take());
    const { journals: next, listing } = await offered(dir);
    expect(listing.entries).toHaveLength(1);
    expect(writeSrt((await next.replay('doc')).doc)).toBe(writeSrt(s.doc));
    await journals.close();
  });

  it('after a save replays later edits onto the saved text, and discard deletes the journal', async () => {
    const dir = freshDir();
    const journals = createEditJournals({ dir });
    await journals.begin('doc', IDENTITY, TEXT);
    const s = journaled(TEXT);
    s.type(1, ' before save');
    await journals.append('doc', s.take());
    const savedText = writeSrt(s.doc);
    s.history.markSaved();
    const savedStamp = { ...STAMP, size: Buffer.byteLength(savedText) };
    await journals.saved('doc', { ...IDENTITY, stamp: savedStamp }, savedText, journals.lastSeq('doc'));
    expect((await offered(dir)).listing.entries).toEqual([]);
    s.history.execute(insertCue(s.doc, { after: (s.doc.cues[5] as Cue).id }, { text: 'after save' }).command);
    await journals.append('doc', s.take());
    const { journals: next, listing } = await offered(dir);
    expect(listing.entries[0]).toMatchObject({ edits: 1, stamp: savedStamp });
    expect(writeSrt((await next.replay('doc')).doc)).toBe(writeSrt(s.doc));
    await journals.discard('doc');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('drops a torn last record with a note and replays every record before it', async () => {
    const dir = freshDir();
    const journals = createEditJournals({ dir });
    await journals.begin('doc', IDENTITY, TEXT);
    const s = journaled(TEXT);
    for (let i = 0; i < 5; i++) {
      s.type(i, ` edit ${i}`);
      s.history.seal();
    }
    await journals.append('doc', s.take());
    const expected = writeSrt(s.doc);
    await journals.close();
    appendFileSync(logOf(dir, 'doc'), '6 0badc0de {"ops":[{"op":"replace","positions":[0],"cu');
    const { journals: next, listing } = await offered(dir);
    expect(listing.entries[0]?.edits).toBe(5);
    expect(listing.entries[0]?.notes[0]).toMatch(/interview-3min\.srt: the last recorded edit was cut off/);
    const replayed = await next.replay('doc');
    expect(writeSrt(replayed.doc)).toBe(expected);
    expect(replayed.notes).toHaveLength(1);
  });

  it('sets aside a journal whose header is damaged, and says so', async () => {
    const dir = freshDir();
    const journals = createEditJournals({ dir });
    await journals.begin('doc', IDENTITY, TEXT);
    const s = journaled(TEXT);
    s.type(0, 'x');
    await journals.append('doc', s.take());
    await journals.close();
    writeFileSync(path.join(dir, journalFolderName('doc'), 'journal.json'), '{"format":"cuewave-edit-journal",');
    const { listing } = await offered(dir);
    expect(listing.entries).toEqual([]);
    expect(listing.messages[0]).toMatch(/damaged recovery journal .* set aside/);
    expect(readdirSync(dir).some((name) => name.includes('.corrupt-'))).toBe(true);
  });

  it('says a write failure in words, keeps the records, and writes them all once the folder works again', async () => {
    const dir = freshDir();
    writeFileSync(dir, 'a file where the recovery folder should be');
    const journals = createEditJournals({ dir });
    await journals.begin('doc', IDENTITY, TEXT);
    const s = journaled(TEXT);
    s.type(0, ' lost?');
    const failure = await journals.append('doc', s.take()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JournalWriteError);
    expect((failure as Error).message).toMatch(/not being backed up.*cannot be written.*Save your work now/);
    rmSync(dir);
    s.type(1, ' and more');
    expect(await journals.append('doc', s.take())).toBe(2);
    const { journals: next, listing } = await offered(dir);
    expect(listing.entries[0]?.edits).toBe(2);
    expect(writeSrt((await next.replay('doc')).doc)).toBe(writeSrt(s.doc));
  });

  it('folds a long log into a snapshot in the background, and replays the same document', async () => {
    const dir = freshDir();
    const journals: EditJournals = createEditJournals({ dir, snapshotBytes: 8 * 1024 });
    await journals.begin('doc', IDENTITY, TEXT);
    const s = journaled(TEXT);
    for (let i = 0; i < 300; i++) {
      s.type(i % 40, 'ab');
      if (i % 7 === 0) s.history.undo();
      s.history.seal();
      if (i % 10 === 9) await journals.append('doc', s.take());
    }
    await journals.append('doc', s.take());
    await journals.flush();
    const folder = path.join(dir, journalFolderName('doc'));
    expect(readdirSync(folder).some((name) => name.endsWith('.snap'))).toBe(true);
    const { journals: next } = await offered(dir);
    const replayed: SubtitleDoc = (await next.replay('doc')).doc;
    expect(writeSrt(replayed)).toBe(writeSrt(s.doc));
    await journals.close();
  });

  it('replays a journal of 60,000 records by streaming it', async () => {
    const dir = freshDir();
    const journals = createEditJournals({ dir, snapshotBytes: Number.POSITIVE_INFINITY });
    await journals.begin('big', IDENTITY, TEXT);
    const s = journaled(TEXT);
    for (let batch = 0; batch < 60; batch++) {
      for (let i = 0; i < 1000; i++) {
        s.type((batch * 7 + i) % s.doc.cues.length, i % 2 ? 'x' : 'y');
        s.history.seal();
      }
      await journals.append('big', s.take());
    }
    await journals.close();
    const { journals: next, listing } = await offered(dir);
    expect(listing.entries[0]?.edits).toBe(60_000);
    expect(writeSrt((await next.replay('big')).doc)).toBe(writeSrt(s.doc));
  });
});
