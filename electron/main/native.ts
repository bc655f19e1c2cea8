import { app } from 'electron';
import { join } from 'node:path';

/**
 * better-sqlite3 compiled for Electron's ABI (node_modules holds the Node build the tests use).
 * Packaged apps load only the copy they ship; development takes the one scripts/start.mjs built.
 */
export function nativeBinding(): string | undefined {
  if (app.isPackaged) return join(process.resourcesPath, 'native', 'better_sqlite3.node');
  return process.env.MARGINALIA_NATIVE_BINDING || undefined;
}
