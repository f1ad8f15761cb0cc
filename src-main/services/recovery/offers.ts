/**
 * Recovery offers: journals of earlier runs as the renderer shows them (file, time of the last edit, number of
 * edits, whether the file changed on disk since), and the checks before a restore. A journal is data on disk that
 * anyone could have written: its path is used only when it is one of the user's recent files and still a regular
 * file (or gone), never to widen the renderer's access to something the user did not choose.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SubtitleDoc } from '../../../src-shared/document';
import { readSubtitle } from '../../../src-shared/formats/index';
import type { RecoveryEntry } from '../../../src-shared/ipc-contract';
import { type CueDifference, compareCues } from '../../../src-shared/journal';
import { displayName } from '../documents';
import { hasChangedOnDisk, readSubtitleFile } from '../files';
import { english, type Translate } from '../i18n';
import type { EditJournals, JournalSummary } from './edit-journal';

/** The offer for one journal (an untitled document named by `t`, default English). */
export async function offerOf(summary: JournalSummary, t: Translate = english): Promise<RecoveryEntry> {
  const changedOnDisk =
    summary.filePath !== null && summary.stamp !== null
      ? await hasChangedOnDisk(summary.filePath, summary.stamp).catch(() => true)
      : false;
  return {
    key: summary.key,
    name: summary.filePath === null ? t('main:document.untitled') : displayName(summary.filePath),
    path: summary.filePath,
    savedAtMs: summary.lastEditMs,
    edits: summary.edits,
    changedOnDisk,
    notes: summary.notes,
  };
}

/** Whether two paths name the same file (as the allow-list compares them). */
function samePath(a: string, b: string): boolean {
  const left = path.resolve(a);
  const right = path.resolve(b);
  return process.platform === 'win32' ? left.toLowerCase() === right.toLowerCase() : left === right;
}

export type PathCheck =
  | { ok: true; path: string; exists: boolean }
  | { ok: false; reason: 'not-recent' | 'not-a-file' | 'relative' };

/** Re-checks a journal's path before a restore: one of the recent files, and a regular file or nothing at all. */
export async function checkJournalPath(filePath: string, recentFiles: readonly string[]): Promise<PathCheck> {
  if (!path.isAbsolute(filePath) || filePath.includes('\0')) return { ok: false, reason: 'relative' };
  if (!recentFiles.some((recent) => samePath(recent, filePath))) return { ok: false, reason: 'not-recent' };
  const info = await stat(filePath).catch(() => null);
  if (info === null) return { ok: true, path: path.resolve(filePath), exists: false };
  return info.isFile() ? { ok: true, path: path.resolve(filePath), exists: true } : { ok: false, reason: 'not-a-file' };
}

/** Why a journal's path was not used, in words (worded by `t`, default English). */
export function pathRefusal(
  filePath: string,
  reason: 'not-recent' | 'not-a-file' | 'relative',
  t: Translate = english,
): string {
  const key = reason === 'not-recent' ? 'notRecent' : reason === 'not-a-file' ? 'notAFile' : 'relative';
  return t(`main:recovery.refused.${key}`, { path: filePath });
}

/** Compare: the cues where the journal's document differs from the file on disk, or from its base. */
export async function compareJournal(
  journals: EditJournals,
  key: string,
  recentFiles: readonly string[],
): Promise<{ against: 'disk' | 'base'; total: number; differences: CueDifference[] }> {
  const { doc, summary, base } = await journals.replay(key, { withBase: true });
  let disk: SubtitleDoc | null = null;
  if (summary.filePath !== null) {
    const check = await checkJournalPath(summary.filePath, recentFiles);
    if (check.ok && check.exists) {
      const file = await readSubtitleFile(check.path).catch(() => null);
      if (file) disk = readSubtitle(file.text).doc;
    }
  }
  const against = disk ? 'disk' : 'base';
  const other = disk ?? (base as SubtitleDoc);
  return { against, ...compareCues(other.cues, doc.cues, 1000) };
}
