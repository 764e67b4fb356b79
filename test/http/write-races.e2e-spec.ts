import type { Response } from 'supertest';
import { Client } from 'pg';
import { startApp, type TestApp } from '../support/app';
import { planFixtures, type Mentoring } from './plan-fixtures';

/**
 * A change decided on the state of its plan or assessment still holds when it commits. Each test
 * holds the row as a concurrent submit would (its UPDATE not yet committed), sends the change, lets
 * the submit commit, and expects the change refused with 409 and nothing of it saved — where it used
 * to be written into the submitted plan or assessment.
 */
let t: TestApp;
let m: Mentoring;
let f: ReturnType<typeof planFixtures>;

beforeAll(async () => {
  t = await startApp();
  m = await t.given.mentoring();
  f = planFixtures(t, m);
});

afterAll(() => t?.close());

/**
 * Runs `update` in a transaction of its own and keeps it open while `change` is sent; commits once the
 * change waits on it — or after 3 s, when nothing waits (as before the fix: the change went through).
 */
async function whileSubmitting(
  update: [string, unknown[]],
  change: () => PromiseLike<Pick<Response, 'status' | 'body'>>,
) {
  const submitter = new Client({ connectionString: t.databaseUrl });
  await submitter.connect();
  try {
    await submitter.query('begin');
    await submitter.query(...update);
    const answer = Promise.resolve(change());
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && !(await waitsOnALock(submitter))) await new Promise((r) => setTimeout(r, 20));
    await submitter.query('commit');
    return await answer;
  } finally {
    await submitter.end();
  }
}

async function waitsOnALock(client: Client): Promise<boolean> {
  const { rows } = await client.query(
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return rows[0].n > 0;
}

const count = async (sql: string, params: unknown[]) =>
  Number((await t.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${sql}`, params))[0].n);

it('a milestone added while its plan is being submitted is refused, and the submitted plan stays as reviewed', async () => {
  const plan = await f.draft();
  const res = await whileSubmitting([`update action_plans set state = 'submitted' where id = $1`, [plan.id]], () =>
    f.mentee().post(`/action-plans/${plan.id}/milestones`, { title: 'Slipped in', dueDate: '2030-06-30' }),
  );
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { state: 'submitted' } });
  expect(await count(`milestones where plan_id = ?`, [plan.id])).toBe(0);
});

it('a milestone edit racing the submit is refused too', async () => {
  const plan = await f.draft();
  const ms = await f.milestone(plan.id, { title: 'Desk opens' });
  const res = await whileSubmitting([`update action_plans set state = 'submitted' where id = $1`, [plan.id]], () =>
    f.mentee().patch(`/milestones/${ms.id}`, { title: 'Desk opens in spring', version: ms.version }),
  );
  expect(res.status).toBe(409);
  expect(await count(`milestones where id = ? and title = 'Desk opens'`, [ms.id])).toBe(1);
});

it('progress logged while the plan is being completed is refused', async () => {
  const plan = await f.draft({ objective: 'Small loans for founders' });
  const ms = await f.milestone(plan.id, { owner: 'Business office' });
  const running = await f.step(
    await f.step(await f.step(plan, 'mentee', 'submit'), 'mentor', 'reviews', {
      verdict: 'approve',
      summary: 'Go ahead',
    }),
    'mentee',
    'start',
  );
  expect(running.state).toBe('in-progress');
  const res = await whileSubmitting([`update action_plans set state = 'completed' where id = $1`, [plan.id]], () =>
    f.mentee().post(`/milestones/${ms.id}/progress`, { percent: 50, status: 'in-progress' }),
  );
  expect(res.status).toBe(409);
  expect(await count(`progress_entries where milestone_id = ?`, [ms.id])).toBe(0);
});

it('an answer saved while its assessment is being submitted is refused, and the submitted answers stay as they were', async () => {
  const created = await t.api.as(m.people.mentee.token).post(`/programmes/${m.programme.id}/assessments`, {
    organisationId: m.menteeCity.id,
    benchmarkCode: 'migrant-entrepreneurs',
    phase: 'baseline',
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const res = await whileSubmitting(
    [`update assessments set status = 'submitted', submitted_at = now() where id = $1`, [id]],
    () => t.api.as(m.people.mentee.token).put(`/assessments/${id}/answers/strategy.q1`, { rating: 2 }),
  );
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({ code: 'CONFLICT' });
  expect(await count(`assessment_answers where assessment_id = ?`, [id])).toBe(0);

  // A context note racing the submit of another assessment (the follow-up) is refused the same way.
  const followUp = await t.api.as(m.people.mentee.token).post(`/programmes/${m.programme.id}/assessments`, {
    organisationId: m.menteeCity.id,
    benchmarkCode: 'migrant-entrepreneurs',
    phase: 'follow-up',
  });
  expect(followUp.status).toBe(201);
  const factor = (
    await t.orm.em
      .fork()
      .execute<{ code: string }[]>(
        `select f->>'code' as code from benchmarks b, jsonb_array_elements(b.document->'contextFactors') f where b.code = 'migrant-entrepreneurs' limit 1`,
      )
  )[0].code;
  const note = await whileSubmitting(
    [`update assessments set status = 'submitted', submitted_at = now() where id = $1`, [followUp.body.id]],
    () =>
      t.api.as(m.people.mentee.token).put(`/assessments/${followUp.body.id}/context/${factor}`, { note: 'Slipped in' }),
  );
  expect(note.status).toBe(409);
  expect(await count(`assessment_context_notes where assessment_id = ?`, [followUp.body.id])).toBe(0);
});

it('changes to one plan at the same time wait for each other and all go through', async () => {
  const plan = await f.draft();
  const added = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      f.mentee().post(`/action-plans/${plan.id}/milestones`, { title: `Step ${i}`, dueDate: '2030-06-30' }),
    ),
  );
  expect(added.map((r) => r.status)).toEqual(Array(6).fill(201));
  expect(await count(`milestones where plan_id = ?`, [plan.id])).toBe(6);
});
