// Every failed save is said in words, names the file and what to do, and loses nothing: the original stays as it
// was and no temp file is left. Real failures: a 64 KB tmpfs that fills up, a read-only bind mount, a tmpfs that is
// unmounted (a removed drive). Mounting needs root; without it those cases are skipped with the reason printed.
import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src-main/services/app-services';
import { writeFileAtomic } from '../../src-main/services/atomic-write';
import { FileWriteError, writeSubtitleFile } from '../../src-main/services/files';
import { describeFsError, saveFailureMessage } from '../../src-main/services/fs-errors';
import { tempsIn } from '../support/save-temps';

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('[save-failures] not root: the tmpfs and read-only bind-mount cases are skipped');

const work = mkdtempSync(path.join(tmpdir(), 'cuewave-save-fail-'));
const mounts: string[] = [];

function mount(args: string[], at: string): void {
  mkdirSync(at, { recursive: true });
  execFileSync('mount', [...args, at]);
  mounts.push(at);
}

function unmount(at: string): void {
  execFileSync('umount', [at]);
  mounts.splice(mounts.indexOf(at), 1);
}

afterAll(() => {
  for (const at of mounts.reverse()) execFileSync('umount', ['-l', at]);
  rmSync(work, { recursive: true, force: true });
});

const RAW_CODE = /\bE(NOSPC|ROFS|ISDIR|NOENT|ACCES|PERM|IO|NODEV)\b/;
const ORIGINAL = '1\n00:00:01,000 --> 00:00:02,000\nOriginal line\n';
const EDITED = `1\n00:00:01,000 --> 00:00:02,000\n${'Edited line that is much longer. '.repeat(200)}\n`;

async function saveError(target: string, text: string): Promise<FileWriteError> {
  const error = await writeSubtitleFile(target, text, { encoding: 'utf-8', bom: false }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileWriteError);
  return error as FileWriteError;
}

describe.skipIf(!isRoot)('saving on a real file system that fails', () => {
  let small: string;
  beforeAll(() => {
    small = path.join(work, 'small');
    mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs'], small);
  });

  it('disk full: says so, names the file, keeps the original and leaves no temp file', async () => {
    const target = path.join(small, 'a.srt');
    writeFileSync(target, ORIGINAL);
    // Fill the rest of the disk.
    const filler = path.join(small, 'filler.bin');
    try {
      writeFileSync(filler, Buffer.alloc(128 * 1024));
    } catch {
      // ENOSPC: the filler took what was left.
    }
    const error = await saveError(target, EDITED);
    expect(error.message).toBe(
      `Could not save ${target}: the disk is full. Free some space or use Save As… to save elsewhere. ` +
        'The file on disk is unchanged.',
    );
    expect(error.message).not.toMatch(RAW_CODE);
    expect(readFileSync(target, 'utf8')).toBe(ORIGINAL);
    expect(tempsIn(small)).toEqual([]);
    // Save As elsewhere still works with the same text.
    const elsewhere = path.join(work, 'elsewhere.srt');
    await writeSubtitleFile(elsewhere, EDITED, { encoding: 'utf-8', bom: false });
    expect(readFileSync(elsewhere, 'utf8')).toBe(EDITED);
    rmSync(filler);
  });

  it('a full disk during the FILE.bak copy keeps the original too', async () => {
    const target = path.join(small, 'b.srt');
    writeFileSync(target, ORIGINAL.repeat(300));
    const filler = path.join(small, 'filler2.bin');
    try {
      writeFileSync(filler, Buffer.alloc(128 * 1024));
    } catch {
      // full
    }
    const error = await writeSubtitleFile(target, ORIGINAL, { encoding: 'utf-8', bom: false, backup: true }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/the disk is full/);
    expect(readFileSync(target, 'utf8')).toBe(ORIGINAL.repeat(300));
    expect(tempsIn(small)).toEqual([]);
    rmSync(filler);
    rmSync(target);
  });

  it('read-only folder (a read-only bind mount): says so and keeps the original', async () => {
    const source = path.join(work, 'ro-source');
    mkdirSync(source);
    writeFileSync(path.join(source, 'c.srt'), ORIGINAL);
    const readOnly = path.join(work, 'ro');
    mount(['--bind', source], readOnly);
    execFileSync('mount', ['-o', 'remount,bind,ro', readOnly]);
    const target = path.join(readOnly, 'c.srt');
    const error = await saveError(target, EDITED);
    expect(error.message).toMatch(new RegExp(`^Could not save ${target}: the disk or folder is read-only\\. `));
    expect(error.message).toMatch(/Save As…/);
    expect(error.message).not.toMatch(RAW_CODE);
    expect(readFileSync(target, 'utf8')).toBe(ORIGINAL);
    expect(tempsIn(source)).toEqual([]);
  });

  it('a removable drive that disappeared: says the folder is gone and what to do', async () => {
    const drive = path.join(work, 'usb');
    mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs'], drive);
    mkdirSync(path.join(drive, 'subs'));
    const target = path.join(drive, 'subs', 'd.srt');
    writeFileSync(target, ORIGINAL);
    unmount(drive);
    const error = await saveError(target, EDITED);
    expect(error.message).toMatch(new RegExp(`^Could not save ${target}: the file or its folder no longer exists`));
    expect(error.message).toMatch(/reconnect the drive/);
    expect(error.message).not.toMatch(RAW_CODE);
  });
});

describe('saving where the file changed under us', () => {
  it('replaced by a folder: refused in words, the folder untouched', async () => {
    const dir = mkdtempSync(path.join(work, 'folder-'));
    const target = path.join(dir, 'e.srt');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside.txt'), 'keep');
    const error = await saveError(target, EDITED);
    expect(error.message).toMatch(new RegExp(`^Could not save ${target}: there is now a folder with that name\\.`));
    expect(error.message).not.toMatch(RAW_CODE);
    expect(readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('keep');
    expect(tempsIn(dir)).toEqual([]);
  });

  it('a read-only file: refused in words, the original kept', async () => {
    const dir = mkdtempSync(path.join(work, 'rofile-'));
    const target = path.join(dir, 'f.srt');
    writeFileSync(target, ORIGINAL, { mode: 0o444 });
    const error = await saveError(target, EDITED);
    expect(error.message).toMatch(new RegExp(`^Could not save ${target}: you do not have permission`));
    expect(error.message).not.toMatch(RAW_CODE);
    expect(readFileSync(target, 'utf8')).toBe(ORIGINAL);
  });

  it('a symlinked file is written through and stays a link', async () => {
    const dir = mkdtempSync(path.join(work, 'link-'));
    const real = path.join(dir, 'real.srt');
    const link = path.join(dir, 'link.srt');
    writeFileSync(real, ORIGINAL);
    symlinkSync(real, link);
    await writeSubtitleFile(link, EDITED, { encoding: 'utf-8', bom: false, backup: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(EDITED);
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe(ORIGINAL);
  });

  it('a dangling symlink (-o onto a link whose target does not exist yet) creates the target, keeps the link', async () => {
    const dir = mkdtempSync(path.join(work, 'dangling-'));
    mkdirSync(path.join(dir, 'out'));
    const link = path.join(dir, 'link.srt');
    symlinkSync('out/new.srt', link);
    await writeFileAtomic(link, EDITED);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('out/new.srt');
    expect(readFileSync(path.join(dir, 'out', 'new.srt'), 'utf8')).toBe(EDITED);
    // A link chain that dangles at its end works the same way.
    const second = path.join(dir, 'second.srt');
    symlinkSync('link.srt', second);
    await writeFileAtomic(second, ORIGINAL);
    expect(lstatSync(second).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'out', 'new.srt'), 'utf8')).toBe(ORIGINAL);
  });

  it('a dangling link into a folder that does not exist is refused in words, the link kept', async () => {
    const dir = mkdtempSync(path.join(work, 'dangling-missing-'));
    const link = path.join(dir, 'link.srt');
    symlinkSync('nowhere/new.srt', link);
    const error = await saveError(link, EDITED);
    expect(error.message).toMatch(/no longer exists/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a loop of links is refused in words', async () => {
    const dir = mkdtempSync(path.join(work, 'loop-'));
    symlinkSync('b.srt', path.join(dir, 'a.srt'));
    symlinkSync('a.srt', path.join(dir, 'b.srt'));
    const error = await saveError(path.join(dir, 'a.srt'), EDITED);
    expect(error.message).toMatch(/loop of symbolic links/);
    expect(error.message).not.toMatch(/ELOOP/);
  });
});

describe('errno codes in words', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the disk or folder is read-only'],
    ['EISDIR', 'there is now a folder with that name'],
    ['EIO', 'the disk reported a read/write error (a removed drive or a failing disk)'],
  ])('%s reads as "%s"', (code, words) => {
    const error = Object.assign(new Error(`${code}: something, open '/x/a.srt'`), { code });
    expect(describeFsError(error)).toBe(words);
    expect(saveFailureMessage('/x/a.srt', error)).not.toMatch(RAW_CODE);
  });

  it('an unknown code never shows the code', () => {
    const error = Object.assign(new Error('EWEIRD: odd'), { code: 'EWEIRD' });
    expect(saveFailureMessage('/x/a.srt', error)).toMatch(
      /^Could not save \/x\/a\.srt: the system reported an error\./,
    );
  });
});

describe('through the app services: the edits survive and Save As stays possible', () => {
  async function openInServices(target: string) {
    const queue: (string | null)[] = [];
    const services = createAppServices({
      dataDir: mkdtempSync(path.join(work, 'data-')),
      dialogs: {
        openFile: async () => null,
        saveFile: async () => queue.shift() ?? null,
        askUnsaved: async () => 'cancel',
      },
      appOrigin: { kind: 'http', origin: 'http://127.0.0.1:1' },
      log: () => undefined,
    });
    services.openFromCommandLine([target], work);
    const opened = await services.handlers.openDocument({ path: target });
    return { services, handle: opened.info.handle, queue };
  }

  it('a file deleted while open: conflict first (nothing written unasked), then Save writes it back', async () => {
    const dir = mkdtempSync(path.join(work, 'svc-deleted-'));
    const target = path.join(dir, 'd.srt');
    writeFileSync(target, ORIGINAL);
    const { services, handle } = await openInServices(target);
    rmSync(target);
    expect(await services.handlers.checkDocument({ handle })).toEqual({ changedOnDisk: true });
    expect(await services.handlers.saveDocument({ handle, text: EDITED })).toEqual({ status: 'conflict' });
    expect(readdirSync(dir)).toEqual([]);
    expect(await services.handlers.saveDocument({ handle, text: EDITED, overwrite: true })).toMatchObject({
      status: 'saved',
    });
    expect(readFileSync(target, 'utf8')).toBe(EDITED);
    expect(tempsIn(dir)).toEqual([]);
    await services.dispose();
  });

  it('a file replaced by a folder while open: conflict first, then a refusal in words, then Save As works', async () => {
    const dir = mkdtempSync(path.join(work, 'svc-folder-'));
    const target = path.join(dir, 'g.srt');
    writeFileSync(target, ORIGINAL);
    const { services, handle, queue } = await openInServices(target);
    rmSync(target);
    mkdirSync(target);
    expect(await services.handlers.saveDocument({ handle, text: EDITED })).toEqual({ status: 'conflict' });
    const refused = await services.handlers.saveDocument({ handle, text: EDITED, overwrite: true }).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    expect(refused?.code).toBe('write-failed');
    expect(refused?.message).toMatch(new RegExp(`^Could not save ${target}: there is now a folder with that name\\.`));
    const elsewhere = path.join(dir, 'g-copy.srt');
    queue.push(elsewhere);
    expect(await services.handlers.saveDocumentAs({ handle, text: EDITED })).toMatchObject({ status: 'saved' });
    expect(readFileSync(elsewhere, 'utf8')).toBe(EDITED);
    await services.dispose();
  });

  it.skipIf(!isRoot)(
    'disk full through the services: the message names the file; Save As elsewhere works',
    async () => {
      const full = path.join(work, 'svc-full');
      mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs'], full);
      const target = path.join(full, 'h.srt');
      writeFileSync(target, ORIGINAL);
      const { services, handle, queue } = await openInServices(target);
      try {
        writeFileSync(path.join(full, 'filler.bin'), Buffer.alloc(128 * 1024));
      } catch {
        // full
      }
      const refused = await services.handlers.saveDocument({ handle, text: EDITED }).then(
        () => null,
        (e: Error) => e,
      );
      expect(refused?.message).toMatch(new RegExp(`^Could not save ${target}: the disk is full\\.`));
      expect(readFileSync(target, 'utf8')).toBe(ORIGINAL);
      expect(tempsIn(full)).toEqual([]);
      const elsewhere = path.join(work, 'h-elsewhere.srt');
      queue.push(elsewhere);
      expect(await services.handlers.saveDocumentAs({ handle, text: EDITED })).toMatchObject({ status: 'saved' });
      expect(readFileSync(elsewhere, 'utf8')).toBe(EDITED);
      await services.dispose();
    },
  );
});
