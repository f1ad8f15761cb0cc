/** Timeline viewport math: which span of time the timeline shows, zoom about a point, scrolling, following playback. */

export interface Viewport {
  /** Time at the left edge. */
  readonly startMs: number;
  /** Zoom: screen pixels per second of media. */
  readonly pxPerSec: number;
  /** Width of the timeline in CSS pixels. */
  readonly widthPx: number;
}

/** Deepest zoom: 1 ms per pixel (past 5 ms per pixel the waveform comes from fine range peaks, detail-peaks.ts). */
export const MAX_PX_PER_SEC = 1000;
/** Zoom step of one key press or wheel notch. */
export const ZOOM_STEP = 1.5;

/** Length of time the viewport shows. */
export function spanMs(view: Viewport): number {
  return (view.widthPx * 1000) / view.pxPerSec;
}

export function msToPx(view: Viewport, ms: number): number {
  return ((ms - view.startMs) * view.pxPerSec) / 1000;
}

export function pxToMs(view: Viewport, px: number): number {
  return view.startMs + (px * 1000) / view.pxPerSec;
}

/** Zoom at which the whole `durationMs` fits the width. */
export function fitPxPerSec(durationMs: number, widthPx: number): number {
  return Math.min(MAX_PX_PER_SEC, (Math.max(widthPx, 1) * 1000) / Math.max(durationMs, 1000));
}

/** Keeps zoom within [fit, max] and the start within [0, duration - span]. */
export function clampView(view: Viewport, durationMs: number): Viewport {
  const pxPerSec = Math.max(fitPxPerSec(durationMs, view.widthPx), Math.min(MAX_PX_PER_SEC, view.pxPerSec));
  const span = (view.widthPx * 1000) / pxPerSec;
  const startMs = Math.max(0, Math.min(view.startMs, Math.max(0, durationMs - span)));
  if (startMs === view.startMs && pxPerSec === view.pxPerSec) return view;
  return { startMs, pxPerSec, widthPx: view.widthPx };
}

/** The whole duration in view. */
export function fitView(durationMs: number, widthPx: number): Viewport {
  return { startMs: 0, pxPerSec: fitPxPerSec(durationMs, widthPx), widthPx };
}

/** Zooms by `factor` (>1 zooms in) keeping `anchorMs` at the same screen position. */
export function zoomAt(view: Viewport, factor: number, anchorMs: number, durationMs: number): Viewport {
  const anchorPx = msToPx(view, anchorMs);
  const zoomed = clampView({ ...view, pxPerSec: view.pxPerSec * factor }, durationMs);
  const startMs = anchorMs - (anchorPx * 1000) / zoomed.pxPerSec;
  return clampView({ ...zoomed, startMs }, durationMs);
}

/** Scrolls by `deltaPx` screen pixels. */
export function scrollBy(view: Viewport, deltaPx: number, durationMs: number): Viewport {
  return clampView({ ...view, startMs: view.startMs + (deltaPx * 1000) / view.pxPerSec }, durationMs);
}

/** Centres `ms` in the view. */
export function centreOn(view: Viewport, ms: number, durationMs: number): Viewport {
  return clampView({ ...view, startMs: ms - spanMs(view) / 2 }, durationMs);
}

/**
 * Brings [fromMs, toMs] into view: unchanged when it is already inside the middle 90 %, else centred;
 * zoomed in to at least `minPxPerSec` first so a revealed cue is wide enough to grab.
 */
export function revealRange(
  view: Viewport,
  fromMs: number,
  toMs: number,
  durationMs: number,
  minPxPerSec = 40,
): Viewport {
  let next = view.pxPerSec < minPxPerSec ? clampView({ ...view, pxPerSec: minPxPerSec }, durationMs) : view;
  const span = spanMs(next);
  const margin = span * 0.05;
  if (fromMs >= next.startMs + margin && toMs <= next.startMs + span - margin && next === view) return view;
  const centre = (fromMs + toMs) / 2;
  next = centreOn(next, centre, durationMs);
  return next;
}

/** While playing: when the playhead leaves the view or passes 90 % of it, page so it sits at 10 %. */
export function followPlayhead(view: Viewport, playheadMs: number, durationMs: number): Viewport {
  const span = spanMs(view);
  if (playheadMs >= view.startMs && playheadMs <= view.startMs + span * 0.9) return view;
  return clampView({ ...view, startMs: playheadMs - span * 0.1 }, durationMs);
}
