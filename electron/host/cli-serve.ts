import { createParsePool } from '../core/import/parse-pool';
import { libraryPath } from './cli-library';
import { CliError, type CommandRun } from './cli-output';
import { startHost } from './http-host';

export const serveCommand: CommandRun = async (values, _positionals, out, launcher) => {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('--port must be a port number (0–65535).');
  // A fresh clone has no dist/renderer, and one just updated has an old one: built first (a second or two).
  const rendererDir = await launcher.ensureRenderer((line) => out.error(`${line}\n`));
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
