/**
 * Syncs a library with a hub in a process of its own, for a test to kill at a known step:
 * `node bin/run-ts.mjs tests/hub-sync-child.ts LIBRARY URL BATCH STOP_AT`. It says each step on
 * standard output ("pushed 50") and, at the first step named STOP_AT, waits there for the kill.
 */
import { openLibrary } from '../electron/core/library/open';
import { syncLibrary } from '../electron/core/teams/hub/sync';

const [library, url, batch, stopAt] = process.argv.slice(2) as [string, string, string, string];
const lib = openLibrary(library);
await syncLibrary(lib, url, {
  batch: Number(batch),
  onStep: async (step, done) => {
    process.stdout.write(`${step} ${done}\n`);
    if (step === stopAt) await new Promise(() => undefined);
  },
});
lib.close();
process.stdout.write('done\n');
