import type { Parser } from '../electron/core/import/pipeline';
import { CANCELLED, type ParseOutcome } from '../electron/core/import/parse-messages';

export interface ImportHold {
  parser: Parser;
  /** Lets the held files go on: the import then runs to its end. */
  release(): void;
}

/**
 * Test-only: a parser that holds an import at a known file, so a test can see it in progress
 * and cancel it at that point instead of racing it. The first `at` files of an import parse as
 * usual; file number `at` (0-based) waits as a slow file in a worker would, and every later file
 * waits as queued files do. On cancel the slow file finishes and is kept, the queued ones are
 * dropped (what the parse pool does); on release all of them parse. Only the first import that
 * reaches the file is held. Production never builds one: `tests/e2e/test-host.ts` does, when
 * MARGINALIA_TEST_HOLD_IMPORT_AT is set.
 */
export function holdImportAt(inner: Parser, at: number): ImportHold {
  const handed = new WeakMap<AbortSignal, number>();
  let heldSignal: AbortSignal | null = null;
  let release = (): void => {};
  const released = new Promise<'released'>((resolve) => (release = () => resolve('released')));

  const parse = async (file: string, signal?: AbortSignal): Promise<ParseOutcome> => {
    if (!signal || (heldSignal !== null && heldSignal !== signal)) return inner.parse(file, signal);
    const index = handed.get(signal) ?? 0;
    handed.set(signal, index + 1);
    if (index < at) return inner.parse(file, signal);
    heldSignal = signal;
    const cancelled = new Promise<'cancelled'>((resolve) => {
      if (signal.aborted) resolve('cancelled');
      else signal.addEventListener('abort', () => resolve('cancelled'), { once: true });
    });
    if ((await Promise.race([released, cancelled])) === 'released') return inner.parse(file, signal);
    // The slow file was already in a worker: it finishes. Queued files are dropped.
    return index === at ? inner.parse(file) : CANCELLED;
  };
  return { parser: { parse }, release };
}
