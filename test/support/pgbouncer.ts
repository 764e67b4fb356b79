import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { POSTGRES_ADMIN_URL } from './test-servers';

export const PGBOUNCER = process.env.PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';

const PROBE = 'cm_pooler_probe';

export interface PgBouncer {
  port: number;
  /** The URL of database `name` through PgBouncer. */
  url: (name: string) => string;
  /** Through PgBouncer to Postgres' own `postgres` database on ONE server connection: what every client shares. */
  probeUrl: string;
  /** Runs one statement on PgBouncer's admin console (`SHOW POOLS`, …). */
  admin: <R>(command: string) => Promise<R[]>;
  output: () => string;
  stop: () => Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * PgBouncer in transaction mode on a free port of 127.0.0.1, in front of the test Postgres: every
 * database name goes to the same database there, with at most `poolSize` server connections each.
 * `connect_query` turns JIT off on each server connection, as the app's startup options do when
 * direct (PgBouncer 1.18 refuses them). As root it drops to `nobody`, since PgBouncer will not run as root.
 */
export async function startPgBouncer({ poolSize = 5 } = {}): Promise<PgBouncer> {
  if (!existsSync(PGBOUNCER))
    throw new Error(`no PgBouncer at ${PGBOUNCER}: install it (apt-get install pgbouncer) or set PGBOUNCER_BIN`);
  const postgres = new URL(POSTGRES_ADMIN_URL);
  const user = decodeURIComponent(postgres.username || 'postgres');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cm-pgbouncer-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`, { mode: 0o644 });
  const ini = [
    '[databases]',
    `${PROBE} = host=${postgres.hostname} port=${postgres.port || 5432} dbname=postgres pool_size=1 connect_query='SET jit = off'`,
    `* = host=${postgres.hostname} port=${postgres.port || 5432} connect_query='SET jit = off'`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${join(dir, 'users.txt')}`,
    `admin_users = ${user}`,
    'pool_mode = transaction',
    `default_pool_size = ${poolSize}`,
    `max_db_connections = ${poolSize}`,
    'reserve_pool_size = 0',
    'max_client_conn = 500',
    ...(process.getuid?.() === 0 ? ['user = nobody'] : []),
  ];
  writeFileSync(join(dir, 'pgbouncer.ini'), `${ini.join('\n')}\n`, { mode: 0o644 });

  let output = '';
  const child: ChildProcess = spawn(PGBOUNCER, [join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = (name: string) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${name}`;
  const admin = async <R>(command: string) => {
    const client = new Client({ connectionString: url('pgbouncer') });
    await client.connect();
    try {
      return (await client.query(command)).rows as R[];
    } finally {
      await client.end();
    }
  };

  for (let attempt = 0; ; attempt++) {
    try {
      await admin('SHOW VERSION');
      break;
    } catch (error) {
      if (attempt >= 50 || child.exitCode !== null)
        throw new Error(`PgBouncer did not start (${(error as Error).message}): ${output}`, { cause: error });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    port,
    url,
    probeUrl: url(PROBE),
    admin,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
