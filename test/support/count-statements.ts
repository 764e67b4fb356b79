import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * The SQL statements the app sends through its ORM connection while `work` runs (knex's `query`
 * event fires once per statement, raw or built, inside transactions too). The event log's tail
 * uses a connection of its own and is not counted.
 */
export async function statementsDuring(orm: MikroORM, work: () => Promise<unknown>): Promise<string[]> {
  const knex = orm.em.getConnection().getKnex();
  const seen: string[] = [];
  const listener = (query: { sql: string }) => seen.push(query.sql);
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.off('query', listener);
  }
  return seen;
}
