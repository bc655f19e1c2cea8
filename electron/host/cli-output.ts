/** What every command shares and `--help` needs: kept free of library code, so help loads nothing else. */

/** A failure that ends a command with a message and an exit code (2: usage or library problem). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface Output {
  write(text: string): void;
  error(text: string): void;
  /** Where byte streams (exports to standard output) go; without it they arrive through write(). */
  stdout?: NodeJS.WritableStream;
}

/** What bin/marginalia.mjs does for the bundle: the build tools are the launcher's, not the app's. */
export interface Launcher {
  /** The folder of the built interface, built first when missing or older than its sources. */
  ensureRenderer(log: (line: string) => void): Promise<string>;
}

/** A command's body: parsed option values and positionals in, exit code out. */
export type CommandRun = (values: Record<string, unknown>, positionals: string[], out: Output, launcher: Launcher) => Promise<number>;

export const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
