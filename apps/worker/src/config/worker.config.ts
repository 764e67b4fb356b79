import { registerAs, type ConfigType } from '@nestjs/config';
import {
  bool,
  ConfigError,
  databaseSettings,
  int,
  logFormat,
  logLevel,
  optionalUrl,
  read,
  redisUrl,
  url,
  type Env,
} from '@citymentor/runtime';

/** Reads and validates the worker's settings once; the defaults match a local Postgres and Redis, as for the api. */
export function parseWorkerConfig(env: Env) {
  const redisPrefix = read(env, 'REDIS_PREFIX', 'citymentor');
  // Braces would turn into Redis Cluster hash tags and whitespace into broken keys.
  if (!/^[\w.:-]{1,100}$/.test(redisPrefix))
    throw new ConfigError(
      `REDIS_PREFIX may only hold letters, digits and . _ : - (1 to 100 characters), got "${redisPrefix}"`,
    );
  return {
    logLevel: logLevel(env),
    logFormat: logFormat(env),
    ...databaseSettings(env),
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
    /** Where finished reports are written, and data exports under its `exports` folder (the api reads them from there). */
    reportsDir: read(env, 'REPORTS_DIR', 'var/reports'),
    /** How long the daily purge keeps what it deletes, in days (docs/privacy.md lists each kind of data). */
    retention: {
      /** Notifications, read or not, after they were made. */
      notificationsDays: int(env, 'RETENTION_NOTIFICATIONS_DAYS', 180, 1, 3650),
      /** Funder reports (the row and its file) after they were requested. */
      reportsDays: int(env, 'RETENTION_REPORTS_DAYS', 90, 1, 3650),
      /** A person's export of their own data (the row and its .zip) after it was built: downloadable until then. */
      exportsDays: int(env, 'RETENTION_EXPORTS_DAYS', 7, 1, 365),
      /** Sign-in sessions after they expired or were ended (a late refresh still hears "expired" meanwhile). */
      sessionsDays: int(env, 'RETENTION_SESSIONS_DAYS', 7, 1, 3650),
      /** Invitations never accepted, after they expired (the coordinator still sees who never joined). */
      invitationsDays: int(env, 'RETENTION_INVITATIONS_DAYS', 30, 1, 3650),
      /** Audit entries (account deletions, exports, membership changes) after they were recorded. */
      auditDays: int(env, 'RETENTION_AUDIT_DAYS', 730, 30, 3650),
    },
  };
}

export const workerConfig = registerAs('worker', () => parseWorkerConfig(process.env));
export type WorkerConfig = ConfigType<typeof workerConfig>;
