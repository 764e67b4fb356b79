import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap';
import { ApiClient } from './api-client';
import { createTestDatabase, deleteRedisKeys, dropTestDatabase } from './database';
import { Given } from './given';
import { checkedAgent } from './openapi-responses';
import { REDIS_URL } from './test-servers';

export interface TestApp {
  app: NestFastifyApplication;
  orm: MikroORM;
  given: Given;
  /** An anonymous client; `.as(token)` signs requests in. */
  api: ApiClient;
  /** Raw supertest, for paths outside /api/v1 or unusual requests; responses are checked against the document too. */
  http: () => ReturnType<typeof request>;
  databaseUrl: string;
  /** Listens on a free port of 127.0.0.1 (for sockets) and returns its base URL. */
  listen: () => Promise<string>;
  close: () => Promise<void>;
}

/**
 * Starts the whole API on a database of this test file's own, with `env` overriding settings (or made from
 * the database, e.g. to reach it through a pooler). `databaseUrl` stays the direct one.
 * One per process: a second instance runs in a process of its own (api-process.ts).
 */
export async function startApp(
  env: Record<string, string> | ((database: { name: string; url: string }) => Record<string, string>) = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const previous = { ...process.env };
  Object.assign(
    process.env,
    { DATABASE_URL: database.url, REDIS_URL, DATABASE_POOL_SIZE: '8' },
    typeof env === 'function' ? env(database) : env,
  );
  let app: NestFastifyApplication;
  try {
    app = await createApp({ logs: process.env.LOG_LEVEL !== 'silent' });
  } finally {
    process.env = previous;
  }
  const server = app.getHttpServer();
  const orm = app.get<MikroORM>(MikroORM);
  return {
    app,
    orm,
    given: new Given(orm, server),
    api: new ApiClient(server),
    http: () => checkedAgent(request(server)),
    databaseUrl: database.url,
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address() as AddressInfo;
      return `http://127.0.0.1:${address.port}`;
    },
    close: async () => {
      await app.close();
      await dropTestDatabase(database.name);
      await deleteRedisKeys(process.env.REDIS_PREFIX!);
    },
  };
}
