/** Media bench cases: bare ffmpeg decode of the 1 h interview vs Cuewave peaks, cold and from the disk cache. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toolPath } from '../../src-main/services/media-tools';
import { computePeaks, ffmpegPcmArgs } from '../../src-main/services/peaks';
import { type BenchCase, median } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const LONG_AUDIO = path.join(FIXTURES, 'interview.ogg');
const RUNS_1H = 3;

/** Times of the bare decode runs in this process; the cold peaks case reports its ratio to their median. */
const decodeTimesMs: number[] = [];

/** ffmpeg decoding to the same PCM peaks use, stdout drained and discarded. */
async function bareDecode(): Promise<number> {
  const binary = await toolPath('ffmpeg');
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(binary, ffmpegPcmArgs(LONG_AUDIO), { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`))));
  });
  const elapsedMs = performance.now() - t0;
  decodeTimesMs.push(elapsedMs);
  return elapsedMs;
}

function decodeCase(): BenchCase {
  return {
    name: 'ffmpeg-decode-1h',
    tool: 'ffmpeg',
    runs: RUNS_1H,
    run: async () => {
      await bareDecode();
      return { args: ffmpegPcmArgs('interview.ogg').join(' ') };
    },
  };
}

function coldCase(): BenchCase {
  const coldTimesMs: number[] = [];
  return {
    name: 'peaks-1h-cold',
    tool: 'cuewave',
    runs: RUNS_1H,
    // Run alone, the case still needs a reference decode measured in this process.
    setup: async () => {
      while (decodeTimesMs.length < RUNS_1H) await bareDecode();
    },
    run: async () => {
      const t0 = performance.now();
      const peaks = await computePeaks(LONG_AUDIO);
      coldTimesMs.push(performance.now() - t0);
      const ratio = median(coldTimesMs) / median(decodeTimesMs);
      return {
        ratio_to_ffmpeg: Math.round(ratio * 1000) / 1000,
        ffmpeg_median_ms: Math.round(median(decodeTimesMs) * 100) / 100,
        pairs: peaks.length,
        pairs_per_sec: peaks.sampleRate / peaks.samplesPerPixel,
        levels: peaks.levels.length,
        duration_ms: peaks.durationMs,
      };
    },
  };
}

function warmCase(): BenchCase {
  let cacheDir = '';
  let runsLeft = RUNS_1H;
  return {
    name: 'peaks-1h-warm',
    tool: 'cuewave',
    runs: RUNS_1H,
    setup: async () => {
      cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cuewave-bench-peaks-'));
      await computePeaks(LONG_AUDIO, { cacheDir });
    },
    run: async () => {
      const peaks = await computePeaks(LONG_AUDIO, { cacheDir });
      return { pairs: peaks.length, cache_bytes: peaks.levels.reduce((sum, level) => sum + level.data.byteLength, 0) };
    },
    // The harness has no teardown hook: remove the temporary cache after the last run.
    after: () => {
      if (--runsLeft === 0) rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Decode first, so the cold case can compare against its median. */
export function cases(): BenchCase[] {
  return [decodeCase(), coldCase(), warmCase()];
}
