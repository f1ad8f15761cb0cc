/** Recovery journals: written within the journal window, survive a hard kill, listed and restored by the next run, damage set aside. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecovery, type JournalPayload } from '../../src-main/services/recovery';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-recovery-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
function freshDir(): string {
  const dir = path.join(tmp, `r${++counter}`);
  mkdirSync(dir);
  return dir;
}

function payload(text: string, filePath: string | null = '/subs/movie.srt'): JournalPayload {
  return { filePath, encoding: 'utf-8', bom: false, eol: '\n', text, editedAt: Date.now() };
}

function journalsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.journal.json')) : [];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduling', () => {
  it('waits for a quiet moment, then writes only the latest payload', async () => {
    const dir = freshDir();
    const recovery = createRecovery({ dir, debounceMs: 80, maxWaitMs: 1000 });
    recovery.scheduleJournal('doc', payload('one'));
    recovery.scheduleJournal('doc', payload('two'));
    await sleep(30);
    expect(journalsIn(dir)).toEqual([]);
    await sleep(150);
    const [name] = journalsIn(dir);
    expect(JSON.parse(readFileSync(path.join(dir, name as string), 'utf8')).payload.text).toBe('two');
  });

  it('continuous editing is still journaled within maxWaitMs', async () => {
    const dir = freshDir();
    const recovery = createRecovery({ dir, debounceMs: 100, maxWaitMs: 200 });
    const started = Date.now();
    let firstSeenMs: number | null = null;
    for (let i = 0; i < 25; i++) {
      recovery.scheduleJournal('doc', payload(`edit ${i}`));
      await sleep(20);
      if (firstSeenMs === null && journalsIn(dir).length > 0) firstSeenMs = Date.now() - started;
    }
    expect(firstSeenMs).not.toBeNull();
    expect(firstSeenMs).toBeLessThan(400);
    await recovery.close();
  });

  it('flush writes pending journals at once; discard removes them', async () => {
    const dir = freshDir();
    const recovery = createRecovery({ dir, debounceMs: 60_000, maxWaitMs: 60_000 });
    recovery.scheduleJournal('a', payload('A'));
    recovery.scheduleJournal('b', payload('B', null));
    await recovery.flush();
    expect(journalsIn(dir)).toHaveLength(2);
    await recovery.discard('a');
    expect(journalsIn(dir)).toHaveLength(1);
    recovery.scheduleJournal('c', payload('C'));
    await recovery.discard('c'); // pending, never written
    await sleep(20);
    expect(journalsIn(dir)).toHaveLength(1);
    await recovery.discard('never-seen'); // nothing to do, no error
  });

  it('journals of this run are not offered for recovery by this run', async () => {
    const dir = freshDir();
    const recovery = createRecovery({ dir, debounceMs: 0 });
    recovery.scheduleJournal('mine', payload('x'));
    await recovery.flush();
    expect((await recovery.listRecoverable()).entries).toEqual([]);
    expect((await createRecovery({ dir }).listRecoverable()).entries.map((e) => e.key)).toEqual(['mine']);
  });
});

describe('after a crash', () => {
  it('a hard-killed process leaves journals the next run lists and restores', { timeout: 30_000 }, async () => {
    const dir = path.join(freshDir(), 'recovery'); // created on first write
    const filePath = path.join(tmp, 'interview.srt');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'recovery-child.ts'), dir, filePath],
      { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] }, // cwd: where tsx resolves
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('edited') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    await sleep(2300); // past the 2 s journal window after the last edit
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });

    const { entries, messages } = await createRecovery({ dir }).listRecoverable();
    expect(messages).toEqual([]);
    expect(entries.map((e) => e.key).sort()).toEqual([filePath, 'untitled-1'].sort());
    const file = entries.find((e) => e.key === filePath);
    expect(file).toMatchObject({ filePath, editedAt: expect.any(Number), savedAtMs: expect.any(Number) });
    expect(file?.payload).toMatchObject({
      filePath,
      encoding: 'gb18030',
      bom: false,
      eol: '\r\n',
      text: '1\r\n00:00:01,000 --> 00:00:02,000\r\n第20次修改\r\n',
    });
    const untitled = entries.find((e) => e.key === 'untitled-1');
    expect(untitled).toMatchObject({ filePath: null, encoding: 'utf-8' });
    expect(untitled?.payload.text).toContain('Untitled edit 20');
  });
});

describe('damaged journals', () => {
  it('are set aside as *.corrupt-TIME and reported, while good ones are listed', async () => {
    const dir = freshDir();
    const writer = createRecovery({ dir, debounceMs: 0 });
    writer.scheduleJournal('good', payload('good text'));
    writer.scheduleJournal('tampered', payload('original text'));
    await writer.flush();

    const listed = await createRecovery({ dir }).listRecoverable();
    const tamperedPath = listed.entries.find((e) => e.key === 'tampered')?.journalPath as string;
    expect(path.dirname(tamperedPath)).toBe(dir);
    const journal = JSON.parse(readFileSync(tamperedPath, 'utf8'));
    journal.payload.text = 'edited by hand';
    writeFileSync(tamperedPath, JSON.stringify(journal));
    writeFileSync(path.join(dir, 'truncated.journal.json'), '{"format":"cuewave-recovery","vers');
    writeFileSync(path.join(dir, 'stray.json'), JSON.stringify({ format: 'cuewave-recovery', version: 1 }));

    const { entries, messages } = await createRecovery({ dir }).listRecoverable();
    expect(entries.map((e) => e.key)).toEqual(['good']);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toMatch(/checksum mismatch/);
    expect(messages.join('\n')).toMatch(/not valid JSON/);
    const names = readdirSync(dir);
    expect(names.filter((n) => /\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(n))).toHaveLength(3);
    // Set aside means out of the way: the next start lists the same good journal and no messages.
    expect(await createRecovery({ dir }).listRecoverable()).toMatchObject({ entries: [{ key: 'good' }], messages: [] });
  });

  it('a missing folder means nothing to recover', async () => {
    expect(await createRecovery({ dir: path.join(tmp, 'none') }).listRecoverable()).toEqual({
      entries: [],
      messages: [],
    });
  });
});
