/** Draws the visible range of the waveform from the peaks level that fits the zoom, one min/max bar per pixel column. */
import type { Cue } from '../../src-shared/document';
import type { Severity } from '../../src-shared/problems';
import { fullScale, type Peaks, pickLevel } from '../../src-shared/waveform';
import type { TimeIndex } from '../store/time-index';
import { type DetailPeaks, detailColumns } from './detail-peaks';
import type { Viewport } from './viewport';

/** Sizes a canvas's backing store to its CSS size times the device pixel ratio; returns the 2D context. */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  widthPx: number,
  heightPx: number,
): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(widthPx * ratio));
  const h = Math.max(1, Math.round(heightPx * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, widthPx, heightPx);
  return ctx;
}

/**
 * Min/max per pixel column of [view.startMs, view.startMs + width) from the level `pickLevel` chooses: the coarsest
 * with at least one pair per pixel. Columns past the data get NaN.
 */
export function columnPeaks(peaks: Peaks, view: Viewport, columns: number): { min: Float32Array; max: Float32Array } {
  const level = pickLevel(peaks, view.pxPerSec);
  const pairsPerMs = peaks.sampleRate / level.samplesPerPixel / 1000;
  const msPerColumn = (view.widthPx / columns) * (1000 / view.pxPerSec);
  const min = new Float32Array(columns);
  const max = new Float32Array(columns);
  const scale = fullScale(peaks.bits);
  const { data, length } = level;
  for (let x = 0; x < columns; x++) {
    const t0 = view.startMs + x * msPerColumn;
    const first = Math.floor(t0 * pairsPerMs);
    const last = Math.max(first + 1, Math.floor((t0 + msPerColumn) * pairsPerMs));
    if (first >= length || last <= 0) {
      min[x] = Number.NaN;
      max[x] = Number.NaN;
      continue;
    }
    let lo = 0;
    let hi = 0;
    for (let i = Math.max(0, first); i < Math.min(last, length); i++) {
      const a = data[i * 2] as number;
      const b = data[i * 2 + 1] as number;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    min[x] = lo / scale;
    max[x] = hi / scale;
  }
  return { min, max };
}

/**
 * Draws the view's waveform from the cached peaks, or from `detail` (fine range peaks) when given, scaled by
 * `amplitude` (vertical zoom; peaks taller than the canvas are clipped to it).
 */
export function drawWaveform(
  ctx: CanvasRenderingContext2D,
  peaks: Peaks | null,
  view: Viewport,
  heightPx: number,
  color: string,
  amplitude = 1,
  detail: DetailPeaks | null = null,
): void {
  const columns = Math.max(1, Math.round(view.widthPx));
  const source = detail ? detailColumns(detail, view, columns) : peaks ? columnPeaks(peaks, view, columns) : null;
  if (!source) return;
  const { min, max } = source;
  const mid = heightPx / 2;
  const gain = (heightPx / 2) * 0.95 * amplitude;
  ctx.fillStyle = color;
  for (let x = 0; x < columns; x++) {
    const hi = max[x] as number;
    if (Number.isNaN(hi)) continue;
    const top = Math.max(0, mid - hi * gain);
    const bottom = Math.min(heightPx, mid - (min[x] as number) * gain);
    ctx.fillRect(x, top, 1, Math.max(1, bottom - top));
  }
}

/** Colours of the dense cue strip. */
export interface DenseColors {
  cue: string;
  warning: string;
  error: string;
}

/**
 * Draws cues as marks when too many are visible to be buttons (a whole hour, or 232,400 cues): per pixel column,
 * whether a cue covers it and the worst severity there, then one rect per run. O(visible cues + width).
 */
export function drawDenseCues(
  ctx: CanvasRenderingContext2D,
  cues: readonly Cue[],
  index: TimeIndex,
  severity: ReadonlyMap<number, Severity>,
  view: Viewport,
  top: number,
  height: number,
  colors: DenseColors,
): void {
  const width = Math.max(1, Math.round(view.widthPx));
  const column = new Uint8Array(width);
  const endMs = view.startMs + (view.widthPx * 1000) / view.pxPerSec;
  const first = index.lowerBound(view.startMs - index.maxExtentMs);
  const last = index.upperBound(endMs);
  const pxPerMs = view.pxPerSec / 1000;
  for (let k = first; k < last; k++) {
    const cue = cues[index.positionAt(k)] as Cue;
    const lo = Math.min(cue.startMs, cue.endMs);
    const hi = Math.max(cue.startMs, cue.endMs);
    if (hi < view.startMs) continue;
    const x0 = Math.max(0, Math.floor((lo - view.startMs) * pxPerMs));
    const x1 = Math.min(width, Math.max(x0 + 1, Math.ceil((hi - view.startMs) * pxPerMs)));
    const level = severity.get(cue.id) === 'error' ? 3 : severity.get(cue.id) === 'warning' ? 2 : 1;
    for (let x = x0; x < x1; x++) if ((column[x] as number) < level) column[x] = level;
  }
  const fills = ['', colors.cue, colors.warning, colors.error];
  let x = 0;
  while (x < width) {
    const level = column[x] as number;
    let end = x + 1;
    while (end < width && column[end] === level) end++;
    if (level > 0) {
      ctx.fillStyle = fills[level] as string;
      ctx.fillRect(x, top, end - x, height);
    }
    x = end;
  }
}
