import { createParsePool } from '../core/import/parse-pool';
import { libraryPath } from './cli-library';
import { CliError, type CommandRun } from './cli-output';
import { startHost } from './http-host';
import { hostProfile } from '../core/teams/profile';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export const serveCommand: CommandRun = async (values, _positionals, out, launcher) => {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('--port must be a port number (0–65535).');
  // A fresh clone has no dist/renderer, and one just updated has an old one: built first (a second or two).
  const allow = allowedFolders(values.allow);
  const rendererDir = await launcher.ensureRenderer((line) => out.error(`${line}\n`));
  const pool = createParsePool();
  void pool.warm();
  const coder = typeof values.coder === 'string' ? { coder: values.coder } : {};
  const host = await startHost({
    libraryPath: libraryPath(values),
    rendererDir,
    parser: pool,
    port,
    allow,
    profile: hostProfile(),
    ...coder,
  });
  // Listening for the stop signals before the URL goes out: whoever reads it may stop us at once.
  const stopped = new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  out.write(`${host.openUrl}\n`);
  await stopped;
  await host.close();
  await pool.close();
  return 0;
};

/** The --allow folders, each of which must exist and be a folder (a typo would allow nothing). */
function allowedFolders(given: unknown): string[] {
  const folders = Array.isArray(given) ? given.filter((f): f is string => typeof f === 'string') : [];
  return folders.map((folder) => {
    const path = resolve(folder);
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // reported below
    }
    if (!isFolder) throw new CliError(`--allow ${folder}: no such folder.`);
    return path;
  });
}
