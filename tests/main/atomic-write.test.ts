/** Atomic saves: a crash at any moment leaves the old or the new file, never a torn one; temps are cleaned; backups kept. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  backupPath,
  cleanStaleTemps,
  isTempFileName,
  setAside,
  tempPathFor,
  writeFileAtomic,
} from '../../src-main/services/atomic-write';
import { tempsIn } from '../support/save-temps';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-atomic-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
function freshDir(): string {
  const dir = path.join(tmp, `d${++counter}`);
  mkdirSync(dir);
  return dir;
}

describe('writeFileAtomic', () => {
  it('creates a new file and replaces an existing one, leaving no temp file', async () => {
    const dir = freshDir();
    const target = path.join(dir, 'a.srt');
    await writeFileAtomic(target, 'first');
    expect(readFileSync(target, 'utf8')).toBe('first');
    await writeFileAtomic(target, Buffer.from('second'));
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['a.srt']);
  });

  it.skipIf(process.platform === 'win32')("keeps the original's permission bits", async () => {
    const target = path.join(freshDir(), 'private.srt');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    await writeFileAtomic(target, 'new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it('backup: copies the previous content to FILE.bak first', async () => {
    const dir = freshDir();
    const target = path.join(dir, 'b.srt');
    await writeFileAtomic(target, 'v1', { backup: true }); // nothing to back up yet
    expect(existsSync(backupPath(target))).toBe(false);
    await writeFileAtomic(target, 'v2', { backup: true });
    await writeFileAtomic(target, 'v3', { backup: true });
    expect(readFileSync(target, 'utf8')).toBe('v3');
    expect(readFileSync(backupPath(target), 'utf8')).toBe('v2');
    expect(tempsIn(dir)).toEqual([]);
  });

  it('removes its temp file when the rename fails', async () => {
    const dir = freshDir();
    const target = path.join(dir, 'is-a-folder');
    mkdirSync(target);
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.srt'), 'data')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(tempsIn(dir)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('refuses a read-only file', async () => {
    const target = path.join(freshDir(), 'ro.srt');
    writeFileSync(target, 'keep me');
    chmodSync(target, 0o444);
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'EACCES' });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it.skipIf(process.platform === 'win32')('writes through a symlink to the file it points to', async () => {
    const dir = freshDir();
    const real = path.join(dir, 'real.srt');
    const link = path.join(dir, 'link.srt');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });
});

describe('cleanStaleTemps', () => {
  it('removes temps of dead processes and unnamed ones, keeps other files and live writers', async () => {
    const dir = freshDir();
    const keep = ['a.srt', '.a.srt.cuewave-notes.txt', 'a.srt.bak'];
    for (const name of keep) writeFileSync(path.join(dir, name), 'x');
    // A pid far above any real one is dead; the parent process (vitest) is alive and not us.
    const stale = ['.a.srt.cuewave-99999999-0a1b2c.tmp', '.a.srt.cuewave-deadbeef.tmp'];
    const live = `.a.srt.cuewave-${process.ppid}-abcdef.tmp`;
    for (const name of [...stale, live]) writeFileSync(path.join(dir, name), 'partial');
    const removed = await cleanStaleTemps(dir);
    expect(removed.map((p) => path.basename(p)).sort()).toEqual([...stale].sort());
    expect(readdirSync(dir).sort()).toEqual([...keep, live].sort());
  });

  it('a missing folder has nothing to clean', async () => {
    expect(await cleanStaleTemps(path.join(tmp, 'missing'))).toEqual([]);
  });

  it('temp names live beside the target and are recognised', () => {
    const temp = tempPathFor(path.join(tmp, 'movie.srt'));
    expect(path.dirname(temp)).toBe(tmp);
    expect(isTempFileName(path.basename(temp))).toBe(true);
    expect(isTempFileName('movie.srt')).toBe(false);
  });
});

describe('setAside', () => {
  it('renames a damaged file to NAME.corrupt-TIME, never overwriting an earlier one', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'settings.json');
    const when = new Date('2024-05-01T12:30:45.123Z');
    writeFileSync(file, '{broken');
    const first = await setAside(file, 'corrupt', when);
    writeFileSync(file, '{broken again');
    const second = await setAside(file, 'corrupt', when);
    expect(path.basename(first)).toBe('settings.json.corrupt-2024-05-01T12-30-45-123Z');
    expect(second).not.toBe(first);
    expect(readFileSync(first, 'utf8')).toBe('{broken');
    expect(readFileSync(second, 'utf8')).toBe('{broken again');
    expect(existsSync(file)).toBe(false);
  });
});

describe('a process killed at random moments while saving', () => {
  const CONTENT_BYTES = 5 * 1024 * 1024;
  const ITERATIONS = 24;
  const CHILD = path.join(import.meta.dirname, 'support', 'atomic-writer-child.ts');
  const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

  /** Resolves once the child printed `ready` (its imports are loaded and it starts saving). */
  function waitForReady(child: ChildProcess): Promise<void> {
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready\n')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`child exited early (${code}): ${out}`)));
    });
  }

  function killAndWait(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  it('always leaves exactly A or exactly B on disk', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    const target = path.join(dir, 'movie.srt');
    const contentA = randomBytes(CONTENT_BYTES);
    const contentB = Buffer.from(contentA.map((b) => b ^ 0xff)); // same size, every byte different
    const fileA = path.join(tmp, 'content-a.bin');
    const fileB = path.join(tmp, 'content-b.bin');
    writeFileSync(fileA, contentA);
    writeFileSync(fileB, contentB);
    writeFileSync(target, contentA);

    const seen = { a: 0, b: 0, strayTemps: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, fileA, fileB], {
        cwd: REPO_ROOT, // where `--import tsx` is resolved
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await waitForReady(child);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 250));
      await killAndWait(child);

      const onDisk = readFileSync(target);
      const isA = onDisk.equals(contentA);
      const isB = onDisk.equals(contentB);
      expect(isA || isB, `iteration ${i}: torn file of ${onDisk.length} bytes`).toBe(true);
      if (isA) seen.a++;
      else seen.b++;

      const temps = tempsIn(dir);
      seen.strayTemps += temps.length;
      const removed = await cleanStaleTemps(dir);
      expect(removed.length).toBe(temps.length);
      expect(readdirSync(dir)).toEqual(['movie.srt']);
    }
    // The kills landed both between saves of A and of B, and in the middle of writes.
    expect(seen.a).toBeGreaterThan(0);
    expect(seen.b).toBeGreaterThan(0);
    expect(seen.strayTemps).toBeGreaterThan(0);
  });
});
