import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from '@citymentor/domain';
import { MIGRATIONS } from './migrations';

export interface OrmSettings {
  databaseUrl: string;
  /** Connections per process. */
  poolSize?: number;
  debug?: boolean;
}

/** The MikroORM configuration shared by the api, the worker, the CLI scripts and the tests. */
export function ormOptions({ databaseUrl, poolSize = 10, debug = false }: OrmSettings): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    debug,
    pool: { min: 0, max: poolSize },
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
      snapshot: true,
      snapshotName: '.snapshot-citymentor',
      emit: 'ts',
      silent: true,
    },
  });
}
