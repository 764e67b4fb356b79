import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions, seedCatalogue } from '@citymentor/persistence';
import { databaseUrl, POSTGRES_ADMIN_URL, TEMPLATE_DATABASE } from './test-servers';

/** A freshly migrated database holding only the benchmark catalogue, copied by every e2e test file. */
async function main() {
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const orm = await MikroORM.init(ormOptions({ databaseUrl: databaseUrl(TEMPLATE_DATABASE), poolSize: 2 }));
  try {
    await orm.getMigrator().up();
    await seedCatalogue(orm.em.fork());
  } finally {
    await orm.close();
  }
}

main().catch((error: Error) => {
  console.error(`could not prepare the test database: ${error.message}`);
  process.exit(1);
});
