import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusables, holdModal } from './modal-stack';

interface Props {
  /** Shown as the dialog's heading and used as its name. */
  title?: string;
  /** The dialog's name when it shows no heading (the search palette). */
  label?: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  /** Replaces the box's and the backdrop's class names (the search palette has its own look). */
  className?: string;
  backdropClassName?: string;
  onKeyDown?(event: KeyboardEvent<HTMLDivElement>): void;
}

/**
 * Every modal dialog: rendered above the whole window (never clipped by a panel), labelled, the
 * rest of the window inert while it is open, Tab kept inside, Escape closes, focus back where it
 * was on close.
 */
export function Dialog({ title, label, onClose, children, wide = false, className, backdropClassName, onKeyDown }: Props) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  // Where focus was when the dialog first rendered: read then, since a field inside that focuses
  // itself on mount (the claim picker) does so before this component's effect runs.
  const [previous] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    const layer = backdrop.current;
    const release = layer ? holdModal(layer) : () => {};
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(box.current)[0];
    (first ?? box.current)?.focus();
    return () => {
      release();
      if (previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, [previous]);

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      const all = focusables(box.current);
      const first = all[0];
      const last = all[all.length - 1];
      const at = document.activeElement;
      if (!first || !last) {
        event.preventDefault();
      } else if (event.shiftKey && (at === first || !box.current?.contains(at))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (at === last || !box.current?.contains(at))) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return createPortal(
    <div ref={backdrop} className={backdropClassName ?? 'dialog-backdrop'} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={className ?? (wide ? 'dialog wide' : 'dialog')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={title ? titleId : undefined}
        aria-label={title ? undefined : label}
        tabIndex={-1}
        onKeyDown={onKey}
      >
        {title ? <h2 id={titleId}>{title}</h2> : null}
        {children}
      </div>
    </div>,
    document.body,
  );
}
