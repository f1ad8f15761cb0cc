/**
 * Fine peaks for deep zooms: past 200 px per second the cached base level (one pair per 5 ms) is too coarse, so the
 * visible stretch (plus half a screen either side) is decoded in main at one pair per screen pixel, down to 1 ms per
 * pixel (the `rangePeaks` channel). These helpers decide when that is needed and draw from it.
 */
import { fullScale, type Peaks } from '../../src-shared/waveform';
import { spanMs, type Viewport } from './viewport';

/** Fine peaks of [fromMs, toMs) of one media file: `data` holds interleaved min/max pairs. */
export interface DetailPeaks {
  mediaPath: string;
  fromMs: number;
  toMs: number;
  data: Int16Array;
}

/** Longest stretch and most pairs one request may ask for (the contract's limits). */
const MAX_RANGE_MS = 60_000;
const MAX_PAIRS = 16_384;

/** Milliseconds per pair of the cached base level (5 ms), or 5 ms while none has arrived. */
export function basePairMs(peaks: Peaks | null): number {
  return peaks ? (peaks.samplesPerPixel / peaks.sampleRate) * 1000 : 5;
}

/** Whether the zoom shows more than one pixel per cached pair, so fine peaks are worth fetching. */
export function needsDetail(view: Viewport, peaks: Peaks | null): boolean {
  return 1000 / view.pxPerSec < basePairMs(peaks) - 1e-9;
}

function pairMs(detail: DetailPeaks): number {
  return (detail.toMs - detail.fromMs) / (detail.data.length / 2);
}

/** Whether `detail` covers the whole view at least as finely as one pair per pixel. */
export function detailCovers(detail: DetailPeaks | null, view: Viewport, mediaPath: string): boolean {
  if (!detail || detail.mediaPath !== mediaPath) return false;
  const end = view.startMs + spanMs(view);
  return (
    detail.fromMs <= view.startMs + 1e-6 && detail.toMs >= end - 1e-6 && pairMs(detail) <= 1000 / view.pxPerSec + 1e-6
  );
}

/** The stretch to fetch for a view: the view plus half a span either side, at one pair per pixel. */
export function detailRequest(view: Viewport, durationMs: number): { fromMs: number; toMs: number; pairs: number } {
  const span = spanMs(view);
  const margin = Math.min(span / 2, (MAX_RANGE_MS - span) / 2, ((MAX_PAIRS * 1000) / view.pxPerSec - span) / 2);
  const fromMs = Math.max(0, Math.floor(view.startMs - Math.max(0, margin)));
  const toMs = Math.min(Math.max(durationMs, fromMs + 1), Math.ceil(view.startMs + span + Math.max(0, margin)));
  const pairs = Math.max(1, Math.min(MAX_PAIRS, Math.ceil(((toMs - fromMs) * view.pxPerSec) / 1000)));
  return { fromMs, toMs, pairs };
}

/** Min/max (-1..1) per pixel column of the view from fine peaks; NaN where they have nothing. */
export function detailColumns(
  detail: DetailPeaks,
  view: Viewport,
  columns: number,
): { min: Float32Array; max: Float32Array } {
  const min = new Float32Array(columns);
  const max = new Float32Array(columns);
  const length = detail.data.length / 2;
  const pairsPerMs = 1 / pairMs(detail);
  const msPerColumn = (view.widthPx / columns) * (1000 / view.pxPerSec);
  const scale = fullScale(16);
  for (let x = 0; x < columns; x++) {
    const t0 = view.startMs + x * msPerColumn - detail.fromMs;
    const first = Math.floor(t0 * pairsPerMs + 1e-6);
    const last = Math.max(first + 1, Math.floor((t0 + msPerColumn) * pairsPerMs + 1e-6));
    if (first >= length || last <= 0) {
      min[x] = Number.NaN;
      max[x] = Number.NaN;
      continue;
    }
    let lo = 0;
    let hi = 0;
    for (let i = Math.max(0, first); i < Math.min(last, length); i++) {
      const a = detail.data[i * 2] as number;
      const b = detail.data[i * 2 + 1] as number;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    min[x] = lo / scale;
    max[x] = hi / scale;
  }
  return { min, max };
}
