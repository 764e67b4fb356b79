import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, POSTGRES_ADMIN_URL, templateDatabase } from './test-servers';

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
export async function createTestDatabase(fromTemplate = true): Promise<{ name: string; url: string }> {
  const name = `cmtest_${randomBytes(6).toString('hex')}`;
  await admin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(fromTemplate ? `create database ${name} template ${templateDatabase()}` : `create database ${name}`);
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
