/**
 * The demo consortium a new installation offers is placed around the day it is seeded: a programme in
 * its middle, a few milestones late by days or weeks (not years), some due soon, two pairs stalled, and
 * a history in the activity feed that nobody is notified about.
 */
import { startApp, type TestApp } from '../support/app';

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / DAY_MS);

describe('the demo consortium', () => {
  let t: TestApp;
  let token: string;
  let programmeId: string;

  beforeAll(async () => {
    t = await startApp({ SEED_DEMO: 'true' });
    token = (
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'coordinator@eurocities.eu', password: 'citymentor-demo' })
        .expect(200)
    ).body.accessToken;
    programmeId = (await t.api.as(token).get('/programmes').expect(200)).body[0].id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('runs from about ten months ago to about fourteen months ahead, named for its years', async () => {
    const programme = (await t.api.as(token).get(`/programmes/${programmeId}`).expect(200)).body;
    expect(daysFromToday(programme.startDate)).toBeGreaterThan(-340);
    expect(daysFromToday(programme.startDate)).toBeLessThan(-270);
    expect(daysFromToday(programme.endDate)).toBeGreaterThan(360);
    expect(daysFromToday(programme.endDate)).toBeLessThan(460);
    expect(programme.name).toBe(`CITIES GROW ${programme.startDate.slice(0, 4)}–${programme.endDate.slice(0, 4)}`);
  });

  it('has a few milestones late by days or weeks, some due soon, most done or ahead', async () => {
    const dashboard = (await t.api.as(token).get(`/programmes/${programmeId}/dashboard`).expect(200)).body;
    const late = dashboard.lateMilestones as { daysLate: number }[];
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(late.length).toBeLessThanOrEqual(5);
    for (const m of late) expect(m.daysLate).toBeLessThanOrEqual(31);
    expect(dashboard.milestones.total - dashboard.milestones.late).toBeGreaterThan(dashboard.milestones.total / 2);

    const plan = (
      await t.api
        .as(token)
        .get(`/action-plans/${(late[0] as unknown as { planId: string }).planId}`)
        .expect(200)
    ).body;
    const dueSoon = (plan.milestones as { dueDate: string; status: string }[]).filter(
      (m) => m.status !== 'done' && daysFromToday(m.dueDate) >= 0 && daysFromToday(m.dueDate) <= 30,
    );
    expect(dueSoon.length).toBeGreaterThan(0);

    const consortiumLate = (dashboard.consortiumMilestones as { late: boolean; dueDate: string }[]).filter(
      (m) => m.late,
    );
    expect(consortiumLate).toHaveLength(1);
    expect(daysFromToday(consortiumLate[0].dueDate)).toBeGreaterThan(-60);
  });

  it('shows two pairs stalled, for different reasons, and the others alive', async () => {
    const dashboard = (await t.api.as(token).get(`/programmes/${programmeId}/dashboard`).expect(200)).body;
    const stalled = dashboard.stalled as { kind: string; mentorName: string; menteeName: string; awaiting: string }[];
    expect(new Set(stalled.map((s) => `${s.mentorName} → ${s.menteeName}`))).toEqual(
      new Set(['Rotterdam → Lisbon', 'Vienna → Nicosia']),
    );
    expect(new Set(stalled.map((s) => s.kind))).toEqual(
      new Set(['no-activity', 'plan-not-reviewed', 'thread-unanswered']),
    );
    expect(stalled.find((s) => s.kind === 'plan-not-reviewed')).toMatchObject({
      mentorName: 'Vienna',
      awaiting: 'mentor',
    });
  });

  it('has a history in the activity feed, in time order, that nobody was notified about', async () => {
    const feed = (await t.api.as(token).get(`/programmes/${programmeId}/activity`).expect(200)).body;
    const items = feed.items as { type: string; at: string }[];
    expect(items.length).toBeGreaterThan(10);
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
    expect(new Set(items.map((i) => i.type))).toEqual(
      new Set([
        'pair.created',
        'plan.submitted',
        'plan.reviewed',
        'plan.updated',
        'comment.created',
        'comment.resolved',
        'progress.logged',
      ]),
    );

    const sql = t.orm.em.getConnection();
    const [{ cursor, head }] = await sql.execute(
      `select (select seq from worker_cursors where name = 'notifications')::text as cursor, (select max(seq) from events)::text as head`,
    );
    expect(cursor).toBe(head);
  });
});
