/**
 * Migrations from the command line:
 *   npm run migrate                      apply pending migrations to DATABASE_DIRECT_URL, else DATABASE_URL
 *                                        (a migration needs a session: never through a transaction pooler)
 *   npm run migration:create -- <name>   write a migration for the difference between entities and the snapshot
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../orm-options';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/citymentor';

async function main() {
  const [command, name] = process.argv.slice(2);
  const orm = await MikroORM.init(
    ormOptions({
      databaseUrl: process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL || DEFAULT_URL,
      poolSize: 2,
      snapshot: command === 'create',
    }),
  );
  try {
    const migrator = orm.getMigrator();
    if (command === 'up') {
      const applied = await migrator.up();
      console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
    } else if (command === 'create') {
      const result = await migrator.createMigration(undefined, false, false, name);
      console.log(result.fileName ? `wrote ${result.fileName}; add it to migrations/index.ts` : 'no changes');
    } else {
      throw new Error(`unknown command "${command}" (up | create <name>)`);
    }
  } finally {
    await orm.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
