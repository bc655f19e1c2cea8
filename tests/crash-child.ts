/**
 * Runs one bulk command on a library through the host's dispatch, in a process of its own for a
 * test to kill: `node bin/run-ts.mjs tests/crash-child.ts LIBRARY COMMAND ARGS_FILE` (the arguments as JSON). Says "ready"
 * on standard error once the library is open, just before the command starts.
 */
import { readFileSync } from 'node:fs';
import type { Context } from '../electron/core/handlers';
import { dispatch } from '../electron/core/dispatch';
import { Session } from '../electron/core/session';

const [library, command, args] = process.argv.slice(2) as [string, string, string];
const session = new Session(library);
const ctx: Context = {
  session,
  parser: { parse: () => Promise.reject(new Error('this process imports nothing')) },
};
process.stderr.write('ready\n');
const envelope = await dispatch(ctx, command, JSON.parse(readFileSync(args, 'utf8')));
session.close();
if (!envelope.ok) {
  process.stderr.write(`${command} failed: ${envelope.error.message}\n`);
  process.exitCode = 1;
} else process.stderr.write('done\n');
