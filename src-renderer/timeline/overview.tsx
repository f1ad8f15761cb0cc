/** Whole-file overview strip: wavesurfer's waveform of the whole media, the visible window, click/drag to go there. */
import { type PointerEvent, useEffect, useRef } from 'react';
import { useEditorStore, useStore } from '../store/use-store';
import type { MediaController } from '../video/media-controller';
import { centreOn, spanMs } from './viewport';

export function Overview({ media, onSeek }: { media: MediaController; onSeek: (ms: number) => void }) {
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

  function go(event: PointerEvent<HTMLDivElement>): void {
    const rect = event.currentTarget.getBoundingClientRect();
    const ms = ((event.clientX - rect.left) / Math.max(1, rect.width)) * duration;
    onSeek(ms);
    store.setView(centreOn(store.getState().view, ms, duration));
  }

  const left = (view.startMs / duration) * 100;
  const width = Math.max(0.3, (spanMs(view) / duration) * 100);
  return (
    <div
      className="overview"
      role="slider"
      tabIndex={-1}
      aria-label="Overview"
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(view.startMs)}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        go(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) go(event);
      }}
    >
      <div className="overview-wave" ref={host} />
      <div className="overview-window" style={{ left: `${left}%`, width: `${width}%` }} />
      <div className="overview-playhead" style={{ left: `${(playhead / duration) * 100}%` }} />
    </div>
  );
}
