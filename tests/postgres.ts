import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL 15 for the hub's tests: a cluster of its own in a temporary folder, listening
 * on a free loopback port (TCP on 127.0.0.1 only, its unix socket in the same folder), password
 * (SCRAM) authentication over TCP. PostgreSQL refuses to run as root, so as root every server
 * command runs as the `postgres` user (.ci/run installs Debian's package, which creates it).
 */
export const PG_BIN = process.env.MARGINALIA_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const PG_SUPERUSER = 'hub_admin';
export const PG_SUPERUSER_PASSWORD = 'admin-secret-1';

export interface TestPostgres {
  port: number;
  /** postgres://hub_admin:…@127.0.0.1:port/DB: the superuser's connection to a database. */
  url(database?: string): string;
  /** Creates an empty database and returns the superuser's URL to it. */
  createDatabase(name: string): string;
  stop(): void;
}

const asRoot = process.getuid?.() === 0;

/** As root, a server command runs as `postgres` (runuser); otherwise as ourselves. */
function asServerUser(file: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

function run(file: string, args: string[]): string {
  return execFileSync(...asServerUser(file, args), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function postgresOwner(): [number, number] {
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return [id('-u'), id('-g')];
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

const running = new Set<() => void>();
// A test file that crashes still stops its server: the process's exit runs whatever is left.
process.once('exit', () => {
  for (const stop of [...running]) stop();
});

export async function startPostgres(): Promise<TestPostgres> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL 15 is not installed (${PG_BIN}/initdb); .ci/run installs it`);
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-pg-'));
  const data = join(dir, 'data');
  const owner = asRoot ? postgresOwner() : null;
  if (owner) chownSync(dir, ...owner);
  chmodSync(dir, 0o700);
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, PG_SUPERUSER_PASSWORD + '\n', { mode: 0o600 });
  if (owner) chownSync(pwfile, ...owner);
  run(join(PG_BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    PG_SUPERUSER,
    `--pwfile=${pwfile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  rmSync(pwfile);
  // Loopback TCP only, with passwords; the unix socket lives in the cluster's own folder.
  writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n');
  const port = await freePort();
  const stop = (): void => {
    if (!running.delete(stop)) return;
    spawnSync(...asServerUser(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  running.add(stop);
  try {
    run(join(PG_BIN, 'pg_ctl'), [
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
  } catch (error) {
    stop();
    throw error;
  }
  const url = (database = 'postgres'): string =>
    `postgres://${PG_SUPERUSER}:${encodeURIComponent(PG_SUPERUSER_PASSWORD)}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    createDatabase(name) {
      run(join(PG_BIN, 'psql'), [
        '-h',
        dir,
        '-p',
        String(port),
        '-U',
        PG_SUPERUSER,
        '-d',
        'postgres',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `CREATE DATABASE "${name}"`,
      ]);
      return url(name);
    },
    stop,
  };
}
