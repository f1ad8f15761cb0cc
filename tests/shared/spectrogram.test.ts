/** Specification of the pure spectrogram: frequency placement, time placement, level scale, chunked streaming. */
import { describe, expect, it } from 'vitest';
import {
  binOfHz,
  columnMs,
  computeSpectrogram,
  levelAt,
  loudestBin,
  SpectrogramAccumulator,
  spectrogramParams,
} from '../../src-shared/spectrogram';

const params = spectrogramParams();

function sine(hz: number, seconds: number, amplitude = 0.5, rate = params.sampleRate): Int16Array {
  const out = new Int16Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / rate));
  return out;
}

describe('spectrogram', () => {
  it('has 50 columns per second of 128 bins covering 0-4 kHz', () => {
    expect(columnMs(params)).toBe(20);
    expect(params.bins).toBe(128);
    const s = computeSpectrogram(sine(440, 3));
    expect(s.columns).toBe(150);
    expect(s.data.length).toBe(150 * 128);
    expect(s.durationMs).toBe(3000);
  });

  it('puts a tone in its frequency bin, far above the other bins', () => {
    for (const hz of [250, 1000, 3000]) {
      const s = computeSpectrogram(sine(hz, 1, 0.1));
      const bin = binOfHz(s, hz);
      expect(loudestBin(s, 5, 45)).toBe(bin);
      // -20 dBFS: (−20 − (−100)) / 90 * 255 ≈ 227, within a few levels (Hann scalloping is below 1.5 dB at a bin centre).
      expect(Math.abs(levelAt(s, 20, bin) - 227)).toBeLessThanOrEqual(5);
      expect(levelAt(s, 20, (bin + 40) % 128)).toBeLessThan(levelAt(s, 20, bin) - 100);
    }
  });

  it('maps level linearly in dB: a tone 20 dB quieter is 20/90 of the scale lower', () => {
    const loud = computeSpectrogram(sine(1000, 1, 0.1));
    const quiet = computeSpectrogram(sine(1000, 1, 0.01));
    const bin = binOfHz(loud, 1000);
    expect(levelAt(loud, 20, bin) - levelAt(quiet, 20, bin)).toBeCloseTo((20 / 90) * 255, -0.5);
  });

  it('places a click in the column whose 20 ms span holds it', () => {
    const samples = new Int16Array(8000);
    samples[4088] = 30000; // 511 ms: inside column 25's span [500, 520) ms, near its centre.
    const s = computeSpectrogram(samples);
    const energy = (c: number) => Array.from({ length: s.bins }, (_, b) => levelAt(s, c, b)).reduce((a, b) => a + b);
    const loudest = Array.from({ length: s.columns }, (_, c) => c).sort((a, b) => energy(b) - energy(a))[0];
    expect(loudest).toBe(25);
    expect(energy(10)).toBe(0);
  });

  it('gives the same columns however the samples are chunked', () => {
    const samples = sine(700, 2.345);
    const whole = computeSpectrogram(samples);
    const accumulator = new SpectrogramAccumulator(params, 4);
    let offset = 0;
    for (const size of [1, 7, 159, 160, 161, 1000, 3]) {
      accumulator.push(samples.subarray(offset, offset + size));
      offset += size;
    }
    while (offset < samples.length) {
      accumulator.push(samples.subarray(offset, offset + 997));
      offset += 997;
    }
    const chunked = accumulator.finish();
    expect(chunked.columns).toBe(whole.columns);
    expect(Buffer.from(chunked.data).equals(Buffer.from(whole.data))).toBe(true);
  });

  it('is all zero for silence and empty for no samples', () => {
    expect(computeSpectrogram(new Int16Array(1600)).data.every((level) => level === 0)).toBe(true);
    expect(computeSpectrogram(new Int16Array(0)).columns).toBe(0);
  });

  it('refuses parameters the FFT cannot use', () => {
    expect(() => new SpectrogramAccumulator(spectrogramParams({ fftSize: 300 }))).toThrow(/power of two/);
    expect(() => new SpectrogramAccumulator(spectrogramParams({ hopSamples: 0 }))).toThrow(/hop/);
  });
});
