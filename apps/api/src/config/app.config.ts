import { registerAs, type ConfigType } from '@nestjs/config';
import {
  bool,
  ConfigError,
  databaseSettings,
  int,
  logFormat,
  logLevel,
  read,
  redisUrl,
  url,
  type Env,
} from '@citymentor/runtime';

export { ConfigError };

function secret(env: Env, name: string, production: boolean, devFallback: string): string {
  const value = production ? read(env, name) : read(env, name, devFallback);
  if (value.length < 32) throw new ConfigError(`${name} must be at least 32 characters`);
  return value;
}

/** Reads and validates every setting once. Local defaults let `npm start` work beside local Postgres and Redis. */
export function parseConfig(env: Env) {
  const production = env.NODE_ENV === 'production';
  const port = int(env, 'PORT', 3000, 0, 65535);
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:'], `http://localhost:${port}`).replace(/\/$/, '');
  return {
    production,
    port,
    host: read(env, 'HOST', '0.0.0.0'),
    publicUrl,
    logLevel: logLevel(env),
    logFormat: logFormat(env),
    ...databaseSettings(env),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    redisUrl: redisUrl(env),
    /** Prefix of every Redis key this installation writes (rate limits, queues, socket rooms). */
    redisPrefix: read(env, 'REDIS_PREFIX', 'citymentor'),
    jwt: {
      accessSecret: secret(env, 'JWT_ACCESS_SECRET', production, 'dev-only-access-secret-change-me-0123456789'),
      accessTtlSeconds: int(env, 'JWT_ACCESS_TTL_SECONDS', 900, 5, 86_400),
      refreshTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    },
    loginLimits: {
      perAccount: int(env, 'LOGIN_LIMIT_PER_ACCOUNT', 10, 1, 100_000),
      perIp: int(env, 'LOGIN_LIMIT_PER_IP', 50, 1, 100_000),
      windowSeconds: int(env, 'LOGIN_LIMIT_WINDOW_SECONDS', 900, 1, 86_400),
    },
    invitationTtlDays: int(env, 'INVITATION_TTL_DAYS', 14, 1, 90),
    /** A closed programme may be deleted this many days after it was closed (0: at once). */
    programmeDeleteAfterClosedDays: int(env, 'PROGRAMME_DELETE_AFTER_CLOSED_DAYS', 30, 0, 3650),
    /** An Idempotency-Key claimed this long ago and never finished belongs to a request whose instance died: a retry may take it over. */
    idempotencyAbandonedMs: int(env, 'IDEMPOTENCY_ABANDONED_MS', 30_000, 100, 3_600_000),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 50_000_000),
    corsOrigins: read(env, 'CORS_ORIGINS', publicUrl)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', true),
    seedDemoOnStart: bool(env, 'SEED_DEMO', !production),
    /** Where the worker writes finished reports; the api streams them from there (same setting as the worker's). */
    reportsDir: read(env, 'REPORTS_DIR', 'var/reports'),
    /** The built web client to serve; unset: apps/web/dist, found by walking up from the api's code (none found: API only). */
    webDist: read(env, 'WEB_DIST', '') || null,
    /** The deployed release, part of every ETag (a deploy may change an answer's shape); unset: the process's start. */
    buildId: read(env, 'BUILD_ID', '') || null,
  };
}

export const appConfig = registerAs('app', () => parseConfig(process.env));
export type AppConfig = ConfigType<typeof appConfig>;
