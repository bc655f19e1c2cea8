#!/usr/bin/env node
// The `marginalia` command. Runs the CLI bundle (dist/cli), building it first when it is missing or
// older than what it is made from: a checkout works right after `npm ci`, with no build step.
import { pathToFileURL } from 'node:url';
import { cliEntry } from '../scripts/cli-bundle.mjs';

const { run } = await import(pathToFileURL(await cliEntry()).href);
await run({
  // Only `serve` needs the interface; Vite loads only then.
  ensureRenderer: async (log) => (await import('../scripts/build.mjs')).ensureRenderer(log),
});
