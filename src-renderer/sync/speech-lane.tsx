/**
 * The speech lane: a thin strip under the waveform marking where the audio has speech (the display segments),
 * drawn for the visible range only, outside React, once per frame at most.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../src-shared/i18n/translator';
import type { EditorStore } from '../store/editor-store';
import { useEditorStore, useStore } from '../store/use-store';
import { paintOnChange } from '../timeline/frame-painter';
import { prepareCanvas } from '../timeline/waveform-draw';
import { speechRuns } from './lane';

function paintLane(store: EditorStore, canvas: HTMLCanvasElement): void {
  const { view, speech } = store.getState();
  const ctx = prepareCanvas(canvas, view.widthPx, canvas.clientHeight);
  if (!ctx || !speech.result) return;
  ctx.fillStyle = getComputedStyle(canvas).getPropertyValue('--speech').trim() || '#16a34a';
  const height = canvas.clientHeight;
  for (const [x0, x1] of speechRuns(speech.result.segments, view)) ctx.fillRect(x0, 0, x1 - x0, height);
}

/** What the lane says about itself (its title, also the accessible description). */
export function laneTitle(
  t: Translate,
  status: string,
  progress: number,
  count: number,
  message: string | null,
): string {
  switch (status) {
    case 'loading':
      return t('dialogs:speech.loading', { percent: Math.round(progress * 100) });
    case 'ready':
      return t('dialogs:speech.ready', { count });
    case 'error':
      return message ? t('dialogs:speech.failedWith', { message }) : t('dialogs:speech.failed');
    default:
      return t('dialogs:speech.none');
  }
}

export function SpeechLane() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const canvas = useRef<HTMLCanvasElement>(null);
  const status = useStore((s) => (s.media === null ? 'none' : s.speech.status));
  const progress = useStore((s) => s.speech.progress);
  const count = useStore((s) => s.speech.result?.segments.length ?? 0);
  const message = useStore((s) => s.speech.message);

  useEffect(
    () =>
      paintOnChange(store, {
        keys: (s) => [s.view, s.speech.result],
        paint: () => {
          if (canvas.current) paintLane(store, canvas.current);
        },
      }),
    [store],
  );

  return (
    <canvas
      ref={canvas}
      className="speech-lane"
      role="img"
      aria-label={t('dialogs:speech.lane')}
      aria-busy={status === 'loading'}
      data-state={status}
      data-segments={count}
      title={laneTitle(t, status, progress, count, message)}
    />
  );
}
