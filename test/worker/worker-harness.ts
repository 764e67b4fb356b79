import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startApp, type TestApp } from '../support/app';
import { REDIS_URL } from '../support/test-servers';

const root = join(__dirname, '../..');

export interface WorkerContext {
  app: INestApplicationContext;
  orm: MikroORM;
  get: INestApplicationContext['get'];
  close: () => Promise<void>;
}

/**
 * The worker's Nest application context, in this process, on `databaseUrl` (a test file's own
 * database) and the file's Redis prefix. The notifications feed is off unless `env` turns it on,
 * so a test drives batches by hand; several contexts can run at once (two workers).
 */
export async function startWorkerContext(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<WorkerContext> {
  const previous = { ...process.env };
  Object.assign(
    process.env,
    { DATABASE_URL: databaseUrl, REDIS_URL, NOTIFICATION_FEED: 'false', OUTBOX_DIR: join(root, 'var/test-outbox') },
    env,
  );
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(WorkerModule, { logger: false, abortOnError: false });
  } finally {
    process.env = previous;
  }
  app.enableShutdownHooks();
  return { app, orm: app.get(MikroORM), get: app.get.bind(app), close: () => app.close() };
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export class TestSmtp {
  readonly mails: (ParsedMail & { envelopeTo: string[] })[] = [];
  /** Called before a message is accepted; throwing (or never resolving) refuses it. */
  beforeAccept?: (mail: ParsedMail) => Promise<void> | void;
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<TestSmtp> {
    const smtp = new TestSmtp();
    smtp.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then(async (mail) => {
            if (smtp.beforeAccept) await smtp.beforeAccept(mail);
            smtp.mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
    smtp.port = (smtp.server.server.address() as AddressInfo).port;
    return smtp;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string) {
    return this.mails.filter((m) => m.envelopeTo.includes(address));
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The worker's real entry point from source, in a process of its own (for SIGKILL and SIGTERM). */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: { ...process.env, REDIS_URL, LOG_LEVEL: 'warn', ...env },
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits (polling) until `check` resolves true; fails after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 15_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The API and the worker of one test file, sharing a temporary files directory (REPORTS_DIR): reports and exports. */
export interface FilesWorld {
  t: TestApp;
  w: WorkerContext;
  /** The shared directory, removed by `close`. */
  dir: string;
  close: () => Promise<void>;
}

/** Starts a `FilesWorld` in a new directory named from `prefix`; `workerEnv` adds to the worker's settings. */
export async function startFilesWorld(prefix: string, workerEnv: Record<string, string> = {}): Promise<FilesWorld> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const t = await startApp({ REPORTS_DIR: dir });
  const w = await startWorkerContext(t.databaseUrl, { REPORTS_DIR: dir, ...workerEnv });
  return {
    t,
    w,
    dir,
    close: async () => {
      await w.close();
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
