/**
 * The spectrogram view of the timeline (View > Spectrogram, instead of the waveform): a canvas over the waveform
 * painted from the streamed spectrogram, for the visible range only, outside React, once per frame at most.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../src-shared/i18n/translator';
import type { EditorStore } from '../store/editor-store';
import { useEditorStore, useStore } from '../store/use-store';
import { paintOnChange } from './frame-painter';
import { spectrogramPalette, spectrogramPixels } from './spectrogram-draw';

const palette = spectrogramPalette();

function paint(store: EditorStore, canvas: HTMLCanvasElement): void {
  const { view, mediaLayers } = store.getState();
  const width = Math.max(1, Math.round(view.widthPx));
  const height = Math.max(1, Math.round(canvas.clientHeight));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, width, height);
  const data = mediaLayers.spectrogram.data;
  if (mediaLayers.display !== 'spectrogram' || !data || data.columns === 0) return;
  const image = new ImageData(width, height);
  image.data.set(spectrogramPixels(data, { ...view, widthPx: width }, height, palette));
  ctx.putImageData(image, 0, 0);
}

function title(t: Translate, status: string, progress: number): string {
  if (status === 'loading') return t('ui:timeline.spectrogramComputing', { percent: Math.round(progress * 100) });
  if (status === 'error') return t('ui:timeline.spectrogramFailed');
  return t('ui:timeline.spectrogramReady');
}

export function SpectrogramLayer() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const canvas = useRef<HTMLCanvasElement>(null);
  const shown = useStore((s) => s.mediaLayers.display === 'spectrogram' && s.media !== null);
  const status = useStore((s) => s.mediaLayers.spectrogram.status);
  const progress = useStore((s) => s.mediaLayers.spectrogram.progress);
  const message = useStore((s) => s.mediaLayers.spectrogram.message);
  const columns = useStore((s) => s.mediaLayers.spectrogram.data?.columns ?? 0);

  useEffect(() => {
    if (!shown) return;
    return paintOnChange(store, {
      keys: (s) => [s.view, s.mediaLayers.spectrogram.data, s.mediaLayers.display],
      paint: () => {
        if (canvas.current) paint(store, canvas.current);
      },
    });
  }, [store, shown]);

  if (!shown) return null;
  return (
    <canvas
      ref={canvas}
      className="spectrogram"
      role="img"
      aria-label={t('ui:timeline.spectrogram')}
      aria-busy={status === 'loading'}
      data-state={status}
      data-columns={columns}
      title={
        message
          ? t('ui:timeline.spectrogramMessage', { title: title(t, status, progress), message })
          : title(t, status, progress)
      }
    />
  );
}
