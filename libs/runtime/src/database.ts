import { ConfigError, read, url, type Env } from './env';

/**
 * How the app reaches Postgres. `none`: directly. `transaction`: through a pooler in transaction mode
 * (PgBouncer's `pool_mode = transaction`), which hands each transaction any server connection: the hot
 * statements then run unnamed (a named prepared statement may not exist on the next one), and whatever
 * needs a session of its own (LISTEN, the set-up's advisory lock, migrations) uses DATABASE_DIRECT_URL.
 */
export const DATABASE_POOLERS = ['none', 'transaction'] as const;
export type DatabasePooler = (typeof DATABASE_POOLERS)[number];

export interface DatabaseSettings {
  /** DATABASE_URL: the pooled connections (through the pooler when there is one). */
  databaseUrl: string;
  /** DATABASE_DIRECT_URL: a session straight to Postgres (LISTEN, the set-up lock, migrations); DATABASE_URL unless set. */
  databaseDirectUrl: string;
  /** DATABASE_POOLER: `none` (default) or `transaction`. */
  databasePooler: DatabasePooler;
}

const POSTGRES = ['postgres:', 'postgresql:'];

/** DATABASE_URL, DATABASE_POOLER and DATABASE_DIRECT_URL (required with a pooler), read and checked together. */
export function databaseSettings(env: Env): DatabaseSettings {
  const databaseUrl = url(env, 'DATABASE_URL', POSTGRES, 'postgres://postgres@127.0.0.1:5432/citymentor');
  const pooler = read(env, 'DATABASE_POOLER', 'none');
  if (!(DATABASE_POOLERS as readonly string[]).includes(pooler))
    throw new ConfigError(`DATABASE_POOLER must be one of ${DATABASE_POOLERS.join(', ')}, got "${pooler}"`);
  if (pooler !== 'none' && !env.DATABASE_DIRECT_URL?.trim())
    throw new ConfigError(
      `DATABASE_DIRECT_URL is required with DATABASE_POOLER=${pooler}: LISTEN, the set-up lock and migrations need a session straight to Postgres`,
    );
  return {
    databaseUrl,
    databaseDirectUrl: url(env, 'DATABASE_DIRECT_URL', POSTGRES, databaseUrl),
    databasePooler: pooler as DatabasePooler,
  };
}
