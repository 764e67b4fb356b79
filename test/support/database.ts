import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { databaseUrl, POSTGRES_ADMIN_URL, REDIS_URL, templateDatabase } from './test-servers';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test file, copied from the migrated template. */
export function createTestDatabase(fromTemplate = true): Promise<{ name: string; url: string }> {
  return createDatabase('cmtest', fromTemplate ? templateDatabase() : null);
}

/** A fresh database named `<prefix>_<random>`, a copy of `template` (or empty); also used by the benches. */
export async function createDatabase(prefix: string, template: string | null): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
        return;
      } catch (error) {
        // Two files copying the template at the same instant may collide; try again shortly.
        if (attempt >= 10 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
  return { name, url: databaseUrl(name) };
}

export async function dropTestDatabase(name: string) {
  await admin((client) => client.query(`drop database if exists ${name} with (force)`));
}

/** Removes every Redis key written under `prefix` (a test file's, a bench run's). */
export async function deleteRedisKeys(prefix: string) {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
