// Test-only entry: the HTTP host as `marginalia serve` starts it, with one addition the e2e tests
// need to see an import in progress without racing it. With MARGINALIA_TEST_HOLD_IMPORT_AT=N the
// first import is held at its file number N (see tests/import-hold.ts) until it is cancelled or a
// line "release" arrives on stdin. Nothing in electron/ or bin/ reads that variable or this file.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createParsePool } from '../../electron/core/import/parse-pool';
import { startHost } from '../../electron/host/http-host';
import { holdImportAt } from '../import-hold';

const { values } = parseArgs({ options: { library: { type: 'string' } } });
if (!values.library) throw new Error('usage: test-host.ts --library FILE');
const at = process.env.MARGINALIA_TEST_HOLD_IMPORT_AT;
if (at !== undefined && !/^\d+$/.test(at)) throw new Error(`MARGINALIA_TEST_HOLD_IMPORT_AT must be a file number, not "${at}"`);

const pool = createParsePool();
void pool.warm();
const hold = at === undefined ? null : holdImportAt(pool, Number(at));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'release') hold?.release();
});
const host = await startHost({
  libraryPath: values.library,
  rendererDir: join(import.meta.dirname, '..', '..', 'dist', 'renderer'),
  parser: hold?.parser ?? pool,
});
process.stdout.write(`${host.openUrl}\n`);
await new Promise<void>((done) => {
  process.once('SIGINT', done);
  process.once('SIGTERM', done);
});
await host.close();
await pool.close();
process.stdin.destroy();
