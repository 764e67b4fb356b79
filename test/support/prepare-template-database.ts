import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { catalogueDirectory } from '@citymentor/benchmarks';
import { ormOptions, seedCatalogue } from '@citymentor/persistence';
import { databaseUrl, POSTGRES_ADMIN_URL } from './test-servers';

/**
 * A migrated database holding only the benchmark catalogue, copied by every e2e test file. Its
 * name carries a hash of the migrations and the catalogue, so it is built once per change and
 * several test runs at once share it instead of rebuilding it under each other.
 */
function templateName(): string {
  const hash = createHash('sha256');
  for (const dir of [join(__dirname, '../../libs/persistence/src/migrations'), catalogueDirectory()]) {
    for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  }
  return `cmtpl_${hash.digest('hex').slice(0, 16)}`;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function main() {
  const name = templateName();
  const exists = await admin(
    async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
  );
  if (!exists) {
    const building = `cmtpl_build_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`create database ${building}`));
    const orm = await MikroORM.init(ormOptions({ databaseUrl: databaseUrl(building), poolSize: 2 }));
    try {
      await orm.getMigrator().up();
      await seedCatalogue(orm.em.fork());
    } finally {
      await orm.close();
    }
    await admin(async (c) => {
      try {
        await c.query(`alter database ${building} rename to ${name}`);
      } catch {
        // Another run built it meanwhile.
        await c.query(`drop database if exists ${building} with (force)`);
      }
    });
  }
  process.stdout.write(name);
}

main().catch((error: Error) => {
  console.error(`could not prepare the test database: ${error.message}`);
  process.exit(1);
});
