/**
 * Spectrogram pixels for the visible range only (pure, no DOM): each screen column shows the loudest of the
 * spectrogram columns under it (sampled when zoomed far out), low frequencies at the bottom.
 */
import { columnMs, type Spectrogram } from '../../src-shared/spectrogram';
import { pxToMs, type Viewport } from './viewport';

/** At most this many spectrogram columns are looked at per screen column (the loudest wins). */
const SAMPLES_PER_PIXEL = 8;

/** Colour stops of the level ramp (dark blue-black, violet, red-orange, yellow, near white), RGB. */
const STOPS: readonly [number, number, number][] = [
  [8, 8, 24],
  [72, 18, 110],
  [190, 48, 70],
  [250, 150, 30],
  [252, 250, 190],
];

/** 256 RGBA entries: level -> colour (opaque). */
export function spectrogramPalette(): Uint8ClampedArray {
  const out = new Uint8ClampedArray(256 * 4);
  for (let level = 0; level < 256; level++) {
    const t = (level / 255) * (STOPS.length - 1);
    const i = Math.min(STOPS.length - 2, Math.floor(t));
    const f = t - i;
    const a = STOPS[i] as [number, number, number];
    const b = STOPS[i + 1] as [number, number, number];
    for (let k = 0; k < 3; k++)
      out[level * 4 + k] = Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * f);
    out[level * 4 + 3] = 255;
  }
  return out;
}

/**
 * RGBA pixels (widthPx x heightPx, row-major, top row first) of the spectrogram over `view`. Screen columns
 * before 0 ms or past the data that has arrived stay transparent.
 */
export function spectrogramPixels(
  spectrogram: Pick<Spectrogram, 'bins' | 'columns' | 'data' | 'sampleRate' | 'hopSamples'>,
  view: Viewport,
  heightPx: number,
  palette: Uint8ClampedArray,
): Uint8ClampedArray {
  const width = Math.max(0, Math.round(view.widthPx));
  const height = Math.max(0, Math.round(heightPx));
  const out = new Uint8ClampedArray(width * height * 4);
  const { bins, columns, data } = spectrogram;
  const perColumn = columnMs(spectrogram);
  // Bin of each screen row (bottom row = bin 0).
  const rowBin = new Int32Array(height);
  for (let y = 0; y < height; y++) rowBin[y] = Math.min(bins - 1, Math.floor(((height - 1 - y) * bins) / height));
  const levels = new Uint8Array(bins);
  for (let x = 0; x < width; x++) {
    const fromMs = pxToMs(view, x);
    const toMs = pxToMs(view, x + 1);
    if (fromMs < 0) continue;
    const first = Math.floor(fromMs / perColumn);
    if (first >= columns) break;
    const last = Math.min(columns, Math.max(first + 1, Math.floor(toMs / perColumn)));
    const step = Math.max(1, Math.floor((last - first) / SAMPLES_PER_PIXEL));
    levels.fill(0);
    for (let c = first; c < last; c += step) {
      const base = c * bins;
      for (let b = 0; b < bins; b++) {
        const level = data[base + b] as number;
        if (level > (levels[b] as number)) levels[b] = level;
      }
    }
    for (let y = 0; y < height; y++) {
      const colour = (levels[rowBin[y] as number] as number) * 4;
      const at = (y * width + x) * 4;
      out[at] = palette[colour] as number;
      out[at + 1] = palette[colour + 1] as number;
      out[at + 2] = palette[colour + 2] as number;
      out[at + 3] = 255;
    }
  }
  return out;
}
