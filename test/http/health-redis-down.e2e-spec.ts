import { startApp, type TestApp } from '../support/app';

/** Its own file: one API instance per test process (passport keeps its strategies globally). */
describe('health with Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('answers 503 naming Redis, while the database is up', async () => {
    const res = await t.http().get('/health').expect(503);
    expect(res.body).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      details: { database: { status: 'up' }, redis: { status: 'down' } },
    });
  });
});
