import { EventStream } from '../../apps/api/src/realtime/event-stream';
import { startApp, type TestApp } from '../support/app';
import { planFixtures, type Mentoring } from './plan-fixtures';

/**
 * Every GET answer says where the event log stood before it was read (X-Event-Seq): a client subscribing
 * with that sinceSeq is replayed what changed after its read (realtime-client.e2e-spec.ts shows the replay).
 */
describe('X-Event-Seq on reads', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  it('is the stream position on a GET (200 or 304), moves on with a change, and is absent on writes', async () => {
    const plan = await f.ready();
    const stream = t.app.get(EventStream);
    await stream.drain();
    const first = await f.as('mentee').get(`/action-plans/${plan.id}`).expect(200);
    expect(first.headers['x-event-seq']).toBe(stream.position.toString());
    const again = await f
      .as('mentee')
      .get(`/action-plans/${plan.id}`)
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(again.headers['x-event-seq']).toBe(first.headers['x-event-seq']);

    const posted = await f
      .as('mentor')
      .post(`/action-plans/${plan.id}/comments`, { body: 'A change', target: { type: 'plan', id: plan.id } })
      .expect(201);
    expect(posted.headers['x-event-seq']).toBeUndefined();
    await stream.drain();
    const after = await f.as('mentee').get(`/action-plans/${plan.id}/comments`).expect(200);
    expect(BigInt(after.headers['x-event-seq'])).toBeGreaterThan(BigInt(first.headers['x-event-seq']));
  });
});
