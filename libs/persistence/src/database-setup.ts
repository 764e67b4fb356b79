import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { seedCatalogue } from './seeders/catalogue.seeder';
import { seedDemo } from './seeders/demo.seeder';

export interface SetupOptions {
  migrate: boolean;
  /** A password hash for the demo accounts; no demo data when absent. */
  demoPasswordHash?: () => Promise<string>;
  log?: (message: string) => void;
}

const LOCK = 'citymentor:database-setup';

/**
 * Migrates, then seeds the catalogue and (into an empty installation) the demo consortium.
 * Holds a Postgres advisory lock so several instances starting at once do it one at a time.
 */
export async function setUpDatabase(orm: MikroORM, databaseUrl: string, options: SetupOptions) {
  const log = options.log ?? (() => undefined);
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [LOCK]);
    if (options.migrate) {
      const applied = await orm.getMigrator().up();
      if (applied.length) log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    }
    const em = orm.em.fork();
    const added = await seedCatalogue(em);
    if (added.length) log(`seeded benchmarks: ${added.join(', ')}`);
    if (options.demoPasswordHash && (await seedDemo(em, await options.demoPasswordHash())))
      log('seeded the demo consortium');
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', [LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/** Creates the database DATABASE_URL names when Postgres does not have it yet; true when it did. */
export async function createDatabaseIfMissing(databaseUrl: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
    return true;
  } catch (error) {
    // Another set-up created it meanwhile.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
