import { Programme } from '@citymentor/domain';
import { RemindersQueue } from '../../apps/worker/src/reminders/reminders.module';
import { RemindersService } from '../../apps/worker/src/reminders/reminders.service';
import { GivenPlans } from '../support/given-plans';
import { startApp, type TestApp } from '../support/app';
import { startWorkerContext, until, type WorkerContext } from './worker-harness';

const TODAY = '2027-03-10';

describe('milestone reminders and escalations (fixed clock)', () => {
  let t: TestApp;
  let w: WorkerContext;
  let plans: GivenPlans;

  beforeAll(async () => {
    t = await startApp();
    w = await startWorkerContext(t.databaseUrl, { WORKER_JOB_LOCK_MS: '2000' });
    plans = new GivenPlans(t.orm);
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  const sql = <T>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(query, params);

  /** A pair with two members a side, a live plan and milestones due around TODAY. */
  async function pairWithMilestones(settings: { reminderDaysBefore?: number; escalateAfterDays?: number } = {}) {
    const m = await t.given.mentoring();
    if (settings.reminderDaysBefore !== undefined || settings.escalateAfterDays !== undefined) {
      await t.orm.em.fork().nativeUpdate(Programme, { id: m.programme.id }, settings);
    }
    const mentee2 = await t.given.member(m.programme, m.menteeCity, 'city-member');
    const mentor2 = await t.given.member(m.programme, m.mentorCity, 'city-member');
    const plan = await plans.plan(m.pair, { title: 'Desk for founders', state: 'in-progress' });
    const [soon, later, late, veryLate, done] = await plans.milestones(plan, [
      { title: 'Soon', dueDate: '2027-03-15' },
      { title: 'Later', dueDate: '2027-03-20' },
      { title: 'Late', dueDate: '2027-03-05', status: 'in-progress' },
      { title: 'Very late', dueDate: '2027-02-20', status: 'blocked' },
      { title: 'Done late', dueDate: '2027-03-01', status: 'done' },
    ]);
    const archived = await plans.plan(m.pair, { title: 'Given up', state: 'archived' });
    await plans.milestone(archived, { title: 'Forgotten', dueDate: '2027-01-01' });
    const people = {
      mentee: m.people.mentee.user.id,
      mentee2: mentee2.id,
      mentor: m.people.mentor.user.id,
      mentor2: mentor2.id,
      coordinator: m.people.coordinator.user.id,
      expert: m.people.expert.user.id,
      otherCity: m.people.otherCity.user.id,
    };
    return { m, people, milestones: { soon, later, late, veryLate, done } };
  }

  /** Per person, "kind: milestone title" of each notification about these milestones. */
  async function received(people: Record<string, string>, milestoneIds: string[]) {
    const rows = await sql<{ userId: string; kind: string; title: string }>(
      `select n.user_id as "userId", n.kind, m.title from notifications n join milestones m on m.id = n.subject_id
       where n.subject_id = any(?::uuid[]) order by m.due_date, n.kind`,
      [`{${milestoneIds.join(',')}}`],
    );
    return Object.fromEntries(
      Object.entries(people).map(([who, id]) => [
        who,
        rows.filter((r) => r.userId === id).map((r) => `${r.kind}: ${r.title}`),
      ]),
    );
  }

  const menteeSide = ['milestone-overdue: Very late', 'milestone-overdue: Late', 'milestone-due-soon: Soon'];
  const escalated = ['milestone-escalated: Very late'];

  it('reminds the mentee side of due and overdue milestones and escalates the long-overdue ones, once', async () => {
    const { people, milestones } = await pairWithMilestones();
    const ids = Object.values(milestones).map((x) => x.id);
    const first = await w.get(RemindersService).run(TODAY);
    expect(first).toMatchObject({ day: TODAY });
    expect(await received(people, ids)).toEqual({
      mentee: menteeSide,
      mentee2: menteeSide,
      mentor: escalated,
      mentor2: escalated,
      coordinator: escalated,
      expert: [],
      otherCity: [],
    });
    const [escalation] = await sql<{ title: string; body: string; link: string }>(
      `select title, body, link from notifications where user_id = ? and kind = 'milestone-escalated'`,
      [people.coordinator],
    );
    expect(escalation.title).toMatch(/: “Very late” is 18 days overdue$/);
    expect(escalation.link).toMatch(new RegExp(`/plans/[0-9a-f-]{36}#milestone-${milestones.veryLate.id}$`));

    // The same day again, and the next day: nothing new (once per milestone, kind and due date).
    const again = await w.get(RemindersService).run(TODAY);
    expect(again).toMatchObject({ dueSoon: 0, overdue: 0, escalation: 0, notifications: 0 });
    await w.get(RemindersService).run('2027-03-11');
    expect(await received(people, ids)).toEqual(
      expect.objectContaining({ mentee: menteeSide, coordinator: escalated }),
    );
    // Each notification announced in its user's room.
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from events where room = ? and type = 'notification.created'`,
      [`user:${people.mentee}`],
    );
    expect(n).toBe(3);
  });

  it('uses each programme’s own N and M', async () => {
    const { people, milestones } = await pairWithMilestones({ reminderDaysBefore: 3, escalateAfterDays: 4 });
    await w.get(RemindersService).run(TODAY);
    expect(
      await received(
        people,
        Object.values(milestones).map((x) => x.id),
      ),
    ).toMatchObject({
      // "Soon" (in 5 days) is not due within 3; "Late" (5 days) is past 4 days and escalated.
      mentee: ['milestone-overdue: Very late', 'milestone-overdue: Late'],
      coordinator: ['milestone-escalated: Very late', 'milestone-escalated: Late'],
    });
  });

  it('sends each reminder once when two workers run the same day at the same time', async () => {
    const { people, milestones } = await pairWithMilestones();
    const second = await startWorkerContext(t.databaseUrl);
    try {
      await Promise.all([
        w.get(RemindersService).run(TODAY),
        second.get(RemindersService).run(TODAY),
        w.get(RemindersService).run(TODAY),
      ]);
    } finally {
      await second.close();
    }
    expect(
      await received(
        people,
        Object.values(milestones).map((x) => x.id),
      ),
    ).toMatchObject({
      mentee: menteeSide,
      mentee2: menteeSide,
      mentor: escalated,
      coordinator: escalated,
    });
    const dup = await sql(
      `select milestone_id, kind from reminders_sent group by milestone_id, kind, due_date having count(*) > 1`,
    );
    expect(dup).toEqual([]);
  });

  it('runs as one job per day when asked for on demand, however often', async () => {
    const { people, milestones } = await pairWithMilestones();
    const queue = w.get(RemindersQueue);
    const [a, b] = await Promise.all([queue.enqueue('2027-03-12'), queue.enqueue('2027-03-12')]);
    expect(a.id).toBe('reminders-2027-03-12');
    expect(b.id).toBe(a.id);
    await until(async () => (await queue.queue.getJobState(a.id!)) === 'completed', 15_000, 'the reminders job');
    const job = await queue.queue.getJob(a.id!);
    expect(job!.returnvalue).toMatchObject({ day: '2027-03-12' });
    const got = await received(
      people,
      Object.values(milestones).map((x) => x.id),
    );
    expect(got.mentee).toHaveLength(3);
    expect(got.coordinator).toEqual(escalated);
  });
});
