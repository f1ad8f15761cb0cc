/**
 * A panel docked beside the timeline (the two-point sync): a labelled, non-modal dialog. The timeline, the list
 * and the shortcuts keep working while it is open; Escape inside it closes it, and the focus moves in on open.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface DockPanelProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  description?: string;
}

export function DockPanel({ title, onClose, children, className, description }: DockPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const box = useRef<HTMLElement>(null);

  useEffect(() => {
    const first =
      box.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      box.current?.querySelector<HTMLElement>('input, textarea, select, button');
    first?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  return (
    <aside
      ref={box}
      className={`dock-panel ${className ?? ''}`}
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={onKeyDown}
    >
      <header className="dock-panel-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dock-close" aria-label={t('dialogs:dock.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {description && (
        <p id={descriptionId} className="modal-description">
          {description}
        </p>
      )}
      {children}
    </aside>
  );
}
