// Test-only entry: the HTTP host as `marginalia serve` starts it, with what the e2e tests need to
// see a long job in progress without racing it. With MARGINALIA_TEST_HOLD_IMPORT_AT=N the first
// import is held at its file number N (see tests/import-hold.ts); with
// MARGINALIA_TEST_HOLD_CODING_AT=N the first "Code all hits" job is held once it has read N
// articles (tests/coding-hold.ts); with MARGINALIA_TEST_HOLD_REPORT_AT=N the first report is held
// once it has read N passages (the same hold). Each waits until it is cancelled or a line "release" arrives
// on stdin. Nothing in electron/ or bin/ reads those variables or this file.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createParsePool } from '../../electron/core/import/parse-pool';
import { startHost } from '../../electron/host/http-host';
import { hostProfile } from '../../electron/core/teams/profile';
import { holdCodingAt } from '../coding-hold';
import { holdImportAt } from '../import-hold';

const { values } = parseArgs({ options: { library: { type: 'string' }, coder: { type: 'string' } } });
if (!values.library) throw new Error('usage: test-host.ts --library FILE');
/** A hold's number from its variable, if set. */
function holdAt(name: string): number | undefined {
  const value = process.env[name];
  if (value !== undefined && !/^\d+$/.test(value)) throw new Error(`${name} must be a number, not "${value}"`);
  return value === undefined ? undefined : Number(value);
}
const at = holdAt('MARGINALIA_TEST_HOLD_IMPORT_AT');
const codingAt = holdAt('MARGINALIA_TEST_HOLD_CODING_AT');
const reportAt = holdAt('MARGINALIA_TEST_HOLD_REPORT_AT');

const pool = createParsePool();
void pool.warm();
const hold = at === undefined ? null : holdImportAt(pool, at);
const codingHold = codingAt === undefined ? null : holdCodingAt(codingAt);
const reportHold = reportAt === undefined ? null : holdCodingAt(reportAt);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'release') return;
  hold?.release();
  codingHold?.release();
  reportHold?.release();
});
const host = await startHost({
  libraryPath: values.library,
  rendererDir: join(import.meta.dirname, '..', '..', 'dist', 'renderer'),
  parser: hold?.parser ?? pool,
  profile: hostProfile(),
  ...(values.coder !== undefined ? { coder: values.coder } : {}),
  ...(codingHold ? { codingPause: codingHold.pause } : {}),
  ...(reportHold ? { reportPause: reportHold.pause } : {}),
});
process.stdout.write(`${host.openUrl}\n`);
await new Promise<void>((done) => {
  process.once('SIGINT', done);
  process.once('SIGTERM', done);
});
await host.close();
await pool.close();
process.stdin.destroy();
