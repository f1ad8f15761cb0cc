/** The time ruler above the waveform: DOM labels (readable by tests and screen readers), at most ~100 ticks. */
import type { PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore, useStore } from '../store/use-store';
import { rulerTicks } from './ruler';
import { pxToMs } from './viewport';

/** The ruler; pressing it seeks there, dragging along it scrubs. */
export function Ruler({ onSeek }: { onSeek?: (ms: number) => void }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const view = useStore((s) => s.view);
  const seekAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    onSeek?.(Math.max(0, Math.round(pxToMs(store.getState().view, event.clientX - rect.left))));
  };
  const ticks = rulerTicks(view.startMs, view.pxPerSec, view.widthPx);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of positioned labels, not a form fieldset
    <div
      className="ruler"
      role="group"
      aria-label={t('ui:timeline.ruler')}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        seekAt(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) seekAt(event);
      }}
    >
      {ticks.map((tick) => (
        <div
          key={tick.ms}
          className={tick.label === null ? 'tick minor' : 'tick major'}
          style={{ transform: `translateX(${tick.x.toFixed(1)}px)` }}
        >
          {tick.label !== null && (
            <span className="tick-label" translate="no">
              {tick.label}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
