/** A modal dialog: labelled, focus moves in on open and back on close, Escape cancels, Tab stays inside. */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Shown under the title. */
  description?: string;
}

export function Modal({ title, onClose, children, className, description }: ModalProps) {
  const titleId = useId();
  const descriptionId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first =
      box.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      box.current?.querySelector<HTMLElement>('input, textarea, select, button');
    // A dialog with nothing to focus yet (still loading) takes the focus itself, so Escape and Tab reach it.
    (first ?? box.current)?.focus();
    return () => previous?.focus?.();
  }, []);

  // When the focused control disappears (content replaced while it loads) the focus falls to <body>, where the
  // dialog's own key handling cannot see it: Escape still closes, and Tab comes back into the dialog.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onBodyKey = (event: globalThis.KeyboardEvent) => {
      if (document.activeElement !== document.body && document.activeElement !== null) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        close.current();
      } else if (event.key === 'Tab') {
        event.preventDefault();
        (box.current?.querySelector<HTMLElement>('input, textarea, select, button') ?? box.current)?.focus();
      }
    };
    document.addEventListener('keydown', onBodyKey);
    return () => document.removeEventListener('keydown', onBodyKey);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [
      ...box.current.querySelectorAll<HTMLElement>('input, textarea, select, button, [tabindex="0"]'),
    ].filter((element) => !element.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className={`modal ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        tabIndex={-1}
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {description && (
          <p id={descriptionId} className="modal-description">
            {description}
          </p>
        )}
        {children}
      </div>
    </div>
  );
}
