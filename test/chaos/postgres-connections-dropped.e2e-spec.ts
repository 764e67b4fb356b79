import { Client } from 'pg';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';
import { eventually, TestSocket } from '../support/sockets';
import { POSTGRES_ADMIN_URL } from '../support/test-servers';

describe('Postgres drops every connection of the API', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startApp();
    base = await t.listen();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Ends every backend of the test database (the API's pool and its LISTEN connection), as a Postgres restart or failover would. */
  async function dropConnections(): Promise<number> {
    const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      const database = new URL(t.databaseUrl).pathname.slice(1);
      const { rows } = await admin.query<{ ended: boolean }>(
        `select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [database],
      );
      return rows.filter((r) => r.ended).length;
    } finally {
      await admin.end();
    }
  }

  it('answers 503 (never 500, never hanging) while connections are lost, then recovers without a restart, realtime included', async () => {
    const m = await t.given.mentoring();
    const plan = await new GivenPlans(t.orm).plan(m.pair, { title: 'Across a failover' });
    const token = m.people.mentor.token;
    const get = () =>
      fetch(`${base}/api/v1/action-plans/${plan.id}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      }).then((r) => r.status);
    const socket = await TestSocket.connect(base, token);
    expect(await socket.subscribe(`plan:${plan.id}`)).toMatchObject({ ok: true });
    // Someone removed from the programme while the API's LISTEN connection is down (that NOTIFY is missed).
    const leaver = await t.given.signIn(await t.given.member(m.programme, m.menteeCity, 'city-member'));
    const leaverSocket = await TestSocket.connect(base, leaver.token);
    expect(await leaverSocket.subscribe(`plan:${plan.id}`)).toMatchObject({ ok: true });
    // Every pooled connection in use, so the drop hits them all.
    expect(new Set(await Promise.all(Array.from({ length: 16 }, get)))).toEqual(new Set([200]));

    expect(await dropConnections()).toBeGreaterThan(1);
    const removal = t.api
      .as(m.people.coordinator.token)
      .delete(`/programmes/${m.programme.id}/members/${leaver.user.id}`);
    const during = await Promise.all(Array.from({ length: 20 }, get));
    expect(during.filter((s) => s !== 200 && s !== 503)).toEqual([]);

    // Back without a restart: reads, writes and live delivery.
    let after: number[] = [];
    const started = Date.now();
    while (Date.now() - started < 15_000) {
      after = await Promise.all(Array.from({ length: 8 }, get));
      if (after.every((s) => s === 200)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(after).toEqual(Array(8).fill(200));
    const removed = await removal;
    expect([204, 503]).toContain(removed.status);
    if (removed.status === 503)
      await t.api
        .as(m.people.coordinator.token)
        .delete(`/programmes/${m.programme.id}/members/${leaver.user.id}`)
        .expect(204);
    await eventually(
      () => leaverSocket.unsubscribed.some((u) => u.room === `plan:${plan.id}`) || !leaverSocket.socket.connected,
      10_000,
      'the removed member to lose the room',
    );
    const posted = await t.api
      .as(m.people.mentee.token)
      .post(`/action-plans/${plan.id}/comments`, { body: 'Still here?', target: { type: 'plan', id: plan.id } })
      .expect(201);
    await eventually(
      () =>
        socket
          .eventsOf('comment.created')
          .some((e) => (e.payload as { commentId: string }).commentId === posted.body.id),
      10_000,
      'the comment over the socket',
    );
    expect(
      leaverSocket.eventsOf('comment.created').map((e) => (e.payload as { commentId: string }).commentId),
    ).not.toContain(posted.body.id);
    socket.close();
    leaverSocket.close();
  }, 60_000);
});
