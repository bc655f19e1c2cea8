import type { BrowserWindow } from 'electron';
import { resolve } from 'node:path';

/** A .marginalia file passed on the command line (Windows and Linux file associations). */
export function libraryArgument(argv: readonly string[]): string | null {
  return argv.slice(1).find((arg) => !arg.startsWith('-') && arg.endsWith('.marginalia')) ?? null;
}

export type SecondInstanceDecision = { kind: 'focus' } | { kind: 'open'; path: string };

/**
 * What a second launch asks of the running app: open another library (named on its command line,
 * relative to where it was started), or only bring the window forward, also when it names the
 * library already open.
 */
export function decideSecondInstance(argv: readonly string[], workingDirectory: string, openPath: string | null): SecondInstanceDecision {
  const asked = libraryArgument(argv);
  if (asked === null) return { kind: 'focus' };
  const path = resolve(workingDirectory, asked);
  return path === openPath ? { kind: 'focus' } : { kind: 'open', path };
}

export interface SecondInstanceShell {
  openPath(): string | null;
  openLibrary(path: string): void;
  /** The main window, or null when it was closed (macOS keeps running without one). */
  window(): Pick<BrowserWindow, 'isMinimized' | 'restore' | 'focus'> | null;
  showWindow(): void;
}

/** The running instance's answer to app's 'second-instance' event. */
export function answerSecondInstance(
  argv: readonly string[],
  workingDirectory: string,
  shell: SecondInstanceShell,
): SecondInstanceDecision {
  const decision = decideSecondInstance(argv, workingDirectory, shell.openPath());
  if (decision.kind === 'open') shell.openLibrary(decision.path);
  const window = shell.window();
  if (!window) {
    shell.showWindow();
    return decision;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
  return decision;
}
