import { PASSWORD } from '../support/given';
import { startApiProcess } from '../support/api-process';
import { startApp, type TestApp } from '../support/app';

const LIMITS = {
  LOGIN_LIMIT_PER_ACCOUNT: '5',
  LOGIN_LIMIT_PER_IP: '8',
  LOGIN_LIMIT_WINDOW_SECONDS: '60',
  TRUST_PROXY: 'true',
};

/** Limits are small here, and the client address comes from X-Forwarded-For (TRUST_PROXY), to play several clients. */
describe('sign-in rate limits (Redis-backed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(LIMITS);
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('locks an account after too many attempts, from any address, even with the right password', async () => {
    const user = await t.given.user();
    for (let i = 0; i < 5; i++) await attempt(user.email, 'wrong-password', `10.0.1.${i}`).expect(401);
    const blocked = await attempt(user.email, PASSWORD, '10.0.1.99').expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(blocked.headers['retry-after-login-account']).toBeDefined();
  });

  it('limits one address trying many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await attempt(`someone-${i}@example.eu`, 'guess', '10.0.2.1')).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses[8]).toBe(429);
    // Another address is unaffected.
    const user = await t.given.user();
    await attempt(user.email, PASSWORD, '10.0.2.2').expect(200);
  });

  it('shares the counts through Redis between two API instances', async () => {
    const second = await startApiProcess({
      ...LIMITS,
      DATABASE_URL: t.databaseUrl,
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
      JWT_ACCESS_SECRET: process.env.JWT_ACCESS_SECRET!,
    });
    try {
      const email = `shared-${Date.now()}@example.eu`;
      for (let i = 0; i < 3; i++) await attempt(email, 'x', `10.0.3.${i}`).expect(401);
      const onSecond = (ip: string) =>
        fetch(`${second.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ email, password: 'x' }),
        });
      expect((await onSecond('10.0.3.10')).status).toBe(401);
      expect((await onSecond('10.0.3.11')).status).toBe(401);
      expect((await onSecond('10.0.3.12')).status).toBe(429);
    } finally {
      await second.stop();
    }
  }, 150_000);
});
