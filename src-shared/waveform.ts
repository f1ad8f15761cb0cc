/** Waveform peaks: the in-memory multi-resolution format, zoom level selection, and BBC audiowaveform JSON. */

export { MEDIA_SCHEME, mediaMimeType, mediaPathFromUrl, mediaUrlFor } from './media-url';

/** Rate (Hz) the audio is resampled to before peak detection; 4 kHz of bandwidth is plenty for a speech envelope. */
export const PEAKS_SAMPLE_RATE = 8000;
/** Samples per min/max pair at the base level: 8000 / 40 = 200 pairs per second (5 ms per pair). */
export const PEAKS_SAMPLES_PER_PIXEL = 40;
/** Each coarser level groups this many pairs of the previous one. */
export const PEAKS_LEVEL_FACTOR = 4;
/** Coarser levels above the base (x4, x16, x64, x256), the last one for whole-file overviews. */
export const PEAKS_COARSER_LEVELS = 4;

/** Peak values: signed 16-bit (full scale 32768) or 8-bit (full scale 128) integers. */
export type PeaksArray = Int16Array | Int8Array;

/** One resolution of a waveform: `data` holds interleaved pairs `[min0, max0, min1, max1, ...]`. */
export interface PeaksLevel {
  /** Audio samples (at the peaks' `sampleRate`) summarised by one min/max pair. */
  samplesPerPixel: number;
  /** Number of min/max pairs; `data.length === 2 * length`. */
  length: number;
  data: PeaksArray;
}

/** Mono waveform peaks of one media file, at a base resolution plus coarser levels. */
export interface Peaks {
  /** Rate (Hz) of the PCM the peaks were computed from. */
  sampleRate: number;
  /** Base level resolution (same as `levels[0].samplesPerPixel`). */
  samplesPerPixel: number;
  /** Base level pair count (same as `levels[0].length`). */
  length: number;
  /** 16 for Int16Array data, 8 for Int8Array data. */
  bits: 8 | 16;
  /** Base level interleaved min/max pairs (same array as `levels[0].data`). */
  data: PeaksArray;
  /** All levels, finest first: `levels[0]` is the base, each next one `PEAKS_LEVEL_FACTOR` times coarser. */
  levels: PeaksLevel[];
  /** Duration of the decoded audio. */
  durationMs: number;
}

/** A run of base-level pairs delivered while peaks are still being computed. */
export interface PeaksChunk {
  /** Index of the first pair of `data` in the base level. */
  startPair: number;
  /** Interleaved min/max pairs (its own buffer, safe to post across processes). */
  data: PeaksArray;
}

/** Progress of a peaks computation; chunks arrive in order and together cover the whole base level. */
export interface PeaksProgress {
  /** Audio decoded so far. */
  doneMs: number;
  /** Media duration when known (from the container), for a progress bar. */
  totalMs?: number;
  chunk?: PeaksChunk;
}

/** BBC audiowaveform's JSON waveform format (version 2), as read by waveform-data.js and peaks.js. */
export interface AudiowaveformJson {
  version: 2;
  channels: number;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8 | 16;
  /** Number of pairs per channel. */
  length: number;
  /** `[min0, max0, min1, max1, ...]` (per pixel, channels interleaved). */
  data: number[];
}

/** Largest magnitude a peak value can have for a bit depth (divide by it to get -1..1). */
export function fullScale(bits: 8 | 16): number {
  return bits === 8 ? 128 : 32768;
}

/** Pairs per second of a level: how many pixels per second it fills at one pair per pixel. */
export function pairsPerSecond(sampleRate: number, level: Pick<PeaksLevel, 'samplesPerPixel'>): number {
  return sampleRate / level.samplesPerPixel;
}

/** A level `factor` times coarser: each pair is the min of mins and max of maxes of `factor` consecutive pairs. */
export function buildCoarserLevel(level: PeaksLevel, factor: number): PeaksLevel {
  const source = level.data;
  const length = Math.ceil(level.length / factor);
  const data = source instanceof Int8Array ? new Int8Array(length * 2) : new Int16Array(length * 2);
  for (let out = 0; out < length; out++) {
    const first = out * factor;
    const last = Math.min(first + factor, level.length);
    let min = source[first * 2] as number;
    let max = source[first * 2 + 1] as number;
    for (let i = first + 1; i < last; i++) {
      const lo = source[i * 2] as number;
      const hi = source[i * 2 + 1] as number;
      if (lo < min) min = lo;
      if (hi > max) max = hi;
    }
    data[out * 2] = min;
    data[out * 2 + 1] = max;
  }
  return { samplesPerPixel: level.samplesPerPixel * factor, length, data };
}

/** The base level followed by `count` levels, each `factor` times coarser than the previous. */
export function buildLevels(
  base: PeaksLevel,
  factor: number = PEAKS_LEVEL_FACTOR,
  count: number = PEAKS_COARSER_LEVELS,
): PeaksLevel[] {
  const levels = [base];
  for (let i = 0; i < count; i++) levels.push(buildCoarserLevel(levels[i] as PeaksLevel, factor));
  return levels;
}

/** Assembles a `Peaks` value from its base level (coarser levels are derived). */
export function peaksFromBase(sampleRate: number, base: PeaksLevel, durationMs: number): Peaks {
  return {
    sampleRate,
    samplesPerPixel: base.samplesPerPixel,
    length: base.length,
    bits: base.data instanceof Int8Array ? 8 : 16,
    data: base.data,
    levels: buildLevels(base),
    durationMs,
  };
}

/**
 * The level to draw at a zoom of `pxPerSec`: the coarsest one that still has at least one pair per pixel,
 * or the base level when zoomed in further than it resolves.
 */
export function pickLevel(peaks: Pick<Peaks, 'sampleRate' | 'levels'>, pxPerSec: number): PeaksLevel {
  let best = peaks.levels[0] as PeaksLevel;
  for (const level of peaks.levels) {
    if (pairsPerSecond(peaks.sampleRate, level) >= pxPerSec && level.samplesPerPixel > best.samplesPerPixel) {
      best = level;
    }
  }
  return best;
}

/** Index of the pair covering time `ms` in a level (not clamped). */
export function pairIndexAtMs(sampleRate: number, level: Pick<PeaksLevel, 'samplesPerPixel'>, ms: number): number {
  return Math.floor((ms * sampleRate) / 1000 / level.samplesPerPixel);
}

/** Largest absolute peak value among the pairs of `level` that overlap [startMs, endMs); 0 when none do. */
export function peakAmplitude(sampleRate: number, level: PeaksLevel, startMs: number, endMs: number): number {
  const first = Math.max(0, pairIndexAtMs(sampleRate, level, startMs));
  const last = Math.min(level.length, Math.ceil((endMs * sampleRate) / 1000 / level.samplesPerPixel));
  let peak = 0;
  for (let i = first; i < last; i++) {
    const lo = -(level.data[i * 2] as number);
    const hi = level.data[i * 2 + 1] as number;
    if (lo > peak) peak = lo;
    if (hi > peak) peak = hi;
  }
  return peak;
}

/** One level (index into `peaks.levels`, default the base) as BBC audiowaveform JSON, optionally reduced to 8 bits. */
export function toAudiowaveformJson(peaks: Peaks, level = 0, options: { bits?: 8 | 16 } = {}): AudiowaveformJson {
  const chosen = peaks.levels[level];
  if (!chosen) throw new RangeError(`toAudiowaveformJson: no level ${level} (have ${peaks.levels.length})`);
  const bits = options.bits ?? peaks.bits;
  // 16 -> 8 bits keeps the top byte (arithmetic shift), as audiowaveform does; 8 -> 16 scales back up.
  const shift = bits === peaks.bits ? 0 : bits === 8 ? -8 : 8;
  const data = new Array<number>(chosen.length * 2);
  for (let i = 0; i < data.length; i++) {
    const value = chosen.data[i] as number;
    data[i] = shift < 0 ? value >> 8 : shift > 0 ? value * 256 : value;
  }
  return {
    version: 2,
    channels: 1,
    sample_rate: peaks.sampleRate,
    samples_per_pixel: chosen.samplesPerPixel,
    bits,
    length: chosen.length,
    data,
  };
}

/** Reads audiowaveform JSON (version 1 or 2; several channels are merged into one envelope) into `Peaks`. */
export function fromAudiowaveformJson(
  json: Omit<AudiowaveformJson, 'version' | 'channels'> & { version?: number; channels?: number },
): Peaks {
  const channels = json.channels ?? 1;
  if (json.bits !== 8 && json.bits !== 16)
    throw new Error(`audiowaveform JSON: bits must be 8 or 16, got ${json.bits}`);
  if (!Number.isInteger(channels) || channels < 1) throw new Error(`audiowaveform JSON: bad channel count ${channels}`);
  if (json.data.length !== json.length * 2 * channels) {
    throw new Error(`audiowaveform JSON: data has ${json.data.length} values, expected ${json.length * 2 * channels}`);
  }
  const data = json.bits === 8 ? new Int8Array(json.length * 2) : new Int16Array(json.length * 2);
  for (let i = 0; i < json.length; i++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < channels; c++) {
      const offset = (i * channels + c) * 2;
      min = Math.min(min, json.data[offset] as number);
      max = Math.max(max, json.data[offset + 1] as number);
    }
    data[i * 2] = min;
    data[i * 2 + 1] = max;
  }
  const durationMs = (json.length * json.samples_per_pixel * 1000) / json.sample_rate;
  return peaksFromBase(
    json.sample_rate,
    { samplesPerPixel: json.samples_per_pixel, length: json.length, data },
    durationMs,
  );
}
