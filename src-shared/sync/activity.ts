/** Speech activity from waveform peaks: an adaptive, hysteresis-gated threshold over the local noise floor. */
import { fullScale, PEAKS_SAMPLE_RATE, type Peaks, type PeaksLevel } from '../waveform';

/** A half-open time range [startMs, endMs). */
export type Span = [startMs: number, endMs: number];

/** A loudness envelope: one peak level in dBFS per frame of `frameMs`. */
export interface LevelEnvelope {
  frameMs: number;
  db: Float32Array;
}

/** Tuning of `detectSpeech`; every field has a default that suits dialogue over a quiet bed. */
export interface SpeechOptions {
  /** A frame must rise this far above the local noise floor to start speech (dB, default 9). */
  onsetDb?: number;
  /** Speech continues while frames stay this far above the floor (dB, default 5): the hysteresis. */
  releaseDb?: number;
  /** Pauses shorter than this are bridged (default 100 ms). */
  minSilenceMs?: number;
  /** Bursts shorter than this after bridging are dropped as clicks (default 20 ms). */
  minSpeechMs?: number;
  /** A segment whose loudest frame is less than this above the floor is noise, not speech (dB, default 15). */
  minContrastDb?: number;
  /** Span over which the noise floor is estimated locally (default 60 s, centred). */
  floorSpanMs?: number;
}

/** Detected speech: segments plus the figures the decision was made from (for display and diagnostics). */
export interface SpeechActivity {
  /** Sorted, disjoint [startMs, endMs) ranges where someone speaks. */
  segments: Span[];
  /** Length of the analysed audio. */
  durationMs: number;
  /** Resolution of the segment edges. */
  frameMs: number;
  /** Median local noise floor (dBFS). */
  noiseFloorDb: number;
  /** Level of the loud end of the file (95th percentile, dBFS). */
  speechLevelDb: number;
}

const DEFAULTS: Required<SpeechOptions> = {
  onsetDb: 9,
  releaseDb: 5,
  minSilenceMs: 100,
  minSpeechMs: 20,
  minContrastDb: 15,
  floorSpanMs: 20_000,
};

/** The loudness envelope of any speech source; bare levels carry no rate, so they are taken to be at PEAKS_SAMPLE_RATE. */
function toEnvelope(source: SpeechSource): LevelEnvelope {
  if ('db' in source) return source;
  if ('sampleRate' in source) return envelopeFromPeaks(source);
  const levels = Array.isArray(source) ? (source as readonly PeaksLevel[]) : [source as PeaksLevel];
  const first = levels[0];
  if (!first) throw new RangeError('detectSpeech: no peaks level given');
  return envelopeFromPeaks({ sampleRate: PEAKS_SAMPLE_RATE, bits: first.data instanceof Int8Array ? 8 : 16, levels });
}

/** The options with every unset (or undefined) field at its default. */
function withDefaults(options: SpeechOptions): Required<SpeechOptions> {
  const opts = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof SpeechOptions)[]) {
    const value = options[key];
    if (value !== undefined) opts[key] = value;
  }
  return opts;
}

/** Quietest level represented (dBFS): digital silence maps here instead of -Infinity. */
const SILENCE_DB = -120;
/** Floor blocks are this long; their 10th percentile is the block's floor candidate. */
const FLOOR_BLOCK_MS = 2_000;
const FLOOR_PERCENTILE = 0.05;

/** The loudness envelope of one peaks level (default the base level, 5 ms per frame). */
export function envelopeFromPeaks(
  peaks: { sampleRate: number; bits: 8 | 16; levels: readonly PeaksLevel[] },
  level = 0,
): LevelEnvelope {
  const chosen = peaks.levels[level] as PeaksLevel | undefined;
  if (!chosen) throw new RangeError(`envelopeFromPeaks: no level ${level}`);
  const scale = fullScale(peaks.bits);
  const db = new Float32Array(chosen.length);
  for (let i = 0; i < chosen.length; i++) {
    const amplitude = Math.max(-(chosen.data[i * 2] as number), chosen.data[i * 2 + 1] as number);
    db[i] = amplitude > 0 ? Math.max(SILENCE_DB, 20 * Math.log10(amplitude / scale)) : SILENCE_DB;
  }
  return { frameMs: (chosen.samplesPerPixel * 1000) / peaks.sampleRate, db };
}

/** What speech can be detected from: peaks, their levels (finest first, at PEAKS_SAMPLE_RATE), one level, or an envelope. */
export type SpeechSource = Peaks | readonly PeaksLevel[] | PeaksLevel | LevelEnvelope;

/** Speech segments of a recording, from its peaks or a precomputed envelope. Pure and O(n). */
export function detectSpeech(source: SpeechSource, options: SpeechOptions = {}): SpeechActivity {
  const opts = withDefaults(options);
  const { db, frameMs } = toEnvelope(source);
  const durationMs = db.length * frameMs;
  const floor = localNoiseFloor(db, frameMs, opts.floorSpanMs);
  const noiseFloorDb = levelQuantile(floor, 0.5);
  const speechLevelDb = levelQuantile(db, 0.95);
  const base = { durationMs, frameMs, noiseFloorDb, speechLevelDb };
  const raw = gate(db, floor, opts.onsetDb, opts.releaseDb);
  const bridged = bridgeGaps(raw, Math.round(opts.minSilenceMs / frameMs));
  const minFrames = Math.round(opts.minSpeechMs / frameMs);
  const segments: Span[] = [];
  for (const [from, to] of bridged) {
    if (to - from < minFrames || peakAbove(db, floor, from, to) < opts.minContrastDb) continue;
    segments.push([from * frameMs, to * frameMs]);
  }
  return { ...base, segments };
}

/**
 * Noise floor per frame: each block's low percentile, then the larger of the minima over the
 * blocks just before and just after (each side including the block itself). Dialogue without a
 * pause in one block still finds the bed in its neighbours, and where the bed steps up the side
 * beyond the step is all new level, so the floor follows at once instead of lagging half a span.
 */
function localNoiseFloor(db: Float32Array, frameMs: number, spanMs: number): Float32Array {
  const blockFrames = Math.max(1, Math.round(FLOOR_BLOCK_MS / frameMs));
  const blockCount = Math.ceil(db.length / blockFrames);
  const blockFloor = new Float32Array(blockCount);
  for (let b = 0; b < blockCount; b++) {
    blockFloor[b] = percentile(
      db.subarray(b * blockFrames, Math.min(db.length, (b + 1) * blockFrames)),
      FLOOR_PERCENTILE,
    );
  }
  const reach = Math.max(0, Math.round(spanMs / 2 / FLOOR_BLOCK_MS));
  const floor = new Float32Array(db.length);
  for (let b = 0; b < blockCount; b++) {
    let before = Number.POSITIVE_INFINITY;
    let after = Number.POSITIVE_INFINITY;
    for (let k = Math.max(0, b - reach); k <= b; k++) before = Math.min(before, blockFloor[k] as number);
    for (let k = b; k <= Math.min(blockCount - 1, b + reach); k++) after = Math.min(after, blockFloor[k] as number);
    floor.fill(Math.max(before, after), b * blockFrames, Math.min(db.length, (b + 1) * blockFrames));
  }
  return floor;
}

/** Schmitt trigger: enter above floor + onset, leave below floor + release. Returns frame ranges. */
function gate(db: Float32Array, floor: Float32Array, onsetDb: number, releaseDb: number): Span[] {
  const spans: Span[] = [];
  let start = -1;
  for (let i = 0; i < db.length; i++) {
    const above = (db[i] as number) - (floor[i] as number);
    if (start < 0) {
      if (above >= onsetDb) start = i;
    } else if (above < releaseDb) {
      spans.push([start, i]);
      start = -1;
    }
  }
  if (start >= 0) spans.push([start, db.length]);
  return spans;
}

/** Largest margin of a frame in [from, to) over its floor. */
function peakAbove(db: Float32Array, floor: Float32Array, from: number, to: number): number {
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) peak = Math.max(peak, (db[i] as number) - (floor[i] as number));
  return peak;
}

/** Joins spans separated by fewer than `minGap` units. */
export function bridgeGaps(spans: readonly Span[], minGap: number): Span[] {
  const out: Span[] = [];
  for (const [from, to] of spans) {
    const last = out[out.length - 1];
    if (last && from - last[1] < minGap) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Resolution of `levelQuantile` (dB). */
const LEVEL_STEP_DB = 0.1;

/**
 * The q-quantile of dB levels in SILENCE_DB..0, to 0.1 dB, by a histogram: an hour of 5 ms frames
 * is 780,000 values, which a sort would take tens of ms over just for two summary figures.
 */
function levelQuantile(levels: Float32Array, q: number): number {
  if (levels.length === 0) return Number.NaN;
  const bins = new Uint32Array(Math.round(-SILENCE_DB / LEVEL_STEP_DB) + 1);
  for (let i = 0; i < levels.length; i++) {
    const bin = Math.round(((levels[i] as number) - SILENCE_DB) / LEVEL_STEP_DB);
    const index = Math.max(0, Math.min(bins.length - 1, bin));
    bins[index] = (bins[index] as number) + 1;
  }
  const rank = Math.min(levels.length - 1, Math.floor(q * levels.length));
  let seen = 0;
  for (let bin = 0; bin < bins.length; bin++) {
    seen += bins[bin] as number;
    if (seen > rank) return SILENCE_DB + bin * LEVEL_STEP_DB;
  }
  return 0;
}

/** The q-quantile (0..1) of values by nearest rank; NaN for no values. Copies, never reorders the input. */
export function percentile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))] as number;
}
