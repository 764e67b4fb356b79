import { startApp, type TestApp } from '../support/app';
import { countRows, planFixtures, type Mentoring } from './plan-fixtures';

/**
 * Idempotency-Key after a crash: what a retry gets depends on how far the first request came
 * (the claim's status, committed with the change — libs/persistence/src/idempotency-claim.ts).
 */
let t: TestApp;
let m: Mentoring;
let f: ReturnType<typeof planFixtures>;

beforeAll(async () => {
  t = await startApp({ IDEMPOTENCY_ABANDONED_MS: '500' });
  m = await t.given.mentoring();
  f = planFixtures(t, m);
});

afterAll(() => t?.close());

const setClaim = (key: string, sql: string) =>
  t.orm.em.fork().execute(`update idempotency_keys set ${sql} where key = ?`, [key]);

describe('a retried POST whose first request stopped', () => {
  it('after committing but before answering: is not run again, and says so (409 ALREADY_DONE)', async () => {
    const plan = await f.draft();
    const post = () =>
      f
        .mentee()
        .post(`/action-plans/${plan.id}/comments`, { body: 'Once only', target: { type: 'plan', id: plan.id } })
        .set('Idempotency-Key', 'crash-after-commit');
    await post().expect(201);
    // As the claim is left when the instance dies between the commit and recording the answer.
    await setClaim('crash-after-commit', `status = 'committed', response_body = null, created_at = 'epoch'`);

    const retry = await post().expect(409);
    expect(retry.body).toMatchObject({ code: 'ALREADY_DONE' });
    expect(await countRows(t, 'comments', 'plan_id = ?', [plan.id])).toBe(1);
  });

  it('before committing: runs once more, once the claim is abandoned', async () => {
    const plan = await f.draft();
    const body = { body: 'Lost with the instance', target: { type: 'plan', id: plan.id } };
    await f
      .mentee()
      .post(`/action-plans/${plan.id}/comments`, body)
      .set('Idempotency-Key', 'crash-before-commit')
      .expect(201);
    // As the claim is left when the instance dies mid-transaction: still pending, and nothing was written.
    await t.orm.em.fork().execute(`delete from comments where plan_id = ?`, [plan.id]);
    await setClaim('crash-before-commit', `status = 'pending', response_body = null, created_at = 'epoch'`);

    const retry = await f
      .mentee()
      .post(`/action-plans/${plan.id}/comments`, body)
      .set('Idempotency-Key', 'crash-before-commit')
      .expect(201);
    expect(retry.body).toMatchObject({ body: 'Lost with the instance' });
    expect(await countRows(t, 'comments', 'plan_id = ?', [plan.id])).toBe(1);
    // And the retry's own answer is what the next one replays.
    const replay = await f
      .mentee()
      .post(`/action-plans/${plan.id}/comments`, body)
      .set('Idempotency-Key', 'crash-before-commit')
      .expect(201);
    expect(replay.body.id).toBe(retry.body.id);
  });

  it('a request that fails keeps nothing: its key may be used again at once', async () => {
    const plan = await f.draft();
    const bad = {
      body: 'On a milestone that is not there',
      target: { type: 'milestone', id: '00000000-0000-4000-8000-000000000000' },
    };
    await f.mentee().post(`/action-plans/${plan.id}/comments`, bad).set('Idempotency-Key', 'failed-once').expect(400);
    expect(await countRows(t, 'idempotency_keys', `key = 'failed-once'`)).toBe(0);
  });
});
