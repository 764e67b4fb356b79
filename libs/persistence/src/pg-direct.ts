import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** What this file uses of a pooled `pg` client and of knex's client (its pool, its events). */
interface PgClient {
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<unknown>;
  emit(event: 'query', data: { sql: string; bindings: readonly unknown[]; options: object }): boolean;
}

/** A statement's `?` placeholders as `$1, $2, …`, the way knex's Postgres client numbers them (`\?` stays `?`). */
export function positional(sql: string): string {
  let n = 0;
  return sql.replace(/(\\*)(\?)/g, (_match, escapes: string) => (escapes.length % 2 ? '?' : `$${++n}`));
}

/**
 * Runs one statement on a connection of MikroORM's pool (or of the em's transaction) through `pg` itself,
 * skipping knex's query builder and runner: on the hot reads that layer cost more CPU than `pg` (the options
 * clone, a `debug` instance per connection acquired, the runner's promise chain). It still announces the
 * statement with knex's `query` event, so whoever counts statements (test/support/count-statements.ts) sees it.
 * Undefined parameters go through knex, which refuses them as it always did.
 */
export async function queryOnPool<Row>(
  em: EntityManager,
  statement: { sql: string; text: string; name?: string },
  values: readonly Knex.RawBinding[],
  options: { inTransaction: boolean } = { inTransaction: true },
): Promise<Row[]> {
  const knex = em.getKnex();
  const transaction = options.inTransaction ? em.getTransactionContext<Knex.Transaction>() : undefined;
  if (values.includes(undefined as unknown as Knex.RawBinding)) {
    const query = knex.raw(statement.sql, values as Knex.RawBinding[]);
    if (statement.name) query.options({ name: statement.name });
    if (transaction) query.transacting(transaction);
    return ((await query) as { rows: Row[] }).rows;
  }
  const client = (transaction ?? knex).client as unknown as KnexClient;
  const root = knex.client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    const options = statement.name ? { name: statement.name } : {};
    root.emit('query', { sql: statement.text, bindings: values, options });
    const result = await connection.query({ ...options, text: statement.text, values });
    return result.rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}

const texts = new Map<string, string>();

/**
 * A read's rows, as `em.getConnection().execute(sql, params)` gives them (on a pooled connection, outside the
 * em's transaction), with the parameters sent apart from the text rather than inlined by MikroORM: for the hot
 * reads of a few rows, MikroORM's formatting and knex's runner were a third of the app's own CPU per statement.
 */
export async function readRows<Row>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<Row[]> {
  let text = texts.get(sql);
  if (text === undefined) {
    text = positional(sql);
    // The texts are the code's own (a few variants each); the bound only guards against a caller building them.
    if (texts.size < 1000) texts.set(sql, text);
  }
  try {
    return await queryOnPool<Row>(em, { sql, text }, params as Knex.RawBinding[], { inTransaction: false });
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}
