/**
 * Cue blocks over the waveform: only the visible cues exist (binary search of the time index), each a button
 * named "Cue N". Drag the body to move, an edge to resize; snapping to the playhead and neighbour edges unless Alt
 * is held; the drag previews locally and commits one undo step on pointerup. Above DENSE_LIMIT visible cues the
 * canvas draws them instead (see waveform-draw.ts).
 */
import { type PointerEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import { visibleText } from '../../src-shared/text-metrics';
import { editTimes } from '../store/edit-actions';
import { useEditorStore, useStore } from '../store/use-store';
import { blockBox, grabAt } from './pointer-math';
import { type DragKind, dragTimes } from './snap';
import { DragReadout } from './timeline-pointer';
import { msToPx, pxToMs, spanMs } from './viewport';

/** More visible cues than this are drawn on the canvas, not as buttons. */
export const DENSE_LIMIT = 400;
/** Snapping reaches this many screen pixels. */
const SNAP_PX = 8;
/** A pointer must move this far before a press becomes a drag. */
const DRAG_THRESHOLD_PX = 3;

interface DragSession {
  id: number;
  kind: DragKind;
  originX: number;
  original: { startMs: number; endMs: number };
  candidates: number[];
  dragging: boolean;
}

interface Preview {
  id: number;
  startMs: number;
  endMs: number;
  snappedMs: number | null;
  /** Pointer x in the blocks layer, for the live readout. */
  x: number;
}

/** Snap targets: the playhead and the edges of the other visible cues. */
function snapCandidates(
  cues: readonly Cue[],
  positions: readonly number[],
  exceptId: number,
  playheadMs: number,
): number[] {
  const out = [playheadMs];
  for (const position of positions) {
    const cue = cues[position] as Cue;
    if (cue.id === exceptId) continue;
    out.push(cue.startMs, cue.endMs);
  }
  return out;
}

export function CueBlocks({
  onPlay,
  onSeek,
}: {
  onPlay: (fromMs: number, toMs: number) => void;
  onSeek?: (ms: number) => void;
}) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const view = useStore((s) => s.view);
  const file = useStore((s) => s.file);
  useStore((s) => s.docVersion);
  useStore((s) => s.validationVersion);
  const selection = useStore((s) => s.selection);
  const [preview, setPreview] = useState<Preview | null>(null);
  const session = useRef<DragSession | null>(null);
  const latest = useRef<Preview | null>(null);
  const suppressClick = useRef(false);
  const layer = useRef<HTMLDivElement>(null);
  /** The pressed cue was selected before the press: a plain click then seeks to the clicked point. */
  const pressedSelected = useRef(false);

  if (!file) return null;
  const cues = file.doc.cues;
  const index = store.timeIndex();
  const span = spanMs(view);
  const { positions, truncated } = index.visible(cues, view.startMs, view.startMs + span, DENSE_LIMIT);
  if (truncated) return null;
  const severity = file.validation.severity;

  function onPointerDown(event: PointerEvent<HTMLButtonElement>, cue: Cue): void {
    if (event.button !== 0) return;
    // The kind comes from where the press is, not from which child got it: a selected block's thicker border
    // must not turn an edge grab into a move.
    // A short or zero-length cue's box is widened (pointer-math.ts) so both its edges can still be grabbed.
    const rect = event.currentTarget.getBoundingClientRect();
    const lo = msToPx(view, Math.min(cue.startMs, cue.endMs));
    const hi = msToPx(view, Math.max(cue.startMs, cue.endMs));
    const kind: DragKind = grabAt(blockBox(lo, hi), event.clientX - rect.left);
    pressedSelected.current = selected.has(cue.id);
    event.currentTarget.setPointerCapture(event.pointerId);
    session.current = {
      id: cue.id,
      kind,
      originX: event.clientX,
      original: { startMs: cue.startMs, endMs: cue.endMs },
      candidates: [
        ...snapCandidates(cues, positions, cue.id, store.getState().playheadMs),
        ...store.getState().mediaLayers.shots.shotsMs, // shot changes of the video are snap targets too
      ],
      dragging: false,
    };
  }

  function onPointerMove(event: PointerEvent<HTMLButtonElement>): void {
    const drag = session.current;
    if (!drag) return;
    const dx = event.clientX - drag.originX;
    if (!drag.dragging && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    drag.dragging = true;
    const { pxPerSec } = store.getState().view;
    const result = dragTimes(
      drag.kind,
      drag.original,
      (dx * 1000) / pxPerSec,
      drag.candidates,
      (SNAP_PX * 1000) / pxPerSec,
      !event.altKey,
    );
    const x = event.clientX - (layer.current?.getBoundingClientRect().left ?? 0);
    latest.current = { id: drag.id, ...result, x };
    setPreview(latest.current);
  }

  function onPointerUp(event: PointerEvent<HTMLButtonElement>): void {
    const drag = session.current;
    session.current = null;
    if (!drag?.dragging) return;
    suppressClick.current = true;
    const last = latest.current;
    latest.current = null;
    setPreview(null);
    if (last && last.id === drag.id) {
      editTimes(store, drag.id, { startMs: last.startMs, endMs: last.endMs });
      store.select(drag.id);
    }
    event.preventDefault();
  }

  const selected = selection.ids;
  let previousEnd = Number.NEGATIVE_INFINITY;
  let lane = 0;
  const blocks = positions.map((position, k) => {
    const cue = cues[position] as Cue;
    // Lanes and overlap marks follow the committed times, so a block does not jump lanes while dragged.
    const cueLo = Math.min(cue.startMs, cue.endMs);
    const cueHi = Math.max(cue.startMs, cue.endMs);
    const overlapsPrevious = cueLo < previousEnd;
    lane = overlapsPrevious ? 1 - lane : 0;
    previousEnd = Math.max(previousEnd, cueHi);
    const nextPosition = positions[k + 1];
    const next = nextPosition === undefined ? undefined : cues[nextPosition];
    const overlapsNext = next !== undefined && cueHi > Math.min(next.startMs, next.endMs);
    const live = preview && preview.id === cue.id ? preview : cue;
    const lo = Math.min(live.startMs, live.endMs);
    const hi = Math.max(live.startMs, live.endMs);
    const box = blockBox(msToPx(view, lo), msToPx(view, hi));
    const narrow = box.endX - box.startX < box.width;
    const level = severity.get(cue.id);
    const classes = ['cue-block', `lane-${lane}`];
    if (selected.has(cue.id)) classes.push('selected');
    if (overlapsPrevious || overlapsNext) classes.push('overlap');
    if (level) classes.push(level);
    if (live.endMs < live.startMs) classes.push('reversed');
    if (preview?.id === cue.id) classes.push('dragging');
    if (narrow) classes.push('narrow');
    const text = visibleText(cue.text).replace(/\n/g, ' / ');
    return (
      <button
        key={cue.id}
        type="button"
        className={classes.join(' ')}
        aria-label={t('ui:timeline.cueBlock', { number: position + 1 })}
        aria-pressed={selected.has(cue.id)}
        title={text}
        // The block shows the cue's text (its title and drawn label): user data, not translated.
        translate="no"
        style={{
          transform: `translateX(${box.left.toFixed(1)}px)`,
          width: `${box.width.toFixed(1)}px`,
          ...(narrow ? { '--start-x': `${box.startX.toFixed(1)}px`, '--end-x': `${box.endX.toFixed(1)}px` } : {}),
        }}
        onPointerDown={(event) => {
          // A drag that ended without a click (the block scrolled away) must not swallow this press's click.
          suppressClick.current = false;
          onPointerDown(event, cue);
        }}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          session.current = null;
          latest.current = null;
          setPreview(null);
        }}
        onClick={(event) => {
          if (suppressClick.current) {
            suppressClick.current = false;
            return;
          }
          const mode = event.shiftKey ? 'extend' : event.ctrlKey || event.metaKey ? 'toggle' : 'replace';
          store.select(cue.id, mode, true);
          // A plain click inside the block that was already selected moves the playhead to the clicked point.
          if (mode === 'replace' && pressedSelected.current && onSeek) {
            const x = event.clientX - (layer.current?.getBoundingClientRect().left ?? 0);
            onSeek(Math.max(0, Math.round(pxToMs(store.getState().view, x))));
          }
        }}
        onContextMenu={() => {
          if (!selected.has(cue.id)) store.select(cue.id, 'replace');
        }}
        onDoubleClick={() => onPlay(Math.min(cue.startMs, cue.endMs), Math.max(cue.startMs, cue.endMs))}
      >
        <span className="edge start" data-edge="start" aria-hidden="true" />
        {/* Drawn as generated content (see app.css): the block is named "Cue N" and its text is its description. */}
        <span className="cue-block-label" aria-hidden="true" data-text={` ${text}`}>
          <span className="cue-block-number" data-number={position + 1} />
        </span>
        <span className="edge end" data-edge="end" aria-hidden="true" />
      </button>
    );
  });
  return (
    <div className="cue-blocks" ref={layer}>
      {blocks}
      {preview && <DragReadout x={preview.x} startMs={preview.startMs} endMs={preview.endMs} />}
      {preview?.snappedMs != null && (
        <div
          className="snap-line"
          style={{ transform: `translateX(${msToPx(view, preview.snappedMs).toFixed(1)}px)` }}
        />
      )}
    </div>
  );
}
