import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { spawnApi, waitForHealth } from '../support/api-process';

async function counts(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select (select count(*) from users)::int as users, (select count(*) from programmes)::int as programmes,
              (select count(*) from organisations)::int as organisations, (select count(*) from benchmarks)::int as benchmarks,
              (select count(*) from mikro_orm_migrations)::int as migrations`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('starting the API', () => {
  let database: { name: string; url: string };
  beforeAll(async () => {
    database = await createTestDatabase(false);
  });
  afterAll(() => dropTestDatabase(database.name));

  it('migrates, seeds and serves an empty database, and seeds nothing twice on the next start', async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const env = { DATABASE_URL: database.url, PORT: String(port), MIGRATE_ON_START: 'true', SEED_DEMO: 'true' };

    const first = spawnApi(env);
    await waitForHealth(first);
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator@eurocities.eu', password: 'citymentor-demo' }),
    });
    expect(login.status).toBe(200);
    const seeded = await counts(database.url);
    expect(seeded).toMatchObject({ programmes: 1, organisations: 16, benchmarks: 1 });
    expect(seeded.users).toBeGreaterThanOrEqual(5);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = spawnApi(env);
    await waitForHealth(second);
    expect(await counts(database.url)).toEqual(seeded);
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it('says in one line that Redis is down and how to start it, instead of a stack trace', async () => {
    const api = spawnApi({ DATABASE_URL: database.url, REDIS_URL: 'redis://127.0.0.1:1', PORT: '0' });
    expect(await api.exited).toBe(1);
    expect(api.output().trim()).toMatch(/^citymentor api: Redis is not reachable at 127\.0\.0\.1:1 .*start it/);
    expect(api.output()).not.toMatch(/\n\s+at /);
  });

  it('says in one line that PostgreSQL is down', async () => {
    const api = spawnApi({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/citymentor', PORT: '0' });
    expect(await api.exited).toBe(1);
    expect(api.output().trim()).toMatch(/^citymentor api: PostgreSQL is not reachable at 127\.0\.0\.1:1 /);
  });

  it('names a malformed setting in one line', async () => {
    const api = spawnApi({ DATABASE_URL: database.url, PORT: 'eighty' });
    expect(await api.exited).toBe(1);
    expect(api.output().trim()).toBe(
      'citymentor api: configuration: PORT must be an integer from 0 to 65535, got "eighty"',
    );
  });
});
