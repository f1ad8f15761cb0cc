/**
 * Whole-file overview strip: wavesurfer's waveform of the whole media and the visible window. Clicking outside the
 * window seeks to the exact millisecond there and centres the view on it; dragging moves the window with the
 * pointer from where it was grabbed (no jump), at a twentieth of the speed while Shift is held (fine scrolling on
 * long files).
 */
import { type PointerEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore, useStore } from '../store/use-store';
import type { MediaController } from '../video/media-controller';
import { overviewDragStart, overviewTime } from './pointer-math';
import { centreOn, spanMs } from './viewport';

export function Overview({ media, onSeek }: { media: MediaController; onSeek: (ms: number) => void }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const host = useRef<HTMLDivElement>(null);
  const view = useStore((s) => s.view);
  const playhead = useStore((s) => s.playheadMs);
  useStore((s) => s.timingVersion);
  useStore((s) => s.media);
  const duration = store.durationMs();

  useEffect(() => {
    media.attachOverview(host.current);
    return () => media.attachOverview(null);
  }, [media]);

  const grab = useRef<{ lastX: number } | null>(null);

  function press(event: PointerEvent<HTMLDivElement>): void {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const current = store.getState().view;
    const windowLeft = (current.startMs / duration) * rect.width;
    const windowRight = ((current.startMs + spanMs(current)) / duration) * rect.width;
    if (x < windowLeft || x > windowRight) {
      const ms = overviewTime(x, rect.width, duration);
      onSeek(ms);
      store.setView(centreOn(current, ms, duration));
    }
    grab.current = { lastX: event.clientX };
  }

  // Each movement moves the window by its own distance, so pressing or releasing Shift mid-drag never jumps.
  function drag(event: PointerEvent<HTMLDivElement>): void {
    const g = grab.current;
    if (!g) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const current = store.getState().view;
    const startMs = overviewDragStart(current.startMs, event.clientX - g.lastX, rect.width, duration, event.shiftKey);
    g.lastX = event.clientX;
    store.setView({ ...current, startMs });
  }

  const left = (view.startMs / duration) * 100;
  const width = Math.max(0.3, (spanMs(view) / duration) * 100);
  return (
    <div
      className="overview"
      role="slider"
      tabIndex={-1}
      aria-label={t('ui:timeline.overview')}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(view.startMs)}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        press(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) drag(event);
      }}
      onPointerUp={() => {
        grab.current = null;
      }}
      onPointerCancel={() => {
        grab.current = null;
      }}
    >
      <div className="overview-wave" ref={host} />
      <div className="overview-window" style={{ left: `${left}%`, width: `${width}%` }} />
      <div className="overview-playhead" style={{ left: `${(playhead / duration) * 100}%` }} />
    </div>
  );
}
