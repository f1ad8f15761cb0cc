// Start-up cleanup of crashed saves' temp files: only our temps of recently used files, older than this start,
// whose process is gone; everything else survives.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanSaveTemps, isProcessAlive, tempCleanupNotice } from '../../src-main/services/temp-cleanup';

const work = mkdtempSync(path.join(tmpdir(), 'cuewave-temp-cleanup-'));
const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
afterAll(() => {
  sleeper.kill();
  rmSync(work, { recursive: true, force: true });
});

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync('true');
  expect(isProcessAlive(child.pid as number)).toBe(false);
  return child.pid as number;
}

const HOUR_AGO_S = Date.now() / 1000 - 3600;

function make(dir: string, name: string, ageSeconds: number | null = HOUR_AGO_S): string {
  const full = path.join(dir, name);
  writeFileSync(full, 'partial save');
  if (ageSeconds !== null) utimesSync(full, ageSeconds, ageSeconds);
  return full;
}

describe('cleanSaveTemps', () => {
  it('removes the stale temp of a recent file whose process is gone, and nothing else', async () => {
    const dir = path.join(work, 'mixed');
    mkdirSync(dir);
    const recent = make(dir, 'episode.srt');
    const dead = deadPid();
    const live = sleeper.pid as number;
    const stale = make(dir, `.episode.srt.cuewave-${dead}-0a1b2c3d4e5f.tmp`);
    const survivors = [
      // A live process's save (another window may be writing it right now).
      make(dir, `.episode.srt.cuewave-${live}-0a1b2c3d4e5f.tmp`),
      // Written after this run started.
      make(dir, `.episode.srt.cuewave-${dead}-ffffffffffff.tmp`, null),
      // Similar names that are not ours.
      make(dir, `episode.srt.cuewave-${dead}-0a1b2c3d4e5f.tmp`),
      make(dir, `.episode.srt.cuewave-notes.tmp`),
      make(dir, `.episode.srt.cuewave-${dead}-0a1b2c3d4e5f.tmp.keep`),
      make(dir, `.episode.srt.cuewave-${dead}-NOTHEX.tmp`),
      // A temp of a file that is not in the recent list.
      make(dir, `.other.srt.cuewave-${dead}-0a1b2c3d4e5f.tmp`),
      recent,
    ];
    const startedAtMs = Date.now() - 1000;
    const removed = await cleanSaveTemps({ files: [recent], startedAtMs });
    expect(removed).toEqual([stale]);
    expect(existsSync(stale)).toBe(false);
    for (const file of survivors) expect(existsSync(file), file).toBe(true);
  });

  it('never follows or removes a symlink or a folder with a temp-like name', async () => {
    const dir = path.join(work, 'links');
    mkdirSync(dir);
    const target = make(work, 'precious.txt');
    const recent = path.join(dir, 'a.srt');
    const dead = deadPid();
    symlinkSync(target, path.join(dir, `.a.srt.cuewave-${dead}-0a1b2c3d4e5f.tmp`));
    mkdirSync(path.join(dir, `.a.srt.cuewave-${dead}-aaaaaaaaaaaa.tmp`));
    expect(await cleanSaveTemps({ files: [recent], startedAtMs: Date.now() })).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(existsSync(target)).toBe(true);
  });

  it('skips folders that are gone and relative paths without failing', async () => {
    const removed = await cleanSaveTemps({
      files: [path.join(work, 'missing', 'x.srt'), 'relative.srt'],
      startedAtMs: Date.now(),
    });
    expect(removed).toEqual([]);
  });

  it('says what it removed in words', () => {
    expect(tempCleanupNotice([])).toBeNull();
    expect(tempCleanupNotice(['/x/.a.srt.cuewave-1-abcdef.tmp'])).toBe(
      'Removed a temporary file left by a save that was interrupted (/x/.a.srt.cuewave-1-abcdef.tmp). ' +
        'Your subtitle files were not touched; nothing needs to be done.',
    );
  });
});
