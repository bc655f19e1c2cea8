import { homedir } from 'node:os';
import { join } from 'node:path';

export const LIBRARY_EXTENSION = '.marginalia';
export const DEFAULT_LIBRARY_NAME = `Marginalia Library${LIBRARY_EXTENSION}`;

/** Electron's app.getPath('userData') for productName "Marginalia", computed without Electron (for the CLI). */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Marginalia');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Marginalia');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Marginalia');
}

/** The library the app opens on first run and the CLI uses when given none. */
export function defaultLibraryPath(): string {
  return join(userDataDir(), DEFAULT_LIBRARY_NAME);
}
