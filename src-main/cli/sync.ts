/** `cuewave sync FILE --audio MEDIA (-o OUT | --in-place)`: estimate offset and drift from the speech, then apply them. */
import { History } from '../../src-shared/history';
import { planSync } from '../../src-shared/sync/apply';
import { CONFIDENT, estimateSync, SYNC_SPEECH_OPTIONS, type SyncEstimate } from '../../src-shared/sync/estimate';
import { formatDuration, parseDuration } from '../../src-shared/time';
import { appDataDir, peaksCacheDir } from '../services/paths';
import { speechActivity } from '../services/speech';
import { onePositional, outputOption, parseArgs, UsageError } from './args';
import { type CliIo, decodeProgress } from './io';
import { loadSubtitle, outputTarget, reportLoadWarnings, saveSubtitle } from './subtitle-io';

const VALUED = ['--audio', '--max-offset', '--max-drift', '--min-confidence', '-o', '--out'];
const BOOLEANS = ['--in-place', '--no-drift', '--no-frame-rates', '--no-cache', '--json'];

export async function runSync(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, VALUED, BOOLEANS);
  const file = onePositional(args, 'FILE');
  const audio = args.options.get('--audio');
  if (audio === undefined) throw new UsageError('missing --audio MEDIA (the video or audio the subtitles belong to)');
  const options = {
    maxOffsetMs: maxOffsetOption(args.options.get('--max-offset')),
    maxDrift: maxDriftOption(args.options.get('--max-drift')),
    fitDrift: !args.flags.has('--no-drift'),
    frameRates: !args.flags.has('--no-frame-rates'),
  };
  const minConfidence = minConfidenceOption(args.options.get('--min-confidence'));
  const target = outputTarget(file, outputOption(args), args.flags.has('--in-place'));

  const loaded = await loadSubtitle(file);
  reportLoadWarnings(loaded, io);
  const speech = await speechActivity(audio, {
    ...(args.flags.has('--no-cache') ? {} : { cacheDir: peaksCacheDir(appDataDir()) }),
    onProgress: decodeProgress(io, 'sync: reading audio'),
    speech: SYNC_SPEECH_OPTIONS,
  });
  io.err(`sync: ${speech.segments.length} speech segments in ${formatDuration(speech.durationMs).slice(1)} of audio\n`);
  const estimate = estimateSync(loaded.doc.cues, speech, options);
  io.out(args.flags.has('--json') ? `${JSON.stringify(summary(estimate))}\n` : describe(estimate));
  if (estimate.confidence < minConfidence) {
    const why = estimate.problem ?? 'the evidence is weaker than --min-confidence asks';
    io.err(
      `cuewave sync: no confident estimate (confidence ${estimate.confidence.toFixed(2)}, need ${minConfidence}): ${why}; nothing written\n`,
    );
    return 2;
  }
  const plan = planSync(loaded.doc, estimate);
  new History(loaded.doc).execute(plan.command);
  await saveSubtitle(loaded, target);
  if (!args.flags.has('--json')) io.out(`moved ${plan.changes.length} cues; wrote ${target.path}\n`);
  if (plan.clampedIds.length > 0) {
    io.err(`${file}: ${plan.clampedIds.length} cues would have started before 00:00:00,000 and were clamped to 0\n`);
  }
  return 0;
}

/** Human-readable estimate: the offset at time 0, the drift, and the evidence behind them. */
function describe(estimate: SyncEstimate): string {
  const agreeing = estimate.windows.filter((w) => w.inlier).length;
  const drift = `${estimate.driftPercent >= 0 ? '+' : ''}${estimate.driftPercent.toFixed(4)} %`;
  const frameRate =
    estimate.frameRateRatio === 1 ? '' : ` (frame-rate mismatch, ratio ${estimate.frameRateRatio.toFixed(4)})`;
  return [
    `offset: ${formatDuration(estimate.offsetMs)} (new = old * ${estimate.scale.toFixed(7)} ${estimate.offsetMs < 0 ? '-' : '+'} ${Math.abs(estimate.offsetMs).toFixed(1)} ms)`,
    `drift: ${drift}${frameRate}`,
    `confidence: ${estimate.confidence.toFixed(2)} (${agreeing} of ${estimate.windows.length} windows agree; ` +
      `${Math.round(estimate.onsetMatchShare * 100)} % of cue starts on speech onsets)`,
    '',
  ].join('\n');
}

/** The estimate's figures for --json. */
function summary(estimate: SyncEstimate): Record<string, unknown> {
  return {
    offsetMs: Math.round(estimate.offsetMs * 10) / 10,
    scale: estimate.scale,
    driftPercent: estimate.driftPercent,
    confidence: Math.round(estimate.confidence * 1000) / 1000,
    onsetMatchShare: Math.round(estimate.onsetMatchShare * 1000) / 1000,
    refined: estimate.refined,
    frameRateRatio: estimate.frameRateRatio,
    windows: estimate.windows.length,
    agreeingWindows: estimate.windows.filter((w) => w.inlier).length,
    problem: estimate.problem,
  };
}

function maxOffsetOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new UsageError(`--max-offset ${text}: not a positive duration (e.g. 90s, 2m)`);
  return ms;
}

/** `--max-drift 1` or `1%`: percent, as a fraction. */
function maxDriftOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const percent = Number(text.replace(/%$/, ''));
  if (!Number.isFinite(percent) || percent < 0 || percent > 10) {
    throw new UsageError(`--max-drift ${text}: a percentage from 0 to 10 (e.g. 1 or 0.5%)`);
  }
  return percent / 100;
}

function minConfidenceOption(text: string | undefined): number {
  if (text === undefined) return CONFIDENT;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--min-confidence ${text}: a number from 0 to 1`);
  }
  return value;
}
