/** Crash-safe file replacement (temp file, fsync, rename, directory fsync), `.bak` copies, stale temp cleanup, corrupt-file set-aside. */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
  type FileHandle,
  lstat,
  open,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Copy the current file to `FILE.bak` (atomically too) before replacing it. */
  backup?: boolean;
  /** Permission bits for the new file; default: the replaced file's, or 0o666 minus umask for a new file. */
  mode?: number;
}

/** `.NAME.cuewave-PID-RANDOM.tmp`; older builds and hand-made names may lack the PID. */
const TEMP_NAME = /^\.(.+)\.cuewave-(?:(\d+)-)?[0-9a-z]+\.tmp$/;
/** Longest part of the target's name kept in a temp name, so the temp name stays under 255 bytes. */
const TEMP_BASE_MAX = 160;
/** A temp file of a live process younger than this is left alone: it may be mid-write. */
const LIVE_TEMP_MAX_AGE_MS = 10 * 60 * 1000;
/** Directory fsync errors that only mean "not supported here" (Windows, some network file systems). */
const DIR_SYNC_UNSUPPORTED = new Set(['EINVAL', 'EPERM', 'EISDIR', 'EBADF', 'EACCES', 'ENOTSUP', 'ENOSYS']);
/** Rename errors Windows reports while a virus scanner or indexer briefly holds the target. */
const RENAME_TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_ATTEMPTS = 8;

/** Temp files this process is writing right now; cleanStaleTemps never touches them. */
const inFlight = new Set<string>();

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** The `.bak` path kept beside a file. */
export function backupPath(filePath: string): string {
  return `${filePath}.bak`;
}

/** Whether a file name is one of our temp files (to hide it from listings, or clean it). */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** The start of every temp name made for `target` (`.NAME.cuewave-`), for cleaners that must touch nothing else. */
export function tempNamePrefix(target: string): string {
  return `.${path.basename(target).slice(0, TEMP_BASE_MAX)}.cuewave-`;
}

/** A fresh temp path in the target's folder (same file system, so the rename is atomic). */
export function tempPathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `${tempNamePrefix(target)}${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
}

async function statOrNull(filePath: string): Promise<Stats | null> {
  try {
    return await stat(filePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Longest chain of symbolic links followed (as Linux's MAXSYMLINKS). */
const MAX_LINK_DEPTH = 40;

/**
 * Writing through a symlink replaces the file it points to, never the link. A dangling link (its target does not
 * exist yet, e.g. `-o link.srt` where the link names a file to be created) is written through too: the new file is
 * created where the link points, so the link stays a link. A loop of links is refused (ELOOP).
 */
async function resolveTarget(filePath: string): Promise<string> {
  let current = path.resolve(filePath);
  for (let depth = 0; depth <= MAX_LINK_DEPTH; depth++) {
    let info: Stats;
    try {
      info = await lstat(current);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return current;
      throw error;
    }
    if (!info.isSymbolicLink()) return depth === 0 ? current : await realpathOfParent(current);
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`ELOOP: too many symbolic links, '${filePath}'`), { code: 'ELOOP' });
}

/** `dir/name` with `dir` resolved to its real path (so the temp file lands on the target's file system). */
async function realpathOfParent(filePath: string): Promise<string> {
  try {
    return path.join(await realpath(path.dirname(filePath)), path.basename(filePath));
  } catch {
    return filePath;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const transient = process.platform === 'win32' && RENAME_TRANSIENT.has(errorCode(error) ?? '');
      if (!transient || attempt >= RENAME_ATTEMPTS) throw error;
      await delay(attempt * 15);
    }
  }
}

/** Best effort: keeps the replaced file's permission bits and owner; file systems that cannot (FAT, SMB) just don't. */
async function copyMetadata(handle: FileHandle, mode: number | undefined, owner: Stats | null): Promise<void> {
  if (mode !== undefined) await handle.chmod(mode).catch(() => undefined);
  if (owner && process.platform !== 'win32' && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) {
    await handle.chown(owner.uid, owner.gid).catch(() => undefined);
  }
}

/** Writes `bytes` to a temp file beside `target`, flushes it to disk, then renames it over `target`. */
async function replaceFile(target: string, bytes: Uint8Array, mode: number | undefined, owner: Stats | null) {
  const temp = tempPathFor(target);
  inFlight.add(temp);
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, 'wx', mode ?? 0o666);
    await copyMetadata(handle, mode, owner);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await renameWithRetry(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  // After the rename: makes the new directory entry itself durable.
  await syncDirectory(path.dirname(target));
}

/**
 * Replaces `filePath` with `data` so that a crash at any moment leaves either the old or the new
 * content, never a mix: temp file in the same folder, write, fsync, rename, fsync the folder.
 * Keeps the original's mode; refuses a read-only file (EACCES); removes the temp file on error.
 */
export async function writeFileAtomic(
  filePath: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = await resolveTarget(filePath);
  const existing = await statOrNull(target);
  if (existing?.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: cannot replace a folder with a file, '${target}'`), { code: 'EISDIR' });
  }
  if (existing && (existing.mode & 0o222) === 0) {
    throw Object.assign(new Error(`EACCES: file is read-only, '${target}'`), { code: 'EACCES' });
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const mode = options.mode ?? (existing ? existing.mode & 0o7777 : undefined);
  if (options.backup && existing?.isFile()) {
    await replaceFile(backupPath(target), await readFile(target), existing.mode & 0o7777, existing);
  }
  await replaceFile(target, bytes, mode, existing);
}

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes temp files a crashed save left in `dir` and returns their paths. Skips temps this
 * process is writing, and recent ones of other live processes (another window may be saving).
 */
export async function cleanStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const full = path.join(dir, name);
    if (inFlight.has(full)) continue;
    const pid = match[2] === undefined ? null : Number(match[2]);
    if (pid !== null && pid !== process.pid && isProcessAlive(pid)) {
      const info = await statOrNull(full);
      if (info && Date.now() - info.mtimeMs < LIVE_TEMP_MAX_AGE_MS) continue;
    }
    try {
      await unlink(full);
      removed.push(full);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  return removed;
}

/** A file-name-safe timestamp: `2024-05-01T12-30-45-123Z`. */
export function fileTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames a damaged file out of the way (`settings.json` -> `settings.json.corrupt-2024-05-01T12-30-45-123Z`)
 * so it is kept for inspection but never read again; returns the new path.
 */
export async function setAside(filePath: string, label = 'corrupt', now: Date = new Date()): Promise<string> {
  const base = `${filePath}.${label}-${fileTimestamp(now)}`;
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`;
    if ((await statOrNull(candidate)) !== null) continue;
    await rename(filePath, candidate);
    return candidate;
  }
}
