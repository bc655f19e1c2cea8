#!/usr/bin/env node
// The `marginalia` command. Runs the TypeScript sources through tsx, so it works in a checkout
// right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/host/main-cli.ts');
