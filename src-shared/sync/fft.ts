/** A small iterative radix-2 FFT and the FFT cross-correlation of two real signals built on it. */

/** Twiddle factors per transform size: cos and sin of -2 pi k / n for k < n / 2. */
const twiddleCache = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
  let table = twiddleCache.get(n);
  if (!table) {
    const cos = new Float64Array(n >> 1);
    const sin = new Float64Array(n >> 1);
    for (let k = 0; k < n >> 1; k++) {
      cos[k] = Math.cos((-2 * Math.PI * k) / n);
      sin[k] = Math.sin((-2 * Math.PI * k) / n);
    }
    table = { cos, sin };
    twiddleCache.set(n, table);
  }
  return table;
}

/** Smallest power of two that is at least `n` (and at least 1). */
export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/**
 * In-place complex FFT of `re` + i `im` (length a power of two). `inverse` computes the unscaled
 * inverse transform; divide by n to invert exactly.
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n !== im.length) throw new RangeError('fft: re and im differ in length');
  if (n & (n - 1)) throw new RangeError(`fft: length ${n} is not a power of two`);
  // Bit-reversal permutation.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i] as number;
      re[i] = re[j] as number;
      re[j] = tr;
      const ti = im[i] as number;
      im[i] = im[j] as number;
      im[j] = ti;
    }
  }
  const { cos, sin } = twiddles(n);
  const sign = inverse ? -1 : 1;
  for (let size = 2; size <= n; size *= 2) {
    const half = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step] as number;
        const wi = sign * (sin[k * step] as number);
        const a = start + k;
        const b = a + half;
        const xr = re[b] as number;
        const xi = im[b] as number;
        const tr = wr * xr - wi * xi;
        const ti = wr * xi + wi * xr;
        re[b] = (re[a] as number) - tr;
        im[b] = (im[a] as number) - ti;
        re[a] = (re[a] as number) + tr;
        im[a] = (im[a] as number) + ti;
      }
    }
  }
}

/**
 * Linear cross-correlation c[lag] = sum_t a[t] * b[t - lag] for lag in [minLag, maxLag], returned at
 * index lag - minLag. Both real signals share one complex transform (a + i b), so the cost is two
 * FFTs of the padded length rather than three.
 */
export function crossCorrelate(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  minLag: number,
  maxLag: number,
): Float64Array {
  // Padding to |a| + |b| keeps circular wrap-around out of every lag.
  const n = nextPowerOfTwo(a.length + b.length);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < a.length; i++) re[i] = a[i] as number;
  for (let i = 0; i < b.length; i++) im[i] = b[i] as number;
  fft(re, im);
  // With Z = FFT(a + i b): A_k = (Z_k + conj Z_-k) / 2 and B_k = (Z_k - conj Z_-k) / 2i; we need A_k conj(B_k).
  const pr = new Float64Array(n);
  const pi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const m = (n - k) & (n - 1);
    const zr = re[k] as number;
    const zi = im[k] as number;
    const cr = re[m] as number;
    const ci = -(im[m] as number);
    const ar = (zr + cr) / 2;
    const ai = (zi + ci) / 2;
    const br = (zi - ci) / 2;
    const bi = -(zr - cr) / 2;
    pr[k] = ar * br + ai * bi;
    pi[k] = ai * br - ar * bi;
  }
  fft(pr, pi, true);
  const out = new Float64Array(Math.max(0, maxLag - minLag + 1));
  for (let lag = minLag; lag <= maxLag; lag++) {
    // Lags where the signals do not overlap are zero; their circular slots hold other lags.
    if (lag >= a.length || lag <= -b.length) continue;
    out[lag - minLag] = (pr[lag >= 0 ? lag : n + lag] as number) / n;
  }
  return out;
}
