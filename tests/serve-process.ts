import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const BIN = join(import.meta.dirname, '..', 'bin', 'marginalia.mjs');

export interface ContractFailure {
  code: string;
  message: string;
}

/** A `marginalia serve` in a process of its own, called over HTTP with its token as the UI does. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractFailure };

export interface ServeProcess {
  child: ChildProcess;
  /** Calls a contract command and returns its envelope (ok and value, or the error). */
  send<T = unknown>(command: string, args?: unknown): Promise<Envelope<T>>;
  /** Calls a contract command and returns its value; throws its error. */
  api<T = unknown>(command: string, args?: unknown): Promise<T>;
  /** Everything the process wrote to standard error so far. */
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServe(libraryPath: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--library', libraryPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`marginalia serve exited with ${code}: ${stderr}`)));
  });
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  const send = async <T>(command: string, args: unknown = {}): Promise<Envelope<T>> => {
    const response = await fetch(`${origin}/api/${command}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    return (await response.json()) as Envelope<T>;
  };
  return {
    child,
    send,
    api: async <T>(command: string, args: unknown = {}) => {
      const envelope = await send<T>(command, args);
      if (!envelope.ok) throw new Error(`${command}: ${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value;
    },
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
