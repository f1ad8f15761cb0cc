/**
 * Start-up cleanup of temp files a crashed save left beside the user's files (`.NAME.cuewave-PID-RANDOM.tmp`).
 * Only a temp of one of the given files is removed, and only when it is older than this start and the process
 * named in it is gone: a foreign file with a similar name, another window's save in progress and a temp written
 * after we started all survive.
 */
import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { tempNamePrefix } from './atomic-write';
import { errnoCode } from './fs-errors';
import { english, type Translate } from './i18n';

/** `PID-RANDOM.tmp`, after the `.NAME.cuewave-` prefix of the file it belongs to. */
const TEMP_SUFFIX = /^(\d+)-[0-9a-f]{6,32}\.tmp$/;

export interface TempCleanupOptions {
  /** Files the user worked on (the recent-files list): only their temps are candidates. */
  files: readonly string[];
  /** When this run started: a temp modified at or after it may belong to a save in progress. */
  startedAtMs: number;
  /** Whether a process id is running (injectable for tests); default: `process.kill(pid, 0)`. */
  isProcessAlive?: (pid: number) => boolean;
}

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

/** Removes stale save temps beside `files`; returns the removed paths. Never throws: a folder it cannot read is skipped. */
export async function cleanSaveTemps(options: TempCleanupOptions): Promise<string[]> {
  const alive = options.isProcessAlive ?? isProcessAlive;
  // Folder -> the temp-name prefixes of the files in it.
  const byFolder = new Map<string, Set<string>>();
  for (const file of options.files) {
    if (!path.isAbsolute(file)) continue;
    const folder = path.dirname(file);
    const prefixes = byFolder.get(folder) ?? new Set<string>();
    byFolder.set(folder, prefixes);
    prefixes.add(tempNamePrefix(file));
  }
  const removed: string[] = [];
  for (const [folder, prefixes] of byFolder) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const prefix = [...prefixes].find((p) => name.startsWith(p));
      if (prefix === undefined) continue;
      const suffix = TEMP_SUFFIX.exec(name.slice(prefix.length));
      if (!suffix) continue;
      const pid = Number(suffix[1]);
      if (pid === process.pid || alive(pid)) continue;
      const full = path.join(folder, name);
      try {
        const info = await lstat(full);
        // A regular file only (never a link or a folder), and one that existed before this run started.
        if (!info.isFile() || info.mtimeMs >= options.startedAtMs) continue;
        await unlink(full);
        removed.push(full);
      } catch {
        // Gone already, or not ours to remove: leave it.
      }
    }
  }
  return removed;
}

/** The start-up notice for removed temps, or null when there were none (worded by `t`, default English). */
export function tempCleanupNotice(removed: readonly string[], t: Translate = english): string | null {
  if (removed.length === 0) return null;
  const list = removed.slice(0, 5).join(', ');
  const files = removed.length > 5 ? t('main:tempCleanup.more', { files: list, count: removed.length - 5 }) : list;
  return t('main:tempCleanup.removed', { count: removed.length, files });
}
