import { startApp, type TestApp } from '../support/app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('reports database and Redis up, at /health and /api/v1/health, without signing in', async () => {
    for (const path of ['/health', '/api/v1/health']) {
      const res = await t.http().get(path).expect(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
    }
  });

  it('recovers without a restart when Postgres connections are cut', async () => {
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: t.databaseUrl });
    await admin.connect();
    // Cut every other connection to this test's database, as a failover or a restart would.
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await admin.end();
    const after = await t.http().get('/health');
    expect([200, 503]).toContain(after.status);
    const recovered = await t.http().get('/health').expect(200);
    expect(recovered.body.info.database.status).toBe('up');
  });

  it('sets security headers and a request id', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'trace-me-123').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('trace-me-123');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/programmes/{id}', '/api/v1/benchmarks/{code}']),
    );
    await t.http().get('/api/docs').expect(200);
  });

  it('matches the committed docs/openapi.json the web client is typed from (run `npm run openapi && npm run web:types`)', async () => {
    const { readFileSync } = await import('node:fs');
    const committed = JSON.parse(readFileSync(`${__dirname}/../../docs/openapi.json`, 'utf8'));
    const served = (await t.http().get('/api/docs-json').expect(200)).body;
    expect(served).toEqual(committed);
  });
});
