import type { Response } from 'supertest';
import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';

type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;
const today = () => new Date().toISOString().slice(0, 10);
const daysSince = (date: string) => Math.round((Date.parse(today()) - Date.parse(date)) / 86_400_000);

describe('the milestones timeline', () => {
  let t: TestApp;
  let m: Cast;
  let timeline: Response['body'];
  let planId: string;
  const as = (who: keyof Cast['people']) => t.api.as(m.people[who].token);
  const path = () => `/programmes/${m.programme.id}/timeline`;

  beforeAll(async () => {
    t = await startApp();
    const plans = new GivenPlans(t.orm);
    m = await t.given.mentoring();
    const running = await plans.plan(m.pair, {
      title: 'One-stop shop',
      sectionCodes: ['networking', 'strategy'],
      state: 'in-progress',
    });
    planId = running.id;
    await plans.milestones(running, [
      { title: 'Open the desk', dueDate: '2099-01-01', status: 'blocked' },
      { title: 'Map the services', dueDate: '2020-01-15', status: 'in-progress' },
      { title: 'Kick-off', dueDate: '2020-01-01', status: 'done' },
    ]);
    const archived = await plans.plan(m.pair, { title: 'Microcredit', state: 'archived' });
    await plans.milestone(archived, { title: 'Talk to banks', dueDate: '2019-01-01' });
    await as('coordinator')
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Final report', dueDate: '2099-12-01' })
      .expect(201);
    timeline = (await as('coordinator').get(path()).expect(200)).body;
  });
  afterAll(() => t.close());

  it('gives the programme’s span, today and the consortium milestones', () => {
    expect(timeline).toMatchObject({
      programmeId: m.programme.id,
      today: today(),
      startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      endDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(timeline.consortium).toEqual([
      expect.objectContaining({ title: 'Final report', dueDate: '2099-12-01', status: 'planned', late: false }),
    ]);
  });

  it('lists every pair with its plans’ milestones by due date, late ones flagged, archived plans left out', () => {
    const pairs = timeline.pairs as { pairId: string; milestones: { title: string }[] }[];
    expect(pairs.map((p) => p.pairId).sort()).toEqual([m.pair.id, m.otherPair.id].sort());
    const ours = pairs.find((p) => p.pairId === m.pair.id)!;
    expect(ours).toMatchObject({ status: 'active', mentorName: m.mentorCity.name, menteeName: m.menteeCity.name });
    expect(ours.milestones.map((x) => x.title)).toEqual(['Kick-off', 'Map the services', 'Open the desk']);
    expect(ours.milestones[1]).toEqual({
      milestoneId: expect.any(String),
      title: 'Map the services',
      dueDate: '2020-01-15',
      status: 'in-progress',
      late: true,
      daysLate: daysSince('2020-01-15'),
      planId,
      planTitle: 'One-stop shop',
      sectionCodes: ['networking', 'strategy'],
      sectionTitles: [expect.stringMatching(/^Strategy/), expect.any(String)],
    });
    expect(ours.milestones[0]).toMatchObject({ late: false, daysLate: 0 });
    expect(ours.milestones[2]).toMatchObject({ late: false, daysLate: 0 });
    expect(pairs.find((p) => p.pairId === m.otherPair.id)!.milestones).toEqual([]);
  });

  it.each([
    ['the coordinator', 200, 'coordinator'],
    ['an expert', 200, 'expert'],
    ['the admin', 200, 'admin'],
    ['a city member of a pair', 403, 'mentee'],
    ['a city member of another pair', 403, 'otherCity'],
    ['an outsider', 404, 'outsider'],
  ] as const)('answers %s with %i', async (_who, status, who) => {
    await as(who).get(path()).expect(status);
  });

  it('answers 404 for a programme that does not exist, even to the admin', async () => {
    await as('admin').get(`/programmes/${randomUUID()}/timeline`).expect(404);
  });
});
