/** A draggable (and arrow-key adjustable) separator between two panels. */
import type { KeyboardEvent, PointerEvent } from 'react';

interface SplitterProps {
  label: string;
  orientation: 'horizontal' | 'vertical';
  /** Current size in px of the panel before the splitter. */
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
}

export function Splitter({ label, orientation, value, min, max, onChange }: SplitterProps) {
  const clamp = (v: number) => Math.round(Math.max(min, Math.min(max, v)));
  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    const element = event.currentTarget;
    element.setPointerCapture(event.pointerId);
    const origin = orientation === 'horizontal' ? event.clientY : event.clientX;
    const start = value;
    const move = (e: globalThis.PointerEvent) => {
      const now = orientation === 'horizontal' ? e.clientY : e.clientX;
      onChange(clamp(start + now - origin));
    };
    const up = () => {
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', up);
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', up);
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const step = event.shiftKey ? 50 : 10;
    const back = orientation === 'horizontal' ? 'ArrowUp' : 'ArrowLeft';
    const forward = orientation === 'horizontal' ? 'ArrowDown' : 'ArrowRight';
    if (event.key === back) onChange(clamp(value - step));
    else if (event.key === forward) onChange(clamp(value + step));
    else return;
    event.preventDefault();
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, draggable separator has no native element
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={`splitter ${orientation}`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
