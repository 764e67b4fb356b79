import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { REPORTS_QUEUE } from '@citymentor/contracts';
import { bullConnection } from '@citymentor/runtime';
import { databaseUrl } from '../support/test-servers';
import { deleteRedisKeys, dropTestDatabase } from '../support/database';

const ROOT = join(__dirname, '../..');
/** What `npm start` builds from: a copy, so its build never touches the dist/ other test files use. */
const SOURCES = ['apps', 'libs', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.base.json', 'nest-cli.json'];

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once the output holds `text`; rejects if the process ends first or after `ms`. */
  saw: (text: string | RegExp, ms: number) => Promise<void>;
}

function watch(child: ChildProcess): Run {
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let ended = false;
  void exited.then(() => (ended = true));
  const saw = async (text: string | RegExp, ms: number) => {
    const found = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
    for (const deadline = Date.now() + ms; !found(); await new Promise((r) => setTimeout(r, 200))) {
      if (ended || Date.now() > deadline)
        throw new Error(`${ended ? 'ended' : 'timed out'} before "${text}":\n${output}`);
    }
  };
  return { child, output: () => output, exited, saw };
}

/** A person's shell: none of the settings the test set-up gives every test process (setup-env.ts). */
const userEnv = (settings: Record<string, string>) => ({
  PATH: process.env.PATH!,
  HOME: process.env.HOME ?? '/tmp',
  ...settings,
});

const workersOn = async (prefix: string) => {
  const queue = new Queue(REPORTS_QUEUE, {
    connection: bullConnection('redis://127.0.0.1:6379'),
    prefix: `${prefix}:bull`,
  });
  try {
    return await queue.getWorkersCount();
  } finally {
    await queue.close();
  }
};

describe('npm start on a machine where the database does not exist yet', () => {
  const name = `cmstart_${randomBytes(6).toString('hex')}`;
  const prefix = `test-start-${randomBytes(4).toString('hex')}`;
  const port = 5300 + Math.floor(Math.random() * 300);
  let copy: string;

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'citymentor-start-'));
    for (const entry of SOURCES)
      cpSync(join(ROOT, entry), join(copy, entry), {
        recursive: true,
        filter: (src) => !/\/(dist|node_modules)$/.test(src),
      });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(async () => {
    rmSync(copy, { recursive: true, force: true });
    await dropTestDatabase(name);
    await deleteRedisKeys(prefix);
  });

  it('builds, migrates and seeds once, runs the api and the worker, and Ctrl-C stops both with exit 0', async () => {
    // The README's command, in a process group of its own as a terminal runs it: Ctrl-C goes to the whole group.
    const start = watch(
      spawn(process.execPath, ['scripts/start.mjs'], {
        cwd: copy,
        detached: true,
        env: userEnv({
          DATABASE_URL: databaseUrl(name),
          PORT: String(port),
          REDIS_PREFIX: prefix,
          LOG_FORMAT: 'pretty',
        }),
      }),
    );
    try {
      await start.saw('Ctrl-C stops it.', 240_000);
      const out = start.output();
      expect(out).toContain(`created database ${name}`);
      expect(out.match(/applied migrations/g)).toHaveLength(1);
      expect(out).toContain('seeded the demo consortium');
      // The banner is the last thing on screen, after both processes said they were ready.
      expect(out.indexOf('citymentor worker: ready')).toBeLessThan(out.indexOf('is running: open'));
      expect(out.indexOf('citymentor api: listening')).toBeLessThan(out.indexOf('is running: open'));
      expect(out.trimEnd().endsWith('Ctrl-C stops it.')).toBe(true);
      // Readable lines for a person: no JSON log lines, no Nest route table, no stack trace.
      expect(out).not.toMatch(/^\{"level"/m);
      expect(out).not.toMatch(/Mapped \{|LegacyRouteConverter|\n\s+at /);

      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mentee@tampere.fi', password: 'citymentor-demo' }),
      });
      expect(login.status).toBe(200);
      expect(await workersOn(prefix)).toBeGreaterThan(0);

      process.kill(-start.child.pid!, 'SIGINT');
      expect(await start.exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
      expect(await workersOn(prefix)).toBe(0);
    } finally {
      if (start.child.exitCode === null) process.kill(-start.child.pid!, 'SIGKILL');
    }
  }, 300_000);
});

describe('a worker started on its own before the schema exists', () => {
  const name = `cmstart_${randomBytes(6).toString('hex')}`;
  const prefix = `test-start-${randomBytes(4).toString('hex')}`;
  const env = userEnv({
    DATABASE_URL: databaseUrl(name),
    REDIS_PREFIX: prefix,
    NOTIFICATION_FEED: 'false',
    LOG_LEVEL: 'warn',
  });
  afterAll(async () => {
    await dropTestDatabase(name);
    await deleteRedisKeys(prefix);
  });

  it('waits for it with one line instead of crashing, and starts once the set-up has run', async () => {
    const worker = watch(
      spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], { cwd: ROOT, env }),
    );
    try {
      await worker.saw('citymentor worker: waiting for the database schema', 60_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(worker.child.exitCode).toBeNull();
      expect(worker.output().match(/waiting for the database schema/g)).toHaveLength(1);

      const setup = watch(
        spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/setup.ts'], {
          cwd: ROOT,
          env: { ...env, SEED_DEMO: 'false' },
        }),
      );
      expect(await setup.exited).toBe(0);
      expect(setup.output()).toContain('the database is ready');

      await worker.saw('citymentor worker: ready', 60_000);
      expect(await workersOn(prefix)).toBeGreaterThan(0);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    } finally {
      worker.child.kill('SIGKILL');
    }
  }, 180_000);
});
