import { Client } from 'pg';
import { postComments, ReconnectingClient } from '../chaos/load';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';
import { startPgBouncer, type PgBouncer } from '../support/pgbouncer';
import { eventually, TestSocket } from '../support/sockets';
import { spawnWorker, TestSmtp, until, type WorkerProcess } from '../worker/worker-harness';

const POOL = 5;

/**
 * Two API instances (A in this process, B in its own) and the worker, all on PgBouncer 1.18 in transaction
 * mode with DATABASE_POOLER=transaction: the hot statements run unnamed, and the LISTEN connections go
 * straight to Postgres over DATABASE_DIRECT_URL. PgBouncer lets POOL server connections reach the database.
 */
describe('behind PgBouncer in transaction mode', () => {
  let pgb: PgBouncer;
  let smtp: TestSmtp;
  let t: TestApp;
  let a: string;
  let b: ApiProcess;
  let worker: WorkerProcess;
  let pooledUrl: string;
  const sockets: { close: () => void }[] = [];

  beforeAll(async () => {
    pgb = await startPgBouncer({ poolSize: POOL });
    smtp = await TestSmtp.start();
    let env: Record<string, string> = {};
    t = await startApp((database) => {
      pooledUrl = pgb.url(database.name);
      env = { DATABASE_URL: pooledUrl, DATABASE_DIRECT_URL: database.url, DATABASE_POOLER: 'transaction' };
      return { ...env, IDEMPOTENCY_ABANDONED_MS: '2000' };
    });
    a = await t.listen();
    [b, worker] = await Promise.all([
      startApiProcess({ ...env, IDEMPOTENCY_ABANDONED_MS: '2000' }),
      Promise.resolve(spawnWorker({ ...env, SMTP_URL: smtp.url, NOTIFICATION_POLL_MS: '200' })),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    if (b?.child.exitCode === null) b.child.kill('SIGKILL');
    if (worker?.child.exitCode === null) worker.child.kill('SIGKILL');
    await Promise.all([b?.exited, worker?.exited]);
    await t?.close();
    await smtp?.close();
    await pgb?.stop();
  });

  const connect = async (url: string, token: string) => {
    const socket = await TestSocket.connect(url, token);
    sockets.push(socket);
    return socket;
  };
  const comment = (base: string, token: string, planId: string, body: string) =>
    fetch(`${base}/api/v1/action-plans/${planId}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body, target: { type: 'plan', id: planId } }),
    });

  it('is why the mode exists: named statements meet the wrong server connection; JIT is off there', async () => {
    // Two clients on a pool of one server connection (the instances' own pools share theirs the same way, only
    // less predictably): the second client's first use of the name meets the statement the first one prepared.
    const clients = [new Client({ connectionString: pgb.probeUrl }), new Client({ connectionString: pgb.probeUrl })];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const probe = (c: Client, n: number) =>
        c.query({ name: 'cm_pooler_probe', text: 'select $1::int as n', values: [n] });
      expect((await probe(clients[0], 1)).rows).toEqual([{ n: 1 }]);
      await expect(probe(clients[1], 2)).rejects.toThrow(/prepared statement "cm_pooler_probe" already exists/);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const app = new Client({ connectionString: pooledUrl });
    await app.connect();
    try {
      expect((await app.query('show jit')).rows).toEqual([{ jit: 'off' }]);
    } finally {
      await app.end();
    }
  });

  it('carries a comment posted on A to a socket on B, and the worker mails it', async () => {
    const m = await t.given.mentoring();
    const plan = await new GivenPlans(t.orm).plan(m.pair, { title: 'Pooled' });
    const onB = await connect(b.url, m.people.mentee.token);
    expect(await onB.subscribe(`plan:${plan.id}`)).toMatchObject({ ok: true });

    const response = await comment(a, m.people.mentor.token, plan.id, 'Through the pooler');
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await eventually(
      () =>
        expect(onB.eventsOf('comment.created').map((e) => (e.payload as { commentId: string }).commentId)).toEqual([
          id,
        ]),
      10_000,
    );
    await until(() => smtp.to(m.people.mentee.user.email).length > 0, 30_000, 'the notification mail');
    expect(smtp.to(m.people.mentee.user.email)[0].text).toContain('Through the pooler');
  });

  it(`takes 50 comments at once across both instances on ${POOL} server connections`, async () => {
    const m = await t.given.mentoring();
    const plan = await new GivenPlans(t.orm).plan(m.pair, { title: 'Crowded' });
    const onA = await connect(a, m.people.mentee.token);
    await onA.subscribe(`plan:${plan.id}`);

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => comment(i % 2 ? a : b.url, m.people.mentor.token, plan.id, `Burst ${i}`)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 201));
    await eventually(() => expect(onA.eventsOf('comment.created')).toHaveLength(50), 15_000);

    const pools = await pgb.admin<Record<string, string>>('SHOW POOLS');
    const ours = pools.filter((p) => p.database === new URL(pooledUrl).pathname.slice(1));
    const servers = ours.reduce(
      (n, p) => n + ['sv_active', 'sv_idle', 'sv_used', 'sv_tested', 'sv_login'].reduce((s, k) => s + Number(p[k]), 0),
      0,
    );
    expect(servers).toBeGreaterThan(0);
    expect(servers).toBeLessThanOrEqual(POOL);
  });

  it('loses no comment when B is killed under load: its clients come back on A and replay', async () => {
    const m = await t.given.mentoring();
    const plan = await new GivenPlans(t.orm).plan(m.pair, { title: 'Under load' });
    const room = `plan:${plan.id}`;
    const clients = await Promise.all(
      [a, b.url].map((url) => ReconnectingClient.start(url, a, m.people.mentee.token, room)),
    );
    sockets.push(...clients);
    let killed = false;
    const posted = await postComments({
      count: 60,
      concurrency: 4,
      planId: plan.id,
      token: m.people.mentor.token,
      baseUrlFor: (i) => (i % 2 ? a : b.url),
      fallbackUrl: a,
      afterEach: (done) => {
        if (done === 20 && !killed) {
          killed = true;
          b.child.kill('SIGKILL');
        }
      },
    });
    expect(posted.failed).toEqual([]);
    const rows = await t.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from comments where plan_id = ?`, [plan.id]);
    expect(rows).toHaveLength(60);
    await eventually(() => clients.every((c) => c.commentIds().length >= 60), 30_000, 'every client to have all 60');
    for (const c of clients) expect([...c.commentIds()].sort()).toEqual(rows.map((r) => r.id).sort());
    expect(clients[1].reconnects).toBeGreaterThan(0);
  }, 120_000);
});
