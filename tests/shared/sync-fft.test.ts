/** Specification of the radix-2 FFT and the FFT cross-correlation the sync estimator is built on. */
import { describe, expect, it } from 'vitest';
import { crossCorrelate, fft, nextPowerOfTwo } from '../../src-shared/sync/fft';

/** Deterministic pseudo-random values in [-1, 1). */
function noise(length: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** The textbook O(n^2) DFT, as the reference. */
function dft(re: number[], im: number[]): { re: number[]; im: number[] } {
  const n = re.length;
  const out = { re: [] as number[], im: [] as number[] };
  for (let k = 0; k < n; k++) {
    let sumRe = 0;
    let sumIm = 0;
    for (let t = 0; t < n; t++) {
      const angle = (-2 * Math.PI * k * t) / n;
      sumRe += (re[t] as number) * Math.cos(angle) - (im[t] as number) * Math.sin(angle);
      sumIm += (re[t] as number) * Math.sin(angle) + (im[t] as number) * Math.cos(angle);
    }
    out.re.push(sumRe);
    out.im.push(sumIm);
  }
  return out;
}

describe('fft', () => {
  it.each([1, 2, 8, 64])('matches the direct DFT for length %i', (n) => {
    const re = noise(n, n);
    const im = noise(n, n + 100);
    const expected = dft(re, im);
    const outRe = Float64Array.from(re);
    const outIm = Float64Array.from(im);
    fft(outRe, outIm);
    for (let k = 0; k < n; k++) {
      expect(outRe[k]).toBeCloseTo(expected.re[k] as number, 9);
      expect(outIm[k]).toBeCloseTo(expected.im[k] as number, 9);
    }
  });

  it('inverts with the inverse transform divided by n', () => {
    const re = Float64Array.from(noise(256, 7));
    const im = Float64Array.from(noise(256, 8));
    const copyRe = re.slice();
    const copyIm = im.slice();
    fft(re, im);
    fft(re, im, true);
    for (let i = 0; i < 256; i++) {
      expect((re[i] as number) / 256).toBeCloseTo(copyRe[i] as number, 12);
      expect((im[i] as number) / 256).toBeCloseTo(copyIm[i] as number, 12);
    }
  });

  it('refuses lengths that are not powers of two', () => {
    expect(() => fft(new Float64Array(12), new Float64Array(12))).toThrow(/power of two/);
  });

  it('rounds sizes up to powers of two', () => {
    expect([0, 1, 2, 3, 1000, 1024, 1025].map(nextPowerOfTwo)).toEqual([1, 1, 2, 4, 1024, 1024, 2048]);
  });
});

describe('crossCorrelate', () => {
  it('equals sum_t a[t] * b[t - lag] for every lag, including lags where the signals do not overlap', () => {
    const a = noise(37, 1);
    const b = noise(50, 2);
    const result = crossCorrelate(a, b, -70, 60);
    expect(result).toHaveLength(131);
    for (let lag = -70; lag <= 60; lag++) {
      let sum = 0;
      for (let t = 0; t < a.length; t++) {
        const u = t - lag;
        if (u >= 0 && u < b.length) sum += (a[t] as number) * (b[u] as number);
      }
      expect(result[lag + 70]).toBeCloseTo(sum, 9);
    }
  });

  it('peaks at the lag by which a copy was delayed', () => {
    const b = noise(500, 3);
    const delay = 23;
    const a = [...new Array<number>(delay).fill(0), ...b];
    const result = crossCorrelate(a, b, -50, 50);
    const best = result.indexOf(Math.max(...result)) - 50;
    expect(best).toBe(delay);
  });
});
