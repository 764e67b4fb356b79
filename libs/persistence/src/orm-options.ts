import { Logger } from '@nestjs/common';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from '@citymentor/domain';
import { IdempotencyClaimSubscriber } from './idempotency-claim';
import { MIGRATIONS } from './migrations';
import { NAMED_STATEMENTS } from './prepared-query';

export interface OrmSettings {
  databaseUrl: string;
  /** Connections per process. */
  poolSize?: number;
  debug?: boolean;
  /**
   * `transaction`: `databaseUrl` is a pooler in transaction mode (PgBouncer), so the hot statements run unnamed
   * (PreparedQuery) and no startup `options` are sent (PgBouncer 1.18 refuses them: its ini sets `jit = off`
   * with `connect_query` instead). Default `none`: straight to Postgres.
   */
  pooler?: 'none' | 'transaction';
  /**
   * Keep the migrations' schema snapshot (the file `migration:create` diffs the entities against). Only that
   * command writes it: applying migrations would otherwise rewrite the committed file in the user's checkout.
   */
  snapshot?: boolean;
}

const knexLogger = new Logger('Database');
const knexLog = {
  warn: (message: string) => knexLogger.warn(message),
  error: (message: string) => knexLogger.error(message),
  deprecate: (method: string, alternative: string) => knexLogger.warn(`${method} is deprecated, use ${alternative}`),
  debug: () => undefined,
};

/** The MikroORM configuration shared by the api, the worker, the CLI scripts and the tests. */
export function ormOptions({
  databaseUrl,
  poolSize = 10,
  debug = false,
  snapshot = false,
  pooler = 'none',
}: OrmSettings): Options {
  const direct = pooler === 'none';
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    subscribers: [new IdempotencyClaimSubscriber()],
    debug,
    pool: { min: 0, max: poolSize },
    driverOptions: {
      // knex's own warnings (a pooled connection lost, e.g. on a Postgres restart) as one JSON-able line, not console.log.
      log: knexLog,
      // No JIT compilation: the app's statements are short, and Postgres' cost estimates (inflated by
      // set-returning functions such as jsonb_array_elements) made it compile the dashboard's queries
      // at every call — 80–500 ms each at a few hundred pairs (docs/performance.md, "REST").
      connection: direct ? { options: '-c jit=off' } : {},
      // Read by PreparedQuery (knex ignores it).
      [NAMED_STATEMENTS]: direct,
    },
    forceUtcTimezone: true,
    // Writes go through explicit transactions or flushes; nothing may reach the global context.
    allowGlobalContext: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: MIGRATIONS,
      path: 'libs/persistence/src/migrations',
      pathTs: 'libs/persistence/src/migrations',
      transactional: true,
      allOrNothing: true,
      snapshot,
      snapshotName: '.snapshot-citymentor',
      emit: 'ts',
      silent: true,
    },
  });
}
