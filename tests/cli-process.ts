import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', 'bin', 'marginalia.mjs');

/** A `marginalia` command running in its own process, whose output can be watched as it comes. */
export interface RunningCli {
  child: ChildProcess;
  /** Resolves once standard error contains `text`. */
  stderrHas(text: string): Promise<void>;
  done: Promise<{ code: number; stdout: string; stderr: string }>;
}

export function startCli(args: string[], options: { detached?: boolean; env?: NodeJS.ProcessEnv } = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...options.env },
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: Array<{ text: string; resolve: () => void }> = [];
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (let i = watchers.length - 1; i >= 0; i--) {
      if (!stderr.includes(watchers[i]!.text)) continue;
      watchers[i]!.resolve();
      watchers.splice(i, 1);
    }
  });
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
  });
  return {
    child,
    done,
    stderrHas: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        watchers.push({ text, resolve });
        void done.then(() => (stderr.includes(text) ? resolve() : reject(new Error(`exited without printing "${text}": ${stderr}`))));
      }),
  };
}
