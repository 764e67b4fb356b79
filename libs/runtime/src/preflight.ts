import Redis from 'ioredis';
import { Client } from 'pg';

const where = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
};

/**
 * Checks that Postgres and Redis answer, so a start without them says which and how to fix it.
 * Null when both do.
 */
export async function preflight(config: { databaseUrl: string; redisUrl: string }): Promise<string | null> {
  const pg = new Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('select 1');
  } catch (error) {
    const reason = (error as Error).message;
    if (/database ".*" does not exist/.test(reason)) {
      const name = new URL(config.databaseUrl).pathname.slice(1);
      return `PostgreSQL at ${where(config.databaseUrl)} has no database "${name}": create it with \`createdb -h ${new URL(config.databaseUrl).hostname} -U postgres ${name}\` (\`npm start\` does it for you) or set DATABASE_URL`;
    }
    return `PostgreSQL is not reachable at ${where(config.databaseUrl)} (${reason}): start it (e.g. \`pg_ctlcluster 15 main start\` or \`docker compose -f docker/compose.yml up -d postgres\`) or set DATABASE_URL`;
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  let cause: Error | undefined; // ioredis reports the socket error (ECONNREFUSED, …) as an event, the promise only says "closed"
  redis.on('error', (error: Error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return `Redis is not reachable at ${where(config.redisUrl)} (${(cause ?? (error as Error)).message}): start it (e.g. \`redis-server --daemonize yes\` or \`docker compose -f docker/compose.yml up -d redis\`) or set REDIS_URL`;
  } finally {
    redis.disconnect();
  }
  return null;
}
