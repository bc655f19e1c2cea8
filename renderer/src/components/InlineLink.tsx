import type { ReactNode } from 'react';

/**
 * A link inside a sentence that opens something in the app (an article): it wraps with the words
 * around it, which a button cannot (browsers lay a button out as one inline block).
 */
export function InlineLink({ onOpen, children }: { onOpen(): void; children: ReactNode }) {
  return (
    <span
      role="link"
      tabIndex={0}
      className="inline-link"
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        onOpen();
      }}
    >
      {children}
    </span>
  );
}
