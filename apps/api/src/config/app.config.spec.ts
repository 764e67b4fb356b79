import { ConfigError, parseConfig } from './app.config';

describe('parseConfig', () => {
  it('has local defaults that need nothing set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/citymentor',
      redisUrl: 'redis://127.0.0.1:6379',
      corsOrigins: ['http://localhost:3000'],
      seedDemoOnStart: true,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer'],
    [{ PORT: '70000' }, 'PORT must be an integer from 0 to 65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must use postgres: or postgresql:'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL'],
    [{ REDIS_URL: 'http://127.0.0.1' }, 'REDIS_URL must use redis: or rediss:'],
    [{ DATABASE_POOLER: 'session' }, 'DATABASE_POOLER must be one of none, transaction, got "session"'],
    [{ DATABASE_POOLER: 'transaction' }, 'DATABASE_DIRECT_URL is required with DATABASE_POOLER=transaction'],
    [{ DATABASE_POOLER: 'transaction', DATABASE_DIRECT_URL: 'mysql://x' }, 'DATABASE_DIRECT_URL must use postgres:'],
    [{ JWT_ACCESS_SECRET: 'short' }, 'JWT_ACCESS_SECRET must be at least 32 characters'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ NODE_ENV: 'production' }, 'JWT_ACCESS_SECRET is required'],
  ])('stops on %j with one line naming the setting', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('never echoes a database password in an error', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres//user:secret@host' })).toThrow(/^(?!.*secret)/);
  });

  it('goes straight to Postgres unless a pooler is named, then keeps a direct URL for sessions', () => {
    expect(parseConfig({})).toMatchObject({
      databasePooler: 'none',
      databaseDirectUrl: 'postgres://postgres@127.0.0.1:5432/citymentor',
    });
    const pooled = parseConfig({
      DATABASE_URL: 'postgres://app@pgbouncer:6432/citymentor',
      DATABASE_POOLER: 'transaction',
      DATABASE_DIRECT_URL: 'postgres://app@postgres:5432/citymentor',
    });
    expect(pooled).toMatchObject({
      databaseUrl: 'postgres://app@pgbouncer:6432/citymentor',
      databaseDirectUrl: 'postgres://app@postgres:5432/citymentor',
      databasePooler: 'transaction',
    });
  });

  it('does not seed demo data in production unless asked', () => {
    const production = { NODE_ENV: 'production', JWT_ACCESS_SECRET: 'x'.repeat(40) };
    expect(parseConfig(production).seedDemoOnStart).toBe(false);
    expect(parseConfig({ ...production, SEED_DEMO: 'true' }).seedDemoOnStart).toBe(true);
  });
});
