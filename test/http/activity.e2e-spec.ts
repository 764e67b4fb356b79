import { randomUUID } from 'node:crypto';
import { EventRecord } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import type { ApiClient } from '../support/api-client';
import { statementsDuring } from '../support/count-statements';
import { GivenPlans } from '../support/given-plans';

type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Person = keyof Cast['people'];
interface Item {
  seq: string;
  type: string;
  room: string;
  payload: Record<string, unknown>;
  actor: { id: string; name: string } | null;
  at: string;
  subject: { planTitle: string | null; milestoneTitle: string | null };
}

describe('activity feed', () => {
  let t: TestApp;
  let plans: GivenPlans;

  beforeAll(async () => {
    t = await startApp();
    plans = new GivenPlans(t.orm);
  });
  afterAll(() => t.close());

  const as = (m: Cast, who: Person): ApiClient => t.api.as(m.people[who].token);
  const feed = async (m: Cast, who: Person, query = ''): Promise<{ items: Item[]; nextCursor: string | null }> =>
    (await as(m, who).get(`/programmes/${m.programme.id}/activity${query}`).expect(200)).body;

  /** Every page, following nextCursor. */
  async function allPages(m: Cast, who: Person, limit: number): Promise<Item[][]> {
    const pages: Item[][] = [];
    let cursor: string | null = null;
    do {
      const page = await feed(m, who, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }

  async function comment(m: Cast, who: Person, planId: string, body: string): Promise<string> {
    return (
      await as(m, who)
        .post(`/action-plans/${planId}/comments`, { body, target: { type: 'plan', id: planId } })
        .expect(201)
    ).body.id;
  }

  /** One change in the programme's room, one in each pair, in this order. */
  async function threeChanges(m: Cast) {
    const plan = await plans.plan(m.pair);
    const otherPlan = await plans.plan(m.otherPair);
    const milestone = await as(m, 'coordinator')
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Mentoring visit', dueDate: '2027-03-01' })
      .expect(201);
    const inPair = await comment(m, 'mentor', plan.id, 'On our pair');
    const inOtherPair = await comment(m, 'otherCity', otherPlan.id, 'On the other pair');
    return { plan, otherPlan, milestoneId: milestone.body.id as string, inPair, inOtherPair };
  }

  it('lists each change once, newest first, with its actor', async () => {
    const m = await t.given.mentoring();
    const { milestoneId, inPair, inOtherPair } = await threeChanges(m);
    const { items, nextCursor } = await feed(m, 'coordinator');
    expect(items.map((i) => [i.type, i.room])).toEqual([
      ['comment.created', `pair:${m.otherPair.id}`],
      ['comment.created', `pair:${m.pair.id}`],
      ['programme.milestone.updated', `programme:${m.programme.id}`],
    ]);
    expect(items.map((i) => i.payload.commentId ?? i.payload.milestoneId)).toEqual([inOtherPair, inPair, milestoneId]);
    expect(items[1].actor).toEqual({ id: m.people.mentor.user.id, name: m.people.mentor.user.name });
    expect(items[1].at).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(BigInt(items[0].seq)).toBeGreaterThan(BigInt(items[1].seq));
    expect(nextCursor).toBeNull();
  });

  it('names the plan and the milestone each change is about, by their current titles', async () => {
    const m = await t.given.mentoring();
    const plan = await plans.plan(m.pair, { title: 'Microcredit desk' });
    const [milestone] = await plans.milestones(plan, [{ title: 'Talk to the banks', dueDate: '2027-03-01' }]);
    await comment(m, 'mentor', plan.id, 'On the plan');
    await as(m, 'mentee')
      .post(`/action-plans/${plan.id}/comments`, {
        body: 'On the milestone',
        target: { type: 'milestone', id: milestone.id },
      })
      .expect(201);
    await as(m, 'coordinator')
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Mentoring visit', dueDate: '2027-03-01' })
      .expect(201);
    const { items } = await feed(m, 'coordinator');
    expect(items.map((i) => [i.type, i.subject])).toEqual([
      ['programme.milestone.updated', { planTitle: null, milestoneTitle: null }],
      ['comment.created', { planTitle: 'Microcredit desk', milestoneTitle: 'Talk to the banks' }],
      ['comment.created', { planTitle: 'Microcredit desk', milestoneTitle: null }],
    ]);
  });

  it('shows a city only the programme’s events and its own pairs’, never another pair’s', async () => {
    const m = await t.given.mentoring();
    await threeChanges(m);
    const rooms = async (who: Person) => (await feed(m, who)).items.map((i) => i.room).sort();
    const programmeRoom = `programme:${m.programme.id}`;
    expect(await rooms('mentee')).toEqual([`pair:${m.pair.id}`, programmeRoom].sort());
    expect(await rooms('mentor')).toEqual([`pair:${m.pair.id}`, programmeRoom].sort());
    expect(await rooms('otherCity')).toEqual([`pair:${m.otherPair.id}`, programmeRoom].sort());
    for (const who of ['coordinator', 'expert', 'admin'] as const) expect(await rooms(who)).toHaveLength(3);
  });

  it('lists an assessment change once, though it is logged in its own room and in every pair of the city', async () => {
    const m = await t.given.mentoring();
    const fourthCity = await t.given.organisation('city');
    await t.given.participant(m.programme, fourthCity);
    const secondPair = await t.given.pair(m.programme, m.menteeCity, fourthCity);
    /** What the assessments service writes: the assessment's room and the room of each pair of the city. */
    const assessmentUpdated = async (organisationId: string, pairIds: string[], actorId: string) => {
      const assessmentId = randomUUID();
      const payload = {
        programmeId: m.programme.id,
        assessmentId,
        organisationId,
        benchmarkCode: 'migrant-entrepreneurs',
        phase: 'baseline',
        status: 'draft',
        questionCode: 'strategy.q1',
      };
      const rooms = [`assessment:${assessmentId}`, ...pairIds.map((id) => `pair:${id}`)];
      await t.orm.em
        .fork()
        .persistAndFlush(
          rooms.map(
            (room) =>
              new EventRecord({ room, type: 'assessment.updated', payload, actorId, programmeId: m.programme.id }),
          ),
        );
      return assessmentId;
    };
    const menteeCitys = await assessmentUpdated(m.menteeCity.id, [m.pair.id, secondPair.id], m.people.mentee.user.id);
    const mentorCitys = await assessmentUpdated(m.mentorCity.id, [m.pair.id], m.people.mentor.user.id);
    const seen = async (who: Person) => (await feed(m, who)).items.map((i) => i.payload.assessmentId).sort();
    for (const who of ['coordinator', 'expert', 'admin', 'mentee', 'mentor'] as const)
      expect(await seen(who)).toEqual([menteeCitys, mentorCitys].sort());
    expect(await seen('otherCity')).toEqual([]);
  });

  it('is visible to members only', async () => {
    const m = await t.given.mentoring();
    await as(m, 'outsider').get(`/programmes/${m.programme.id}/activity`).expect(404);
    await as(m, 'coordinator').get(`/programmes/${randomUUID()}/activity`).expect(404);
    await t.api.get(`/programmes/${m.programme.id}/activity`).expect(401);
  });

  it('pages by cursor without gaps or duplicates', async () => {
    const m = await t.given.mentoring();
    const plan = await plans.plan(m.pair);
    for (let i = 0; i < 23; i++) await comment(m, i % 2 ? 'mentor' : 'mentee', plan.id, `Comment ${i}`);
    const everything = (await feed(m, 'mentee', '?limit=100')).items.map((i) => i.seq);
    expect(everything).toHaveLength(23);

    const pages = await allPages(m, 'mentee', 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat().map((i) => i.seq)).toEqual(everything);
    expect(new Set(everything).size).toBe(23);
    const asNumbers = everything.map(Number);
    expect(asNumbers).toEqual([...asNumbers].sort((a, b) => b - a));

    // An event that arrives while paging lands on top and does not shift the pages below.
    const first = await feed(m, 'mentee', '?limit=10');
    await comment(m, 'mentor', plan.id, 'Late arrival');
    const second = await feed(m, 'mentee', `?limit=10&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.seq)).toEqual(everything.slice(10, 20));
    expect((await feed(m, 'mentee')).items).toHaveLength(24);
    expect((await feed(m, 'mentee', '?limit=1')).items[0].payload.body).toBe('Late arrival');
  });

  it.each([
    ['cursor=abc', 'cursor'],
    ['cursor=-5', 'cursor'],
    ['cursor=12.5', 'cursor'],
    ['cursor=99999999999999999999', 'cursor'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=2.5', 'limit'],
    ['since=1', 'since'],
  ])('refuses ?%s with 400 naming %s', async (query, field) => {
    const m = await t.given.mentoring();
    const res = await as(m, 'coordinator').get(`/programmes/${m.programme.id}/activity?${query}`).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
  });

  it('defaults to 50 items a page', async () => {
    const m = await t.given.mentoring();
    const plan = await plans.plan(m.pair);
    for (let i = 0; i < 52; i++) await comment(m, 'mentor', plan.id, `Comment ${i}`);
    const page = await feed(m, 'expert');
    expect(page.items).toHaveLength(50);
    expect((await feed(m, 'expert', `?cursor=${page.nextCursor}`)).items).toHaveLength(2);
  });

  it('reads a page with the same number of SQL statements for 5 and for 50 items', async () => {
    const m = await t.given.mentoring();
    const plan = await plans.plan(m.pair);
    const statements = (who: Person) =>
      statementsDuring(t.orm, () => as(m, who).get(`/programmes/${m.programme.id}/activity?limit=100`).expect(200));
    for (let i = 0; i < 5; i++) await comment(m, i % 2 ? 'mentor' : 'mentee', plan.id, `Comment ${i}`);
    const atFive = { city: await statements('mentee'), coordinator: await statements('coordinator') };
    for (let i = 5; i < 50; i++) await comment(m, i % 2 ? 'mentor' : 'mentee', plan.id, `Comment ${i}`);
    const atFifty = { city: await statements('mentee'), coordinator: await statements('coordinator') };
    expect((await feed(m, 'mentee', '?limit=100')).items).toHaveLength(50);
    expect(atFive.city.filter((sql) => /from events e/.test(sql))).toHaveLength(1);
    expect(atFifty.city.length).toBe(atFive.city.length);
    expect(atFifty.coordinator.length).toBe(atFive.coordinator.length);
  });
});
