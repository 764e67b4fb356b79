import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@citymentor/persistence';
import { Given } from '../../test/support/given';
import { GivenPlans } from '../../test/support/given-plans';
import { createDatabase } from '../../test/support/database';
import { REDIS_URL } from '../../test/support/test-servers';

export const ROOT = join(__dirname, '../..');

/** The migrated template the e2e tests copy (built by test/support/prepare-template-database.ts if missing). */
function templateDatabase(): string {
  return execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'test/support/prepare-template-database.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  ).trim();
}

/** A fresh database of the bench's own, copied from the migrated template. */
export const createBenchDatabase = () => createDatabase('cmbench', templateDatabase());

export { deleteRedisKeys, dropTestDatabase as dropBenchDatabase } from '../../test/support/database';

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
