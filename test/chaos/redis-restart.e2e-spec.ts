import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { reportJobId } from '@citymentor/contracts';
import { bullConnection } from '@citymentor/runtime';
import { REMINDERS_QUEUE, REMINDERS_SCHEDULER_ID } from '../../apps/worker/src/reminders/reminders.jobs';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';
import { eventually } from '../support/sockets';
import { startWorkerContext, until, type WorkerContext } from '../worker/worker-harness';
import { postComments, ReconnectingClient } from './load';

const COMMENTS = 100;
const STOP_AFTER = 30;

/** A Redis server of this test's own (no persistence, like a cache restarted from nothing), so stopping it disturbs no one else. */
class PrivateRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await until(
      () =>
        new Promise<boolean>((resolve) => {
          const probe = createServer()
            .once('error', () => resolve(true))
            .once('listening', () => probe.close(() => resolve(false)));
          probe.listen(this.port, '127.0.0.1');
        }),
      10_000,
      'redis-server to listen',
    );
  }

  async kill() {
    const child = this.child!;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('Redis restarted (without its data) under load', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let w: WorkerContext;
  let a: string;
  const clients: ReconnectingClient[] = [];

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    t = await startApp({ REDIS_URL: redis.url });
    a = await t.listen();
    w = await startWorkerContext(t.databaseUrl, {
      REDIS_URL: redis.url,
      QUEUE_KEEP_INTERVAL_MS: '500',
      REPORTS_DIR: 'var/test-reports',
    });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await w?.close();
    await t?.close();
    await redis?.kill().catch(() => undefined);
  });

  const health = async () => (await fetch(`${a}/health`)).status;

  it('loses no committed event, reports unhealthy then healthy, and its jobs and schedules come back', async () => {
    const m = await t.given.mentoring();
    const plan = await new GivenPlans(t.orm).plan(m.pair, { title: 'Through a Redis restart' });
    const room = `plan:${plan.id}`;
    clients.push(
      ...(await Promise.all(
        [m.people.mentor.token, m.people.mentee.token].map((token) => ReconnectingClient.start(a, a, token, room)),
      )),
    );
    const coordinator = t.api.as(m.people.coordinator.token);
    expect(await health()).toBe(200);

    let done = 0;
    const statuses: number[] = [];
    let reportAskedWhileDown: Promise<{ status: number; id: string; ms: number }> | undefined;
    const outage = (async () => {
      await until(() => done >= STOP_AFTER, 60_000, 'the first comments');
      await redis.kill();
      await until(async () => (await health()) === 503, 15_000, 'health to say 503');
      statuses.push(503);
      // Asked for while Redis is down: answered at once (queued), not left hanging.
      const started = Date.now();
      reportAskedWhileDown = coordinator
        .post(`/programmes/${m.programme.id}/reports`, { format: 'csv' })
        .then((res) => ({ status: res.status, id: res.body.id as string, ms: Date.now() - started }));
      await reportAskedWhileDown;
      await redis.start();
      await until(async () => (await health()) === 200, 30_000, 'health to come back to 200');
      statuses.push(200);
    })();
    const posted = await postComments({
      count: COMMENTS,
      concurrency: 2,
      planId: plan.id,
      token: m.people.mentee.token,
      baseUrlFor: () => a,
      fallbackUrl: a,
      afterEach: (n) => (done = n),
    });
    await outage;
    expect(posted.failed).toEqual([]);
    expect(statuses).toEqual([503, 200]);

    const rows = await t.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from comments where plan_id = ?`, [plan.id]);
    expect(rows).toHaveLength(COMMENTS);
    await eventually(
      () => clients.every((c) => c.commentIds().length >= COMMENTS),
      30_000,
      'every client to have every comment',
    );
    for (const client of clients) expect([...client.commentIds()].sort()).toEqual(rows.map((r) => r.id).sort());

    // The report asked for during the outage is built once Redis is back; so is one asked for after.
    const during = await reportAskedWhileDown!;
    expect(during.status).toBe(202);
    expect(during.ms).toBeLessThan(5000);
    const after = await coordinator.post(`/programmes/${m.programme.id}/reports`, { format: 'csv' }).expect(202);
    for (const id of [during.id, after.body.id as string]) {
      await until(
        async () => (await coordinator.get(`/reports/${id}`)).body.status === 'done',
        30_000,
        `report ${reportJobId(id)} to be built`,
      );
    }

    // The daily schedules, lost with Redis' data, are back.
    const reminders = new Queue(REMINDERS_QUEUE, {
      connection: bullConnection(redis.url),
      prefix: `${process.env.REDIS_PREFIX}:bull`,
    });
    try {
      await until(
        async () => (await reminders.getJobScheduler(REMINDERS_SCHEDULER_ID)) !== undefined,
        10_000,
        'the reminders schedule to be back',
      );
    } finally {
      await reminders.close();
    }
  }, 180_000);
});
