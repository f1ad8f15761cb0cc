/** The Auto sync preview on the timeline, pure: the proposed pieces as bands in audio time, with their labels. */
import type { Translate } from '../../src-shared/i18n/translator';
import type { Alignment } from '../../src-shared/sync/align';
import { t as windowT } from '../i18n';
import type { Viewport } from '../timeline/viewport';
import { formatOffset } from './sync-format';

/** One proposed piece as the timeline shows it. */
export interface SyncPreviewPiece {
  /** Where the piece's cues land (audio time, after the map), ms. */
  fromMs: number;
  toMs: number;
  /** How far the piece moves its first cue, ms. */
  shiftMs: number;
  accepted: boolean;
  label: string;
}

export interface SyncPreview {
  pieces: SyncPreviewPiece[];
}

/** The preview of `alignment` for cues (time order) with `accepted` pieces. */
export function previewOf(
  alignment: Alignment,
  cues: readonly { startMs: number; endMs: number }[],
  accepted: ReadonlySet<number>,
  t: Translate = windowT,
): SyncPreview {
  const sorted = [...cues].sort((a, b) => a.startMs - b.startMs);
  return {
    pieces: alignment.pieces.map((piece, i) => {
      const first = sorted[piece.fromIndex];
      const last = sorted[piece.toIndex];
      const map = accepted.has(i) ? piece : { scale: 1, offsetMs: 0 };
      const fromMs = first ? map.scale * first.startMs + map.offsetMs : 0;
      const toMs = last ? map.scale * last.endMs + map.offsetMs : fromMs;
      return {
        fromMs,
        toMs,
        shiftMs: piece.shiftMs,
        accepted: accepted.has(i),
        label: t(accepted.has(i) ? 'dialogs:syncPieces.piece' : 'dialogs:syncPieces.pieceRejected', {
          number: i + 1,
          offset: formatOffset(piece.shiftMs, t),
        }),
      };
    }),
  };
}

/** Pixel bands [x0, x1) of the pieces within the viewport (clipped), with their index. */
export function pieceBands(preview: SyncPreview, view: Viewport): { index: number; x0: number; x1: number }[] {
  const width = Math.max(0, Math.round(view.widthPx));
  const pxPerMs = view.pxPerSec / 1000;
  const bands: { index: number; x0: number; x1: number }[] = [];
  preview.pieces.forEach((piece, index) => {
    const x0 = Math.max(0, Math.floor((piece.fromMs - view.startMs) * pxPerMs));
    const x1 = Math.min(width, Math.ceil((piece.toMs - view.startMs) * pxPerMs));
    if (x1 > x0) bands.push({ index, x0, x1 });
  });
  return bands;
}
