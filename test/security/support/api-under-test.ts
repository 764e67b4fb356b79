import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REDIS_URL } from '../../support/test-servers';

const root = join(__dirname, '../../..');

/** What the process under test said that counts against it. */
export interface Incident {
  kind: 'unhandled' | 'error-log' | 'exit';
  text: string;
}

export interface ApiUnderTest {
  url: string;
  /** Unhandled rejections, uncaught exceptions, error-level log lines and an exit, as they happen. */
  incidents: Incident[];
  alive: () => boolean;
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

/** Reads the process's JSON log lines: level 50 (error) and above are incidents. */
function watchLine(line: string, incidents: Incident[]) {
  if (line.startsWith('SECURITY-WATCH')) return void incidents.push({ kind: 'unhandled', text: line });
  if (!line.startsWith('{')) return;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: unknown };
    if ((entry.level ?? 0) >= 50) incidents.push({ kind: 'error-log', text: line.slice(0, 2000) });
  } catch {
    // not a log line
  }
}

/**
 * The API's real entry point in a process of its own, on `databaseUrl`, with its log at `warn` and
 * a watch on process events (watch-process.cjs): a crash, an unhandled rejection or an error log
 * line is recorded, never lost in the test runner's own handlers.
 */
export async function startApiUnderTest(databaseUrl: string): Promise<ApiUnderTest> {
  const port = await freePort();
  const incidents: Incident[] = [];
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', join(__dirname, 'watch-process.cjs'), 'apps/api/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        MIGRATE_ON_START: 'false',
        SEED_DEMO: 'false',
        DATABASE_POOL_SIZE: '8',
      },
    },
  );
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop()!;
      for (const line of lines) watchLine(line, incidents);
    });
  }
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      incidents.push({ kind: 'exit', text: `exited with ${code ?? signal}` });
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  for (const start = Date.now(); ;) {
    if (exited) throw new Error(`the API under test did not start: ${incidents.map((i) => i.text).join('\n')}`);
    if (Date.now() - start > 90_000) throw new Error('the API under test did not become healthy in 90 s');
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    incidents,
    alive: () => !exited,
    stop: async () => {
      if (exited) return;
      const i = incidents.length;
      child.kill('SIGTERM');
      await exit;
      incidents.splice(i); // the exit we asked for is no incident
    },
  };
}
