import { EmailDeliveryService } from '../../apps/worker/src/mail/email-delivery.service';
import { StallAlertsService } from '../../apps/worker/src/reminders/stall-alerts.service';
import { GivenPlans } from '../support/given-plans';
import { startApp, type TestApp } from '../support/app';
import { startWorkerContext, TestSmtp, type WorkerContext } from './worker-harness';

describe('stalled pairs: on the dashboard and to the coordinators', () => {
  let t: TestApp;
  let w: WorkerContext;
  let smtp: TestSmtp;
  let plans: GivenPlans;

  beforeAll(async () => {
    t = await startApp();
    smtp = await TestSmtp.start();
    w = await startWorkerContext(t.databaseUrl, { SMTP_URL: smtp.url });
    plans = new GivenPlans(t.orm);
  });
  afterAll(async () => {
    await w?.close();
    await smtp?.close();
    await t?.close();
  });

  const sql = <T>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(query, params);
  const ago = (days: number) => `now() - interval '${days} days' - interval '1 hour'`;

  /**
   * A pair quiet for 30 days with a plan submitted 10 days ago and three threads: the mentee's
   * question unanswered for 9 days, one the mentor answered 2 days ago, one resolved long ago;
   * beside it a pair (the programme's other pair) where something happened today.
   */
  async function quietPair() {
    const m = await t.given.mentoring();
    const submitted = await plans.plan(m.pair, { title: 'Welcome desk', state: 'submitted' });
    const mentee = t.api.as(m.people.mentee.token);
    const mentor = t.api.as(m.people.mentor.token);
    const comment = async (as: typeof mentee, body: string, parentId?: string) =>
      (
        await as
          .post(`/action-plans/${submitted.id}/comments`, {
            body,
            target: { type: 'plan', id: submitted.id },
            ...(parentId ? { parentId } : {}),
          })
          .expect(201)
      ).body as { id: string };
    const unanswered = await comment(mentee, 'Who should staff the desk?');
    const answered = await comment(mentee, 'Is the budget right?');
    const answer = await comment(mentor, 'Yes, it is.', answered.id);
    const resolved = await comment(mentee, 'Opening hours?');
    await mentor.post(`/comments/${resolved.id}/resolve`, {}).expect(200);

    await sql(`update pairs set created_at = ${ago(60)} where id = ?`, [m.pair.id]);
    await sql(`update events set at = ${ago(30)} where room = ?`, [`pair:${m.pair.id}`]);
    await sql(`update action_plans set updated_at = ${ago(10)} where id = ?`, [submitted.id]);
    await sql(`update comments set created_at = ${ago(9)} where id in (?, ?)`, [unanswered.id, answered.id]);
    await sql(`update comments set created_at = ${ago(2)} where id = ?`, [answer.id]);
    await sql(`update comments set created_at = ${ago(40)} where id = ?`, [resolved.id]);
    // The other pair of the programme is busy.
    const busy = await plans.plan(m.otherPair, { title: 'Busy plan' });
    await t.api
      .as(m.people.otherCity.token)
      .post(`/action-plans/${busy.id}/comments`, { body: 'Today', target: { type: 'plan', id: busy.id } })
      .expect(201);
    return { m, submitted, unanswered };
  }

  it('shows each stalled pair with why and for how long, longest first, to coordinators only', async () => {
    const { m, submitted, unanswered } = await quietPair();
    const dashboard = await t.api
      .as(m.people.coordinator.token)
      .get(`/programmes/${m.programme.id}/dashboard`)
      .expect(200);
    expect(dashboard.body.stallThresholds).toEqual({ stalledAfterDays: 21, respondWithinDays: 7 });
    const names = { pairId: m.pair.id, mentorName: m.mentorCity.name, menteeName: m.menteeCity.name };
    expect(dashboard.body.stalled).toEqual([
      {
        kind: 'no-activity',
        ...names,
        since: expect.any(String),
        days: 30,
        awaiting: 'both',
        planId: null,
        planTitle: null,
        threadId: null,
      },
      {
        kind: 'plan-not-reviewed',
        ...names,
        since: expect.any(String),
        days: 10,
        awaiting: 'mentor',
        planId: submitted.id,
        planTitle: 'Welcome desk',
        threadId: null,
      },
      {
        kind: 'thread-unanswered',
        ...names,
        since: expect.any(String),
        days: 9,
        awaiting: 'mentor',
        planId: submitted.id,
        planTitle: 'Welcome desk',
        threadId: unanswered.id,
      },
    ]);
    await t.api.as(m.people.mentee.token).get(`/programmes/${m.programme.id}/dashboard`).expect(403);
  });

  it('measures against the thresholds the coordinator sets for the programme', async () => {
    const { m } = await quietPair();
    const coordinator = t.api.as(m.people.coordinator.token);
    const updated = await coordinator
      .patch(`/programmes/${m.programme.id}`, { stalledAfterDays: 45, respondWithinDays: 9 })
      .expect(200);
    expect(updated.body.settings).toEqual({
      reminderDaysBefore: 7,
      escalateAfterDays: 14,
      stalledAfterDays: 45,
      respondWithinDays: 9,
    });
    const dashboard = await coordinator.get(`/programmes/${m.programme.id}/dashboard`).expect(200);
    expect(dashboard.body.stalled.map((s: { kind: string }) => s.kind)).toEqual([
      'plan-not-reviewed',
      'thread-unanswered',
    ]);

    await coordinator.patch(`/programmes/${m.programme.id}`, { stalledAfterDays: 0 }).expect(400);
    await coordinator.patch(`/programmes/${m.programme.id}`, { stalledAfterDays: 30, colour: 'red' }).expect(400);
    await t.api.as(m.people.mentee.token).patch(`/programmes/${m.programme.id}`, { stalledAfterDays: 30 }).expect(403);
    await t.api
      .as(m.people.outsider.token)
      .patch(`/programmes/${m.programme.id}`, { stalledAfterDays: 30 })
      .expect(404);
  });

  it('alerts every coordinator once per wait, however often and by however many workers the job runs', async () => {
    const { m } = await quietPair();
    const secondCoordinator = await t.given.member(m.programme, m.coordinatorOrganisation, 'coordinator');
    const other = await startWorkerContext(t.databaseUrl);
    try {
      const [a, b] = await Promise.all([
        w.get(StallAlertsService).run(new Date()),
        other.get(StallAlertsService).run(new Date()),
      ]);
      const alerts = await sql<{ key: string }>(`select key from stall_alerts where programme_id = ?`, [
        m.programme.id,
      ]);
      expect(alerts.map((x) => x.key.split(':')[0]).sort()).toEqual([
        'no-activity',
        'plan-not-reviewed',
        'thread-unanswered',
      ]);
      const [{ total }] = await sql<{ total: number }>(`select count(*)::int as total from stall_alerts`);
      expect(a + b).toBe(total);
      expect(await w.get(StallAlertsService).run(new Date())).toBe(0);
    } finally {
      await other.close();
    }
    const received = await sql<{ userId: string; title: string; link: string }>(
      `select user_id as "userId", title, link from notifications where kind = 'pair-stalled' and programme_id = ? order by title`,
      [m.programme.id],
    );
    for (const coordinator of [m.people.coordinator.user.id, secondCoordinator.id]) {
      expect(received.filter((n) => n.userId === coordinator).map((n) => n.title)).toEqual([
        `${m.menteeCity.name}, mentored by ${m.mentorCity.name}: a thread on “Welcome desk” waits 9 days for ${m.mentorCity.name}`,
        `${m.menteeCity.name}, mentored by ${m.mentorCity.name}: no activity for 30 days`,
        `${m.menteeCity.name}, mentored by ${m.mentorCity.name}: “Welcome desk” waits 10 days for review`,
      ]);
    }
    expect(
      received.filter((n) => n.userId === m.people.mentee.user.id || n.userId === m.people.mentor.user.id),
    ).toEqual([]);
    expect(received.map((n) => n.link)).toContain(`/programmes/${m.programme.id}/dashboard#stalled`);

    // Activity ends the wait; a new silence is a new alert.
    const [plan] = await sql<{ id: string }>(`select id from action_plans where pair_id = ?`, [m.pair.id]);
    await t.api
      .as(m.people.mentor.token)
      .post(`/action-plans/${plan.id}/reviews`, { verdict: 'request-changes', summary: 'Say who staffs it.' })
      .expect(201);
    expect(await w.get(StallAlertsService).run(new Date())).toBe(0);
    await sql(`update events set at = ${ago(25)} where room = ?`, [`pair:${m.pair.id}`]);
    expect(await w.get(StallAlertsService).run(new Date())).toBe(1);
  });

  it('puts the alerts in the coordinator’s daily digest', async () => {
    const { m } = await quietPair();
    await t.api.as(m.people.coordinator.token).put('/me/notification-preferences', { email: 'daily' }).expect(200);
    await w.get(StallAlertsService).run(new Date());
    smtp.mails.length = 0;
    await w.get(EmailDeliveryService).sendDigests(new Date().toISOString().slice(0, 10));
    const [digest] = smtp.to(m.people.coordinator.user.email);
    expect(digest.text).toContain(`no activity for 30 days`);
    expect(digest.text).toContain(`“Welcome desk” waits 10 days for review`);
    expect(digest.html).toContain(`href="http://citymentor.test/programmes/${m.programme.id}/dashboard#stalled"`);
  });
});
