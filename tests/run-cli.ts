import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = join(import.meta.dirname, '..', 'bin', 'marginalia.mjs');

/** Runs the `marginalia` CLI in a process of its own, as an analyst would, and collects its output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, command = [process.execPath, BIN], input?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, [...command.slice(1), ...args], { env: { ...process.env, ...env } });
    if (input !== undefined) child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs the CLI with `input` on its standard input (a password, a memo). */
export function runCliWithInput(args: string[], input: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCli(args, env, undefined, input);
}

/**
 * Runs the CLI as an analyst without root's power over permissions: a test running as root keeps
 * its user but gives up reading and writing past file modes (setpriv drops those capabilities).
 */
export function runCliUnprivileged(args: string[]): Promise<CliRun> {
  if (process.getuid?.() !== 0) return runCli(args);
  return runCli(args, {}, ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--', process.execPath, BIN]);
}
