import { Queue } from 'bullmq';
import { bullConnection } from '@citymentor/runtime';
import { REMINDERS_QUEUE, remindersJobId, type RemindersJob } from '../../apps/worker/src/reminders/reminders.jobs';
import { GivenPlans } from '../support/given-plans';
import { startApp, type TestApp } from '../support/app';
import { REDIS_URL } from '../support/test-servers';
import { spawnWorker, TestSmtp, until, type WorkerProcess } from './worker-harness';

const COMMENTS = 20;
const LATE_MILESTONES = 15;
const DAY = '2027-03-10';

describe('a worker killed mid-batch and started again', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let queue: Queue<RemindersJob>;
  const running: WorkerProcess[] = [];

  beforeAll(async () => {
    t = await startApp();
    smtp = await TestSmtp.start();
    queue = new Queue<RemindersJob>(REMINDERS_QUEUE, {
      connection: bullConnection(REDIS_URL),
      prefix: `${process.env.REDIS_PREFIX}:bull`,
    });
  });
  afterAll(async () => {
    for (const w of running) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await queue?.close();
    await t?.close();
    await smtp?.close();
  });

  const sql = <T>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(query, params);
  const count = async (query: string, params: unknown[] = []) => (await sql<{ n: number }>(query, params))[0].n;
  const start = () => {
    const w = spawnWorker({
      DATABASE_URL: t.databaseUrl,
      SMTP_URL: smtp.url,
      WORKER_JOB_LOCK_MS: '1000',
      NOTIFICATION_BATCH_SIZE: '5',
      NOTIFICATION_POLL_MS: '100',
    });
    running.push(w);
    return w;
  };
  const kill = async (w: WorkerProcess) => {
    w.child.kill('SIGKILL');
    await w.exited;
  };

  it('leaves every notification, event, reminder and e-mail done exactly once', async () => {
    // A pair with two members on the mentee side; the mentor comments COMMENTS times; LATE_MILESTONES are overdue.
    const m = await t.given.mentoring();
    const mentee2 = await t.given.member(m.programme, m.menteeCity, 'city-member');
    const plans = new GivenPlans(t.orm);
    const plan = await plans.plan(m.pair, { title: 'Desk', state: 'in-progress' });
    await plans.milestones(
      plan,
      Array.from({ length: LATE_MILESTONES }, (_, i) => ({ title: `Late ${i}`, dueDate: '2027-03-01' })),
    );
    for (let i = 0; i < COMMENTS; i++) {
      await t.api
        .as(m.people.mentor.token)
        .post(`/action-plans/${plan.id}/comments`, { body: `Question ${i}`, target: { type: 'plan', id: plan.id } })
        .expect(201);
    }
    await queue.add(
      'remind',
      { v: 1, kind: 'daily-reminders', day: DAY },
      { jobId: remindersJobId(DAY), attempts: 5, backoff: { type: 'exponential', delay: 200 } },
    );
    const expected = 2 * COMMENTS + 2 * LATE_MILESTONES;

    // 1. Killed while it reads the event log and runs the reminders job.
    const first = start();
    await until(
      async () => (await count(`select count(*)::int as n from notifications`)) > 0,
      30_000,
      'the first notifications',
    );
    await kill(first);

    // 2. Killed while it waits for the SMTP server to accept the 10th mail (which is then refused).
    let accepted = 0;
    const second = start();
    smtp.beforeAccept = async () => {
      if (++accepted === 10) {
        await kill(second);
        throw new Error('the sender is gone');
      }
    };
    await second.exited;
    smtp.beforeAccept = undefined;

    // 3. A fresh worker finishes the work.
    const third = start();
    await until(
      async () =>
        (await count(`select count(*)::int as n from notifications where emailed_at is not null`)) === expected &&
        (await queue.getJobState(remindersJobId(DAY))) === 'completed',
      45_000,
      'all notifications mailed and the reminders job done',
    ).catch(async (error: Error) => {
      const state = await queue.getJobState(remindersJobId(DAY));
      const job = await queue.getJob(remindersJobId(DAY));
      const mailed = await count(`select count(*)::int as n from notifications where emailed_at is not null`);
      const all = await count(`select count(*)::int as n from notifications`);
      const kinds = await sql(`select kind, count(*)::int from notifications group by kind`);
      const rs = JSON.stringify(
        await sql(
          `select (select seq from worker_cursors) as cursor, (select json_agg(json_build_object('seq', e.seq, 'n', (select count(*) from notifications n where n.source_event_seq = e.seq)) order by e.seq) from events e where e.type = 'comment.created' and e.room like 'plan:%') as comments`,
        ),
      );
      throw new Error(
        `${error.message}: ${JSON.stringify(kinds)} rs=${rs} ret=${JSON.stringify(job?.returnvalue)} attempts=${job?.attemptsMade} job ${state} (${job?.failedReason ?? ''}), ${mailed}/${all} mailed of ${expected}; worker said: ${third.output().slice(-3000)}`,
      );
    });

    expect(await count(`select count(*)::int as n from notifications`)).toBe(expected);
    expect(await count(`select count(*)::int as n from notifications where kind = 'comment'`)).toBe(2 * COMMENTS);
    expect(await count(`select count(*)::int as n from notifications where kind = 'milestone-overdue'`)).toBe(
      2 * LATE_MILESTONES,
    );
    expect(await count(`select count(*)::int as n from reminders_sent`)).toBe(LATE_MILESTONES);
    // One notification.created per notification, no more.
    expect(await count(`select count(*)::int as n from events where type = 'notification.created'`)).toBe(expected);
    expect(
      await count(
        `select count(distinct payload->>'notificationId')::int as n from events where type = 'notification.created'`,
      ),
    ).toBe(expected);
    // Every notification mailed once: each Message-ID accepted exactly once.
    const ids = smtp.mails.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(expected);
    expect(ids).toHaveLength(expected);
    expect(smtp.to(m.people.mentee.user.email)).toHaveLength(COMMENTS + LATE_MILESTONES);
    expect(smtp.to(mentee2.email)).toHaveLength(COMMENTS + LATE_MILESTONES);
    // The cursor reached the end of the log.
    const [{ cursor, head }] = await sql<{ cursor: string; head: string }>(
      `select (select seq::text from worker_cursors where name = 'notifications') as cursor, (select max(seq)::text from events where type <> 'notification.created') as head`,
    );
    expect(BigInt(cursor)).toBeGreaterThanOrEqual(BigInt(head));

    // SIGTERM: it stops taking work, finishes what it has and exits 0.
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 120_000);
});
