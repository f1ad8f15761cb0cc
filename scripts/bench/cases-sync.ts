/** Sync bench cases: `cuewave sync` of interview-drift.srt against the 1 h interview, with and without the peaks cache. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src-main/cli';
import { DATA_DIR_ENV, peaksCacheDir } from '../../src-main/services/paths';
import { computePeaks } from '../../src-main/services/peaks';
import { readSrt } from '../../src-shared/srt';
import type { BenchCase } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const AUDIO = path.join(FIXTURES, 'interview.ogg');
const INPUT = path.join(FIXTURES, 'interview-drift.srt');
const REFERENCE = path.join(FIXTURES, 'interview.srt');
const RUNS_COLD = 3;
const RUNS_WARM = 5;

interface SyncState {
  dataDir: string;
  out: string;
  runsLeft: number;
}

/** Runs the CLI with the data folder pointed at `dataDir` (restored after), failing loudly on a non-zero exit. */
async function syncOnce(state: SyncState, extra: string[]): Promise<Record<string, unknown>> {
  const previous = process.env[DATA_DIR_ENV];
  process.env[DATA_DIR_ENV] = state.dataDir;
  let stdout = '';
  let stderr = '';
  try {
    const argv = ['sync', INPUT, '--audio', AUDIO, '-o', state.out, '--json', ...extra];
    const code = await runCli(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
    if (code !== 0) throw new Error(`cuewave sync exited ${code}: ${stderr}`);
  } finally {
    if (previous === undefined) delete process.env[DATA_DIR_ENV];
    else process.env[DATA_DIR_ENV] = previous;
  }
  const estimate = JSON.parse(stdout) as { offsetMs: number; scale: number; confidence: number };
  return {
    ...accuracy(state.out),
    offset_ms: estimate.offsetMs,
    scale: estimate.scale,
    confidence: estimate.confidence,
  };
}

/** Median and 95th percentile of |synced start - original start| over all cues. */
function accuracy(outFile: string): { start_error_median_ms: number; start_error_p95_ms: number } {
  const synced = readSrt(readFileSync(outFile, 'utf8')).doc.cues;
  const original = readSrt(readFileSync(REFERENCE, 'utf8')).doc.cues;
  const errors = synced
    .map((cue, i) => Math.abs(cue.startMs - (original[i]?.startMs ?? Number.NaN)))
    .sort((a, b) => a - b);
  const rank = (q: number) => errors[Math.min(errors.length - 1, Math.floor(q * errors.length))] as number;
  return { start_error_median_ms: rank(0.5), start_error_p95_ms: rank(0.95) };
}

function syncCase(name: string, runs: number, warm: boolean): BenchCase {
  const state: SyncState = { dataDir: '', out: '', runsLeft: runs };
  return {
    name,
    tool: 'cuewave',
    runs,
    setup: async () => {
      state.dataDir = mkdtempSync(path.join(os.tmpdir(), 'cuewave-bench-sync-'));
      state.out = path.join(state.dataDir, 'synced.srt');
      if (warm) await computePeaks(AUDIO, { cacheDir: peaksCacheDir(state.dataDir) });
    },
    // Cold runs skip the cache entirely, so every run decodes the audio.
    run: () => syncOnce(state, warm ? [] : ['--no-cache']),
    after: () => {
      if (--state.runsLeft === 0) rmSync(state.dataDir, { recursive: true, force: true });
    },
  };
}

/** Cold (decode with ffmpeg every run) and warm (peaks from the disk cache). */
export function cases(): BenchCase[] {
  return [syncCase('sync-1h-cold', RUNS_COLD, false), syncCase('sync-1h-warm', RUNS_WARM, true)];
}
