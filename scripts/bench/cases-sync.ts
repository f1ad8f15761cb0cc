/** Sync bench cases: `cuewave sync` of interview-drift.srt against the 1 h interview, with and without the peaks cache. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src-main/cli';
import { DATA_DIR_ENV, peaksCacheDir } from '../../src-main/services/paths';
import { computePeaks } from '../../src-main/services/peaks';
import { readSrt } from '../../src-shared/srt';
import { readCues, startErrors } from '../../tests/support/realistic/evaluate';
import { type CaseSpec, type GeneratedCase, generateCase, standardCases } from '../../tests/support/realistic/generate';
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

/** Where the realistic cases are generated (kept between bench runs: generation is deterministic). */
const REALISTIC_DIR = path.join(os.tmpdir(), 'cuewave-bench-realistic');

/** The 2-hour speed case: a 95 s offset over two hours of generated programme. */
const TWO_HOURS: CaseSpec = {
  name: '2h',
  durationMs: 120 * 60_000,
  damage: { kind: 'offset', offsetMs: 95_000 },
  seed: 113,
};

/**
 * A case generated in this bench run (the detectors' rows share it), or an earlier run's folder when its truth.json
 * has the same spec (generation is deterministic: a function of the spec).
 */
const generated = new Map<string, GeneratedCase>();
function generatedOnce(spec: CaseSpec): GeneratedCase {
  const known = generated.get(spec.name);
  if (known) return known;
  const dir = path.join(REALISTIC_DIR, spec.name);
  let made: GeneratedCase | null = null;
  try {
    const stored = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as {
      spec: CaseSpec;
      snrDb: number;
      mustRefuse: boolean;
      truth: GeneratedCase['truth'];
    };
    if (JSON.stringify(stored.spec) === JSON.stringify(spec) && existsSync(path.join(dir, 'audio.wav'))) {
      made = {
        spec,
        dir,
        audioPath: path.join(dir, 'audio.wav'),
        trueSrtPath: path.join(dir, 'true.srt'),
        damagedSrtPath: path.join(dir, 'damaged.srt'),
        truthPath: path.join(dir, 'truth.json'),
        truth: stored.truth,
        voiceSpans: [],
        mustRefuse: stored.mustRefuse,
        snrDb: stored.snrDb,
      };
    }
  } catch {
    made = null;
  }
  made ??= generateCase(spec, dir);
  generated.set(spec.name, made);
  return made;
}

/** The speech detectors compared per case (`--vad`): auto is the default, energy and silero forced. */
const DETECTORS = ['auto', 'energy', 'silero'] as const;

/**
 * One realistic case (tests/support/realistic) heard by one detector: the whole cold CLI run (`--no-cache`: decode,
 * speech detection, alignment, writing), then the cue-start errors of the output against the truth.
 */
function realisticCase(spec: CaseSpec, vad: (typeof DETECTORS)[number]): BenchCase {
  let made: GeneratedCase | null = null;
  return {
    name: `sync-realistic-${spec.name}${vad === 'auto' ? '' : `-${vad}`}`,
    tool: 'cuewave',
    runs: 1,
    setup: () => {
      made = generatedOnce(spec);
    },
    run: async () => {
      const c = made as GeneratedCase;
      const out = path.join(c.dir, 'synced.srt');
      rmSync(out, { force: true });
      let stdout = '';
      const argv = ['sync', c.damagedSrtPath, '--audio', c.audioPath, '-o', out, '--json', '--no-cache', '--vad', vad];
      const code = await runCli(argv, { out: (t) => (stdout += t), err: () => {} });
      const report = JSON.parse(stdout) as {
        confidence: number;
        estimatedErrorMs: number;
        pieces: unknown[];
        detector: string | null;
      };
      const refused = code !== 0;
      const errors = refused ? null : startErrors(readCues(out), c.truth);
      return {
        cues: c.truth.length,
        detector: report.detector,
        snr_db: Math.round(c.snrDb * 10) / 10,
        must_refuse: c.mustRefuse,
        refused,
        correct: refused === c.mustRefuse,
        pieces: report.pieces.length,
        confidence: report.confidence,
        estimated_error_ms: report.estimatedErrorMs,
        start_error_median_ms: errors?.medianMs ?? null,
        start_error_p95_ms: errors?.p95Ms ?? null,
        start_error_max_ms: errors ? Math.round(errors.maxMs) : null,
        within_100ms: errors ? Math.round(errors.within100 * 1000) / 1000 : null,
      };
    },
  };
}

/** Cold (decode with ffmpeg every run) and warm (peaks from the disk cache); the realistic set. */
export function cases(): BenchCase[] {
  return [
    syncCase('sync-1h-cold', RUNS_COLD, false),
    syncCase('sync-1h-warm', RUNS_WARM, true),
    ...standardCases().flatMap((spec) => DETECTORS.map((vad) => realisticCase(spec, vad))),
    ...DETECTORS.map((vad) => realisticCase(TWO_HOURS, vad)),
  ];
}
