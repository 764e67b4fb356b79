import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { Client } from 'pg';
import { ormOptions } from '@citymentor/persistence';
import { Given } from '../../test/support/given';
import { GivenPlans } from '../../test/support/given-plans';
import { databaseUrl, POSTGRES_ADMIN_URL, REDIS_URL } from '../../test/support/test-servers';

export const ROOT = join(__dirname, '../..');

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The migrated template the e2e tests copy (built by test/support/prepare-template-database.ts if missing). */
function templateDatabase(): string {
  return execFileSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'test/support/prepare-template-database.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  }).trim();
}

/** A fresh database of the bench's own, copied from the migrated template. */
export async function createBenchDatabase(): Promise<{ name: string; url: string }> {
  const template = templateDatabase();
  const name = `cmbench_${randomBytes(6).toString('hex')}`;
  await admin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`create database ${name} template ${template}`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 150 * attempt));
      }
    }
  });
  return { name, url: databaseUrl(name) };
}

export async function dropBenchDatabase(name: string) {
  await admin((client) => client.query(`drop database if exists ${name} with (force)`));
}

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

export interface BenchData {
  programmeId: string;
  pairId: string;
  planId: string;
  mentee: { id: string; token: string };
  mentor: { id: string; token: string };
  coordinator: { id: string; token: string };
}

/**
 * The test factories build a programme with a mentoring pair (given.mentoring()) and a plan in
 * progress; the mentor, the mentee and the coordinator sign in through the running API
 * (POST /api/v1/auth/login).
 */
export async function createBenchData(dbUrl: string, apiUrl: string): Promise<BenchData> {
  const orm = await MikroORM.init(ormOptions({ databaseUrl: dbUrl, poolSize: 2 }));
  try {
    // supertest accepts a base URL where the factories expect a server.
    const given = new Given(orm, apiUrl as unknown as Server);
    const m = await given.mentoring();
    const plan = await new GivenPlans(orm).plan(m.pair, { state: 'in-progress', createdBy: m.people.mentee.user });
    return {
      programmeId: m.programme.id,
      pairId: m.pair.id,
      planId: plan.id,
      mentee: { id: m.people.mentee.user.id, token: m.people.mentee.token },
      mentor: { id: m.people.mentor.user.id, token: m.people.mentor.token },
      coordinator: { id: m.people.coordinator.user.id, token: m.people.coordinator.token },
    };
  } finally {
    await orm.close();
  }
}

export { REDIS_URL };
