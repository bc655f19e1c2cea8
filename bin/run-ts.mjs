#!/usr/bin/env node
// Runs a TypeScript entry point (benchmarks, scripts) through tsx with the same loader as the CLI.
import { register } from 'tsx/esm/api';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

register();
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: run-ts.mjs FILE.ts [args...]\n');
  process.exitCode = 2;
} else {
  process.argv = [process.argv[0], resolve(entry), ...args];
  await import(pathToFileURL(resolve(entry)).href);
}
