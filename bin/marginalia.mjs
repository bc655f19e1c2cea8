#!/usr/bin/env node
// The `marginalia` command. Runs the CLI bundle (dist/cli), building it first when it is missing or
// older than what it is made from: a checkout works right after `npm ci`, with no build step.
import { pathToFileURL } from 'node:url';
import { cliEntry } from '../scripts/cli-bundle.mjs';

let entry = null;
try {
  entry = await cliEntry();
} catch (error) {
  // esbuild has printed where the sources are wrong; the stale bundle is not run instead.
  process.stderr.write(`marginalia: the command could not be built from its sources (${error.message.split('\n')[0]})\n`);
  process.exitCode = 1;
}
if (entry) {
  const { run } = await import(pathToFileURL(entry).href);
  await run({
    // Only `serve` needs the interface; Vite loads only then.
    ensureRenderer: async (log) => (await import('../scripts/build.mjs')).ensureRenderer(log),
  });
}
