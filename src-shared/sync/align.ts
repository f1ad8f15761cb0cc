/**
 * Piecewise alignment: the time map from subtitle time to audio (or reference) time, as a few pieces with their
 * own offset (and drift), found by matching the cue intervals against the speech intervals as a whole.
 *
 * 1. Scale: the cue coverage is cross-correlated (FFT) with the speech coverage over +/- maxOffset for 1 and every
 *    frame-rate ratio between 23.976, 24, 25, 29.97 and 30 fps; the sharpest peak picks the scale.
 * 2. Candidates: the whole-file peaks and the best offset of each window of the subtitles are the offsets a
 *    piece may take.
 * 3. Pieces: dynamic programming over (cue, candidate offset) with an agreement score per cue (its cue time on
 *    speech and its surrounding gaps on silence) and a penalty per change of offset, with at most maxSplits
 *    changes (the alass idea, over a short list of candidates instead of every offset).
 * 4. Fine map per piece: the speech is not assumed to start with the cue. Among the offsets that keep each
 *    cue's voice inside it, the one where the earliest few percent of cues start with their voice (cues may lead
 *    the voice, they do not lag it); against a reference subtitle, the median start difference. A drift within a
 *    piece is kept only when its quarters disagree beyond their spread; an estimate within its own error of the
 *    identity map is the identity (a file in sync is left alone).
 * 5. Confidence: each piece's score against the same cues at offsets spread over the search range (a z score),
 *    and an estimated error (bootstrap spread of the fine offset), which is what the cue starts are off by.
 *
 * Pure and deterministic. See docs/sync.md.
 */
import { type CoreMessage, msg } from '../messages';
import type { Span } from './activity';
import { crossCorrelate } from './fft';
import type { LinearMap } from './onsets';
import { centered, lowerBound, rasterize } from './raster';
import { windowOffsets } from './windows';

/** Tuning of `alignCues`; every field has a default. */
export interface AlignOptions {
  /** Largest offset looked for, either sign (default 10 min). */
  maxOffsetMs?: number;
  /** Try the frame-rate ratios (default true). */
  frameRates?: boolean;
  /** Fit a drift within pieces when the evidence says so (default true). */
  fitDrift?: boolean;
  /** Most offset changes (default 8; 0 = one piece). */
  maxSplits?: number;
  /** Agreement (ms of cue/speech coverage agreement) a new piece must gain to be split off (default 8000). */
  splitPenaltyMs?: number;
  /**
   * What the target spans are: 'speech' (detected speech, cues lead their voice) or 'reference' (cues of a
   * correctly timed subtitle, start differences are symmetric). Default 'speech'.
   */
  target?: 'speech' | 'reference';
  /** More scales to try besides the frame-rate ratios (e.g. a clock drift measured by the windowed line fit). */
  extraScales?: readonly number[];
}

/** Cue times as read (subtitle time). */
export interface CueTimes {
  readonly startMs: number;
  readonly endMs: number;
}

/** One piece of the time map: consecutive cues (in time order) that move together. */
export interface AlignPiece extends LinearMap {
  /** First and last cue of the piece, as positions in the time-ordered cues (0-based, inclusive). */
  fromIndex: number;
  toIndex: number;
  /** Subtitle time range the piece covers: from its first cue's start to the next piece's first cue start. */
  fromMs: number;
  /** Exclusive; Infinity for the last piece. */
  toMs: number;
  /** Offset at the piece's first cue (new start - old start there), ms. */
  shiftMs: number;
  /** Drift within the piece relative to the frame-rate scale, percent. */
  driftPercent: number;
  /** Speech (or reference cue time) inside the piece's cues after the map, ms. */
  matchedMs: number;
  /** Share of the piece's cue time that lies on speech after the map (0..1). */
  matchedShare: number;
  /** 0..1, from how far the piece's agreement stands above the same cues at other offsets. */
  confidence: number;
  /** The piece's agreement in standard deviations above the other offsets. */
  strength: number;
  /** Estimated error of the cue starts after the map (ms): the spread of the fine offset. */
  estimatedErrorMs: number;
  /** Cues whose edges gave the fine offset. */
  edgeCount: number;
}

export interface Alignment {
  pieces: AlignPiece[];
  /** Scale of the frame-rate correction (1, or e.g. 23.976/25); each piece's scale includes it and its drift. */
  frameRateRatio: number;
  /** 0..1: the cue-weighted confidence of the pieces. */
  confidence: number;
  /** Cue-weighted estimated error of the cue starts, ms. */
  estimatedErrorMs: number;
  /** Why the alignment should not be applied, or null. */
  problem: CoreMessage | null;
  /** Cue count the alignment covers. */
  cueCount: number;
}

/** Alignments below this confidence are refused by the CLI and flagged in the editor. */
export const ALIGN_CONFIDENT = 0.5;

const DEFAULTS: Required<AlignOptions> = {
  maxOffsetMs: 600_000,
  frameRates: true,
  fitDrift: true,
  maxSplits: 8,
  splitPenaltyMs: 8_000,
  target: 'speech',
  extraScales: [],
};

const FRAME_RATES = [23.976, 24, 25, 29.97, 30];
/** Coarse raster for the scale choice (the whole file, every scale). */
const SCALE_FRAME_MS = 100;
/** Raster for the candidate offsets. */
const CANDIDATE_FRAME_MS = 40;
/** Prefix-sum resolution of the target coverage. */
const COVER_FRAME_MS = 10;
/** The scale 1 wins unless another stands this much sharper. */
const IDENTITY_PREFERENCE = 1.1;
/** Whole-file correlation peaks kept as candidates. */
const GLOBAL_PEAKS = 8;
/** Candidates closer than this are one. */
const CANDIDATE_SEPARATION_MS = 300;
/** A window offset is a candidate when its peak stands out this much. */
const MIN_WINDOW_STRENGTH = 4;
const MAX_CANDIDATES = 48;
/** How far around a cue its gaps count in its score. */
const GAP_REACH_MS = 2_000;
/** Offsets of the null distribution for a piece's confidence, and how far they keep from the piece's own. */
const NULL_SAMPLES = 48;
const NULL_EXCLUSION_MS = 3_000;
/** Confidence is 0 at this z score and 1 at Z_FULL. */
const Z_NONE = 3;
const Z_FULL = 6.5;
/**
 * A piece beside a confident piece (which shows the subtitles belong to this audio) may also be confident by its
 * edges: how many of its cue starts have a target onset just after them (EDGE_WINDOW_MS; cues lead the voice) against
 * the same count at offsets spread over the audio, as a z score. The coverage score of withConfidence says little
 * when the target covers most of the time (a detector that bridges pauses, like Silero; a reference subtitle), so a
 * short piece the dynamic programme found falls under its bar; onsets stay sharp. The piece's own map must also
 * agree better than its confident neighbours' maps. Without a confident piece nothing changes (unrelated audio is
 * refused as before).
 */
const EDGE_WINDOW_MS: [number, number] = [-150, 450];
/** A supported piece must still agree with its own map better than chance by this much (coverage z). */
const Z_SUPPORTED_FLOOR = Z_NONE - 1;
/** Edges: how far before a cue start the voice's onset is looked for. */
const EDGE_REACH_MS = 600;
/** A piece's fine offset within this (or 3 bootstrap deviations) of the coarse identity stays the identity. */
const IDENTITY_SLACK_MS = 25;
const BOOTSTRAP_ROUNDS = 40;
/** Drift within a piece: only for pieces this long with this many edges, and when it moves cues this far. */
const DRIFT_MIN_SPAN_MS = 300_000;
const DRIFT_MIN_EDGES = 40;
const DRIFT_MIN_EFFECT_MS = 60;
/** How many cues a boundary may move after the fine maps. */
const BOUNDARY_REACH = 4;
/** Adjacent pieces whose maps meet within this are one piece. */
const MERGE_MS = 120;

interface Target {
  segments: readonly Span[];
  durationMs: number;
}

/** Speech coverage with sub-frame interpolation: covered(a, b) = ms of target time in [a, b). */
class Coverage {
  private readonly prefix: Float64Array;
  constructor(segments: readonly Span[], durationMs: number) {
    const frames = Math.ceil(durationMs / COVER_FRAME_MS) + 1;
    const exact = new Float64Array(frames + 1);
    // Exact ms per frame, then the running sum.
    for (const [a, b] of segments) {
      let t = Math.max(0, a);
      const end = Math.min(b, frames * COVER_FRAME_MS);
      while (t < end) {
        const frame = Math.floor(t / COVER_FRAME_MS);
        const frameEnd = (frame + 1) * COVER_FRAME_MS;
        const until = Math.min(end, frameEnd);
        exact[frame + 1] = (exact[frame + 1] as number) + (until - t);
        t = until;
      }
    }
    for (let i = 1; i < exact.length; i++) exact[i] = (exact[i] as number) + (exact[i - 1] as number);
    this.prefix = exact;
  }
  private at(ms: number): number {
    const x = ms / COVER_FRAME_MS;
    if (x <= 0) return 0;
    const last = this.prefix.length - 1;
    if (x >= last) return this.prefix[last] as number;
    const i = Math.floor(x);
    const f = x - i;
    return (this.prefix[i] as number) * (1 - f) + (this.prefix[i + 1] as number) * f;
  }
  covered(a: number, b: number): number {
    return b > a ? this.at(b) - this.at(a) : 0;
  }
  /** covered() on the timeline repeated every `period` ms (for a null distribution that stays inside the audio). */
  coveredWrapped(a: number, b: number, period: number): number {
    if (!(b > a)) return 0;
    const base = Math.floor(a / period) * period;
    let from = a - base;
    let to = b - base;
    let sum = 0;
    while (to > 0) {
      sum += this.covered(Math.max(0, from), Math.min(period, to));
      from -= period;
      to -= period;
    }
    return sum;
  }
  get durationMs(): number {
    return (this.prefix.length - 1) * COVER_FRAME_MS;
  }
  get totalMs(): number {
    return this.prefix[this.prefix.length - 1] as number;
  }
}

/** A cue with the region whose coverage agreement is its score. */
interface ScoredCue {
  position: number;
  startMs: number;
  endMs: number;
  regionStart: number;
  regionEnd: number;
}

/**
 * Aligns `cues` (subtitle time, any order) to `target` (speech segments of the audio, or the cues of a reference
 * subtitle, audio time). Returns the pieces in time order; positions refer to the cues sorted by start.
 */
export function alignCues(cues: readonly CueTimes[], target: Target, options: AlignOptions = {}): Alignment {
  const opts = withDefaults(options);
  const ordered = cues.map((cue, position) => ({ ...cue, position })).sort((a, b) => a.startMs - b.startMs);
  const timed = ordered.filter((cue) => cue.endMs > cue.startMs);
  if (timed.length === 0) return refused(msg('validation:sync.noTimedCues'), cues.length);
  if (target.segments.length === 0) {
    return refused(
      opts.target === 'speech' ? msg('validation:sync.noSpeech') : msg('validation:sync.emptyReference'),
      cues.length,
    );
  }
  target = { segments: unionOf(target.segments), durationMs: target.durationMs };
  const durationMs = Math.max(target.durationMs, target.segments.at(-1)?.[1] ?? 0);
  const coverage = new Coverage(target.segments, durationMs);
  const speechShare = coverage.totalMs / Math.max(1, durationMs);

  const scales = [...(opts.frameRates ? frameRateRatios() : [1]), ...opts.extraScales];
  const ratio = scales.length > 1 ? chooseScale(timed, target.segments, durationMs, opts.maxOffsetMs, scales) : 1;
  const candidates = candidateOffsets(timed, target, durationMs, ratio, opts.maxOffsetMs);
  if (candidates.length === 0) return refused(msg('validation:sync.noCandidate'), cues.length);

  const scored = scoredCues(timed);
  const starts = Float64Array.from(target.segments, (segment) => segment[0]);
  const score = (cue: ScoredCue, offsetMs: number) => agreement(cue, ratio, offsetMs, coverage, speechShare);
  const assignment = piecesByDp(scored, candidates, score, opts.maxSplits, opts.splitPenaltyMs);

  // Each run of one candidate is a piece; fine maps, then confident pieces absorb the rest and meet.
  let runs = runsOf(assignment).map((run) => ({ ...run, offsetMs: candidates[run.candidate] as number }));
  let pieces = runs.map((run) => finePiece(scored, run.from, run.to, ratio, run.offsetMs, target, coverage, opts));
  pieces = pieces.map((piece, i) =>
    withConfidence(piece, scored, runs[i]?.offsetMs ?? 0, ratio, coverage, speechShare, opts),
  );
  pieces = supportedPieces(pieces, scored, coverage, speechShare, starts);
  const kept = pieces.filter((piece) => piece.confidence >= ALIGN_CONFIDENT);
  if (kept.length === 0) {
    const best = Math.max(...pieces.map((p) => p.strength));
    return refused(
      msg(opts.target === 'speech' ? 'validation:sync.unclearSpeech' : 'validation:sync.unclearReference', {
        best: best.toFixed(1),
        needed: Z_NONE + (Z_FULL - Z_NONE) / 2,
      }),
      cues.length,
    );
  }
  if (kept.length < pieces.length || kept.length > 1) {
    const evidence = new Uint8Array(scored.length);
    runs = absorbAndMerge(pieces, scored, ratio, evidence);
    pieces = runs.map((run) => {
      const piece = finePiece(scored, run.from, run.to, ratio, run.offsetMs, target, coverage, opts, evidence);
      return withConfidence(piece, scored, run.offsetMs, ratio, coverage, speechShare, opts);
    });
    pieces = supportedPieces(pieces, scored, coverage, speechShare, starts);
  }
  if (pieces.length > 1) {
    moveBoundaries(pieces, scored, (cue, map) => agreement(cue, map.scale, map.offsetMs, coverage, speechShare));
  }
  // Time ranges: each piece from its first cue to the next piece's first cue.
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as AlignPiece;
    piece.fromMs = i === 0 ? Number.NEGATIVE_INFINITY : (scored[piece.fromIndex] as ScoredCue).startMs;
    const next = pieces[i + 1];
    piece.toMs = next ? (scored[next.fromIndex] as ScoredCue).startMs : Number.POSITIVE_INFINITY;
  }
  const n = scored.length;
  let confidence = 0;
  let error = 0;
  for (const piece of pieces) {
    const share = (piece.toIndex - piece.fromIndex + 1) / n;
    confidence += share * piece.confidence;
    error += share * piece.estimatedErrorMs;
  }
  const problem =
    confidence >= ALIGN_CONFIDENT
      ? null
      : msg(opts.target === 'speech' ? 'validation:sync.chanceSpeech' : 'validation:sync.chanceReference', {
          percent: Math.round(confidence * 100),
        });
  return { pieces, frameRateRatio: ratio, confidence, estimatedErrorMs: error, problem, cueCount: cues.length };
}

/**
 * The dynamic programme placed each boundary with the coarse offsets; with the fine maps, each boundary moves to
 * the split (within BOUNDARY_REACH cues either way, pieces kept non-empty) where the cues agree best with their
 * piece's map.
 */
function moveBoundaries(
  pieces: AlignPiece[],
  cues: readonly ScoredCue[],
  score: (cue: ScoredCue, map: LinearMap) => number,
): void {
  for (let p = 1; p < pieces.length; p++) {
    const before = pieces[p - 1] as AlignPiece;
    const after = pieces[p] as AlignPiece;
    const lo = Math.max(before.fromIndex + 1, after.fromIndex - BOUNDARY_REACH);
    const hi = Math.min(after.toIndex, after.fromIndex + BOUNDARY_REACH);
    let best = after.fromIndex;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let split = lo; split <= hi; split++) {
      let value = 0;
      for (let i = lo - 1; i <= hi; i++) value += score(cues[i] as ScoredCue, i < split ? before : after);
      if (value > bestValue) {
        bestValue = value;
        best = split;
      }
    }
    before.toIndex = best - 1;
    after.fromIndex = best;
    after.shiftMs =
      after.scale * (cues[best] as ScoredCue).startMs + after.offsetMs - (cues[best] as ScoredCue).startMs;
  }
}

/** Sorted, disjoint spans (a reference subtitle may overlap itself). */
function unionOf(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function withDefaults(options: AlignOptions): Required<AlignOptions> {
  const opts = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof AlignOptions)[]) {
    const value = options[key];
    if (value !== undefined) (opts as Record<string, unknown>)[key] = value;
  }
  return opts;
}

function refused(problem: CoreMessage, cueCount: number): Alignment {
  return { pieces: [], frameRateRatio: 1, confidence: 0, estimatedErrorMs: 0, problem, cueCount };
}

/** 1 and every ratio between two of the common frame rates, deduplicated (23.976/24 = 29.97/30). */
export function frameRateRatios(): number[] {
  const ratios = [1];
  for (const a of FRAME_RATES) {
    for (const b of FRAME_RATES) {
      const r = a / b;
      if (!ratios.some((q) => Math.abs(q - r) < 1e-6)) ratios.push(r);
    }
  }
  return ratios;
}

/** The cue coverage of `cues` mapped by `ratio`, as a raster at `frameMs`. */
function cueRaster(cues: readonly CueTimes[], ratio: number, frameMs: number): Float64Array {
  let last = 0;
  for (const cue of cues) last = Math.max(last, cue.endMs * ratio);
  const spans = cues.map((cue): Span => [cue.startMs * ratio, cue.endMs * ratio]);
  return centered(rasterize(spans, frameMs, Math.ceil(last / frameMs) + 1));
}

/** Correlation of cue and target coverage over lags +/- maxOffset (lag = subtitle frame - audio frame). */
function correlate(
  cues: readonly CueTimes[],
  target: Float64Array,
  ratio: number,
  frameMs: number,
  maxOffsetMs: number,
): { values: Float64Array; minLag: number } {
  const subs = cueRaster(cues, ratio, frameMs);
  const reach = Math.ceil(maxOffsetMs / frameMs);
  const minLag = Math.max(-reach, -(target.length - 1));
  const maxLag = Math.min(reach, subs.length - 1);
  return { values: crossCorrelate(subs, target, minLag, maxLag), minLag };
}

/** Peak prominence of a correlation: (max - mean) / deviation. */
function prominence(values: Float64Array): number {
  let sum = 0;
  let squares = 0;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    sum += v;
    squares += v * v;
    if (v > max) max = v;
  }
  const mean = sum / Math.max(1, values.length);
  const deviation = Math.sqrt(Math.max(0, squares / Math.max(1, values.length) - mean * mean));
  return deviation > 0 ? (max - mean) / deviation : 0;
}

/** The frame-rate ratio whose whole-file correlation has the sharpest peak (1 unless another is clearly sharper). */
function chooseScale(
  cues: readonly CueTimes[],
  segments: readonly Span[],
  durationMs: number,
  maxOffsetMs: number,
  scales: readonly number[],
): number {
  const target = centered(rasterize(segments, SCALE_FRAME_MS, Math.ceil(durationMs / SCALE_FRAME_MS) + 1));
  let best = 1;
  let bestValue = 0;
  for (const ratio of scales) {
    const { values } = correlate(cues, target, ratio, SCALE_FRAME_MS, maxOffsetMs);
    const value = prominence(values) * (ratio === 1 ? IDENTITY_PREFERENCE : 1);
    if (value > bestValue) {
      best = ratio;
      bestValue = value;
    }
  }
  return best;
}

/**
 * Additive offsets (audio = ratio * subtitle + offset) a piece may take: the whole-file correlation peaks and each
 * window's best offset, strongest first, closer ones merged.
 */
function candidateOffsets(
  cues: readonly CueTimes[],
  target: Target,
  durationMs: number,
  ratio: number,
  maxOffsetMs: number,
): number[] {
  const frameMs = CANDIDATE_FRAME_MS;
  const raster = centered(rasterize(target.segments, frameMs, Math.ceil(durationMs / frameMs) + 1));
  const { values, minLag } = correlate(cues, raster, ratio, frameMs, maxOffsetMs);
  const found: { offsetMs: number; weight: number }[] = [];
  const peaks = localPeaks(values);
  for (const at of peaks.slice(0, GLOBAL_PEAKS * 4)) {
    found.push({ offsetMs: -(at + minLag + parabolic(values, at)) * frameMs, weight: values[at] as number });
  }
  // Normalize the global peaks against the windows: the best global peak outranks every window.
  const top = Math.max(1e-9, ...found.map((f) => f.weight));
  for (const f of found) f.weight = 10 + (10 * f.weight) / top;
  const globalOnes = nonMaxSuppress(found).slice(0, GLOBAL_PEAKS);
  const spans = cues.map((cue): Span => [cue.startMs * ratio, cue.endMs * ratio]);
  const windows = windowOffsets(spans, target, { maxOffsetMs, maxDrift: 0 });
  const local = windows
    .filter((w) => w.strength >= MIN_WINDOW_STRENGTH)
    .map((w) => ({ offsetMs: -w.offsetMs, weight: w.strength }));
  return nonMaxSuppress([...globalOnes, ...local])
    .slice(0, MAX_CANDIDATES)
    .map((c) => c.offsetMs);
}

/** Indices of local maxima, highest first. */
function localPeaks(values: Float64Array): number[] {
  const peaks: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > (values[i - 1] ?? Number.NEGATIVE_INFINITY) && v >= (values[i + 1] ?? Number.NEGATIVE_INFINITY)) {
      peaks.push(i);
    }
  }
  return peaks.sort((a, b) => (values[b] as number) - (values[a] as number));
}

function parabolic(values: Float64Array, at: number): number {
  const left = values[at - 1];
  const right = values[at + 1];
  if (left === undefined || right === undefined) return 0;
  const mid = values[at] as number;
  const curvature = left - 2 * mid + right;
  if (curvature >= 0) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (left - right)) / curvature));
}

function nonMaxSuppress(found: { offsetMs: number; weight: number }[]): { offsetMs: number; weight: number }[] {
  const sorted = [...found].sort((a, b) => b.weight - a.weight);
  const kept: { offsetMs: number; weight: number }[] = [];
  for (const f of sorted) {
    if (!kept.some((k) => Math.abs(k.offsetMs - f.offsetMs) < CANDIDATE_SEPARATION_MS)) kept.push(f);
  }
  return kept;
}

/** Each cue with the gap region around it (half-way to its neighbours, at most GAP_REACH_MS). */
function scoredCues(cues: readonly (CueTimes & { position: number })[]): ScoredCue[] {
  return cues.map((cue, i) => {
    const previous = cues[i - 1];
    const next = cues[i + 1];
    const before = previous ? Math.max(0, (cue.startMs - previous.endMs) / 2) : GAP_REACH_MS;
    const after = next ? Math.max(0, (next.startMs - cue.endMs) / 2) : GAP_REACH_MS;
    return {
      position: cue.position,
      startMs: cue.startMs,
      endMs: cue.endMs,
      regionStart: cue.startMs - Math.min(GAP_REACH_MS, before),
      regionEnd: cue.endMs + Math.min(GAP_REACH_MS, after),
    };
  });
}

/**
 * A cue's agreement with the target under audio = ratio * t + offset: ms where cue and target agree (cue on
 * speech, gap on silence) minus where they disagree, minus what chance gives at the target's speech share.
 */
function agreement(
  cue: ScoredCue,
  ratio: number,
  offsetMs: number,
  coverage: Coverage,
  share: number,
  period = 0,
): number {
  const a = ratio * cue.regionStart + offsetMs;
  const b = ratio * cue.regionEnd + offsetMs;
  const cs = ratio * cue.startMs + offsetMs;
  const ce = ratio * cue.endMs + offsetMs;
  const region = b - a;
  const cueLength = ce - cs;
  const onCue = period > 0 ? coverage.coveredWrapped(cs, ce, period) : coverage.covered(cs, ce);
  const inRegion = period > 0 ? coverage.coveredWrapped(a, b, period) : coverage.covered(a, b);
  const agree = onCue + (region - cueLength - (inRegion - onCue));
  const pc = cueLength / Math.max(1, region);
  const chance = region * (2 * (pc * share + (1 - pc) * (1 - share)) - 1);
  return 2 * agree - region - chance;
}

/**
 * Best candidate per cue under a penalty per change and at most maxSplits changes: dynamic programming over
 * cues x candidates x changes used, O(cues * candidates * maxSplits).
 */
function piecesByDp(
  cues: readonly ScoredCue[],
  candidates: readonly number[],
  score: (cue: ScoredCue, offsetMs: number) => number,
  maxSplits: number,
  penalty: number,
): Int32Array {
  const n = cues.length;
  const k = candidates.length;
  const layers = maxSplits + 1;
  let value = new Float64Array(layers * k).fill(Number.NEGATIVE_INFINITY);
  let next = new Float64Array(layers * k);
  // back[i][s][c]: the candidate cue i - 1 had (c itself: same piece; other: a split, one change fewer).
  const back = new Int16Array(n * layers * k);
  const first = cues[0] as ScoredCue;
  for (let c = 0; c < k; c++) value[c] = score(first, candidates[c] as number);
  const cueScores = new Float64Array(k);
  for (let i = 1; i < n; i++) {
    const cue = cues[i] as ScoredCue;
    for (let c = 0; c < k; c++) cueScores[c] = score(cue, candidates[c] as number);
    for (let s = 0; s < layers; s++) {
      let bestPrev = Number.NEGATIVE_INFINITY;
      let bestPrevAt = -1;
      if (s > 0) {
        for (let c = 0; c < k; c++) {
          const v = value[(s - 1) * k + c] as number;
          if (v > bestPrev) {
            bestPrev = v;
            bestPrevAt = c;
          }
        }
      }
      for (let c = 0; c < k; c++) {
        const stay = value[s * k + c] as number;
        const jump = bestPrevAt >= 0 && bestPrevAt !== c ? bestPrev - penalty : Number.NEGATIVE_INFINITY;
        const slot = (i * layers + s) * k + c;
        if (stay >= jump) {
          next[s * k + c] = stay + (cueScores[c] as number);
          back[slot] = c;
        } else {
          next[s * k + c] = jump + (cueScores[c] as number);
          back[slot] = bestPrevAt;
        }
      }
    }
    [value, next] = [next, value];
  }
  let bestS = 0;
  let bestC = 0;
  for (let s = 0; s < layers; s++) {
    for (let c = 0; c < k; c++) {
      if ((value[s * k + c] as number) > (value[bestS * k + bestC] as number)) {
        bestS = s;
        bestC = c;
      }
    }
  }
  const assignment = new Int32Array(n);
  let s = bestS;
  let c = bestC;
  for (let i = n - 1; i >= 0; i--) {
    assignment[i] = c;
    if (i === 0) break;
    const previous = back[(i * layers + s) * k + c] as number;
    if (previous !== c) s--;
    c = previous;
  }
  return assignment;
}

interface Run {
  from: number;
  to: number;
  candidate: number;
}

function runsOf(assignment: Int32Array): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i] as number;
    const last = runs.at(-1);
    if (last && last.candidate === c) last.to = i;
    else runs.push({ from: i, to: i, candidate: c });
  }
  return runs;
}

/** A run of cues with the map it starts from and the cues whose edges may refine it (those of confident pieces). */
interface MergedRun extends Run {
  offsetMs: number;
  map: LinearMap;
}

/** The additive offset (with the frame-rate scale) that equals `map` at subtitle time `t`. */
function offsetAt(map: LinearMap, ratio: number, t: number): number {
  return map.scale * t + map.offsetMs - ratio * t;
}

/**
 * Unconfident pieces join the confident piece before them (or after, at the start); adjacent pieces whose maps
 * meet within MERGE_MS become one. `evidence` marks the cues of confident pieces (their edges refine the map).
 */
function absorbAndMerge(
  pieces: readonly AlignPiece[],
  cues: readonly ScoredCue[],
  ratio: number,
  evidence: Uint8Array,
): MergedRun[] {
  const out: MergedRun[] = [];
  const isSure = (p: AlignPiece) => p.confidence >= ALIGN_CONFIDENT;
  const firstSure = pieces.find(isSure) as AlignPiece;
  for (const piece of pieces) {
    const sure = isSure(piece);
    if (sure) evidence.fill(1, piece.fromIndex, piece.toIndex + 1);
    const t = (cues[piece.fromIndex] as ScoredCue).startMs;
    const last = out.at(-1);
    if (!sure) {
      if (last) last.to = piece.toIndex;
      else {
        const t0 = (cues[firstSure.fromIndex] as ScoredCue).startMs;
        out.push({
          from: piece.fromIndex,
          to: piece.toIndex,
          candidate: -1,
          offsetMs: offsetAt(firstSure, ratio, t0),
          map: firstSure,
        });
      }
      continue;
    }
    if (last && last.candidate === -1) {
      // Leading unconfident cues go with the first confident piece.
      last.to = piece.toIndex;
      last.candidate = 0;
      last.map = piece;
      last.offsetMs = offsetAt(piece, ratio, t);
      continue;
    }
    if (last) {
      const gap = Math.abs(last.map.scale * t + last.map.offsetMs - (piece.scale * t + piece.offsetMs));
      if (gap < MERGE_MS) {
        last.to = piece.toIndex;
        continue;
      }
    }
    out.push({
      from: piece.fromIndex,
      to: piece.toIndex,
      candidate: 0,
      offsetMs: offsetAt(piece, ratio, t),
      map: piece,
    });
  }
  return out;
}

/** What the fine stage reads: the target's coverage and (for a reference) its cue starts. */
interface FineContext {
  reference: boolean;
  coverage: Coverage;
  starts: Float64Array;
}

/** Profile of the fine stage: target coverage at cue start + t, for t in [PROFILE_FROM_MS, PROFILE_TO_MS). */
const PROFILE_FROM_MS = -600;
const PROFILE_TO_MS = 1_000;
const PROFILE_STEP_MS = 10;
const PROFILE_SMOOTH_BINS = 0;

/**
 * The fine correction (ms, added to the map) for the cues `indices`, or null when they say nothing.
 * Speech: the coverage profile around the cue starts rises where the voices start; the rise is fitted as a ramp
 * (its 20 % and 80 % crossings) and its foot is where the earliest voices start: cues move so that it is at
 * their start (cues may lead their voice, they do not lag it). Reference: the median difference between each cue
 * start and the nearest reference start.
 */
function correctionOf(indices: readonly number[], cues: readonly ScoredCue[], map: LinearMap, ctx: FineContext) {
  if (indices.length === 0) return null;
  if (ctx.reference) {
    const diffs: number[] = [];
    for (const i of indices) {
      const s = map.scale * (cues[i] as ScoredCue).startMs + map.offsetMs;
      const j = lowerBound(ctx.starts, s);
      let best: number | null = null;
      for (const x of [ctx.starts[j - 1], ctx.starts[j]]) {
        if (x !== undefined && (best === null || Math.abs(x - s) < Math.abs(best - s))) best = x;
      }
      if (best !== null && Math.abs(best - s) <= EDGE_REACH_MS) diffs.push(best - s);
    }
    return diffs.length > 0
      ? quantile(
          diffs.sort((x, y) => x - y),
          0.5,
        )
      : null;
  }
  const bins = (PROFILE_TO_MS - PROFILE_FROM_MS) / PROFILE_STEP_MS;
  const raw = new Float64Array(bins);
  for (const i of indices) {
    const s = map.scale * (cues[i] as ScoredCue).startMs + map.offsetMs + PROFILE_FROM_MS;
    for (let k = 0; k < bins; k++) {
      const t = s + k * PROFILE_STEP_MS;
      raw[k] = (raw[k] as number) + ctx.coverage.covered(t, t + PROFILE_STEP_MS);
    }
  }
  const profile = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    let sum = 0;
    let count = 0;
    for (let d = -PROFILE_SMOOTH_BINS; d <= PROFILE_SMOOTH_BINS; d++) {
      const v = raw[k + d];
      if (v !== undefined) {
        sum += v;
        count++;
      }
    }
    profile[k] = sum / count / (PROFILE_STEP_MS * indices.length);
  }
  return rampFoot(profile);
}

/** The ramp fit's window within the profile, its foot's range and the ramp widths tried (ms). */
const FIT_FROM_MS = -250;
const FIT_TO_MS = 800;
const FOOT_RANGE_MS: [number, number] = [-250, 450];
const FOOT_STEP_MS = 10;
const WIDTHS_MS = [10, 40, 80, 120, 160, 200, 250, 300, 350, 400, 500, 600];

/**
 * Least-squares fit of base + height * clamp((t - foot) / width, 0, 1) to the profile (height > 0 required): the
 * foot is where the earliest voices start. Null when no rising ramp fits.
 */
function rampFoot(profile: Float64Array): number | null {
  const from = Math.round((FIT_FROM_MS - PROFILE_FROM_MS) / PROFILE_STEP_MS);
  const to = Math.round((FIT_TO_MS - PROFILE_FROM_MS) / PROFILE_STEP_MS);
  let sy = 0;
  let syy = 0;
  for (let k = from; k < to; k++) {
    sy += profile[k] as number;
    syy += (profile[k] as number) ** 2;
  }
  const n = to - from;
  let best: number | null = null;
  let bestResidual = Number.POSITIVE_INFINITY;
  let bestHeight = 0;
  for (let foot = FOOT_RANGE_MS[0]; foot <= FOOT_RANGE_MS[1]; foot += FOOT_STEP_MS) {
    for (const width of WIDTHS_MS) {
      let sx = 0;
      let sxx = 0;
      let sxy = 0;
      for (let k = from; k < to; k++) {
        const t = PROFILE_FROM_MS + (k + 0.5) * PROFILE_STEP_MS;
        const x = Math.max(0, Math.min(1, (t - foot) / width));
        sx += x;
        sxx += x * x;
        sxy += x * (profile[k] as number);
      }
      const det = n * sxx - sx * sx;
      if (det <= 0) continue;
      const height = (n * sxy - sx * sy) / det;
      if (height <= 0) continue;
      const base = (sy - height * sx) / n;
      // Residual sum of squares of the fit, from the sums.
      const residual =
        syy + base * base * n + height * height * sxx - 2 * base * sy - 2 * height * sxy + 2 * base * height * sx;
      if (residual < bestResidual) {
        bestResidual = residual;
        best = foot;
        bestHeight = height;
      }
    }
  }
  return bestHeight >= 0.15 ? best : null;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const x = q * (sorted.length - 1);
  const i = Math.floor(x);
  const f = x - i;
  return (sorted[i] as number) * (1 - f) + (sorted[Math.min(sorted.length - 1, i + 1)] as number) * f;
}

/** Bootstrap deviation of the fine correction over the cues (deterministic resampling). */
function correctionSpread(indices: readonly number[], cues: readonly ScoredCue[], map: LinearMap, ctx: FineContext) {
  if (indices.length < 3) return 200;
  let state = (0x9e3779b9 ^ indices.length) >>> 0;
  const values: number[] = [];
  const sample = new Array<number>(indices.length);
  for (let r = 0; r < BOOTSTRAP_ROUNDS; r++) {
    for (let i = 0; i < indices.length; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      sample[i] = indices[state % indices.length] as number;
    }
    const value = correctionOf(sample, cues, map, ctx);
    if (value !== null) values.push(value);
  }
  if (values.length < BOOTSTRAP_ROUNDS / 2) return 200;
  const mean = values.reduce((x, y) => x + y, 0) / values.length;
  return Math.sqrt(values.reduce((x, y) => x + (y - mean) ** 2, 0) / values.length);
}

/** The fine map of cues [from, to] from a coarse additive offset: fine correction, optional drift, identity preference. */
function finePiece(
  cues: readonly ScoredCue[],
  from: number,
  to: number,
  ratio: number,
  coarseOffsetMs: number,
  target: Target,
  coverage: Coverage,
  opts: Required<AlignOptions>,
  evidence?: Uint8Array,
): AlignPiece {
  const ctx: FineContext = {
    reference: opts.target === 'reference',
    coverage,
    starts: Float64Array.from(target.segments, (s) => s[0]),
  };
  const indices: number[] = [];
  for (let i = from; i <= to; i++) if (!evidence || evidence[i] === 1) indices.push(i);
  // Two passes: the second from the first's map, so the profile is centred where the voices now are.
  let map: LinearMap = { scale: ratio, offsetMs: coarseOffsetMs };
  for (let pass = 0; pass < 2; pass++) {
    const correction = correctionOf(indices, cues, map, ctx);
    if (correction === null) break;
    map = { scale: map.scale, offsetMs: map.offsetMs + correction };
  }
  let spread = correctionSpread(indices, cues, map, ctx);
  let drift = 0;
  const first = cues[from] as ScoredCue;
  const last = cues[to] as ScoredCue;
  if (opts.fitDrift && last.startMs - first.startMs >= DRIFT_MIN_SPAN_MS && indices.length >= DRIFT_MIN_EDGES) {
    const fit = quarterDrift(indices, cues, map, ctx);
    if (fit) {
      const span = last.startMs - first.startMs;
      if (Math.abs(fit.slope * span) >= Math.max(DRIFT_MIN_EFFECT_MS, 3 * fit.slopeError * span)) {
        // The quarters' corrections c(t) = intercept + slope t add to the current map.
        drift = fit.slope;
        map = { scale: map.scale + fit.slope, offsetMs: map.offsetMs + fit.intercept };
        const again = correctionOf(indices, cues, map, ctx);
        if (again !== null) map = { scale: map.scale, offsetMs: map.offsetMs + again };
        spread = Math.max(spread, fit.residual);
      }
    }
  }
  // A map within its own error of the identity is the identity: a file in sync is left alone.
  if (ratio === 1 && drift === 0 && Math.abs(map.offsetMs) <= Math.max(IDENTITY_SLACK_MS, 3 * spread)) {
    map = { scale: 1, offsetMs: 0 };
  }
  let cueMs = 0;
  let matchedMs = 0;
  for (let i = from; i <= to; i++) {
    const cue = cues[i] as ScoredCue;
    const s = map.scale * cue.startMs + map.offsetMs;
    const e = map.scale * cue.endMs + map.offsetMs;
    cueMs += e - s;
    matchedMs += coverage.covered(s, e);
  }
  return {
    scale: map.scale,
    offsetMs: map.offsetMs,
    fromIndex: from,
    toIndex: to,
    fromMs: 0,
    toMs: 0,
    shiftMs: map.scale * first.startMs + map.offsetMs - first.startMs,
    driftPercent: (map.scale / ratio - 1) * 100,
    matchedMs,
    matchedShare: cueMs > 0 ? matchedMs / cueMs : 0,
    confidence: 0,
    strength: 0,
    estimatedErrorMs: Math.round(spread + COVER_FRAME_MS),
    edgeCount: indices.length,
  };
}

/**
 * A drift from the fine corrections of the piece's quarters: a weighted line through (quarter centre, quarter
 * correction), with the slope's standard error from the quarters' bootstrap spreads.
 */
function quarterDrift(indices: readonly number[], cues: readonly ScoredCue[], map: LinearMap, ctx: FineContext) {
  const parts = 4;
  const size = Math.floor(indices.length / parts);
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let p = 0; p < parts; p++) {
    const part = indices.slice(p * size, p === parts - 1 ? indices.length : (p + 1) * size);
    const y = correctionOf(part, cues, map, ctx);
    if (y === null) return null;
    const sigma = Math.max(5, correctionSpread(part, cues, map, ctx));
    xs.push(part.reduce((sum, i) => sum + (cues[i] as ScoredCue).startMs, 0) / part.length);
    ys.push(y);
    ws.push(1 / (sigma * sigma));
  }
  const sw = ws.reduce((x, y) => x + y, 0);
  const mx = xs.reduce((x, v, i) => x + v * (ws[i] as number), 0) / sw;
  const my = ys.reduce((x, v, i) => x + v * (ws[i] as number), 0) / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (ws[i] as number) * ((xs[i] as number) - mx) ** 2;
    sxy += (ws[i] as number) * ((xs[i] as number) - mx) * ((ys[i] as number) - my);
  }
  if (sxx <= 0) return null;
  const slope = sxy / sxx;
  let residual = 0;
  for (let i = 0; i < xs.length; i++) residual += ((ys[i] as number) - (my + slope * ((xs[i] as number) - mx))) ** 2;
  residual = Math.sqrt(residual / xs.length);
  // The correction at subtitle time t: my + slope (t - mx) = (my - slope mx) + slope t.
  return { slope, intercept: my - slope * mx, slopeError: Math.sqrt(1 / sxx), residual };
}

/** Pieces under the bar that a confident neighbour supports by their edges (see EDGE_WINDOW_MS). */
function supportedPieces(
  pieces: AlignPiece[],
  cues: readonly ScoredCue[],
  coverage: Coverage,
  share: number,
  starts: Float64Array,
): AlignPiece[] {
  const sure = pieces.map((p) => p.confidence >= ALIGN_CONFIDENT);
  if (!sure.some(Boolean)) return pieces;
  return pieces.map((piece, i) => {
    if (sure[i] || piece.strength < Z_SUPPORTED_FLOOR) return piece;
    const confidence = Math.max(
      0,
      Math.min(1, (edgeStrength(piece, cues, starts, coverage) - Z_NONE) / (Z_FULL - Z_NONE)),
    );
    if (confidence < ALIGN_CONFIDENT) return piece;
    let before = -1;
    for (let j = i - 1; j >= 0 && before < 0; j--) if (sure[j]) before = j;
    let after = -1;
    for (let j = i + 1; j < pieces.length && after < 0; j++) if (sure[j]) after = j;
    const neighbours = [before, after].filter((j) => j >= 0).map((j) => pieces[j] as AlignPiece);
    const beats = neighbours.every((other) => splitStrength(piece, other, cues, coverage, share) > 0);
    return beats ? { ...piece, confidence } : piece;
  });
}

/** Cue starts of a piece with a target onset in EDGE_WINDOW_MS after them, as a z score against circular shifts. */
function edgeStrength(piece: AlignPiece, cues: readonly ScoredCue[], starts: Float64Array, coverage: Coverage): number {
  const period = Math.max(coverage.durationMs, 4 * NULL_EXCLUSION_MS);
  const hits = (shift: number, wrap: boolean) => {
    let count = 0;
    for (let i = piece.fromIndex; i <= piece.toIndex; i++) {
      let t = piece.scale * (cues[i] as ScoredCue).startMs + piece.offsetMs + shift;
      if (wrap) t = ((t % period) + period) % period;
      const at = lowerBound(starts, t + EDGE_WINDOW_MS[0]);
      const next = starts[at];
      if (next !== undefined && next <= t + EDGE_WINDOW_MS[1]) count++;
    }
    return count;
  };
  const own = hits(0, false);
  const values: number[] = [];
  for (let k = 0; k < NULL_SAMPLES; k++) {
    values.push(hits(NULL_EXCLUSION_MS + ((k + 0.5) / NULL_SAMPLES) * (period - 2 * NULL_EXCLUSION_MS), true));
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  // At least a binomial's spread: a null that happens to hit nothing must not make one hit look certain.
  const p = Math.min(0.999, Math.max(mean, 0.5) / (piece.toIndex - piece.fromIndex + 1));
  const binomial = Math.sqrt((piece.toIndex - piece.fromIndex + 1) * p * (1 - p));
  const deviation = Math.max(binomial, Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length));
  return deviation > 0 ? (own - mean) / deviation : 0;
}

/**
 * How much better a piece's cues agree with its own map than with another piece's map, in deviations of the
 * piece's null (the same cues at offsets spread over the audio, as in withConfidence).
 */
function splitStrength(
  piece: AlignPiece,
  other: LinearMap,
  cues: readonly ScoredCue[],
  coverage: Coverage,
  share: number,
): number {
  const total = (scale: number, offset: number, period = 0) => {
    let sum = 0;
    for (let i = piece.fromIndex; i <= piece.toIndex; i++) {
      sum += agreement(cues[i] as ScoredCue, scale, offset, coverage, share, period);
    }
    return sum;
  };
  const period = Math.max(coverage.durationMs, 4 * NULL_EXCLUSION_MS);
  const values: number[] = [];
  for (let k = 0; k < NULL_SAMPLES; k++) {
    const shift = NULL_EXCLUSION_MS + ((k + 0.5) / NULL_SAMPLES) * (period - 2 * NULL_EXCLUSION_MS);
    values.push(total(piece.scale, piece.offsetMs + shift, period));
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const deviation = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  if (!(deviation > 0)) return 0;
  return (total(piece.scale, piece.offsetMs) - total(other.scale, other.offsetMs)) / deviation;
}

/** The piece's agreement as a z score against the same cues at offsets spread over the search range. */
function withConfidence(
  piece: AlignPiece,
  cues: readonly ScoredCue[],
  coarseOffsetMs: number,
  ratio: number,
  coverage: Coverage,
  share: number,
  _opts: Required<AlignOptions>,
): AlignPiece {
  const total = (scale: number, offset: number, period = 0) => {
    let sum = 0;
    for (let i = piece.fromIndex; i <= piece.toIndex; i++) {
      sum += agreement(cues[i] as ScoredCue, scale, offset, coverage, share, period);
    }
    return sum;
  };
  const own = Math.max(total(ratio, coarseOffsetMs), total(piece.scale, piece.offsetMs));
  // The null: the same cues at circular shifts of the audio (every shift stays on audio), away from the piece's own.
  const period = Math.max(coverage.durationMs, 4 * NULL_EXCLUSION_MS);
  const values: number[] = [];
  for (let k = 0; k < NULL_SAMPLES; k++) {
    const shift = NULL_EXCLUSION_MS + ((k + 0.5) / NULL_SAMPLES) * (period - 2 * NULL_EXCLUSION_MS);
    values.push(total(ratio, coarseOffsetMs + shift, period));
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const deviation = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  const strength = deviation > 0 ? (own - mean) / deviation : 0;
  const confidence = Math.max(0, Math.min(1, (strength - Z_NONE) / (Z_FULL - Z_NONE)));
  return { ...piece, strength, confidence };
}
