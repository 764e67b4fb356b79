import { Client } from 'pg';
import { MIGRATIONS } from './migrations';

const UNDEFINED_TABLE = '42P01';
const INVALID_CATALOG_NAME = '3D000'; // the database does not exist

/**
 * How many of this build's migrations the database lacks: all of them while the database or its
 * migrations table does not exist yet. Null when Postgres cannot be asked (the preflight says why).
 */
export async function missingMigrations(databaseUrl: string): Promise<number | null> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>('select name from mikro_orm_migrations');
    const applied = new Set(rows.map((r) => r.name));
    return MIGRATIONS.filter((m) => !applied.has(m.name)).length;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === UNDEFINED_TABLE || code === INVALID_CATALOG_NAME ? MIGRATIONS.length : null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Waits until every migration of this build is applied — by `npm start`, the api, `npm run migrate`
 * or compose's migrate service — saying so once. A process that only uses the schema (the worker)
 * can then start in any order beside the one that creates it.
 */
export async function waitForSchema(databaseUrl: string, say: (line: string) => void, pollMs = 1000): Promise<void> {
  let said = false;
  for (;;) {
    const missing = await missingMigrations(databaseUrl);
    if (!missing) return;
    if (!said)
      say(
        `waiting for the database schema (${missing} of ${MIGRATIONS.length} migrations not applied yet; \`npm start\`, the api or \`npm run migrate\` applies them)`,
      );
    said = true;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
