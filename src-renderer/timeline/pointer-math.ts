/**
 * Pure helpers of the timeline's mouse work: the live readout while dragging, where a block can be grabbed (a cue
 * of zero length included), the overview strip's precise seeking and window dragging, and the amplitude zoom.
 */
import { formatSrtTime } from '../../src-shared/time';
import { t } from '../i18n';
import type { DragKind } from './snap';

// ----- live readout ----------------------------------------------------------------------------------------------

/** "Start 00:00:02,100 · End 00:00:05,466 · Duration 3.366 s": the file's time form, the length as the Duration field shows it. */
export function readoutText(startMs: number, endMs: number): string {
  const length = Math.round(endMs - startMs);
  const sign = length < 0 ? '−' : '';
  const abs = Math.abs(length);
  const duration = `${sign}${(abs / 1000).toFixed(3)}`;
  return t('ui:timeline.readout', { start: formatSrtTime(startMs), end: formatSrtTime(endMs), duration });
}

// ----- block geometry --------------------------------------------------------------------------------------------

/** Grabbing within this many pixels of a block's side resizes it. */
export const EDGE_PX = 7;
/** A block is never narrower on screen than this, so both edges of a zero-length cue can be grabbed. */
export const MIN_BLOCK_PX = 2 * EDGE_PX;

/** Where a block sits: `left`/`width` of its button, and the x of its start and end times inside it. */
export interface BlockBox {
  left: number;
  width: number;
  startX: number;
  endX: number;
}

/** The box of a cue drawn from `lo` px to `hi` px: widened about its middle when narrower than MIN_BLOCK_PX. */
export function blockBox(loPx: number, hiPx: number): BlockBox {
  const width = hiPx - loPx;
  if (width >= MIN_BLOCK_PX) return { left: loPx, width, startX: 0, endX: width };
  const left = (loPx + hiPx) / 2 - MIN_BLOCK_PX / 2;
  return { left, width: MIN_BLOCK_PX, startX: loPx - left, endX: hiPx - left };
}

/**
 * What a press at `x` (px from the box's left) grabs: an edge within EDGE_PX of its time, else the body. In a
 * narrow box (a short or zero-length cue) the left half is the start and the right half the end.
 */
export function grabAt(box: BlockBox, x: number): DragKind {
  const span = box.endX - box.startX;
  if (span < 2 * EDGE_PX) return x < (box.startX + box.endX) / 2 ? 'start' : 'end';
  const edge = Math.min(EDGE_PX, span / 3);
  if (x - box.startX <= edge) return 'start';
  if (box.endX - x <= edge) return 'end';
  return 'move';
}

// ----- overview strip --------------------------------------------------------------------------------------------

/** The media time under `x` px of an overview `widthPx` wide showing `durationMs`, to the millisecond. */
export function overviewTime(x: number, widthPx: number, durationMs: number): number {
  const fraction = Math.max(0, Math.min(1, x / Math.max(1, widthPx)));
  return Math.round(fraction * durationMs);
}

/**
 * One movement of a drag on the overview's window: it moves with the pointer from where it was grabbed (no jump to
 * centre), and with `fine` (Shift held) at a twentieth of the speed, so a one-hour file scrolls ~0.16 s per pixel,
 * not 3 s. Returns the new view start.
 */
export function overviewDragStart(
  grabbedStartMs: number,
  dxPx: number,
  widthPx: number,
  durationMs: number,
  fine: boolean,
): number {
  const msPerPx = durationMs / Math.max(1, widthPx);
  return Math.round(grabbedStartMs + dxPx * msPerPx * (fine ? 1 / 20 : 1));
}

// ----- amplitude zoom --------------------------------------------------------------------------------------------

/** Vertical zoom of the waveform: 1 is full scale fits the height. */
export const MIN_AMPLITUDE = 1;
export const MAX_AMPLITUDE = 32;
/** One key press or Shift+wheel notch. */
export const AMPLITUDE_STEP = Math.SQRT2;

/** The amplitude one step up (1) or down (-1), within [MIN_AMPLITUDE, MAX_AMPLITUDE]; steps land on powers of √2. */
export function stepAmplitude(gain: number, direction: 1 | -1): number {
  const exponent = Math.round(Math.log(gain) / Math.log(AMPLITUDE_STEP)) + direction;
  const next = AMPLITUDE_STEP ** exponent;
  return Math.max(MIN_AMPLITUDE, Math.min(MAX_AMPLITUDE, Math.round(next * 1000) / 1000));
}

/** "Amplitude ×2.83". */
export function amplitudeText(gain: number): string {
  return t('ui:timeline.amplitude', { gain: Number(gain.toFixed(2)) });
}
