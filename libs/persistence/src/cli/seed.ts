/**
 * `npm run seed`: migrates DATABASE_URL, seeds the benchmark catalogue and, into an empty
 * installation, the demo consortium (demo password: citymentor-demo).
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import * as argon2 from 'argon2';
import { setUpDatabase } from '../database-setup';
import { ormOptions } from '../orm-options';
import { DEMO_PASSWORD } from '../seeders/demo-consortium';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/citymentor';

async function main() {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_URL;
  const orm = await MikroORM.init(ormOptions({ databaseUrl, poolSize: 2 }));
  try {
    await setUpDatabase(orm, databaseUrl, {
      migrate: true,
      demoPasswordHash: () => argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id }),
      log: (line) => console.log(line),
    });
  } finally {
    await orm.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
