/**
 * The timeline's mouse work over the waveform (not over cue blocks): click a gap to seek, click+drag in a gap to
 * create a cue over the range, Shift+click / Ctrl+click to set the selected cue's start / end (Subtitle Edit), the
 * context menu (Set start here, Set end here, Split here, Insert cue here), and the live readout next to the pointer.
 */
import { type PointerEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorStore } from '../store/editor-store';
import { readoutText } from './pointer-math';
import { canSplitHere, createOver, insertHere, setEdgeHere, splitHere } from './timeline-edits';
import { msToPx, pxToMs } from './viewport';

/** A pointer must move this far before a press in a gap becomes a drag that creates a cue. */
const CREATE_THRESHOLD_PX = 3;

/** Start, end and duration shown beside the pointer while an edge, a block or a new range is dragged. */
export function DragReadout({ x, startMs, endMs }: { x: number; startMs: number; endMs: number }) {
  return (
    <div
      className="drag-readout"
      data-testid="drag-readout"
      style={{ transform: `translateX(${(x + 12).toFixed(1)}px)` }}
    >
      {readoutText(startMs, endMs)}
    </div>
  );
}

/** A range being created by click+drag in a gap. */
interface CreatePreview {
  fromMs: number;
  toMs: number;
  x: number;
}

/** Pointer handlers for the waveform area and what to draw for a range being created. */
export function useGapGestures(
  store: EditorStore,
  main: RefObject<HTMLDivElement | null>,
  onSeek: (ms: number) => void,
) {
  const gesture = useRef<{ originX: number; originMs: number; creating: boolean } | null>(null);
  const [creating, setCreating] = useState<CreatePreview | null>(null);
  const latest = useRef<CreatePreview | null>(null);

  const local = (clientX: number) => clientX - (main.current?.getBoundingClientRect().left ?? 0);
  const timeAt = (clientX: number) => Math.max(0, Math.round(pxToMs(store.getState().view, local(clientX))));

  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (event.button !== 0) return;
    const target = event.target as HTMLElement;
    if (target !== event.currentTarget && !target.classList.contains('waveform')) return;
    const ms = timeAt(event.clientX);
    if (event.shiftKey) {
      setEdgeHere(store, 'start', ms);
      return;
    }
    if (event.ctrlKey || event.metaKey) {
      setEdgeHere(store, 'end', ms);
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    gesture.current = { originX: event.clientX, originMs: ms, creating: false };
    onSeek(ms);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    const g = gesture.current;
    if (!g) return;
    if (!g.creating && Math.abs(event.clientX - g.originX) < CREATE_THRESHOLD_PX) return;
    g.creating = true;
    const ms = timeAt(event.clientX);
    latest.current = { fromMs: Math.min(g.originMs, ms), toMs: Math.max(g.originMs, ms), x: local(event.clientX) };
    setCreating(latest.current);
  }

  function onPointerUp(): void {
    const g = gesture.current;
    gesture.current = null;
    const range = latest.current;
    latest.current = null;
    if (!g?.creating) return;
    setCreating(null);
    if (range && range.toMs > range.fromMs) createOver(store, range.fromMs, range.toMs);
  }

  function onPointerCancel(): void {
    gesture.current = null;
    latest.current = null;
    setCreating(null);
  }

  const view = store.getState().view;
  const preview = creating && (
    <>
      <div
        className="create-range"
        style={{
          transform: `translateX(${msToPx(view, creating.fromMs).toFixed(1)}px)`,
          width: `${Math.max(1, ((creating.toMs - creating.fromMs) * view.pxPerSec) / 1000).toFixed(1)}px`,
        }}
      />
      <DragReadout x={creating.x} startMs={creating.fromMs} endMs={creating.toMs} />
    </>
  );
  return { handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel }, preview };
}

/** Where the context menu is open: the clicked time and the pointer's position in the window. */
export interface MenuAt {
  ms: number;
  x: number;
  y: number;
}

/** The waveform's context menu; every item is one undoable edit at the clicked time. */
export function WaveformMenu({ store, at, onClose }: { store: EditorStore; at: MenuAt; onClose: () => void }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  const hasFocus = store.getState().selection.focus !== null;
  const items: { key: string; enabled: boolean; run: () => void }[] = [
    { key: 'setStartHere', enabled: hasFocus, run: () => setEdgeHere(store, 'start', at.ms) },
    { key: 'setEndHere', enabled: hasFocus, run: () => setEdgeHere(store, 'end', at.ms) },
    { key: 'splitHere', enabled: canSplitHere(store, at.ms), run: () => splitHere(store, at.ms) },
    { key: 'insertHere', enabled: store.doc !== null, run: () => insertHere(store, at.ms) },
  ];

  const [place, setPlace] = useState({ left: at.x, top: at.y });
  useEffect(() => {
    // Keep the whole menu on screen (the timeline sits low in the window): open upward or leftward when needed.
    const box = menu.current?.getBoundingClientRect();
    if (box) {
      setPlace({
        left: Math.max(0, Math.min(at.x, window.innerWidth - box.width - 4)),
        top: at.y + box.height > window.innerHeight - 4 ? Math.max(0, at.y - box.height) : at.y,
      });
    }
  }, [at]);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const away = (event: globalThis.PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  return (
    <div
      ref={menu}
      className="waveform-menu"
      role="menu"
      aria-label={t('ui:timeline.menu.label')}
      style={{ left: `${place.left}px`, top: `${place.top}px` }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
          const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
          const next = (at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length;
          buttons[next]?.focus();
        }
      }}
    >
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          disabled={!item.enabled}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {t(`ui:timeline.menu.${item.key}`)}
        </button>
      ))}
    </div>
  );
}
