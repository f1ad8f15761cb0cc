/**
 * Spectrogram of a mono 16-bit PCM stream (pure): Hann-windowed short-time FFT, one column of `bins` byte levels
 * per hop, fed in chunks so main can stream columns to the renderer while ffmpeg decodes. Column k is centred on
 * the middle of samples [k * hop, (k + 1) * hop), so it is drawn over exactly that time span; bin b is the
 * frequency b * sampleRate / fftSize (0 Hz up to just under Nyquist). Levels map [minDb, maxDb] dBFS to 0..255,
 * where 0 dBFS is a full-scale sine.
 */
import { fft } from './sync/fft';

/** Decode rate shared with the waveform peaks (one ffmpeg decode serves both): 0-4 kHz, where speech lives. */
export const SPECTROGRAM_SAMPLE_RATE = 8000;
/** 256-point FFT at 8 kHz: 32 ms windows, 31.25 Hz per bin. */
export const SPECTROGRAM_FFT_SIZE = 256;
/** 160 samples = 20 ms per column (50 columns per second). */
export const SPECTROGRAM_HOP = 160;
export const SPECTROGRAM_MIN_DB = -100;
export const SPECTROGRAM_MAX_DB = -10;

/** Shape of a spectrogram: everything needed to place a column and a bin in time and frequency. */
export interface SpectrogramParams {
  sampleRate: number;
  fftSize: number;
  hopSamples: number;
  /** fftSize / 2 frequency bins per column. */
  bins: number;
  minDb: number;
  maxDb: number;
}

/** A whole (or partly arrived) spectrogram. */
export interface Spectrogram extends SpectrogramParams {
  /** Columns present in `data`. */
  columns: number;
  /** columns * bins levels, column after column, bin 0 (lowest frequency) first in each column. */
  data: Uint8Array;
  durationMs: number;
}

/** The default parameters (the only ones the app uses; tests may pass others). */
export function spectrogramParams(overrides: Partial<SpectrogramParams> = {}): SpectrogramParams {
  const fftSize = overrides.fftSize ?? SPECTROGRAM_FFT_SIZE;
  return {
    sampleRate: overrides.sampleRate ?? SPECTROGRAM_SAMPLE_RATE,
    fftSize,
    hopSamples: overrides.hopSamples ?? SPECTROGRAM_HOP,
    bins: fftSize / 2,
    minDb: overrides.minDb ?? SPECTROGRAM_MIN_DB,
    maxDb: overrides.maxDb ?? SPECTROGRAM_MAX_DB,
  };
}

/** Milliseconds per column. */
export function columnMs(params: Pick<SpectrogramParams, 'sampleRate' | 'hopSamples'>): number {
  return (params.hopSamples * 1000) / params.sampleRate;
}

/** The bin whose centre frequency is nearest `hz`. */
export function binOfHz(params: Pick<SpectrogramParams, 'sampleRate' | 'fftSize'>, hz: number): number {
  return Math.round((hz * params.fftSize) / params.sampleRate);
}

/** Folds PCM samples into spectrogram columns as they arrive. */
export class SpectrogramAccumulator {
  readonly params: SpectrogramParams;
  /** Samples pushed so far. */
  samples = 0;
  /** Complete columns so far. */
  columns = 0;
  private data: Uint8Array;
  /** Samples not yet consumed by a window, starting at the next window's first sample. */
  private pending: Float64Array;
  private pendingLength: number;
  private readonly window: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** Magnitude of a full-scale sine's peak bin: 32768 * sum(window) / 2. */
  private readonly fullScale: number;

  constructor(params: SpectrogramParams = spectrogramParams(), expectedColumns = 1024) {
    const { fftSize, hopSamples } = params;
    if (fftSize & (fftSize - 1) || fftSize < 4) throw new RangeError(`fftSize ${fftSize} is not a power of two`);
    if (!(hopSamples > 0) || hopSamples > fftSize) throw new RangeError(`hop ${hopSamples} must be 1..fftSize`);
    this.params = params;
    this.data = new Uint8Array(Math.max(1, expectedColumns) * params.bins);
    this.window = new Float64Array(fftSize);
    let sum = 0;
    for (let i = 0; i < fftSize; i++) {
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / fftSize);
      this.window[i] = w;
      sum += w;
    }
    this.fullScale = (32768 * sum) / 2;
    this.re = new Float64Array(fftSize);
    this.im = new Float64Array(fftSize);
    this.pending = new Float64Array(fftSize * 4);
    // Centre column k on the middle of its hop: the first window starts (fftSize - hop) / 2 samples before 0.
    this.pendingLength = Math.floor((fftSize - hopSamples) / 2);
  }

  /** Adds samples (16-bit values). */
  push(samples: ArrayLike<number>): void {
    const { fftSize, hopSamples } = this.params;
    let offset = 0;
    while (offset < samples.length) {
      const room = this.pending.length - this.pendingLength;
      const take = Math.min(room, samples.length - offset);
      for (let i = 0; i < take; i++) this.pending[this.pendingLength + i] = samples[offset + i] as number;
      this.pendingLength += take;
      offset += take;
      let start = 0;
      while (this.pendingLength - start >= fftSize) {
        this.column(start);
        start += hopSamples;
      }
      this.pending.copyWithin(0, start, this.pendingLength);
      this.pendingLength -= start;
    }
    this.samples += samples.length;
  }

  /** Columns [from, to) as a standalone array (progress chunks). */
  copyColumns(from: number, to: number = this.columns): Uint8Array {
    const { bins } = this.params;
    return this.data.slice(from * bins, to * bins);
  }

  /** Pads the tail with silence so every started hop has its column, and returns the spectrogram. */
  finish(): Spectrogram {
    const { hopSamples, bins, sampleRate } = this.params;
    const wanted = Math.ceil(this.samples / hopSamples);
    const samples = this.samples;
    const silence = new Float64Array(hopSamples);
    while (this.columns < wanted) this.push(silence);
    this.samples = samples;
    const data = this.data.length === this.columns * bins ? this.data : this.data.slice(0, this.columns * bins);
    return { ...this.params, columns: this.columns, data, durationMs: (samples * 1000) / sampleRate };
  }

  private column(start: number): void {
    const { fftSize, bins, minDb, maxDb } = this.params;
    const { re, im, window, pending } = this;
    for (let i = 0; i < fftSize; i++) {
      re[i] = (pending[start + i] as number) * (window[i] as number);
      im[i] = 0;
    }
    fft(re, im);
    if ((this.columns + 1) * bins > this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const out = this.columns * bins;
    const scale = 255 / (maxDb - minDb);
    const fullPower = this.fullScale * this.fullScale;
    for (let b = 0; b < bins; b++) {
      const r = re[b] as number;
      const i = im[b] as number;
      const power = (r * r + i * i) / fullPower;
      const db = power > 0 ? 10 * Math.log10(power) : minDb;
      const level = (db - minDb) * scale;
      this.data[out + b] = level <= 0 ? 0 : level >= 255 ? 255 : Math.round(level);
    }
    this.columns++;
  }
}

/** The spectrogram of a whole PCM buffer at once (tests, small files). */
export function computeSpectrogram(samples: ArrayLike<number>, params: SpectrogramParams = spectrogramParams()) {
  const accumulator = new SpectrogramAccumulator(params, Math.ceil(samples.length / params.hopSamples) + 1);
  accumulator.push(samples);
  return accumulator.finish();
}

/** The level of bin `bin` in column `column` (0 outside the data). */
export function levelAt(spectrogram: Pick<Spectrogram, 'bins' | 'columns' | 'data'>, column: number, bin: number) {
  if (column < 0 || column >= spectrogram.columns || bin < 0 || bin >= spectrogram.bins) return 0;
  return spectrogram.data[column * spectrogram.bins + bin] as number;
}

/** The bin with the highest level averaged over columns [from, to). */
export function loudestBin(spectrogram: Pick<Spectrogram, 'bins' | 'columns' | 'data'>, from: number, to: number) {
  const sums = new Float64Array(spectrogram.bins);
  for (let c = Math.max(0, from); c < Math.min(to, spectrogram.columns); c++) {
    for (let b = 0; b < spectrogram.bins; b++) sums[b] = (sums[b] as number) + levelAt(spectrogram, c, b);
  }
  let best = 0;
  for (let b = 1; b < sums.length; b++) if ((sums[b] as number) > (sums[best] as number)) best = b;
  return best;
}
