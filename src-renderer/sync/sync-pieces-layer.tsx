/**
 * The Auto sync pieces on the timeline: one translucent colored band per proposed piece (where its cues land) with
 * its offset, drawn on a canvas over the waveform while the dialog is open; rejected pieces are hatched grey.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorStore } from '../store/editor-store';
import { useEditorStore, useStore } from '../store/use-store';
import { paintOnChange } from '../timeline/frame-painter';
import { prepareCanvas } from '../timeline/waveform-draw';
import { pieceBands } from './sync-preview';

const COLORS = ['#2563eb', '#d97706', '#16a34a', '#db2777', '#7c3aed', '#0891b2'];

function paintPieces(store: EditorStore, canvas: HTMLCanvasElement): void {
  const { view, syncPreview } = store.getState();
  const ctx = prepareCanvas(canvas, view.widthPx, canvas.clientHeight);
  if (!ctx || !syncPreview) return;
  const height = canvas.clientHeight;
  ctx.font = '12px sans-serif';
  ctx.textBaseline = 'top';
  for (const band of pieceBands(syncPreview, view)) {
    const piece = syncPreview.pieces[band.index];
    if (!piece) continue;
    const color = piece.accepted ? (COLORS[band.index % COLORS.length] as string) : '#6b7280';
    ctx.globalAlpha = piece.accepted ? 0.18 : 0.1;
    ctx.fillStyle = color;
    ctx.fillRect(band.x0, 0, band.x1 - band.x0, height);
    ctx.globalAlpha = 1;
    ctx.fillRect(band.x0, 0, Math.min(3, band.x1 - band.x0), height);
    ctx.fillText(piece.label, band.x0 + 6, 4, Math.max(0, band.x1 - band.x0 - 8));
  }
}

export function SyncPiecesLayer() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const canvas = useRef<HTMLCanvasElement>(null);
  const preview = useStore((s) => s.syncPreview);

  useEffect(
    () =>
      paintOnChange(store, {
        keys: (s) => [s.view, s.syncPreview],
        paint: () => {
          if (canvas.current) paintPieces(store, canvas.current);
        },
      }),
    [store],
  );

  return (
    <canvas
      ref={canvas}
      hidden={!preview}
      className="sync-pieces-layer"
      role="img"
      aria-label={t('dialogs:syncPieces.label')}
      data-pieces={preview?.pieces.length ?? 0}
      data-accepted={preview?.pieces.filter((p) => p.accepted).length ?? 0}
      title={preview?.pieces.map((p) => p.label).join('; ') ?? ''}
    />
  );
}
