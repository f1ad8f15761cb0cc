/**
 * Shot changes of a video: ffmpeg scene detection (`select='gt(scene,0.3)',showinfo` on a downscaled copy of the
 * first video stream), parsed by src-shared/shots.ts and cached on disk beside the peaks as a small JSON file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseShowinfo, SHOT_THRESHOLD } from '../../src-shared/shots';
import { requireFile } from './media-probe';
import { lastErrorLine, mediaError, mediaReason, toolPath } from './media-tools';
import { ffmpegExit } from './pcm-stream';
import { abortError } from './peaks';
import type { PeaksSource } from './peaks-cache';

/** Bump when the detection changes, so old cache entries stop matching. */
export const SHOTS_CACHE_VERSION = 1;
/** Frames are scaled to this width before scoring: scene scores barely change, decoding gets much cheaper. */
const SCORE_WIDTH = 320;

export interface DetectShotsOptions {
  /** Scene score above which a frame starts a shot (default 0.3). */
  threshold?: number;
  signal?: AbortSignal;
  /** Folder of the cache (the peaks cache folder); no caching without it. */
  cacheDir?: string;
}

export interface ShotsResult {
  /** Shot-change times in ms, ascending; empty for audio-only media. */
  shotsMs: number[];
  hasVideo: boolean;
  fromCache: boolean;
}

/** ffmpeg arguments that print one showinfo line per frame starting a new shot. */
export function sceneArgs(filePath: string, threshold: number): string[] {
  return [
    ['-hide_banner', '-nostdin', '-nostats', '-i', filePath, '-map', '0:v:0', '-an', '-sn', '-dn'],
    ['-vf', `scale=${SCORE_WIDTH}:-2,select='gt(scene,${threshold})',showinfo`, '-f', 'null', '-'],
  ].flat();
}

function cacheFileOf(cacheDir: string, source: PeaksSource, threshold: number): string {
  const fields = [SHOTS_CACHE_VERSION, source.path, source.sizeBytes, source.mtimeMs, threshold];
  return path.join(cacheDir, `${createHash('sha1').update(fields.join('\0')).digest('hex')}.shots.json`);
}

async function readCache(file: string, source: PeaksSource): Promise<Omit<ShotsResult, 'fromCache'> | null> {
  try {
    const entry = JSON.parse(await readFile(file, 'utf8')) as {
      version?: unknown;
      source?: PeaksSource;
      hasVideo?: unknown;
      shotsMs?: unknown;
    };
    const s = entry.source;
    if (entry.version !== SHOTS_CACHE_VERSION || s?.path !== source.path) return null;
    if (s.sizeBytes !== source.sizeBytes || s.mtimeMs !== source.mtimeMs || typeof entry.hasVideo !== 'boolean')
      return null;
    const shots = entry.shotsMs;
    if (!Array.isArray(shots) || !shots.every((ms) => Number.isInteger(ms) && ms >= 0)) return null;
    return { shotsMs: shots as number[], hasVideo: entry.hasVideo };
  } catch {
    return null;
  }
}

async function writeCache(file: string, source: PeaksSource, result: Omit<ShotsResult, 'fromCache'>) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, JSON.stringify({ version: SHOTS_CACHE_VERSION, source, ...result }));
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** Runs the scene filter and collects the showinfo lines (only those: a film prints little else with -nostats). */
async function runScene(filePath: string, threshold: number, signal: AbortSignal | undefined) {
  const binary = await toolPath('ffmpeg');
  if (signal?.aborted) throw abortError(signal);
  const child = spawn(binary, sceneArgs(filePath, threshold), {
    stdio: ['ignore', 'ignore', 'pipe'],
    windowsHide: true,
  });
  const kept: string[] = [];
  let tail = '';
  let partial = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('Parsed_showinfo') && line.includes('pts_time')) kept.push(line);
      else if (!line.includes('Parsed_showinfo')) tail = `${tail}${line}\n`.slice(-16_384);
    }
  });
  const exitCode = await ffmpegExit(child, filePath, signal);
  tail += partial;
  return { exitCode, showinfo: kept.join('\n'), stderr: tail };
}

/** The container start time from ffmpeg's `Duration: ..., start: 0.023220` banner, in ms. */
function startMsOf(stderr: string): number {
  const match = /Duration: [^,]*, start: (-?\d+(?:\.\d+)?)/.exec(stderr);
  return match ? Number(match[1]) * 1000 : 0;
}

/**
 * Shot changes of a media file's first video stream (times on the media clock, ms). Audio-only media gives no
 * shots (not an error). With `cacheDir`, an entry for the same path, size, mtime and threshold is returned
 * without decoding. Rejects with MediaError (unreadable file, decode failure) or AbortError.
 */
export async function detectShots(filePath: string, options: DetectShotsOptions = {}): Promise<ShotsResult> {
  const { signal, cacheDir } = options;
  const threshold = options.threshold ?? SHOT_THRESHOLD;
  if (signal?.aborted) throw abortError(signal);
  const absolute = path.resolve(filePath);
  const info = await requireFile(absolute);
  const source: PeaksSource = { path: absolute, sizeBytes: info.size, mtimeMs: info.mtimeMs };
  const cacheFile = cacheDir ? cacheFileOf(cacheDir, source, threshold) : undefined;
  if (cacheFile) {
    const cached = await readCache(cacheFile, source);
    if (cached) return { ...cached, fromCache: true };
  }
  const run = await runScene(absolute, threshold, signal);
  let result: Omit<ShotsResult, 'fromCache'>;
  if (run.exitCode !== 0 && /matches no streams|does not contain any stream/.test(run.stderr)) {
    result = { shotsMs: [], hasVideo: false };
  } else if (run.exitCode !== 0) {
    const reason = /Invalid data found/.test(run.stderr)
      ? mediaReason('notMediaFfmpeg')
      : mediaReason('sceneFailed', { code: String(run.exitCode), detail: lastErrorLine(run.stderr) });
    throw mediaError('DECODE_FAILED', absolute, reason);
  } else {
    result = { shotsMs: parseShowinfo(run.showinfo, startMsOf(run.stderr)), hasVideo: true };
  }
  if (cacheFile) await writeCache(cacheFile, source, result).catch(() => {});
  return { ...result, fromCache: false };
}
