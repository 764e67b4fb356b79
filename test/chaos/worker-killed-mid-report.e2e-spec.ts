import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';
import { spawnWorker, until, type WorkerProcess } from '../worker/worker-harness';

const PAIRS = 30;

describe('a worker SIGKILLed in the middle of a report', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'cm-chaos-reports-'));
  const running: WorkerProcess[] = [];

  beforeAll(async () => {
    t = await startApp({ REPORTS_DIR: dir });
  });
  afterAll(async () => {
    for (const w of running) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sql = <T>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(query, params);
  const start = () => {
    const w = spawnWorker({
      DATABASE_URL: t.databaseUrl,
      REPORTS_DIR: dir,
      WORKER_JOB_LOCK_MS: '1000',
      NOTIFICATION_FEED: 'false',
    });
    running.push(w);
    return w;
  };

  it('builds it once another worker takes the job up: one file, one "done", nothing half-written', async () => {
    const m = await t.given.mentoring();
    const plans = new GivenPlans(t.orm);
    for (let i = 0; i < PAIRS; i++) {
      const city = await t.given.organisation('city', `Πόλη ${i} / Liège ${i}`);
      await t.given.participant(m.programme, city);
      const pair = await t.given.pair(m.programme, m.mentorCity, city);
      const plan = await plans.plan(pair, { title: `Plan ${i}`, state: 'in-progress' });
      await plans.milestones(
        plan,
        Array.from({ length: 6 }, (_, j) => ({ title: `Step ${j}`, dueDate: `2026-0${1 + (j % 9)}-15` })),
      );
    }
    const report = await t.api
      .as(m.people.coordinator.token)
      .post(`/programmes/${m.programme.id}/reports`, { format: 'pdf' })
      .expect(202);
    const id = report.body.id as string;
    const status = async () =>
      (await sql<{ status: string; progress: number }>(`select status, progress from reports where id = ?`, [id]))[0];

    const first = start();
    await until(async () => (await status()).status === 'running', 60_000, 'the report to start');
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await status();
    expect(atKill.status).toBe('running');

    const second = start();
    await until(
      async () => ['done', 'failed'].includes((await status()).status),
      60_000,
      'the report to be finished by the second worker',
    );
    expect(await status()).toEqual({ status: 'done', progress: 100 });
    const [{ done }] = await sql<{ done: number }>(
      `select count(*)::int as done from events where type = 'report.updated' and payload->>'reportId' = ? and payload->>'status' = 'done'`,
      [id],
    );
    expect(done).toBe(1);
    expect(readdirSync(dir)).toEqual([`${id}.pdf`]); // no temporary file left behind
    const text = execFileSync('pdftotext', [join(dir, `${id}.pdf`), '-'], { encoding: 'utf8' });
    for (const i of [0, PAIRS - 1]) expect(text).toContain(`Πόλη ${i} / Liège ${i}`);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
