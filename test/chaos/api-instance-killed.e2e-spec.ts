import { startApiProcess, type ApiProcess } from '../support/api-process';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';
import { eventually } from '../support/sockets';
import { postComments, ReconnectingClient } from './load';

const COMMENTS = 200;
const KILL_AFTER = 70;

describe('one of two API instances killed under load', () => {
  let t: TestApp;
  let b: ApiProcess;
  let a: string;
  const clients: ReconnectingClient[] = [];

  beforeAll(async () => {
    // A claim left pending by the killed instance may be taken over after 2 s (30 s by default).
    t = await startApp({ IDEMPOTENCY_ABANDONED_MS: '2000' });
    a = await t.listen();
    b = await startApiProcess({ DATABASE_URL: t.databaseUrl, IDEMPOTENCY_ABANDONED_MS: '2000' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    if (b?.child.exitCode === null) b.child.kill('SIGKILL');
    await t?.close();
  });

  it('loses no committed comment: clients of the dead instance reconnect to the survivor, replay, and have each exactly once', async () => {
    const m = await t.given.mentoring();
    const plan = await new GivenPlans(t.orm).plan(m.pair, { title: 'Under load' });
    const room = `plan:${plan.id}`;
    const tokens = [m.people.mentor.token, m.people.mentee.token, m.people.coordinator.token];
    // Half the clients on each instance; whoever loses its instance comes back on A (as behind a load balancer).
    clients.push(
      ...(await Promise.all(
        tokens.flatMap((token) => [a, b.url].map((url) => ReconnectingClient.start(url, a, token, room))),
      )),
    );

    let killed = false;
    const posted = await postComments({
      count: COMMENTS,
      concurrency: 4,
      planId: plan.id,
      token: m.people.mentee.token,
      // Alternate instances, as a load balancer that has not noticed B is gone: B's requests fail and go again to A with the same Idempotency-Key.
      baseUrlFor: (i) => (i % 2 === 0 ? a : b.url),
      fallbackUrl: a,
      afterEach: (done) => {
        if (done === KILL_AFTER && !killed) {
          killed = true;
          b.child.kill('SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(posted.failed).toEqual([]);

    const rows = await t.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from comments where plan_id = ?`, [plan.id]);
    expect(rows).toHaveLength(COMMENTS); // one per Idempotency-Key, retries included
    const committed = rows.map((r) => r.id).sort();

    await eventually(
      () => clients.every((c) => c.commentIds().length >= COMMENTS),
      30_000,
      'every client to have every comment',
    );
    for (const client of clients) {
      expect(client.commentIds()).toHaveLength(COMMENTS); // no duplicates
      expect([...client.commentIds()].sort()).toEqual(committed);
    }
    expect(clients.filter((c) => c.reconnects > 0)).toHaveLength(tokens.length);
    expect(posted.retried).toBeGreaterThan(0);
  }, 120_000);
});
