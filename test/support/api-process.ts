import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REDIS_URL } from './test-servers';

const root = join(__dirname, '../..');

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<number | null>;
}

/**
 * Runs the API's real entry point from source in a process of its own — a second instance, or a
 * start-up to watch. (Two instances cannot share one process: passport keeps strategies globally.)
 */
export function spawnApi(env: Record<string, string>): ApiProcess {
  let output = '';
  const port = env.PORT ?? '0';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, REDIS_URL, LOG_LEVEL: 'warn', ...env, PORT: port },
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Starts a second API instance on `databaseUrl` and waits until it is healthy. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = String(4100 + Math.floor(Math.random() * 800));
  const api = spawnApi({ MIGRATE_ON_START: 'false', SEED_DEMO: 'false', ...env, PORT: port });
  await waitForHealth(api);
  return api;
}

export async function waitForHealth(api: ApiProcess, ms = 90_000) {
  let exited = false;
  void api.exited.then(() => (exited = true));
  const start = Date.now();
  while (!exited && Date.now() - start < ms) {
    try {
      if ((await fetch(`${api.url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not become healthy: ${api.output()}`);
}
