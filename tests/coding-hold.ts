import type { CodingPause } from '../electron/core/search/code-hits';

export interface CodingHold {
  pause: CodingPause;
  /** Lets the held job go on to its end. */
  release(): void;
}

/**
 * Test-only: holds the first coding job ("Code all hits") once it has read `at` articles (at the
 * end of that slice), so a test can see its progress and cancel it instead of racing it. The job
 * waits there until it is cancelled (it then stops, changing nothing) or released. Later jobs
 * run as usual. Production never builds one: `tests/e2e/test-host.ts` does, when
 * MARGINALIA_TEST_HOLD_CODING_AT is set.
 */
export function holdCodingAt(at: number): CodingHold {
  let held = false;
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const pause: CodingPause = async (done, _total, signal) => {
    if (held || done < at) return new Promise((resolve) => setImmediate(resolve));
    held = true;
    await Promise.race([
      released,
      new Promise<void>((resolve) => {
        if (!signal || signal.aborted) resolve();
        else signal.addEventListener('abort', () => resolve(), { once: true });
      }),
    ]);
  };
  return { pause, release };
}
