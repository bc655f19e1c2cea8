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

export interface EventStream {
  /** The next event of that name (whose payload passes `test`), in the order the host sent them. */
  next<T = unknown>(name: string, test?: (payload: T) => boolean): Promise<T>;
  close(): void;
}

export interface ServeProcess {
  child: ChildProcess;
  /** Calls a contract command and returns its envelope (ok and value, or the error). */
  send<T = unknown>(command: string, args?: unknown): Promise<Envelope<T>>;
  /** Calls a contract command and returns its value; throws its error. */
  api<T = unknown>(command: string, args?: unknown): Promise<T>;
  /** Listens to the host's events; resolves once connected, so no later event is missed. */
  events(): Promise<EventStream>;
  /** Everything the process wrote to standard error so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** `allow`: the folders the page may import from and export to (`serve --allow`). */
export async function startServe(
  libraryPath: string,
  env: NodeJS.ProcessEnv = {},
  allow: string[] = [],
  args: string[] = [],
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--library', libraryPath, ...allow.flatMap((dir) => ['--allow', dir]), ...args], {
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
    events: async () => {
      const controller = new AbortController();
      const response = await fetch(`${origin}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const blocks: string[] = [];
      const read = async (): Promise<string> => {
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            return block;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('the event stream ended');
          buffer += decoder.decode(value, { stream: true });
        }
      };
      // The host says ": connected" once it listens: from here on no event is missed.
      blocks.push(await read());
      return {
        next: async <T>(name: string, test: (payload: T) => boolean = () => true): Promise<T> => {
          for (;;) {
            const block = blocks.shift() ?? (await read());
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event !== name || data === undefined) continue;
            const payload = JSON.parse(data) as T;
            if (test(payload)) return payload;
          }
        },
        close: () => controller.abort(),
      };
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
