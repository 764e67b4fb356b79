import { registerAs, type ConfigType } from '@nestjs/config';
import type { RedisOptions } from 'bullmq';

/** A missing or malformed setting: the worker stops with one line naming it. */
export class WorkerConfigError extends Error {
  override name = 'WorkerConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const hidePassword = (value: string) => value.replace(/\/\/[^@/]*@/, '//***@');

function read(env: Env, name: string, fallback: string): string {
  return env[name]?.trim() || fallback;
}

function url(env: Env, name: string, protocols: string[], fallback: string): string {
  const value = read(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new WorkerConfigError(`${name} must be a URL (${protocols.join(' or ')}), got "${hidePassword(value)}"`);
  }
  if (!protocols.includes(parsed.protocol)) throw new WorkerConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  if (!parsed.hostname) throw new WorkerConfigError(`${name} must name a host, got "${hidePassword(value)}"`);
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name, String(fallback));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new WorkerConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

function optionalUrl(env: Env, name: string, protocols: string[]): string | null {
  return env[name]?.trim() ? url(env, name, protocols, '') : null;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name, String(fallback)).toLowerCase();
  if (!['true', 'false', '1', '0'].includes(raw)) throw new WorkerConfigError(`${name} must be true or false, got "${raw}"`);
  return raw === 'true' || raw === '1';
}

function redisUrl(env: Env): string {
  const value = url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379');
  const path = new URL(value).pathname;
  if (!/^\/?\d*$/.test(path)) throw new WorkerConfigError(`REDIS_URL may end only in a database number, got "${path}"`);
  return value;
}

/** Reads and validates the worker's settings once; the defaults match a local Postgres and Redis, as for the api. */
export function parseWorkerConfig(env: Env) {
  const logLevel = read(env, 'LOG_LEVEL', 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new WorkerConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const redisPrefix = read(env, 'REDIS_PREFIX', 'citymentor');
  // Braces would turn into Redis Cluster hash tags and whitespace into broken keys.
  if (!/^[\w.:-]{1,100}$/.test(redisPrefix)) throw new WorkerConfigError(`REDIS_PREFIX may only hold letters, digits and . _ : - (1 to 100 characters), got "${redisPrefix}"`);
  return {
    logLevel: logLevel as LogLevel,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/citymentor'),
    redisUrl: redisUrl(env),
    /** Same prefix as the api, so both sides meet on the same queues (`<prefix>:bull:<queue>:…`). */
    redisPrefix,
    /** Jobs each queue runs at once in this process. */
    concurrency: int(env, 'WORKER_CONCURRENCY', 5, 1, 100),
    /**
     * How long a running job's lock lasts without renewal (renewed at half of it). A worker that dies
     * leaves its job stalled; another worker takes it up after about this long (it is also the stalled check interval).
     */
    jobLockMs: int(env, 'WORKER_JOB_LOCK_MS', 30_000, 500, 600_000),
    /** How often the schedules and the jobs of queued reports are checked and put back if Redis lost them. */
    queueKeepIntervalMs: int(env, 'QUEUE_KEEP_INTERVAL_MS', 60_000, 100, 3_600_000),
    /** The web client's address, for links in e-mails (same setting as the api's). */
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'], 'http://localhost:3000').replace(/\/$/, ''),
    mail: {
      /** `smtp://user:pass@host:port` or `smtps://…`; without it, mails are written as .eml files to `outboxDir`. */
      smtpUrl: optionalUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      outboxDir: read(env, 'OUTBOX_DIR', 'var/outbox'),
      from: read(env, 'MAIL_FROM', 'CityMentor <no-reply@citymentor.invalid>'),
    },
    notifications: {
      /** Whether this process reads the event log for notifications (tests drive it by hand with false). */
      feed: bool(env, 'NOTIFICATION_FEED', true),
      /** The event log is read on every NOTIFY and at least this often. */
      pollMs: int(env, 'NOTIFICATION_POLL_MS', 1000, 50, 60_000),
      /** Events read per transaction. */
      batchSize: int(env, 'NOTIFICATION_BATCH_SIZE', 200, 1, 5000),
    },
    /** Where finished reports are written (the api reads them from the same folder). */
    reportsDir: read(env, 'REPORTS_DIR', 'var/reports'),
  };
}

export const workerConfig = registerAs('worker', () => parseWorkerConfig(process.env));
export type WorkerConfig = ConfigType<typeof workerConfig>;

/**
 * ioredis options for BullMQ, from REDIS_URL. Options rather than a client instance, so every
 * queue and worker opens and closes its own connections. `maxRetriesPerRequest: null` is what
 * BullMQ requires of the blocking connections its workers use.
 */
export function bullConnection(redisUrl: string): RedisOptions {
  const u = new URL(redisUrl);
  const db = Number(u.pathname.slice(1) || 0);
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
