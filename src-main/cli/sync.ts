/**
 * `cuewave sync FILE (--audio MEDIA | --reference REF.srt) (-o OUT | --in-place)`: the piecewise time map from the
 * speech of the media (or the cues of a correctly timed subtitle), applied as one edit; refuses (writing nothing)
 * when the subtitles do not match.
 */
import { History } from '../../src-shared/history';
import { inEnglish, msg } from '../../src-shared/messages';
import { ALIGN_CONFIDENT, type Alignment, alignCues } from '../../src-shared/sync/align';
import { estimateSync, SYNC_SPEECH_OPTIONS } from '../../src-shared/sync/estimate';
import { planAlignment } from '../../src-shared/sync/pieces';
import { formatDuration, parseDuration } from '../../src-shared/time';
import { appDataDir, peaksCacheDir } from '../services/paths';
import { detectSpeechOf, VAD_MODES, type VadMode } from '../services/vad';
import { onePositional, outputOption, parseArgs, usage } from './args';
import { type CliIo, decodeProgress } from './io';
import { type Speaker, words } from './say';
import { loadSubtitle, outputTarget, reportLoadWarnings, saveSubtitle } from './subtitle-io';

const VALUED = [
  '--audio',
  '--reference',
  '--max-offset',
  '--max-drift',
  '--max-splits',
  '--split-penalty',
  '--min-confidence',
  '--vad',
  '-o',
  '--out',
];
const BOOLEANS = ['--in-place', '--no-drift', '--no-frame-rates', '--no-cache', '--json'];

export async function runSync(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, VALUED, BOOLEANS);
  const file = onePositional(args, 'FILE');
  const audio = args.options.get('--audio');
  const referencePath = args.options.get('--reference');
  if (audio === undefined && referencePath === undefined) {
    throw usage('sync.missingTarget');
  }
  if (audio !== undefined && referencePath !== undefined) throw usage('sync.audioOrReference');
  const maxDrift = maxDriftOption(args.options.get('--max-drift'));
  const fitDrift = !args.flags.has('--no-drift');
  const options = {
    maxOffsetMs: maxOffsetOption(args.options.get('--max-offset')),
    fitDrift,
    frameRates: !args.flags.has('--no-frame-rates'),
    maxSplits: countOption('--max-splits', args.options.get('--max-splits'), 0, 100),
    splitPenaltyMs: countOption('--split-penalty', args.options.get('--split-penalty'), 0, 10_000_000),
    target: referencePath === undefined ? ('speech' as const) : ('reference' as const),
  };
  const minConfidence = minConfidenceOption(args.options.get('--min-confidence'));
  const vad = vadOption(args.options.get('--vad'));
  const target = outputTarget(file, outputOption(args), args.flags.has('--in-place'));

  const loaded = await loadSubtitle(file);
  reportLoadWarnings(loaded, io);
  let segments: [number, number][];
  let durationMs: number;
  let linearScale: number | null = null;
  let detector: string | null = null;
  if (referencePath !== undefined) {
    const reference = await loadSubtitle(referencePath);
    reportLoadWarnings(reference, io);
    segments = reference.doc.cues.filter((c) => c.endMs > c.startMs).map((c): [number, number] => [c.startMs, c.endMs]);
    durationMs = segments.reduce((max, s) => Math.max(max, s[1]), 0) + 1_000;
    io.err(`${words(io, 'cli:sync.referenceCues', { count: segments.length, path: referencePath })}\n`);
  } else {
    const speech = await detectSpeechOf(audio as string, {
      ...(args.flags.has('--no-cache') ? {} : { cacheDir: peaksCacheDir(appDataDir()) }),
      onProgress: decodeProgress(io, words(io, 'cli:sync.readingAudio')),
      speech: SYNC_SPEECH_OPTIONS,
      vad,
    });
    segments = speech.segments;
    durationMs = speech.durationMs;
    detector = speech.detector;
    io.err(`${words(io, 'cli:sync.detector', { reason: speech.reason })}\n`);
    const duration = formatDuration(durationMs).slice(1);
    io.err(`${words(io, 'cli:sync.speechSegments', { count: segments.length, duration })}\n`);
  }
  // A clock drift that is no frame-rate ratio: the windowed line fit measures it, the aligner may use its scale.
  if (fitDrift) {
    const linear = estimateSync(loaded.doc.cues, { segments, durationMs }, { maxDrift, frameRates: false });
    if (linear.confidence >= 0.5) linearScale = linear.scale;
  }
  const alignment = alignCues(
    loaded.doc.cues,
    { segments, durationMs },
    { ...options, extraScales: linearScale ? [linearScale] : [] },
  );
  const plan = alignment.pieces.length > 0 ? planAlignment(loaded.doc, alignment) : null;
  const json = args.flags.has('--json');
  io.out(
    json
      ? `${JSON.stringify({ ...summary(alignment, loaded.doc.cues.length, plan), detector })}\n`
      : describe(alignment, io),
  );
  if (alignment.pieces.length === 0 || alignment.confidence < minConfidence || !plan) {
    const why = alignment.problem ?? msg('cli:sync.weakEvidence');
    const confidence = alignment.confidence.toFixed(2);
    io.err(`${words(io, 'cli:sync.notConfident', { confidence, need: minConfidence, why })}\n`);
    return 2;
  }
  new History(loaded.doc).execute(plan.command);
  await saveSubtitle(loaded, target);
  if (!json) {
    const cues = msg('cli:count.cue', { count: plan.changes.length });
    io.out(`${words(io, 'cli:sync.moved', { cues, path: target.path })}\n`);
  }
  if (plan.squeezedIds.length > 0)
    io.err(`${words(io, 'cli:sync.squeezed', { file, count: plan.squeezedIds.length })}\n`);
  if (plan.clampedIds.length > 0) io.err(`${words(io, 'cli:sync.clamped', { file, count: plan.clampedIds.length })}\n`);
  return 0;
}

/** The piece holding most cues: what "the offset" means when there is one number to give. */
function mainPiece(alignment: Alignment) {
  let best = alignment.pieces[0];
  for (const piece of alignment.pieces) {
    if (best && piece.toIndex - piece.fromIndex > best.toIndex - best.fromIndex) best = piece;
  }
  return best;
}

function signed(value: number, digits: number): string {
  return `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(digits)}`;
}

/** Human-readable alignment: the main map, then every piece with its evidence. */
function describe(alignment: Alignment, io: Speaker): string {
  const main = mainPiece(alignment);
  const confidence = alignment.confidence.toFixed(2);
  if (!main) {
    const problem = alignment.problem ?? msg('cli:sync.noPiecesProblem');
    return `${words(io, 'cli:sync.noPieces', { confidence, problem })}\n`;
  }
  const drift = signed((main.scale - 1) * 100, 4);
  const lines = [
    words(io, 'cli:sync.offset', {
      offset: formatDuration(main.offsetMs),
      scale: main.scale.toFixed(7),
      sign: main.offsetMs < 0 ? '-' : '+',
      ms: Math.abs(main.offsetMs).toFixed(1),
    }),
    alignment.frameRateRatio === 1
      ? words(io, 'cli:sync.drift', { drift })
      : words(io, 'cli:sync.driftFrameRate', { drift, ratio: alignment.frameRateRatio.toFixed(4) }),
    words(io, 'cli:sync.confidence', {
      confidence,
      error: Math.round(alignment.estimatedErrorMs),
      count: alignment.pieces.length,
    }),
  ];
  alignment.pieces.forEach((piece, i) => {
    lines.push(
      words(io, 'cli:sync.piece', {
        index: i + 1,
        from: piece.fromIndex + 1,
        to: piece.toIndex + 1,
        shift: signed(piece.shiftMs / 1000, 3),
        drift: signed(piece.driftPercent, 4),
        matched: Math.round(piece.matchedShare * 100),
        confidence: piece.confidence.toFixed(2),
        error: piece.estimatedErrorMs,
      }),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** The alignment's figures for --json. */
function summary(
  alignment: Alignment,
  cueCount: number,
  plan: ReturnType<typeof planAlignment> | null,
): Record<string, unknown> {
  const main = mainPiece(alignment);
  const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
  return {
    offsetMs: main ? round(main.offsetMs) : 0,
    scale: main?.scale ?? 1,
    driftPercent: main ? (main.scale - 1) * 100 : 0,
    frameRateRatio: alignment.frameRateRatio,
    confidence: round(alignment.confidence, 3),
    estimatedErrorMs: Math.round(alignment.estimatedErrorMs),
    problem: alignment.problem === null ? null : inEnglish(alignment.problem),
    cues: cueCount,
    moved: plan?.changes.length ?? 0,
    squeezed: plan?.squeezedIds.length ?? 0,
    pieces: alignment.pieces.map((piece) => ({
      fromCue: piece.fromIndex + 1,
      toCue: piece.toIndex + 1,
      fromMs: Number.isFinite(piece.fromMs) ? piece.fromMs : null,
      toMs: Number.isFinite(piece.toMs) ? piece.toMs : null,
      shiftMs: round(piece.shiftMs),
      offsetMs: round(piece.offsetMs),
      scale: piece.scale,
      driftPercent: piece.driftPercent,
      matchedMs: Math.round(piece.matchedMs),
      matchedShare: round(piece.matchedShare, 3),
      confidence: round(piece.confidence, 3),
      strength: round(piece.strength, 2),
      estimatedErrorMs: piece.estimatedErrorMs,
    })),
  };
}

function maxOffsetOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw usage('sync.badMaxOffset', { value: text });
  return ms;
}

/** `--max-drift 1` or `1%`: percent, as a fraction. */
function maxDriftOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const percent = Number(text.replace(/%$/, ''));
  if (!Number.isFinite(percent) || percent < 0 || percent > 10) {
    throw usage('sync.badMaxDrift', { value: text });
  }
  return percent / 100;
}

function countOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw usage('sync.badCount', { name, value: text, min, max });
  }
  return value;
}

/** `--vad energy|silero|auto` (default auto: energy unless music or noise makes it unreliable). */
function vadOption(text: string | undefined): VadMode {
  if (text === undefined) return 'auto';
  if (!(VAD_MODES as readonly string[]).includes(text)) {
    throw usage('sync.badVad', { value: text, known: VAD_MODES.join(', ') });
  }
  return text as VadMode;
}

function minConfidenceOption(text: string | undefined): number {
  if (text === undefined) return ALIGN_CONFIDENT;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw usage('sync.badMinConfidence', { value: text });
  }
  return value;
}
