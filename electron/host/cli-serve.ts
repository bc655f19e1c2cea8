import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createParsePool } from '../core/import/parse-pool';
import { libraryPath } from './cli-library';
import { CliError, type CommandRun } from './cli-output';
import { startHost } from './http-host';

interface RendererBuild {
  ensureRenderer(log: (line: string) => void): Promise<string>;
}

/** The checkout this code runs from: sources (electron/host) and the CLI bundle (dist/cli/<build>) alike. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new CliError('cannot find the Marginalia checkout this command runs from.');
    dir = parent;
  }
  return dir;
}

export const serveCommand: CommandRun = async (values, _positionals, out) => {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('--port must be a port number (0–65535).');
  // A fresh clone has no dist/renderer, and one just updated has an old one: build it (a second or two).
  const build = (await import(pathToFileURL(join(projectRoot(), 'scripts', 'build.mjs')).href)) as RendererBuild;
  const rendererDir = await build.ensureRenderer((line) => out.error(`${line}\n`));
  const pool = createParsePool();
  void pool.warm();
  const host = await startHost({ libraryPath: libraryPath(values), rendererDir, parser: pool, port });
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
