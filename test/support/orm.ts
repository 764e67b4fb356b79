import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@citymentor/persistence';
import { createTestDatabase, dropTestDatabase } from './database';

/** MikroORM alone (no API) on a migrated database of this test file's own; `close` drops the database. */
export async function startOrm(): Promise<{ orm: MikroORM; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const orm = await MikroORM.init(ormOptions({ databaseUrl: database.url, poolSize: 2 }));
  return {
    orm,
    close: async () => {
      await orm.close(true);
      await dropTestDatabase(database.name);
    },
  };
}
