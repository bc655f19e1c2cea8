import { expect, type Page, type Request } from '@playwright/test';

export interface Exchange {
  command: string;
  args: unknown;
  bytes: number;
}

/**
 * Records the contract requests a page makes (the event stream aside) with the size of each
 * response, from `start()` until `settled()`: the moment no request is in flight any more.
 */
export function recordTraffic(page: Page) {
  const pending = new Set<Request>();
  const done: Array<Promise<Exchange | null>> = [];
  let recording = false;
  const isCommand = (request: Request) => /\/api\/(?!events)[a-z]+\.[A-Za-z]+$/.test(new URL(request.url()).pathname);
  page.on('request', (request) => {
    if (recording && isCommand(request)) pending.add(request);
  });
  page.on('requestfinished', (request) => {
    if (!pending.delete(request)) return;
    done.push(
      (async () => {
        const response = await request.response();
        const body = response ? await response.body() : Buffer.alloc(0);
        return { command: new URL(request.url()).pathname.slice(5), args: request.postDataJSON() as unknown, bytes: body.length };
      })(),
    );
  });
  page.on('requestfailed', (request) => pending.delete(request));
  return {
    start() {
      recording = true;
    },
    /** Everything recorded, once nothing is in flight. */
    async settled(): Promise<Exchange[]> {
      await expect.poll(() => pending.size).toBe(0);
      recording = false;
      return (await Promise.all(done.splice(0))).filter((e): e is Exchange => e !== null);
    },
  };
}

export const totalBytes = (exchanges: Exchange[]) => exchanges.reduce((sum, e) => sum + e.bytes, 0);
