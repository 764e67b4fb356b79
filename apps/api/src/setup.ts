/**
 * Makes DATABASE_URL ready (through DATABASE_DIRECT_URL when there is a pooler), then exits: creates the database if it is missing, migrates it, seeds
 * the benchmark catalogue and — into an empty installation, unless SEED_DEMO=false — the demo
 * consortium. One step under the set-up advisory lock, run before the api and the worker start:
 * by `npm start`, `npm run seed` and compose's migrate service.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { createDatabaseIfMissing, DEMO_PASSWORD, ormOptions, setUpDatabase } from '@citymentor/persistence';
import { preflight } from '@citymentor/runtime';
import { hashPassword } from './auth/passwords';
import { ConfigError, parseConfig } from './config/app.config';

const say = (line: string) => console.log(`citymentor setup: ${line}`);

async function main() {
  const config = parseConfig(process.env);
  // Unreachable servers are explained by the preflight below.
  if (await createDatabaseIfMissing(config.databaseDirectUrl).catch(() => false))
    say(`created database ${new URL(config.databaseDirectUrl).pathname.slice(1)}`);
  const problem = await preflight(config);
  if (problem) {
    console.error(`citymentor setup: ${problem}`);
    process.exit(1);
  }
  // Straight to Postgres: the set-up holds a session lock and migrates (DATABASE_DIRECT_URL behind a pooler).
  const orm = await MikroORM.init(ormOptions({ databaseUrl: config.databaseDirectUrl, poolSize: 2 }));
  try {
    await setUpDatabase(orm, config.databaseDirectUrl, {
      migrate: true,
      demoPasswordHash: config.seedDemoOnStart ? () => hashPassword(DEMO_PASSWORD) : undefined,
      log: say,
    });
  } finally {
    await orm.close();
  }
  say('the database is ready');
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? `citymentor setup: configuration: ${error.message}`
      : `citymentor setup: failed: ${error instanceof Error ? error.stack : String(error)}`,
  );
  process.exit(1);
});
