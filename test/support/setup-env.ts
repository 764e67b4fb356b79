import { randomBytes } from 'node:crypto';

// Each test file runs with its own Redis key prefix; its own database is created by startApp().
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.MIGRATE_ON_START = 'false';
process.env.SEED_DEMO = 'false';
process.env.JWT_ACCESS_SECRET = 'test-access-secret-0123456789-abcdefghijkl';
process.env.REDIS_PREFIX = `cmtest:${randomBytes(6).toString('hex')}`;
process.env.LOGIN_LIMIT_PER_IP = '100000';
process.env.LOGIN_LIMIT_PER_ACCOUNT = '100000';
process.env.PUBLIC_URL = 'http://citymentor.test';
