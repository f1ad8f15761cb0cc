/**
 * The waveform timeline: overview, ruler, the visible waveform drawn from peaks, cue blocks and the playhead.
 * Wheel scrolls, Ctrl+wheel zooms about the pointer, Shift+wheel zooms the amplitude; the mouse work in gaps (seek,
 * create, Shift/Ctrl+click, context menu) is in timeline-pointer.tsx, fine peaks at deep zoom in detail-loader.ts.
 */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import type { EditorStore } from '../store/editor-store';
import { useEditorStore, useStore } from '../store/use-store';
import { SpeechLane } from '../sync/speech-lane';
import { SyncPiecesLayer } from '../sync/sync-pieces-layer';
import type { MediaController } from '../video/media-controller';
import { CueBlocks, DENSE_LIMIT } from './cue-blocks';
import { watchDetailPeaks } from './detail-loader';
import { detailCovers } from './detail-peaks';
import { paintOnChange } from './frame-painter';
import { Overview } from './overview';
import { amplitudeText, stepAmplitude } from './pointer-math';
import { Ruler } from './ruler-view';
import { ShotLinesLayer } from './shot-lines-layer';
import { SpectrogramLayer } from './spectrogram-layer';
import { type MenuAt, useGapGestures, WaveformMenu } from './timeline-pointer';
import { followPlayhead, msToPx, pxToMs, revealRange, scrollBy, spanMs, ZOOM_STEP, zoomAt } from './viewport';
import { drawDenseCues, drawWaveform, prepareCanvas } from './waveform-draw';

interface TimelineProps {
  media: MediaController;
  onSeek(ms: number): void;
  onPlay(fromMs: number, toMs: number): void;
  /** Playback and zoom buttons, left of the overview. */
  controls?: ReactNode;
}

function cssColor(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/** Draws waveform and dense cue marks for the current state. */
function draw(store: EditorStore, canvas: HTMLCanvasElement): void {
  const state = store.getState();
  const { view } = state;
  const height = canvas.clientHeight;
  const ctx = prepareCanvas(canvas, view.widthPx, height);
  if (!ctx) return;
  const peaks = state.peaks.peaks;
  // Deep zoom: the fine range peaks when they cover the view (detail-peaks.ts), else the cached levels.
  const mediaPath = state.media?.path ?? '';
  const detail = detailCovers(state.detailPeaks, view, mediaPath) ? state.detailPeaks : null;
  canvas.dataset.detail = detail ? 'range' : 'cached';
  canvas.dataset.amplitude = String(state.amplitude);
  // The view for tests and tools that map pixels to times (the ruler's labels say the same).
  canvas.dataset.viewStartMs = String(view.startMs);
  canvas.dataset.pxPerSec = String(view.pxPerSec);
  drawWaveform(ctx, peaks, view, height, cssColor(canvas, '--wave', '#4b8bbe'), state.amplitude, detail);
  const file = state.file;
  if (!file) return;
  const index = store.timeIndex();
  if (!index.visible(file.doc.cues, view.startMs, view.startMs + spanMs(view), DENSE_LIMIT).truncated) return;
  drawDenseCues(ctx, file.doc.cues, index, file.validation.severity, view, height - 14, 10, {
    cue: cssColor(canvas, '--cue-dense', '#3b82f6'),
    warning: cssColor(canvas, '--warning', '#d97706'),
    error: cssColor(canvas, '--error', '#dc2626'),
  });
}

export function Timeline({ media, onSeek, onPlay, controls }: TimelineProps) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const main = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const playhead = useRef<HTMLDivElement>(null);
  const peaksStatus = useStore((s) => s.peaks.status);
  const hasMedia = useStore((s) => s.media !== null);

  // Width follows the element.
  useEffect(() => {
    const element = main.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const widthPx = element.clientWidth;
      if (widthPx > 0) store.setView({ ...store.getState().view, widthPx });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [store]);

  // Canvas and playhead are drawn outside React, once per frame at most.
  useEffect(
    () =>
      paintOnChange(store, {
        everyFrame: (s) => {
          const element = playhead.current;
          if (element) element.style.transform = `translateX(${msToPx(s.view, s.playheadMs).toFixed(1)}px)`;
        },
        keys: (s) => [s.view, s.peaks.peaks, s.timingVersion, s.validationVersion, s.file, s.amplitude, s.detailPeaks],
        paint: () => {
          if (!canvas.current) return;
          draw(store, canvas.current);
        },
      }),
    [store],
  );

  // Fine peaks of the visible stretch at deep zooms.
  useEffect(() => watchDetailPeaks(store), [store]);

  // Follow playback, reveal requests.
  useEffect(() => {
    let lastReveal = store.getState().reveal?.seq ?? 0;
    return store.subscribe(() => {
      const s = store.getState();
      if (s.playing && s.follow) store.setView(followPlayhead(s.view, s.playheadMs, store.durationMs()));
      if (s.reveal && s.reveal.seq !== lastReveal) {
        lastReveal = s.reveal.seq;
        const doc = s.file?.doc;
        const position = doc ? doc.indexOf(s.reveal.id) : -1;
        if (!doc || position < 0) return;
        const cue = doc.cues[position] as Cue;
        const lo = Math.min(cue.startMs, cue.endMs);
        const hi = Math.max(cue.startMs, cue.endMs);
        const end = s.view.startMs + spanMs(s.view);
        const inView = lo >= s.view.startMs && hi <= end;
        const dense = store.timeIndex().visible(doc.cues, s.view.startMs, end, DENSE_LIMIT).truncated;
        if (!inView || dense) store.setView(revealRange(s.view, lo, hi, store.durationMs(), dense ? 40 : 0));
      }
    });
  }, [store]);

  // Wheel: a non-passive listener, so the page does not scroll too.
  useEffect(() => {
    const element = main.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const s = store.getState();
      const duration = store.durationMs();
      const rect = element.getBoundingClientRect();
      if (event.shiftKey && !(event.ctrlKey || event.metaKey)) {
        // Shift+wheel: amplitude zoom (Chromium may turn a Shift+wheel into a sideways delta).
        const delta = event.deltaY || event.deltaX;
        if (delta === 0) return;
        const gain = stepAmplitude(s.amplitude, delta < 0 ? 1 : -1);
        store.setAmplitude(gain);
        store.setMessage(amplitudeText(gain));
        return;
      }
      if (event.ctrlKey || event.metaKey) {
        // A sideways Ctrl+swipe (deltaY 0) is not a zoom gesture in either direction.
        if (event.deltaY === 0) return;
        const factor = event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
        store.setView(zoomAt(s.view, factor, pxToMs(s.view, event.clientX - rect.left), duration));
        return;
      }
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? rect.width : 1;
      const delta = (Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY) * unit;
      store.setView(scrollBy(s.view, delta, duration));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [store]);

  // Clicks, drags, Shift/Ctrl+clicks in gaps and the context menu (timeline-pointer.tsx).
  const gaps = useGapGestures(store, main, onSeek);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <section className="timeline" aria-label={t('ui:timeline.label')}>
      <div className="timeline-head">
        <div className="timeline-controls">{controls}</div>
        <Overview media={media} onSeek={onSeek} />
      </div>
      <Ruler onSeek={onSeek} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: pointer surface; every menu edit is also a command key */}
      <div
        className="timeline-main"
        ref={main}
        {...gaps.handlers}
        onContextMenu={(event) => {
          event.preventDefault();
          const rect = event.currentTarget.getBoundingClientRect();
          const ms = Math.max(0, Math.round(pxToMs(store.getState().view, event.clientX - rect.left)));
          setMenu({ ms, x: event.clientX, y: event.clientY });
        }}
      >
        <canvas
          ref={canvas}
          className="waveform"
          role="img"
          aria-label={t('ui:timeline.waveform')}
          aria-busy={peaksStatus === 'loading'}
          data-state={hasMedia ? peaksStatus : 'none'}
        />
        <SpectrogramLayer />
        <ShotLinesLayer />
        <SpeechLane />
        <SyncPiecesLayer />
        <CueBlocks onPlay={onPlay} onSeek={onSeek} />
        {gaps.preview}
        <div className="playhead" ref={playhead} aria-hidden="true" />
        {menu && <WaveformMenu store={store} at={menu} onClose={closeMenu} />}
      </div>
    </section>
  );
}
