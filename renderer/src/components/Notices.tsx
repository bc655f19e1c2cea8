import { useEffect, useState, useSyncExternalStore } from 'react';

interface NoticeAction {
  label: string;
  run(): void;
}

interface Notice {
  id: number;
  text: string;
  action?: NoticeAction;
}

/** How long a notice stays: longer when it offers something to do (Undo). Hover or focus holds it. */
const PLAIN_MS = 6000;
const ACTION_MS = 12000;
const MOST = 3;

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: Notice[]): void {
  notices = next;
  for (const listener of listeners) listener();
}

/** Says something in the window's status bar for a while (app-wide: any view may call it). */
export function notify(text: string, action?: NoticeAction): void {
  set([...notices, { id: nextId++, text, ...(action ? { action } : {}) }].slice(-MOST));
}

function dismiss(id: number): void {
  set(notices.filter((n) => n.id !== id));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function NoticeItem({ notice }: { notice: Notice }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss(notice.id), notice.action ? ACTION_MS : PLAIN_MS);
    return () => clearTimeout(timer);
  }, [held, notice]);
  return (
    <div
      className="notice"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setHeld(false)}
    >
      <span className="notice-text">{notice.text}</span>
      {notice.action ? (
        <button
          type="button"
          className="button small"
          onClick={() => {
            dismiss(notice.id);
            notice.action?.run();
          }}
        >
          {notice.action.label}
        </button>
      ) : null}
      <button type="button" className="notice-close" aria-label="Dismiss notice" onClick={() => dismiss(notice.id)}>
        ✕
      </button>
    </div>
  );
}

/**
 * The window's status bar: its own row below the views (empty, it takes no room), so a notice
 * never covers the text. One live region, always there, so screen readers hear each new notice.
 */
export function Notices() {
  const current = useSyncExternalStore(subscribe, () => notices);
  return (
    <div className="status-bar" role="status" aria-label="Notices">
      {current.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}
