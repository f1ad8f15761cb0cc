/**
 * Automatic sync: estimates the linear map (offset and drift) that puts subtitles on the speech of
 * a recording. Coarse per-window offsets by FFT cross-correlation, a RANSAC line through them,
 * then an onset vote and least squares for ms precision. See docs/sync.md.
 */
import { type CoreMessage, msg } from '../messages';
import type { Span, SpeechOptions } from './activity';
import { countMatched, type LinearMap, MATCH_MS, mapTime, refineWithOnsets } from './onsets';
import { onsetsOf } from './raster';
import { type Line, ransacLine, type WeightedPoint, withInliers } from './robust';
import { type WindowOffset, windowOffsets } from './windows';

/** Search limits of `estimateSync`. */
export interface SyncOptions {
  /** Largest constant offset looked for, either sign (default 90 s). */
  maxOffsetMs?: number;
  /** Largest drift looked for, as a fraction: 0.01 allows scales 0.99..1.01 (default 0.01). */
  maxDrift?: number;
  /** Estimate a drift; when false only a constant offset is fitted (default true). */
  fitDrift?: boolean;
  /**
   * When the plain estimate is not confident, also try the common frame-rate mismatches (24, 25
   * and 30 fps against each other, each +/- maxDrift) and keep the most confident (default true).
   */
  frameRates?: boolean;
}

/** The cue times the estimator reads (subtitle timeline). */
export interface TimedSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/** One coarse window as used by the fit, for diagnostics. */
export interface SyncWindow extends WindowOffset {
  /** Whether the window agrees with the final map. */
  inlier: boolean;
}

/** The estimated correction and how much to trust it. */
export interface SyncEstimate extends LinearMap {
  /** Correction t' = scale * t + offsetMs; `driftPercent` is (scale - 1) * 100. */
  driftPercent: number;
  /**
   * 0..1: the larger of two agreements: the share of subtitle windows whose own clear best offset agrees with the
   * map (out of at least 4), and the share of cue starts on speech onsets beyond chance.
   */
  confidence: number;
  /** Share of cue starts that land within 50 ms of a speech onset under the map. */
  onsetMatchShare: number;
  /** Whether the onset vote refined the coarse map (false: coarse precision, a few hundred ms). */
  refined: boolean;
  /** The frame-rate ratio the search started from: 1, or e.g. 25/24 when the subtitles were timed for another rate. */
  frameRateRatio: number;
  windows: SyncWindow[];
  /** Why the estimate should not be trusted, or null. */
  problem: CoreMessage | null;
}

/**
 * Speech detection settings for sync: pauses down to 20 ms are kept, so the onset of a cue that
 * follows another without a gap is still an onset (the display lane bridges 100 ms instead).
 */
export const SYNC_SPEECH_OPTIONS: SpeechOptions = { minSilenceMs: 20 };

const DEFAULTS: Required<SyncOptions> = { maxOffsetMs: 90_000, maxDrift: 0.01, fitDrift: true, frameRates: true };

/** Scales of subtitles timed at one of 24, 25, 30 fps and played at another (23.976 and 29.97 are within the drift). */
const FRAME_RATE_RATIOS = [25 / 24, 24 / 25, 30 / 25, 25 / 30, 30 / 24, 24 / 30];

/** A window's offset agrees with a line when within this (coverage correlation is coarse). */
const WINDOW_TOLERANCE_MS = 400;
/** How far the second coarse pass looks around the first line. */
const SHARPEN_REACH_MS = 5_000;
/** Windows whose correlation peak stands less than this many deviations out are not evidence. */
const MIN_WINDOW_STRENGTH = 5;
/** Window agreement is counted out of at least this many windows, so two lucky windows are not certainty. */
const FULL_EVIDENCE_WINDOWS = 4;
/** The onset vote must gather at least this share of cues beyond chance to override the coarse map. */
const MIN_ONSET_SUPPORT = 0.1;
/** Estimates below this confidence come with a problem message. */
export const CONFIDENT = 0.5;

/**
 * Estimates the map from subtitle time to audio time for `cues` given the speech of the audio.
 * Pure and deterministic; O(n log n) in the audio length. For onsets, speech should be detected
 * with short pauses kept (SYNC_SPEECH_OPTIONS).
 */
export function estimateSync(
  cues: readonly TimedSpan[],
  speech: { segments: readonly Span[]; durationMs: number },
  options: SyncOptions = {},
): SyncEstimate {
  // Field by field, so an option passed as undefined keeps its default.
  const opts: Required<SyncOptions> = {
    maxOffsetMs: options.maxOffsetMs ?? DEFAULTS.maxOffsetMs,
    maxDrift: options.maxDrift ?? DEFAULTS.maxDrift,
    fitDrift: options.fitDrift ?? DEFAULTS.fitDrift,
    frameRates: options.frameRates ?? DEFAULTS.frameRates,
  };
  const direct = estimateNear(cues, speech, opts, 1);
  if (direct.confidence >= CONFIDENT || !opts.frameRates || !opts.fitDrift) return direct;
  let best = direct;
  for (const ratio of FRAME_RATE_RATIOS) {
    const candidate = estimateNear(cues, speech, opts, ratio);
    if (candidate.confidence > best.confidence) best = candidate;
  }
  return best;
}

/** The estimate for cues first scaled by a frame-rate ratio, composed back into one map. */
function estimateNear(
  cues: readonly TimedSpan[],
  speech: { segments: readonly Span[]; durationMs: number },
  opts: Required<SyncOptions>,
  ratio: number,
): SyncEstimate {
  if (ratio === 1) return estimateLinear(cues, speech, opts);
  const scaled = cues.map((cue) => ({ startMs: cue.startMs * ratio, endMs: cue.endMs * ratio }));
  const estimate = estimateLinear(scaled, speech, opts);
  const scale = estimate.scale * ratio;
  return { ...estimate, scale, driftPercent: (scale - 1) * 100, frameRateRatio: ratio };
}

/** The estimate with the drift searched within 1 +/- maxDrift. */
function estimateLinear(
  cues: readonly TimedSpan[],
  speech: { segments: readonly Span[]; durationMs: number },
  opts: Required<SyncOptions>,
): SyncEstimate {
  const spans: Span[] = [];
  const starts: number[] = [];
  for (const cue of cues) {
    if (cue.endMs > cue.startMs) spans.push([cue.startMs, cue.endMs]);
    // A cue at 0 was probably clamped there by an earlier negative shift: its start is no evidence.
    if (cue.startMs > 0 && cue.endMs > cue.startMs) starts.push(cue.startMs);
  }
  if (spans.length === 0) return failed(msg('validation:sync.noTimedCues'));
  if (speech.segments.length === 0) return failed(msg('validation:sync.noSpeech'));

  const windows = windowOffsets(spans, speech, opts);
  const points = windowPoints(windows);
  const lengthMs = windows[0]?.lengthMs ?? 0;
  const line = ransacLine(points, {
    tolerance: windowTolerance(opts.maxDrift, lengthMs),
    maxSlope: opts.maxDrift,
    fitSlope: opts.fitDrift,
  });
  if (!line) return failed(msg('validation:sync.noMatch'), windows);
  const coarse = sharpen(spans, speech, lineToMap(line), opts);
  const onsets = onsetsOf(speech.segments);
  const fine = refineWithOnsets(starts, onsets, coarse, { fitDrift: opts.fitDrift, maxDrift: opts.maxDrift });
  const refined = fine !== null && fine.support >= MIN_ONSET_SUPPORT;
  const map = refined ? fine.map : coarse;

  // Judge the final map by the windows: each window's own offset should agree with it.
  const tolerance = windowTolerance(Math.abs(map.scale - 1), lengthMs);
  const final = withInliers(points, { slope: 1 - map.scale, intercept: -map.offsetMs }, tolerance);
  const agreeing = final.inliers.filter(Boolean).length;
  // Every window with subtitles counts: one that matches nothing clearly is evidence against.
  const windowConfidence = agreeing / Math.max(FULL_EVIDENCE_WINDOWS, windows.length);
  const matched = starts.length > 0 ? countMatched(starts, onsets, map, MATCH_MS) / starts.length : 0;
  const onsetConfidence = refined ? beyondChance(matched, onsets.length / Math.max(1, speech.durationMs)) : 0;
  // Either kind of evidence suffices: windows carry real-world subtitles whose starts lead the
  // speech loosely, onsets carry short files whose few windows say little.
  const confidence = Math.max(windowConfidence, onsetConfidence);
  return {
    ...map,
    driftPercent: (map.scale - 1) * 100,
    confidence,
    onsetMatchShare: matched,
    refined,
    frameRateRatio: 1,
    windows: windows.map((w, i) => ({ ...w, inlier: final.inliers[i] === true })),
    problem: confidence >= CONFIDENT ? null : lowConfidenceReason(agreeing, points, matched),
  };
}

/** Window offsets as fit points; a weak correlation peak is no evidence. */
function windowPoints(windows: readonly WindowOffset[]): WeightedPoint[] {
  return windows.map((w) => ({ x: w.centerMs, y: w.offsetMs, weight: w.strength >= MIN_WINDOW_STRENGTH ? 1 : 0 }));
}

/** offset(t) = slope * t + intercept is subtitle minus audio time, so audio time = (1 - slope) * t - intercept. */
function lineToMap(line: Line): LinearMap {
  return { scale: 1 - line.slope, offsetMs: -line.intercept };
}

/**
 * Second coarse pass: a drift smears each first-pass window over its length times the drift, so
 * the first line is rough. With the cues moved by it, windows are sharp again and a short search
 * around zero finds what is left; the two maps compose. Keeps `map` when the pass finds nothing.
 */
function sharpen(
  spans: readonly Span[],
  speech: { segments: readonly Span[]; durationMs: number },
  map: LinearMap,
  opts: Required<SyncOptions>,
): LinearMap {
  const moved = spans.map(([startMs, endMs]): Span => [mapTime(map, startMs), mapTime(map, endMs)]);
  const windows = windowOffsets(moved, speech, { maxOffsetMs: SHARPEN_REACH_MS, maxDrift: 0 });
  const residual = ransacLine(windowPoints(windows), {
    tolerance: WINDOW_TOLERANCE_MS,
    maxSlope: opts.maxDrift,
    fitSlope: opts.fitDrift,
  });
  if (!residual || residual.inlierShare < 0.5) return map;
  const fix = lineToMap(residual);
  const composed = { scale: fix.scale * map.scale, offsetMs: fix.scale * map.offsetMs + fix.offsetMs };
  return Math.abs(composed.scale - 1) <= opts.maxDrift ? composed : map;
}

/** A window agrees with a map within the coarse tolerance plus the spread a drift gives its offset. */
function windowTolerance(drift: number, windowMs: number): number {
  return WINDOW_TOLERANCE_MS + (drift * windowMs) / 2;
}

/**
 * The matched share of cue starts beyond what chance gives, scaled to 0..1: with onsets at
 * `ratePerMs` (Poisson), a random time has one within +/- MATCH_MS with probability 1 - e^(-2 rate MATCH_MS).
 */
function beyondChance(matchedShare: number, ratePerMs: number): number {
  const chance = 1 - Math.exp(-2 * MATCH_MS * ratePerMs);
  if (chance >= 1) return 0;
  return Math.max(0, Math.min(1, (matchedShare - chance) / (1 - chance)));
}

/** Says why the evidence is weak. */
function lowConfidenceReason(agreeing: number, points: readonly WeightedPoint[], matchedShare: number): CoreMessage {
  const clear = points.filter((p) => p.weight > 0).length;
  const onsets = Math.round(matchedShare * 100);
  if (points.length < FULL_EVIDENCE_WINDOWS) {
    return msg('validation:sync.littleMaterial', { count: points.length, onsets });
  }
  if (clear === 0) return msg('validation:sync.noClearLine', { onsets });
  return msg('validation:sync.fewAgree', { agreeing, total: points.length, onsets });
}

function failed(problem: CoreMessage, windows: readonly WindowOffset[] = []): SyncEstimate {
  return {
    scale: 1,
    offsetMs: 0,
    driftPercent: 0,
    confidence: 0,
    onsetMatchShare: 0,
    refined: false,
    frameRateRatio: 1,
    windows: windows.map((w) => ({ ...w, inlier: false })),
    problem,
  };
}
