import { randomBytes } from 'node:crypto';
import { dropBenchDatabase, deleteRedisKeys, REDIS_URL, ROOT } from './setup';
import { freePort, spawnProc, waitForHttp, type Proc } from './util';

export const log = (message: string) =>
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** argv flags and options of a bench: `flag('no-build')`, `option('rounds', '3')`. */
export function cli(argv = process.argv.slice(2)) {
  return {
    flag: (name: string) => argv.includes(`--${name}`),
    option: (name: string, fallback: string) => {
      const i = argv.indexOf(`--${name}`);
      return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
    },
  };
}

/**
 * What a bench run owns: the server processes it started, its database, its Redis prefix and
 * anything else registered with `onCleanup`. Everything is stopped, dropped and deleted at the end,
 * on failure and on Ctrl-C (SIGINT/SIGTERM) — and only what this run started.
 */
export class Harness {
  readonly owned = new Set<Proc>();
  readonly redisPrefix = `cmbench:${randomBytes(6).toString('hex')}`;
  readonly jwtSecret = `bench-access-secret-${randomBytes(16).toString('hex')}`;
  database: { name: string; url: string } | null = null;
  private readonly cleanups: (() => unknown)[] = [];
  private cleaningUp = false;

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        log(`${signal}: stopping what the bench started`);
        void this.cleanup().finally(() => process.exit(130));
      });
    }
  }

  /** Runs first at cleanup (before the servers stop), last registered first. */
  onCleanup(fn: () => unknown) {
    this.cleanups.push(fn);
  }

  own(proc: Proc): Proc {
    this.owned.add(proc);
    return proc;
  }

  async stop(proc: Proc, ms = 15_000) {
    await proc.stop(ms);
    this.owned.delete(proc);
  }

  async cleanup() {
    if (this.cleaningUp) return;
    this.cleaningUp = true;
    for (const fn of this.cleanups.reverse())
      await Promise.resolve()
        .then(fn)
        .catch(() => undefined);
    await Promise.allSettled([...this.owned].map((p) => p.stop(5000)));
    const db = this.database;
    if (db) await dropBenchDatabase(db.name).catch((e: Error) => log(`could not drop ${db.name}: ${e.message}`));
    await deleteRedisKeys(this.redisPrefix).catch(() => undefined);
  }

  /** Runs a bench's main, then cleans up; on failure prints the tail of every server's output. */
  run(main: () => Promise<void>) {
    main()
      .then(() => this.cleanup())
      .then(() => process.exit(0))
      .catch(async (error: Error) => {
        console.error(`bench failed: ${error.stack ?? error.message}`);
        for (const p of this.owned) console.error(`--- ${p.name} output (tail):\n${p.output().slice(-3000)}`);
        await this.cleanup();
        process.exit(1);
      });
  }

  /**
   * The real API (`command` from prepareAppBuild) on the bench database, as in production
   * (NODE_ENV=production, LOG_LEVEL=warn), without migrating or seeding, on a free port of 127.0.0.1.
   */
  async startApi(
    command: string[],
    options: { name?: string; nodeArgs?: string[]; env?: Record<string, string> } = {},
  ): Promise<{ proc: Proc; url: string }> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const proc = this.own(
      spawnProc(
        options.name ?? 'app',
        [...(options.nodeArgs ?? []), ...command],
        {
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          MIGRATE_ON_START: 'false',
          SEED_DEMO: 'false',
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: url,
          DATABASE_URL: this.database!.url,
          REDIS_URL,
          REDIS_PREFIX: this.redisPrefix,
          JWT_ACCESS_SECRET: this.jwtSecret,
          JWT_ACCESS_TTL_SECONDS: '7200',
          LOGIN_LIMIT_PER_IP: '100000',
          LOGIN_LIMIT_PER_ACCOUNT: '100000',
          ...options.env,
        },
        ROOT,
      ),
    );
    await waitForHttp(`${url}/health`, proc);
    return { proc, url };
  }

  /** A compiled bare server (compileScripts) on the bench database, on a free port of 127.0.0.1; it answers GET /health. */
  async startBare(
    script: string,
    env: Record<string, string>,
    options: { name?: string; nodeArgs?: string[] } = {},
  ): Promise<{ proc: Proc; url: string }> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const proc = this.own(
      spawnProc(
        options.name ?? 'bare',
        [...(options.nodeArgs ?? []), script],
        {
          NODE_ENV: 'production',
          PORT: String(port),
          DATABASE_URL: this.database!.url,
          DATABASE_POOL_SIZE: '10',
          ...env,
        },
        ROOT,
      ),
    );
    await waitForHttp(`${url}/health`, proc);
    return { proc, url };
  }
}
