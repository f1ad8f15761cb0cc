/**
 * Cue blocks over the waveform: only the visible cues exist (binary search of the time index), each a button
 * named "Cue N". Drag the body to move, an edge to resize; snapping to the playhead and neighbour edges unless Alt
 * is held; the drag previews locally and commits one undo step on pointerup. Above DENSE_LIMIT visible cues the
 * canvas draws them instead (see waveform-draw.ts).
 */
import { type PointerEvent, useRef, useState } from 'react';
import type { Cue } from '../../src-shared/document';
import { visibleText } from '../../src-shared/text-metrics';
import { editTimes } from '../store/edit-actions';
import { useEditorStore, useStore } from '../store/use-store';
import { type DragKind, dragTimes } from './snap';
import { msToPx, spanMs } from './viewport';

/** More visible cues than this are drawn on the canvas, not as buttons. */
export const DENSE_LIMIT = 400;
/** Snapping reaches this many screen pixels. */
const SNAP_PX = 8;
/** Grabbing within this many pixels of a block's side resizes it. */
const EDGE_PX = 7;
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

export function CueBlocks({ onPlay }: { onPlay: (fromMs: number, toMs: number) => void }) {
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
    const rect = event.currentTarget.getBoundingClientRect();
    const edgePx = Math.min(EDGE_PX, rect.width / 3);
    const kind: DragKind =
      event.clientX - rect.left <= edgePx ? 'start' : rect.right - event.clientX <= edgePx ? 'end' : 'move';
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
    latest.current = { id: drag.id, ...result };
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
    const left = msToPx(view, lo);
    const width = Math.max(2, ((hi - lo) * view.pxPerSec) / 1000);
    const level = severity.get(cue.id);
    const classes = ['cue-block', `lane-${lane}`];
    if (selected.has(cue.id)) classes.push('selected');
    if (overlapsPrevious || overlapsNext) classes.push('overlap');
    if (level) classes.push(level);
    if (live.endMs < live.startMs) classes.push('reversed');
    if (preview?.id === cue.id) classes.push('dragging');
    const text = visibleText(cue.text).replace(/\n/g, ' / ');
    return (
      <button
        key={cue.id}
        type="button"
        className={classes.join(' ')}
        aria-label={`Cue ${position + 1}`}
        aria-pressed={selected.has(cue.id)}
        title={text}
        style={{ transform: `translateX(${left.toFixed(1)}px)`, width: `${width.toFixed(1)}px` }}
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
        }}
        onDoubleClick={() => onPlay(Math.min(cue.startMs, cue.endMs), Math.max(cue.startMs, cue.endMs))}
      >
        <span className="edge start" data-edge="start" aria-hidden="true" />
        <span className="cue-block-label" aria-hidden="true">
          <span className="cue-block-number">{position + 1}</span> {text}
        </span>
        <span className="edge end" data-edge="end" aria-hidden="true" />
      </button>
    );
  });
  return (
    <div className="cue-blocks">
      {blocks}
      {preview?.snappedMs != null && (
        <div
          className="snap-line"
          style={{ transform: `translateX(${msToPx(view, preview.snappedMs).toFixed(1)}px)` }}
        />
      )}
    </div>
  );
}
